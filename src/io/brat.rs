//! brat standoff import: each `NAME.txt` with its `NAME.ann` becomes a document carrying its
//! spans, quotes, speakers and canonical entities.
//!
//! The `.txt` is the document's text exactly (no byte-order mark dropped, no line ends changed),
//! because brat's offsets count code points of that very file. Every `T` line is checked: its
//! text column must equal the text it points at (fragments joined by one space), else the line
//! is an error.
//!
//! # What becomes what
//! - `T` with any type but `Quote`, `Cue`, `Quotation` or `Speaker` → a span, a name; its type is
//!   the label (added to the label set, with a free colour and key, when missing).
//! - `T… Quote` → a quote's content. `T… Cue` (or the trigger of a `Quotation` event) → the
//!   quote's cue, through `R… Cue Arg1:<quote> Arg2:<cue>`. A cue no `R… Cue` line names, alone on
//!   a line of text with exactly one cueless quote, is that quote's cue; other such cues are
//!   skipped and reported.
//! - `R… Speaker Arg1:<quote> Arg2:<mention>` → the quote's speaker. The mention is an entity
//!   `T`, or a `T… Speaker` span (a pronoun or a description): that becomes a span with
//!   `Mention::Pronoun` when its text is a pronoun, else `Mention::Nominal`, labelled with the
//!   label of the entity its note names when that entity exists, else PERSON.
//! - `E… Quote:T<content> Speaker:T… Cue:T…`, or `E… Quotation:T<verb> Speaker:T…
//!   Content:T…` → one quote (several `Content` roles give several ranges).
//! - Other `A… NAME <T> VALUE` lines on a span's or a quote's `T` are its attributes, and
//!   `category:SCHEME` keys of the `NAME.meta.json` side file its categories (`io::coding`).
//! - `A… Kind <quote> Direct|Indirect|Mixed` (also `QuoteType`, and the binary attributes
//!   `Direct`, `Indirect`, `Mixed`) → the quote's kind; a quote without one is direct.
//! - `#… AnnotatorNotes <quote><TAB>speaker=<name>` → the speaker mention is linked to the
//!   canonical entity of that name (created if missing, with the mention's label, or PERSON).
//! - `N… Reference T… db:id<TAB>text` → the span is linked to a canonical entity.
//! - `M` lines (brat's old attributes) are read as `A`; `*` equivalences (Gloss links mentions
//!   through entities), other attributes and free-text notes are valid but not modelled: they are
//!   told as notices ("ignored"), not skipped, so they do not fail a command-line import.
//! - Two identical entity `T`s make one span.
//! - A `NAME.meta.json` beside `NAME.txt` (as the brat export writes it, see `io::meta`) is the
//!   document's metadata; one that is not a JSON object fails the import, naming it.
//! - As in brat's own parser, whatever follows a second tab on `R`, `E`, `A` and `M` lines (brat
//!   writes a trailing tab after relations) is ignored.
//!
//! # Decisions
//! **Speakers named only in a note.** LitBank (and the seed, once) gives a quote a `speaker=`
//! note but no speaker mention. The model's speaker is a mention span, and inventing one (say,
//! the nearest occurrence of the name) would put annotations in the gold that nobody made. So
//! such a quote comes in without a speaker; the entity of that name is still created (so the
//! name is in the project for linking and matching), and the pair is returned in
//! [`BratDoc::speaker_notes`], where `app::eval` scores speakers against it when brat files are
//! evaluated directly. A project file has no place for it: after saving, only quotes whose
//! speaker has a mention keep a speaker. Notes on quotes that do have a mention are carried by
//! the mention's entity link instead.
//!
//! **Fragments.** brat cannot mark across a line break, so such a span is written as fragments
//! whose gaps are white space. Those gaps are closed: the fragments become one range, first
//! start to last end, which is what the annotator selected. This holds for quotes too, so a
//! quote across a paragraph break is one range, as if selected by hand in Gloss; a quote
//! interrupted by other text ("…," he said, "…") keeps one range per part. An entity, cue or
//! speaker mention whose fragments have other text between them cannot be one span: it is
//! skipped and reported with its file and line, and so is every line that refers to it.
//!
//! **Entities from normalisations.** The `db:id` groups the `N` lines that mean one thing. Its
//! name is the text column when all of that id's lines agree on it (brat writes the entry's
//! name there). When they disagree, the column holds each mention's own text (as in the GUM
//! conversion: `wiki:United_States` with "U.S.", "US", "America"), and the name is the id itself
//! when it is a Wikipedia title (`wiki:United_States` → "United States"), else the most
//! frequent text. An entity is then its name and label (the commonest label of its spans): the
//! same name and label across documents, or already in the project, is the same entity.
//! Aliases collect the distinct texts of linked name spans that differ from the name.
//!
//! **Errors and skips.** A line that is not brat (an unknown line type, bad offsets, a text
//! column that does not match, a reference to an id the file does not define) is an error: the
//! whole import fails and every error is returned, each naming file, line and column. A line
//! that is brat but that the model cannot hold (a split entity, an unknown relation) is skipped
//! and reported in [`BratImport::skipped`]; never dropped silently.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use super::IoError;
use crate::model::{
    CharRange, DocId, Document, Entity, EntityId, LabelDef, Mention, Origin, Project, Quote,
    QuoteId, QuoteKind, Span, SpanId,
};

/// The format's name in `Origin::Imported`.
pub const FORMAT: &str = "brat";

/// The label a `Speaker` mention gets when nothing says otherwise.
const SPEAKER_LABEL: &str = "PERSON";

/// Everything one import brings in, ready to become commands: the labels to add (in order, at
/// the end of the set), the entities to add and the existing ones whose aliases grew, and the
/// documents (ids allocated after the project's).
#[derive(Debug, Default)]
pub struct BratImport {
    pub labels: Vec<LabelDef>,
    pub new_entities: Vec<Entity>,
    pub updated_entities: Vec<Entity>,
    pub documents: Vec<BratDoc>,
    /// Annotations the model cannot hold, each with its file and line.
    pub skipped: Vec<Skipped>,
    /// Things the user should know that lost nothing (a document already in the project, a
    /// duplicate line kept once, a `.txt` without annotations).
    pub notices: Vec<String>,
    /// Category schemes and attributes to add, or update by name (see `io::coding`).
    pub schemes: Vec<crate::model::CategoryScheme>,
    pub attributes: Vec<crate::model::AttributeDef>,
}

/// One imported document.
#[derive(Debug)]
pub struct BratDoc {
    pub document: Document,
    /// The `.ann` file it came from.
    pub ann: PathBuf,
    /// Quotes whose speaker is known only by the canonical name in a `speaker=` note (no
    /// mention to make a span of); see the module doc.
    pub speaker_notes: Vec<(QuoteId, String)>,
}

/// A brat line that was read but could not be represented, so nothing of it was imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}; not imported",
            self.path.display(),
            self.line,
            self.message
        )
    }
}

/// Why nothing was imported: every error found, in file and line order (never empty).
#[derive(Debug)]
pub struct Rejected {
    pub errors: Vec<IoError>,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.split_first() {
            None => f.write_str("brat import failed"),
            Some((first, [])) => write!(f, "{first}"),
            Some((first, rest)) => write!(f, "{first} (and {} more errors)", rest.len()),
        }
    }
}

