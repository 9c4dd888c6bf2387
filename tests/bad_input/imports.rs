//! Rows of the bad input table about what an import or a project's word lists name: symbolic
//! link loops and files reached twice, FIFOs and devices where text should be, folders that
//! cannot be read, and word lists that are devices, FIFOs or outside the project's folder.
//! Each failed (or hung) before the fix it guards; every run here is killed after 20 seconds,
//! so a hang fails the test instead of stalling the run.
//!
//! | row | input | outcome |
//! |---|---|---|
//! | folder, link loop | `in/self -> .`, `in/sub/up -> ..`, a second name for a folder and a file | finishes at once; each file imported once (exit 0) |
//! | text, FIFO or device | `f.txt` a FIFO, `r.txt -> /dev/urandom`, `z.txt -> /dev/zero`, in a folder and named | `in/f.txt: is a named pipe (FIFO), not a regular file; …`, `…r.txt: is a device…`; the good file comes in; exit 1 |
//! | folder, unreadable | `chmod 000 in/locked`; a folder deeper than a path may name | `in/locked: cannot read this folder: …; the files in it were not imported`; the files after it come in; exit 1 |
//! | word list, device / FIFO / outside | `user_lists` of `/dev/zero`, a FIFO, `../outside.tsv` | each named; the outside one skipped, saying `--allow-outside-lists`, and used with it |

#![cfg(unix)]

use std::process::Stdio;

use super::*;

/// Run gloss, killing it after `secs`: a hang is a failure, not a stuck test run.
fn run_within(dir: &Path, args: &[&str], secs: u64) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gloss binary runs");
    let read = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            let _ = r.read_to_end(&mut s);
            s
        })
    };
    let out = read(Box::new(child.stdout.take().unwrap()));
    let err = read(Box::new(child.stderr.take().unwrap()));
    let deadline = Instant::now() + Duration::from_secs(secs);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gloss {} did not finish within {secs} s", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let run = Run {
        code: status.code().expect("gloss exits rather than being killed"),
        stdout: String::from_utf8(out.join().unwrap()).unwrap(),
        stderr: String::from_utf8(err.join().unwrap()).unwrap(),
    };
    assert!(
        !run.stderr.contains("panicked") && run.code != 101,
        "gloss panicked: {run:?}"
    );
    run
}

fn fifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status();
    assert!(made.unwrap().success(), "mkfifo {}", path.display());
}

fn link(target: &str, path: &Path) {
    std::os::unix::fs::symlink(target, path).unwrap();
}

/// The texts of the project's documents after the two of `annotated`.
fn imported(path: &Path) -> Vec<String> {
    let project = project_file::load(path).unwrap();
    project.documents[2..]
        .iter()
        .map(|d| d.text.to_string())
        .collect()
}

#[test]
fn a_symlink_loop_and_a_self_link_finish_and_import_each_file_once() {
    let dir = scratch();
    let path = save(dir.path(), "p.ron", &annotated("news"));
    write(dir.path(), "in/a.txt", MAYOR.as_bytes());
    write(dir.path(), "in/sub/b.txt", STRIKE.as_bytes());
    link(".", &dir.path().join("in/self"));
    link("..", &dir.path().join("in/sub/up"));
    link("sub", &dir.path().join("in/again"));
    link("a.txt", &dir.path().join("in/also-a.txt"));
    let started = Instant::now();
    let run = run_within(dir.path(), &["import", "p.ron", "in", "in/a.txt"], 20);
    assert!(started.elapsed() < Duration::from_secs(10), "{run:?}");
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "added 2 documents to p.ron (0 skipped)\n");
    assert_eq!(run.stderr, "", "{run:?}");
    assert_eq!(imported(&path), [MAYOR, STRIKE]);
}

#[test]
fn fifos_and_devices_are_named_and_skipped_in_a_folder_and_named_directly() {
    let dir = scratch();
    let path = save(dir.path(), "p.ron", &annotated("news"));
    write(dir.path(), "in/a.txt", MAYOR.as_bytes());
    fifo(&dir.path().join("in/f.txt"));
    link("/dev/urandom", &dir.path().join("in/r.txt"));
    link("/dev/zero", &dir.path().join("in/z.txt"));
    let run = run_within(dir.path(), &["import", "p.ron", "in"], 20);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stdout, "added 1 document to p.ron (3 skipped)\n");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{run:?}");
    assert!(
        lines[0].starts_with("gloss: in/f.txt: is a named pipe (FIFO), not a regular file"),
        "{run:?}"
    );
    assert!(
        lines[1].starts_with("gloss: in/r.txt: is a device, not a regular file"),
        "{run:?}"
    );
    assert!(
        lines[2].starts_with("gloss: in/z.txt: is a device, not a regular file"),
        "{run:?}"
    );
    assert_eq!(imported(&path), [MAYOR]);

    // Named on the command line, the same: named, skipped, the good file still comes in.
    const TRAMS: &str = "The trams of Porto Vale ran late all week.\n";
    write(dir.path(), "trams.txt", TRAMS.as_bytes());
    let run = run_within(
        dir.path(),
        &["import", "p.ron", "in/f.txt", "in/z.txt", "trams.txt"],
        20,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stdout, "added 1 document to p.ron (2 skipped)\n");
    assert!(run.stderr.contains("in/f.txt: is a named pipe"), "{run:?}");
    assert!(run.stderr.contains("in/z.txt: is a device"), "{run:?}");
    assert_eq!(imported(&path), [MAYOR, TRAMS]);

    // The other importers read only regular files too.
    let run = run_within(
        dir.path(),
        &["import", "p.ron", "--format", "conll", "in/z.txt"],
        20,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("in/z.txt: is a device"), "{run:?}");
}

