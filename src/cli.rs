//! The command line: `gloss [PROJECT.ron]` opens the window; `gloss new`, `import`, `stats`,
//! `export`, `eval`, `agree` and `merge-file` work on project files without one, and
//! `git-setup` makes a repository merge project files with `merge-file` (in `cli/git.rs`).
//!
//! Headless tasks go through the same `app` layer as the window (a `Session`, gestures, commands),
//! so an import from the shell and an import from the menu are one implementation. A project is
//! opened with `Session::open`, which replays a crash journal and says so on stderr; a task that
//! changes the project saves it, which makes the journal redundant, and removes the journal when it
//! is done, as closing the window does.
//!
//! Exit status: 0 on success, 1 on bad input (a line on stderr naming the file, and the line where
//! there is one), 2 on bad usage (clap's own errors). Formats and tasks that are not built yet say
//! "not yet supported" and exit 1 without touching anything.
//!
//! A brat import is all or nothing: `io::brat` reads every file first, and only when nothing is
//! wrong do its labels, entities and documents go in as one command batch (one undo step), built
//! by `brat_command`. That function is a gesture; it lives here only until `app::gestures` has
//! room for it, and the window's import should call the same one.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::agreement;
use crate::app::eval::{self, Annotations, SpeakerNotes};
use crate::app::{Command, CommandError, Session, formats, gestures, review};
use crate::io::annotator::Annotator;
use crate::io::brat::{self, BratImport};
use crate::io::lock::ProjectLock;
use crate::io::{IoError, journal, project_file, text_import, write_atomic};
use crate::model::{DocId, LabelSet, Project, Proposal, Status, Suggestion, validate};
use crate::ui::Launch;

mod breakdown;
mod engine_table;
mod export_args;
mod git;
mod import_args;
mod predictions;
mod split_annotators;
mod suggest_args;

const EXIT_STATUS: &str = "\
Exit status: 0 on success, 1 on bad input (the message names the file and line), 2 on bad usage.";

/// A native workbench for annotating news articles with entities, quotations and speakers.
#[derive(Debug, Parser)]
#[command(
    name = "gloss",
    version,
    args_conflicts_with_subcommands = true,
    after_help = EXIT_STATUS
)]
pub struct Cli {
    /// Project to open in the window; without one, a new untitled project.
    #[arg(value_name = "PROJECT.ron")]
    pub project: Option<PathBuf>,

    /// Save a screenshot of the first settled frame to OUT.png, then quit (for documentation
    /// and tests).
    #[arg(long, value_name = "OUT.png", hide_short_help = true)]
    pub screenshot: Option<PathBuf>,

    #[command(subcommand)]
    pub task: Option<Task>,
}

/// What a command line asks for: the window, or a task run without one.
#[derive(Debug)]
pub enum Invocation {
    Window(Launch),
    Task(Task),
}

impl Cli {
    pub fn invocation(self) -> Invocation {
        match self.task {
            Some(task) => Invocation::Task(task),
            None => Invocation::Window(Launch {
                project: self.project,
                screenshot: self.screenshot,
            }),
        }
    }
}

/// A task run without the window.
#[derive(Debug, Subcommand)]
pub enum Task {
    /// Create an empty project file.
    ///
    /// The project is named after the file (without extension). An existing file is never
    /// overwritten.
    New {
        /// The project file to create.
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// Labels to annotate with, in key order (1, 2, …, 9, 0); default: the news set
        /// PERSON, ORG, GPE, LOC, NORP, EVENT, MISC.
        #[arg(long, value_name = "PERSON,ORG,…", value_delimiter = ',')]
        labels: Option<Vec<String>>,
    },

    /// Add text files and saved web pages, or every .txt and .html file in folders, as
    /// documents; or annotations in another tool's format.
    ///
    /// The project is created if it does not exist. A document is named after its file (without
    /// extension) and holds the file's text exactly, line ends included; a UTF-8 byte-order mark
    /// is dropped and UTF-16 with a byte-order mark is decoded. A web page (.html, .htm, or any
    /// file with `--format html`) becomes its article's text only — no navigation, header,
    /// footer, cookie notice, form or script — one paragraph per block, separated by blank
    /// lines, entities decoded; its title, byline, date, URL and site go into the document's
    /// metadata. Files that are not text (invalid
    /// UTF-8, binary) or are empty are reported on stderr by name and skipped; the others are
    /// still added and the project saved. A file whose name and text are already in the project
    /// is not added twice, so an import can be re-run after adding files to a folder.
    ///
    /// With `--format brat`, each NAME.txt comes with its NAME.ann (folders are walked for .ann
    /// files) and brings its entities, quotes, cues and speakers. This import is all or nothing:
    /// any line that is not valid brat, or whose text column does not match the document, is
    /// reported with its file and line and nothing is added. Annotations that are valid brat but
    /// that Gloss cannot hold (an entity split by other text, an unknown relation) are reported
    /// with file and line and left out; the rest is added.
    ///
    /// With `--format csv` (or `tsv`), each row of a CSV file is a document: the text from
    /// --text-column, the name from --name-column, every other column as metadata. A missing
    /// column lists the header's columns; a row with an empty text is reported and skipped.
    ///
    /// With `--format spacy`, a spaCy DocBin (.spacy) brings each Doc's text, `doc.ents`, every
    /// `doc.spans` group (Gloss's own quotes, speakers and cues as quotes), `doc.cats` as
    /// metadata `cat:LABEL`, and the name, status and metadata Gloss's export keeps in
    /// `user_data`.
    ///
    /// Without `--format`, the files' extension chooses: .csv is csv, .tsv tsv, .html and .htm
    /// html, .spacy spacy, when every path given is such a file; anything else (.txt, folders)
    /// is txt, which reads web pages among text files by their extension too. Paths of
    /// different formats at once (a .csv and a .txt) need `--format`. An explicit `--format`
    /// always wins.
    ///
    /// With `--format label-studio --split-annotators DIR`, every annotator in the files gets a
    /// project of their own, DIR/annotator-ID.ron (their `completed_by` id, else e-mail), with
    /// PROJECT.ron's labels and matcher settings (PROJECT.ron itself is not changed), holding
    /// the tasks they annotated; compare them with `gloss agree DIR/*.ron`. A project already in
    /// DIR is added to, like any import.
    #[command(after_help = "\
Exit status: 0 when every file was imported (or was already in the project); 1 when any file was
skipped (or any brat annotation left out), even though the rest was added and saved, or when
nothing could be read, or a brat file has errors (then nothing is added); 2 on bad usage.")]
    Import {
        /// The project file; created if it does not exist.
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// Files or folders to import.
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// The files' format: txt (text files, and web pages by their .html/.htm extension),
        /// html (every file a web page), csv, tsv, jsonl, brat, doccano, conll, label-studio,
        /// prodigy or spacy. Default: by extension (.csv, .tsv, .html/.htm, .spacy), else txt.
        #[arg(long, value_enum)]
        format: Option<ImportFormat>,
        /// Label Studio: read this annotator's annotation of each task (a `completed_by` user id
        /// or e-mail) instead of the first one; tasks they did not annotate come in without
        /// annotations and are reported. Import once per annotator for `gloss agree`.
        #[arg(long, value_name = "ID", conflicts_with = "split_annotators")]
        annotator: Option<String>,
        /// Label Studio: write every annotator's annotations into a project of their own in
        /// DIR (DIR/annotator-ID.ron, with PROJECT.ron's labels), for `gloss agree`.
        #[arg(long, value_name = "DIR")]
        split_annotators: Option<PathBuf>,
        #[command(flatten)]
        csv: import_args::CsvArgs,
        /// Read the file's spans and quotes (Label Studio: its `predictions`, with their scores
        /// and `model_version`) as suggestions to review, stored in the project, instead of
        /// annotations. The engine is the model_version, else the file's name.
        #[arg(long, conflicts_with = "split_annotators")]
        as_suggestions: bool,
    },