impl std::error::Error for Rejected {}

/// What an import holds, for the summary line and for tests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub documents: usize,
    /// Name spans per label.
    pub names: BTreeMap<String, usize>,
    pub pronouns: usize,
    pub descriptions: usize,
    pub quotes: usize,
    pub direct: usize,
    pub indirect: usize,
    pub mixed: usize,
    pub cues: usize,
    /// Quotes whose speaker is a mention.
    pub speakers: usize,
    /// Quotes whose speaker is only a name in a note.
    pub speaker_notes: usize,
    /// Spans linked to a canonical entity.
    pub linked: usize,
    pub new_entities: usize,
}

impl BratImport {
    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            documents: self.documents.len(),
            new_entities: self.new_entities.len(),
            ..Counts::default()
        };
        for d in &self.documents {
            for s in &d.document.spans {
                match s.mention {
                    Mention::Name => *c.names.entry(s.label.to_string()).or_insert(0) += 1,
                    Mention::Pronoun => c.pronouns += 1,
                    Mention::Nominal => c.descriptions += 1,
                }
                c.linked += usize::from(s.entity.is_some());
            }
            for q in &d.document.quotes {
                c.quotes += 1;
                match q.kind {
                    QuoteKind::Direct => c.direct += 1,
                    QuoteKind::Indirect => c.indirect += 1,
                    QuoteKind::Mixed => c.mixed += 1,
                }
                c.cues += usize::from(q.cue.is_some());
                c.speakers += usize::from(q.speaker.is_some());
            }
            c.speaker_notes += d.speaker_notes.len();
        }
        c
    }
}

/// Read the brat documents named by `paths` for adding to `project`: files (`NAME.ann` or
/// `NAME.txt`, each needing the other beside it) or folders, walked in name order for `.ann`
/// files. Documents whose name and text are already in the project are left out (a notice
/// says so). Either everything readable comes back, or `Rejected` lists every error.
pub fn read_paths(paths: &[PathBuf], project: &Project) -> Result<BratImport, Rejected> {
    let mut b = Builder::new(project);
    let pairs = b.find_pairs(paths);
    let mut seen: HashSet<(String, String)> = project
        .documents
        .iter()
        .map(|d| (d.name.clone(), d.text.to_string()))
        .collect();
    let mut drafts = Vec::new();
    let mut next_doc = project.next_doc_id().0;
    for (ann, txt) in pairs {
        let Some((text, source)) = b.read_pair(&ann, &txt) else {
            continue;
        };
        let name = txt
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "untitled".into());
        if !seen.insert((name.clone(), text.clone())) {
            b.out.notices.push(format!(
                "{}: already in the project as {name:?}; not added again",
                txt.display()
            ));
            continue;
        }
        let mut document = Document::new(DocId(next_doc), name, text);
        document.source = Some(txt.display().to_string());
        let side = txt
            .file_stem()
            .and_then(|stem| super::meta::side_path(txt.parent()?, &stem.to_string_lossy()));
        match side.map(|p| super::meta::read_side(&p)) {
            Some(Ok(Some(meta))) => {
                document.meta = meta;
                if let Err(e) = super::coding::categories_from_side(&mut b.codes, &mut document) {
                    b.errors.push(parse_error(&txt, 1, 1, e));
                }
            }
            Some(Err(e)) => b.errors.push(e),
            _ => {}
        }
        next_doc += 1;
        let parsed = b.parse(&ann, &source, &document);
        drafts.push(b.draft(ann, document, parsed));
    }
    if !b.errors.is_empty() {
        return Err(Rejected { errors: b.errors });
    }
    b.link_normalisations(&mut drafts);
    for d in &mut drafts {
        b.attach_speakers(d);
    }
    if !b.errors.is_empty() {
        return Err(Rejected { errors: b.errors });
    }
    Ok(b.finish(drafts))
}

// ------------------------------------------------------------------------------ parsed lines

/// What a `T` line's type makes of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Entity,
    Quote,
    Cue,
    Speaker,
}

fn role_of(label: &str) -> Role {
    let is = |name: &str| label.eq_ignore_ascii_case(name);
    if is("Quote") {
        Role::Quote
    } else if is("Cue") || is("Quotation") {
        Role::Cue
    } else if is("Speaker") {
        Role::Speaker
    } else {
        Role::Entity
    }
}

#[derive(Debug)]
struct TextBound {
    line: usize,
    label: String,
    role: Role,
    /// Sorted by start.
    frags: Vec<CharRange>,
}

#[derive(Debug)]
struct Relation {
    line: usize,
    id: String,
    kind: String,
    arg1: String,
    arg2: String,
}

#[derive(Debug)]
struct Event {
    line: usize,
    id: String,
    kind: String,
    trigger: String,
    args: Vec<(String, String)>,
}

#[derive(Debug)]
struct Attribute {
    line: usize,
    id: String,
    name: String,
    target: String,
    value: Option<String>,
}

#[derive(Debug)]
struct Normalisation {
    line: usize,
    id: String,
    target: String,
    key: String,
    text: String,
}

#[derive(Debug)]
struct Note {
    line: usize,
    target: String,
    text: String,
}

/// One `.ann` file, line by line.
#[derive(Debug, Default)]
struct Parsed {
    /// `T` lines by id, and their ids in file order.
    tbs: HashMap<String, TextBound>,
    tb_order: Vec<String>,
    events: Vec<Event>,
    relations: Vec<Relation>,
    attributes: Vec<Attribute>,
    normalisations: Vec<Normalisation>,
    notes: Vec<Note>,
}

// ---------------------------------------------------------------------------- the document

#[derive(Debug)]
struct QuoteDraft {
    /// The `T` or `E` id that made it, and its line.
    anchor: String,
    line: usize,
    content: Vec<CharRange>,
    /// The cue's range and the line that set it.
    cue: Option<(CharRange, usize)>,
    /// The speaker mention's `T` id and the line that set it.
    speaker: Option<(String, usize)>,
    kind: Option<(QuoteKind, usize)>,
    /// The canonical name from a `speaker=` note, and its line.
    note: Option<(String, usize)>,
    /// Attributes from `A` lines other than `Kind`.
    attributes: crate::model::Attributes,
}

/// A document on its way in.
#[derive(Debug)]
struct Draft {
    ann: PathBuf,
    document: Document,
    parsed: Parsed,
    spans: Vec<Span>,
    /// `T` id → the span made of it.
    span_of: HashMap<String, SpanId>,
    /// `T` id → the line of a `T` that was skipped, so lines referring to it can say why.
    lost: HashMap<String, usize>,
    quotes: Vec<QuoteDraft>,
    /// `T` or `E` id → index in `quotes`.
    quote_of: HashMap<String, usize>,
    /// Filled by `attach_speakers`: quote index → canonical name without a mention.
    speaker_notes: Vec<(usize, String)>,
}

impl Draft {
    fn next_span_id(&self) -> SpanId {
        SpanId(self.spans.len() as u64 + 1)
    }

    fn span(&self, id: SpanId) -> Option<&Span> {
        self.spans.iter().find(|s| s.id == id)
    }

