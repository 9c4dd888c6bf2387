//! The quotes CSV export: one row per quotation, for a spreadsheet or a statistics package.
//!
//! Columns: `document, speaker_entity, speaker, cue, kind, text, start, end` — the speaker's
//! canonical entity (empty when the mention is not linked), the speaker mention's text, the cue's
//! text, the kind (direct, indirect, mixed), what was said (parts joined by " … "), and the
//! code-point range from the first part's start to the last part's end.
//!
//! Then one column per attribute: `speaker_<name>` for each attribute of the speaker's
//! canonical entity (`speaker_gender`), and `quote_<name>` for each attribute of the quote
//! (`quote_topic`) — the project's definitions in order, then any other name set on an exported
//! item, sorted. A cell is empty where the item has no value.

use std::io::Write;

use std::collections::BTreeSet;

use crate::model::{AttrTarget, Document, Project};

pub fn write<'a, W: Write>(
    project: &'a Project,
    docs: impl IntoIterator<Item = &'a Document>,
    out: W,
) -> std::io::Result<()> {
    let docs: Vec<&Document> = docs.into_iter().collect();
    let speaker_of = |d: &'a Document, q: &'a crate::model::Quote| {
        q.speaker
            .and_then(|s| d.span(s))
            .and_then(|s| s.entity)
            .and_then(|e| project.entity(e))
    };
    let columns = |target: AttrTarget, used: &mut dyn Iterator<Item = &'a str>| {
        let mut names: Vec<&str> = project
            .attributes_of(target)
            .map(|a| a.name.as_str())
            .collect();
        let extra: BTreeSet<&str> = used.filter(|n| !names.contains(n)).collect();
        names.extend(extra);
        names
    };
    let quotes = || {
        docs.iter()
            .flat_map(|d| d.quotes.iter().map(move |q| (*d, q)))
    };
    let speaker_cols = columns(
        AttrTarget::Entity,
        &mut quotes()
            .filter_map(|(d, q)| speaker_of(d, q))
            .flat_map(|e| e.attributes.map().keys().map(String::as_str)),
    );
    let quote_cols = columns(
        AttrTarget::Quote,
        &mut quotes().flat_map(|(_, q)| q.attributes.map().keys().map(String::as_str)),
    );
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<String> = [
        "document",
        "speaker_entity",
        "speaker",
        "cue",
        "kind",
        "text",
        "start",
        "end",
    ]
    .map(String::from)
    .to_vec();
    header.extend(speaker_cols.iter().map(|n| format!("speaker_{n}")));
    header.extend(quote_cols.iter().map(|n| format!("quote_{n}")));
    w.write_record(&header)?;
    for d in docs.iter().copied() {
        for q in &d.quotes {
            let speaker = q.speaker.and_then(|s| d.span(s));
            let entity = speaker_of(d, q);
            let entity_name = entity.map(|e| e.name.as_str()).unwrap_or("");
            let speaker_text = speaker.map(|s| d.slice(s.start, s.end)).unwrap_or("");
            let cue = q.cue.map(|c| d.slice(c.start, c.end)).unwrap_or("");
            let text: Vec<&str> = q.content.iter().map(|r| d.slice(r.start, r.end)).collect();
            let extent = q.extent();
            let (start, end, joined) = (
                extent.start.to_string(),
                extent.end.to_string(),
                text.join(" … "),
            );
            let mut row: Vec<&str> = vec![
                d.name.as_str(),
                entity_name,
                speaker_text,
                cue,
                q.kind.name(),
                &joined,
                &start,
                &end,
            ];
            row.extend(
                speaker_cols
                    .iter()
                    .map(|n| entity.and_then(|e| e.attributes.value(n)).unwrap_or("")),
            );
            row.extend(
                quote_cols
                    .iter()
                    .map(|n| q.attributes.value(n).unwrap_or("")),
            );
            w.write_record(&row)?;
        }
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn one_row_per_quote_with_entity_speaker_cue_and_parts() {
        let mut p = Project::new("t");
        p.insert_entity(Entity {
            id: EntityId(1),
            name: "Mara Lind".into(),
            label: "PERSON".into(),
            aliases: vec![],
            attributes: Default::default(),
        });
        let mut d = Document::new(
            DocId(1),
            "doc, with comma",
            "“We will rebuild,” Lind said, “and soon.”",
        );
        let mut s = Span::new(SpanId(1), CharRange::new(19, 23), "PERSON");
        s.entity = Some(EntityId(1));
        d.insert_span(s);
        d.quotes.push(Quote {
            id: QuoteId(1),
            content: vec![CharRange::new(1, 16), CharRange::new(31, 39)],
            speaker: Some(SpanId(1)),
            cue: Some(CharRange::new(24, 28)),
            kind: QuoteKind::Direct,
            origin: Origin::Manual,
            attributes: Default::default(),
        });
        p.insert_document(d);
        let mut buf = Vec::new();
        write(&p, &p.documents, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][0], "doc, with comma");
        assert_eq!(&rows[0][1], "Mara Lind");
        assert_eq!(&rows[0][2], "Lind");
        assert_eq!(&rows[0][3], "said");
        assert_eq!(&rows[0][4], "direct");
        assert_eq!(&rows[0][5], "We will rebuild … and soon");
        assert_eq!((&rows[0][6], &rows[0][7]), ("1", "39"));
        assert_eq!(r.headers().unwrap().len(), 8, "no attributes, no columns");
    }

    #[test]
    fn speaker_and_quote_attributes_are_columns() {
        let mut p = Project::new("t");
        p.attributes.push(AttributeDef {
            name: "gender".into(),
            target: AttrTarget::Entity,
            values: vec!["female".into(), "male".into()],
            description: String::new(),
        });
        let mut e = Entity {
            id: EntityId(1),
            name: "Mara Lind".into(),
            label: "PERSON".into(),
            aliases: vec![],
            attributes: Default::default(),
        };
        e.attributes.set("gender", Some("female".into()));
        p.insert_entity(e);
        let mut d = Document::new(DocId(1), "a", "Lind said no.");
        let mut s = Span::new(SpanId(1), CharRange::new(0, 4), "PERSON");
        s.entity = Some(EntityId(1));
        d.insert_span(s);
        let mut q = Quote {
            id: QuoteId(1),
            content: vec![CharRange::new(10, 12)],
            speaker: Some(SpanId(1)),
            cue: None,
            kind: QuoteKind::Indirect,
            origin: Origin::Manual,
            attributes: Default::default(),
        };
        q.attributes.set("topic", Some("housing".into()));
        d.quotes.push(q);
        p.insert_document(d);
        let mut buf = Vec::new();
        write(&p, &p.documents, &mut buf).unwrap();
        let mut r = csv::Reader::from_reader(buf.as_slice());
        let h = r.headers().unwrap().clone();
        assert_eq!(&h[8], "speaker_gender");
        assert_eq!(&h[9], "quote_topic");
        let row = r.records().next().unwrap().unwrap();
        assert_eq!((&row[8], &row[9]), ("female", "housing"));
    }
}
