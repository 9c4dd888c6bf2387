//! spaCy DocBin import: a `.spacy` file as `DocBin.to_bytes` writes it — a spaCy-made corpus,
//! a model's output, or Gloss's own export (`io::spacy::export`) — read back into documents, spans,
//! quotes and metadata, so that what spaCy made can be reviewed and corrected.
//!
//! # The format (spaCy 3.x `spacy/tokens/_serialize.py`)
//! zlib-compressed MessagePack of a map: `attrs` the attribute ids of the token columns;
//! `tokens` a little-endian u64 array, one row per token (C order); `spaces` one byte per token
//! (1 = a space follows); `lengths` i32 token counts per document; `strings` the strings the
//! ids stand for; `cats` a map per document; `span_groups` per document the bytes of
//! `SpanGroups.to_bytes` (a map from each group's bytes to its keys, or in older files a list
//! of groups; a group is `{name, attrs, spans}`, a span 40 bytes `>QQQllll`: id, kb_id, label,
//! start and end token, start and end character); `user_data`, when stored, per document the
//! MessagePack of `doc.user_data`. Ids resolve through `strings`, and symbols (PERSON is 380)
//! through spaCy's symbol table (`io::spacy::strings`, shared with the export).
//!
//! # What comes back
//! - The text: each token's ORTH, then a space where `spaces` says so: spaCy's `doc.text`
//!   exactly. Offsets are counted in code points over that text (Python's `start_char` is one),
//!   from the tokens a span covers, so emoji and CJK never shift a span.
//! - `doc.ents` (ENT_IOB 3 = B, 1 = I, 2 = O, 0 = missing; ENT_TYPE the label; ENT_KB_ID the
//!   canonical entity's name) become name mentions. An I with no entity open starts one, where
//!   spaCy itself would refuse the document.
//! - Every `doc.spans` group becomes spans labelled with the span's label (the group's key when
//!   a span has none) and linked to the entity its `kb_id_` names; a pronoun as written comes in
//!   as a pronoun mention. Gloss's own groups come back as Gloss wrote them: `quotes` spans
//!   labelled direct, indirect or mixed are a quote's content parts, joined by their `id_`;
//!   `speakers` (SPEAKER) and `cues` (CUE) spans with the same `id_` are its speaker and cue. A
//!   speaker range no span covers becomes a mention of its own, as the JSONL import makes one.
//!   The same range and label met twice (a name in `ents` and in `sc`) is one span.
//! - Categories and attributes: `user_data`'s `gloss_categories` and `gloss_attributes`, and
//!   `doc.cats` labels `scheme:value` of the project's schemes (see `io::spacy::codes`). Other
//!   `doc.cats` become metadata `cat:LABEL` = score, which the Document tab shows, the documents
//!   list filters on and exports carry; they win over `user_data` entries of the same key (a
//!   model's newer verdict).
//! - `user_data`: Gloss's `gloss_doc` (the name), `gloss_status`, `gloss_meta` (metadata) and
//!   `gloss_mentions` (which spans are pronoun or description mentions; when it is there, every
//!   other span is a name); any other entry with a text key and a plain value (text, number,
//!   true/false) becomes metadata too.
//!
//! What has no place in Gloss (a span covering no token, a speaker of no quote, user_data that
//! is not plain) is reported with its document, never dropped silently. A file that is not a
//! DocBin, is cut short, or whose pieces disagree (token rows against lengths, an ORTH whose
//! string is missing) fails the whole import with a message naming the file and the document.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use flate2::{Decompress, FlushDecompress, Status as Inflated};
use rmpv::ValueRef;

use super::export::{CUE, SPEAKER};
use super::strings::{
    ENT_IOB, ENT_KB_ID, ENT_TYPE, IOB_B, IOB_I, IOB_MISSING, ORTH, string_id, symbol_name,
};
use crate::io::IoError;
use crate::io::files::{self, Links};
use crate::io::interchange::{self, Import, ImportBuilder, Place, Rejected};
use crate::model::{
    CharRange, Document, Mention, Project, Quote, QuoteId, QuoteKind, SpanId, Status,
};

/// The format's name in `Origin::Imported`.
pub const FORMAT: &str = "spacy";

