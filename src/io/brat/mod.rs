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
//!
//! # Where it is
//! The import is a `Reader` that grows one [`BratImport`]: `pairs` finds and reads the
//! `.ann`/`.txt` files, `lines` parses and checks each `.ann` line, `document` makes one
//! document's spans and quotes of them, `entities` links spans to canonical entities across
//! files, and this module assembles the result. [`export`] writes brat (its own module doc
//! says how); `tests` and `export_tests` hold their tests.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use super::IoError;
use crate::model::{
    DocId, Document, Entity, EntityId, LabelDef, Mention, Origin, Project, Quote, QuoteId,
    QuoteKind,
};

mod document;
mod entities;
pub mod export;
mod lines;
mod pairs;

use document::{Draft, describe_ranges};
use entities::Registry;
pub use export::{BratExport, BratFile, annotation_conf, export, file_stems, write, write_export};
use lines::{Parsed, Role, parse_error};

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

/// Why nothing was imported: every error found, in file and line order (never empty); the
/// same as every other import's.
pub use crate::io::interchange::Rejected;

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
    let mut b = Reader::new(project);
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

// ------------------------------------------------------------------------------- the reader

/// One import on its way: the labels, entities and codes it grows, the errors found, and the
/// result so far. Its methods are spread over this module's parts (see the module doc).
struct Reader {
    labels: crate::model::LabelSet,
    registry: Registry,
    errors: Vec<IoError>,
    /// Category schemes and attributes, as the import grows them (`io::coding`).
    codes: super::coding::Codes,
    out: BratImport,
}

impl Reader {
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

#[cfg(test)]
mod tests;
