//! Prodigy JSONL, the task format of Prodigy's `ner_manual` and `spans_manual` interfaces
//! (explosion.ai), one document per line:
//!
//! `{"text", "tokens": [{"text","start","end","id","ws"}],
//!   "spans": [{"start","end","label","token_start","token_end"}],
//!   "meta": {"doc", "status"}, "answer": "accept"}`
//!
//! Offsets are code points, end-exclusive (Prodigy is Python; research notes §2.3); token
//! indices are inclusive at both ends, as Prodigy writes them.
//!
//! The document's metadata goes into `meta` beside `doc` and `status` (Prodigy shows `meta` under
//! the task), one field per key; a key called `doc` or `status` is left out and reported. On
//! import every `meta` field but those two becomes metadata (`"source": "The New York Times"`).
//!
//! Document categories are a `choice` task's: `"options": [{"id": "topic:politics", "text":
//! "topic: politics"}, …]` (every value of the project's schemes) and `"accept":
//! ["topic:politics"]` (the document's); on import `accept` becomes categories (`io::coding`).
//!
//! # Tokens
//! Tokens are `text::tokenize`'s: words (with internal apostrophes and hyphens), numbers,
//! possessive "'s", and single pieces of punctuation or emoji; white space is never a token.
//! `ws` is true when the character right after the token is white space of any kind (a space,
//! a tab, a line end), so a token's `ws` says whether a gap follows, not that exactly one space
//! does as in spaCy: the full text is in `text`, so nothing is lost. Prodigy only uses tokens
//! to snap selections in the manual interfaces.
//!
//! A span whose edges are not token edges (part of a word, or starting in white space) is
//! still written with its exact character offsets, and with the nearest tokens: the first
//! token that ends after its start and the last that starts before its end. The export report
//! names each such span, since Prodigy's token-based views will show it widened.
//!
//! # Quotes
//! `ner_manual` has no quotations, so by default only spans are written. With
//! [`Options::quotes`] quotes are written as in Prodigy's `relations` interface: quote parts
//! and cues as spans (labels `QUOTE…` and `CUE`, see `io::interchange`) and `relations`
//! `{"head", "child", "head_span", "child_span", "label"}` from the quote's first part to its
//! speaker (`speaker`), cue (`cue`) and further parts (`part`), `head`/`child` being the last
//! token of each span. Import reads both.
//!
//! # What does not travel
//! Canonical entities, mention kinds (a span whose text is a pronoun comes back as a pronoun
//! mention) and origins, as for doccano. On import, tokens and token indices are ignored
//! (character offsets are what counts); a span's optional `text` is checked against the
//! document; tasks answered `reject` or `ignore` are left out and reported.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::interchange::{
    self, CUE_RELATION, ExportReport, Import, ImportBuilder, Link, PART_RELATION, Place,
    QuoteRegions, RecordFormat, Region, Rejected, Relation, SPEAKER_RELATION,
};
use crate::model::{CharRange, Document, Project};
use crate::text::{Token, tokenize};

/// The format's name in `Origin::Imported`.
pub const FORMAT: &str = "prodigy";

/// What to export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Only spans with these labels (all when `None`).
    pub labels: Option<Vec<String>>,
    /// Only name mentions, not pronouns or descriptions (for training a recogniser).
    pub names_only: bool,
    /// Also write quotes, as spans with relations (Prodigy's `relations` interface).
    pub quotes: bool,
}

// ------------------------------------------------------------------------------ export

#[derive(Serialize)]
struct TaskOut<'a> {
    text: &'a str,
    tokens: Vec<TokenOut<'a>>,
    spans: Vec<SpanOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relations: Vec<RelationOut<'a>>,
    meta: MetaOut<'a>,
    /// Document categories as Prodigy's `choice` interface has them: every value of the
    /// project's schemes as an option, the document's own in `accept`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    options: Vec<OptionOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    accept: Vec<String>,
    answer: &'static str,
}

#[derive(Serialize)]
struct OptionOut {
    id: String,
    text: String,
}

/// Every category value of the project (and any other the document has), as choice options.
fn options_out(project: &Project, doc: &Document) -> Vec<OptionOut> {
    let mut ids: Vec<String> = project
        .schemes
        .iter()
        .flat_map(|s| {
            s.values
                .iter()
                .map(|v| super::coding::cat_label(&s.name, &v.name))
        })
        .collect();
    for c in super::coding::cat_labels(doc) {
        if !ids.contains(&c) {
            ids.push(c);
        }
    }
    ids.into_iter()
        .map(|id| OptionOut {
            text: id.replacen(super::coding::SEP, ": ", 1),
            id,
        })
        .collect()
}