    /// Run every matcher over every document and store the suggestions for review.
    ///
    /// The suggestions go to PROJECT.suggestions.jsonl beside the project (one per line: doc,
    /// start, end, label, text, score, engine, rule, reason, entity; code-point offsets), or to
    /// the file given with -o (`-o -` for standard output). With --accept-all they become
    /// annotations instead, each remembering the rule that proposed it, and the project is
    /// saved. What is already annotated, rejected or never to be suggested is left out.
    /// Outside engines the project switches on (and spaCy with --spacy) run too, each once
    /// over all documents; one that fails stops the command, showing what it wrote on stderr.
    /// Document categories they suggest are lines of their own (doc, category, score, engine),
    /// and --accept-all sets them too.
    #[command(after_help = EXIT_STATUS)]
    Suggest {
        /// The project file.
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// Accept every suggestion instead of leaving them for review.
        #[arg(long)]
        accept_all: bool,
        /// Only suggestions scoring at least this (0 to 1).
        #[arg(long, value_name = "X", value_parser = score)]
        min_score: Option<f32>,
        /// Where to write the suggestions (default PROJECT.suggestions.jsonl; `-` for stdout).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Also read word lists the project names outside its own folder (by default they are
        /// skipped and named, since a project file can name any file on the machine).
        #[arg(long)]
        allow_outside_lists: bool,
        #[command(flatten)]
        engines: suggest_args::EngineArgs,
    },

    /// Write the annotations in another tool's format.
    ///
    /// jsonl is Gloss's native export: one document per line, offsets in code points,
    /// end-exclusive. The output file is replaced atomically; `-o -` writes to standard output.
    #[command(after_help = EXIT_STATUS)]
    Export {
        /// The project file.
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// The format to write.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// File to write, or `-` for standard output; a folder for brat and --per-document.
        #[arg(short, long = "output", value_name = "OUT")]
        output: PathBuf,
        /// Only documents whose status is done.
        #[arg(long)]
        only_done: bool,
        /// Only these labels' spans (comma-separated).
        #[arg(long, value_name = "LABELS", value_delimiter = ',')]
        labels: Option<Vec<String>>,
        /// One file per document, in the folder OUT, in every format (brat always is). Files
        /// are named after their documents, made safe, at most 255 bytes and unique; each
        /// document written under another name is listed as "renamed".
        #[arg(long)]
        per_document: bool,
        #[command(flatten)]
        format_args: export_args::FormatArgs,
    },

    /// Count documents, spans per label, quotes and entities, overall and per document.
    Stats {
        /// The project file.
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
    },

