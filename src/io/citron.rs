//! Citron JSON (BBC R&D's quote extraction and attribution system): per document the text, its
//! quotes as cue, sources and contents, and coreference groups, the data format Citron trains
//! and evaluates on (`docs/data_format.md` in `bbc/citron`; `research/quotes-and-matchers.md`
//! §A4).
//!
//! ```json
//! {"text": "…",
//!  "quotes": [{"cue": {"start": 15, "end": 19, "text": "said"},
//!              "sources": [{"start": 20, "end": 33, "text": "Angela Merkel"}],
//!              "contents": [{"start": 0, "end": 14, "text": "“We will win,”"}],
//!              "coreferences": [],
//!              "id": "quote-1"}],
//!  "coreference_groups": [[{"start": 20, "end": 33, "text": "Angela Merkel"}, {"start": 45, "end": 48, "text": "She"}]]}
//! ```
//!
//! # Fields and units
//! - Offsets are code points, end-exclusive: Citron slices Python strings (spaCy's
//!   `start_char`/`end_char`), whose indices are code points. Every span carries its `text`.
//! - `cue`: the quote's cue. Citron's reader takes `quote["cue"]["start"]` unguarded, so a quote
//!   without a cue is left out and reported, unless [`Options::without_cue`] writes `"cue":
//!   null` (for tools other than Citron).
//! - `sources`: the speaker mention, or `[]` when the quote has none.
//! - `contents`: one span per content part, in text order. Citron's own example spans include
//!   the quotation marks (`"\"When I use a word,\""`), whereas Gloss's content excludes them;
//!   with [`Options::with_marks`] (the default) a part is widened by a quotation mark directly
//!   before it and one directly after it (`" “ „ ‘ ‚ « ‹ 「 『` and `" ” ’ » › 」 』`; a straight
//!   `'` only when the other end has one too, as it is more often an apostrophe).
//! - `coreferences` (optional in Citron): present when the speaker mention is linked to an
//!   entity. It holds the entity's earliest longest name mention in the document, Citron's
//!   "earliest instance of its longest form", unless that is the source itself (then `[]`); a
//!   mention linked to an entity never named in the document also gets `[]`.
//! - `confidence` (optional): only for quotes that were accepted suggestions, their score as
//!   Citron prints it (a string with four decimals, `"0.8123"`).
//! - `id` (optional): `quote-<Gloss quote id>`, the same id the spaCy export gives.
//! - `coreference_groups`: for each entity with at least two mentions of the selected labels in
//!   the document, all of them (names, pronouns, descriptions) in text order; groups in order of
//!   first mention.
//!
//! # Uncertain, and lost
//! Citron's documentation does not say whether `id` is a string or a number (a string is
//! written), nor whether content spans must include the marks (its example does; hence
//! `with_marks`). Citron has no quote kind (direct, indirect, mixed), no entity names and no
//! labels: these are counted in one summary line of the report.
//!
//! # Files
//! Citron reads a folder of `.json` files, each holding ONE document's object (`json.load` per
//! file). So a folder export (`-o DIR`, or the per-document export, which gives [`write`] one
//! document at a time) writes `DIR/NAME.json`, one object each: Citron's own layout. A single file ([`write`], `-o
//! FILE.json`) is always one JSON document too: with one document, exactly that document's
//! object (a file Citron reads as it is); with none or several, a JSON array of the objects,
//! each with a leading `"doc"` key naming its document (Citron ignores extra keys, but cannot
//! read an array, so the report says to export to a folder for Citron itself).

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use super::interchange::ExportReport;
use crate::model::{CharRange, Document, EntityId, Mention, Origin, Project, Quote, Span};
use crate::text::plural;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Only mentions with these labels in `coreference_groups` (all when `None`). Sources are
    /// written whatever their label: a quote refers to them.
    pub labels: Option<Vec<String>>,
    /// Widen content parts by the quotation marks around them, as Citron's examples do.
    pub with_marks: bool,
    /// Keep quotes without a cue, writing `"cue": null` (Citron itself cannot read them).
    pub without_cue: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            labels: None,
            with_marks: true,
            without_cue: false,
        }
    }
}

