//! brat standoff export: a `NAME.txt` and a `NAME.ann` per document, and an `annotation.conf`,
//! written so that `io::brat` reads back the same spans, quotes, speakers, cues, kinds and
//! entity names (the conventions of `shared/eval/README.md`).
//!
//! # What becomes what
//! - The `.txt` is the document's text exactly, so offsets (code points, end-exclusive) are
//!   the model's.
//! - A span → `T<k>\tLABEL START END\tTEXT`. A span across a line break is written as
//!   fragments, one per line (`START END;START END`); the text column joins the fragments with
//!   one space. Line breaks are `\n`, `\r`, `\x0b`, `\x0c`, U+0085, U+2028 and U+2029: all
//!   the characters Python's `str.splitlines` (and so brat) ends a line at that are also
//!   white space, so a reader that closes white-space gaps (as `io::brat` does) gets the one
//!   range back. A span that starts or ends on a line break loses that character (reported).
//! - A link to a canonical entity → `N<n>\tReference T<k> gloss:<entity id>\t<name>`. Names are
//!   written on one line (tabs and line breaks become spaces, ends trimmed); an entity without a
//!   name is written as "entity <id>" (reported).
//! - A quote → `T<q>\tQuote …` with one fragment per content part (and per line), `A<n>\tKind
//!   T<q> Direct|Indirect|Mixed`, a `T<c>\tCue …` (one per distinct cue range) with `R<n>\tCue
//!   Arg1:T<q> Arg2:T<c>`, and `R<n>\tSpeaker Arg1:T<q> Arg2:T<mention>`. The speaker mention is
//!   written even when its label is not selected: the quote refers to it.
//! - A pronoun or description mention ("she", "the minister") → `T<k>\tSpeaker …`, the seed's
//!   convention, with `#<n>\tAnnotatorNotes T<q>\tspeaker=<name>` on each quote it speaks when it
//!   is linked to an entity. `io::brat` reads a `Speaker` span back as a pronoun when its text is
//!   one (else a description), labelled PERSON or after the entity its note names. So a mention
//!   goes out this way only when that reading gives it back exactly (its kind, its label, its
//!   entity, no other span on its range; checked against the entities that the whole export's
//!   `N` lines will create in a new project). Otherwise it is written as an ordinary `T` with
//!   its label and `N` line, and the report says that its kind (pronoun or description) is lost.
//!
//! # What changes, and is reported
//! Every returned line names the document and the offsets: spans or quotes that are only line
//! breaks (not written), ends on a line break (trimmed), two spans with the same range and label
//! (written once), quote parts separated only by white space or overlapping (brat keeps them as
//! fragments, but `io::brat` closes white-space gaps and reads them as one part), labels renamed
//! (white space becomes `_`; `Quote`, `Cue`, `Quotation` and `Speaker` in any case get a `_`
//! suffix, because a reader takes them for a quote's parts). Documents whose file name differs
//! from their name (see [`file_stems`]) are listed apart, in [`BratExport::renamed`].
//!
//! The document's metadata, which brat has no place for, goes into a side file `NAME.meta.json`
//! (one JSON object of strings, see `io::meta`); `io::brat` reads it back when it is there.
//! So do its categories, as a side note: a key `category:SCHEME` each, the values joined by
//! `|` (`"category:topic": "politics"`).
//!
//! Attributes of spans and quotes → `A<n>\tNAME T<k> VALUE` on the span's or quote's `T` line
//! (white space in a name or value becomes `_`, reported). Entity attributes have no place.
//!
//! `annotation.conf` declares the selected labels, `Quote`, `Cue` and `Speaker`, the `Speaker`
//! and `Cue` relations, the `Kind` attribute and `<OVERLAP>` (Gloss allows nested spans). The
//! `gloss` normalisation database is not declared in a `tools.conf`; brat shows the `N` lines
//! but cannot look the ids up.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use super::document::close_gaps;
use super::entities::most_common;
use crate::io::IoError;
use crate::io::file_names::{self, Renamed};
use crate::io::interchange::ExportReport;
use crate::io::meta;
use crate::io::tokens::quoted;
use crate::model::{CharRange, Document, Mention, Project, Quote, QuoteKind, Span, SpanId};