/// The largest `.spacy` file read, and the most it may unpack to: a corpus bigger than that is
/// better split into several DocBins than held in memory at once.
const FILE_CAP: u64 = files::TEXT_CAP;
const UNPACKED_CAP: usize = 1 << 30;
/// How deep MessagePack may nest: a DocBin needs three levels, user_data a few more.
const MAX_DEPTH: usize = 64;
/// The label a made speaker mention gets when no entity says otherwise (as in the JSONL import).
const SPEAKER_LABEL: &str = "PERSON";

/// Read the `.spacy` files `paths` name (folders are walked for `.spacy` files) for adding to
/// `project`: everything, or `Rejected` with every error, each naming the file and document.
pub fn read_paths(paths: &[PathBuf], project: &Project) -> Result<Import, Rejected> {
    let mut b = ImportBuilder::new(project, FORMAT);
    let found = interchange::collect_files(paths, &["spacy"], &mut b.errors);
    for path in found {
        match files::read_regular(&path, Links::Follow, FILE_CAP) {
            Ok(bytes) => read_file(&mut b, &path, &bytes),
            Err(e) => b.errors.push(e),
        }
    }
    b.finish()
}

/// Read a `.spacy` file already in memory; `path` names it in messages.
pub fn read_bytes(path: &Path, bytes: &[u8], project: &Project) -> Result<Import, Rejected> {
    let mut b = ImportBuilder::new(project, FORMAT);
    read_file(&mut b, path, bytes);
    b.finish()
}

fn read_file(b: &mut ImportBuilder, path: &Path, bytes: &[u8]) {
    let whole = |message: String| IoError::Other {
        path: path.to_path_buf(),
        message: format!("not a readable spaCy DocBin (.spacy): {message}"),
    };
    let raw = match inflate(bytes) {
        Ok(raw) => raw,
        Err(m) => return b.errors.push(whole(m)),
    };
    let top = match unpack(&raw, "the file") {
        Ok(top) => top,
        Err(m) => return b.errors.push(whole(m)),
    };
    let bin = match DocBin::read(&top) {
        Ok(bin) => bin,
        Err(m) => return b.errors.push(whole(m)),
    };
    let several = bin.lengths.len() > 1;
    let mut row = 0;
    for (index, &n) in bin.lengths.iter().enumerate() {
        let place = Place::Item { noun: "doc", index };
        if let Err(m) = read_doc(b, path, place, several, &bin, index, row..row + n) {
            b.error(path, place, m);
        }
        row += n;
    }
}

/// The zlib stream unpacked, refusing one that is cut short or unpacks past the cap.
fn inflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut z = Decompress::new(true);
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len().saturating_mul(4).min(64 << 20));
    loop {
        if out.len() == out.capacity() {
            if out.len() >= UNPACKED_CAP {
                return Err(format!(
                    "it unpacks to more than {}; split the corpus into several DocBins",
                    files::human_size(UNPACKED_CAP as u64)
                ));
            }
            // Doubling, but never past the cap (`len` is below it here).
            let grow = out.len().max(1 << 16).min(UNPACKED_CAP - out.len());
            out.reserve_exact(grow);
        }
        let (read, written) = (z.total_in(), z.total_out());
        let rest = usize::try_from(read)
            .ok()
            .and_then(|at| bytes.get(at..))
            .unwrap_or_default();
        match z.decompress_vec(rest, &mut out, FlushDecompress::None) {
            Ok(Inflated::StreamEnd) => return Ok(out),
            Ok(_) if z.total_in() == read && z.total_out() == written => {
                return Err("the compressed data is cut short (the file is truncated)".into());
            }
            Ok(_) => {}
            Err(e) => return Err(format!("not zlib-compressed data ({e})")),
        }
    }
}

/// One MessagePack value from `bytes`; `what` names them in the error.
fn unpack<'a>(bytes: &'a [u8], what: &str) -> Result<ValueRef<'a>, String> {
    let mut rd = bytes;
    rmpv::decode::read_value_ref_with_max_depth(&mut rd, MAX_DEPTH)
        .map_err(|e| format!("{what} is not valid MessagePack or is cut short ({e})"))
}

fn get<'t>(map: &'t ValueRef<'t>, key: &str) -> Option<&'t ValueRef<'t>> {
    match map {
        ValueRef::Map(m) => m.iter().find(|(k, _)| text(k) == Some(key)).map(|(_, v)| v),
        _ => None,
    }
}

fn text<'t>(v: &'t ValueRef<'t>) -> Option<&'t str> {
    match v {
        ValueRef::String(s) => s.as_str(),
        _ => None,
    }
}