#[derive(Serialize)]
struct TokenOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

#[derive(Clone, Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    token_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    token_end: Option<usize>,
}

#[derive(Serialize)]
struct RelationOut<'a> {
    head: usize,
    child: usize,
    head_span: SpanOut<'a>,
    child_span: SpanOut<'a>,
    label: &'static str,
}

#[derive(Serialize)]
struct MetaOut<'a> {
    doc: &'a str,
    status: &'static str,
    /// The document's metadata, one field per key.
    #[serde(flatten)]
    meta: std::collections::BTreeMap<&'a str, &'a str>,
}

/// The `meta` fields Gloss itself writes and reads; metadata cannot use them.
const META_KEYS: [&str; 2] = ["doc", "status"];

/// Write the chosen documents as Prodigy JSONL, one task per line.
pub fn write<'a, W: Write>(
    project: &'a Project,
    docs: impl IntoIterator<Item = &'a Document>,
    options: &Options,
    mut out: W,
) -> std::io::Result<ExportReport> {
    let mut report = ExportReport::default();
    for doc in docs {
        report.merge(write_doc(project, doc, options, &mut out)?);
    }
    out.flush()?;
    Ok(report)
}

/// The tokens `range` is written with, and whether both its edges are token edges.
fn token_span(tokens: &[Token], range: CharRange) -> (Option<(usize, usize)>, bool) {
    if tokens.is_empty() {
        return (None, false);
    }
    let last = tokens.len() - 1;
    // First token ending after the start; last token starting before the end.
    let first = tokens.partition_point(|t| t.end <= range.start).min(last);
    let end = tokens
        .partition_point(|t| t.start < range.end)
        .saturating_sub(1);
    // A span in white space between two tokens: the token after it (or before, at the end).
    let end = end.max(first);
    let aligned = tokens[first].start == range.start && tokens[end].end == range.end;
    (Some((first, end)), aligned)
}