    /// Score one project's annotations against another's.
    ///
    /// Precision, recall and F1 per label (exact: same start, end and label; overlap: same label,
    /// ranges overlap), micro-averaged overall; and for quotes (a match shares at least 30% of
    /// the gold quote), with the accuracy of kinds, speakers and cues among matched quotes.
    /// Documents are paired by name and must have the same text; the others are listed. Only
    /// names count as entities, not pronouns or descriptions, unless --all-mentions.
    ///
    /// Either side may also be a folder of brat files (or one .ann file), read in memory: then
    /// a speaker known only from a `speaker=` note, without a mention (as in LitBank), is scored
    /// too, which a project file cannot record.
    #[command(after_help = EXIT_STATUS)]
    Eval {
        /// The reference annotations: a project, or brat files.
        #[arg(value_name = "GOLD.ron")]
        gold: PathBuf,
        /// The annotations to score: a project, or brat files.
        #[arg(value_name = "PRED.ron")]
        pred: PathBuf,
        /// Count these labels as one, reported as "GPE+LOC"; may be repeated.
        #[arg(long, value_name = "GPE,LOC")]
        merge: Vec<String>,
        /// Only these labels (a merged group counts if any of its labels is listed).
        #[arg(long, value_name = "PERSON,ORG,…", value_delimiter = ',')]
        labels: Option<Vec<String>>,
        /// Count pronoun and description spans as entities too.
        #[arg(long)]
        all_mentions: bool,
        /// Print the numbers as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },

    /// How good the suggestions get as a user annotates: simulate annotating the first N
    /// documents of a gold project (in order) and score each engine, alone and all together,
    /// on the remaining documents.
    ///
    /// The simulated user's annotations are all the engines know: learned strings and the
    /// model learn from the first N documents only. Scores are exact matches on names (as
    /// `gloss eval` counts them), one row per step and engine; `--plot` also draws F1 against
    /// N as a PNG.
    #[command(after_help = EXIT_STATUS)]
    LearnCurve {
        /// The gold annotations: a project, or brat files.
        #[arg(value_name = "GOLD.ron")]
        gold: PathBuf,
        /// Documents annotated at each step.
        #[arg(long, value_name = "10,25,50,100", value_delimiter = ',', default_values_t = [10, 25, 50, 100])]
        steps: Vec<usize>,
        /// Count these labels as one, reported as "GPE+LOC"; may be repeated.
        #[arg(long, value_name = "GPE,LOC")]
        merge: Vec<String>,
        /// Only these labels (a merged group counts if any of its labels is listed).
        #[arg(long, value_name = "PERSON,ORG,…", value_delimiter = ',')]
        labels: Option<Vec<String>>,
        /// Also draw the curve (F1 per engine against documents annotated) as a PNG.
        #[arg(long, value_name = "CURVE.png")]
        plot: Option<PathBuf>,
        /// Train the model from nothing, without the weights shipped with Gloss: for gold
        /// documents those weights were trained on (WikiGold), which they would know already.
        #[arg(long)]
        no_starting_weights: bool,
    },

    /// Measure how far two or more annotators agree on the same documents.
    ///
    /// Documents are paired by name and compared when every project has one with the same
    /// text; the others are listed. Per label and overall: span precision, recall and F1 for
    /// every pair of annotators (exact and overlap), Cohen's kappa (two annotators) or Fleiss'
    /// kappa (more) on token labels (O outside spans; where spans nest or overlap, the longest
    /// labels the token), and Krippendorff's alpha for unitizing (α_U, on code points); and
    /// quotes matched by content, with the share of matched pairs naming the same speaker
    /// entity, cue and kind. A "-" is a value with nothing to measure (e.g. no spans at all).
    /// README § Agreement has the definitions.
    #[command(after_help = EXIT_STATUS)]
    Agree {
        /// The annotators' project files, two or more.
        #[arg(value_name = "PROJECT.ron", num_args = 2.., required = true)]
        projects: Vec<PathBuf>,
        /// Also a row per document, so that outliers show.
        #[arg(long)]
        by_document: bool,
        /// Count pronoun and description spans too, not only names.
        #[arg(long)]
        all_mentions: bool,
        /// Print the numbers as JSON instead of tables.
        #[arg(long)]
        json: bool,
    },

    /// Merge two annotators' versions of a project: git's merge driver for project files.
    ///
    /// git runs it as `gloss merge-file %O %A %B %P` (see `gloss git-setup`): BASE is the
    /// common ancestor, OURS and THEIRS the two versions, NAME the file's path for messages.
    /// The merge is written over OURS. Documents one side changed come from that side; a
    /// document both changed is merged annotation by annotation; new entities, spans and quotes
    /// from both sides are all kept, renumbered where their ids clash, and the same one added
    /// on both sides is kept once. What both changed differently (the same span relabelled two
    /// ways, a document's status) is a conflict: OURS then holds ours' version of it and
    /// everything else merged, and each conflict is one line on stderr naming the document.
    #[command(after_help = "\
Exit status: 0 when the merge is clean; 1 when there are conflicts (the merge is still written,
with ours' version where they are), or when a file is not a Gloss project (then nothing is
written); 2 on bad usage.")]
    MergeFile {
        /// The common ancestor (git's %O); an empty file when both sides added the project.
        #[arg(value_name = "BASE")]
        base: PathBuf,
        /// Our version (git's %A); replaced by the merge.
        #[arg(value_name = "OURS")]
        ours: PathBuf,
        /// Their version (git's %B).
        #[arg(value_name = "THEIRS")]
        theirs: PathBuf,
        /// The project's path in the repository (git's %P), used in messages.
        #[arg(value_name = "NAME")]
        name: Option<String>,
    },

    /// Make git merge project files with `gloss merge-file` in a repository.
    ///
    /// Adds `*.ron merge=gloss` to .gitattributes and `*.ron.journal`, `*.ron.lock` to
    /// .gitignore at the repository's top (lines already there are left alone), and sets
    /// `merge.gloss.name` and `merge.gloss.driver` in the repository's own git config. Nothing
    /// leaves the machine. Commit the two files; each clone runs this once, because git does
    /// not share its config.
    #[command(after_help = EXIT_STATUS)]
    GitSetup {
        /// A folder in the repository (default: the current folder).
        #[arg(value_name = "REPO")]
        repo: Option<PathBuf>,
        /// Which files are projects, as a .gitattributes pattern.
        #[arg(long, value_name = "GLOB", default_value = "*.ron")]
        pattern: String,
        /// The gloss program git should run (default: `gloss` if it is on the PATH, else this
        /// program's full path).
        #[arg(long, value_name = "PROGRAM")]
        gloss: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Txt,
    Html,
    /// One article per row; the other columns become metadata (see --text-column).
    Csv,
    /// CSV separated by tabs.
    Tsv,
    Jsonl,
    Brat,
    Doccano,
    Conll,
    LabelStudio,
    Prodigy,
    /// spaCy DocBin (.spacy): doc.ents, doc.spans groups, doc.cats.
    Spacy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Doccano,
    Spacy,
    Conll,
    Brat,
    LabelStudio,
    Prodigy,
    QuotesCsv,
    Citron,
}

fn score(s: &str) -> Result<f32, String> {
    let x: f32 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{x} is not between 0 and 1"))
    }
}

/// Why a task failed; each is one line for the user.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Io(#[from] IoError),
    #[error(
        "{}: already exists; not overwritten (choose another name, or use `gloss import` to add to it)",
        .0.display()
    )]
    Exists(PathBuf),
    #[error("--labels: {0}")]
    Labels(String),
    #[error("{0} is not yet supported")]
    NotSupported(String),
    #[error("{0}")]
    Usage(String),
    #[error("nothing to import: no .txt or .html files in {0}")]
    NothingToImport(String),
    #[error("nothing to import: no brat files (NAME.ann with NAME.txt) in {0}")]
    NothingToImportBrat(String),
    #[error(
        "nothing imported: {count} error{} in the brat files (listed above); fix them and try again",
        plural(*count)
    )]
    BratRejected { count: usize },
    #[error(
        "nothing imported: {count} error{} in the {format} files (listed above); fix them and try again",
        plural(*count)
    )]
    ImportRejected { format: &'static str, count: usize },
    #[error("nothing to import: no {format} documents in {paths}")]
    NothingToImportFormat { format: &'static str, paths: String },
    #[error("{0}")]
    Eval(String),
    #[error("{0}")]
    Agree(String),
    /// An outside engine that failed (its standard error is shown before).
    #[error("{0}")]
    Engine(String),
    #[error("{}: {source}", path.display())]
    Command { path: PathBuf, source: CommandError },
    #[error(
        "{0} cannot be written to standard output (it is binary or a folder of files); give -o a path"
    )]
    NotToStdout(&'static str),
    #[error("{}: is the project itself; choose another output file", .0.display())]
    OutputIsProject(PathBuf),
    #[error("standard output: {0}")]
    Stdout(std::io::Error),
    /// Not a `source`: the message already holds the file's error, and a source would be
    /// printed a second time after it.
    #[error("{role}: {error}")]
    MergeInput {
        /// Which version the file is: base, ours or theirs.
        role: &'static str,
        error: IoError,
    },
    #[error("{0}")]
    Git(String),
}

impl Task {
    /// The subcommand's name, as typed.
    pub fn name(&self) -> &'static str {
        match self {
            Task::New { .. } => "new",
            Task::Import { .. } => "import",
            Task::Suggest { .. } => "suggest",
            Task::Export { .. } => "export",
            Task::Stats { .. } => "stats",
            Task::Eval { .. } => "eval",
            Task::Agree { .. } => "agree",
            Task::LearnCurve { .. } => "learn-curve",
            Task::MergeFile { .. } => "merge-file",
            Task::GitSetup { .. } => "git-setup",
        }
    }
}

