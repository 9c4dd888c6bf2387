//! What the command-line test files share: running the real `gloss` binary in a folder and a
//! scratch folder to run it in. Each test file uses what it needs (`mod common;`).
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// What one run of `gloss` did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Run `gloss ARGS…` in `dir`, so file names in messages are as typed. A panic is never an
/// acceptable outcome, whatever the test expects otherwise.
pub fn gloss(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the gloss binary runs");
    let run = Run {
        code: out
            .status
            .code()
            .expect("gloss exits rather than being killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !run.stderr.contains("panicked") && run.code != 101,
        "gloss panicked: {run:?}"
    );
    run
}

pub fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}
