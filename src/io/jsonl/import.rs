//! Native JSONL import: the exact inverse of the native export (`io::jsonl::export`), so a project's
//! annotations survive a trip through a user's own pipeline.
//!
//! One document per line, offsets in code points, end-exclusive:
//! `{"doc", "text", "status", "meta"?, "entities": [{"start","end","label","entity","mention"?}],
//!   "quotes": [{"kind","content":[[s,e]],"cue":[s,e]|null,"speaker":[s,e]|null,"speaker_entity"}]}`
//!
//! `categories` (scheme → values), `entity_attributes` (entity name → attributes) and the
//! `attributes` of entities items and quotes come back as the project's categories and
//! attributes; schemes, attributes and values the project lacks are defined by the import
//! (`io::coding`).
//!
//! `meta` is the document's metadata, an object of key–value pairs (see [`crate::io::meta`] for
//! how non-string values are read).
//!
//! # How lines become annotations
//! - Each `entities` item is a span, in file order (so span ids follow the export's order); its
//!   `mention` ("pronoun", "description"; absent or "name" for names) is the mention kind.
//! - `entity` is a canonical entity's name. Names are what the format carries, so a name is one
//!   entity: the project's entity of that name (preferring one with the span's label), or one
//!   made by this import with the label of the first span that names it. Linked name spans
//!   whose text differs from the entity's name become its aliases, as brat import does.
//! - A quote's `speaker` range is the span on that range (preferring one linked to
//!   `speaker_entity`). When no span covers it, which the export never writes but a hand-made
//!   file may, a speaker mention is made: a pronoun if its text is one, else a description,
//!   labelled like the entity `speaker_entity` names (PERSON when none), and linked to it.
//! - `status` is "todo", "in_progress" or "done"; `kind` is "direct", "indirect" or "mixed"
//!   (direct when absent).
//!
//! What the export does not write does not come back: span and quote origins (everything is
//! "imported from jsonl"), entity aliases and the label set's colours and keys (new labels get
//! free ones). Anything else that is not the contract (a bad offset, an unknown kind) fails the
//! whole import with file and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use crate::io::interchange::{self, Import, ImportBuilder, Place, RecordFormat, Rejected};
use crate::model::{
    AttrTarget, Attributes, CharRange, Mention, Project, Quote, QuoteId, QuoteKind, Span,
};

/// The format's name in `Origin::Imported`.
pub const FORMAT: &str = "jsonl";

/// The label a made speaker mention gets when nothing says otherwise.
const SPEAKER_LABEL: &str = "PERSON";

#[derive(Deserialize)]
struct LineIn {
    #[serde(default)]
    doc: Option<String>,
    text: String,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    meta: Value,
    #[serde(default)]
    categories: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    entity_attributes: BTreeMap<String, Value>,
    #[serde(default)]
    entities: Vec<EntityIn>,
    #[serde(default)]
    quotes: Vec<QuoteIn>,
}

#[derive(Deserialize)]
struct EntityIn {
    start: usize,
    end: usize,
    label: String,
    #[serde(default)]
    entity: Option<String>,
    #[serde(default)]
    mention: Option<String>,
    #[serde(default)]
    attributes: Value,
}

#[derive(Deserialize)]
struct QuoteIn {
    #[serde(default)]
    kind: Option<String>,
    content: Vec<(usize, usize)>,
    #[serde(default)]
    cue: Option<(usize, usize)>,
    #[serde(default)]
    speaker: Option<(usize, usize)>,
    #[serde(default)]
    speaker_entity: Option<String>,
    #[serde(default)]
    attributes: Value,
}

/// How a native JSONL file is read.
const RECORDS: RecordFormat = RecordFormat {
    format: FORMAT,
    noun: "record",
    read: read_line,
};