fn bytes<'t>(v: &'t ValueRef<'t>) -> Option<&'t [u8]> {
    match v {
        ValueRef::Binary(b) => Some(b),
        _ => None,
    }
}

fn list<'t>(v: &'t ValueRef<'t>) -> Option<&'t [ValueRef<'t>]> {
    match v {
        ValueRef::Array(a) => Some(a),
        _ => None,
    }
}

fn uint(v: &ValueRef) -> Option<u64> {
    match v {
        ValueRef::Integer(i) => i.as_u64(),
        _ => None,
    }
}

/// A plain value as metadata text; `None` for nil and for lists, maps and bytes.
fn plain(v: &ValueRef) -> Option<String> {
    match v {
        ValueRef::String(s) => s.as_str().map(str::to_string),
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::F64(x) => Some(x.to_string()),
        ValueRef::F32(x) => Some(x.to_string()),
        ValueRef::Boolean(x) => Some(x.to_string()),
        _ => None,
    }
}

// ------------------------------------------------------------------------------ the DocBin

/// The fields of a DocBin, checked against each other.
struct DocBin<'t> {
    /// Column of each attribute Gloss reads.
    orth: usize,
    iob: Option<usize>,
    ent_type: Option<usize>,
    kb: Option<usize>,
    columns: usize,
    tokens: &'t [u8],
    spaces: &'t [u8],
    lengths: Vec<usize>,
    strings: HashMap<u64, &'t str>,
    /// One per document, or none at all when the file has no such field.
    cats: &'t [ValueRef<'t>],
    span_groups: &'t [ValueRef<'t>],
    user_data: &'t [ValueRef<'t>],
}

impl<'t> DocBin<'t> {
    fn read(top: &'t ValueRef<'t>) -> Result<Self, String> {
        if !matches!(top, ValueRef::Map(_)) {
            return Err("it holds no map of DocBin fields".into());
        }
        let field = |key: &str| get(top, key).ok_or_else(|| format!("it has no {key:?} field"));
        let attrs: Vec<u64> = list(field("attrs")?)
            .ok_or("\"attrs\" is not a list")?
            .iter()
            .map(|a| uint(a).ok_or_else(|| format!("attrs holds {a}, not an attribute id")))
            .collect::<Result<_, _>>()?;
        let col = |attr: u64| attrs.iter().position(|a| *a == attr);
        let orth = col(ORTH).ok_or("its attrs have no ORTH column, so no text")?;
        let blob = |key: &str| -> Result<&'t [u8], String> {
            bytes(field(key)?).ok_or_else(|| format!("{key:?} is not bytes"))
        };
        let (tokens, spaces, lengths) = (blob("tokens")?, blob("spaces")?, blob("lengths")?);
        let row = 8 * attrs.len();
        if tokens.len() % row != 0 {
            return Err(format!(
                "tokens holds {} bytes, not whole rows of {} attributes",
                tokens.len(),
                attrs.len()
            ));
        }
        if lengths.len() % 4 != 0 {
            return Err(format!(
                "lengths holds {} bytes, not whole i32s",
                lengths.len()
            ));
        }
        let lengths: Vec<usize> = lengths
            .chunks_exact(4)
            .map(|c| {
                let n = i32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                usize::try_from(n).map_err(|_| format!("lengths holds {n}, a negative count"))
            })
            .collect::<Result<_, _>>()?;
        let rows = tokens.len() / row;
        let counted = lengths.iter().try_fold(0usize, |a, n| a.checked_add(*n));
        if counted != Some(rows) {
            return Err(format!(
                "lengths add up to {} tokens but tokens holds {rows}",
                counted.map_or_else(|| "too many".into(), |n| n.to_string())
            ));
        }
        if spaces.len() != rows {
            return Err(format!(
                "spaces holds {} bytes for {rows} tokens",
                spaces.len()
            ));
        }
        let mut strings = HashMap::new();
        for s in list(field("strings")?).ok_or("\"strings\" is not a list")? {
            let s = text(s).ok_or_else(|| format!("strings holds {s}, not text"))?;
            strings.insert(string_id(s), s);
        }
        let docs = lengths.len();
        let per_doc = |key: &str| -> Result<&'t [ValueRef<'t>], String> {
            match get(top, key) {
                None | Some(ValueRef::Nil) => Ok(&[]),
                Some(v) => match list(v) {
                    Some(items) if items.len() == docs => Ok(items),
                    Some(items) => Err(format!(
                        "{key:?} has {} entries for {docs} documents",
                        items.len()
                    )),
                    None => Err(format!("{key:?} is not a list")),
                },
            }
        };
        Ok(Self {
            orth,
            iob: col(ENT_IOB),
            ent_type: col(ENT_TYPE),
            kb: col(ENT_KB_ID),
            columns: attrs.len(),
            tokens,
            spaces,
            lengths,
            strings,
            cats: per_doc("cats")?,
            span_groups: per_doc("span_groups")?,
            user_data: per_doc("user_data")?,
        })
    }

    /// Token row `row`'s value in column `col` (rows and columns are checked by `read`).
    fn cell(&self, row: usize, col: usize) -> u64 {
        let at = (row * self.columns + col) * 8;
        self.tokens
            .get(at..at + 8)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    }

    /// The string `id` stands for: the file's strings, then spaCy's symbols ("" for 0).
    fn string(&self, id: u64) -> Option<&'t str> {
        self.strings.get(&id).copied().or_else(|| symbol_name(id))
    }
}