/// Run a task. `Ok` carries the exit status for outcomes already reported on stderr (an import
/// that skipped files); `Err` is a failure still to be reported.
pub fn run(task: Task) -> Result<ExitCode, CliError> {
    crate::io::lock::set_role(&format!("gloss {}", task.name()));
    match task {
        Task::New { project, labels } => new(&project, labels),
        Task::Import {
            project,
            paths,
            format,
            annotator,
            split_annotators,
            csv,
            as_suggestions,
        } => {
            let format = match format {
                Some(format) => format,
                None => import_args::format_by_extension(&paths).map_err(CliError::Usage)?,
            };
            let split = split_annotators.is_some();
            if (annotator.is_some() || split) && format != ImportFormat::LabelStudio {
                let option = if split {
                    "--split-annotators"
                } else {
                    "--annotator"
                };
                return Err(CliError::Usage(format!(
                    "{option} applies to --format label-studio only"
                )));
            }
            if let Some(dir) = split_annotators {
                return split_annotators::split(&project, &paths, &dir);
            }
            let tsv = format == ImportFormat::Tsv;
            if csv.any() && !tsv && format != ImportFormat::Csv {
                return Err(CliError::Usage(
                    "--text-column, --name-column and --delimiter apply to --format csv or tsv only"
                        .into(),
                ));
            }
            let csv = csv.options(tsv);
            let annotator = annotator.map_or(Annotator::First, Annotator::Named);
            let options = formats::ImportOptions { annotator, csv };
            if as_suggestions {
                let format = predictions::app_format(format);
                return predictions::import(&project, &paths, format, &options);
            }
            import(&project, &paths, format, options)
        }
        Task::Suggest {
            project,
            accept_all,
            min_score,
            output,
            allow_outside_lists,
            engines,
        } => suggest(
            &project,
            accept_all,
            min_score.unwrap_or(0.0),
            output.as_deref(),
            allow_outside_lists,
            &engines,
        ),
        Task::Export {
            project,
            format,
            output,
            only_done,
            labels,
            per_document,
            format_args,
        } => export(&project, format, &output, &{
            let mut options = formats::ExportOptions {
                only_done,
                labels: labels.map(|l| l.iter().map(|s| s.trim().to_string()).collect()),
                per_document,
                ..Default::default()
            };
            format_args.apply(&mut options);
            options
        }),
        Task::Stats { project } => stats(&project),
        Task::Eval {
            gold,
            pred,
            merge,
            labels,
            all_mentions,
            json,
        } => {
            let options = eval::Options {
                merge: merge.iter().map(|m| split_labels(m)).collect(),
                labels: labels.map(|l| l.iter().map(|s| s.trim().to_string()).collect()),
                all_mentions,
            };
            evaluate(&gold, &pred, &options, json)
        }
        Task::Agree {
            projects,
            by_document,
            all_mentions,
            json,
        } => agree(&projects, all_mentions, by_document, json),
        Task::LearnCurve {
            gold,
            steps,
            merge,
            labels,
            plot,
            no_starting_weights,
        } => {
            let options = eval::Options {
                merge: merge.iter().map(|m| split_labels(m)).collect(),
                labels: labels.map(|l| l.iter().map(|s| s.trim().to_string()).collect()),
                all_mentions: false,
            };
            learn_curve(
                &gold,
                &steps,
                &options,
                !no_starting_weights,
                plot.as_deref(),
            )
        }
        Task::MergeFile {
            base,
            ours,
            theirs,
            name,
        } => git::merge_file(&base, &ours, &theirs, name.as_deref()),
        Task::GitSetup {
            repo,
            pattern,
            gloss,
        } => git::git_setup(
            repo.as_deref().unwrap_or(Path::new(".")),
            &pattern,
            gloss.as_deref(),
        ),
    }
}