    fn span_mut(&mut self, id: SpanId) -> Option<&mut Span> {
        self.spans.iter_mut().find(|s| s.id == id)
    }
}

// ------------------------------------------------------------------------------ entities

/// The project's entities plus those this import creates, found by name.
#[derive(Debug)]
struct Registry {
    entities: Vec<Entity>,
    /// How many of `entities` were already in the project (they come first).
    existing: usize,
    by_name: HashMap<String, Vec<usize>>,
    /// Existing entities that gained aliases.
    grown: BTreeSet<usize>,
    next: u64,
}

impl Registry {
    fn new(project: &Project) -> Self {
        let mut r = Self {
            entities: Vec::new(),
            existing: project.entities.len(),
            by_name: HashMap::new(),
            grown: BTreeSet::new(),
            next: project.next_entity_id().0,
        };
        for e in &project.entities {
            r.index(e.clone());
        }
        r
    }

    fn index(&mut self, e: Entity) -> usize {
        let i = self.entities.len();
        self.by_name.entry(e.name.clone()).or_default().push(i);
        self.entities.push(e);
        i
    }

    /// The entity called `name` with `label`.
    fn find_exact(&self, name: &str, label: &str) -> Option<usize> {
        let list = self.by_name.get(name)?;
        list.iter()
            .copied()
            .find(|&i| self.entities[i].label == label)
    }

    /// The entity called `name`, preferring one with `label`.
    fn find(&self, name: &str, label: &str) -> Option<usize> {
        self.find_exact(name, label)
            .or_else(|| self.by_name.get(name)?.first().copied())
    }

    fn create(&mut self, name: &str, label: &str) -> usize {
        let id = EntityId(self.next);
        self.next += 1;
        self.index(Entity {
            id,
            name: name.to_string(),
            label: label.to_string(),
            aliases: Vec::new(),
            attributes: Default::default(),
        })
    }
}

// ------------------------------------------------------------------------------ the builder

struct Builder {
    labels: crate::model::LabelSet,
    registry: Registry,
    errors: Vec<IoError>,
    /// Category schemes and attributes, as the import grows them (`io::coding`).
    codes: super::coding::Codes,
    out: BratImport,
}

fn parse_error(path: &Path, line: usize, column: usize, message: impl Into<String>) -> IoError {
    IoError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message: message.into(),
    }
}

/// Merge ranges (sorted by start) whose gaps in `doc` are only white space.
fn close_gaps(doc: &Document, ranges: &[CharRange]) -> Vec<CharRange> {
    let mut sorted = ranges.to_vec();
    sorted.sort();
    let mut out: Vec<CharRange> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last)
                if r.start <= last.end
                    || doc
                        .slice(last.end, r.start)
                        .chars()
                        .all(char::is_whitespace) =>
            {
                last.end = last.end.max(r.end);
            }
            _ => out.push(r),
        }
    }
    out
}

fn describe_ranges(ranges: &[CharRange]) -> String {
    ranges
        .iter()
        .map(|r| format!("{} {}", r.start, r.end))
        .collect::<Vec<_>>()
        .join(";")
}

fn kind_named(value: &str) -> Option<QuoteKind> {
    [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed]
        .into_iter()
        .find(|k| k.name().eq_ignore_ascii_case(value.trim()))
}

/// The title of a Wikipedia id (`wiki:Andy_Warhol` → "Andy Warhol"), if it is one.
fn wiki_title(key: &str) -> Option<String> {
    let (db, id) = key.split_once(':')?;
    let wiki = ["wiki", "wikipedia", "enwiki"]
        .iter()
        .any(|w| db.eq_ignore_ascii_case(w));
    (wiki && !id.trim().is_empty()).then(|| id.replace('_', " ").trim().to_string())
}

/// A role name without brat's numbering of repeated roles (`Content2` → `Content`).
fn base_role(role: &str) -> &str {
    role.trim_end_matches(|c: char| c.is_ascii_digit())
}

impl Builder {
    fn new(project: &Project) -> Self {
        Self {
            labels: project.labels.clone(),
            registry: Registry::new(project),
            errors: Vec::new(),
            codes: super::coding::Codes::new(project),
            out: BratImport::default(),
        }
    }

    /// A valid line of a kind Gloss does not model (`*`, other attributes, free notes): told,
    /// as brat's own tools would read it, but no annotation of Gloss's is lost, so not skipped.
    fn ignore(&mut self, path: &Path, line: usize, message: impl fmt::Display) {
        self.out
            .notices
            .push(format!("{}:{line}: {message}; ignored", path.display()));
    }

    fn skip(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.out.skipped.push(Skipped {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        });
    }

    fn ensure_label(&mut self, name: &str) {
        if self.labels.contains(name) {
            return;
        }
        let label = LabelDef {
            name: name.to_string(),
            color: self.labels.next_color(),
            key: self.labels.free_key(),
            description: String::new(),
        };
        self.labels.labels.push(label.clone());
        self.out.labels.push(label);
    }

    // ------------------------------------------------------------------------------ files

    /// The (`.ann`, `.txt`) pairs `paths` name, in order, each once.
    fn find_pairs(&mut self, paths: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
        let mut pairs = Vec::new();
        let mut seen = HashSet::new();
        for path in paths {
            if path.is_dir() {
                let mut anns = Vec::new();
                let mut texts = Vec::new();
                let problems = walk(path, &mut anns, &mut texts);
                self.errors.extend(problems);
                let ann_set: HashSet<PathBuf> = anns.iter().cloned().collect();
                for t in texts {
                    if !ann_set.contains(&t.with_extension("ann")) {
                        self.out.notices.push(format!(
                            "{}: no {} beside it; not imported",
                            t.display(),
                            file_name(&t.with_extension("ann"))
                        ));
                    }
                }
                for ann in anns {
                    let txt = ann.with_extension("txt");
                    if !txt.is_file() {
                        self.errors.push(IoError::Other {
                            path: ann.clone(),
                            message: format!(
                                "no {} beside it; brat keeps the text in a .txt of the same name",
                                file_name(&txt)
                            ),
                        });
                    } else if seen.insert(ann.clone()) {
                        pairs.push((ann, txt));
                    }
                }
                continue;
            }
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let (ann, txt) = match ext.as_str() {
                "ann" => (path.clone(), path.with_extension("txt")),
                "txt" => (path.with_extension("ann"), path.clone()),
                _ => {
                    let message = if path.exists() {
                        "not a brat file: name a NAME.ann, a NAME.txt or a folder"
                    } else {
                        "no such file or folder"
                    };
                    self.errors.push(IoError::Other {
                        path: path.clone(),
                        message: message.into(),
                    });
                    continue;
                }
            };
            for p in [&txt, &ann] {
                if !p.is_file() {
                    self.errors.push(IoError::Other {
                        path: p.clone(),
                        message: "not found; brat needs NAME.txt and NAME.ann side by side".into(),
                    });
                }
            }
            if txt.is_file() && ann.is_file() && seen.insert(ann.clone()) {
                pairs.push((ann, txt));
            }
        }
        pairs
    }

    /// The text of `txt` exactly, and the `.ann` source (a byte-order mark dropped).
    fn read_pair(&mut self, ann: &Path, txt: &Path) -> Option<(String, String)> {
        let text = self.read_utf8(txt)?;
        let source = self.read_utf8(ann)?;
        let source = source
            .strip_prefix('\u{feff}')
            .unwrap_or(&source)
            .to_string();
        Some((text, source))
    }