// ------------------------------------------------------------------------------ one document

/// A span to make: the same range and label from several places is one.
struct Pending {
    range: CharRange,
    label: String,
    kb: Option<String>,
    /// From `doc.ents`: a name whatever its text.
    name: bool,
}

/// A quote's content part, speaker or cue, tied to its quote by `id`.
struct Tied {
    range: CharRange,
    kind: QuoteKind,
    id: Option<String>,
    kb: Option<String>,
}

/// What `user_data` says of a document.
#[derive(Default)]
struct UserData {
    name: Option<String>,
    status: Option<Status>,
    meta: BTreeMap<String, String>,
    /// `gloss_mentions`: the mention kind of each (start, end, label) that is not a name.
    mentions: Option<HashMap<(usize, usize, String), Mention>>,
    /// `gloss_categories` and `gloss_attributes`.
    codes: super::codes::Found,
}

/// Everything one document's spans say, before it becomes a document.
#[derive(Default)]
struct Found {
    spans: Vec<Pending>,
    index: HashMap<(usize, usize, String), usize>,
    parts: Vec<Tied>,
    speakers: Vec<Tied>,
    cues: Vec<Tied>,
}

impl Found {
    fn span(&mut self, range: CharRange, label: &str, kb: Option<String>, name: bool) {
        let key = (range.start, range.end, label.to_string());
        if let Some(&i) = self.index.get(&key) {
            let p = &mut self.spans[i];
            p.name |= name;
            if p.kb.is_none() {
                p.kb = kb;
            }
            return;
        }
        self.index.insert(key, self.spans.len());
        self.spans.push(Pending {
            range,
            label: label.to_string(),
            kb,
            name,
        });
    }
}

