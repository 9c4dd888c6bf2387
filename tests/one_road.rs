//! One road through `app`: the command line and the window import through `app::formats` and
//! edit through `Session::execute`, so they apply the same rules — a text file already in the
//! project is not added again, and the first annotation of a todo document marks it in
//! progress, whether it comes from the window or from `gloss suggest --accept-all`.

use std::path::Path;

use gloss::app::Session;
use gloss::app::formats::{self, ImportFormat};
use gloss::io::project_file;
use gloss::model::{Project, Status};

mod common;
use common::{gloss, scratch};

const MAYOR: &str = "Mayor Lena Ortiz opened the new tram line in Porto Vale on Saturday, \
two years later than planned. \"We waited long enough,\" Lena Ortiz said.\n";

fn load(path: &Path) -> Project {
    project_file::load(path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn accepting_every_suggestion_from_the_cli_marks_the_document_in_progress() {
    let dir = scratch();
    std::fs::write(dir.path().join("mayor.txt"), MAYOR).unwrap();
    let run = gloss(dir.path(), &["import", "p.ron", "mayor.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        load(&dir.path().join("p.ron")).documents[0].status,
        Status::Todo
    );

    let run = gloss(dir.path(), &["suggest", "p.ron", "--accept-all"]);
    assert_eq!(run.code, 0, "{run:?}");
    let p = load(&dir.path().join("p.ron"));
    assert!(
        !p.documents[0].spans.is_empty(),
        "nothing accepted: {run:?}"
    );
    assert_eq!(p.documents[0].status, Status::InProgress);
    let stats = gloss(dir.path(), &["stats", "p.ron"]);
    assert!(stats.stdout.contains("in progress 1"), "{stats:?}");
}

#[test]
fn the_same_text_file_imported_twice_is_added_once_by_either_road() {
    let dir = scratch();
    let file = dir.path().join("mayor.txt");
    std::fs::write(&file, MAYOR).unwrap();
    let paths = [file.clone()];

    // The window's road: app::formats, then the session.
    let mut s = Session::with_project(Project::new("p"), None);
    let first = formats::import(ImportFormat::Txt, &paths, &s.project).unwrap();
    assert_eq!((first.documents, first.already.len()), (1, 0));
    assert_eq!(first.summary(), "added 1 document");
    s.execute(first.command.unwrap()).unwrap();
    let again = formats::import(ImportFormat::Txt, &paths, &s.project).unwrap();
    assert_eq!((again.documents, again.already.len()), (0, 1));
    assert!(again.command.is_none());
    assert_eq!(again.already[0].name, "mayor");
    assert_eq!(
        again.summary(),
        "added 0 documents; 1 already in the project, not added again: mayor.txt (as \"mayor\")"
    );
    // The same article twice in one batch (a copy in another folder) is added once too.
    let copy = dir.path().join("copy/mayor.txt");
    std::fs::create_dir_all(dir.path().join("copy")).unwrap();
    std::fs::copy(&file, &copy).unwrap();
    let twice = formats::import(ImportFormat::Txt, &[file, copy], &Project::new("q")).unwrap();
    assert_eq!((twice.documents, twice.already.len()), (1, 1));

    // The command line's road: the same rule, the same document.
    for _ in 0..2 {
        let run = gloss(dir.path(), &["import", "p.ron", "mayor.txt"]);
        assert_eq!(run.code, 0, "{run:?}");
    }
    let cli = load(&dir.path().join("p.ron"));
    assert_eq!(cli.documents.len(), 1);
    let (a, b) = (&cli.documents[0], &s.project.documents[0]);
    assert_eq!((&a.name, &a.text, a.status), (&b.name, &b.text, b.status));
}