fn write_doc<'a, W: Write>(
    project: &Project,
    doc: &'a Document,
    options: &Options,
    out: &mut W,
) -> std::io::Result<ExportReport> {
    let mut report = ExportReport {
        documents: 1,
        ..ExportReport::default()
    };
    report.left_out = super::meta::clashes(doc, &META_KEYS, "meta");
    let text: &'a str = &doc.text;
    let toks = tokenize(text);
    let tokens: Vec<TokenOut> = toks
        .iter()
        .enumerate()
        .map(|(id, t)| TokenOut {
            text: t.text(text),
            start: t.start,
            end: t.end,
            id,
            ws: text[t.byte_end()..]
                .chars()
                .next()
                .is_some_and(char::is_whitespace),
        })
        .collect();
    let misaligned = |range: CharRange, label: &str, report: &mut ExportReport| {
        let (at, aligned) = token_span(&toks, range);
        if !aligned {
            let tokens = match at {
                Some((a, b)) => format!("tokens {a}..={b}"),
                None => "no token indices (the text has no tokens)".into(),
            };
            report.left_out.push(format!(
                "document {:?}: {label} {range} ({:?}) does not fall on token edges; written with its character offsets and {tokens}",
                doc.name,
                doc.slice(range.start, range.end)
            ));
        }
        at
    };
    let mut spans = Vec::new();
    let mut span_out = HashMap::new();
    let choice = (&options.labels, options.names_only);
    for s in &doc.spans {
        if !interchange::writes_span(FORMAT, doc, s, choice, &mut report) {
            continue;
        }
        let at = misaligned(s.range(), &s.label, &mut report);
        let out = SpanOut {
            start: s.start,
            end: s.end,
            label: &s.label,
            token_start: at.map(|a| a.0),
            token_end: at.map(|a| a.1),
        };
        span_out.insert(s.id, out.clone());
        spans.push(out);
    }
    report.spans = spans.len();
    let mut relations = Vec::new();
    if options.quotes {
        report.quotes = doc.quotes.len();
        let mut part_out = HashMap::new();
        let mut cue_out = HashMap::new();
        for (qi, part, range, label) in QuoteRegions::of(doc).items {
            let at = misaligned(range, label, &mut report);
            let out = SpanOut {
                start: range.start,
                end: range.end,
                label,
                token_start: at.map(|a| a.0),
                token_end: at.map(|a| a.1),
            };
            match part {
                Some(pi) => part_out.insert((qi, pi), out.clone()),
                None => cue_out.insert(range, out.clone()),
            };
            spans.push(out);
        }
        // Relations name spans by offsets and label: a quote part written twice is ambiguous.
        let mut written: HashMap<(usize, usize, &str), usize> = HashMap::new();
        for s in &spans {
            *written.entry((s.start, s.end, s.label)).or_default() += 1;
        }
        let mut relate = |head: &SpanOut<'a>, child: &SpanOut<'a>, label| {
            let (Some(h), Some(c)) = (head.token_end, child.token_end) else {
                return false;
            };
            relations.push(RelationOut {
                head: h,
                child: c,
                head_span: head.clone(),
                child_span: child.clone(),
                label,
            });
            true
        };
        for (qi, q) in doc.quotes.iter().enumerate() {
            let Some(first) = part_out.get(&(qi, 0)).cloned() else {
                continue;
            };
            let mut all = true;
            for pi in 1..q.content.len() {
                if let Some(p) = part_out.get(&(qi, pi)) {
                    all &= relate(&first, p, PART_RELATION);
                }
            }
            if let Some(sp) = q.speaker {
                match span_out.get(&sp) {
                    Some(s) => all &= relate(&first, s, SPEAKER_RELATION),
                    None => report.left_out.push(interchange::speaker_note(doc, q)),
                }
            }
            if let Some(c) = q.cue.and_then(|c| cue_out.get(&c)) {
                all &= relate(&first, c, CUE_RELATION);
            }
            let at = q.extent();
            if !all {
                report.left_out.push(format!(
                    "document {:?}: the quote at {at} is written without its relations: the text has no tokens to name as Prodigy's head and child",
                    doc.name
                ));
            }
            let shared = (0..q.content.len())
                .filter_map(|pi| part_out.get(&(qi, pi)))
                .find(|p| {
                    written
                        .get(&(p.start, p.end, p.label))
                        .is_some_and(|&n| n > 1)
                });
            if let Some(p) = shared {
                report.left_out.push(format!(
                    "document {:?}: the quote at {at} has a part {}..{} {} written twice; Prodigy relations name spans by offsets and label, so its relations cannot be told from the other's",
                    doc.name, p.start, p.end, p.label
                ));
            }
        }
    } else if !doc.quotes.is_empty() {
        report.left_out.push(format!(
            "document {:?}: {} quote(s) not written (ner_manual holds spans; export with quotes to write them as relations)",
            doc.name,
            doc.quotes.len()
        ));
    }
    let task = TaskOut {
        text,
        tokens,
        spans,
        relations,
        meta: MetaOut {
            doc: &doc.name,
            status: doc.status.key(),
            meta: super::meta::fields_except(&doc.meta, &META_KEYS),
        },
        options: options_out(project, doc),
        accept: super::coding::cat_labels(doc),
        answer: "accept",
    };
    interchange::write_line(out, &task)?;
    Ok(report)
}

// ------------------------------------------------------------------------------ import

#[derive(Deserialize)]
struct TaskIn {
    text: String,
    #[serde(default)]
    spans: Vec<SpanIn>,
    #[serde(default)]
    relations: Vec<RelationIn>,
    #[serde(default)]
    meta: Option<Map<String, Value>>,
    #[serde(default)]
    answer: Option<String>,
    /// The options chosen in a `choice` task: category labels (`scheme:value`).
    #[serde(default)]
    accept: Vec<Value>,
}

