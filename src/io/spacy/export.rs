//! spaCy v3 training data: a `.spacy` file (a serialised `DocBin`) that `python -m spacy train`
//! and `DocBin().from_disk(…).get_docs(nlp.vocab)` read, written natively.
//!
//! # What goes in
//! - `doc.text`: the document's text exactly. Tokens are those of the CoNLL export
//!   (`io::tokens::pieces`: `text::tokenize`, cut wherever an exported annotation starts or ends
//!   inside a token), so every annotation is whole tokens and no boundary is moved. White space
//!   follows spaCy's tokenizer: one space after a token is that token's `whitespace_`; any other
//!   run of white space is a token of its own ("a  b" → `a␠`, `␠`, `b`; "a\r\nb" → `a`, `\r\n`,
//!   `b`), so tokens and their trailing spaces give the text back character for character.
//! - `doc.ents`: names only (`Mention::Name`) of the selected labels, flat: where names overlap
//!   the outermost is kept (earliest start, then longest) and the others are reported with
//!   their document and offsets. `ent.kb_id_` is the canonical entity's name, if linked.
//! - `doc.spans["sc"]`: every span of the selected labels, nested ones and pronoun and
//!   description mentions included (label = the span's label, `kb_id_` = entity name).
//! - `doc.spans["quotes"]`: one span per content part, label `direct`, `indirect` or `mixed`
//!   (as in the native JSONL), `id_` = `quote-<quote id>` (so a quote's parts, speaker and cue
//!   can be put back together), `kb_id_` = the speaker's entity name.
//! - `doc.spans["speakers"]`: each quote's speaker mention, label `SPEAKER`, same `id_` and
//!   `kb_id_`; `doc.spans["cues"]`: each quote's cue, label `CUE`, same `id_`.
//! - `doc.user_data`: `{"gloss_doc": name, "gloss_status": "todo"|"in_progress"|"done",
//!   "gloss_mentions": [[start, end, "pronoun"|"description", label], …]}` (the `sc` spans that
//!   are not names, so the import, `io::spacy::import`, brings mention kinds back), and
//!   `"gloss_meta": {key: value, …}` for a document with metadata.
//! - `doc.cats`: one-hot per category value, `scheme:value` = 1.0 or 0.0, and the categories and
//!   attributes exactly in `user_data` (`gloss_categories`, `gloss_attributes`); see
//!   `io::spacy::codes`.
//!
//! An annotation with white space at an end is trimmed (spaCy's NER cannot learn an entity that
//! starts or ends with white space), and one of white space only is left out; both are
//! reported. [`write`] puts the documents it is given in one `.spacy` file (a per-document
//! export gives it one at a time); [`to_bytes`] keeps it in memory.
//!
//! # The format (spaCy 3.x `spacy/tokens/_serialize.py`)
//! zlib-compressed MessagePack of a map: `version` "0.1"; `attrs` [ORTH, ENT_IOB, ENT_TYPE,
//! ENT_KB_ID] (attribute ids 65, 77, 78, 452); `tokens` a little-endian u64 array, one row of
//! those attributes per token; `spaces` one byte per token (1 = followed by a space);
//! `lengths` i32 token counts per document; `strings` every string the values stand for,
//! sorted; `cats` and `flags` (`has_unknown_spaces: false`) per document; `span_groups` per
//! document, the bytes of `SpanGroups.to_bytes` (a map from each group's bytes to its keys; a
//! group is `{name, attrs, spans}`, a span 40 bytes `>QQQllll`: id, kb_id, label, start and
//! end token, start and end character); `user_data` per document.
//!
//! Strings become ids as spaCy's `StringStore` makes them (see `io::spacy::strings`, shared with
//! the import, `io::spacy::import`).
//!
//! `scripts/check_spacy.sh` loads an export with spaCy itself and compares it with the native
//! JSONL export of the same documents.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;

use super::codes;
use super::msgpack::MsgPackWriter;
use super::strings::{ENT_IOB, ENT_KB_ID, ENT_TYPE, IOB_B, IOB_I, IOB_O, ORTH, string_id};
use super::tokens::spacy_tokens;
use crate::io::interchange::ExportReport;
use crate::io::tokens::{flatten, pieces, quoted, trim};
use crate::model::{CharRange, Document, Mention, Project, Span};

