//! CoNLL: entity names as one token per line with an IOB tag, the format of CoNLL-2003 and of
//! most sequence-labelling trainers. Export writes IOB2; import reads IOB1, IOB2 and BIOES.
//!
//! # Export
//! `TOKEN<TAB>TAG` per line (or, with [`Columns::Four`], `TOKEN -X- _ TAG` as in CoNLL-2003 and
//! Label Studio), a blank line after every sentence, and `-DOCSTART- -X- O O` plus a blank line
//! before every document unless [`Options::docstart`] is off.
//!
//! **Tokens** are those of `text::tokenize` (words with their internal apostrophes and hyphens,
//! numbers, a possessive "'s" on its own, each punctuation mark, an emoji with its modifiers),
//! cut further wherever an exported span starts or ends inside one: "Obama-era" with "Obama"
//! marked is written as `Obama` and `-era`. The export never moves a boundary the annotator
//! set; it only writes the text in finer pieces. White space is never part of a token, so no
//! token is empty or holds a tab; `pieces` is this tokenisation, shared with the spaCy
//! export. **Sentences** are `text::sentences` (ends at . ! ? with closing quotes, not after
//! abbreviations, and always at a line break), except that a sentence never ends inside an
//! exported span: the sentences it crosses are written as one.
//!
//! **What goes in**: names only (`Mention::Name`; pronouns and descriptions are not names), of
//! the selected labels. CoNLL is flat, so where names overlap the outermost is kept (the
//! earliest start, then the longest) and every other one is reported with its document and
//! offsets. A span's surrounding white space is not a token: it is trimmed, and a span of
//! white space only is reported. A label with white space in it would break the columns: its
//! white space is written as `_` (reported once per label). Quotes, pronoun and description
//! mentions and entity links have no place in CoNLL; one summary line counts them.
//!
//! # Import
//! Each non-blank line is a token: the first column is the token, the last the tag, so both
//! `TOKEN TAG` and CoNLL-2003's `TOKEN POS CHUNK TAG` (any number of columns from two on,
//! separated by tabs or spaces) are read. A blank line ends a sentence; a line starting with
//! `-DOCSTART-` ends a document. A file with several documents gives documents named
//! `NAME-1`, `NAME-2`, …; a file with one is `NAME` (its file name without extension).
//!
//! **Schemes**: [`Scheme::Auto`] reads BIOES (also written BILOU) when any tag starts with
//! `E-`, `S-`, `L-` or `U-`; otherwise IOB, where `B-X` starts an entity and `I-X` continues one
//! of type X or, after anything else, starts one (IOB1, as in CoNLL-2003, where `B-` only
//! separates two adjacent entities of one type; IOB2 files read the same). An explicit
//! [`Scheme::Iob2`] refuses an `I-X` that continues nothing, which catches an IOB1 file named
//! IOB2; an explicit [`Scheme::Bioes`] refuses every broken sequence (`I-` or `E-` without
//! `B-`, a `B-` never closed).
//!
//! **Text** is rebuilt from the tokens: sentences joined by a line break, tokens by one space,
//! except: no space before `. , ; : ! ? % ) ] } ” ’ » …` (a token made only of these), before a
//! clitic (`'s`, `'re`, `n't`, `’ll`, …: an apostrophe and a letter, or `n't`) or before PTB's
//! closing `''`; no space after `( [ { “ ‘ « ¿ ¡ $ £ € ¥` or PTB's opening `` `` ``; and a
//! straight `"` opens and closes in turn within a document (no space after the opening one,
//! none before the closing one). Offsets are code points of that rebuilt text; a span runs
//! from its first token's start to its last token's end.
//!
//! **Errors**: a line with one column, a tag that is not `O` or `PREFIX-LABEL`, or a sequence
//! the chosen scheme forbids is an error naming file, line and column. An import is all or
//! nothing: every error in every file is returned and no document is made.

use std::collections::{BTreeSet, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::IoError;
use super::interchange::{ExportReport, Import, Rejected};
use crate::model::{
    CharRange, DocId, Document, LabelDef, LabelSet, Mention, Origin, Project, Span, SpanId,
};
use crate::text::{Token, sentences, tokenize};

/// The format's name in `Origin::Imported`.
pub const FORMAT: &str = "conll";

/// The line CoNLL-2003 puts before each document.
pub const DOCSTART: &str = "-DOCSTART- -X- O O";

// ---------------------------------------------------------------------------------- tokens

/// One token of an export: code points `start..end` and bytes `byte_start..byte_end` of the
/// document's text. Never empty, never holds white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    /// The index of the `text::tokenize` token it is (part of).
    pub token: usize,
}

impl Piece {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start..self.byte_end]
    }
}

/// The tokens of `text` (see the module doc), cut at every code point offset in `cuts` that
/// falls inside one.
pub(crate) fn pieces(text: &str, cuts: &BTreeSet<usize>) -> Vec<Piece> {
    pieces_of(text, &tokenize(text), cuts)
}

fn pieces_of(text: &str, tokens: &[Token], cuts: &BTreeSet<usize>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(tokens.len());
    for (k, t) in tokens.iter().enumerate() {
        let whole = Piece {
            start: t.start,
            end: t.end,
            byte_start: t.byte_start,
            byte_end: t.byte_end(),
            token: k,
        };
        if t.end <= t.start + 1 || cuts.range(t.start + 1..t.end).next().is_none() {
            out.push(whole);
            continue;
        }
        let (mut start, mut byte_start) = (t.start, t.byte_start);
        for (i, (b, _)) in t.text(text).char_indices().enumerate().skip(1) {
            let cp = t.start + i;
            if cuts.contains(&cp) {
                let byte = t.byte_start + b;
                out.push(Piece {
                    start,
                    end: cp,
                    byte_start,
                    byte_end: byte,
                    token: k,
                });
                (start, byte_start) = (cp, byte);
            }
        }
        out.push(Piece {
            start,
            byte_start,
            ..whole
        });
    }
    out
}

