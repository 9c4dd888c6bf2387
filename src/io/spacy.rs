//! spaCy v3 training data: a `.spacy` file (a serialised `DocBin`) that `python -m spacy train`
//! and `DocBin().from_disk(…).get_docs(nlp.vocab)` read, written natively.
//!
//! # What goes in
//! - `doc.text`: the document's text exactly. Tokens are those of the CoNLL export
//!   (`conll::pieces`: `text::tokenize`, cut wherever an exported annotation starts or ends
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
//!   are not names, so the import, `io::spacy_import`, brings mention kinds back), and
//!   `"gloss_meta": {key: value, …}` for a document with metadata.
//! - `doc.cats`: one-hot per category value, `scheme:value` = 1.0 or 0.0, and the categories and
//!   attributes exactly in `user_data` (`gloss_categories`, `gloss_attributes`); see
//!   `io::spacy_codes`.
//!
//! An annotation with white space at an end is trimmed (spaCy's NER cannot learn an entity that
//! starts or ends with white space), and one of white space only is left out; both are
//! reported. [`write`] puts all documents in one `.spacy` file, [`write_dir`] writes one per
//! document, [`to_bytes`] keeps it in memory.
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
//! Strings become ids as spaCy's `StringStore` makes them (see `io::spacy_common`, shared with
//! the import, `io::spacy_import`).
//!
//! `scripts/check_spacy.sh` loads an export with spaCy itself and compares it with the native
//! JSONL export of the same documents.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::ZlibEncoder;

use super::IoError;
use super::conll::{Piece, flatten, pieces, quoted, trim};
use super::file_names::{self, Written};
use super::interchange::ExportReport;
use super::spacy_codes;
use super::spacy_common::{ENT_IOB, ENT_KB_ID, ENT_TYPE, IOB_B, IOB_I, IOB_O, ORTH, string_id};
use super::spacy_pack::Pack;
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
        self.labels
            .as_ref()
            .is_none_or(|ls| ls.iter().any(|l| l == label))
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

/// Write each document to `DIR/NAME.spacy` (names as `file_names::file_stems` makes them),
/// creating `dir` if needed.
pub fn write_dir(
    project: &Project,
    docs: &[&Document],
    options: &Options,
    dir: &Path,
) -> Result<Written, IoError> {
    file_names::write_each(docs.iter().copied(), dir, "spacy", |doc, buf| {
        let (bytes, report) = to_bytes(project, [doc], options);
        buf.extend_from_slice(&bytes);
        Ok(report)
    })
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
    /// `doc.cats`, and the user_data entries of categories and attributes (`io::spacy_codes`).
    cats: Vec<(String, f64)>,
    codes: Vec<(&'static str, Vec<u8>)>,
}

/// A token of the DocBin: a piece of a word, or a run of white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tok {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    space_after: bool,
}

/// spaCy's tokens for `text` from its word pieces (see the module doc).
fn spacy_tokens(text: &str, pieces: &[Piece]) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(pieces.len() * 2);
    let (mut at, mut byte) = (0usize, 0usize);
    for p in pieces {
        push_gap(text, &mut out, (at, byte), (p.start, p.byte_start));
        out.push(Tok {
            start: p.start,
            end: p.end,
            byte_start: p.byte_start,
            byte_end: p.byte_end,
            space_after: false,
        });
        (at, byte) = (p.end, p.byte_end);
    }
    let n = text.chars().count();
    push_gap(text, &mut out, (at, byte), (n, text.len()));
    out
}

