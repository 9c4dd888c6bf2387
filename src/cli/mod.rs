//! The command line: `gloss [PROJECT.ron]` opens the window; `gloss new`, `import`, `stats`,
//! `export`, `eval`, `agree` and `merge-file` work on project files without one, and
//! `git-setup` makes a repository merge project files with `merge-file` (in `git.rs`).
//!
//! Headless tasks go through the same `app` layer as the window (a `Session`, gestures, commands,
//! `app::formats`), so an import from the shell and an import from the menu are one
//! implementation. A project is opened with `Session::open_for_task`, which replays a crash
//! journal (said on stderr); a task that changes the project saves it, which makes the journal
//! redundant, and `Session::close` removes the journal when it is done, as closing the window
//! does. `project.rs` holds that open and close; `args.rs` the tasks' arguments; each task has
//! a file of its own.
//!
//! Exit status: 0 on success, 1 on bad input (a line on stderr naming the file, and the line where
//! there is one), 2 on bad usage (clap's own errors). Formats and tasks that are not built yet say
//! "not yet supported" and exit 1 without touching anything.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use crate::app::CommandError;
use crate::app::eval;
use crate::app::formats;
use crate::app::launch::WindowLaunch;
use crate::io::IoError;
use crate::text::plural;

mod agree;
mod args;
mod breakdown;
mod engine_table;
mod evaluate;
mod export;
mod export_args;
mod git;
mod import;
mod import_args;
mod new;
mod predictions;
mod project;
mod split_annotators;
mod stats;
mod suggest;
mod suggest_args;

pub use args::{ExportFormat, ImportFormat, Task};

pub(super) const EXIT_STATUS: &str = "\
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
    Window(WindowLaunch),
    Task(Task),
}

impl Cli {
    pub fn invocation(self) -> Invocation {
        match self.task {
            Some(task) => Invocation::Task(task),
            None => Invocation::Window(WindowLaunch {
                project: self.project,
                screenshot: self.screenshot,
            }),
        }
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

/// Run a task. `Ok` carries the exit status for outcomes already reported on stderr (an import
/// that skipped files); `Err` is a failure still to be reported.
pub fn run(task: Task) -> Result<ExitCode, CliError> {
    crate::io::lock::set_role(&format!("gloss {}", task.name()));
    match task {
        Task::New { project, labels } => new::new(&project, labels),
        Task::Import(args) => import::run(args),
        Task::Suggest {
            project,
            accept_all,
            min_score,
            output,
            allow_outside_lists,
            engines,
        } => suggest::suggest(
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
        } => export::export(&project, format, &output, &{
            let mut options = formats::ExportOptions {
                only_done,
                labels: labels.map(|l| l.iter().map(|s| s.trim().to_string()).collect()),
                per_document,
                ..Default::default()
            };
            format_args.apply(&mut options);
            options
        }),
        Task::Stats { project } => stats::stats(&project),
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
            evaluate::evaluate(&gold, &pred, &options, json)
        }
        Task::Agree {
            projects,
            by_document,
            all_mentions,
            json,
        } => agree::agree(&projects, all_mentions, by_document, json),
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
            evaluate::learn_curve(
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

/// "GPE, LOC" → ["GPE", "LOC"].
fn split_labels(list: &str) -> Vec<String> {
    list.split(',')
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
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

#[cfg(test)]
mod tests {
    use super::args::score;
    use super::stats::{row, table};
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