#[test]
fn an_unreadable_folder_is_named_and_the_walk_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch();
    let path = save(dir.path(), "p.ron", &annotated("news"));
    write(dir.path(), "in/a.txt", MAYOR.as_bytes());
    write(dir.path(), "in/locked/b.txt", b"Locked away.\n");
    write(dir.path(), "in/z/c.txt", STRIKE.as_bytes());
    let locked = dir.path().join("in/locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Tests often run as root, which reads any folder whatever its mode: then the folder is
    // imported and there is no refusal to check (the folder too deep to name, below, checks
    // the same path as root).
    let root_reads_it = std::fs::read_dir(&locked).is_ok();
    let run = run_within(dir.path(), &["import", "p.ron", "in"], 20);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if root_reads_it {
        assert_eq!(run.code, 0, "{run:?}");
        assert_eq!(imported(&path).len(), 3, "{run:?}");
        return;
    }
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stdout, "added 2 documents to p.ron (1 skipped)\n");
    assert!(
        run.stderr
            .starts_with("gloss: in/locked: cannot read this folder: ")
            && run.stderr.contains("the files in it were not imported"),
        "{run:?}"
    );
    assert_eq!(imported(&path), [MAYOR, STRIKE]);
}

#[test]
fn a_folder_too_deep_to_read_is_named_and_the_walk_goes_on() {
    // A folder no one can list, root included: its path is longer than the system allows.
    // The walk used to stop at it, and the files after it were dropped without a word.
    let dir = scratch();
    let path = save(dir.path(), "p.ron", &annotated("news"));
    write(dir.path(), "in/a.txt", MAYOR.as_bytes());
    write(dir.path(), "in/z.txt", STRIKE.as_bytes());
    let name = "d".repeat(200);
    let script = format!(
        "i=0; while [ $i -lt 25 ]; do mkdir {name} && cd {name} || exit 1; i=$((i+1)); done; echo deep > deep.txt"
    );
    let made = Command::new("bash")
        .args(["-c", &script])
        .current_dir(dir.path().join("in"))
        .status();
    assert!(made.unwrap().success());
    let run = run_within(dir.path(), &["import", "p.ron", "in"], 20);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stdout, "added 2 documents to p.ron (1 skipped)\n");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    assert!(
        run.stderr.starts_with("gloss: in/ddd")
            && run.stderr.contains("cannot read this folder")
            && run.stderr.contains("the files in it were not imported"),
        "{run:?}"
    );
    assert_eq!(imported(&path), [MAYOR, STRIKE]);
}

/// A project in `project/` of `dir` whose word lists are `lists`.
fn project_with_lists(dir: &Path, lists: &[&str]) -> PathBuf {
    let mut p = annotated("news");
    p.matcher.rules = false;
    p.matcher.learned = false;
    p.matcher.quotes = false;
    p.matcher.user_lists = lists
        .iter()
        .map(|l| gloss::model::UserList {
            path: l.to_string(),
            fold_case: false,
        })
        .collect();
    std::fs::create_dir_all(dir.join("project")).unwrap();
    save(dir, "project/p.ron", &p)
}

#[test]
fn word_lists_that_are_devices_fifos_or_outside_the_project_are_named() {
    let dir = scratch();
    let project = dir.path().join("project");
    project_with_lists(
        dir.path(),
        &["/dev/zero", "fifo.tsv", "../outside.tsv", "mine.tsv"],
    );
    fifo(&project.join("fifo.tsv"));
    write(&project, "mine.tsv", b"Dock workers\tORG\n");
    write(dir.path(), "outside.tsv", b"Karsk\tGPE\n");

    let run = run_within(&project, &["suggest", "p.ron", "-o", "-"], 20);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("word list /dev/zero: is a device, not a regular file"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("word list fifo.tsv: is a named pipe (FIFO)"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("word list ../outside.tsv: outside the project's folder")
            && run.stderr.contains("--allow-outside-lists"),
        "{run:?}"
    );
    assert!(run.stdout.contains("\"text\":\"Dock workers\""), "{run:?}");
    assert!(!run.stdout.contains("Karsk in the "), "{run:?}");

    let run = run_within(
        &project,
        &["suggest", "p.ron", "-o", "-", "--allow-outside-lists"],
        20,
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains("word list /dev/zero: is a device"),
        "{run:?}"
    );
    assert!(
        !run.stderr.contains("outside the project's folder"),
        "{run:?}"
    );
    assert!(run.stdout.contains("Karsk in the "), "{run:?}");
    assert!(run.stdout.contains("\"text\":\"Dock workers\""), "{run:?}");
}

#[test]
fn a_word_list_linked_from_inside_to_outside_counts_as_outside() {
    let dir = scratch();
    let project = dir.path().join("project");
    project_with_lists(dir.path(), &["linked.tsv"]);
    write(dir.path(), "outside.tsv", b"Karsk\tGPE\n");
    link("../outside.tsv", &project.join("linked.tsv"));
    let run = run_within(&project, &["suggest", "p.ron", "-o", "-"], 20);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("word list linked.tsv: outside the project's folder"),
        "{run:?}"
    );
    assert!(!run.stdout.contains("Karsk in the "), "{run:?}");
}
