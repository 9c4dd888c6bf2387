//! The Suggestions tab's outside engines: a failing engine's message and standard error are
//! shown (and the built-in engines' suggestions come all the same), and every change to the
//! engines is one undoable command — a typed command line only once Enter commits it.

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::app::dialogs::ScriptedDialogs;
use gloss::io::project_file;
use gloss::model::ExternalEngine;
use gloss::ui::Workbench;

use crate::support::{harness_for, project, until};

/// Frames until the window is idle (matching after a settings change takes a few).
fn settle(h: &mut Harness<'_, Workbench>) {
    for _ in 0..600 {
        h.step();
        if h.try_run().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the window never settled");
}

fn engines(h: &Harness<'_, Workbench>) -> Vec<ExternalEngine> {
    h.state().session.project.matcher.external.clone()
}

#[test]
fn a_failing_engine_shows_its_stderr_and_engine_edits_undo() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.py"),
        "import sys\nsys.stderr.write('loading the model\\nno model here\\n')\nsys.exit(3)\n",
    )
    .unwrap();
    let mut p = project();
    let mut e = ExternalEngine::new("broken", "python3");
    // A relative path: engines run in the project's folder.
    e.args = vec!["broken.py".into()];
    p.matcher.external.push(e);
    let path = dir.path().join("engines.ron");
    project_file::save(&path, &p).unwrap();
    let mut h = harness_for(Some(&path), ScriptedDialogs::new());
    h.get_by_label("Suggestions").click();
    until(&mut h, "the failure", |h| {
        h.query_by_label_contains("engine broken failed (exit status 3): no model here")
            .is_some()
    });
    assert!(
        h.query_by_label_contains("loading the model").is_some(),
        "stderr shown"
    );
    assert!(h.query_by_label("Run engines again").is_some());
    until(&mut h, "the built-in engines' suggestions", |h| {
        h.query_all_by_label_contains("Suggestion ").count() > 0
    });

    h.get_by_label("Outside engines").click();
    settle(&mut h);
    h.get_by_label("broken on").click();
    settle(&mut h);
    assert!(!engines(&h)[0].enabled);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(engines(&h)[0].enabled, "undone");

    let field = h.get_by_role_and_label(Role::TextInput, "Command");
    assert_eq!(field.value().as_deref(), Some("python3 broken.py"));
    field.focus();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Command")
        .type_text("python3 'fixed engine.py' --fast");
    settle(&mut h);
    assert_eq!(engines(&h)[0].args, ["broken.py"], "not while typing");
    h.key_press(Key::Enter);
    settle(&mut h);
    let e = &engines(&h)[0];
    assert_eq!(
        (e.command.as_str(), e.args.clone()),
        (
            "python3",
            vec!["fixed engine.py".to_string(), "--fast".into()]
        )
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(engines(&h)[0].args, ["broken.py"]);

    h.get_by_label("Add an engine").click();
    settle(&mut h);
    assert_eq!(engines(&h).len(), 2);
    assert_eq!(engines(&h)[1].name, "engine1");
    h.get_by_label("spaCy (bundled engine)").click();
    settle(&mut h);
    assert!(h.state().session.project.matcher.spacy.enabled);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(engines(&h).len(), 1);
    assert!(!h.state().session.project.matcher.spacy.enabled);
}