/// The label `io::brat` gives a `Speaker` span when no entity says otherwise.
const SPEAKER_LABEL: &str = "PERSON";

/// Type names a brat reader takes for a quote's parts rather than an entity label.
const RESERVED: &[&str] = &["Quote", "Cue", "Quotation", "Speaker"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Only spans with these labels (all when `None`); a quote's speaker is written anyway.
    pub labels: Option<Vec<String>>,
    /// Write quotes (with their cues, speakers and kinds).
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

/// One document's pair of files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BratFile {
    /// The file name without extension (see [`file_stems`]).
    pub stem: String,
    pub txt: String,
    pub ann: String,
    /// The document's metadata as `NAME.meta.json` (see `io::meta`), when it has any.
    pub meta: Option<String>,
}

/// A whole export, in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BratExport {
    pub files: Vec<BratFile>,
    /// The text of `annotation.conf`.
    pub conf: String,
    /// Documents, spans and quotes written, and a line for everything left out or changed (see
    /// the module doc).
    pub report: ExportReport,
    /// Documents written under a file name other than their own name.
    pub renamed: Vec<Renamed>,
}

/// Write `docs` into `dir` (created if missing): `NAME.txt`, `NAME.ann` per document and
/// `annotation.conf`. Files of the same names are replaced, others are left alone. Returns the
/// report of [`export`] (see [`write_export`] for the renamed documents too).
pub fn write(
    project: &Project,
    docs: &[&Document],
    options: &Options,
    dir: &Path,
) -> Result<ExportReport, IoError> {
    let export = export(project, docs, options);
    write_export(&export, dir)?;
    Ok(export.report)
}

/// Write an [`export`] made in memory into `dir` (created if missing).
pub fn write_export(export: &BratExport, dir: &Path) -> Result<(), IoError> {
    std::fs::create_dir_all(dir).map_err(|source| IoError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    for f in &export.files {
        crate::io::write_atomic(&dir.join(format!("{}.txt", f.stem)), f.txt.as_bytes())?;
        crate::io::write_atomic(&dir.join(format!("{}.ann", f.stem)), f.ann.as_bytes())?;
        if let (Some(text), Some(path)) = (&f.meta, meta::side_path(dir, &f.stem)) {
            crate::io::write_atomic(&path, text.as_bytes())?;
        }
    }
    crate::io::write_atomic(&dir.join("annotation.conf"), export.conf.as_bytes())
}

// ------------------------------------------------------------------------------ file names

/// A file name (without extension) for each document, as `file_names::file_stems` makes them
/// for a `.txt` and an `.ann` (safe, unique ignoring case, at most 255 bytes with the
/// extension), and the documents written under another name than their own. Shared by every
/// exporter that writes a file per document.
pub fn file_stems(docs: &[&Document]) -> (Vec<String>, Vec<Renamed>) {
    let names = file_names::file_stems(docs.iter().map(|d| d.name.as_str()), EXTENSIONS);
    (names.stems, names.renamed)
}

/// The extensions of a document's two files.
const EXTENSIONS: &[&str] = &["txt", "ann"];

// ------------------------------------------------------------------------------ helpers

/// Characters that end a line for brat (Python's `splitlines`) and are white space, so a gap
/// made of them closes again on reading.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `r` as fragments, one per line, line breaks left out.
fn fragments(doc: &Document, r: CharRange) -> Vec<CharRange> {
    let end = r.end.min(doc.char_len());
    let mut out = Vec::new();
    let mut start = r.start;
    for (i, c) in doc.slice(r.start, end).chars().enumerate() {
        let at = r.start + i;
        if is_line_break(c) {
            if start < at {
                out.push(CharRange::new(start, at));
            }
            start = at + 1;
        }
    }
    if start < end {
        out.push(CharRange::new(start, end));
    }
    out
}

/// What a reader makes of fragments: one range from the first start to the last end.
fn extent(frags: &[CharRange]) -> Option<CharRange> {
    Some(CharRange::new(frags.first()?.start, frags.last()?.end))
}

fn offsets(frags: &[CharRange]) -> String {
    let parts: Vec<String> = frags
        .iter()
        .map(|r| format!("{} {}", r.start, r.end))
        .collect();
    parts.join(";")
}

fn covered(doc: &Document, frags: &[CharRange]) -> String {
    let parts: Vec<&str> = frags.iter().map(|r| doc.slice(r.start, r.end)).collect();
    parts.join(" ")
}

/// A label as a brat type name (see the module doc).
fn type_name(label: &str) -> String {
    let mut s: String = label
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    if s.is_empty() {
        s.push('_');
    }
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(&s)) {
        s.push('_');
    }
    s
}

