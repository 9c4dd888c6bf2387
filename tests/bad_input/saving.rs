//! Rows of the bad input table about Gloss's own files and saving: links where the lock, the
//! journal or the project should be, permissions and owners, read-only projects, FIFOs and
//! devices as the project, journals whose entries do not all apply, byte-order marks, and the
//! temporary files of killed saves. Each failed before the fix it guards.

#![cfg(unix)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::process::Stdio;

use super::*;

/// Run gloss, killing it after `secs`: a hang is a failure, not a stuck test run.
fn gloss_within(dir: &Path, args: &[&str], secs: u64) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gloss {args:?} hung (killed after {secs} s)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_lock_file_that_is_a_link_is_refused_and_its_target_untouched() {
    let dir = scratch();
    let d = dir.path();
    save(d, "l.ron", &annotated("news"));
    write(d, "victim.txt", b"precious\n");
    write(d, "mayor.txt", MAYOR.as_bytes());
    std::os::unix::fs::symlink("victim.txt", d.join("l.ron.lock")).unwrap();
    let before = snapshot(d);
    let run = gloss(d, &["import", "l.ron", "mayor.txt"]);
    assert_refused(&run, "l.ron.lock", "is a symbolic link");
    assert_eq!(std::fs::read(d.join("victim.txt")).unwrap(), b"precious\n");
    assert_unchanged(d, &before, "import with a linked lock");

    // A dangling link: nothing is created where it points.
    std::fs::remove_file(d.join("l.ron.lock")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", d.join("l.ron.lock")).unwrap();
    let run = gloss(d, &["import", "l.ron", "mayor.txt"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(!d.join("nowhere.txt").exists());
}

#[test]
fn a_journal_that_is_a_link_is_never_written_through() {
    let dir = scratch();
    let d = dir.path();
    save(d, "p.ron", &annotated("news"));
    write(d, "victim.txt", b"precious\n");
    write(d, "mayor.txt", MAYOR.as_bytes());
    std::os::unix::fs::symlink("victim.txt", d.join("p.ron.journal")).unwrap();
    let run = gloss(d, &["import", "p.ron", "mayor.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("is a symbolic link"), "{run:?}");
    assert_eq!(std::fs::read(d.join("victim.txt")).unwrap(), b"precious\n");
    assert_eq!(
        project_file::load(&d.join("p.ron"))
            .unwrap()
            .documents
            .len(),
        3
    );
}

#[test]
fn saving_keeps_permissions_and_owner_and_writes_through_a_linked_project() {
    let dir = scratch();
    let d = dir.path();
    write(d, "mayor.txt", MAYOR.as_bytes());
    write(d, "strike.txt", STRIKE.as_bytes());
    let p = save(d, "m.ron", &annotated("news"));
    set_mode(&p, 0o600);
    let run = gloss(d, &["import", "m.ron", "mayor.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(mode(&p), 0o600, "a private project stays private");
    set_mode(&p, 0o640);
    let run = gloss(d, &["import", "m.ron", "strike.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(mode(&p), 0o640);

    // Root can hand the file to someone else; a save must not take it back.
    let me = std::fs::metadata(&p).unwrap().uid();
    if me == 0 {
        std::os::unix::fs::chown(&p, Some(1234), Some(5678)).unwrap();
        let doc = write(d, "third.txt", b"A third note about the port.\n");
        let run = gloss(d, &["import", "m.ron", doc.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{run:?}");
        let meta = std::fs::metadata(&p).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (1234, 5678), "owner kept");
    }

    std::fs::create_dir(d.join("real")).unwrap();
    save(&d.join("real"), "p.ron", &annotated("news"));
    std::os::unix::fs::symlink("real/p.ron", d.join("link.ron")).unwrap();
    let run = gloss(d, &["import", "link.ron", "mayor.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        gloss::io::files::is_link(&d.join("link.ron")),
        "the link stays"
    );
    let real = project_file::load(&d.join("real/p.ron")).unwrap();
    assert!(real.documents.iter().any(|doc| doc.name == "mayor"));
    assert!(!d.join("link.ron.journal").exists() && !d.join("link.ron.lock").exists());
}

#[test]
fn a_read_only_project_is_refused_and_left_alone() {
    let dir = scratch();
    let d = dir.path();
    write(d, "mayor.txt", MAYOR.as_bytes());
    let p = save(d, "ro.ron", &annotated("news"));
    set_mode(&p, 0o444);
    let before = snapshot(d);
    for args in [
        &["import", "ro.ron", "mayor.txt"][..],
        &["suggest", "ro.ron", "--accept-all"],
    ] {
        let run = gloss(d, args);
        assert_refused(&run, "ro.ron", "is read-only; Gloss will not overwrite it");
        assert_unchanged(d, &before, &args.join(" "));
    }
    assert_eq!(mode(&p), 0o444);
    // Reading it is fine.
    assert_eq!(gloss(d, &["stats", "ro.ron"]).code, 0);
}

#[test]
fn a_fifo_or_a_device_as_the_project_is_refused_without_hanging() {
    let dir = scratch();
    let d = dir.path();
    write(d, "mayor.txt", MAYOR.as_bytes());
    assert!(
        Command::new("mkfifo")
            .arg(d.join("f.ron"))
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink("/dev/zero", d.join("z.ron")).unwrap();
    for (file, kind) in [("f.ron", "a named pipe (FIFO)"), ("z.ron", "a device")] {
        for args in [
            &["stats", file][..],
            &["import", file, "mayor.txt"],
            &["export", file, "--format", "jsonl", "-o", "o.jsonl"],
        ] {
            let run = gloss_within(d, args, 20);
            assert_eq!(run.code, 1, "{args:?}: {run:?}");
            assert!(
                run.stderr.starts_with(&format!("gloss: {file}: is {kind}")),
                "{args:?}: {run:?}"
            );
        }
    }
}

#[test]
fn journal_entries_after_one_that_does_not_apply_are_kept_and_replayed() {
    let dir = scratch();
    let path = save(dir.path(), "p.ron", &annotated("news"));
    crash_with_edits(
        &path,
        vec![
            lima_span(),
            Edit::SetStatus {
                doc: DocId(2),
                status: Status::Done,
            },
        ],
    );
    // Put an entry between them that cannot apply (no document 99).
    let jpath = journal::path_for(&path);
    let text = std::fs::read_to_string(&jpath).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let bad = lines[2].replace("\"doc\":2", "\"doc\":99");
    assert_ne!(bad, lines[2], "{text}");
    lines.insert(2, &bad);
    let original = format!("{}\n", lines.join("\n"));
    std::fs::write(&jpath, &original).unwrap();

    let mut session = Session::open(&path).unwrap();
    let notices = session.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains("replayed 2 of 3 edits; entry 2 did not apply to this project and was skipped; the whole journal is kept as"),
        "{notices:?}"
    );
    assert_eq!(
        session.project.documents[0].spans.len(),
        3,
        "the edit before"
    );
    assert_eq!(
        session.project.documents[1].status,
        Status::Done,
        "the edit after the one that failed"
    );
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".orphan"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), original);
    drop(session);
    // The live journal holds what applied: reopening replays both again, nothing more.
    let mut again = Session::open(&path).unwrap();
    let notices = again.take_notices();
    assert!(
        notices[0].starts_with("Recovered 2 unsaved edits"),
        "{notices:?}"
    );
}

#[test]
fn a_project_with_a_byte_order_mark_opens() {
    let dir = scratch();
    let d = dir.path();
    let text = project_file::to_ron(&annotated("news"));
    write(d, "bom.ron", format!("\u{feff}{text}").as_bytes());
    let run = gloss(d, &["stats", "bom.ron"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("spans      2\n"), "{run:?}");
    write(d, "mayor.txt", MAYOR.as_bytes());
    let run = gloss(d, &["import", "bom.ron", "mayor.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn temporary_files_of_killed_saves_are_removed_on_open() {
    let dir = scratch();
    let d = dir.path();
    save(d, "p.ron", &annotated("news"));
    write(d, ".p.ron.Xy12ab.gloss-tmp", b"(schema: 1, half");
    write(d, ".q.ron.Xy12ab.gloss-tmp", b"another project's");
    // What the atomicwrites crate of earlier versions left: a folder with the half copy.
    let old = write(d, ".atomicwriteQ1w2E3/p.ron", b"(schema: 1, half");
    let long_ago = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    std::fs::File::open(d.join(".atomicwriteQ1w2E3"))
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    write(d, "mayor.txt", MAYOR.as_bytes());
    let run = gloss(d, &["import", "p.ron", "mayor.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("removed 2 temporary files left by an interrupted save of p.ron"),
        "{run:?}"
    );
    assert!(!d.join(".p.ron.Xy12ab.gloss-tmp").exists());
    assert!(!d.join(".atomicwriteQ1w2E3").exists());
    assert!(d.join(".q.ron.Xy12ab.gloss-tmp").exists(), "not ours");
}
