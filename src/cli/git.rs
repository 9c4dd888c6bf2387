//! `gloss merge-file` (git's merge driver for project files) and `gloss git-setup` (which tells
//! a repository to use it).
//!
//! git runs a merge driver as `DRIVER %O %A %B %P` — the common ancestor's version, ours, theirs
//! (each in a temporary file) and the file's path in the repository — and takes what the driver
//! leaves in %A as the merge, conflicted when the driver exits non-zero. So `merge-file` writes
//! the merged project over OURS (atomically, with the ordinary save) and exits 1 when there are
//! conflicts, leaving ours' version of each conflicting thing in the file: it opens in Gloss
//! like any project, and `git status` lists it as unmerged until it is added. A file that is not
//! a project is reported and nothing is written.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, ExitCode};

use super::{CliError, emit};
use crate::app::merge;
use crate::io::{IoError, project_file, write_atomic};
use crate::model::Project;

/// The driver's name in git's configuration and in `.gitattributes`.
const DRIVER: &str = "gloss";

/// Merge THEIRS into OURS against BASE, writing the merge over OURS.
pub(super) fn merge_file(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: Option<&str>,
) -> Result<ExitCode, CliError> {
    let load = |role: &'static str, path: &Path| {
        project_file::load(path).map_err(|error| CliError::MergeInput { role, error })
    };
    let o = load("ours", ours)?;
    let t = load("theirs", theirs)?;
    // Both sides added the file (no common ancestor): git passes an empty base.
    let b = match std::fs::metadata(base) {
        Ok(m) if m.len() == 0 => merge::empty_base(&o, &t),
        _ => load("base", base)?,
    };
    let merged = merge::merge(&b, &o, &t);
    project_file::save(ours, &merged.project)?;

    let shown = name.map_or_else(|| ours.display().to_string(), str::to_string);
    for note in &merged.notes {
        eprintln!("gloss: {shown}: {note}");
    }
    for conflict in &merged.conflicts {
        eprintln!("gloss: {shown}: conflict: {conflict}");
    }
    emit(&format!("{}\n", summary(&shown, &o, &merged)))?;
    Ok(if merged.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// One line: what the merge added to ours, and how many conflicts are left.
fn summary(name: &str, ours: &Project, merged: &merge::MergeResult) -> String {
    let (d0, s0, q0, e0) = ours.counts();
    let (d1, s1, q1, e1) = merged.project.counts();
    let delta = |before: usize, after: usize| {
        if after >= before {
            format!("+{}", after - before)
        } else {
            format!("-{}", before - after)
        }
    };
    let outcome = match merged.conflicts.len() {
        0 => "merged".to_string(),
        1 => "1 conflict (kept ours there)".to_string(),
        n => format!("{n} conflicts (kept ours there)"),
    };
    format!(
        "{name}: {outcome}; {d1} documents ({}), {s1} spans ({}), {q1} quotes ({}), {e1} entities ({}) against ours",
        delta(d0, d1),
        delta(s0, s1),
        delta(q0, q1),
        delta(e0, e1),
    )
}

/// Configure the repository holding `repo` to merge `pattern` files with `gloss merge-file`.
pub(super) fn git_setup(
    repo: &Path,
    pattern: &str,
    program: Option<&str>,
) -> Result<ExitCode, CliError> {
    if pattern.is_empty() || pattern.chars().any(char::is_whitespace) {
        return Err(CliError::Git(format!(
            "--pattern {pattern:?}: a .gitattributes pattern has no spaces (e.g. *.ron or projects/*.ron)"
        )));
    }
    let top = git(repo, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        CliError::Git(format!(
            "{}: not in a git repository ({e}); run `git init` there first",
            repo.display()
        ))
    })?;
    let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
    let program = program.map_or_else(default_program, str::to_string);
    let driver = format!("{} merge-file %O %A %B %P", sh_quote(&program));

    let attributes = top.join(".gitattributes");
    let attribute = format!("{pattern} merge={DRIVER}");
    let added = append_missing(&attributes, &[&attribute])?;
    // What lives beside an open project is not shared (see the README, "Projects in git").
    let ignored = append_missing(&top.join(".gitignore"), &["*.ron.journal", "*.ron.lock"])?;
    for (key, value) in [
        ("merge.gloss.name", "Gloss project merge"),
        ("merge.gloss.driver", driver.as_str()),
    ] {
        git(&top, &["config", key, value])
            .map_err(|e| CliError::Git(format!("{}: git config {key}: {e}", top.display())))?;
    }
    let mut text = format!(
        "{}: git merges {pattern} files with `{driver}`\n",
        top.display()
    );
    for (file, lines) in [(".gitattributes", added), (".gitignore", ignored)] {
        if !lines.is_empty() {
            text.push_str(&format!("  {file}: added {}\n", lines.join(", ")));
        }
    }
    text.push_str("  .git/config: merge.gloss.name and merge.gloss.driver set (this clone only)\n");
    text.push_str(
        "Commit .gitattributes and .gitignore; every clone runs `gloss git-setup` once.\n",
    );
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// `gloss` when that is on the PATH, else this executable's full path, so the driver runs.
fn default_program() -> String {
    let on_path = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("gloss").is_file()));
    match std::env::current_exe() {
        Ok(exe) if !on_path => exe.display().to_string(),
        _ => "gloss".to_string(),
    }
}

/// Quote a word for the shell git runs the driver with.
fn sh_quote(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-./+:@%=,".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Append each of `lines` that the file does not have yet; returns those appended.
fn append_missing<'a>(path: &Path, lines: &[&'a str]) -> Result<Vec<&'a str>, CliError> {
    let mut text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(IoError::Read {
                path: path.to_path_buf(),
                source,
            }
            .into());
        }
    };
    let missing: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !text.lines().any(|have| have.trim() == *l))
        .collect();
    if !missing.is_empty() {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        for l in &missing {
            text.push_str(l);
            text.push('\n');
        }
        write_atomic(path, text.as_bytes())?;
    }
    Ok(missing)
}

/// Run git (never anything that reaches a remote) and return its standard output.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Process::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(err
            .lines()
            .next()
            .unwrap_or("git failed")
            .trim()
            .to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_for_the_shell_only_when_needed() {
        assert_eq!(sh_quote("gloss"), "gloss");
        assert_eq!(sh_quote("/usr/bin/gloss"), "/usr/bin/gloss");
        assert_eq!(sh_quote("/my tools/gloss"), "'/my tools/gloss'");
        assert_eq!(sh_quote("it's"), r"'it'\''s'");
    }

    #[test]
    fn lines_already_there_are_not_added_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".gitattributes");
        std::fs::write(&path, "*.png binary").unwrap();
        assert_eq!(
            append_missing(&path, &["*.ron merge=gloss"]).unwrap(),
            ["*.ron merge=gloss"]
        );
        assert!(
            append_missing(&path, &["*.ron merge=gloss"])
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "*.png binary\n*.ron merge=gloss\n"
        );
    }
}