fn read_doc(
    b: &mut ImportBuilder,
    path: &Path,
    place: Place,
    several: bool,
    bin: &DocBin,
    index: usize,
    rows: Range<usize>,
) -> Result<(), String> {
    // The text, and each token's code points.
    let n = rows.len();
    let mut text = String::new();
    let (mut starts, mut ends) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut at = 0;
    for (k, row) in rows.clone().enumerate() {
        let id = bin.cell(row, bin.orth);
        let Some(orth) = bin.string(id) else {
            return Err(format!(
                "token {k}: its ORTH {id} is not among the file's strings, so the text cannot \
                 be rebuilt"
            ));
        };
        starts.push(at);
        at += orth.chars().count();
        ends.push(at);
        text.push_str(orth);
        if bin.spaces.get(row).is_some_and(|s| *s != 0) {
            text.push(' ');
            at += 1;
        }
        if text.len() as u64 > files::TEXT_CAP {
            return Err(format!(
                "its text would be larger than {}",
                files::human_size(files::TEXT_CAP)
            ));
        }
    }
    let chars = |a: usize, e: usize| CharRange::new(starts[a], ends[e - 1]);
    let kb_of = |b: &mut ImportBuilder, id: u64, what: &str| -> Option<String> {
        match bin.string(id) {
            Some("") => None,
            Some(s) => Some(s.to_string()),
            None => {
                let lost = format!(
                    "{what}: kb_id {id} is not among the file's strings; the span comes in \
                     unlinked"
                );
                b.skip(path, place, lost);
                None
            }
        }
    };
    let mut found = Found::default();

    // doc.ents, read as spaCy's `Doc.ents` reads the IOB columns.
    if let Some(iob_col) = bin.iob {
        let mut open: Option<(usize, u64, u64)> = None;
        for k in 0..=n {
            let row = rows.start + k;
            let (iob, ty, kb) = if k < n {
                let at = |c: Option<usize>| c.map_or(0, |c| bin.cell(row, c));
                (bin.cell(row, iob_col), at(bin.ent_type), at(bin.kb))
            } else {
                (IOB_MISSING, 0, 0)
            };
            if iob > IOB_B {
                return Err(format!("token {k}: ENT_IOB is {iob}, not 0 to 3"));
            }
            let goes_on = iob == IOB_I && open.is_some();
            if !goes_on && let Some((s, label, kb)) = open.take() {
                let label = bin.string(label).ok_or_else(|| {
                    format!("token {s}: its ENT_TYPE {label} is not among the file's strings")
                })?;
                let r = chars(s, k);
                let kb = kb_of(b, kb, &format!("entity {r} {label}"));
                found.span(r, label, kb, true);
            }
            if !goes_on && (iob == IOB_B || iob == IOB_I) && ty != 0 {
                open = Some((k, ty, kb));
            }
        }
    }

    // doc.spans, every group.
    if let Some(groups) = bin.span_groups.get(index) {
        let groups = bytes(groups).ok_or("span_groups: an entry is not bytes")?;
        for (key, spans) in span_groups(groups)? {
            for (j, s) in spans.iter().enumerate() {
                let what = format!("doc.spans[{key:?}] span {j}");
                let (start, end) = match (usize::try_from(s.start), usize::try_from(s.end)) {
                    (Ok(a), Ok(e)) if a <= e && e <= n => (a, e),
                    _ => {
                        return Err(format!(
                            "{what} covers tokens {}..{}, outside the document's {n}",
                            s.start, s.end
                        ));
                    }
                };
                if start == end {
                    b.skip(path, place, format!("{what} covers no token"));
                    continue;
                }
                let r = chars(start, end);
                let label = match bin.string(s.label) {
                    Some("") => key.as_str(),
                    Some(l) => l,
                    None => {
                        return Err(format!(
                            "{what}: its label {} is not among the file's strings",
                            s.label
                        ));
                    }
                };
                let id = bin
                    .string(s.id)
                    .filter(|i| !i.is_empty())
                    .map(str::to_string);
                let kb = kb_of(b, s.kb_id, &format!("{what} {r} {label}"));
                let tied = |kind| Tied {
                    range: r,
                    kind,
                    id: id.clone(),
                    kb: kb.clone(),
                };
                // Speakers and cues have no kind of their own; their quote's parts say it.
                let kind_of_none = QuoteKind::default();
                let kind = [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed]
                    .into_iter()
                    .find(|k| k.name() == label);
                match (key.as_str(), kind) {
                    ("quotes", Some(kind)) => found.parts.push(tied(kind)),
                    ("speakers", _) if label == SPEAKER => found.speakers.push(tied(kind_of_none)),
                    ("cues", _) if label == CUE => found.cues.push(tied(kind_of_none)),
                    _ => found.span(r, label, kb, false),
                }
            }
        }
    }

    let user = match bin.user_data.get(index) {
        None | Some(ValueRef::Nil) => UserData::default(),
        Some(v) => {
            let v = bytes(v).ok_or("user_data: an entry is not bytes")?;
            user_data(b, path, place, v)?
        }
    };
    // Gloss's own name back exactly, even one of spaces that other formats would not keep.
    let name = match user.name {
        Some(name) if !name.is_empty() => name,
        _ => interchange::record_name(path, place, several, None),
    };
    let mut doc = b.document(name, text, path);
    doc.meta = user.meta;
    if let Some(status) = user.status {
        doc.status = status;
    }
    let codes = user.codes;
    if let Some(cats) = bin.cats.get(index) {
        read_cats(b, path, place, cats, &mut doc, codes.has_categories());
    }

    // Spans in text order, so their ids follow it.
    let mut spans = found.spans;
    spans.sort_by(|a, c| {
        (a.range.start, Reverse(a.range.end), &a.label).cmp(&(
            c.range.start,
            Reverse(c.range.end),
            &c.label,
        ))
    });
    for p in spans {
        b.ensure_label(&p.label)?;
        let mut span = b.span(&doc, p.range, &p.label);
        if let Some(kinds) = &user.mentions {
            let key = (p.range.start, p.range.end, p.label.clone());
            span.mention = kinds.get(&key).copied().unwrap_or(Mention::Name);
        } else if p.name {
            span.mention = Mention::Name;
        }
        if let Some(kb) = &p.kb {
            span.entity = Some(b.entity(kb, &p.label)?);
        }
        doc.insert_span(span);
    }
    quotes(
        b,
        path,
        place,
        &mut doc,
        found.parts,
        found.speakers,
        found.cues,
    )?;
    let mut missing = Vec::new();
    codes.apply(b, &mut doc, &mut missing)?;
    for m in missing {
        b.skip(path, place, m);
    }
    b.push(doc, path, place);
    Ok(())
}