    fn read_utf8(&mut self, path: &Path) -> Option<String> {
        use super::files::{self, Links};
        let bytes = match files::read_regular(path, Links::Follow, files::TEXT_CAP) {
            Ok(b) => b,
            Err(e) => {
                self.errors.push(e);
                return None;
            }
        };
        match String::from_utf8(bytes) {
            Ok(s) => Some(s),
            Err(e) => {
                let bytes = e.as_bytes();
                self.errors
                    .push(IoError::not_utf8(path, bytes, e.utf8_error()));
                None
            }
        }
    }

    // ------------------------------------------------------------------------------ lines

    /// Read every line of an `.ann` file, checking offsets and texts against `doc`.
    fn parse(&mut self, ann: &Path, source: &str, doc: &Document) -> Parsed {
        let mut p = Parsed::default();
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (i, raw) in source.split('\n').enumerate() {
            let line_no = i + 1;
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if line.trim().is_empty() {
                continue;
            }
            let column = |byte: usize| line[..byte].chars().count() + 1;
            let mut err = |col: usize, message: String| {
                self.errors.push(parse_error(ann, line_no, col, message));
            };
            let Some((id, rest)) = line.split_once('\t') else {
                err(
                    1,
                    "no tab after the id; a brat line is ID<TAB>DATA[<TAB>TEXT]".into(),
                );
                continue;
            };
            let mid_col = column(id.len() + 1);
            let (mid, text, text_col) = match rest.split_once('\t') {
                Some((m, t)) => (m, Some(t), column(id.len() + 1 + m.len() + 1)),
                None => (rest, None, 0),
            };
            let kind = id.chars().next().unwrap_or(' ');
            if kind == '*' {
                let message = format!("equivalence {mid:?}: Gloss links mentions through entities");
                self.ignore(ann, line_no, message);
                continue;
            }
            if !"TREAMN#".contains(kind) || id.len() < 2 || id.contains(char::is_whitespace) {
                err(
                    1,
                    format!(
                        "{id:?} is not a brat annotation: the id starts with T, R, E, A, M, N, # or *"
                    ),
                );
                continue;
            }
            if let Some(first) = ids.get(id) {
                err(1, format!("{id} is defined twice (first on line {first})"));
                continue;
            }
            ids.insert(id.to_string(), line_no);
            // brat's own parser ignores whatever follows the data column of R, E, A and M
            // lines (brat writes a trailing tab after relations; some tools add a comment).
            let words: Vec<&str> = mid.split_whitespace().collect();
            match kind {
                'T' => {
                    let Some((label, offsets)) = mid.split_once(char::is_whitespace) else {
                        err(
                            mid_col,
                            format!("{id}: expected TYPE START END, got {mid:?}"),
                        );
                        continue;
                    };
                    let Some(frags) = parse_offsets(offsets) else {
                        err(
                            mid_col + label.chars().count() + 1,
                            format!(
                                "{id}: offsets {:?} are not START END pairs (START END;START END for fragments)",
                                offsets.trim()
                            ),
                        );
                        continue;
                    };
                    let len = doc.char_len();
                    if let Some(r) = frags.iter().find(|r| r.start >= r.end || r.end > len) {
                        let why = if r.start >= r.end {
                            "is empty or reversed".to_string()
                        } else {
                            format!("runs past the end of the text ({len} characters)")
                        };
                        err(
                            mid_col + label.chars().count() + 1,
                            format!("{id}: range {} {} {why}", r.start, r.end),
                        );
                        continue;
                    }
                    let Some(text) = text else {
                        err(
                            mid_col,
                            format!(
                                "{id}: no text column; brat writes the covered text after a second tab"
                            ),
                        );
                        continue;
                    };
                    let covered: Vec<&str> =
                        frags.iter().map(|r| doc.slice(r.start, r.end)).collect();
                    let covered = covered.join(" ");
                    if covered != text {
                        err(
                            text_col,
                            format!(
                                "{id}: the text column {text:?} does not match the document's text {covered:?} at {}",
                                describe_ranges(&frags)
                            ),
                        );
                        continue;
                    }
                    let mut frags = frags;
                    frags.sort();
                    p.tb_order.push(id.to_string());
                    p.tbs.insert(
                        id.to_string(),
                        TextBound {
                            line: line_no,
                            label: label.to_string(),
                            role: role_of(label),
                            frags,
                        },
                    );
                }
                'R' => {
                    let args: Option<Vec<(&str, &str)>> =
                        words.iter().skip(1).map(|w| w.split_once(':')).collect();
                    match (words.first(), args.as_deref()) {
                        (Some(k), Some([a, b])) => {
                            // Arguments are named; brat writes Arg1 first, but order by name.
                            let (a, b) = if a.0 == "Arg2" && b.0 == "Arg1" {
                                (b, a)
                            } else {
                                (a, b)
                            };
                            p.relations.push(Relation {
                                line: line_no,
                                id: id.to_string(),
                                kind: k.to_string(),
                                arg1: a.1.to_string(),
                                arg2: b.1.to_string(),
                            });
                        }
                        _ => err(
                            mid_col,
                            format!("{id}: expected TYPE Arg1:ID Arg2:ID, got {mid:?}"),
                        ),
                    }
                }
                'E' => {
                    let parts: Option<Vec<(&str, &str)>> =
                        words.iter().map(|w| w.split_once(':')).collect();
                    match parts.as_deref() {
                        Some([(k, trigger), args @ ..]) => p.events.push(Event {
                            line: line_no,
                            id: id.to_string(),
                            kind: k.to_string(),
                            trigger: trigger.to_string(),
                            args: args
                                .iter()
                                .map(|(r, a)| (r.to_string(), a.to_string()))
                                .collect(),
                        }),
                        _ => err(
                            mid_col,
                            format!("{id}: expected TYPE:TRIGGER ROLE:ID…, got {mid:?}"),
                        ),
                    }
                }
                'A' | 'M' => match words.as_slice() {
                    [name, target] | [name, target, _] => p.attributes.push(Attribute {
                        line: line_no,
                        id: id.to_string(),
                        name: name.to_string(),
                        target: target.to_string(),
                        value: words.get(2).map(|v| v.to_string()),
                    }),
                    _ => err(
                        mid_col,
                        format!("{id}: expected TYPE TARGET [VALUE], got {mid:?}"),
                    ),
                },
                'N' => match words.as_slice() {
                    [_, target, key] if key.contains(':') => {
                        let text = text.map(str::trim).unwrap_or_default();
                        let text = if text.is_empty() {
                            key.split_once(':').map(|(_, i)| i).unwrap_or(key)
                        } else {
                            text
                        };
                        p.normalisations.push(Normalisation {
                            line: line_no,
                            id: id.to_string(),
                            target: target.to_string(),
                            key: key.to_string(),
                            text: text.to_string(),
                        });
                    }
                    _ => err(
                        mid_col,
                        format!("{id}: expected TYPE TARGET DB:ID, got {mid:?}"),
                    ),
                },
                '#' => match words.as_slice() {
                    [_, target] => p.notes.push(Note {
                        line: line_no,
                        target: target.to_string(),
                        text: text.unwrap_or_default().trim().to_string(),
                    }),
                    _ => err(mid_col, format!("{id}: expected TYPE TARGET, got {mid:?}")),
                },
                _ => err(1, format!("{id:?} is not a brat annotation")),
            }
        }
        self.check_references(ann, &p, &ids);
        p
    }