/// The white space from `(char, byte)` `from` to `to`: its first space goes to the token before
/// (spaCy's `whitespace_`), the rest is a token of its own.
fn push_gap(text: &str, out: &mut Vec<Tok>, from: (usize, usize), to: (usize, usize)) {
    let ((mut at, mut byte), (end, byte_end)) = (from, to);
    if at == end {
        return;
    }
    if let Some(last) = out.last_mut()
        && text.as_bytes().get(byte) == Some(&b' ')
    {
        last.space_after = true;
        at += 1;
        byte += 1;
    }
    if at < end {
        out.push(Tok {
            start: at,
            end,
            byte_start: byte,
            byte_end,
            space_after: false,
        });
    }
}

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
        cats: spacy_codes::cats(project, doc),
        codes: spacy_codes::user_data(project, doc),
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
    let mut p = Pack::default();
    p.map(groups.len());
    for (key, spans) in groups {
        let mut g = Pack::default();
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
    let mut p = Pack::default();
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
        spacy_codes::pack_cats(&mut p, &d.cats);
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
        let mut u = Pack::default();
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
mod tests {
    use super::*;
    use crate::model::{
        DocId, Entity, EntityId, Origin, Quote, QuoteId, QuoteKind, SpanId, Status,
    };
    use std::io::Read;

    fn toks(text: &str) -> Vec<(&str, bool)> {
        let cuts = BTreeSet::new();
        spacy_tokens(text, &pieces(text, &cuts))
            .iter()
            .map(|t| (&text[t.byte_start..t.byte_end], t.space_after))
            .collect()
    }

    #[test]
    fn white_space_follows_spacys_tokenizer() {
        // What `spacy.blank("en").make_doc(text)` gives as (text, has trailing space).
        assert_eq!(toks("a  b"), [("a", true), (" ", false), ("b", false)]);
        assert_eq!(toks("  a  "), [("  ", false), ("a", true), (" ", false)]);
        assert_eq!(
            toks("a\r\nb"),
            [("a", false), ("\r\n", false), ("b", false)]
        );
        assert_eq!(toks("a \t b"), [("a", true), ("\t ", false), ("b", false)]);
        assert_eq!(toks("\n\na"), [("\n\n", false), ("a", false)]);
        assert_eq!(toks(" a"), [(" ", false), ("a", false)]);
        assert_eq!(toks(""), []);
        let text = "Zoë 👍🏽  said\u{3000}“东京”.";
        let rebuilt: String = toks(text)
            .iter()
            .map(|(t, s)| format!("{t}{}", if *s { " " } else { "" }))
            .collect();
        assert_eq!(rebuilt, text);
    }

    /// Just enough MessagePack reading to check what `docbin` writes.
    #[derive(Clone, Debug, PartialEq)]
    enum V {
        Bool(bool),
        Int(u64),
        Str(String),
        Bin(Vec<u8>),
        Arr(Vec<V>),
        Map(Vec<(V, V)>),
    }

    impl V {
        fn get(&self, key: &str) -> &V {
            match self {
                V::Map(m) => {
                    &m.iter()
                        .find(|(k, _)| *k == V::Str(key.into()))
                        .expect(key)
                        .1
                }
                _ => panic!("not a map"),
            }
        }
        fn arr(&self) -> &[V] {
            match self {
                V::Arr(a) => a,
                _ => panic!("not an array: {self:?}"),
            }
        }
        fn bin(&self) -> &[u8] {
            match self {
                V::Bin(b) => b,
                _ => panic!("not bin"),
            }
        }
    }

    fn unpack(b: &[u8]) -> V {
        let mut i = 0;
        let v = read(b, &mut i);
        assert_eq!(i, b.len(), "trailing bytes");
        v
    }

    fn read(b: &[u8], i: &mut usize) -> V {
        let take = |i: &mut usize, n: usize| {
            let s = &b[*i..*i + n];
            *i += n;
            s
        };
        let be = |s: &[u8]| s.iter().fold(0u64, |a, x| a << 8 | u64::from(*x));
        let t = take(i, 1)[0];
        let n_of = |i: &mut usize, w: usize| be(take(i, w)) as usize;
        match t {
            0x00..=0x7f => V::Int(u64::from(t)),
            0x80..=0x8f => map(b, i, usize::from(t & 0x0f)),
            0x90..=0x9f => arr(b, i, usize::from(t & 0x0f)),
            0xa0..=0xbf => {
                V::Str(String::from_utf8(take(i, usize::from(t & 0x1f)).to_vec()).unwrap())
            }
            0xc2 => V::Bool(false),
            0xc3 => V::Bool(true),
            0xc4..=0xc6 => {
                let n = n_of(i, 1 << (t - 0xc4));
                V::Bin(take(i, n).to_vec())
            }
            0xcc..=0xcf => V::Int(be(take(i, 1 << (t - 0xcc)))),
            0xd9..=0xdb => {
                let n = n_of(i, 1 << (t - 0xd9));
                V::Str(String::from_utf8(take(i, n).to_vec()).unwrap())
            }
            0xdc | 0xdd => {
                let n = n_of(i, 2 << (t - 0xdc));
                arr(b, i, n)
            }
            0xde | 0xdf => {
                let n = n_of(i, 2 << (t - 0xde));
                map(b, i, n)
            }
            _ => panic!("unexpected byte {t:#x}"),
        }
    }

    fn arr(b: &[u8], i: &mut usize, n: usize) -> V {
        V::Arr((0..n).map(|_| read(b, i)).collect())
    }

    fn map(b: &[u8], i: &mut usize, n: usize) -> V {
        V::Map((0..n).map(|_| (read(b, i), read(b, i))).collect())
    }

    fn sample() -> Project {
        let text = "“We  will win,” said Angela Merkel.\nShe left 東京.";
        let mut p = Project::new("t");
        p.insert_entity(Entity {
            id: EntityId(1),
            name: "Angela Merkel".into(),
            label: "PERSON".into(),
            aliases: vec![],
            attributes: Default::default(),
        });
        let mut d = Document::new(DocId(1), "merkel", text);
        d.status = Status::Done;
        d.meta.insert("outlet".into(), "FAZ".into());
        let at = |needle: &str| {
            let (b, _) = text.match_indices(needle).next().unwrap();
            let s = text[..b].chars().count();
            CharRange::new(s, s + needle.chars().count())
        };
        let mut m = Span::new(SpanId(1), at("Angela Merkel"), "PERSON");
        m.entity = Some(EntityId(1));
        d.insert_span(m);
        d.insert_span(Span::new(SpanId(2), at("Merkel"), "PERSON"));
        let mut she = Span::new(SpanId(3), at("She"), "PERSON");
        she.mention = Mention::Pronoun;
        d.insert_span(she);
        d.insert_span(Span::new(SpanId(4), at(" 東京"), "GPE"));
        d.quotes.push(Quote {
            id: QuoteId(1),
            content: vec![at("We  will win,")],
            speaker: Some(SpanId(1)),
            cue: Some(at("said")),
            kind: QuoteKind::Direct,
            origin: Origin::Manual,
            attributes: Default::default(),
        });
        p.insert_document(d);
        p
    }

    #[test]
    fn writes_a_docbin_as_spacy_does() {
        let p = sample();
        let (bytes, report) = to_bytes(&p, &p.documents, &Options::default());
        assert_eq!((report.documents, report.spans, report.quotes), (1, 4, 1));
        assert_eq!(report.left_out.len(), 2, "{:?}", report.left_out);
        assert!(
            report.left_out[0]
                .contains("44..47 GPE \" 東京\" has white space at an end; exported as 45..47")
        );
        assert!(report.left_out[1].contains("28..34 PERSON \"Merkel\" overlaps 21..34"));
        let mut raw = Vec::new();
        flate2::read::ZlibDecoder::new(&bytes[..])
            .read_to_end(&mut raw)
            .unwrap();
        let v = unpack(&raw);
        assert_eq!(v.get("version"), &V::Str("0.1".into()));
        assert_eq!(
            v.get("attrs"),
            &V::Arr(ATTRS.iter().map(|a| V::Int(*a)).collect())
        );
        let n: Vec<i32> = v
            .get("lengths")
            .bin()
            .chunks(4)
            .map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let tokens: Vec<u64> = v
            .get("tokens")
            .bin()
            .chunks(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
            .collect();
        let rows: Vec<&[u64]> = tokens.chunks(4).collect();
        assert_eq!(n, [rows.len() as i32]);
        let strings: Vec<String> = v
            .get("strings")
            .arr()
            .iter()
            .map(|s| match s {
                V::Str(s) => s.clone(),
                _ => panic!(),
            })
            .collect();
        let mut sorted = strings.clone();
        sorted.sort();
        assert_eq!(strings, sorted);
        let text_of = |id: u64| {
            strings
                .iter()
                .find(|s| string_id(s) == id)
                .cloned()
                .unwrap_or_else(|| panic!("{id} not in strings"))
        };
        let spaces = v.get("spaces").bin();
        let mut rebuilt = String::new();
        for (r, s) in rows.iter().zip(spaces) {
            rebuilt.push_str(&text_of(r[0]));
            if *s == 1 {
                rebuilt.push(' ');
            }
        }
        assert_eq!(rebuilt, *p.documents[0].text);
        // "Angela Merkel" is B, I; its type PERSON (380) and kb id the entity's name.
        let words: Vec<String> = rows.iter().map(|r| text_of(r[0])).collect();
        let k = words.iter().position(|w| w == "Angela").unwrap();
        assert_eq!(rows[k][1..], [IOB_B, 380, string_id("Angela Merkel")]);
        assert_eq!(rows[k + 1][1..], [IOB_I, 380, string_id("Angela Merkel")]);
        assert_eq!(rows[k + 2][1..], [IOB_O, 0, 0]);
        assert_eq!(words[1], "We");
        assert_eq!(words[2], " ", "the second space of \"We  will\" is a token");
        assert_eq!(
            v.get("flags").arr()[0],
            V::Map(vec![(V::Str("has_unknown_spaces".into()), V::Bool(false))])
        );
        let user = unpack(v.get("user_data").arr()[0].bin());
        assert_eq!(user.get("gloss_doc"), &V::Str("merkel".into()));
        assert_eq!(user.get("gloss_status"), &V::Str("done".into()));
        assert_eq!(
            user.get("gloss_meta"),
            &V::Map(vec![(V::Str("outlet".into()), V::Str("FAZ".into()))])
        );
        let mentions = user.get("gloss_mentions").arr();
        assert_eq!(mentions.len(), 1, "only \"She\" is not a name");
        assert_eq!(
            mentions[0].arr()[2..],
            [V::Str("pronoun".into()), V::Str("PERSON".into())]
        );

        let groups = unpack(v.get("span_groups").arr()[0].bin());
        let V::Map(groups) = groups else { panic!() };
        let keys: Vec<V> = groups.iter().map(|(_, k)| k.clone()).collect();
        assert_eq!(
            keys,
            GROUPS.map(|g| V::Arr(vec![V::Str(g.into())])).to_vec()
        );
        let spans_of = |i: usize| -> Vec<(u64, u64, u64, i32, i32, i32, i32)> {
            let g = unpack(groups[i].0.bin());
            assert_eq!(g.get("name"), &V::Str(GROUPS[i].into()));
            g.get("spans")
                .arr()
                .iter()
                .map(|s| {
                    let b = s.bin();
                    assert_eq!(b.len(), 40);
                    let q = |k: usize| u64::from_be_bytes(b[k..k + 8].try_into().unwrap());
                    let l = |k: usize| i32::from_be_bytes(b[k..k + 4].try_into().unwrap());
                    (q(0), q(8), q(16), l(24), l(28), l(32), l(36))
                })
                .collect()
        };
        let sc = spans_of(0);
        assert_eq!(sc.len(), 4);
        assert_eq!(
            sc[0],
            (
                0,
                string_id("Angela Merkel"),
                380,
                k as i32,
                k as i32 + 2,
                21,
                34
            )
        );
        let quotes = spans_of(1);
        assert_eq!(quotes.len(), 1);
        assert_eq!(
            (
                quotes[0].0,
                quotes[0].1,
                quotes[0].2,
                quotes[0].5,
                quotes[0].6
            ),
            (
                string_id("quote-1"),
                string_id("Angela Merkel"),
                string_id("direct"),
                1,
                14
            )
        );
        assert_eq!(spans_of(2)[0].2, string_id(SPEAKER));
        assert_eq!(spans_of(3)[0].2, string_id(CUE));
        for s in [SPEAKER, CUE, "direct", "quote-1", "Angela Merkel", "GPE"] {
            assert!(strings.iter().any(|x| x == s), "{s} missing from strings");
        }
    }

    #[test]
    fn selected_labels_and_no_quotes() {
        let p = sample();
        let options = Options {
            labels: Some(vec!["GPE".into()]),
            quotes: false,
        };
        let (_, report) = to_bytes(&p, &p.documents, &options);
        assert_eq!((report.spans, report.quotes), (1, 0));
        let empty = Project::new("e");
        let (bytes, report) = to_bytes(&empty, &empty.documents, &Options::default());
        assert_eq!(report.documents, 0);
        let mut raw = Vec::new();
        flate2::read::ZlibDecoder::new(&bytes[..])
            .read_to_end(&mut raw)
            .unwrap();
        assert_eq!(unpack(&raw).get("lengths"), &V::Bin(vec![]));
    }
}