/// `r` without the white space at either end; `None` when nothing else is left.
pub(crate) fn trim(doc: &Document, r: CharRange) -> Option<CharRange> {
    let s = doc.slice(r.start, r.end);
    let n = s.chars().count();
    let lead = s.chars().take_while(|c| c.is_whitespace()).count();
    if lead == n {
        return None;
    }
    let trail = s.chars().rev().take_while(|c| c.is_whitespace()).count();
    Some(CharRange::new(r.start + lead, r.start + n - trail))
}

/// A range `flatten` left out, with its item and the kept range it lost to.
pub(crate) type Dropped<T> = (CharRange, T, CharRange);

/// Keep the outermost of overlapping ranges: by start, longer first (ties keep input order),
/// each range is kept unless it overlaps one already kept. Returns the kept items in order and
/// each dropped one with the kept range it lost to.
pub(crate) fn flatten<T>(mut items: Vec<(CharRange, T)>) -> (Vec<(CharRange, T)>, Vec<Dropped<T>>) {
    items.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<(CharRange, T)> = Vec::with_capacity(items.len());
    let mut dropped = Vec::new();
    for (r, t) in items {
        match kept.last() {
            Some((k, _)) if k.overlaps(&r) => {
                let k = *k;
                dropped.push((r, t, k));
            }
            _ => kept.push((r, t)),
        }
    }
    (kept, dropped)
}

/// How a label is written where white space would break the columns.
pub(crate) fn column_safe(label: &str) -> String {
    let safe: String = label
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    if safe.is_empty() { "_".into() } else { safe }
}

/// `“text”` of a range, shortened for a message.
pub(crate) fn quoted(doc: &Document, r: CharRange) -> String {
    let s = doc.slice(r.start, r.end);
    let mut short: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        short.push('…');
    }
    format!("{short:?}")
}

// ---------------------------------------------------------------------------------- export

/// How many columns an exported line has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Columns {
    /// `TOKEN<TAB>TAG`.
    #[default]
    Two,
    /// `TOKEN -X- _ TAG`, space-separated, CoNLL-2003's shape without its POS and chunk tags.
    Four,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Only names with these labels (all labels when `None`).
    pub labels: Option<Vec<String>>,
    /// Write `-DOCSTART- -X- O O` and a blank line before each document.
    pub docstart: bool,
    pub columns: Columns,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            labels: None,
            docstart: true,
            columns: Columns::Two,
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

/// What CoNLL leaves out by design, counted over an export for one summary line.
#[derive(Default)]
struct Unsaid {
    quotes: usize,
    quote_docs: usize,
    mentions: usize,
    links: usize,
    renamed: BTreeSet<String>,
}