fn new(path: &Path, labels: Option<Vec<String>>) -> Result<ExitCode, CliError> {
    // Held while looking and writing, so two `gloss new` at once cannot both write.
    let _lock = ProjectLock::acquire_with(path, crate::io::lock::wait_limit(), waiting_for)?;
    // symlink_metadata also catches a dangling link, which a write would follow.
    if path.symlink_metadata().is_ok() {
        return Err(CliError::Exists(path.to_path_buf()));
    }
    let labels = match labels {
        Some(names) => LabelSet::from_names(names.into_iter().map(|n| n.trim().to_string())),
        None => LabelSet::news(),
    };
    let project = Project::with_labels(file_stem(path), labels);
    if let Some(problem) = validate(&project).into_iter().next() {
        return Err(CliError::Labels(problem.0));
    }
    project_file::save(path, &project)?;
    let names: Vec<&str> = project.labels.names().collect();
    emit(&format!(
        "created {} with labels {}\n",
        path.display(),
        names.join(", ")
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn import(
    path: &Path,
    paths: &[PathBuf],
    format: ImportFormat,
    options: formats::ImportOptions,
) -> Result<ExitCode, CliError> {
    match format {
        ImportFormat::Txt => import_txt(path, paths, text_import::Kind::Auto),
        ImportFormat::Html => import_txt(path, paths, text_import::Kind::Html),
        ImportFormat::Brat => import_brat(path, paths),
        ImportFormat::Csv | ImportFormat::Tsv => {
            import_other(path, paths, formats::ImportFormat::Csv, &options)
        }
        ImportFormat::Jsonl => import_other(path, paths, formats::ImportFormat::Jsonl, &options),
        ImportFormat::Doccano => {
            import_other(path, paths, formats::ImportFormat::Doccano, &options)
        }
        ImportFormat::Conll => import_other(path, paths, formats::ImportFormat::Conll, &options),
        ImportFormat::LabelStudio => {
            import_other(path, paths, formats::ImportFormat::LabelStudio, &options)
        }
        ImportFormat::Prodigy => {
            import_other(path, paths, formats::ImportFormat::Prodigy, &options)
        }
        ImportFormat::Spacy => import_other(path, paths, formats::ImportFormat::Spacy, &options),
    }
}

/// Import JSONL, doccano, CoNLL, Label Studio or Prodigy files: all or nothing; what the model
/// cannot hold is reported by file and line (and the exit status is then 1).
fn import_other(
    path: &Path,
    paths: &[PathBuf],
    format: formats::ImportFormat,
    options: &formats::ImportOptions,
) -> Result<ExitCode, CliError> {
    let Opened {
        mut session,
        existed,
        had_journal,
    } = Opened::for_editing(path)?;
    let imported = match formats::import_with(format, paths, &session.project, options) {
        Ok(i) => i,
        Err(errors) => {
            close(session, had_journal, false);
            let n = errors.len();
            for e in &errors {
                eprintln!("gloss: {e}");
            }
            return Err(CliError::ImportRejected {
                format: format.name(),
                count: n,
            });
        }
    };
    for line in imported.notices.iter().chain(&imported.skipped) {
        eprintln!("gloss: {line}");
    }
    let mut saved = false;
    if let Some(command) = imported.command.clone() {
        if let Err(source) = session.execute(command) {
            close(session, had_journal, false);
            return Err(CliError::Command {
                path: path.to_path_buf(),
                source,
            });
        }
        session.save()?;
        report_notices(&mut session);
        saved = true;
    }
    close(session, had_journal, saved);
    if imported.documents == 0 && imported.notices.is_empty() {
        let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(CliError::NothingToImportFormat {
            format: format.name(),
            paths: list.join(", "),
        });
    }
    let new_project = if saved && !existed {
        "new project "
    } else {
        ""
    };
    emit(&format!(
        "added {} document{} to {new_project}{} ({} spans, {} quotes; {} skipped)\n",
        imported.documents,
        plural(imported.documents),
        path.display(),
        imported.spans,
        imported.quotes,
        imported.skipped.len()
    ))?;
    Ok(if imported.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn import_txt(
    path: &Path,
    paths: &[PathBuf],
    kind: text_import::Kind,
) -> Result<ExitCode, CliError> {
    let Opened {
        mut session,
        existed,
        had_journal,
    } = Opened::for_editing(path)?;
    let batch = text_import::read_paths_as(paths, kind);
    for problem in &batch.skipped {
        eprintln!("gloss: {problem}");
    }
    for file in &batch.files {
        if let Some(note) = &file.note {
            eprintln!("gloss: {}: {note}", file.path.display());
        }
    }

    // Identical name and text means the same article imported again, not a new one.
    let mut already = 0;
    let fresh: Vec<text_import::TextFile> = {
        let mut seen: HashSet<(&str, &str)> = session
            .project
            .documents
            .iter()
            .map(|d| (d.name.as_str(), &*d.text))
            .collect();
        let mut fresh = Vec::new();
        for f in &batch.files {
            if seen.insert((&f.name, &f.text)) {
                fresh.push(f.clone());
            } else {
                eprintln!(
                    "gloss: {}: already in {} as {:?}; not added again",
                    f.path.display(),
                    path.display(),
                    f.name
                );
                already += 1;
            }
        }
        fresh
    };

    let mut saved = false;
    if let Some(command) = gestures::add_documents(&session.project, &fresh) {
        if let Err(source) = session.execute(command) {
            close(session, had_journal, false);
            let path = path.to_path_buf();
            return Err(CliError::Command { path, source });
        }
        report_notices(&mut session);
        // If the save fails the session is dropped, not closed: its journal holds the import
        // and the next open replays it.
        session.save()?;
        report_notices(&mut session);
        saved = true;
    }
    close(session, had_journal, saved);

    let skipped = batch.skipped.len();
    if batch.files.is_empty() && skipped == 0 {
        let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(CliError::NothingToImport(list.join(", ")));
    }
    let added = fresh.len();
    let new_project = if saved && !existed {
        "new project "
    } else {
        ""
    };
    let mut summary = format!(
        "added {added} document{} to {new_project}{} ({skipped} skipped",
        plural(added),
        path.display()
    );
    if already > 0 {
        summary.push_str(&format!(", {already} already there"));
    }
    summary.push(')');
    if !saved && !existed {
        summary.push_str("; nothing added, so the project was not created");
    }
    emit(&format!("{summary}\n"))?;
    Ok(if skipped > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Add brat documents with their annotations, all in one step or not at all.
fn import_brat(path: &Path, paths: &[PathBuf]) -> Result<ExitCode, CliError> {
    let Opened {
        mut session,
        existed,
        had_journal,
    } = Opened::for_editing(path)?;
    let import = match brat::read_paths(paths, &session.project) {
        Ok(import) => import,
        Err(rejected) => {
            close(session, had_journal, false);
            return Err(report_rejected(rejected));
        }
    };
    for notice in &import.notices {
        eprintln!("gloss: {notice}");
    }
    for skipped in &import.skipped {
        eprintln!("gloss: {skipped}");
    }
    let mut saved = false;
    if let Some(command) = brat_command(&session.project, &import) {
        if let Err(source) = session.execute(command) {
            close(session, had_journal, false);
            let path = path.to_path_buf();
            return Err(CliError::Command { path, source });
        }
        report_notices(&mut session);
        // As for text: if the save fails, the journal holds the import for the next open.
        session.save()?;
        report_notices(&mut session);
        saved = true;
    }
    let labels: Vec<String> = session.project.labels.names().map(String::from).collect();
    close(session, had_journal, saved);

    let counts = import.counts();
    if counts.documents == 0 && import.notices.is_empty() {
        let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(CliError::NothingToImportBrat(list.join(", ")));
    }
    let skipped = import.skipped.len();
    let new_project = if saved && !existed {
        "new project "
    } else {
        ""
    };
    let mut summary = format!(
        "added {} document{} to {new_project}{} ({skipped} annotation{} skipped)\n",
        counts.documents,
        plural(counts.documents),
        path.display(),
        plural(skipped)
    );
    summary.push_str(&brat_summary(&counts, &labels));
    emit(&summary)?;
    Ok(if skipped > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The counts of a brat import, a line per kind of thing, names in label-set order.
fn brat_summary(c: &brat::Counts, labels: &[String]) -> String {
    let mut names: Vec<String> = labels
        .iter()
        .filter_map(|l| c.names.get(l).map(|n| format!("{l} {n}")))
        .collect();
    names.extend(
        c.names
            .iter()
            .filter(|(l, _)| !labels.contains(l))
            .map(|(l, n)| format!("{l} {n}")),
    );
    let total: usize = c.names.values().sum();
    let mut out = if total == 0 {
        "  names: 0\n".to_string()
    } else {
        format!("  names: {total} ({})\n", names.join(", "))
    };
    if c.pronouns + c.descriptions > 0 {
        out.push_str(&format!(
            "  speaker mentions: {} ({} pronoun{}, {} description{})\n",
            c.pronouns + c.descriptions,
            c.pronouns,
            plural(c.pronouns),
            c.descriptions,
            plural(c.descriptions)
        ));
    }
    out.push_str(&format!(
        "  quotes: {} ({} direct, {} indirect, {} mixed); {} with a cue, {} with a speaker mention, {} with a speaker named only in a note\n",
        c.quotes, c.direct, c.indirect, c.mixed, c.cues, c.speakers, c.speaker_notes
    ));
    out.push_str(&format!(
        "  entities: {} new; {} mention{} linked\n",
        c.new_entities,
        c.linked,
        plural(c.linked)
    ));
    out
}

/// Print every error of a failed brat import; the returned error is the closing line.
fn report_rejected(rejected: brat::Rejected) -> CliError {
    let n = rejected.errors.len();
    for e in &rejected.errors {
        eprintln!("gloss: {e}");
    }
    CliError::BratRejected { count: n }
}

/// The command that adds a brat import to `project` as one step: new labels, new entities,
/// existing entities with their new aliases, then the documents. `None` if it adds nothing.
pub fn brat_command(project: &Project, import: &BratImport) -> Option<Command> {
    let n = import.documents.len();
    formats::import_command(
        project,
        format!("import {n} brat document{}", plural(n)),
        &import.labels,
        (&import.schemes, &import.attributes),
        &import.new_entities,
        &import.updated_entities,
        import.documents.iter().map(|d| &d.document),
    )
}

/// "GPE, LOC" → ["GPE", "LOC"].
fn split_labels(list: &str) -> Vec<String> {
    list.split(',')
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// `gloss learn-curve`: the table on stdout, the chart in `plot`.
fn learn_curve(
    gold: &Path,
    steps: &[usize],
    options: &eval::Options,
    starting_weights: bool,
    plot: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let (project, _) = eval_side(gold)?;
    let mut steps: Vec<usize> = steps.to_vec();
    steps.sort_unstable();
    steps.dedup();
    let total = project.documents.len();
    if steps.iter().all(|&n| n >= total) {
        return Err(CliError::Io(IoError::Other {
            path: gold.to_path_buf(),
            message: format!(
                "has {total} document{}; every step must leave at least one to score (--steps)",
                plural(total)
            ),
        }));
    }
    let curve = crate::app::learn_curve::run(&project, &steps, options, starting_weights, |n| {
        eprintln!("gloss: annotating the first {n} of {total} documents…");
    });
    emit(&crate::app::learn_curve::table(&curve))?;
    if let Some(out) = plot {
        let series: Vec<crate::io::plot::Series> = crate::app::learn_curve::ENGINES
            .iter()
            .map(|engine| crate::io::plot::Series {
                name: (*engine).to_string(),
                points: curve
                    .iter()
                    .filter_map(|step| {
                        let row = step.rows.iter().find(|r| r.engine == *engine)?;
                        Some((step.annotated as f64, row.score.f1.unwrap_or(0.0)))
                    })
                    .collect(),
            })
            .collect();
        let title = format!(
            "Learning curve: {} ({total} documents)",
            gold.file_stem().unwrap_or_default().to_string_lossy()
        );
        crate::io::plot::line_chart(
            out,
            &title,
            "documents annotated",
            "F1 on the rest",
            &series,
        )?;
        eprintln!("gloss: curve drawn in {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// One side of `gloss eval`: a project file as it stands, or brat files read in memory along
/// with the speakers that only their notes name.
fn eval_side(path: &Path) -> Result<(Project, SpeakerNotes), CliError> {
    let is_brat = path.is_dir()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ann"));
    if !is_brat {
        return Ok((open_for_reading(path)?, SpeakerNotes::new()));
    }
    let mut project = Project::new(file_stem(path));
    let import = brat::read_paths(&[path.to_path_buf()], &project).map_err(report_rejected)?;
    for skipped in &import.skipped {
        eprintln!("gloss: {skipped}");
    }
    if import.documents.is_empty() {
        return Err(CliError::NothingToImportBrat(path.display().to_string()));
    }
    let notes = import
        .documents
        .iter()
        .flat_map(|d| {
            d.speaker_notes
                .iter()
                .map(|(q, name)| ((d.document.id, *q), name.clone()))
        })
        .collect();
    if let Some(command) = brat_command(&project, &import) {
        command
            .apply(&mut project)
            .map_err(|source| CliError::Command {
                path: path.to_path_buf(),
                source,
            })?;
    }
    Ok((project, notes))
}

fn evaluate(
    gold_path: &Path,
    pred_path: &Path,
    options: &eval::Options,
    json: bool,
) -> Result<ExitCode, CliError> {
    let (gold, gold_notes) = eval_side(gold_path)?;
    let (pred, pred_notes) = eval_side(pred_path)?;
    let gold_side = Annotations {
        project: &gold,
        speaker_notes: gold_notes,
    };
    let pred_side = Annotations {
        project: &pred,
        speaker_notes: pred_notes,
    };
    let report = eval::evaluate(&gold_side, &pred_side, options);
    if report.documents.scored == 0 {
        return Err(CliError::Eval(format!(
            "{} and {} share no document (same name and same text); nothing to score",
            gold_path.display(),
            pred_path.display()
        )));
    }
    let text = if json {
        let mut j = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::Eval(format!("cannot write the report as JSON: {e}")))?;
        j.push('\n');
        j
    } else {
        report.table()
    };
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn agree(
    paths: &[PathBuf],
    all_mentions: bool,
    by_document: bool,
    json: bool,
) -> Result<ExitCode, CliError> {
    let projects = paths
        .iter()
        .map(|p| open_for_reading(p))
        .collect::<Result<Vec<Project>, CliError>>()?;
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let annotators: Vec<agreement::Annotator> = names
        .iter()
        .zip(&projects)
        .map(|(name, project)| agreement::Annotator { name, project })
        .collect();
    let options = agreement::Options { all_mentions };
    let mut report =
        agreement::agree(&annotators, &options).map_err(|e| CliError::Agree(e.to_string()))?;
    let text = if json {
        if !by_document {
            report.by_document.clear();
        }
        let mut j = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::Agree(format!("cannot write the report as JSON: {e}")))?;
        j.push('\n');
        j
    } else {
        report.table(by_document)
    };
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn export(
    path: &Path,
    format: ExportFormat,
    output: &Path,
    options: &formats::ExportOptions,
) -> Result<ExitCode, CliError> {
    let format = match format {
        ExportFormat::Jsonl => formats::ExportFormat::Jsonl,
        ExportFormat::Doccano => formats::ExportFormat::Doccano,
        ExportFormat::Spacy => formats::ExportFormat::Spacy,
        ExportFormat::Conll => formats::ExportFormat::Conll,
        ExportFormat::Brat => formats::ExportFormat::Brat,
        ExportFormat::LabelStudio => formats::ExportFormat::LabelStudio,
        ExportFormat::Prodigy => formats::ExportFormat::Prodigy,
        ExportFormat::QuotesCsv => formats::ExportFormat::QuotesCsv,
        ExportFormat::Citron => formats::ExportFormat::Citron,
    };
    let to_stdout = output == Path::new("-");
    if !to_stdout && same_file(path, output) {
        return Err(CliError::OutputIsProject(output.to_path_buf()));
    }
    if options.with_suggestions {
        return predictions::export(path, format, output, options);
    }
    let project = open_for_reading(path)?;
    if to_stdout {
        if !format.to_stdout_ok() || options.per_document {
            return Err(CliError::NotToStdout(format.name()));
        }
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        match formats::export_to(format, &project, options, &mut out).and_then(|r| {
            out.flush()?;
            Ok(r)
        }) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Stdout(e)),
            Err(_) => Ok(ExitCode::SUCCESS),
            Ok(report) => {
                for line in &report.left_out {
                    eprintln!("gloss: left out: {line}");
                }
                if let Some(config) = formats::write_label_studio_config(&project, options)? {
                    eprintln!("gloss: labelling config written to {}", config.display());
                }
                Ok(ExitCode::SUCCESS)
            }
        }
    } else {
        let exported = formats::export(format, &project, options, output, None)?;
        for renamed in &exported.renamed {
            eprintln!("gloss: renamed: {renamed}");
        }
        for line in &exported.left_out {
            eprintln!("gloss: left out: {line}");
        }
        emit(&format!("{}\n", exported.summary(format, output)))?;
        Ok(ExitCode::SUCCESS)
    }
}

fn stats(path: &Path) -> Result<ExitCode, CliError> {
    let project = open_for_reading(path)?;
    emit(&stats_text(&project, path))?;
    Ok(ExitCode::SUCCESS)
}

/// The `stats` report: totals first, then one line per document.
fn stats_text(project: &Project, path: &Path) -> String {
    let (docs, spans, quotes, entities) = project.counts();
    let status_counts: Vec<String> = Status::ALL
        .iter()
        .map(|s| {
            let n = project.documents.iter().filter(|d| d.status == *s).count();
            format!("{} {n}", s.name())
        })
        .collect();
    let per_label = gestures::label_counts(project);

    let mut totals = vec![
        row(["project", &format!("{} ({})", project.name, path.display())]),
        row([
            "documents",
            &format!("{docs} ({})", status_counts.join(", ")),
        ]),
        row(["spans", &spans.to_string()]),
    ];
    // Every label of the set, in key order, so an unused one shows as 0.
    for name in project.labels.names() {
        let n = per_label.get(name).copied().unwrap_or(0);
        totals.push(row([&format!("  {name}"), &n.to_string()]));
    }
    totals.push(row(["quotes", &quotes.to_string()]));
    totals.push(row(["entities", &entities.to_string()]));
    if let Some(line) = crate::app::predictions::stats_line(project) {
        totals.push(row(["suggestions", &line]));
    }
    let mut text = table(&totals, &[false, false]);
    text.push_str(&breakdown::tables(project, table));
    if let Some(engines) = engine_table::engine_precision(project) {
        text.push('\n');
        text.push_str(&engines);
    }

    if !project.documents.is_empty() {
        let mut rows = vec![row(["document", "status", "spans", "quotes"])];
        for d in &project.documents {
            rows.push(row([
                &d.name,
                d.status.name(),
                &d.spans.len().to_string(),
                &d.quotes.len().to_string(),
            ]));
        }
        text.push('\n');
        text.push_str(&table(&rows, &[false, false, true, true]));
    }
    text
}

fn row<const N: usize>(cells: [&str; N]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// Cells padded to their column's width, two spaces apart; `right[i]` right-aligns column i.
fn table(rows: &[Vec<String>], right: &[bool]) -> String {
    let width = |i: usize| {
        rows.iter()
            .filter_map(|r| r.get(i))
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..right.len()).map(width).collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = widths[i].saturating_sub(cell.chars().count());
            if right.get(i).copied().unwrap_or(false) {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                if i + 1 < r.len() {
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `gloss suggest`: run the engines over every document; store or accept the suggestions.
fn suggest(
    path: &Path,
    accept_all: bool,
    min_score: f32,
    output: Option<&Path>,
    allow_outside_lists: bool,
    engines: &suggest_args::EngineArgs,
) -> Result<ExitCode, CliError> {
    if accept_all {
        let Opened {
            mut session,
            had_journal,
            ..
        } = Opened::for_editing(path)?;
        let (found, categories) = match run_engines(
            &session.project,
            path,
            min_score,
            allow_outside_lists,
            engines,
        ) {
            Ok(found) => found,
            Err(e) => {
                close(session, had_journal, false);
                return Err(e);
            }
        };
        let (total, summary) = summarise(&found);
        let (category_commands, category_count) =
            crate::app::external::accept_categories(&session.project, &categories);
        let command = {
            let p = &session.project;
            let mut acc = review::Acceptor::new(p);
            for (doc, items) in &found {
                if let Some(d) = p.document(*doc) {
                    for s in items {
                        acc.accept(d, s, None);
                    }
                }
            }
            let accepted = acc.finish(format!("accept {total} suggestions"));
            match (accepted, category_commands.is_empty()) {
                (a, true) => a,
                (a, false) => {
                    let mut all: Vec<crate::app::Command> = a.into_iter().collect();
                    all.extend(category_commands);
                    Some(crate::app::Command::Batch {
                        name: format!("accept {total} suggestions and {category_count} categories"),
                        commands: all,
                    })
                }
            }
        };
        let saved = match command {
            Some(c) => {
                if let Err(source) = session.execute(c) {
                    // Nothing applied: leave no journal behind that was not there before.
                    close(session, had_journal, false);
                    return Err(CliError::Command {
                        path: path.to_path_buf(),
                        source,
                    });
                }
                // If the save fails the session is dropped, not closed: its journal holds
                // the accepted suggestions and the next open replays them.
                session.save()?;
                true
            }
            None => false,
        };
        println!(
            "accepted {total} suggestions in {} ({summary})",
            path.display()
        );
        if category_count > 0 {
            println!("set {category_count} suggested document categories");
        }
        close(session, had_journal, saved);
        return Ok(ExitCode::SUCCESS);
    }

    let p = open_for_reading(path)?;
    let (found, categories) = run_engines(&p, path, min_score, allow_outside_lists, engines)?;
    let (total, summary) = summarise(&found);
    let mut jsonl = String::new();
    for (doc, c) in &categories {
        let Some(d) = p.document(*doc) else { continue };
        let score = (f64::from(c.score) * 1000.0).round() / 1000.0;
        let line = serde_json::json!({
            "doc": d.name, "category": {c.scheme.as_str(): c.value}, "score": score,
            "engine": c.engine,
        });
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    for (doc, items) in &found {
        let Some(d) = p.document(*doc) else { continue };
        for s in items {
            let (start, end) = s.range();
            let entity = match &s.proposal {
                Proposal::Span {
                    entity, new_entity, ..
                } => entity
                    .and_then(|e| p.entity(e))
                    .map(|e| e.name.clone())
                    .or_else(|| new_entity.clone()),
                Proposal::Quote { .. } => None,
            };
            // Scores to three places: an f32 printed as f64 would read 0.8999999761581421.
            let score = (f64::from(s.score) * 1000.0).round() / 1000.0;
            let mut line = serde_json::json!({
                "doc": d.name, "start": start, "end": end, "label": s.label(),
                "text": d.slice(start, end), "score": score, "engine": s.engine,
                "rule": s.rule, "reason": s.reason, "entity": entity,
            });
            if let Proposal::Quote {
                content,
                cue,
                speaker,
                speaker_entity,
                speaker_new_entity,
                kind,
                ..
            } = &s.proposal
            {
                let name = speaker_entity
                    .and_then(|e| p.entity(e))
                    .map(|e| e.name.clone())
                    .or_else(|| speaker_new_entity.clone());
                line["kind"] = serde_json::json!(kind.name());
                line["content"] = serde_json::json!(content);
                line["cue"] = serde_json::json!(cue);
                line["speaker"] = serde_json::json!(speaker);
                line["speaker_entity"] = serde_json::json!(name);
            }
            jsonl.push_str(&line.to_string());
            jsonl.push('\n');
        }
    }
    let out = match output {
        Some(o) => o.to_path_buf(),
        None => {
            let mut name = path.file_stem().unwrap_or_default().to_os_string();
            name.push(".suggestions.jsonl");
            path.with_file_name(name)
        }
    };
    if out == Path::new("-") {
        emit(&jsonl)?;
    } else {
        if out == path {
            return Err(CliError::OutputIsProject(out));
        }
        write_atomic(&out, jsonl.as_bytes())?;
        println!(
            "{total} suggestions{} in {} documents written to {} ({summary})",
            if categories.is_empty() {
                String::new()
            } else {
                format!(" and {} suggested categories", categories.len())
            },
            found.len(),
            out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// What the engines found: suggestions by document, and suggested document categories.
type Engined = (
    Vec<(DocId, Vec<Suggestion>)>,
    suggest_args::SuggestedCategories,
);

/// Every engine over every document, with a progress line on a terminal; suggestions below
/// `min_score` dropped; problems with the project's own lists reported on stderr. Lists outside
/// the project's folder are read only with `allow_outside_lists`; otherwise each is named as
/// skipped, with how to allow it. The engines are the project's, as `engines` chooses them;
/// outside engines run first, in the project's folder.
fn run_engines(
    p: &Project,
    path: &Path,
    min_score: f32,
    allow_outside_lists: bool,
    engines: &suggest_args::EngineArgs,
) -> Result<Engined, CliError> {
    use std::io::IsTerminal;
    let settings = engines.settings(&p.matcher).map_err(CliError::Usage)?;
    let (outside, mut categories) =
        suggest_args::run_outside(p, &settings, path.parent()).map_err(CliError::Engine)?;
    categories.retain(|(_, c)| c.score >= min_score);
    let read = review::read_user_lists(&settings, path.parent(), |_| allow_outside_lists);
    let (lists, mut problems) = (read.lists, read.problems);
    for o in &read.outside {
        problems.push(format!(
            "word list {}: outside the project's folder (it leads to {}); skipped: run with --allow-outside-lists to use it",
            o.name,
            o.path.display()
        ));
    }
    let tty = std::io::stderr().is_terminal();
    // The model learns from the project's annotations (cached beside it), or starts from the
    // weights shipped with Gloss.
    let model = if !settings.model {
        Default::default()
    } else if p.matcher.model {
        crate::app::learning::model_for(p, Some(path))
    } else {
        // Chosen with --engines in a project that has it off.
        let mut on = p.clone();
        on.matcher.model = true;
        crate::app::learning::model_for(&on, Some(path))
    };
    let progress = |done, total| {
        if tty {
            eprint!("\rmatching: {done} of {total} documents");
            if done == total {
                eprintln!();
            }
        }
    };
    let (mut found, list_problems) =
        review::suggest_project_with(p, &settings, &lists, model, &outside, progress);
    problems.extend(list_problems);
    for pr in &problems {
        eprintln!("gloss: {pr}");
    }
    for (_, items) in &mut found {
        items.retain(|s| s.score >= min_score);
    }
    Ok((found, categories))
}

/// The total and a per-label line ("GPE 12, PERSON 30").
fn summarise(found: &[(DocId, Vec<Suggestion>)]) -> (usize, String) {
    let mut per_label: std::collections::BTreeMap<&str, usize> = Default::default();
    for s in found.iter().flat_map(|(_, items)| items) {
        *per_label.entry(s.label()).or_insert(0) += 1;
    }
    let total = per_label.values().sum();
    let line = per_label
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    (total, line)
}

/// A session opened for a task that may change the project.
struct Opened {
    session: Session,
    /// The project file was there; otherwise the session holds a new project.
    existed: bool,
    /// A journal was beside the project before this run, and is kept unless the project is saved.
    had_journal: bool,
}

impl Opened {
    /// Take the project's lock (waiting for another command that holds it), then open the
    /// project, replaying its journal, or start a new one in memory if the file does not exist
    /// yet (it is written by the first save). A read-only project is refused before anything
    /// is done.
    fn for_editing(path: &Path) -> Result<Self, CliError> {
        Self::for_editing_or(path, || Project::new(file_stem(path)))
    }

    /// [`Opened::for_editing`], with `new` making the project when the file does not exist.
    fn for_editing_or(path: &Path, new: impl FnOnce() -> Project) -> Result<Self, CliError> {
        crate::io::atomic::check_writable(path)?;
        let real = crate::io::atomic::resolve(path)?;
        let lock = ProjectLock::acquire_with(&real, crate::io::lock::wait_limit(), waiting_for)?;
        let had_journal = journal::path_for(&real).symlink_metadata().is_ok();
        let (mut session, existed) = Session::open_or_new_locked(lock, new)?;
        report_notices(&mut session);
        Ok(Self {
            session,
            existed,
            had_journal,
        })
    }
}

fn waiting_for(holder: &str) {
    eprintln!("gloss: waiting for {holder} to finish with the project…");
}

/// End a CLI session. After a save the journal holds nothing, and with no journal before this
/// run the fresh one holds nothing either: both are removed, as closing the window does. A
/// journal that was there before and was not saved into the project is kept for the window.
fn close(session: Session, had_journal: bool, saved: bool) {
    if saved || !had_journal {
        session.discard();
    }
}

/// The project as it stands, including unsaved edits in its journal, without changing anything
/// on disk: no journal is written or moved and no lock is taken, so this is safe while a
/// window has the project open.
fn open_for_reading(path: &Path) -> Result<Project, CliError> {
    let (project, notices) = Session::peek(path)?;
    for notice in notices {
        eprintln!("gloss: {notice}");
    }
    Ok(project)
}

fn report_notices(session: &mut Session) {
    for notice in session.take_notices() {
        eprintln!("gloss: {notice}");
    }
}

/// Write to stdout; a reader that went away (`| head`) is not an error.
fn emit(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Stdout(e)),
        _ => Ok(()),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "untitled".into())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn table_aligns_columns() {
        let rows = vec![row(["a", "10"]), row(["long name", "2"])];
        assert_eq!(
            table(&rows, &[false, true]),
            "a          10\nlong name   2\n"
        );
    }

    #[test]
    fn scores_outside_zero_to_one_are_refused() {
        assert_eq!(score("0.5"), Ok(0.5));
        assert!(score("1.5").is_err());
        assert!(score("x").is_err());
    }
}