/// spaCy's attribute ids of what each token row holds.
const ATTRS: [u64; 4] = [ORTH, ENT_IOB, ENT_TYPE, ENT_KB_ID];

/// The span group keys, in the order they are written.
pub const GROUPS: [&str; 4] = ["sc", "quotes", "speakers", "cues"];
/// Labels of the `speakers` and `cues` groups.
pub const SPEAKER: &str = "SPEAKER";
pub const CUE: &str = "CUE";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Only spans with these labels in `ents` and `sc` (all when `None`).
    pub labels: Option<Vec<String>>,
    /// Fill the `quotes`, `speakers` and `cues` groups.
    pub quotes: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            labels: None,
            quotes: true,
        }
    }
}

impl Options {
    fn selects(&self, label: &str) -> bool {
        crate::io::interchange::selected(&self.labels, label)
    }
}

/// The `.spacy` bytes for `docs`, and the report: documents, `sc` spans and quotes written, and
/// a line for everything left out or changed.
pub fn to_bytes<'a>(
    project: &Project,
    docs: impl IntoIterator<Item = &'a Document>,
    options: &Options,
) -> (Vec<u8>, ExportReport) {
    let mut report = ExportReport::default();
    let mut strings = BTreeSet::new();
    strings.insert(String::new());
    let built: Vec<Built> = docs
        .into_iter()
        .map(|d| build(project, d, options, &mut strings, &mut report))
        .collect();
    (compress(&docbin(&built, &strings)), report)
}

/// Write `docs` as one `.spacy` file to `out`.
pub fn write<'a, W: Write>(
    project: &Project,
    docs: impl IntoIterator<Item = &'a Document>,
    options: &Options,
    mut out: W,
) -> std::io::Result<ExportReport> {
    let (bytes, report) = to_bytes(project, docs, options);
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(report)
}

// ------------------------------------------------------------------------------ one document

/// A span of a span group, as `SpanC` holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SpanC {
    id: u64,
    kb_id: u64,
    label: u64,
    start: i32,
    end: i32,
    start_char: i32,
    end_char: i32,
}