impl Unsaid {
    fn summary(&self, lost: &mut Vec<String>) {
        for label in &self.renamed {
            lost.push(format!(
                "label {label:?} is written as {:?}: a CoNLL column cannot hold white space",
                column_safe(label)
            ));
        }
        let mut parts = Vec::new();
        if self.quotes > 0 {
            parts.push(format!(
                "{} quote{} in {} document{}",
                self.quotes,
                plural(self.quotes),
                self.quote_docs,
                plural(self.quote_docs)
            ));
        }
        if self.mentions > 0 {
            parts.push(format!(
                "{} pronoun or description mention{}",
                self.mentions,
                plural(self.mentions)
            ));
        }
        if self.links > 0 {
            parts.push(format!("{} entity link{}", self.links, plural(self.links)));
        }
        if !parts.is_empty() {
            lost.push(format!(
                "{} not exported: CoNLL holds entity names and their labels only",
                parts.join(", ")
            ));
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Write `docs` as one CoNLL stream. The report counts documents and names written and has a
/// line for everything left out or changed (overlapping names, white-space-only spans, renamed
/// labels, and a summary of what CoNLL cannot hold).
pub fn write<'a, W: Write>(
    _project: &Project,
    docs: impl IntoIterator<Item = &'a Document>,
    options: &Options,
    mut out: W,
) -> std::io::Result<ExportReport> {
    let mut report = ExportReport::default();
    let mut unsaid = Unsaid::default();
    let mut buf = String::new();
    for doc in docs {
        buf.clear();
        render(doc, options, &mut buf, &mut report, &mut unsaid);
        out.write_all(buf.as_bytes())?;
    }
    out.flush()?;
    unsaid.summary(&mut report.left_out);
    Ok(report)
}

/// Write each document to `DIR/NAME.conll` (names made safe, short enough and unique by
/// `file_names::file_stems`), creating `dir` if needed. Reports what `write` reports, and the
/// documents whose file name differs from their name.
pub fn write_dir(
    _project: &Project,
    docs: &[&Document],
    options: &Options,
    dir: &Path,
) -> Result<super::file_names::Written, IoError> {
    let mut unsaid = Unsaid::default();
    let mut written =
        super::file_names::write_each(docs.iter().copied(), dir, "conll", |doc, buf| {
            let mut report = ExportReport::default();
            let mut text = String::new();
            render(doc, options, &mut text, &mut report, &mut unsaid);
            buf.extend_from_slice(text.as_bytes());
            Ok(report)
        })?;
    unsaid.summary(&mut written.report.left_out);
    Ok(written)
}

/// One document's lines, appended to `out`.
fn render(
    doc: &Document,
    options: &Options,
    out: &mut String,
    report: &mut ExportReport,
    unsaid: &mut Unsaid,
) {
    let name = &doc.name;
    report.documents += 1;
    let mut names = Vec::new();
    let n_quotes = doc.quotes.len();
    unsaid.quotes += n_quotes;
    unsaid.quote_docs += usize::from(n_quotes > 0);
    for s in &doc.spans {
        if !options.selects(&s.label) {
            continue;
        }
        if s.mention != Mention::Name {
            unsaid.mentions += 1;
            continue;
        }
        unsaid.links += usize::from(s.entity.is_some());
        match trim(doc, s.range()) {
            Some(r) => names.push((r, s)),
            None => report.left_out.push(format!(
                "{name}: {} {} {} is only white space; not exported",
                s.range(),
                s.label,
                quoted(doc, s.range())
            )),
        }
    }
    let (kept, dropped) = flatten(names);
    for (r, s, by) in dropped {
        let by_label = kept
            .iter()
            .find(|(k, _)| *k == by)
            .map(|(_, k)| k.label.as_str())
            .unwrap_or_default();
        report.left_out.push(format!(
            "{name}: {r} {} {} overlaps {by} {by_label} {} (kept); CoNLL is flat, so it is not exported",
            s.label,
            quoted(doc, r),
            quoted(doc, by)
        ));
    }
    report.spans += kept.len();
    for (_, s) in &kept {
        if column_safe(&s.label) != s.label {
            unsaid.renamed.insert(s.label.to_string());
        }
    }

    let text = &*doc.text;
    let tokens = tokenize(text);
    let cuts: BTreeSet<usize> = kept.iter().flat_map(|(r, _)| [r.start, r.end]).collect();
    let pieces = pieces_of(text, &tokens, &cuts);
    let sents = sentences(text, &tokens);
    let mut sentence_of = vec![0; tokens.len()];
    for (k, &(a, b)) in sents.iter().enumerate() {
        for s in &mut sentence_of[a..b] {
            *s = k;
        }
    }
    // A sentence may not end inside a name: join the sentences a name crosses.
    let mut joined = vec![false; sents.len()];
    {
        let mut at = 0;
        for (r, _) in &kept {
            while at < pieces.len() && pieces[at].end <= r.start {
                at += 1;
            }
            let first = at;
            let mut last = at;
            while last + 1 < pieces.len() && pieces[last + 1].start < r.end {
                last += 1;
            }
            if first < pieces.len() {
                let (a, b) = (
                    sentence_of[pieces[first].token],
                    sentence_of[pieces[last].token],
                );
                for j in &mut joined[a..b] {
                    *j = true;
                }
            }
        }
    }

    if options.docstart {
        out.push_str(DOCSTART);
        out.push_str("\n\n");
    }
    if pieces.is_empty() {
        if !text.is_empty() {
            report
                .left_out
                .push(format!("{name}: only white space; no tokens to write"));
        }
        return;
    }
    let mut ent = kept.iter().peekable();
    for (i, p) in pieces.iter().enumerate() {
        while ent.peek().is_some_and(|(r, _)| r.end <= p.start) {
            ent.next();
        }
        let tag = match ent.peek() {
            Some((r, s)) if r.start <= p.start => {
                let prefix = if r.start == p.start { "B" } else { "I" };
                format!("{prefix}-{}", column_safe(&s.label))
            }
            _ => "O".to_string(),
        };
        out.push_str(p.text(text));
        out.push_str(match options.columns {
            Columns::Two => "\t",
            Columns::Four => " -X- _ ",
        });
        out.push_str(&tag);
        out.push('\n');
        let sentence = sentence_of[p.token];
        let ends = match pieces.get(i + 1) {
            None => true,
            Some(next) => sentence_of[next.token] != sentence && !joined[sentence],
        };
        if ends {
            out.push('\n');
        }
    }
}

// ---------------------------------------------------------------------------------- import

/// The tagging scheme of a file to import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// BIOES when any tag starts with E-, S-, L- or U-, else IOB (IOB1 and IOB2 alike).
    #[default]
    Auto,
    /// CoNLL-2003's scheme: I- starts an entity unless it continues one of its type; B- only
    /// separates adjacent entities of one type.
    Iob1,
    /// Every entity starts with B-.
    Iob2,
    /// B- begin, I- inside, E- end, S- single (also BILOU: L- = E-, U- = S-).
    Bioes,
}

impl Scheme {
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Auto => "auto",
            Scheme::Iob1 => "IOB1",
            Scheme::Iob2 => "IOB2",
            Scheme::Bioes => "BIOES",
        }
    }
}

/// One document read from a file: rebuilt text and its entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedDoc {
    pub text: String,
    pub entities: Vec<(CharRange, String)>,
}

/// A file read: its documents and the scheme it was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedFile {
    pub scheme: Scheme,
    pub documents: Vec<ParsedDoc>,
}

/// Extensions read when a folder is walked; a file named explicitly may have any.
pub const EXTENSIONS: &[&str] = &["conll", "iob", "iob1", "iob2", "bio", "bioes", "bilou"];

/// Errors reported per file at most; a file this broken is not CoNLL anyway.
const MAX_ERRORS_PER_FILE: usize = 50;