/// A canonical name as one trimmed line.
fn one_line(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c == '\t' || is_line_break(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    s.trim().to_string()
}

fn kind_value(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "Direct",
        QuoteKind::Indirect => "Indirect",
        QuoteKind::Mixed => "Mixed",
    }
}

// ------------------------------------------------------------------------------ the plan

/// A span as it will be written.
struct Planned<'a> {
    span: &'a Span,
    frags: Vec<CharRange>,
    /// Written as `T… Speaker` (else as an entity `T` with its label).
    as_speaker: bool,
    /// The index of the planned span this one repeats (same range and label), if any.
    same_as: Option<usize>,
}

struct DocPlan<'a> {
    doc: &'a Document,
    stem: String,
    spans: Vec<Planned<'a>>,
    index: HashMap<SpanId, usize>,
    quotes: Vec<&'a Quote>,
    /// Spans that speak some written quote.
    speakers: HashSet<SpanId>,
}

/// The whole export in memory: files, `annotation.conf` and the report.
pub fn export(project: &Project, docs: &[&Document], options: &Options) -> BratExport {
    let (stems, renamed_files) = file_stems(docs);
    let mut lost = Vec::new();
    let mut plans: Vec<DocPlan> = docs
        .iter()
        .zip(stems)
        .map(|(d, stem)| plan(d, stem, options, &mut lost))
        .collect();
    choose_speaker_spans(project, &mut plans);

    let mut renamed: BTreeMap<String, String> = BTreeMap::new();
    let mut files = Vec::with_capacity(plans.len());
    let mut counts = (0, 0);
    for p in &plans {
        let (ann, spans, quotes) = render(project, p, &mut renamed, &mut lost);
        counts = (counts.0 + spans, counts.1 + quotes);
        files.push(BratFile {
            stem: p.stem.clone(),
            txt: p.doc.text.to_string(),
            ann,
            meta: side_note(p.doc, &p.stem, &mut lost),
        });
    }
    for (label, written) in &renamed {
        lost.push(format!(
            "label {label:?} is written as {written:?}: a brat type name has no white space, and {} mean a quote's parts",
            RESERVED.join(", ")
        ));
    }

    // Selected labels in the project's order, then any other label written.
    let mut types: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    let used: BTreeSet<String> = plans
        .iter()
        .flat_map(|p| p.spans.iter())
        .filter(|s| !s.as_speaker)
        .map(|s| type_name(&s.span.label))
        .collect();
    for name in project.labels.names().filter(|l| options.selects(l)) {
        let t = type_name(name);
        if seen.insert(t.clone()) {
            types.push(t);
        }
    }
    for t in used {
        if seen.insert(t.clone()) {
            types.push(t);
        }
    }
    BratExport {
        conf: annotation_conf(&types) + &attribute_conf(docs),
        report: ExportReport {
            documents: files.len(),
            spans: counts.0,
            quotes: counts.1,
            left_out: lost,
        },
        renamed: renamed_files,
        files,
    }
}