    /// Every id a line refers to must be defined in the same file.
    fn check_references(&mut self, ann: &Path, p: &Parsed, ids: &HashMap<String, usize>) {
        let mut refs: Vec<(usize, &str, &str)> = Vec::new();
        for r in &p.relations {
            refs.push((r.line, &r.id, &r.arg1));
            refs.push((r.line, &r.id, &r.arg2));
        }
        for e in &p.events {
            refs.push((e.line, &e.id, &e.trigger));
            for (_, a) in &e.args {
                refs.push((e.line, &e.id, a));
            }
        }
        for a in &p.attributes {
            refs.push((a.line, &a.id, &a.target));
        }
        for n in &p.normalisations {
            refs.push((n.line, &n.id, &n.target));
        }
        for n in &p.notes {
            refs.push((n.line, "the note", &n.target));
        }
        let mut missing: Vec<(usize, String)> = refs
            .into_iter()
            .filter(|(_, _, target)| !ids.contains_key(*target))
            .map(|(line, id, target)| {
                (
                    line,
                    format!("{id} refers to {target}, which this file does not define"),
                )
            })
            .collect();
        // Events must be triggered by text.
        for e in &p.events {
            if ids.contains_key(&e.trigger) && !p.tbs.contains_key(&e.trigger) {
                missing.push((
                    e.line,
                    format!("{}: the trigger {} is not a T annotation", e.id, e.trigger),
                ));
            }
        }
        missing.sort();
        for (line, message) in missing {
            self.errors.push(parse_error(ann, line, 1, message));
        }
    }

    // ------------------------------------------------------------------------ one document

    /// Spans and quotes of one file, with cues, kinds and notes; speakers and entity links
    /// come later, once every file is read.
    fn draft(&mut self, ann: PathBuf, document: Document, parsed: Parsed) -> Draft {
        let mut d = Draft {
            ann,
            document,
            parsed,
            spans: Vec::new(),
            span_of: HashMap::new(),
            lost: HashMap::new(),
            quotes: Vec::new(),
            quote_of: HashMap::new(),
            speaker_notes: Vec::new(),
        };
        self.entity_spans(&mut d);
        self.quotes(&mut d);
        self.relations(&mut d);
        self.attributes(&mut d);
        self.notes(&mut d);
        self.unused_cues(&mut d);
        d
    }

    /// One stretch of text for a mention or cue `T`, or a skip naming why not.
    fn one_range(&mut self, d: &mut Draft, id: &str, what: &str) -> Option<CharRange> {
        let tb = d.parsed.tbs.get(id)?;
        let merged = close_gaps(&d.document, &tb.frags);
        if let [r] = merged.as_slice() {
            return Some(*r);
        }
        let (line, label) = (tb.line, tb.label.clone());
        let frags = describe_ranges(&tb.frags);
        d.lost.insert(id.to_string(), line);
        self.skip(
            &d.ann,
            line,
            format!(
                "{id} ({label}) has fragments {frags} with text between them; {what} is one stretch of text"
            ),
        );
        None
    }

    fn entity_spans(&mut self, d: &mut Draft) {
        let ids: Vec<String> = d.parsed.tb_order.clone();
        for id in ids {
            let Some(tb) = d.parsed.tbs.get(&id) else {
                continue;
            };
            if tb.role != Role::Entity {
                continue;
            }
            let (label, line) = (tb.label.clone(), tb.line);
            let Some(range) = self.one_range(d, &id, "a span") else {
                continue;
            };
            if let Some(same) = d
                .spans
                .iter()
                .find(|s| s.range() == range && s.label == label)
            {
                self.out.notices.push(format!(
                    "{}:{line}: {id} repeats another {label} span at {range}; kept once",
                    d.ann.display()
                ));
                d.span_of.insert(id, same.id);
                continue;
            }
            self.ensure_label(&label);
            let mut span = Span::new(d.next_span_id(), range, label);
            span.origin = Origin::Imported {
                format: FORMAT.into(),
            };
            d.span_of.insert(id, span.id);
            d.spans.push(span);
        }
    }

    /// A quote for every quotation event and every `Quote` span no event claims.
    fn quotes(&mut self, d: &mut Draft) {
        let events = std::mem::take(&mut d.parsed.events);
        for e in &events {
            let is_quote = ["Quote", "Quotation", "Speech"]
                .iter()
                .any(|k| e.kind.eq_ignore_ascii_case(k));
            if !is_quote {
                self.skip(
                    &d.ann,
                    e.line,
                    format!(
                        "{}: event type {} is not a quotation (Quote or Quotation)",
                        e.id, e.kind
                    ),
                );
                continue;
            }
            let Some(role) = d.parsed.tbs.get(&e.trigger).map(|t| t.role) else {
                continue;
            };
            let qi = d.quotes.len();
            d.quotes.push(QuoteDraft {
                anchor: e.id.clone(),
                line: e.line,
                content: Vec::new(),
                cue: None,
                speaker: None,
                kind: None,
                note: None,
                attributes: Default::default(),
            });
            d.quote_of.insert(e.id.clone(), qi);
            match role {
                Role::Quote => self.claim_content(d, qi, &e.trigger, e.line),
                Role::Cue => self.set_cue(d, qi, &e.trigger, e.line),
                Role::Entity | Role::Speaker => self.skip(
                    &d.ann,
                    e.line,
                    format!(
                        "{}: the trigger {} is neither the quote nor its speech verb",
                        e.id, e.trigger
                    ),
                ),
            }
            for (role, arg) in &e.args {
                match base_role(role).to_ascii_lowercase().as_str() {
                    "content" | "quote" => self.claim_content(d, qi, arg, e.line),
                    "speaker" | "source" => self.set_speaker(d, qi, arg, e.line),
                    "cue" => self.set_cue(d, qi, arg, e.line),
                    _ => self.skip(
                        &d.ann,
                        e.line,
                        format!(
                            "{}: role {role}:{arg} is not read (roles: Content, Speaker, Cue)",
                            e.id
                        ),
                    ),
                }
            }
        }
        d.parsed.events = events;
        for id in d.parsed.tb_order.clone() {
            let Some(tb) = d.parsed.tbs.get(&id) else {
                continue;
            };
            if tb.role != Role::Quote || d.quote_of.contains_key(&id) {
                continue;
            }
            let line = tb.line;
            let qi = d.quotes.len();
            d.quotes.push(QuoteDraft {
                anchor: id.clone(),
                line,
                content: Vec::new(),
                cue: None,
                speaker: None,
                kind: None,
                note: None,
                attributes: Default::default(),
            });
            self.claim_content(d, qi, &id, line);
        }
    }

