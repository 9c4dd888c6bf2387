//! The `gloss` binary: parse the command line, open the window or run a task, and turn the
//! outcome into an exit status (see `gloss::cli` for what each status means).

use std::process::ExitCode;

use clap::Parser;
use gloss::cli::{self, Cli, Invocation};

fn main() -> ExitCode {
    // Usage errors exit here with status 2, printed by clap.
    let outcome: anyhow::Result<ExitCode> = match Cli::parse().invocation() {
        Invocation::Window(launch) => gloss::ui::run(launch).map(|()| ExitCode::SUCCESS),
        Invocation::Task(task) => cli::run(task).map_err(anyhow::Error::from),
    };
    outcome.unwrap_or_else(|e| {
        // The chain of causes, each once: a message that already quotes its cause (as the
        // file errors do) does not get it again.
        let mut message = e.to_string();
        for cause in e.chain().skip(1) {
            let cause = cause.to_string();
            if !message.contains(&cause) {
                message = format!("{message}: {cause}");
            }
        }
        eprintln!("gloss: {message}");
        ExitCode::FAILURE
    })
}