/// Read the native JSONL files `paths` name (folders are walked for `.jsonl` and `.json`) for
/// adding to `project`. Either everything comes back, or `Rejected` lists every error.
pub fn read_paths(paths: &[PathBuf], project: &Project) -> Result<Import, Rejected> {
    RECORDS.read_paths(paths, project)
}

/// Read native JSONL JSONL already in memory; `path` names it in messages.
pub fn read_str(path: &Path, source: &str, project: &Project) -> Result<Import, Rejected> {
    RECORDS.read_str(path, source, project)
}

fn mention_named(name: Option<&str>) -> Result<Mention, String> {
    match name {
        None | Some("name") => Ok(Mention::Name),
        Some("pronoun") => Ok(Mention::Pronoun),
        Some("description") | Some("nominal") => Ok(Mention::Nominal),
        Some(other) => Err(format!(
            "mention {other:?} is not name, pronoun or description"
        )),
    }
}

fn kind_named(name: Option<&str>) -> Result<QuoteKind, String> {
    match name {
        None => Ok(QuoteKind::Direct),
        Some(k) => [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed]
            .into_iter()
            .find(|q| q.name() == k)
            .ok_or_else(|| format!("quote kind {k:?} is not direct, indirect or mixed")),
    }
}

fn read_line(
    b: &mut ImportBuilder,
    path: &Path,
    place: Place,
    several: bool,
    value: Value,
) -> Result<(), String> {
    let line: LineIn =
        serde_json::from_value(value).map_err(|e| format!("not a Gloss JSONL document: {e}"))?;
    let len = line.text.chars().count();
    let status = match line.status.as_deref() {
        None => None,
        Some(s) => Some(
            interchange::status_named(s)
                .ok_or_else(|| format!("status {s:?} is not todo, in_progress or done"))?,
        ),
    };
    let meta = crate::io::meta::from_object(&line.meta, "meta")?;
    let name = interchange::record_name(path, place, several, line.doc.as_deref());
    let mut doc = b.document(name, line.text, path);
    doc.meta = meta;
    if let Some(s) = status {
        doc.status = s;
    }
    for (scheme, values) in &line.categories {
        for v in values {
            b.codes.category(&mut doc, scheme, v)?;
        }
    }
    for (i, e) in line.entities.into_iter().enumerate() {
        let at = |m: String| format!("entities[{i}]: {m}");
        let range = interchange::checked_range(e.start, e.end, len).map_err(at)?;
        b.ensure_label(&e.label).map_err(at)?;
        let mut span = Span::new(doc.next_span_id(), range, &e.label);
        span.mention = mention_named(e.mention.as_deref()).map_err(at)?;
        span.origin = b.origin();
        if let Some(name) = &e.entity {
            span.entity = Some(b.entity(name, &e.label).map_err(at)?);
        }
        b.codes
            .attributes_from_json(&mut span.attributes, AttrTarget::Span, &e.attributes)
            .map_err(at)?;
        doc.insert_span(span);
    }
    let mut quotes = Vec::new();
    for (i, q) in line.quotes.into_iter().enumerate() {
        let at = |m: String| format!("quotes[{i}]: {m}");
        if q.content.is_empty() {
            return Err(at("no content; a quote says something".into()));
        }
        let content = q
            .content
            .iter()
            .map(|&(s, e)| interchange::checked_range(s, e, len))
            .collect::<Result<Vec<CharRange>, String>>()
            .map_err(at)?;
        let cue = q
            .cue
            .map(|(s, e)| interchange::checked_range(s, e, len))
            .transpose()
            .map_err(|m| at(format!("cue: {m}")))?;
        let kind = kind_named(q.kind.as_deref()).map_err(at)?;
        let speaker = match q.speaker {
            None => None,
            Some((s, e)) => {
                let range = interchange::checked_range(s, e, len)
                    .map_err(|m| at(format!("speaker: {m}")))?;
                let wanted = q.speaker_entity.as_deref();
                let on_range: Vec<&Span> =
                    doc.spans.iter().filter(|sp| sp.range() == range).collect();
                let found = on_range
                    .iter()
                    .find(|sp| sp.entity.and_then(|e| b.entity_name(e)) == wanted)
                    .or(on_range.first())
                    .map(|sp| sp.id);
                let id = match found {
                    Some(id) => id,
                    None => {
                        let label = wanted
                            .and_then(|n| b.entity_label_by_name(n))
                            .unwrap_or(SPEAKER_LABEL)
                            .to_string();
                        b.ensure_label(&label).map_err(at)?;
                        let mut span = Span::new(doc.next_span_id(), range, &label);
                        span.mention = if crate::text::is_pronoun_at(&doc, range.start, range.end) {
                            Mention::Pronoun
                        } else {
                            Mention::Nominal
                        };
                        span.origin = b.origin();
                        if let Some(name) = wanted {
                            span.entity = Some(b.entity(name, &label).map_err(at)?);
                        }
                        let id = span.id;
                        doc.insert_span(span);
                        id
                    }
                };
                if let (Some(name), Some(sp)) = (wanted, doc.span(id)) {
                    match sp.entity {
                        None => {
                            let label = sp.label;
                            let entity = b.entity(name, &label).map_err(at)?;
                            if let Some(sp) = doc.span_mut(id) {
                                sp.entity = Some(entity);
                            }
                        }
                        Some(e) if b.entity_name(e) == Some(name) => {}
                        Some(e) => {
                            let has = b.entity_name(e).unwrap_or_default().to_string();
                            b.skip(
                                path,
                                place,
                                format!(
                                    "quotes[{i}]: speaker_entity {name:?} differs from the speaker mention's entity {has:?}; kept {has:?}"
                                ),
                            );
                        }
                    }
                }
                Some(id)
            }
        };
        let mut attributes = Attributes::default();
        b.codes
            .attributes_from_json(&mut attributes, AttrTarget::Quote, &q.attributes)
            .map_err(at)?;
        quotes.push(Quote {
            id: QuoteId(quotes.len() as u64 + 1),
            content,
            speaker,
            cue,
            kind,
            origin: b.origin(),
            attributes,
        });
    }
    for (name, attrs) in &line.entity_attributes {
        let at = |m: String| format!("entity_attributes {name:?}: {m}");
        let Some(id) = doc
            .spans
            .iter()
            .filter_map(|s| s.entity)
            .find(|&e| b.entity_name(e) == Some(name.as_str()))
        else {
            b.skip(
                path,
                place,
                at("no span of the document links to it; not read".into()),
            );
            continue;
        };
        let mut set = Attributes::default();
        b.codes
            .attributes_from_json(&mut set, AttrTarget::Entity, attrs)
            .map_err(at)?;
        for (k, v) in set.iter() {
            b.entity_attribute(id, k, v).map_err(at)?;
        }
    }
    for q in quotes {
        doc.insert_quote(q);
    }
    b.push(doc, path, place);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::jsonl;
    use crate::io::test_fixtures::{at, entity, errors_of, quote};
    use crate::model::*;

    /// Emoji (ZWJ family, flag), combining marks, CJK and CRLF.
    const TEXT: &str = "🇺🇦 Ana\u{301} Ruiz 👩‍👩‍👧 said:\r\n“習近平 will come,” she wrote.\r\n";

    fn sample() -> Project {
        let mut p = Project::new("t");
        p.insert_entity(entity(4, "Ana Ruiz", "PERSON"));
        p.insert_entity(Entity {
            id: EntityId(5),
            name: "Xi Jinping".into(),
            label: "PERSON".into(),
            aliases: vec!["習近平".into()],
            attributes: Default::default(),
        });
        let mut d = Document::new(DocId(1), "xi", TEXT);
        let mut ana = Span::new(SpanId(1), at(TEXT, "Ana\u{301} Ruiz"), "PERSON");
        ana.entity = Some(EntityId(4));
        d.insert_span(ana);
        let mut xi = Span::new(SpanId(2), at(TEXT, "習近平"), "PERSON");
        xi.entity = Some(EntityId(5));
        d.insert_span(xi);
        let mut she = Span::new(SpanId(3), at(TEXT, "she"), "PERSON");
        she.mention = Mention::Pronoun;
        she.entity = Some(EntityId(4));
        d.insert_span(she);
        d.insert_quote(quote(
            1,
            vec![at(TEXT, "習近平 will come,")],
            Some(SpanId(3)),
            Some(at(TEXT, "wrote")),
            QuoteKind::Direct,
        ));
        d.status = Status::Done;
        d.meta.insert("outlet".into(), "Daily Planet".into());
        d.meta
            .insert("url".into(), "https://example.org/xi?a=1&b=“2”".into());
        p.insert_document(d);
        p
    }

    fn export(p: &Project) -> String {
        let mut buf = Vec::new();
        jsonl::write(p, &p.documents, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    fn errors(source: &str) -> Vec<String> {
        errors_of(read_str(Path::new("a.jsonl"), source, &Project::new("t")))
    }

    #[test]
    fn export_then_import_gives_back_every_annotation() {
        let p = sample();
        let i = read_str(Path::new("a.jsonl"), &export(&p), &Project::new("t")).unwrap();
        assert!(i.skipped.is_empty() && i.notices.is_empty());
        let names: Vec<_> = i.new_entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Ana Ruiz", "Xi Jinping"]);
        // "Ana\u{301} Ruiz" differs from the name; "習近平" is an alias already, but aliases
        // do not travel, so it is one again.
        assert_eq!(i.new_entities[0].aliases, ["Ana\u{301} Ruiz"]);
        assert_eq!(i.new_entities[1].aliases, ["習近平"]);
        let d = &i.documents[0];
        let o = &p.documents[0];
        assert_eq!(
            (d.name.as_str(), d.status, &d.text),
            ("xi", Status::Done, &o.text)
        );
        assert_eq!(d.meta, o.meta);
        let entity_name = |id: Option<EntityId>, list: &[Entity]| {
            id.and_then(|id| list.iter().find(|e| e.id == id))
                .map(|e| e.name.clone())
        };
        let spans = |doc: &Document, list: &[Entity]| -> Vec<_> {
            doc.spans
                .iter()
                .map(|s| {
                    (
                        s.id,
                        s.range(),
                        s.label,
                        s.mention,
                        entity_name(s.entity, list),
                    )
                })
                .collect()
        };
        assert_eq!(spans(d, &i.new_entities), spans(o, &p.entities));
        let q = &d.quotes[0];
        assert_eq!(
            (&q.content, q.cue, q.kind, q.speaker),
            (
                &o.quotes[0].content,
                o.quotes[0].cue,
                o.quotes[0].kind,
                o.quotes[0].speaker
            )
        );
        // Exported again, the line is the same.
        let mut again = Project::new("t");
        again.entities = i.new_entities.clone();
        again.documents = i.documents.clone();
        assert_eq!(export(&again), export(&p));
    }

    #[test]
    fn entities_merge_with_the_projects_by_name_preferring_the_label() {
        let mut p = Project::new("t");
        p.insert_entity(entity(1, "Paris", "GPE"));
        p.insert_entity(entity(2, "Paris", "PERSON"));
        let src = r#"{"doc": "p", "text": "Paris Hilton left Paris.", "entities": [{"start": 0, "end": 12, "label": "PERSON", "entity": "Paris"}, {"start": 18, "end": 23, "label": "GPE", "entity": "Paris"}, {"start": 0, "end": 5, "label": "MISC", "entity": "Paris"}], "quotes": []}"#;
        let i = read_str(Path::new("a.jsonl"), src, &p).unwrap();
        let links: Vec<_> = i.documents[0].spans.iter().map(|s| s.entity).collect();
        assert_eq!(
            links,
            [Some(EntityId(2)), Some(EntityId(1)), Some(EntityId(1))]
        );
        assert!(i.new_entities.is_empty());
        // "Paris Hilton" is not "Paris": the person entity grows an alias.
        assert_eq!(i.updated_entities.len(), 1);
        assert_eq!(i.updated_entities[0].aliases, ["Paris Hilton"]);
    }

    #[test]
    fn a_speaker_range_without_a_span_makes_a_mention() {
        let src = r#"{"doc": "d", "text": "“Go,” the minister said.", "entities": [], "quotes": [{"kind": "direct", "content": [[1, 3]], "cue": [19, 23], "speaker": [6, 18], "speaker_entity": "Ana Ruiz"}]}"#;
        let i = read_str(Path::new("a.jsonl"), src, &Project::new("t")).unwrap();
        let d = &i.documents[0];
        let s = d.span(d.quotes[0].speaker.unwrap()).unwrap();
        assert_eq!(
            (d.slice(s.start, s.end), s.mention, s.label.as_str()),
            ("the minister", Mention::Nominal, "PERSON")
        );
        assert_eq!(s.entity, Some(i.new_entities[0].id));
    }

    #[test]
    fn meta_is_read_and_a_line_without_it_has_none() {
        let src = r#"{"doc": "a", "text": "abc", "meta": {"outlet": "Le Monde", "page": 3, "x": null}}
{"doc": "b", "text": "abd"}"#;
        let i = read_str(Path::new("a.jsonl"), src, &Project::new("t")).unwrap();
        let m = &i.documents[0].meta;
        assert_eq!(
            m.iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
            [("outlet", "Le Monde"), ("page", "3")]
        );
        assert!(i.documents[1].meta.is_empty());
        // A line without meta is exported without a meta key.
        let mut p = Project::new("t");
        p.documents = i.documents.clone();
        let out = export(&p);
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines[0].contains(r#""meta":{"outlet":"Le Monde","page":"3"}"#),
            "{out}"
        );
        assert!(!lines[1].contains("meta"), "{out}");
        let errs = errors(r#"{"doc": "b", "text": "abc", "meta": ["outlet"]}"#);
        assert!(errs[0].contains("meta is an array"), "{errs:?}");
    }

    #[test]
    fn malformed_lines_fail_with_file_and_line() {
        let ok = r#"{"doc": "a", "text": "abc", "entities": [], "quotes": []}"#;
        let errs = errors(&format!(
            "{ok}\n{}\n{}\n{}\n",
            r#"{"doc": "b", "text": "abc", "entities": [{"start": 2, "end": 9, "label": "ORG", "entity": null}]}"#,
            r#"{"doc": "c", "text": "abc", "quotes": [{"kind": "sarcastic", "content": [[0, 1]]}]}"#,
            r#"{"doc": "d", "text": "abc", "status": "finished"}"#,
        ));
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(
            errs[0].starts_with("a.jsonl:2:1: entities[0]: range 2..9 runs past"),
            "{errs:?}"
        );
        assert!(
            errs[1].starts_with("a.jsonl:3:1: quotes[0]: quote kind \"sarcastic\""),
            "{errs:?}"
        );
        assert!(
            errs[2].starts_with("a.jsonl:4:1: status \"finished\""),
            "{errs:?}"
        );
        let errs = errors(
            r#"{"doc": "b", "text": "abc", "entities": [{"start": 0, "end": 1, "label": "ORG", "mention": "nickname"}]}"#,
        );
        assert!(errs[0].contains("mention \"nickname\""), "{errs:?}");
        let errs = errors(r#"{"doc": "b", "text": "abc", "quotes": [{"content": []}]}"#);
        assert!(errs[0].contains("no content"), "{errs:?}");
    }
}