/// One document ready to serialise.
struct Built {
    /// Rows of `ATTRS`, one per token.
    rows: Vec<[u64; 4]>,
    spaces: Vec<bool>,
    groups: Vec<(&'static str, Vec<SpanC>)>,
    name: String,
    status: &'static str,
    meta: std::collections::BTreeMap<String, String>,
    /// The `sc` spans that are pronoun or description mentions: range, kind, label.
    mentions: Vec<(CharRange, &'static str, String)>,
    /// `doc.cats`, and the user_data entries of categories and attributes (`io::spacy::codes`).
    cats: Vec<(String, f64)>,
    codes: Vec<(&'static str, Vec<u8>)>,
}

/// A token of the DocBin: a piece of a word, or a run of white space.
fn build(
    project: &Project,
    doc: &Document,
    options: &Options,
    strings: &mut BTreeSet<String>,
    report: &mut ExportReport,
) -> Built {
    let name = &doc.name;
    report.documents += 1;
    let lost = &mut report.left_out;
    let entity_name = |s: &Span| {
        s.entity
            .and_then(|e| project.entity(e))
            .map(|e| e.name.as_str())
    };
    // Every annotation, trimmed: (range, label, kb, id) per group.
    type Item<'s> = (CharRange, &'s str, Option<&'s str>, Option<String>);
    let mut sc: Vec<Item> = Vec::new();
    let mut names: Vec<(CharRange, &Span)> = Vec::new();
    let mut mentions = Vec::new();
    for s in doc.spans.iter().filter(|s| options.selects(&s.label)) {
        let Some(r) = trimmed(doc, s.range(), &s.label, lost) else {
            continue;
        };
        sc.push((r, &s.label, entity_name(s), None));
        if s.mention == Mention::Name {
            names.push((r, s));
        } else {
            mentions.push((r, s.mention.name(), s.label.to_string()));
        }
    }
    let (ents, dropped) = flatten(names);
    for (r, s, by) in dropped {
        lost.push(format!(
            "{name}: {r} {} {} overlaps {by} (kept in doc.ents); it is in doc.spans[\"sc\"] only",
            s.label,
            quoted(doc, r)
        ));
    }
    let (mut quotes, mut speakers, mut cues): (Vec<Item>, Vec<Item>, Vec<Item>) =
        Default::default();
    if options.quotes {
        for q in &doc.quotes {
            let id = format!("quote-{}", q.id);
            let speaker = q.speaker.and_then(|s| doc.span(s));
            let kb = speaker.and_then(entity_name);
            let mut parts = q.content.clone();
            parts.sort();
            let before = quotes.len();
            for part in parts {
                if let Some(r) = trimmed(doc, part, &format!("quote {} part", q.id), lost) {
                    quotes.push((r, q.kind.name(), kb, Some(id.clone())));
                }
            }
            if quotes.len() == before {
                lost.push(format!(
                    "{name}: quote {} at {} is only white space; left out with its speaker and cue",
                    q.id,
                    q.extent()
                ));
                continue;
            }
            if let Some(s) = speaker
                && let Some(r) =
                    trimmed(doc, s.range(), &format!("speaker of quote {}", q.id), lost)
            {
                speakers.push((r, SPEAKER, kb, Some(id.clone())));
            }
            if let Some(c) = q.cue
                && let Some(r) = trimmed(doc, c, &format!("cue of quote {}", q.id), lost)
            {
                cues.push((r, CUE, None, Some(id.clone())));
            }
        }
    }

    let cuts: BTreeSet<usize> = [&sc, &quotes, &speakers, &cues]
        .into_iter()
        .flatten()
        .flat_map(|(r, ..)| [r.start, r.end])
        .collect();
    let text = &*doc.text;
    let toks = spacy_tokens(text, &pieces(text, &cuts));
    let starts: HashMap<usize, usize> =
        toks.iter().enumerate().map(|(i, t)| (t.start, i)).collect();
    let ends: HashMap<usize, usize> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.end, i + 1))
        .collect();
    // Every boundary is a cut, so it is a token edge; the fallback only guards the invariant.
    let token_range = |r: CharRange| -> Option<(usize, usize)> {
        Some((*starts.get(&r.start)?, *ends.get(&r.end)?))
    };

    let mut rows: Vec<[u64; 4]> = Vec::with_capacity(toks.len());
    for t in &toks {
        let orth = &text[t.byte_start..t.byte_end];
        strings.insert(orth.to_string());
        rows.push([string_id(orth), IOB_O, 0, 0]);
    }
    for (r, s) in &ents {
        let Some((a, b)) = token_range(*r) else {
            lost.push(format!(
                "{name}: {r} {} does not fall on token edges; left out",
                s.label
            ));
            continue;
        };
        let label = string_id(&s.label);
        strings.insert(s.label.to_string());
        let kb = entity_name(s).map_or(0, |n| {
            strings.insert(n.to_string());
            string_id(n)
        });
        for (k, row) in rows[a..b].iter_mut().enumerate() {
            *row = [row[0], if k == 0 { IOB_B } else { IOB_I }, label, kb];
        }
    }
    let mut groups = Vec::with_capacity(GROUPS.len());
    for (key, items) in GROUPS.into_iter().zip([sc, quotes, speakers, cues]) {
        let mut spans = Vec::with_capacity(items.len());
        for (r, label, kb, id) in items {
            let Some((a, b)) = token_range(r) else {
                lost.push(format!(
                    "{name}: {r} {label} does not fall on token edges; left out"
                ));
                continue;
            };
            let mut intern = |s: &str| {
                strings.insert(s.to_string());
                string_id(s)
            };
            spans.push(SpanC {
                id: id.as_deref().map_or(0, &mut intern),
                kb_id: kb.map_or(0, &mut intern),
                label: intern(label),
                start: a as i32,
                end: b as i32,
                start_char: r.start as i32,
                end_char: r.end as i32,
            });
        }
        groups.push((key, spans));
    }
    report.spans += groups[0].1.len();
    let quote_ids: HashSet<u64> = groups[1].1.iter().map(|s| s.id).collect();
    report.quotes += quote_ids.len();
    Built {
        spaces: toks.iter().map(|t| t.space_after).collect(),
        rows,
        groups,
        name: doc.name.clone(),
        status: doc.status.key(),
        meta: doc.meta.clone(),
        mentions,
        cats: codes::cats(project, doc),
        codes: codes::user_data(project, doc),
    }
}

/// `r` without white space at its ends (reported when that changes it, or leaves nothing).
fn trimmed(doc: &Document, r: CharRange, what: &str, lost: &mut Vec<String>) -> Option<CharRange> {
    let name = &doc.name;
    let t = trim(doc, r);
    match t {
        None => lost.push(format!(
            "{name}: {r} {what} {} is only white space; left out",
            quoted(doc, r)
        )),
        Some(t) if t != r => lost.push(format!(
            "{name}: {r} {what} {} has white space at an end; exported as {t}",
            quoted(doc, r)
        )),
        _ => {}
    }
    t
}

// ------------------------------------------------------------------------------ serialising

/// `SpanGroups.to_bytes` of one document.
fn span_groups(groups: &[(&str, Vec<SpanC>)]) -> Vec<u8> {
    let mut p = MsgPackWriter::default();
    p.map(groups.len());
    for (key, spans) in groups {
        let mut g = MsgPackWriter::default();
        g.map(3);
        g.str("name");
        g.str(key);
        g.str("attrs");
        g.map(0);
        g.str("spans");
        g.array(spans.len());
        for s in spans {
            let mut b = Vec::with_capacity(40);
            b.extend_from_slice(&s.id.to_be_bytes());
            b.extend_from_slice(&s.kb_id.to_be_bytes());
            b.extend_from_slice(&s.label.to_be_bytes());
            for v in [s.start, s.end, s.start_char, s.end_char] {
                b.extend_from_slice(&v.to_be_bytes());
            }
            g.bin(&b);
        }
        p.bin(&g.0);
        p.array(1);
        p.str(key);
    }
    p.0
}

/// The uncompressed MessagePack of a DocBin.
fn docbin(docs: &[Built], strings: &BTreeSet<String>) -> Vec<u8> {
    let mut p = MsgPackWriter::default();
    p.map(10);
    p.str("version");
    p.str("0.1");
    p.str("attrs");
    p.array(ATTRS.len());
    for a in ATTRS {
        p.uint(a);
    }
    p.str("tokens");
    let tokens: Vec<u8> = docs
        .iter()
        .flat_map(|d| d.rows.iter().flatten().flat_map(|v| v.to_le_bytes()))
        .collect();
    p.bin(&tokens);
    p.str("spaces");
    let spaces: Vec<u8> = docs
        .iter()
        .flat_map(|d| d.spaces.iter().map(|s| u8::from(*s)))
        .collect();
    p.bin(&spaces);
    p.str("lengths");
    let lengths: Vec<u8> = docs
        .iter()
        .flat_map(|d| (d.rows.len() as i32).to_le_bytes())
        .collect();
    p.bin(&lengths);
    p.str("strings");
    p.array(strings.len());
    for s in strings {
        p.str(s);
    }
    p.str("cats");
    p.array(docs.len());
    for d in docs {
        codes::pack_cats(&mut p, &d.cats);
    }
    p.str("flags");
    p.array(docs.len());
    for _ in docs {
        p.map(1);
        p.str("has_unknown_spaces");
        p.bool(false);
    }
    p.str("span_groups");
    p.array(docs.len());
    for d in docs {
        p.bin(&span_groups(&d.groups));
    }
    p.str("user_data");
    p.array(docs.len());
    for d in docs {
        let mut u = MsgPackWriter::default();
        u.map(if d.meta.is_empty() { 3 } else { 4 } + d.codes.len());
        u.str("gloss_doc");
        u.str(&d.name);
        u.str("gloss_status");
        u.str(d.status);
        u.str("gloss_mentions");
        u.array(d.mentions.len());
        for (r, kind, label) in &d.mentions {
            u.array(4);
            u.uint(r.start as u64);
            u.uint(r.end as u64);
            u.str(kind);
            u.str(label);
        }
        if !d.meta.is_empty() {
            u.str("gloss_meta");
            u.map(d.meta.len());
            for (k, v) in &d.meta {
                u.str(k);
                u.str(v);
            }
        }
        for (key, packed) in &d.codes {
            u.str(key);
            u.0.extend_from_slice(packed);
        }
        p.bin(&u.0);
    }
    p.0
}

fn compress(bytes: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(
        Vec::with_capacity(bytes.len() / 4 + 64),
        Compression::default(),
    );
    z.write_all(bytes)
        .and_then(|()| z.finish())
        .expect("compressing into memory cannot fail")
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;