    fn claim_content(&mut self, d: &mut Draft, qi: usize, id: &str, line: usize) {
        let Some(tb) = d.parsed.tbs.get(id) else {
            return;
        };
        if tb.role != Role::Quote {
            let label = tb.label.clone();
            self.skip(
                &d.ann,
                line,
                format!("{id} ({label}) cannot be a quote's content; only Quote spans can"),
            );
            return;
        }
        if let Some(&other) = d.quote_of.get(id)
            && other != qi
        {
            let by = d.quotes[other].anchor.clone();
            self.skip(&d.ann, line, format!("{id} is already the content of {by}"));
            return;
        }
        let ranges = close_gaps(&d.document, &tb.frags);
        d.quote_of.insert(id.to_string(), qi);
        let q = &mut d.quotes[qi];
        q.content.extend(ranges);
        q.content = close_gaps(&d.document, &q.content);
    }

    /// The quote a line's target means, or a skip saying why there is none.
    fn quote_target(&mut self, d: &Draft, target: &str, line: usize, what: &str) -> Option<usize> {
        if let Some(&qi) = d.quote_of.get(target) {
            return Some(qi);
        }
        let is = match d.parsed.tbs.get(target) {
            Some(tb) => format!("{target} is a {}", tb.label),
            None => format!("{target} is not a quote"),
        };
        self.skip(&d.ann, line, format!("{what}: {is}, not a quote"));
        None
    }

    fn set_cue(&mut self, d: &mut Draft, qi: usize, id: &str, line: usize) {
        let Some(tb) = d.parsed.tbs.get(id) else {
            return;
        };
        if tb.role != Role::Cue {
            let label = tb.label.clone();
            self.skip(
                &d.ann,
                line,
                format!("{id} ({label}) cannot be a cue; only Cue spans can"),
            );
            return;
        }
        if let Some(&lost) = d.lost.get(id) {
            self.skip(
                &d.ann,
                line,
                format!("the cue {id} was skipped (line {lost})"),
            );
            return;
        }
        let Some(range) = self.one_range(d, id, "a cue") else {
            return;
        };
        let q = &mut d.quotes[qi];
        match q.cue {
            Some((r, _)) if r == range => {}
            Some((r, by)) => {
                let anchor = q.anchor.clone();
                self.skip(
                    &d.ann,
                    line,
                    format!("{anchor} already has the cue {r} (line {by})"),
                );
            }
            None => q.cue = Some((range, line)),
        }
    }

    fn set_speaker(&mut self, d: &mut Draft, qi: usize, id: &str, line: usize) {
        let Some(tb) = d.parsed.tbs.get(id) else {
            return;
        };
        if !matches!(tb.role, Role::Entity | Role::Speaker) {
            let label = tb.label.clone();
            self.skip(
                &d.ann,
                line,
                format!("{id} ({label}) cannot be a speaker; a speaker is a mention"),
            );
            return;
        }
        if let Some(&lost) = d.lost.get(id) {
            self.skip(
                &d.ann,
                line,
                format!("the speaker mention {id} was skipped (line {lost})"),
            );
            return;
        }
        let q = &mut d.quotes[qi];
        match &q.speaker {
            Some((s, _)) if s == id => {}
            Some((s, by)) => {
                let msg = format!("{} already has the speaker {s} (line {by})", q.anchor);
                self.skip(&d.ann, line, msg);
            }
            None => q.speaker = Some((id.to_string(), line)),
        }
    }

    fn relations(&mut self, d: &mut Draft) {
        let relations = std::mem::take(&mut d.parsed.relations);
        for r in &relations {
            let kind = r.kind.to_ascii_lowercase();
            if kind != "cue" && kind != "speaker" {
                self.skip(
                    &d.ann,
                    r.line,
                    format!(
                        "{}: relation type {} is not read (Gloss reads Speaker and Cue)",
                        r.id, r.kind
                    ),
                );
                continue;
            }
            let what = format!("{} {}", r.id, r.kind);
            let Some(qi) = self.quote_target(d, &r.arg1, r.line, &what) else {
                continue;
            };
            if kind == "cue" {
                self.set_cue(d, qi, &r.arg2, r.line);
            } else {
                self.set_speaker(d, qi, &r.arg2, r.line);
            }
        }
        d.parsed.relations = relations;
    }

    fn attributes(&mut self, d: &mut Draft) {
        let attributes = std::mem::take(&mut d.parsed.attributes);
        for a in &attributes {
            let kind = match &a.value {
                Some(v)
                    if a.name.eq_ignore_ascii_case("Kind")
                        || a.name.eq_ignore_ascii_case("QuoteType") =>
                {
                    match kind_named(v) {
                        Some(k) => Some(k),
                        None => {
                            self.errors.push(parse_error(
                                &d.ann,
                                a.line,
                                1,
                                format!(
                                    "{}: {v:?} is not a quote kind (Direct, Indirect or Mixed)",
                                    a.id
                                ),
                            ));
                            continue;
                        }
                    }
                }
                None => kind_named(&a.name),
                Some(_) => None,
            };
            if kind.is_none()
                && let Some(v) = &a.value
                && self.other_attribute(d, &a.target, &a.name, v)
            {
                continue;
            }
            let Some(kind) = kind else {
                let value = a
                    .value
                    .as_deref()
                    .map(|v| format!(" {v}"))
                    .unwrap_or_default();
                self.ignore(
                    &d.ann,
                    a.line,
                    format!(
                        "{}: attribute {}{value} is not read (Gloss reads a quote's Kind)",
                        a.id, a.name
                    ),
                );
                continue;
            };
            let what = format!("{} {}", a.id, a.name);
            let Some(qi) = self.quote_target(d, &a.target, a.line, &what) else {
                continue;
            };
            let q = &mut d.quotes[qi];
            match q.kind {
                Some((k, _)) if k == kind => {}
                Some((k, by)) => {
                    let msg = format!("{}: {} is already {} (line {by})", a.id, q.anchor, k.name());
                    self.skip(&d.ann, a.line, msg);
                }
                None => q.kind = Some((kind, a.line)),
            }
        }
        d.parsed.attributes = attributes;
    }

    /// An `A` line on a span's or quote's `T`: that item's attribute. False when it names
    /// neither.
    fn other_attribute(&mut self, d: &mut Draft, target: &str, name: &str, value: &str) -> bool {
        let (attrs, kind) = if let Some(s) = d.span_of.get(target).copied() {
            match d.span_mut(s) {
                Some(s) => (&mut s.attributes, crate::model::AttrTarget::Span),
                None => return false,
            }
        } else if let Some(&qi) = d.quote_of.get(target) {
            (
                &mut d.quotes[qi].attributes,
                crate::model::AttrTarget::Quote,
            )
        } else {
            return false;
        };
        self.codes.attribute(attrs, kind, name, value).is_ok()
    }