#[derive(Deserialize)]
struct SpanIn {
    start: usize,
    end: usize,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

#[derive(Deserialize)]
struct RelationIn {
    #[serde(default)]
    label: Option<String>,
    head_span: SpanIn,
    child_span: SpanIn,
}

/// How a Prodigy file is read.
const RECORDS: RecordFormat = RecordFormat {
    format: FORMAT,
    noun: "task",
    read: read_task,
};

/// Read the Prodigy files `paths` name (folders are walked for `.jsonl` and `.json`) for
/// adding to `project`. Either everything comes back, or `Rejected` lists every error.
pub fn read_paths(paths: &[PathBuf], project: &Project) -> Result<Import, Rejected> {
    RECORDS.read_paths(paths, project)
}

/// Read Prodigy JSONL already in memory; `path` names it in messages.
pub fn read_str(path: &Path, source: &str, project: &Project) -> Result<Import, Rejected> {
    RECORDS.read_str(path, source, project)
}

fn read_task(
    b: &mut ImportBuilder,
    path: &Path,
    place: Place,
    several: bool,
    value: Value,
) -> Result<(), String> {
    let task: TaskIn =
        serde_json::from_value(value).map_err(|e| format!("not a Prodigy task: {e}"))?;
    if let Some(answer) = task.answer.as_deref()
        && answer != "accept"
    {
        b.skip(
            path,
            place,
            format!("the task was answered {answer:?}; only accepted tasks are read"),
        );
        return Ok(());
    }
    let meta = task.meta.unwrap_or_default();
    let meta_str = |k: &str| meta.get(k).and_then(Value::as_str);
    let name = interchange::record_name(path, place, several, meta_str("doc"));
    let len = task.text.chars().count();
    let mut doc = b.document(name, task.text, path);
    doc.meta = super::meta::from_fields_except(&meta, &META_KEYS);
    for c in &task.accept {
        match c {
            Value::String(c) => b.codes.flat_category(&mut doc, c)?,
            Value::Number(n) => b.codes.flat_category(&mut doc, &n.to_string())?,
            other => return Err(format!("accept holds {other}, not an option id")),
        }
    }
    if let Some(s) = meta_str("status") {
        match interchange::status_named(s) {
            Some(st) => doc.status = st,
            None => b.skip(
                path,
                place,
                format!("status {s:?} is not todo, in_progress or done"),
            ),
        }
    }
    let mut regions: Vec<Region> = Vec::new();
    let mut region_at: HashMap<(usize, usize, String), usize> = HashMap::new();
    for (i, s) in task.spans.iter().enumerate() {
        let name = format!("spans[{i}]");
        let range =
            interchange::checked_range(s.start, s.end, len).map_err(|e| format!("{name}: {e}"))?;
        if let Some(given) = &s.text {
            let at = doc.slice(range.start, range.end);
            if given != at {
                return Err(format!(
                    "{name}: text {given:?} differs from the document's text at {range} ({at:?}); Prodigy offsets are code points"
                ));
            }
        }
        let Some(label) = s.label.as_deref() else {
            b.skip(path, place, format!("{name} has no label"));
            continue;
        };
        let region = b.region(&mut doc, range, label, format!("{name} ({label})"))?;
        region_at
            .entry((range.start, range.end, label.to_string()))
            .or_insert(regions.len());
        regions.push(region);
    }
    let mut relations = Vec::new();
    for (i, r) in task.relations.iter().enumerate() {
        let name = format!("relations[{i}]");
        let find = |s: &SpanIn| {
            let key = (s.start, s.end, s.label.clone().unwrap_or_default());
            region_at.get(&key).copied()
        };
        let (Some(a), Some(c)) = (find(&r.head_span), find(&r.child_span)) else {
            b.skip(
                path,
                place,
                format!("{name} joins tokens or spans that are not among the task's spans"),
            );
            continue;
        };
        match Link::named(r.label.as_deref()) {
            Ok(link) => relations.push(Relation {
                a,
                b: c,
                link,
                name,
            }),
            Err(label) => b.skip(
                path,
                place,
                format!("{name}: relation label {label:?} is not read (Gloss reads {SPEAKER_RELATION}, {CUE_RELATION} and {PART_RELATION})"),
            ),
        }
    }
    let (quotes, lost) = interchange::assemble_quotes(&regions, &relations, &b.origin());
    for message in lost {
        b.skip(path, place, message);
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
    use crate::io::test_fixtures::{at, quote};
    use crate::model::*;

    /// A ZWJ family, a flag, a combining accent, CJK and CRLF.
    const TEXT: &str = "“東京 is ready,” said Zoe\u{301} Ruiz 👩‍👩‍👧 of 🇫🇷 France.\r\nShe smiled.";

    fn sample() -> Project {
        let mut p = Project::new("t");
        let mut d = Document::new(DocId(1), "ready", TEXT);
        d.insert_span(Span::new(SpanId(1), at(TEXT, "Zoe\u{301} Ruiz"), "PERSON"));
        d.insert_span(Span::new(SpanId(2), at(TEXT, "France"), "GPE"));
        // Half a word: not on token edges.
        d.insert_span(Span::new(SpanId(3), at(TEXT, "Fran"), "MISC"));
        d.insert_quote(quote(
            1,
            vec![at(TEXT, "東京 is ready,")],
            Some(SpanId(1)),
            Some(at(TEXT, "said")),
            QuoteKind::Direct,
        ));
        p.insert_document(d);
        p
    }

    fn export(p: &Project, options: &Options) -> (Value, ExportReport) {
        let mut buf = Vec::new();
        let report = write(p, &p.documents, options, &mut buf).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert_eq!(s.lines().count(), 1);
        (serde_json::from_str(&s).unwrap(), report)
    }

    #[test]
    fn tokens_and_spans_use_code_points_and_inclusive_token_ends() {
        let (v, report) = export(&sample(), &Options::default());
        let chars: Vec<char> = TEXT.chars().collect();
        let tokens = v["tokens"].as_array().unwrap();
        for (i, t) in tokens.iter().enumerate() {
            let (s, e) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                chars[s..e].iter().collect::<String>(),
                t["text"].as_str().unwrap()
            );
            assert_eq!(t["id"], i);
            assert_eq!(
                t["ws"].as_bool().unwrap(),
                chars.get(e).is_some_and(|c| c.is_whitespace())
            );
        }
        let texts: Vec<&str> = tokens.iter().map(|t| t["text"].as_str().unwrap()).collect();
        assert!(texts.contains(&"👩‍👩‍👧") || texts.contains(&"👩"), "{texts:?}");
        // "France." ends the line: the "." is not followed by white space, the CRLF follows it.
        let period = tokens
            .iter()
            .position(|t| {
                t["text"] == "." && t["end"].as_u64() == Some(at(TEXT, ".\r\n").start as u64 + 1)
            })
            .unwrap();
        assert_eq!(tokens[period]["ws"], true);
        let spans = v["spans"].as_array().unwrap();
        let zoe = &spans[0];
        assert_eq!(
            (zoe["start"].as_u64(), zoe["label"].as_str()),
            (Some(at(TEXT, "Zoe").start as u64), Some("PERSON"))
        );
        let (ts, te) = (
            zoe["token_start"].as_u64().unwrap() as usize,
            zoe["token_end"].as_u64().unwrap() as usize,
        );
        assert_eq!((texts[ts], texts[te]), ("Zoe\u{301}", "Ruiz"));
        // The half word is written with its own offsets and the token holding it, and reported.
        let fran = spans.iter().find(|s| s["label"] == "MISC").unwrap();
        assert_eq!(fran["end"].as_u64(), Some(at(TEXT, "Fran").end as u64));
        assert_eq!(
            texts[fran["token_start"].as_u64().unwrap() as usize],
            "France"
        );
        assert_eq!(report.left_out.len(), 2, "{:?}", report.left_out);
        assert!(report.left_out[0].contains("\"Fran\") does not fall on token edges"));
        assert!(report.left_out[1].contains("1 quote(s) not written"));
        assert_eq!(v["meta"]["doc"], "ready");
        assert_eq!(v["answer"], "accept");
        assert!(v.get("relations").is_none());
    }

    #[test]
    fn quotes_travel_as_relations_and_come_back() {
        let p = sample();
        let options = Options {
            quotes: true,
            ..Options::default()
        };
        let (v, _) = export(&p, &options);
        let rel = &v["relations"][0];
        assert_eq!(rel["label"], "speaker");
        assert_eq!(rel["head_span"]["label"], "QUOTE");
        assert_eq!(rel["child"], rel["child_span"]["token_end"]);
        let i = read_str(Path::new("p.jsonl"), &format!("{v}\n"), &Project::new("t")).unwrap();
        assert!(i.skipped.is_empty(), "{:?}", i.skipped);
        let d = &i.documents[0];
        let o = &p.documents[0];
        let key = |doc: &Document| -> Vec<(CharRange, String)> {
            doc.spans
                .iter()
                .map(|s| (s.range(), s.label.to_string()))
                .collect()
        };
        assert_eq!(key(d), key(o));
        let q = &d.quotes[0];
        assert_eq!((&q.content, q.cue), (&o.quotes[0].content, o.quotes[0].cue));
        assert_eq!(
            d.span(q.speaker.unwrap()).unwrap().range(),
            at(TEXT, "Zoe\u{301} Ruiz")
        );
    }

    #[test]
    fn metadata_travels_in_meta() {
        let mut p = sample();
        p.documents[0]
            .meta
            .insert("outlet".into(), "Le Monde".into());
        let (v, report) = export(&p, &Options::default());
        assert_eq!(v["meta"]["outlet"], "Le Monde");
        assert_eq!(v["meta"]["doc"], "ready");
        assert!(report.left_out.iter().all(|l| !l.contains("metadata")));
        let i = read_str(Path::new("a.jsonl"), &v.to_string(), &Project::new("t")).unwrap();
        assert_eq!(i.documents[0].meta, p.documents[0].meta);
        p.documents[0].meta.insert("doc".into(), "other".into());
        let (v, report) = export(&p, &Options::default());
        assert_eq!(v["meta"]["doc"], "ready");
        assert!(
            report
                .left_out
                .iter()
                .any(|l| l.contains("metadata \"doc\"")),
            "{report:?}"
        );
    }

    #[test]
    fn the_prodigy_research_record_imports_and_rejected_tasks_are_skipped() {
        let accepted = r#"{"text":"Uber’s Lesson: Silicon Valley’s Start-Up Machine Needs Fixing","meta":{"source":"The New York Times"},"_input_hash":1886699658,"_task_hash":-1952856502,"tokens":[{"text":"Uber","start":0,"end":4,"id":0},{"text":"’s","start":4,"end":6,"id":1}],"_session_id":null,"_view_id":"ner_manual","spans":[{"start":0,"end":4,"token_start":0,"token_end":0,"label":"ORG"},{"start":15,"end":29,"token_start":4,"token_end":5,"label":"LOCATION"}],"answer":"accept"}"#;
        let rejected = r#"{"text":"Nothing here","spans":[],"answer":"reject"}"#;
        let i = read_str(
            Path::new("news.jsonl"),
            &format!("{accepted}\n{rejected}\n"),
            &Project::new("t"),
        )
        .unwrap();
        assert_eq!(i.documents.len(), 1);
        let d = &i.documents[0];
        assert_eq!(d.name, "news-1");
        assert_eq!(d.meta["source"], "The New York Times");
        let texts: Vec<_> = d.spans.iter().map(|s| d.slice(s.start, s.end)).collect();
        assert_eq!(texts, ["Uber", "Silicon Valley"]);
        assert_eq!(
            i.labels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(),
            ["LOCATION"]
        );
        assert_eq!(i.skipped.len(), 1);
        assert!(
            i.skipped[0]
                .to_string()
                .starts_with("news.jsonl:2: the task was answered \"reject\"")
        );
    }

    #[test]
    fn a_span_text_that_does_not_match_fails_the_import() {
        // UTF-16 offsets in a Prodigy file: "Merkel" is at 2 in code points, 3 in UTF-16.
        let src = r#"{"text": "😀 Merkel", "spans": [{"start": 3, "end": 9, "label": "PERSON", "text": "Merkel"}]}"#;
        let Err(r) = read_str(Path::new("p.jsonl"), src, &Project::new("t")) else {
            panic!("should fail");
        };
        let msg = r.to_string();
        assert!(
            msg.starts_with("p.jsonl:1:1: spans[0]: range 3..9 runs past"),
            "{msg}"
        );
        let src = r#"{"text": "😀 Merkel!", "spans": [{"start": 3, "end": 9, "label": "PERSON", "text": "Merkel"}]}"#;
        let Err(r) = read_str(Path::new("p.jsonl"), src, &Project::new("t")) else {
            panic!("should fail");
        };
        assert!(
            r.to_string()
                .contains("differs from the document's text at 3..9 (\"erkel!\")"),
            "{r}"
        );
    }

    #[test]
    fn token_spans_for_odd_ranges() {
        let text = "ab  cd";
        let toks = tokenize(text);
        assert_eq!(
            token_span(&toks, CharRange::new(0, 6)),
            (Some((0, 1)), true)
        );
        assert_eq!(
            token_span(&toks, CharRange::new(2, 4)),
            (Some((1, 1)), false)
        );
        assert_eq!(
            token_span(&toks, CharRange::new(1, 5)),
            (Some((0, 1)), false)
        );
        assert_eq!(
            token_span(&tokenize("  "), CharRange::new(0, 1)),
            (None, false)
        );
        assert_eq!(
            token_span(&tokenize("ab  "), CharRange::new(3, 4)),
            (Some((0, 0)), false)
        );
    }
}