/// A span as `SpanGroup.to_bytes` packs it.
#[derive(Clone, Copy, Debug)]
struct RawSpan {
    id: u64,
    kb_id: u64,
    label: u64,
    start: i32,
    end: i32,
}

/// One document's span groups as (key, spans), from `SpanGroups.to_bytes`: nothing (empty
/// bytes or an empty list), a list of groups (spaCy 3.0), or a map from a group's bytes to
/// the keys it is under (spaCy 3.1 on).
fn span_groups(data: &[u8]) -> Result<Vec<(String, Vec<RawSpan>)>, String> {
    if data.is_empty() {
        return Ok(Vec::new());
    }
    let v = unpack(data, "span_groups")?;
    let group_of = |g: &ValueRef| {
        bytes(g)
            .ok_or("span_groups: a group is not bytes")
            .map_err(String::from)
            .and_then(group)
    };
    let mut out = Vec::new();
    match &v {
        ValueRef::Array(items) => {
            for g in items {
                out.push(group_of(g)?);
            }
        }
        ValueRef::Map(items) => {
            for (g, keys) in items {
                let (name, spans) = group_of(g)?;
                let keys: Vec<&str> = list(keys)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(text)
                    .collect();
                match keys.split_first() {
                    None => out.push((name, spans)),
                    Some((first, [])) => out.push((first.to_string(), spans)),
                    Some((first, rest)) => {
                        // A group under several keys is a copy under each.
                        for key in rest {
                            out.push((key.to_string(), spans.clone()));
                        }
                        out.push((first.to_string(), spans));
                    }
                }
            }
        }
        other => return Err(format!("span_groups holds {other}, not a map of groups")),
    }
    Ok(out)
}

/// One `SpanGroup.to_bytes`: its name and spans.
fn group(data: &[u8]) -> Result<(String, Vec<RawSpan>), String> {
    let v = unpack(data, "a span group")?;
    let name = get(&v, "name")
        .and_then(text)
        .unwrap_or_default()
        .to_string();
    let items = get(&v, "spans")
        .and_then(list)
        .ok_or_else(|| format!("span group {name:?} has no list of spans"))?;
    let mut spans = Vec::with_capacity(items.len());
    for (j, s) in items.iter().enumerate() {
        let Some(b) = bytes(s).filter(|b| b.len() == 40) else {
            return Err(format!(
                "span group {name:?}: span {j} is not the 40 bytes of id, kb_id, label, start, \
                 end, start_char, end_char"
            ));
        };
        // Big-endian, as `struct.pack(">QQQllll")` writes; `b` is 40 bytes, so every slice fits.
        let q = |k: usize| u64::from_be_bytes(b[k..k + 8].try_into().unwrap_or_default());
        let l = |k: usize| i32::from_be_bytes(b[k..k + 4].try_into().unwrap_or_default());
        spans.push(RawSpan {
            id: q(0),
            kb_id: q(8),
            label: q(16),
            start: l(24),
            end: l(28),
        });
    }
    Ok((name, spans))
}