/// Read the CoNLL files `paths` name (files, or folders walked in name order for the
/// [`EXTENSIONS`]) for adding to `project`: labels to add, documents with ids after the
/// project's (no entities: CoNLL has none), and notices (the scheme each file was read as;
/// documents whose name and text the project already has, which are left out). All or
/// nothing: any error anywhere rejects the whole import, with every error.
pub fn read_paths(
    paths: &[PathBuf],
    project: &Project,
    scheme: Scheme,
) -> Result<Import, Rejected> {
    let mut errors = Vec::new();
    let mut walker = super::files::Walker::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut walker);
        } else if path.exists() {
            walker.file(path);
        } else {
            errors.push(IoError::Other {
                path: path.clone(),
                message: "no such file or folder".into(),
            });
        }
    }
    let found = walker.finish();
    errors.extend(found.problems);
    let mut parsed = Vec::new();
    for file in found.files {
        use super::files::{Links, TEXT_CAP, read_regular};
        let bytes = match read_regular(&file, Links::Follow, TEXT_CAP) {
            Ok(b) => b,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let source = match std::str::from_utf8(&bytes) {
            Ok(s) => s,
            Err(e) => {
                errors.push(IoError::not_utf8(&file, &bytes, e));
                continue;
            }
        };
        match parse(source, &file, scheme) {
            Ok(p) => parsed.push((file, p)),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !errors.is_empty() {
        return Err(Rejected { errors });
    }

    let mut out = Import {
        format: FORMAT,
        ..Import::default()
    };
    let mut labels: LabelSet = project.labels.clone();
    let mut seen: HashSet<(String, String)> = project
        .documents
        .iter()
        .map(|d| (d.name.clone(), d.text.to_string()))
        .collect();
    let mut next = project.next_doc_id().0;
    for (file, p) in parsed {
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "untitled".into());
        let detected = if scheme == Scheme::Auto {
            " (detected)"
        } else {
            ""
        };
        out.notices.push(format!(
            "{}: read as {}{detected}: {} document{}",
            file.display(),
            p.scheme.name(),
            p.documents.len(),
            plural(p.documents.len())
        ));
        let many = p.documents.len() > 1;
        for (k, d) in p.documents.into_iter().enumerate() {
            let name = if many {
                format!("{stem}-{}", k + 1)
            } else {
                stem.clone()
            };
            if !seen.insert((name.clone(), d.text.clone())) {
                out.notices.push(format!(
                    "{}: {name:?} is already in the project; not added again",
                    file.display()
                ));
                continue;
            }
            let mut doc = Document::new(DocId(next), name, d.text);
            next += 1;
            doc.source = Some(file.display().to_string());
            for (i, (range, label)) in d.entities.into_iter().enumerate() {
                if !labels.contains(&label) {
                    let def = LabelDef {
                        name: label.clone(),
                        color: labels.next_color(),
                        key: labels.free_key(),
                        description: String::new(),
                    };
                    labels.labels.push(def.clone());
                    out.labels.push(def);
                }
                let mut span = Span::new(SpanId(i as u64 + 1), range, label);
                span.origin = Origin::Imported {
                    format: FORMAT.into(),
                };
                doc.spans.push(span);
            }
            doc.resort_spans();
            out.documents.push(doc);
        }
    }
    Ok(out)
}

/// The CoNLL files under `dir` (the [`EXTENSIONS`]), in name order, each once; see
/// [`super::files::Walker`].
fn walk(dir: &Path, walker: &mut super::files::Walker) {
    walker.folder(dir, &super::files::has_extension(EXTENSIONS));
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prefix {
    B,
    I,
    E,
    S,
}

#[derive(Clone, Debug)]
struct Row<'s> {
    token: &'s str,
    /// `None` for O.
    tag: Option<(Prefix, &'s str)>,
    line: usize,
    /// Column (1-based, in characters) of the tag, for messages.
    column: usize,
}

/// The text's fields with their byte offsets, split at white space.
fn fields(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (b, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &line[s..b]));
                start = None;
            }
            (false, None) => start = Some(b),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

fn parse_tag(tag: &str) -> Option<Option<(Prefix, &str)>> {
    if tag == "O" {
        return Some(None);
    }
    let (prefix, label) = tag.split_once('-')?;
    let prefix = match prefix {
        "B" => Prefix::B,
        "I" => Prefix::I,
        "E" | "L" => Prefix::E,
        "S" | "U" => Prefix::S,
        _ => return None,
    };
    (!label.is_empty()).then_some(Some((prefix, label)))
}

/// Parse one file's text (`path` names it in errors). Either every document, or every error.
pub fn parse(source: &str, path: &Path, scheme: Scheme) -> Result<ParsedFile, Vec<IoError>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut errors = Vec::new();
    let err = |line: usize, column: usize, message: String| IoError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message,
    };
    // documents → sentences → rows
    let mut docs: Vec<Vec<Vec<Row>>> = vec![Vec::new()];
    let mut sentence: Vec<Row> = Vec::new();
    for (i, raw) in source.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let line_no = i + 1;
        let cols = fields(line);
        let Some(&(_, first)) = cols.first() else {
            if !sentence.is_empty()
                && let Some(doc) = docs.last_mut()
            {
                doc.push(std::mem::take(&mut sentence));
            }
            continue;
        };
        if first.starts_with("-DOCSTART-") {
            if let Some(doc) = docs.last_mut()
                && !sentence.is_empty()
            {
                doc.push(std::mem::take(&mut sentence));
            }
            docs.push(Vec::new());
            continue;
        }
        let Some(&(tag_at, tag)) = cols.last().filter(|_| cols.len() >= 2) else {
            errors.push(err(
                line_no,
                1,
                format!(
                    "{first:?} has no tag; a CoNLL line is TOKEN TAG or TOKEN POS CHUNK TAG (tab or space separated)"
                ),
            ));
            continue;
        };
        let column = line[..tag_at].chars().count() + 1;
        match parse_tag(tag) {
            Some(tag) => sentence.push(Row {
                token: first,
                tag,
                line: line_no,
                column,
            }),
            None => errors.push(err(
                line_no,
                column,
                format!("{tag:?} is not a tag; tags are O or B-, I-, E-, S- (L-, U-) and a label"),
            )),
        }
    }
    if !sentence.is_empty()
        && let Some(doc) = docs.last_mut()
    {
        doc.push(sentence);
    }
    docs.retain(|d| !d.is_empty());

    let rows = || docs.iter().flatten().flatten();
    let chosen = match scheme {
        Scheme::Auto if rows().any(|r| matches!(r.tag, Some((Prefix::E | Prefix::S, _)))) => {
            Scheme::Bioes
        }
        Scheme::Auto => {
            let iob1 = docs.iter().flatten().any(|s| {
                s.iter().enumerate().any(|(k, r)| {
                    matches!(r.tag, Some((Prefix::I, l))
                        if k == 0 || !matches!(s[k - 1].tag, Some((_, m)) if m == l))
                })
            });
            if iob1 { Scheme::Iob1 } else { Scheme::Iob2 }
        }
        other => other,
    };

    let mut out = Vec::with_capacity(docs.len());
    for doc in &docs {
        let mut spans_tok: Vec<(usize, usize, usize, &str)> = Vec::new(); // (sentence, first, last, label)
        for (si, s) in doc.iter().enumerate() {
            decode(
                s,
                si,
                scheme,
                chosen,
                &mut spans_tok,
                &mut |line, col, m| errors.push(err(line, col, m)),
            );
        }
        let tokens: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.iter().map(|r| r.token).collect())
            .collect();
        let (text, ranges) = detokenize(&tokens);
        let entities = spans_tok
            .into_iter()
            .map(|(si, a, b, label)| {
                (
                    CharRange::new(ranges[si][a].start, ranges[si][b].end),
                    label.to_string(),
                )
            })
            .collect();
        out.push(ParsedDoc { text, entities });
    }
    if errors.is_empty() {
        Ok(ParsedFile {
            scheme: chosen,
            documents: out,
        })
    } else {
        if errors.len() > MAX_ERRORS_PER_FILE {
            let more = errors.len() - MAX_ERRORS_PER_FILE;
            errors.truncate(MAX_ERRORS_PER_FILE);
            errors.push(IoError::Other {
                path: path.to_path_buf(),
                message: format!("{more} more errors not listed"),
            });
        }
        Err(errors)
    }
}

