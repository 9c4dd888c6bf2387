//! The tasks the command line runs and their arguments (clap's derive structs); the options
//! particular to some formats or engines are in `import_args`, `export_args` and `suggest_args`.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};

use super::{EXIT_STATUS, export_args, import_args, suggest_args};

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
    Import(import_args::ImportArgs),

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
        /// documents those weights were trained on (WikiGold, projects/wire.ron), which they would
        /// know already.
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

pub(super) fn score(s: &str) -> Result<f32, String> {
    let x: f32 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{x} is not between 0 and 1"))
    }
}

impl Task {
    /// The subcommand's name, as typed.
    pub fn name(&self) -> &'static str {
        match self {
            Task::New { .. } => "new",
            Task::Import(_) => "import",
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
