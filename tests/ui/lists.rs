//! Word lists outside the project's folder: a project file can name any file, so the window
//! asks before it reads such a list, and remembers the answer for the session.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::app::dialogs::ScriptedDialogs;
use gloss::model::{DocId, Document, Project, UserList};
use gloss::ui::Workbench;

use crate::support::*;

const QUESTION: &str = "This project reads word lists from outside its folder";

/// A project in `project/` whose list is `../outside.tsv`, beside the folder.
fn outside_project() -> (tempfile::TempDir, Harness<'static, Workbench>) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("project");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(dir.path().join("outside.tsv"), "Orvala Accord\tMISC\n").unwrap();
    let mut p = Project::new("lists");
    p.matcher.rules = false;
    p.matcher.learned = false;
    // Only the lists: the starting weights may know the accord by its form.
    p.matcher.model = false;
    p.matcher.user_lists.push(UserList {
        path: "../outside.tsv".into(),
        fold_case: false,
    });
    p.insert_document(Document::new(
        DocId(1),
        "d",
        "The Orvala Accord was signed in Quito.",
    ));
    let path = folder.join("lists.ron");
    gloss::io::project_file::save(&path, &p).unwrap();
    let mut h = harness_for(Some(&path), ScriptedDialogs::new());
    wait_for_suggestions(&mut h);
    (dir, h)
}

#[test]
fn a_list_outside_the_project_is_read_only_when_the_user_says_so() {
    let (_dir, mut h) = outside_project();
    // Asked first; meanwhile the bundled lists work and the outside list is not read.
    assert!(h.query_by_label_contains(QUESTION).is_some());
    assert!(h.query_by_label_contains("../outside.tsv").is_some());
    assert!(h.query_by_label("Suggestion GPE: Quito").is_some());
    assert!(h.query_by_label("Suggestion MISC: Orvala Accord").is_none());

    h.get_by_label("Use them").click();
    wait_for_suggestions(&mut h);
    wait_for_suggestions(&mut h);
    assert!(h.query_by_label_contains(QUESTION).is_none());
    assert!(h.query_by_label("Suggestion MISC: Orvala Accord").is_some());
}

#[test]
fn skipped_lists_stay_skipped_and_are_not_asked_about_again() {
    let (_dir, mut h) = outside_project();
    h.get_by_label("Skip them").click();
    wait_for_suggestions(&mut h);
    assert!(h.query_by_label_contains(QUESTION).is_none());
    assert!(h.query_by_label("Suggestion MISC: Orvala Accord").is_none());
    assert!(
        h.state()
            .status()
            .is_some_and(|s| s.contains("skipped word lists")),
        "{:?}",
        h.state().status()
    );

    // The lists are read again (as after a change of settings): the answer holds.
    h.state_mut().review.reconfigure();
    wait_for_suggestions(&mut h);
    wait_for_suggestions(&mut h);
    assert!(h.query_by_label_contains(QUESTION).is_none());
    assert!(h.query_by_label("Suggestion MISC: Orvala Accord").is_none());
    assert!(h.query_by_label("Suggestion GPE: Quito").is_some());
}

#[test]
fn the_question_answers_to_enter_and_escape() {
    // Enter: the highlighted answer, "Use them".
    let (_dir, mut h) = outside_project();
    assert!(h.query_by_label_contains(QUESTION).is_some());
    h.key_press(egui::Key::Enter);
    wait_for_suggestions(&mut h);
    assert!(h.query_by_label_contains(QUESTION).is_none());
    assert!(h.query_by_label("Suggestion MISC: Orvala Accord").is_some());
    // Esc: skip them.
    let (_dir, mut h) = outside_project();
    h.key_press(egui::Key::Escape);
    wait_for_suggestions(&mut h);
    assert!(h.query_by_label_contains(QUESTION).is_none());
    assert!(h.query_by_label("Suggestion MISC: Orvala Accord").is_none());
}
