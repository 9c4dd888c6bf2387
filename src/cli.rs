//! The command line: `gloss [PROJECT.ron]` opens the window; `gloss new`, `import`, `stats` and
//! `export` work on a project file without one.
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

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::{CommandError, Session, gestures};
use crate::io::{IoError, journal, jsonl, project_file, text_import, write_atomic};
use crate::model::{LabelSet, Project, Status, validate};
use crate::ui::Launch;

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

    /// Add text files, or every .txt file in folders, as documents.
    ///
    /// The project is created if it does not exist. A document is named after its file (without
    /// extension) and holds the file's text exactly, line ends included; a UTF-8 byte-order mark
    /// is dropped and UTF-16 with a byte-order mark is decoded. Files that are not text (invalid
    /// UTF-8, binary) or are empty are reported on stderr by name and skipped; the others are
    /// still added and the project saved. A file whose name and text are already in the project
    /// is not added twice, so an import can be re-run after adding files to a folder.
    #[command(after_help = "\
Exit status: 0 when every file was imported (or was already in the project); 1 when any file was
skipped, even though the others were added and saved, or when nothing could be read; 2 on bad usage.")]
    Import {
        /// The project file; created if it does not exist.
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// Files or folders to import.
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// The files' format; only txt is supported so far.
        #[arg(long, value_enum, default_value_t = ImportFormat::Txt)]
        format: ImportFormat,
    },

    /// Run the matchers and propose spans and quotes (not yet supported).
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
        /// The format to write; only jsonl is supported so far.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// File to write, or `-` for standard output.
        #[arg(short, long = "output", value_name = "OUT")]
        output: PathBuf,
        /// Only documents whose status is done.
        #[arg(long)]
        only_done: bool,
    },

    /// Count documents, spans per label, quotes and entities, overall and per document.
    Stats {
        /// The project file.
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
    },

    /// Score one project's annotations against another's (not yet supported).
    ///
    /// Precision, recall and F1 per label, for quotes and for speakers, over the documents the
    /// two projects share.
    Eval {
        /// The reference annotations.
        #[arg(value_name = "GOLD.ron")]
        gold: PathBuf,
        /// The annotations to score.
        #[arg(value_name = "PRED.ron")]
        pred: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Txt,
    Jsonl,
    Brat,
    Doccano,
    Conll,
    LabelStudio,
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

/// A format's name as typed on the command line.
fn format_name(format: &impl ValueEnum) -> String {
    format
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
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
    #[error("nothing to import: no .txt files in {0}")]
    NothingToImport(String),
    #[error("{}: {source}", path.display())]
    Command { path: PathBuf, source: CommandError },
    #[error("{}: is the project itself; choose another output file", .0.display())]
    OutputIsProject(PathBuf),
    #[error("standard output: {0}")]
    Stdout(std::io::Error),
}

/// Run a task. `Ok` carries the exit status for outcomes already reported on stderr (an import
/// that skipped files); `Err` is a failure still to be reported.
pub fn run(task: Task) -> Result<ExitCode, CliError> {
    match task {
        Task::New { project, labels } => new(&project, labels),
        Task::Import {
            project,
            paths,
            format,
        } => import(&project, &paths, format),
        Task::Suggest { .. } => Err(CliError::NotSupported("suggest".into())),
        Task::Export {
            project,
            format,
            output,
            only_done,
        } => export(&project, format, &output, only_done),
        Task::Stats { project } => stats(&project),
        Task::Eval { .. } => Err(CliError::NotSupported("eval".into())),
    }
}

fn new(path: &Path, labels: Option<Vec<String>>) -> Result<ExitCode, CliError> {
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

fn import(path: &Path, paths: &[PathBuf], format: ImportFormat) -> Result<ExitCode, CliError> {
    if format != ImportFormat::Txt {
        let what = format!("import format {}", format_name(&format));
        return Err(CliError::NotSupported(what));
    }
    let Opened {
        mut session,
        existed,
        had_journal,
    } = Opened::for_editing(path)?;
    let batch = text_import::read_paths(paths);
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

fn export(
    path: &Path,
    format: ExportFormat,
    output: &Path,
    only_done: bool,
) -> Result<ExitCode, CliError> {
    if format != ExportFormat::Jsonl {
        let what = format!("export format {}", format_name(&format));
        return Err(CliError::NotSupported(what));
    }
    let to_stdout = output == Path::new("-");
    if !to_stdout && same_file(path, output) {
        return Err(CliError::OutputIsProject(output.to_path_buf()));
    }
    let project = open_for_reading(path)?;
    let docs: Vec<_> = project
        .documents
        .iter()
        .filter(|d| !only_done || d.status == Status::Done)
        .collect();
    let n = docs.len();
    if to_stdout {
        let out = std::io::BufWriter::new(std::io::stdout().lock());
        match jsonl::write(&project, docs, out) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                return Err(CliError::Stdout(e));
            }
            _ => {}
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut bytes = Vec::new();
    jsonl::write(&project, docs, &mut bytes).map_err(|source| IoError::Write {
        path: output.to_path_buf(),
        source,
    })?;
    write_atomic(output, &bytes)?;
    emit(&format!(
        "exported {n} document{} to {}\n",
        plural(n),
        output.display()
    ))?;
    Ok(ExitCode::SUCCESS)
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
    let mut text = table(&totals, &[false, false]);

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

/// A session opened for a task that may change the project.
struct Opened {
    session: Session,
    /// The project file was there; otherwise the session holds a new project.
    existed: bool,
    /// A journal was beside the project before this run, and is kept unless the project is saved.
    had_journal: bool,
}

impl Opened {
    /// Open the project, replaying its journal, or start a new one in memory if the file does
    /// not exist yet (it is written by the first save).
    fn for_editing(path: &Path) -> Result<Self, CliError> {
        let had_journal = journal::path_for(path).exists();
        let existed = path.exists();
        let session = if existed {
            let mut session = Session::open(path)?;
            report_notices(&mut session);
            session
        } else {
            let project = Project::new(file_stem(path));
            Session::with_project(project, Some(path.to_path_buf()))
        };
        Ok(Self {
            session,
            existed,
            had_journal,
        })
    }
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