impl Options {
    fn selects(&self, label: &str) -> bool {
        crate::io::interchange::selected(&self.labels, label)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CitronSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CitronQuote {
    pub cue: Option<CitronSpan>,
    pub sources: Vec<CitronSpan>,
    pub contents: Vec<CitronSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coreferences: Option<Vec<CitronSpan>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
    pub id: String,
}

/// One document in Citron's data format.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CitronDoc {
    pub text: String,
    pub quotes: Vec<CitronQuote>,
    pub coreference_groups: Vec<Vec<CitronSpan>>,
}

/// An element of a several-document file: the document's name, then the Citron object.
#[derive(Serialize)]
struct Line<'a> {
    doc: &'a str,
    #[serde(flatten)]
    citron: &'a CitronDoc,
}

/// What Citron cannot hold, counted over an export.
#[derive(Default)]
struct Unsaid {
    kinds: usize,
    linked: usize,
}

impl Unsaid {
    fn summary(&self, report: &mut ExportReport) {
        if self.kinds + self.linked > 0 {
            report.left_out.push(format!(
                "Citron's format has no quote kinds ({} quote{}), entity names or labels ({} linked mention{}); only offsets and coreference groups are written",
                self.kinds,
                plural(self.kinds),
                self.linked,
                plural(self.linked)
            ));
        }
    }
}

/// Write `docs` as one JSON document: the Citron object when there is exactly one document,
/// else a JSON array of the objects, each with a leading `"doc"` name (see the module doc).
pub fn write<'a, W: Write>(
    _project: &Project,
    docs: impl IntoIterator<Item = &'a Document>,
    options: &Options,
    mut out: W,
) -> std::io::Result<ExportReport> {
    let mut report = ExportReport::default();
    let mut unsaid = Unsaid::default();
    let converted: Vec<(&str, CitronDoc)> = docs
        .into_iter()
        .map(|doc| {
            (
                doc.name.as_str(),
                convert(doc, options, &mut report, &mut unsaid),
            )
        })
        .collect();
    if let [(_, citron)] = converted.as_slice() {
        serde_json::to_writer_pretty(&mut out, citron)?;
    } else {
        let lines: Vec<Line> = converted
            .iter()
            .map(|(doc, citron)| Line { doc, citron })
            .collect();
        serde_json::to_writer_pretty(&mut out, &lines)?;
        if converted.len() > 1 {
            report.left_out.push(format!(
                "Citron reads one document per .json file: these {} documents are one JSON array; export to a folder (--per-document) for Citron itself",
                converted.len()
            ));
        }
    }
    out.write_all(b"\n")?;
    out.flush()?;
    unsaid.summary(&mut report);
    Ok(report)
}

/// Marks that open a quotation (a straight `'` is handled apart).
const OPENING: &str = "\"“„‘‚«‹「『";
const CLOSING: &str = "\"”’»›」』";

fn span(doc: &Document, r: CharRange) -> CitronSpan {
    CitronSpan {
        start: r.start,
        end: r.end,
        text: doc.slice(r.start, r.end).to_string(),
    }
}

/// `r` widened by the quotation marks directly around it.
fn with_marks(doc: &Document, r: CharRange) -> CharRange {
    let before = r
        .start
        .checked_sub(1)
        .and_then(|b| doc.slice(b, r.start).chars().next());
    let after = doc.slice(r.end, r.end + 1).chars().next();
    let opens = before.is_some_and(|c| OPENING.contains(c));
    let closes = after.is_some_and(|c| CLOSING.contains(c));
    let single = before == Some('\'') && after == Some('\'');
    CharRange::new(
        r.start - usize::from(opens || single),
        r.end + usize::from(closes || single),
    )
}

/// The document in Citron's format, noting what is left out.
pub fn convert_document(doc: &Document, options: &Options) -> (CitronDoc, ExportReport) {
    let mut report = ExportReport::default();
    let mut unsaid = Unsaid::default();
    let d = convert(doc, options, &mut report, &mut unsaid);
    unsaid.summary(&mut report);
    (d, report)
}

