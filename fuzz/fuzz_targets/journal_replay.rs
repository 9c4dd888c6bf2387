//! Crash recovery on an arbitrary journal: a small project is saved in a scratch folder and
//! the input written beside it as its journal, then `Session::open` opens it. Unless the input
//! starts like a journal header (`{"gloss_journal"`), it is written after a valid header for
//! that project, so its lines are replayed as edits. Opening must succeed (the project file is
//! sound; only the journal is bad), never panic, and the replayed project must pass
//! `model::validate` and survive a save and a load.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use gloss::app::Session;
use gloss::io::{journal, project_file};
use libfuzzer_sys::fuzz_target;

/// The saved project's text, the journal header line that matches it, and the project as
/// loaded from it and saved again.
fn fixture() -> &'static (String, String, String) {
    static FIXTURE: OnceLock<(String, String, String)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let text = project_file::to_ron(gloss_fuzz::base());
        let loaded = project_file::from_ron(&text, Path::new("p.ron")).unwrap();
        let loaded = project_file::to_ron(&loaded);
        let header = journal::Header {
            gloss_journal: 1,
            project: "p.ron".into(),
            base: journal::content_hash(text.as_bytes()),
        };
        let mut line = serde_json::to_string(&header).unwrap();
        line.push('\n');
        (text, line, loaded)
    })
}

fuzz_target!(|data: &[u8]| {
    let (text, header, saved) = fixture();
    let dir = gloss_fuzz::scratch("journal");
    let path = dir.join("p.ron");
    std::fs::write(&path, text).unwrap();
    let mut bytes = Vec::with_capacity(header.len() + data.len());
    if !data.starts_with(b"{\"gloss_journal\"") {
        bytes.extend_from_slice(header.as_bytes());
    }
    bytes.extend_from_slice(data);
    std::fs::write(journal::path_for(&path), &bytes).unwrap();

    let mut session = match Session::open(&path) {
        Ok(s) => s,
        Err(e) => panic!("a sound project with a bad journal does not open: {e}"),
    };
    for notice in session.take_notices() {
        assert!(
            !notice.contains('\n'),
            "a notice of several lines: {notice:?}"
        );
    }
    gloss_fuzz::check_project(&session.project, "replayed project");
    // Undo everything replayed, then redo it: the history recovered from the journal must walk.
    let replayed = project_file::to_ron(&session.project);
    let mut undone = 0;
    loop {
        match session.undo() {
            Ok(Some(_)) => undone += 1,
            Ok(None) => break,
            Err(e) => panic!("a replayed edit does not undo: {e}"),
        }
    }
    gloss_fuzz::check_project(&session.project, "after undoing the replay");
    assert!(
        project_file::to_ron(&session.project) == *saved,
        "undoing every replayed edit does not give back the saved project"
    );
    for _ in 0..undone {
        match session.redo() {
            Ok(Some(_)) => {}
            Ok(None) => panic!("an undone replayed edit is not on the redo stack"),
            Err(e) => panic!("an undone replayed edit does not redo: {e}"),
        }
    }
    assert!(
        project_file::to_ron(&session.project) == replayed,
        "redoing every undone edit does not give back the replayed project"
    );
    drop(session);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        text.as_bytes(),
        "opening the project changed its file"
    );
});