/// Which spans and quotes of `doc` are written, and their fragments.
fn plan<'a>(
    doc: &'a Document,
    stem: String,
    options: &Options,
    lost: &mut Vec<String>,
) -> DocPlan<'a> {
    let name = &doc.name;
    let quotes: Vec<&Quote> = if options.quotes {
        doc.quotes.iter().collect()
    } else {
        Vec::new()
    };
    let speakers: HashSet<SpanId> = quotes.iter().filter_map(|q| q.speaker).collect();
    let mut p = DocPlan {
        doc,
        stem,
        spans: Vec::new(),
        index: HashMap::new(),
        quotes,
        speakers,
    };
    let mut by_range: HashMap<(CharRange, String), usize> = HashMap::new();
    for s in &doc.spans {
        if !options.selects(&s.label) && !p.speakers.contains(&s.id) {
            continue;
        }
        let frags = fragments(doc, s.range());
        let Some(ext) = extent(&frags) else {
            lost.push(format!(
                "{name}: {} {} {} is only line breaks; not written",
                s.range(),
                s.label,
                quoted(doc, s.range())
            ));
            continue;
        };
        if ext != s.range() {
            lost.push(format!(
                "{name}: {} {} {} starts or ends on a line break; written as {ext}",
                s.range(),
                s.label,
                quoted(doc, s.range())
            ));
        }
        let i = p.spans.len();
        let same_as = by_range.get(&(ext, s.label.to_string())).copied();
        if same_as.is_some() {
            lost.push(format!(
                "{name}: {ext} {} {} is there twice; written once",
                s.label,
                quoted(doc, ext)
            ));
        } else {
            by_range.insert((ext, s.label.to_string()), i);
        }
        p.index.insert(s.id, i);
        p.spans.push(Planned {
            span: s,
            frags,
            as_speaker: false,
            same_as,
        });
    }
    // Candidates for `T… Speaker`: a pronoun or description whose text tells its kind, alone
    // on its range, and labelled as a reader would label it (see `choose_speaker_spans`).
    let mut on_range: HashMap<CharRange, usize> = HashMap::new();
    for s in &p.spans {
        if s.same_as.is_none()
            && let Some(r) = extent(&s.frags)
        {
            *on_range.entry(r).or_insert(0) += 1;
        }
    }
    for s in &mut p.spans {
        let Some(r) = extent(&s.frags) else { continue };
        let kind_reads_back = match s.span.mention {
            Mention::Name => false,
            Mention::Pronoun => crate::text::is_pronoun_at(doc, r.start, r.end),
            Mention::Nominal => !crate::text::is_pronoun_at(doc, r.start, r.end),
        };
        let alone = on_range.get(&r) == Some(&1);
        let label_reads_back = if p.speakers.contains(&s.span.id) {
            s.span.entity.is_some() || s.span.label == SPEAKER_LABEL
        } else {
            s.span.entity.is_none() && s.span.label == SPEAKER_LABEL
        };
        s.as_speaker = s.same_as.is_none() && kind_reads_back && alone && label_reads_back;
    }
    p
}