fn convert(
    doc: &Document,
    options: &Options,
    report: &mut ExportReport,
    unsaid: &mut Unsaid,
) -> CitronDoc {
    let name = &doc.name;
    report.documents += 1;
    // Each entity's earliest longest name in the document.
    let mut canonical: HashMap<EntityId, &Span> = HashMap::new();
    for s in doc.spans.iter().filter(|s| s.mention == Mention::Name) {
        let Some(e) = s.entity else { continue };
        let better = canonical
            .get(&e)
            .is_none_or(|c| s.end - s.start > c.end - c.start);
        if better {
            canonical.insert(e, s);
        }
    }
    unsaid.linked += doc.spans.iter().filter(|s| s.entity.is_some()).count();

    let mut quotes = Vec::with_capacity(doc.quotes.len());
    for q in &doc.quotes {
        if q.cue.is_none() && !options.without_cue {
            report.left_out.push(format!(
                "{name}: quote {} at {} has no cue; Citron's reader needs one, so it is left out",
                q.id,
                q.extent()
            ));
            continue;
        }
        quotes.push(quote(doc, q, options, &canonical, report));
        unsaid.kinds += 1;
    }
    report.quotes += quotes.len();

    // Coreference groups: entities with two or more selected mentions.
    let mut groups: Vec<(EntityId, Vec<CharRange>)> = Vec::new();
    let mut at: HashMap<EntityId, usize> = HashMap::new();
    for s in doc.spans.iter().filter(|s| options.selects(&s.label)) {
        let Some(e) = s.entity else { continue };
        let g = *at.entry(e).or_insert_with(|| {
            groups.push((e, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(s.range());
    }
    let coreference_groups: Vec<Vec<CitronSpan>> = groups
        .into_iter()
        .filter(|(_, g)| g.len() >= 2)
        .map(|(_, g)| g.into_iter().map(|r| span(doc, r)).collect())
        .collect();
    report.spans += coreference_groups.iter().map(Vec::len).sum::<usize>();
    CitronDoc {
        text: doc.text.to_string(),
        quotes,
        coreference_groups,
    }
}

fn quote(
    doc: &Document,
    q: &Quote,
    options: &Options,
    canonical: &HashMap<EntityId, &Span>,
    report: &mut ExportReport,
) -> CitronQuote {
    let mut parts = q.content.clone();
    parts.sort();
    let contents = parts
        .into_iter()
        .map(|r| {
            let r = if options.with_marks {
                with_marks(doc, r)
            } else {
                r
            };
            span(doc, r)
        })
        .collect();
    let speaker = q.speaker.and_then(|s| doc.span(s));
    if q.speaker.is_some() && speaker.is_none() {
        report.left_out.push(format!(
            "{}: the speaker of quote {} at {} does not exist; no source written",
            doc.name,
            q.id,
            q.extent()
        ));
    }
    let coreferences = speaker.and_then(|s| {
        let e = s.entity?;
        Some(match canonical.get(&e) {
            Some(c) if c.range() != s.range() => vec![span(doc, c.range())],
            _ => Vec::new(),
        })
    });
    report.spans += usize::from(speaker.is_some());
    CitronQuote {
        cue: q.cue.map(|c| span(doc, c)),
        sources: speaker.map(|s| span(doc, s.range())).into_iter().collect(),
        contents,
        coreferences,
        confidence: match &q.origin {
            Origin::Suggested { score, .. } => Some(format!("{score:.4}")),
            _ => None,
        },
        id: format!("quote-{}", q.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::test_fixtures::{at, entity, quote};
    use crate::model::{DocId, QuoteId, QuoteKind, SpanId};

    fn project() -> Project {
        let text = "“When I use a word,” Humpty Dumpty said, “it means just what I choose.” Dumpty 👍🏽 left; he sat.";
        let mut p = Project::new("t");
        p.insert_entity(entity(1, "Humpty Dumpty", "PERSON"));
        let mut d = Document::new(DocId(1), "humpty", text);
        let mut full = Span::new(SpanId(1), at(text, "Humpty Dumpty"), "PERSON");
        full.entity = Some(EntityId(1));
        d.insert_span(full);
        let short_at = at(text, "Dumpty 👍🏽").start;
        let mut short = Span::new(SpanId(2), CharRange::new(short_at, short_at + 6), "PERSON");
        short.entity = Some(EntityId(1));
        d.insert_span(short);
        let mut he = Span::new(SpanId(3), at(text, "he sat"), "PERSON");
        he.end = he.start + 2;
        he.entity = Some(EntityId(1));
        he.mention = Mention::Pronoun;
        d.insert_span(he);
        d.quotes.push(Quote {
            id: QuoteId(1),
            content: vec![
                at(text, "it means just what I choose."),
                at(text, "When I use a word,"),
            ],
            speaker: Some(SpanId(1)),
            cue: Some(at(text, "said")),
            kind: QuoteKind::Direct,
            origin: Origin::Suggested {
                engine: "quotes".into(),
                rule: "split".into(),
                score: 0.8123,
            },
            attributes: Default::default(),
        });
        d.quotes.push(quote(
            2,
            vec![at(text, "sat")],
            Some(SpanId(3)),
            None,
            QuoteKind::Indirect,
        ));
        p.insert_document(d);
        p
    }

    #[test]
    fn follows_citrons_data_format() {
        let p = project();
        let (d, report) = convert_document(&p.documents[0], &Options::default());
        let v = serde_json::to_value(&d).unwrap();
        assert_eq!(
            v["quotes"][0],
            serde_json::json!({
                "cue": {"start": 35, "end": 39, "text": "said"},
                "sources": [{"start": 21, "end": 34, "text": "Humpty Dumpty"}],
                "contents": [
                    {"start": 0, "end": 20, "text": "“When I use a word,”"},
                    {"start": 41, "end": 71, "text": "“it means just what I choose.”"}
                ],
                "coreferences": [],
                "confidence": "0.8123",
                "id": "quote-1"
            })
        );
        assert_eq!(v["quotes"].as_array().unwrap().len(), 1);
        assert_eq!(v["coreference_groups"][0].as_array().unwrap().len(), 3);
        assert!(
            report.left_out[0].starts_with("humpty: quote 2 at 91..94 has no cue"),
            "{:?}",
            report.left_out
        );
        assert!(report.left_out[1].starts_with("Citron's format has no quote kinds (1 quote)"));
    }

    #[test]
    fn pronoun_sources_point_at_the_longest_name_and_cueless_quotes_can_be_kept() {
        let p = project();
        let options = Options {
            without_cue: true,
            with_marks: false,
            ..Options::default()
        };
        let (d, _) = convert_document(&p.documents[0], &options);
        let q = &d.quotes[1];
        assert_eq!(q.cue, None);
        assert_eq!(q.sources[0].text, "he");
        assert_eq!(q.coreferences.as_ref().unwrap()[0].text, "Humpty Dumpty");
        assert_eq!(d.quotes[0].contents[0].text, "When I use a word,");
        let v = serde_json::to_value(q).unwrap();
        assert!(v["cue"].is_null());
        assert!(v.get("confidence").is_none());
    }

    #[test]
    fn one_json_document_per_file_and_per_document_files() {
        let p = project();
        let docs: Vec<&Document> = p.documents.iter().collect();
        let mut buf = Vec::new();
        let report = write(&p, docs.iter().copied(), &Options::default(), &mut buf).unwrap();
        assert_eq!((report.documents, report.quotes), (1, 1));
        // One document: exactly Citron's object, no name key.
        let one: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert!(one.get("doc").is_none());
        assert_eq!(one["text"], p.documents[0].text.as_ref());
        let dir = tempfile::tempdir().unwrap();
        crate::io::file_names::write_each(docs.iter().copied(), dir.path(), "json", |d, buf| {
            write(&p, [d], &Options::default(), buf)
        })
        .unwrap();
        let file: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("humpty.json")).unwrap())
                .unwrap();
        assert!(file.get("doc").is_none());
        assert_eq!(file["quotes"], one["quotes"]);
        // Two documents: one JSON array of named objects, and a note that Citron wants a folder.
        let twice = [docs[0], docs[0]];
        let mut buf = Vec::new();
        let report = write(&p, twice, &Options::default(), &mut buf).unwrap();
        let all: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(all.as_array().map(Vec::len), Some(2));
        assert_eq!(all[1]["doc"], "humpty");
        assert_eq!(all[1]["quotes"], one["quotes"]);
        assert!(
            report.left_out.iter().any(|l| l.contains("folder")),
            "{:?}",
            report.left_out
        );
        let mut buf = Vec::new();
        write(&p, [], &Options::default(), &mut buf).unwrap();
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&buf).unwrap(),
            serde_json::json!([])
        );
    }
}
