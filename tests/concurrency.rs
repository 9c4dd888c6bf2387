//! Two and three `gloss` processes on one project at once: every command that reports success
//! has its change on disk, and a command that cannot get the project names who holds it.
//!
//! Each round starts the processes together (imports of different files, `suggest
//! --accept-all`, `export`) on one project — existing, or not yet created — waits for all, and
//! then reads the project back: every import that exited 0 has its document there, an
//! accept-all that exited 0 has its spans there, and every export that exited 0 wrote a whole
//! file. Before the project lock was taken atomically and before reading, 7 of 40 such rounds
//! lost a document.

#![cfg(unix)]

use std::path::Path;
use std::process::{Child, Command, Stdio};

use gloss::io::project_file;

mod common;
use common::{gloss, scratch};

const ROUNDS: usize = 12;

fn start(dir: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(dir)
        .env("GLOSS_LOCK_WAIT", "120")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gloss starts")
}

/// Wait for a child: its exit code and what it said on stderr.
fn finish(child: Child) -> (i32, String) {
    let out = child.wait_with_output().expect("gloss finishes");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "gloss panicked: {stderr}");
    (out.status.code().unwrap_or(-1), stderr)
}

fn names(path: &Path) -> Vec<String> {
    project_file::load(path)
        .expect("the project loads after every round")
        .documents
        .iter()
        .map(|d| d.name.clone())
        .collect()
}

fn article(dir: &Path, name: &str, body: &str) {
    std::fs::write(dir.join(format!("{name}.txt")), body).unwrap();
}

#[test]
fn concurrent_imports_never_lose_a_reported_success() {
    let dir = scratch();
    let d = dir.path();
    article(
        d,
        "base",
        "The harbour board met on Monday in Portsmouth.\n",
    );
    for round in 0..ROUNDS {
        // Odd rounds start from no project at all: the first process creates it.
        let project = format!("r{round}.ron");
        if round % 2 == 0 {
            let run = gloss(d, &["import", &project, "base.txt"]);
            assert_eq!(run.code, 0, "{run:?}");
        }
        let writers = if round % 3 == 0 { 3 } else { 2 };
        let mut children = Vec::new();
        for w in 0..writers {
            let name = format!("n{round}w{w}");
            article(
                d,
                &name,
                &format!("Note {w} of round {round}, filed late.\n"),
            );
            children.push((
                name.clone(),
                start(d, &["import", &project, &format!("{name}.txt")]),
            ));
        }
        let docs: Vec<(String, i32, String)> = children
            .into_iter()
            .map(|(n, c)| {
                let (code, err) = finish(c);
                (n, code, err)
            })
            .collect();
        let present = names(&d.join(&project));
        for (name, code, err) in &docs {
            assert_eq!(*code, 0, "round {round}: import of {name} failed: {err}");
            assert!(
                present.contains(name),
                "round {round}: import of {name} said it succeeded but the project holds {present:?}"
            );
            assert!(!err.contains("cannot write"), "round {round}: {err}");
        }
        assert!(
            !d.join(format!("{project}.journal")).exists()
                && !d.join(format!("{project}.lock")).exists(),
            "round {round}: a journal or lock was left behind"
        );
    }
}

#[test]
fn imports_accept_all_and_exports_at_once_keep_every_success() {
    let dir = scratch();
    let d = dir.path();
    article(
        d,
        "base",
        "Maria Lindqvist, the mayor of Oslo, said the ferry to Germany would run again.\n\
         \"We will not wait for the ministry,\" Lindqvist said on Tuesday.\n",
    );
    for round in 0..ROUNDS / 2 {
        let project = format!("m{round}.ron");
        let run = gloss(d, &["import", &project, "base.txt"]);
        assert_eq!(run.code, 0, "{run:?}");
        let extra = format!("x{round}");
        article(
            d,
            &extra,
            "Jonas Berg spoke in Bergen about the port of Norway.\n",
        );
        let out = format!("m{round}.jsonl");
        let import = start(d, &["import", &project, &format!("{extra}.txt")]);
        let accept = start(d, &["suggest", &project, "--accept-all"]);
        let export = start(d, &["export", &project, "--format", "jsonl", "-o", &out]);
        let (import_code, import_err) = finish(import);
        let (accept_code, accept_err) = finish(accept);
        let (export_code, export_err) = finish(export);
        assert_eq!(import_code, 0, "round {round}: {import_err}");
        assert_eq!(accept_code, 0, "round {round}: {accept_err}");
        assert_eq!(export_code, 0, "round {round}: {export_err}");

        let p = project_file::load(&d.join(&project)).unwrap();
        assert!(
            p.documents.iter().any(|doc| doc.name == extra),
            "round {round}: the import is missing"
        );
        let base = p.documents.iter().find(|doc| doc.name == "base").unwrap();
        assert!(
            !base.spans.is_empty(),
            "round {round}: accept-all said it succeeded but the base article has no spans"
        );
        // The export is a whole file: every line parses and names a document.
        let text = std::fs::read_to_string(d.join(&out)).unwrap();
        assert!(!text.is_empty(), "round {round}: empty export");
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("round {round}: export line {line:?}: {e}"));
            assert!(v.get("doc").is_some(), "round {round}: {line}");
        }
    }
}

#[test]
fn a_held_project_is_waited_for_then_refused_naming_the_holder() {
    let dir = scratch();
    let d = dir.path();
    article(d, "a", "A short note about the harbour.\n");
    let run = gloss(d, &["import", "p.ron", "a.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    let before = std::fs::read(d.join("p.ron")).unwrap();

    // A window holds it (this test process opens it as a window would): refused at once.
    let session = gloss::app::Session::open(&d.join("p.ron")).unwrap();
    article(d, "b", "Another note.\n");
    let run = gloss(d, &["import", "p.ron", "b.txt"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("p.ron: is open in a Gloss window (process ")
            && run.stderr.contains(&std::process::id().to_string()),
        "{run:?}"
    );
    drop(session);
    assert_eq!(std::fs::read(d.join("p.ron")).unwrap(), before);

    // Another command holds it (this process, now calling itself a command): the second
    // waits, saying so, then refuses naming it.
    gloss::io::lock::set_role("gloss hold");
    let held = gloss::io::lock::ProjectLock::acquire_with(
        &d.join("p.ron"),
        std::time::Duration::ZERO,
        |_| {},
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["import", "p.ron", "a.txt"])
        .current_dir(d)
        .env("GLOSS_LOCK_WAIT", "0.3")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let me = std::process::id();
    assert!(
        err.contains(&format!("waiting for `gloss hold` (process {me})")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "p.ron: is being changed by `gloss hold` (process {me}); waited 0 s"
        )),
        "{err}"
    );
    assert_eq!(std::fs::read(d.join("p.ron")).unwrap(), before);
    // Let go, and a waiting command goes ahead.
    let waiter = start(d, &["import", "p.ron", "b.txt"]);
    std::thread::sleep(std::time::Duration::from_millis(200));
    drop(held);
    let (code, err) = finish(waiter);
    assert_eq!(code, 0, "{err}");
    assert!(names(&d.join("p.ron")).contains(&"b".to_string()));
}