/// Drop the `Speaker` form for linked mentions whose label a reader would not give back: it
/// takes the label of the first entity of the mention's name that the `N` lines create (a
/// PERSON one when there is one), or PERSON. Falling back to an entity `T` adds `N` lines, so
/// repeat until nothing changes.
fn choose_speaker_spans(project: &Project, plans: &mut [DocPlan]) {
    let entity_name = |s: &Span| {
        s.entity
            .and_then(|e| project.entity(e))
            .map(|e| written_name(e.id.0, &e.name))
    };
    // A reader walks the folder in file name order.
    let mut order: Vec<usize> = (0..plans.len()).collect();
    order.sort_by_key(|&k| format!("{}.ann", plans[k].stem));
    loop {
        // entity id → (name, labels of its N-lined spans), in the order a reader meets them.
        let mut groups: Vec<(u64, String, Vec<String>)> = Vec::new();
        let mut at: HashMap<u64, usize> = HashMap::new();
        for &k in &order {
            for s in &plans[k].spans {
                if s.as_speaker || s.same_as.is_some() {
                    continue;
                }
                let (Some(e), Some(name)) = (s.span.entity, entity_name(s.span)) else {
                    continue;
                };
                let g = *at.entry(e.0).or_insert_with(|| {
                    groups.push((e.0, name, Vec::new()));
                    groups.len() - 1
                });
                groups[g].2.push(type_name(&s.span.label));
            }
        }
        let labelled: Vec<(String, String)> = groups
            .into_iter()
            .map(|(_, name, labels)| (name, most_common(&labels)))
            .collect();
        let reader_label = |name: &str| {
            let mut same = labelled.iter().filter(|(n, _)| n == name);
            if labelled
                .iter()
                .any(|(n, l)| n == name && l == SPEAKER_LABEL)
            {
                return SPEAKER_LABEL.to_string();
            }
            same.next()
                .map(|(_, l)| l.clone())
                .unwrap_or_else(|| SPEAKER_LABEL.to_string())
        };
        let mut changed = false;
        for p in plans.iter_mut() {
            for s in &mut p.spans {
                if !s.as_speaker {
                    continue;
                }
                if let Some(name) = entity_name(s.span)
                    && reader_label(&name) != s.span.label
                {
                    s.as_speaker = false;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// An entity's name as written in `N` lines and notes.
fn written_name(id: u64, name: &str) -> String {
    let line = one_line(name);
    if line.is_empty() {
        format!("entity {id}")
    } else {
        line
    }
}

// ------------------------------------------------------------------------------ lines

fn render(
    project: &Project,
    p: &DocPlan,
    renamed: &mut BTreeMap<String, String>,
    lost: &mut Vec<String>,
) -> (String, usize, usize) {
    let doc = p.doc;
    let name = &doc.name;
    let mut t_lines = String::new();
    let mut r_lines = String::new();
    let mut a_lines = String::new();
    let mut n_lines = String::new();
    let mut notes = String::new();
    let (mut t, mut r, mut a, mut n, mut h) = (0, 0, 0, 0, 0);
    let mut quotes = 0;
    // Planned index → T number.
    let mut tid: Vec<usize> = vec![0; p.spans.len()];

    for (i, s) in p.spans.iter().enumerate() {
        if let Some(j) = s.same_as {
            tid[i] = tid[j];
            continue;
        }
        t += 1;
        tid[i] = t;
        let label = if s.as_speaker {
            "Speaker".to_string()
        } else {
            let written = type_name(&s.span.label);
            if written != s.span.label {
                renamed.insert(s.span.label.to_string(), written.clone());
            }
            written
        };
        let _ = writeln!(
            t_lines,
            "T{t}\t{label} {}\t{}",
            offsets(&s.frags),
            covered(doc, &s.frags)
        );
        let what = format!("{name}: span {} {}", s.span.range(), s.span.label);
        attribute_lines(&mut a_lines, &mut a, t, &s.span.attributes, &what, lost);
        if !s.as_speaker && s.span.mention != Mention::Name {
            let r = extent(&s.frags).unwrap_or(s.span.range());
            lost.push(format!(
                "{name}: {r} {} {}: this {} is written as a name labelled {}; io::brat reads a pronoun or description back only from a Speaker span that is PERSON or labelled as its entity, and speaks a quote if linked",
                s.span.label,
                quoted(doc, r),
                s.span.mention.name(),
                s.span.label,
            ));
        }
        if let Some(e) = s.span.entity {
            match project.entity(e) {
                Some(entity) if !s.as_speaker => {
                    n += 1;
                    let written = written_name(entity.id.0, &entity.name);
                    if written != entity.name {
                        lost.push(format!(
                            "entity {} {:?} is written as {written:?}: a brat line holds one line of text",
                            entity.id, entity.name
                        ));
                    }
                    let _ = writeln!(
                        n_lines,
                        "N{n}\tReference T{t} gloss:{}\t{written}",
                        entity.id
                    );
                }
                Some(_) => {}
                None => lost.push(format!(
                    "{name}: {} is linked to entity {e}, which the project does not have; link not written",
                    s.span.range()
                )),
            }
        }
    }

    let mut cue_t: HashMap<Vec<CharRange>, usize> = HashMap::new();
    for q in &p.quotes {
        let mut parts = q.content.clone();
        parts.sort();
        let extents: Vec<CharRange> = parts
            .iter()
            .filter_map(|r| extent(&fragments(doc, *r)))
            .collect();
        // Overlapping or touching parts are one stretch of text: brat gets one fragment.
        let mut joined: Vec<CharRange> = Vec::with_capacity(extents.len());
        let mut sorted = extents.clone();
        sorted.sort();
        for r in sorted {
            match joined.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => joined.push(r),
            }
        }
        let frags: Vec<CharRange> = joined.iter().flat_map(|r| fragments(doc, *r)).collect();
        let where_ = q.extent();
        if frags.is_empty() {
            lost.push(format!(
                "{name}: quote {} at {where_} has no text but line breaks; not written",
                q.id
            ));
            continue;
        }
        if extents.len() != parts.len() || extents.iter().zip(&parts).any(|(e, p)| e != p) {
            lost.push(format!(
                "{name}: quote {} at {where_} starts or ends a part on a line break; written without it",
                q.id
            ));
        }
        let read = close_gaps(doc, &extents);
        if read.len() != extents.len() {
            let list: Vec<String> = extents.iter().map(|r| r.to_string()).collect();
            lost.push(format!(
                "{name}: quote {} has parts {} with only white space between them (or overlapping); a reader joins them into {}",
                q.id,
                list.join(", "),
                read.iter()
                    .map(|r| r.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        t += 1;
        let qt = t;
        let _ = writeln!(
            t_lines,
            "T{qt}\tQuote {}\t{}",
            offsets(&frags),
            covered(doc, &frags)
        );
        a += 1;
        quotes += 1;
        let _ = writeln!(a_lines, "A{a}\tKind T{qt} {}", kind_value(q.kind));
        attribute_lines(
            &mut a_lines,
            &mut a,
            qt,
            &q.attributes,
            &format!("{name}: quote {}", q.id),
            lost,
        );
        if let Some(cue) = q.cue {
            let cf = fragments(doc, cue);
            if cf.is_empty() {
                lost.push(format!(
                    "{name}: the cue {cue} of quote {} is only line breaks; not written",
                    q.id
                ));
            } else {
                if extent(&cf) != Some(cue) {
                    lost.push(format!(
                        "{name}: the cue {cue} of quote {} starts or ends on a line break; written without it",
                        q.id
                    ));
                }
                let ct = match cue_t.get(&cf) {
                    Some(&c) => c,
                    None => {
                        t += 1;
                        let _ =
                            writeln!(t_lines, "T{t}\tCue {}\t{}", offsets(&cf), covered(doc, &cf));
                        cue_t.insert(cf, t);
                        t
                    }
                };
                r += 1;
                let _ = writeln!(r_lines, "R{r}\tCue Arg1:T{qt} Arg2:T{ct}");
            }
        }
        if let Some(sid) = q.speaker {
            match p.index.get(&sid) {
                Some(&i) => {
                    r += 1;
                    let _ = writeln!(r_lines, "R{r}\tSpeaker Arg1:T{qt} Arg2:T{}", tid[i]);
                    let s = &p.spans[i];
                    if s.as_speaker
                        && let Some(entity) = s.span.entity.and_then(|e| project.entity(e))
                    {
                        h += 1;
                        let _ = writeln!(
                            notes,
                            "#{h}\tAnnotatorNotes T{qt}\tspeaker={}",
                            written_name(entity.id.0, &entity.name)
                        );
                    }
                }
                None => {
                    let why = if doc.span(sid).is_some() {
                        "was not written (see above)"
                    } else {
                        "does not exist"
                    };
                    lost.push(format!(
                        "{name}: the speaker of quote {} at {where_} {why}; no Speaker relation",
                        q.id
                    ));
                }
            }
        }
    }
    let spans = tid.iter().collect::<HashSet<_>>().len();
    let mut out = t_lines;
    out.push_str(&r_lines);
    out.push_str(&a_lines);
    out.push_str(&n_lines);
    out.push_str(&notes);
    (out, spans, quotes)
}

/// The side file: the metadata, and the categories as `category:SCHEME` keys.
fn side_note(doc: &Document, stem: &str, lost: &mut Vec<String>) -> Option<String> {
    if doc.categories.is_empty() {
        return meta::side_file(doc, stem, lost);
    }
    let mut all = doc.meta.clone();
    for (scheme, values) in &doc.categories {
        all.insert(crate::io::coding::side_key(scheme), values.join("|"));
    }
    if meta::side_path(Path::new(""), stem).is_none() {
        lost.push(format!(
            "{}: metadata and categories not written (the file name is too long for a side file)",
            doc.name
        ));
        return None;
    }
    Some(meta::side_json(&all))
}

/// `A<n>\tNAME T<t> VALUE` for each attribute; brat's names and values are single tokens, so
/// white space becomes `_` (reported), and an attribute named `Kind` (a quote's kind to
/// `io::brat`) is written `Kind_`.
fn attribute_lines(
    out: &mut String,
    a: &mut usize,
    t: usize,
    attrs: &crate::model::Attributes,
    what: &str,
    lost: &mut Vec<String>,
) {
    for (k, v) in attrs.iter() {
        let token = |s: &str| s.split_whitespace().collect::<Vec<_>>().join("_");
        let (name, value) = (token(k), token(v));
        let name = if name.eq_ignore_ascii_case("Kind") || name.eq_ignore_ascii_case("QuoteType") {
            format!("{name}_")
        } else {
            name
        };
        if name != *k || value != *v {
            lost.push(format!(
                "{what}: attribute {k} = {v:?} is written {name} {value}"
            ));
        }
        *a += 1;
        let _ = writeln!(out, "A{a}\t{name} T{t} {value}");
    }
}

/// `annotation.conf` for the entity type names `types`.
pub fn annotation_conf(types: &[String]) -> String {
    let mut s = String::from("# brat configuration written by Gloss.\n[entities]\n");
    for t in types {
        s.push_str(t);
        s.push('\n');
    }
    s.push_str("Quote\nCue\nSpeaker\n\n[relations]\n");
    s.push_str("Speaker\tArg1:Quote, Arg2:<ENTITY>\n");
    s.push_str("Cue\tArg1:Quote, Arg2:Cue\n");
    s.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n");
    s.push_str("[events]\n\n[attributes]\n");
    s.push_str("Kind\tArg:Quote, Value:Direct|Indirect|Mixed\n");
    s
}

/// `[attributes]` lines for the span and quote attributes `docs` use: `NAME Arg:<ENTITY>,
/// Value:v1|v2`, names and values as `attribute_lines` writes them.
fn attribute_conf(docs: &[&Document]) -> String {
    let token = |s: &str| s.split_whitespace().collect::<Vec<_>>().join("_");
    let mut values: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let attrs = docs.iter().flat_map(|d| {
        (d.spans.iter().map(|s| s.attributes)).chain(d.quotes.iter().map(|q| q.attributes))
    });
    for a in attrs {
        for (k, v) in a.iter() {
            let mut name = token(k);
            if name.eq_ignore_ascii_case("Kind") || name.eq_ignore_ascii_case("QuoteType") {
                name.push('_');
            }
            values.entry(name).or_default().insert(token(v));
        }
    }
    let mut s = String::new();
    for (name, vs) in values {
        let vs: Vec<String> = vs.into_iter().collect();
        s.push_str(&format!("{name}\tArg:<ENTITY>, Value:{}\n", vs.join("|")));
    }
    s
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;
