//! The native JSONL export: one document per line, offsets in code points, end-exclusive (the
//! import, `io::jsonl::import`, is its exact inverse).
//!
//! `{"doc", "text", "status", "entities": [{"start","end","label","entity"}],
//!   "quotes": [{"kind","content":[[s,e]],"cue":[s,e]|null,"speaker":[s,e]|null,"speaker_entity"}]}`
//! where `entity` and `speaker_entity` are canonical entity names or null. A span that is a
//! pronoun or description rather than a name carries `"mention": "pronoun"` (or
//! `"description"`), so NER consumers can skip it; names carry no `mention` key.
//! A document with metadata (outlet, date, URL…) carries `"meta": {"key": "value", …}` (string
//! values, keys sorted) after `status`; a document without any carries no `meta` key.
//!
//! Categories and attributes (`model::scheme`), each key only when there is something in it:
//! `"categories": {"topic": ["politics"]}` (scheme → chosen values, after `meta`);
//! `"entity_attributes": {"Mara Lind": {"gender": "female"}}` (the attributes of each canonical
//! entity the document's spans link to); `"attributes": {"role": "mayor"}` on an `entities`
//! item (the span's own) and on a quote.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::model::{Attributes, Categories, Document, Project};

#[derive(Serialize)]
struct Line<'a> {
    doc: &'a str,
    text: &'a str,
    status: &'static str,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    meta: &'a BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    categories: &'a Categories,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    entity_attributes: BTreeMap<&'a str, &'a Attributes>,
    entities: Vec<EntityOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    entity: Option<&'a str>,
    /// Present only for pronoun and descriptive mentions ("pronoun", "description").
    #[serde(skip_serializing_if = "Option::is_none")]
    mention: Option<&'static str>,
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    attributes: Attributes,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    kind: &'static str,
    content: Vec<(usize, usize)>,
    cue: Option<(usize, usize)>,
    speaker: Option<(usize, usize)>,
    speaker_entity: Option<&'a str>,
    #[serde(skip_serializing_if = "Attributes::is_empty")]
    attributes: Attributes,
}

fn line<'a>(project: &'a Project, doc: &'a Document) -> Line<'a> {
    let entity_name = |id| project.entity(id).map(|e| e.name.as_str());
    let entities = doc
        .spans
        .iter()
        .map(|s| EntityOut {
            start: s.start,
            end: s.end,
            label: &s.label,
            entity: s.entity.and_then(entity_name),
            mention: (!s.mention.is_name()).then(|| s.mention.name()),
            attributes: s.attributes,
        })
        .collect();
    let quotes = doc
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.and_then(|id| doc.span(id));
            QuoteOut {
                kind: q.kind.name(),
                content: q.content.iter().map(|r| (*r).into()).collect(),
                cue: q.cue.map(Into::into),
                speaker: speaker.map(|s| (s.start, s.end)),
                speaker_entity: speaker.and_then(|s| s.entity).and_then(entity_name),
                attributes: q.attributes,
            }
        })
        .collect();
    Line {
        doc: &doc.name,
        text: &doc.text,
        status: doc.status.key(),
        meta: &doc.meta,
        categories: &doc.categories,
        entity_attributes: doc
            .spans
            .iter()
            .filter_map(|s| project.entity(s.entity?))
            .filter(|e| !e.attributes.is_empty())
            .map(|e| (e.name.as_str(), &e.attributes))
            .collect(),
        entities,
        quotes,
    }
}

/// Write the chosen documents as JSONL.
pub fn write<'a, W: Write>(
    project: &'a Project,
    docs: impl IntoIterator<Item = &'a Document>,
    mut out: W,
) -> std::io::Result<()> {
    for doc in docs {
        serde_json::to_writer(&mut out, &line(project, doc))?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn matches_the_contract() {
        let mut p = Project::new("t");
        p.insert_entity(Entity {
            id: EntityId(1),
            name: "Vladimir Putin".into(),
            label: "PERSON".into(),
            aliases: vec![],
            attributes: Default::default(),
        });
        let mut d = Document::new(DocId(1), "putin-obama", "Putin said: “We’ll see 👀.”");
        let mut s = Span::new(SpanId(1), CharRange::new(0, 5), "PERSON");
        s.entity = Some(EntityId(1));
        d.insert_span(s);
        d.quotes.push(Quote {
            id: QuoteId(1),
            content: vec![CharRange::new(13, 24)],
            speaker: Some(SpanId(1)),
            cue: Some(CharRange::new(6, 10)),
            kind: QuoteKind::Direct,
            origin: Origin::Manual,
            attributes: Default::default(),
        });
        d.status = Status::Done;
        p.insert_document(d);
        let mut buf = Vec::new();
        write(&p, &p.documents, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(text.lines().count(), 1);
        let v: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
        assert_eq!(v["doc"], "putin-obama");
        assert_eq!(v["status"], "done");
        assert_eq!(
            v["entities"][0],
            serde_json::json!({"start": 0, "end": 5, "label": "PERSON", "entity": "Vladimir Putin"})
        );
        assert_eq!(
            v["quotes"][0],
            serde_json::json!({"kind": "direct", "content": [[13, 24]], "cue": [6, 10],
                               "speaker": [0, 5], "speaker_entity": "Vladimir Putin"})
        );
        // Code points: the quote content is "We’ll see 👀" whatever the encoding.
        let t: Vec<char> = v["text"].as_str().unwrap().chars().collect();
        assert_eq!(t[13..24].iter().collect::<String>(), "We’ll see 👀");
    }
}