    fn notes(&mut self, d: &mut Draft) {
        let notes = std::mem::take(&mut d.parsed.notes);
        for n in &notes {
            let prefix = "speaker=";
            let named = n
                .text
                .get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(prefix));
            let Some(name) = named.then(|| n.text[prefix.len()..].trim()) else {
                self.ignore(
                    &d.ann,
                    n.line,
                    format!(
                        "note {:?} on {} is not read (Gloss reads speaker=NAME on quotes)",
                        n.text, n.target
                    ),
                );
                continue;
            };
            if name.is_empty() {
                self.skip(&d.ann, n.line, "speaker= names nobody");
                continue;
            }
            let Some(qi) = self.quote_target(d, &n.target, n.line, "speaker= note") else {
                continue;
            };
            let q = &mut d.quotes[qi];
            match &q.note {
                Some((other, _)) if other == name => {}
                Some((other, by)) => {
                    let msg = format!(
                        "{} is already said by {other:?} (line {by}), not {name:?}",
                        q.anchor
                    );
                    self.skip(&d.ann, n.line, msg);
                }
                None => q.note = Some((name.to_string(), n.line)),
            }
        }
        d.parsed.notes = notes;
    }

    /// Cues no `R… Cue` line names. One alone on a line of text with exactly one cueless quote
    /// is that quote's cue (brat users often draw only the speaker relation: "Merkel said
    /// “hi”"); any other is skipped and reported.
    fn unused_cues(&mut self, d: &mut Draft) {
        let used: HashSet<(usize, usize)> = d
            .quotes
            .iter()
            .filter_map(|q| q.cue.map(|(r, _)| (r.start, r.end)))
            .collect();
        let mut orphans: Vec<(String, usize, Vec<CharRange>)> = Vec::new();
        for id in &d.parsed.tb_order {
            let Some(tb) = d.parsed.tbs.get(id) else {
                continue;
            };
            if tb.role != Role::Cue || d.lost.contains_key(id) {
                continue;
            }
            let merged = close_gaps(&d.document, &tb.frags);
            let is_used = merged.len() == 1 && used.contains(&(merged[0].start, merged[0].end));
            if !is_used {
                orphans.push((id.clone(), tb.line, merged));
            }
        }
        let one_line = |doc: &Document, a: CharRange, b: CharRange| {
            let (lo, hi) = (a.start.min(b.start), a.end.max(b.end));
            !doc.slice(lo, hi).contains('\n')
        };
        let single: Vec<Option<CharRange>> = orphans
            .iter()
            .map(|(_, _, m)| match m.as_slice() {
                [r] => Some(*r),
                _ => None,
            })
            .collect();
        for (i, (id, line, _)) in orphans.iter().enumerate() {
            if let Some(r) = single[i] {
                let alone = single
                    .iter()
                    .enumerate()
                    .all(|(j, o)| j == i || !o.is_some_and(|o| one_line(&d.document, r, o)));
                let quotes: Vec<usize> = (0..d.quotes.len())
                    .filter(|&q| {
                        d.quotes[q].cue.is_none()
                            && d.quotes[q]
                                .content
                                .iter()
                                .all(|c| one_line(&d.document, r, *c))
                    })
                    .collect();
                if let (true, [q]) = (alone, quotes.as_slice()) {
                    d.quotes[*q].cue = Some((r, *line));
                    continue;
                }
            }
            self.skip(
                &d.ann,
                *line,
                format!("the cue {id} belongs to no quote (no R Cue line names it)"),
            );
        }
    }

    // ------------------------------------------------------------------------ entities

    /// Link spans to canonical entities from `N` lines across every file (see the module doc).
    fn link_normalisations(&mut self, drafts: &mut [Draft]) {
        struct Group {
            texts: Vec<String>,
            labels: Vec<String>,
            /// (draft, span) pairs to link.
            spans: Vec<(usize, SpanId)>,
        }
        let mut order: Vec<String> = Vec::new();
        let mut groups: HashMap<String, Group> = HashMap::new();
        for (di, d) in drafts.iter_mut().enumerate() {
            let norms = std::mem::take(&mut d.parsed.normalisations);
            let mut linked: HashMap<SpanId, (String, usize)> = HashMap::new();
            for n in &norms {
                let Some(&span) = d.span_of.get(&n.target) else {
                    let why = match (d.lost.get(&n.target), d.parsed.tbs.get(&n.target)) {
                        (Some(line), _) => format!("{} was skipped (line {line})", n.target),
                        (None, Some(tb)) => format!("{} is a {}, not a name", n.target, tb.label),
                        (None, None) => format!("{} is not a span", n.target),
                    };
                    self.skip(&d.ann, n.line, format!("{}: {why}", n.id));
                    continue;
                };
                match linked.get(&span) {
                    Some((key, _)) if *key == n.key => continue,
                    Some((key, by)) => {
                        let msg = format!(
                            "{}: {} is already normalised to {key} (line {by})",
                            n.id, n.target
                        );
                        self.skip(&d.ann, n.line, msg);
                        continue;
                    }
                    None => {
                        linked.insert(span, (n.key.clone(), n.line));
                    }
                }
                let label = d.span(span).map(|s| s.label).unwrap_or_default();
                let g = groups.entry(n.key.clone()).or_insert_with(|| {
                    order.push(n.key.clone());
                    Group {
                        texts: Vec::new(),
                        labels: Vec::new(),
                        spans: Vec::new(),
                    }
                });
                g.texts.push(n.text.clone());
                g.labels.push(label.to_string());
                g.spans.push((di, span));
            }
            d.parsed.normalisations = norms;
        }
        for key in order {
            let Some(g) = groups.remove(&key) else {
                continue;
            };
            let name = if g.texts.iter().all(|t| *t == g.texts[0]) {
                g.texts[0].clone()
            } else {
                wiki_title(&key).unwrap_or_else(|| most_common(&g.texts))
            };
            let label = most_common(&g.labels);
            let ei = match self.registry.find_exact(&name, &label) {
                Some(i) => i,
                None => self.registry.create(&name, &label),
            };
            let id = self.registry.entities[ei].id;
            for (di, span) in g.spans {
                if let Some(s) = drafts[di].span_mut(span) {
                    s.entity = Some(id);
                }
            }
        }
    }

    /// Make the speaker spans of one document and link speakers named in notes.
    fn attach_speakers(&mut self, d: &mut Draft) {
        // Speaker spans, made once per T; a Speaker T on the range of a name reuses the name.
        let mut speaker_span: HashMap<String, SpanId> = HashMap::new();
        for qi in 0..d.quotes.len() {
            let note = d.quotes[qi].note.clone();
            let Some((tid, _)) = d.quotes[qi].speaker.clone() else {
                if let Some((name, _)) = note {
                    self.name_without_mention(d, qi, name);
                }
                continue;
            };
            let span = match d.span_of.get(&tid) {
                Some(&s) => Some(s),
                None => match speaker_span.get(&tid) {
                    Some(&s) => Some(s),
                    None => {
                        let s = self.speaker_mention(d, &tid, note.as_ref().map(|n| &n.0));
                        if let Some(s) = s {
                            speaker_span.insert(tid.clone(), s);
                        }
                        s
                    }
                },
            };
            let Some((name, line)) = note else {
                continue;
            };
            let Some(span) = span else {
                // The mention was skipped (reported there); the name survives on the side.
                self.name_without_mention(d, qi, name);
                continue;
            };
            let Some(label) = d.span(span).map(|s| s.label) else {
                continue;
            };
            let ei = self.entity_named(&name, &label);
            let id = self.registry.entities[ei].id;
            let Some(s) = d.span_mut(span) else {
                continue;
            };
            match s.entity {
                None => s.entity = Some(id),
                Some(e) if e == id => {}
                Some(e) => {
                    let other = self
                        .registry
                        .entities
                        .iter()
                        .find(|x| x.id == e)
                        .map(|x| x.name.clone())
                        .unwrap_or_default();
                    let msg = format!(
                        "speaker={name}: the mention {tid} already stands for {other:?}; kept that"
                    );
                    self.skip(&d.ann, line, msg);
                }
            }
        }
        // Speaker spans no quote names are mentions all the same.
        for id in d.parsed.tb_order.clone() {
            let is_speaker = d.parsed.tbs.get(&id).map(|t| t.role) == Some(Role::Speaker);
            if is_speaker
                && !speaker_span.contains_key(&id)
                && !d.lost.contains_key(&id)
                && let Some(s) = self.speaker_mention(d, &id, None)
            {
                speaker_span.insert(id, s);
            }
        }
        for (tid, span) in speaker_span {
            d.span_of.insert(tid, span);
        }
    }

    /// A quote's speaker known only by name: the entity is made sure of, the name kept on the
    /// side (see the module doc).
    fn name_without_mention(&mut self, d: &mut Draft, qi: usize, name: String) {
        let label = self
            .registry
            .find(&name, SPEAKER_LABEL)
            .map(|i| self.registry.entities[i].label.clone())
            .unwrap_or_else(|| SPEAKER_LABEL.to_string());
        self.entity_named(&name, &label);
        d.speaker_notes.push((qi, name));
    }

    /// The entity called `name` (any label, preferring `label`), created with `label` if none.
    fn entity_named(&mut self, name: &str, label: &str) -> usize {
        match self.registry.find(name, label) {
            Some(i) => i,
            None => {
                self.ensure_label(label);
                self.registry.create(name, label)
            }
        }
    }

    /// The span for a `Speaker` T: a pronoun or a description, labelled after the entity its
    /// note names when that exists, else PERSON. Reuses a span on the same range.
    fn speaker_mention(
        &mut self,
        d: &mut Draft,
        tid: &str,
        note: Option<&String>,
    ) -> Option<SpanId> {
        let range = self.one_range(d, tid, "a speaker mention")?;
        if let Some(s) = d.spans.iter().find(|s| s.range() == range) {
            return Some(s.id);
        }
        let label = note
            .and_then(|n| self.registry.find(n, SPEAKER_LABEL))
            .map(|i| self.registry.entities[i].label.clone())
            .unwrap_or_else(|| SPEAKER_LABEL.to_string());
        self.ensure_label(&label);
        let mut span = Span::new(d.next_span_id(), range, label);
        span.mention = if d.document.is_pronoun_at(range.start, range.end) {
            Mention::Pronoun
        } else {
            Mention::Nominal
        };
        span.origin = Origin::Imported {
            format: FORMAT.into(),
        };
        let id = span.id;
        d.spans.push(span);
        Some(id)
    }

    // ------------------------------------------------------------------------ assembly

    fn finish(mut self, drafts: Vec<Draft>) -> BratImport {
        (self.out.schemes, self.out.attributes) = std::mem::take(&mut self.codes).finish();
        let mut docs = Vec::with_capacity(drafts.len());
        for d in drafts {
            docs.push(self.assemble(d));
        }
        // Aliases: the texts of linked names that differ from the entity's name.
        let index: HashMap<EntityId, usize> = (self.registry.entities.iter().enumerate())
            .map(|(i, e)| (e.id, i))
            .collect();
        for d in &docs {
            for s in d.document.spans.iter().filter(|s| s.mention.is_name()) {
                let Some(&i) = s.entity.and_then(|e| index.get(&e)) else {
                    continue;
                };
                let text = d.document.slice(s.start, s.end);
                let entity = &mut self.registry.entities[i];
                if !entity.is_called(text) {
                    entity.aliases.push(text.to_string());
                    if i < self.registry.existing {
                        self.registry.grown.insert(i);
                    }
                }
            }
        }
        let existing = self.registry.existing;
        self.out.updated_entities = self
            .registry
            .grown
            .iter()
            .map(|&i| self.registry.entities[i].clone())
            .collect();
        self.out.new_entities = self.registry.entities.split_off(existing);
        self.out.documents = docs;
        self.out
    }

    fn assemble(&mut self, d: Draft) -> BratDoc {
        let Draft {
            ann,
            mut document,
            spans,
            span_of,
            quotes,
            speaker_notes,
            ..
        } = d;
        document.spans = spans;
        document.resort_spans();
        // Quote ids follow text order.
        let mut order: Vec<usize> = (0..quotes.len())
            .filter(|&qi| {
                if quotes[qi].content.is_empty() {
                    self.skip(
                        &ann,
                        quotes[qi].line,
                        format!("{} has no Content", quotes[qi].anchor),
                    );
                    false
                } else {
                    true
                }
            })
            .collect();
        order.sort_by_key(|&qi| (quotes[qi].content[0].start, qi));
        let mut quote_id: HashMap<usize, QuoteId> = HashMap::new();
        for (n, &qi) in order.iter().enumerate() {
            let q = &quotes[qi];
            let id = QuoteId(n as u64 + 1);
            quote_id.insert(qi, id);
            document.insert_quote(Quote {
                id,
                content: q.content.clone(),
                speaker: q
                    .speaker
                    .as_ref()
                    .and_then(|(tid, _)| span_of.get(tid).copied()),
                cue: q.cue.map(|(r, _)| r),
                kind: q.kind.map(|(k, _)| k).unwrap_or_default(),
                origin: Origin::Imported {
                    format: FORMAT.into(),
                },
                attributes: q.attributes,
            });
        }
        let speaker_notes = speaker_notes
            .into_iter()
            .filter_map(|(qi, name)| Some((*quote_id.get(&qi)?, name)))
            .collect();
        BratDoc {
            document,
            ann,
            speaker_notes,
        }
    }
}