/// `doc.cats` as categories (`scheme:value` of the project's schemes, unless `gloss_categories`
/// said them already) or metadata `cat:LABEL` = score.
fn read_cats(
    b: &mut ImportBuilder,
    path: &Path,
    place: Place,
    cats: &ValueRef,
    doc: &mut Document,
    said: bool,
) {
    match cats {
        ValueRef::Nil => {}
        ValueRef::Map(items) => {
            for (k, v) in items {
                match (text(k), v) {
                    (Some(label), ValueRef::F64(_) | ValueRef::F32(_) | ValueRef::Integer(_)) => {
                        let Some(score) = plain(v) else { continue };
                        let number = score.parse::<f64>().unwrap_or(0.0);
                        let split = crate::io::coding::split_cat_label(label);
                        if said && split.is_some() {
                            continue;
                        }
                        let known = split.is_some_and(|(s, v)| b.codes.knows(s, v));
                        match super::codes::category_of(&b.codes, label, number) {
                            Some((s, v)) => {
                                if let Err(e) = b.codes.category(doc, s, v) {
                                    b.skip(path, place, e);
                                }
                            }
                            None if known => {}
                            None => {
                                doc.meta.insert(format!("cat:{label}"), score);
                            }
                        }
                    }
                    _ => b.skip(
                        path,
                        place,
                        format!("doc.cats entry {k}: {v} is not a label and a score"),
                    ),
                }
            }
        }
        other => b.skip(
            path,
            place,
            format!("doc.cats is {other}, not a map of scores"),
        ),
    }
}

/// What one document's `user_data` says (see the module doc).
fn user_data(
    b: &mut ImportBuilder,
    path: &Path,
    place: Place,
    data: &[u8],
) -> Result<UserData, String> {
    let v = unpack(data, "user_data")?;
    let mut user = UserData::default();
    let ValueRef::Map(items) = &v else {
        if !matches!(v, ValueRef::Nil) {
            b.skip(
                path,
                place,
                format!("user_data is {v}, not a map; not read"),
            );
        }
        return Ok(user);
    };
    let mut gloss_meta = BTreeMap::new();
    let mut unread = 0;
    for (k, v) in items {
        match (text(k), v) {
            (Some("gloss_doc"), v) => user.name = text(v).map(str::to_string),
            (Some("gloss_status"), v) => match text(v).and_then(interchange::status_named) {
                Some(s) => user.status = Some(s),
                None => b.skip(
                    path,
                    place,
                    format!("status {v} is not todo, in_progress or done"),
                ),
            },
            (Some("gloss_meta"), ValueRef::Map(meta)) => {
                for (k, v) in meta {
                    match (text(k), plain(v)) {
                        (Some(k), Some(v)) => {
                            gloss_meta.insert(k.to_string(), v);
                        }
                        _ => unread += 1,
                    }
                }
            }
            (Some("gloss_mentions"), ValueRef::Array(list)) => {
                let mut kinds = HashMap::new();
                for m in list {
                    let kind = mention_of(m).ok_or_else(|| {
                        format!("user_data gloss_mentions holds {m}, not [start, end, kind, label]")
                    })?;
                    kinds.insert(kind.0, kind.1);
                }
                user.mentions = Some(kinds);
            }
            (Some(key), v) if user.codes.read(key, v)? => {}
            (Some(key), v) => match plain(v) {
                Some(value) => {
                    user.meta.insert(key.to_string(), value);
                }
                None if matches!(v, ValueRef::Nil) => {}
                None => unread += 1,
            },
            (None, _) => unread += 1,
        }
    }
    user.meta.extend(gloss_meta);
    if unread > 0 {
        b.skip(
            path,
            place,
            format!(
                "{unread} user_data entr{} not plain text, numbers or true/false under a text \
                 key (custom extension attributes, lists, maps)",
                if unread == 1 { "y is" } else { "ies are" }
            ),
        );
    }
    Ok(user)
}

/// One `gloss_mentions` item: `[start, end, "pronoun" | "description", label]`.
fn mention_of(m: &ValueRef) -> Option<((usize, usize, String), Mention)> {
    let [start, end, kind, label] = list(m)? else {
        return None;
    };
    let at = |v: &ValueRef| uint(v).and_then(|x| usize::try_from(x).ok());
    let kind = Mention::ALL
        .into_iter()
        .find(|k| Some(k.name()) == text(kind))?;
    Some(((at(start)?, at(end)?, text(label)?.to_string()), kind))
}