/// The entities of one sentence as token ranges (first, last inclusive).
fn decode<'s>(
    rows: &[Row<'s>],
    si: usize,
    asked: Scheme,
    chosen: Scheme,
    out: &mut Vec<(usize, usize, usize, &'s str)>,
    err: &mut dyn FnMut(usize, usize, String),
) {
    // The open entity: first token and label.
    let mut open: Option<(usize, &str)> = None;
    for (k, r) in rows.iter().enumerate() {
        let continues = |l: &str| open.is_some_and(|(_, m)| m == l);
        match (chosen, r.tag) {
            (_, None) => {
                if chosen == Scheme::Bioes
                    && let Some((_, l)) = open
                {
                    err(
                        r.line,
                        r.column,
                        format!(
                            "O inside a {l} entity: BIOES closes every entity with E- (or uses S- for one token)"
                        ),
                    );
                }
                if let Some((a, l)) = open.take() {
                    out.push((si, a, k - 1, l));
                }
            }
            (Scheme::Bioes, Some((p, l))) => match p {
                Prefix::B | Prefix::S => {
                    if let Some((a, m)) = open.take() {
                        err(
                            r.line,
                            r.column,
                            format!("the {m} entity before is not closed with E-"),
                        );
                        out.push((si, a, k - 1, m));
                    }
                    if p == Prefix::S {
                        out.push((si, k, k, l));
                    } else {
                        open = Some((k, l));
                    }
                }
                Prefix::I | Prefix::E => {
                    if !continues(l) {
                        let what = if p == Prefix::I { "I" } else { "E" };
                        err(
                            r.line,
                            r.column,
                            format!(
                                "{what}-{l} does not continue a {l} entity (BIOES starts each with B- or S-)"
                            ),
                        );
                        if let Some((a, m)) = open.take() {
                            out.push((si, a, k - 1, m));
                        }
                        open = Some((k, l));
                    }
                    if p == Prefix::E
                        && let Some((a, m)) = open.take()
                    {
                        out.push((si, a, k, m));
                    }
                }
            },
            (_, Some((p, l))) => match p {
                Prefix::B => {
                    if let Some((a, m)) = open.take() {
                        out.push((si, a, k - 1, m));
                    }
                    open = Some((k, l));
                }
                Prefix::I => {
                    if !continues(l) {
                        if asked == Scheme::Iob2 {
                            err(
                                r.line,
                                r.column,
                                format!(
                                    "I-{l} does not continue a {l} entity; IOB2 starts each entity with B- (is the file IOB1? then read it as IOB1 or auto)"
                                ),
                            );
                        }
                        if let Some((a, m)) = open.take() {
                            out.push((si, a, k - 1, m));
                        }
                        open = Some((k, l));
                    }
                }
                Prefix::E | Prefix::S => err(
                    r.line,
                    r.column,
                    format!(
                        "{} tag in a file read as {}; read it as BIOES or auto",
                        if p == Prefix::E {
                            "an E-/L-"
                        } else {
                            "an S-/U-"
                        },
                        chosen.name()
                    ),
                ),
            },
        }
    }
    if let Some((a, l)) = open {
        if chosen == Scheme::Bioes
            && let Some(r) = rows.last()
        {
            err(
                r.line,
                r.column,
                format!("the {l} entity runs to the end of the sentence without E-"),
            );
        }
        out.push((si, a, rows.len() - 1, l));
    }
}

/// Tokens that take no space before them (see the module doc).
fn closes(tok: &str) -> bool {
    const CLOSERS: &str = ".,;:!?%)]}”’»…";
    if tok.chars().all(|c| CLOSERS.contains(c)) || tok == "''" {
        return true;
    }
    let mut cs = tok.chars();
    let clitic = matches!((cs.next(), cs.next()), (Some('\'' | '’'), Some(c)) if c.is_alphabetic());
    clitic || tok.eq_ignore_ascii_case("n't") || tok.eq_ignore_ascii_case("n’t")
}

/// Tokens that take no space after them.
fn opens(tok: &str) -> bool {
    const OPENERS: &str = "([{“‘«¿¡$£€¥";
    tok.chars().all(|c| OPENERS.contains(c)) || tok == "``"
}

/// Rebuild a document's text from its sentences of tokens (rules in the module doc). Returns
/// the text and each token's code point range, by sentence.
pub fn detokenize(sentences: &[Vec<&str>]) -> (String, Vec<Vec<CharRange>>) {
    let mut text = String::new();
    let mut at = 0usize;
    let mut ranges = Vec::with_capacity(sentences.len());
    let mut quote_open = false;
    for (si, s) in sentences.iter().enumerate() {
        if si > 0 {
            text.push('\n');
            at += 1;
        }
        let mut rs = Vec::with_capacity(s.len());
        let mut glue_next = true;
        for tok in s {
            let straight = *tok == "\"";
            let no_space_before = if straight { quote_open } else { closes(tok) };
            if !glue_next && !no_space_before {
                text.push(' ');
                at += 1;
            }
            let n = tok.chars().count();
            text.push_str(tok);
            rs.push(CharRange::new(at, at + n));
            at += n;
            glue_next = if straight {
                quote_open = !quote_open;
                quote_open
            } else {
                opens(tok)
            };
        }
        ranges.push(rs);
    }
    (text, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityId, Quote, QuoteId, QuoteKind};

    fn doc(text: &str, spans: &[(&str, usize, &str)]) -> Document {
        let mut d = Document::new(DocId(1), "d", text);
        for (i, (needle, nth, label)) in spans.iter().enumerate() {
            let (b, _) = text.match_indices(needle).nth(*nth).expect("needle");
            let start = text[..b].chars().count();
            let r = CharRange::new(start, start + needle.chars().count());
            d.insert_span(Span::new(SpanId(i as u64 + 1), r, *label));
        }
        d
    }

    fn export(docs: &[&Document], options: &Options) -> (String, Vec<String>) {
        let p = Project::new("t");
        let mut buf = Vec::new();
        let report = write(&p, docs.iter().copied(), options, &mut buf).unwrap();
        (String::from_utf8(buf).unwrap(), report.left_out)
    }

    #[test]
    fn writes_iob2_with_sentences_and_docstart() {
        let d = doc(
            "\"We will win,\" said Angela Merkel in Berlin. She left.",
            &[("Angela Merkel", 0, "PERSON"), ("Berlin", 0, "GPE")],
        );
        let (out, lost) = export(&[&d], &Options::default());
        assert!(lost.is_empty(), "{lost:?}");
        assert_eq!(
            out,
            "-DOCSTART- -X- O O\n\n\"\tO\nWe\tO\nwill\tO\nwin\tO\n,\tO\n\"\tO\nsaid\tO\nAngela\tB-PERSON\nMerkel\tI-PERSON\nin\tO\nBerlin\tB-GPE\n.\tO\n\nShe\tO\nleft\tO\n.\tO\n\n"
        );
        let four = Options {
            columns: Columns::Four,
            docstart: false,
            ..Options::default()
        };
        let (out, _) = export(&[&d], &four);
        assert!(out.starts_with("\" -X- _ O\nWe -X- _ O\n"));
        assert!(out.contains("Angela -X- _ B-PERSON\n"));
    }

    #[test]
    fn tokens_are_cut_at_span_boundaries_and_overlaps_are_reported() {
        let d = doc(
            "The Obama-era Bank of England rules.",
            &[
                ("Obama", 0, "PERSON"),
                ("Bank of England", 0, "ORG"),
                ("England", 0, "GPE"),
            ],
        );
        let (out, lost) = export(&[&d], &Options::default());
        assert!(out.contains("Obama\tB-PERSON\n-era\tO\nBank\tB-ORG\nof\tI-ORG\nEngland\tI-ORG\n"));
        assert_eq!(lost.len(), 1, "{lost:?}");
        assert!(
            lost[0].contains("d: 22..29 GPE \"England\" overlaps 14..29 ORG"),
            "{}",
            lost[0]
        );
    }

    #[test]
    fn a_name_across_a_line_break_keeps_its_sentence_whole() {
        let d = doc(
            "Bank of\nEngland said so.\nNext line.",
            &[("Bank of\nEngland", 0, "ORG")],
        );
        let (out, _) = export(
            &[&d],
            &Options {
                docstart: false,
                ..Options::default()
            },
        );
        assert_eq!(
            out,
            "Bank\tB-ORG\nof\tI-ORG\nEngland\tI-ORG\nsaid\tO\nso\tO\n.\tO\n\nNext\tO\nline\tO\n.\tO\n\n"
        );
    }

    #[test]
    fn only_selected_names_and_a_summary_of_what_conll_cannot_hold() {
        let mut d = doc(
            "Putin met Merkel. He said it.",
            &[
                ("Putin", 0, "PERSON"),
                ("Merkel", 0, "PERSON"),
                ("He", 0, "PERSON"),
            ],
        );
        d.spans[2].mention = Mention::Pronoun;
        d.spans[0].entity = Some(EntityId(1));
        d.quotes.push(Quote {
            id: QuoteId(1),
            content: vec![CharRange::new(26, 28)],
            speaker: Some(SpanId(3)),
            cue: None,
            kind: QuoteKind::Indirect,
            origin: Origin::Manual,
            attributes: Default::default(),
        });
        let mut p = Project::new("t");
        p.insert_entity(Entity {
            id: EntityId(1),
            name: "Vladimir Putin".into(),
            label: "PERSON".into(),
            aliases: vec![],
            attributes: Default::default(),
        });
        let mut buf = Vec::new();
        let report = write(&p, [&d], &Options::default(), &mut buf).unwrap();
        assert_eq!((report.documents, report.spans, report.quotes), (1, 2, 0));
        let lost = report.left_out;
        let out = String::from_utf8(buf).unwrap();
        assert!(out.contains("He\tO\n"));
        assert_eq!(lost.len(), 1);
        assert!(lost[0].starts_with("1 quote in 1 document, 1 pronoun or description mention, 1 entity link not exported"), "{}", lost[0]);

        let only_gpe = Options {
            labels: Some(vec!["GPE".into()]),
            ..Options::default()
        };
        let (out, _) = export(&[&d], &only_gpe);
        assert!(!out.contains("B-"));
    }

    #[test]
    fn labels_with_white_space_are_written_with_underscores() {
        let d = doc("Le Monde wrote.", &[("Le Monde", 0, "NEWS PAPER")]);
        let (out, lost) = export(&[&d], &Options::default());
        assert!(out.contains("Le\tB-NEWS_PAPER\nMonde\tI-NEWS_PAPER\n"));
        assert!(lost[0].contains("\"NEWS PAPER\" is written as \"NEWS_PAPER\""));
    }

    fn parse_ok(src: &str, scheme: Scheme) -> ParsedFile {
        parse(src, Path::new("x.conll"), scheme).unwrap_or_else(|e| {
            panic!(
                "{}",
                e.iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
    }

    fn ents(d: &ParsedDoc) -> Vec<(String, String)> {
        let chars: Vec<char> = d.text.chars().collect();
        d.entities
            .iter()
            .map(|(r, l)| (chars[r.start..r.end].iter().collect(), l.clone()))
            .collect()
    }

    #[test]
    fn reads_conll_2003_iob1_with_four_columns_and_documents() {
        let src = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\n. . O O\n\nPeter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nBRUSSELS NNP B-NP I-LOC\n";
        let p = parse_ok(src, Scheme::Auto);
        assert_eq!(p.scheme, Scheme::Iob1);
        assert_eq!(p.documents.len(), 2);
        assert_eq!(
            p.documents[0].text,
            "EU rejects German call.\nPeter Blackburn"
        );
        assert_eq!(
            ents(&p.documents[0]),
            [
                ("EU".into(), "ORG".into()),
                ("German".into(), "MISC".into()),
                ("Peter Blackburn".into(), "PER".into())
            ]
        );
        assert_eq!(ents(&p.documents[1]), [("BRUSSELS".into(), "LOC".into())]);
    }

    #[test]
    fn iob1_b_separates_adjacent_entities_of_one_type() {
        let src = "Paris\tI-LOC\nLondon\tB-LOC\nand\tO\nRome\tI-LOC\n";
        let p = parse_ok(src, Scheme::Iob1);
        assert_eq!(
            ents(&p.documents[0]),
            [
                ("Paris".into(), "LOC".into()),
                ("London".into(), "LOC".into()),
                ("Rome".into(), "LOC".into())
            ]
        );
        let e = parse(src, Path::new("x.conll"), Scheme::Iob2).unwrap_err();
        assert_eq!(e.len(), 2);
        assert!(
            e[0].to_string()
                .starts_with("x.conll:1:7: I-LOC does not continue"),
            "{}",
            e[0]
        );
    }

    #[test]
    fn reads_bioes_and_bilou_and_refuses_broken_sequences() {
        let src = "Angela B-PER\nMerkel E-PER\nin O\nBerlin S-LOC\nNew B-LOC\nYork L-LOC\nand O\nX U-ORG\n";
        let p = parse_ok(src, Scheme::Auto);
        assert_eq!(p.scheme, Scheme::Bioes);
        assert_eq!(
            ents(&p.documents[0]),
            [
                ("Angela Merkel".into(), "PER".into()),
                ("Berlin".into(), "LOC".into()),
                ("New York".into(), "LOC".into()),
                ("X".into(), "ORG".into())
            ]
        );
        let broken = "Angela B-PER\nMerkel O\nBerlin E-LOC\n";
        let e = parse(broken, Path::new("b.bioes"), Scheme::Bioes).unwrap_err();
        let msgs: Vec<String> = e.iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs[0].starts_with("b.bioes:2:8: O inside a PER entity"));
        assert!(msgs[1].starts_with("b.bioes:3:8: E-LOC does not continue"));
        let e = parse("a E-PER\n", Path::new("c"), Scheme::Iob2).unwrap_err();
        assert!(
            e[0].to_string()
                .contains("E-/L- tag in a file read as IOB2")
        );
    }

    #[test]
    fn malformed_lines_name_file_line_and_column() {
        let e = parse(
            "ok O\nlonely\nbad\tX-PER\nworse\tB-\n",
            Path::new("m.conll"),
            Scheme::Auto,
        )
        .unwrap_err();
        let msgs: Vec<String> = e.iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].starts_with("m.conll:2:1: \"lonely\" has no tag"));
        assert!(msgs[1].starts_with("m.conll:3:5: \"X-PER\" is not a tag"));
        assert!(msgs[2].starts_with("m.conll:4:7: \"B-\" is not a tag"));
    }

    #[test]
    fn detokenising_follows_the_documented_spacing() {
        let toks = [
            "\"", "We", "'re", "here", ",", "\"", "he", "said", "(", "quietly", ")", ":", "“",
            "Do", "n't", "pay", "$", "5", "!", "”", "``", "Yes", "''",
        ];
        let (text, ranges) = detokenize(&[toks.to_vec(), vec!["Next", "."]]);
        assert_eq!(
            text,
            "\"We're here,\" he said (quietly): “Don't pay $5!” ``Yes''\nNext."
        );
        let chars: Vec<char> = text.chars().collect();
        for (tok, r) in toks.iter().zip(&ranges[0]) {
            assert_eq!(chars[r.start..r.end].iter().collect::<String>(), *tok);
        }
    }

    #[test]
    fn export_then_import_gives_the_same_names() {
        let d = doc(
            "“Zoë’s café,” said São Paulo’s mayor 👍🏽 in 東京.\r\nJörg Müller left.",
            &[
                ("São Paulo", 0, "GPE"),
                ("東京", 0, "GPE"),
                ("Jörg Müller", 0, "PERSON"),
            ],
        );
        let (out, _) = export(&[&d, &d], &Options::default());
        let p = parse_ok(&out, Scheme::Auto);
        assert_eq!(p.scheme, Scheme::Iob2);
        assert_eq!(p.documents.len(), 2);
        assert_eq!(
            ents(&p.documents[1]),
            [
                ("São Paulo".into(), "GPE".into()),
                ("東京".into(), "GPE".into()),
                ("Jörg Müller".into(), "PERSON".into())
            ]
        );
        assert_eq!(
            p.documents[0].text,
            "“Zoë’s café,” said São Paulo’s mayor 👍🏽 in 東京.\nJörg Müller left."
        );
    }

    #[test]
    fn read_paths_is_all_or_nothing_and_names_documents_after_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.conll"), "Merkel B-PER\n").unwrap();
        std::fs::write(
            dir.path().join("b.iob"),
            "-DOCSTART- -X- O O\n\nX B-ORG\n\n-DOCSTART- -X- O O\n\nY B-ORG\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not conll at all\n").unwrap();
        let project = Project::new("p");
        let import = read_paths(&[dir.path().to_path_buf()], &project, Scheme::Auto).unwrap();
        let names: Vec<&str> = import.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["a", "b-1", "b-2"]);
        assert_eq!(
            import
                .labels
                .iter()
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>(),
            ["PER"]
        );
        assert_eq!(
            import.documents[0].spans[0].origin,
            Origin::Imported {
                format: "conll".into()
            }
        );
        assert_eq!(import.documents[2].id, DocId(3));

        std::fs::write(dir.path().join("c.conll"), "Bad\n").unwrap();
        let e = read_paths(&[dir.path().to_path_buf()], &project, Scheme::Auto).unwrap_err();
        assert_eq!(e.errors.len(), 1);
        assert!(e.to_string().ends_with("c.conll:1:1: \"Bad\" has no tag; a CoNLL line is TOKEN TAG or TOKEN POS CHUNK TAG (tab or space separated)"), "{e}");
    }

    #[test]
    fn pieces_cover_tokens_and_cut_inside_them() {
        let text = "Obama-era 👩‍👩‍👧 e\u{301}x";
        let cuts: BTreeSet<usize> = [5, 18].into_iter().collect();
        let got: Vec<&str> = pieces(text, &cuts).iter().map(|p| p.text(text)).collect();
        assert_eq!(got, ["Obama", "-era", "👩‍👩‍👧", "e\u{301}", "x"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_self_link_is_read_once_and_a_fifo_named_directly_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.conll"), "Merkel B-PER\n").unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("self")).unwrap();
        let project = Project::new("p");
        let import = read_paths(&[dir.path().to_path_buf()], &project, Scheme::Auto).unwrap();
        assert_eq!(import.documents.len(), 1);

        let fifo = dir.path().join("f.conll");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        let e = read_paths(&[fifo], &project, Scheme::Auto).unwrap_err();
        assert!(e.to_string().contains("f.conll: is a named pipe"), "{e}");
    }
}