/// The most frequent string; ties go to the longer, then the earlier.
fn most_common(items: &[String]) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in items {
        *counts.entry(s).or_insert(0) += 1;
    }
    let mut best: Option<&str> = None;
    for s in items {
        let better = match best {
            None => true,
            Some(b) => (counts[s.as_str()], s.chars().count()) > (counts[b], b.chars().count()),
        };
        if better {
            best = Some(s);
        }
    }
    best.unwrap_or_default().to_string()
}

/// `START END;START END…` as ranges.
fn parse_offsets(s: &str) -> Option<Vec<CharRange>> {
    s.split(';')
        .map(|pair| {
            let mut it = pair.split_whitespace().map(str::parse::<usize>);
            match (it.next(), it.next(), it.next()) {
                (Some(Ok(a)), Some(Ok(b)), None) => Some(CharRange::new(a, b)),
                _ => None,
            }
        })
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `.ann` and `.txt` files under `dir`, in name order, each once (see [`files::Walker`]: through
/// links but never round a loop); what cannot be taken is named among the problems.
fn walk(dir: &Path, anns: &mut Vec<PathBuf>, texts: &mut Vec<PathBuf>) -> Vec<IoError> {
    use super::files;
    let mut walker = files::Walker::new();
    walker.folder(dir, &files::has_extension(&["ann", "txt"]));
    let found = walker.finish();
    for p in found.files {
        let ann = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ann"));
        if ann {
            anns.push(p);
        } else {
            texts.push(p);
        }
    }
    found.problems
}

#[cfg(test)]
#[path = "brat_tests.rs"]
mod tests;