/// Quotes from Gloss's `quotes`, `speakers` and `cues` groups: parts with the same `id_` are
/// one quote (a part without one is a quote of its own), in text order.
fn quotes(
    b: &mut ImportBuilder,
    path: &Path,
    place: Place,
    doc: &mut Document,
    parts: Vec<Tied>,
    speakers: Vec<Tied>,
    cues: Vec<Tied>,
) -> Result<(), String> {
    let mut groups: Vec<Vec<Tied>> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for part in parts {
        match part.id.clone() {
            Some(id) if by_id.contains_key(&id) => groups[by_id[&id]].push(part),
            Some(id) => {
                by_id.insert(id, groups.len());
                groups.push(vec![part]);
            }
            None => groups.push(vec![part]),
        }
    }
    let first_of = |items: Vec<Tied>, what: &str, b: &mut ImportBuilder| {
        let mut out: HashMap<String, Tied> = HashMap::new();
        for t in items {
            match &t.id {
                Some(id) if by_id.contains_key(id) => {
                    out.entry(id.clone()).or_insert(t);
                }
                _ => b.skip(
                    path,
                    place,
                    format!("{what} {} belongs to no quote", t.range),
                ),
            }
        }
        out
    };
    let mut speakers = first_of(speakers, "speaker", b);
    let mut cues = first_of(cues, "cue", b);
    groups.sort_by_key(|g| g.iter().map(|p| p.range.start).min());
    for (n, parts) in groups.into_iter().enumerate() {
        let id = parts[0].id.clone();
        let kind = parts[0].kind;
        let kb = parts.iter().find_map(|p| p.kb.clone());
        let mut content: Vec<CharRange> = parts.iter().map(|p| p.range).collect();
        content.sort();
        content.dedup();
        let speaker = match id.as_ref().and_then(|id| speakers.remove(id)) {
            Some(t) => Some(speaker_span(b, doc, t.range, t.kb.or(kb).as_deref())?),
            None => None,
        };
        let cue = id.as_ref().and_then(|id| cues.remove(id)).map(|t| t.range);
        doc.insert_quote(Quote {
            id: QuoteId(n as u64 + 1),
            content,
            speaker,
            cue,
            kind,
            origin: b.origin(),
            attributes: Default::default(),
        });
    }
    Ok(())
}

/// The span a speaker range stands for: one on that range (the one linked to `kb`'s entity
/// first), or a mention made for it — a pronoun if its text is one, else a description —
/// labelled like that entity (PERSON when none).
fn speaker_span(
    b: &mut ImportBuilder,
    doc: &mut Document,
    range: CharRange,
    kb: Option<&str>,
) -> Result<SpanId, String> {
    let on: Vec<_> = doc.spans.iter().filter(|s| s.range() == range).collect();
    let linked = on
        .iter()
        .find(|s| kb.is_some() && s.entity.and_then(|e| b.entity_name(e)) == kb);
    if let Some(s) = linked.or(on.first()) {
        return Ok(s.id);
    }
    let label = kb
        .and_then(|k| b.entity_label_by_name(k))
        .unwrap_or(SPEAKER_LABEL)
        .to_string();
    b.ensure_label(&label)?;
    let mut span = b.span(doc, range, &label);
    if span.mention == Mention::Name {
        span.mention = Mention::Nominal;
    }
    if let Some(kb) = kb {
        span.entity = Some(b.entity(kb, &label)?);
    }
    let id = span.id;
    doc.insert_span(span);
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_span_groups_in_any_of_spacys_layouts() {
        // No bytes, `msgpack_dumps([])` (what spaCy writes for none) and an empty map.
        for empty in [&b""[..], &[0x90], &[0x80]] {
            assert!(span_groups(empty).unwrap().is_empty());
        }
        assert!(
            span_groups(&[0x91, 0xc0]).is_err(),
            "a group that is not bytes"
        );
        assert!(
            span_groups(&[0x2a])
                .unwrap_err()
                .contains("not a map of groups")
        );
    }

    #[test]
    fn a_cut_zlib_stream_is_refused() {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut z, &[7; 5000]).unwrap();
        let packed = z.finish().unwrap();
        assert_eq!(inflate(&packed).unwrap(), vec![7; 5000]);
        for cut in [0, 1, 2, packed.len() / 2, packed.len() - 1] {
            assert!(
                inflate(&packed[..cut]).unwrap_err().contains("cut short"),
                "{cut}"
            );
        }
        assert!(inflate(b"PK\x03\x04").unwrap_err().contains("not zlib"));
    }

    #[test]
    fn mention_kinds_read_as_the_export_writes_them() {
        let item = ValueRef::Array(vec![
            ValueRef::from(3u64),
            ValueRef::from(6u64),
            ValueRef::from("description"),
            ValueRef::from("PERSON"),
        ]);
        assert_eq!(
            mention_of(&item),
            Some(((3, 6, "PERSON".to_string()), Mention::Nominal))
        );
        assert_eq!(mention_of(&ValueRef::Array(vec![])), None);
    }
}
