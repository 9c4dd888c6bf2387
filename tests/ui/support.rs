//! Shared set-up: a small project on disk, a harness around the real app, and helpers to drag
//! across text by code point offsets.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, Pos2, vec2};
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, HarnessBuilder};
use gloss::app::dialogs::ScriptedDialogs;
use gloss::io::project_file;
use gloss::model::{CharRange, DocId, Document, Entity, EntityId, Project, Span, SpanId};
use gloss::ui::{Workbench, WorkbenchOptions};

pub const FIRST: &str = "President Ana Ruiz met Bo Li in Lima on Monday.\nRuiz said the talks in Lima went well.\n\nLi agreed 👍 and left for Quito.";
pub const SECOND: &str = "The Andean Council met in Quito.\nIts chair, Marta Solís, spoke first.";

/// A two-document project with one span ("Ana Ruiz", PERSON) on the first document.
pub fn project() -> Project {
    let mut p = Project::new("test");
    let mut d = Document::new(DocId(1), "first", FIRST);
    d.insert_span(Span::new(SpanId(1), CharRange::new(10, 18), "PERSON"));
    p.insert_document(d);
    p.insert_document(Document::new(DocId(2), "second", SECOND));
    p.insert_entity(Entity {
        id: EntityId(1),
        name: "Marta Solís".into(),
        label: "PERSON".into(),
        aliases: vec![],
        attributes: Default::default(),
    });
    p
}

/// Write `project()` into a fresh temporary folder; returns the folder guard and the path.
pub fn project_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = save_in(dir.path(), "test.ron", &project());
    (dir, path)
}

/// Save `p` as `file` in `dir`; returns its path.
pub fn save_in(dir: &Path, file: &str, p: &Project) -> PathBuf {
    let path = dir.join(file);
    project_file::save(&path, p).expect("save");
    path
}

/// Save `p` as `file` in a fresh temporary folder and open it with no file dialogs answered;
/// returns the folder guard, the path and the harness.
pub fn open_saved(
    p: &Project,
    file: &str,
) -> (tempfile::TempDir, PathBuf, Harness<'static, Workbench>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = save_in(dir.path(), file, p);
    let h = harness_for(Some(&path), ScriptedDialogs::new());
    (dir, path, h)
}

/// The harness settings of the window tests: a 1280×800 window and short steps.
pub fn builder() -> HarnessBuilder<Workbench> {
    // Short steps: kittest gives every queued event its own frame, and two clicks must fall
    // within egui's double-click delay (0.3 s).
    Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .with_step_dt(0.05)
        // Background work (matching, exports) answers between frames; a result that lands
        // mid-run takes a few more frames to settle than kittest's default of 4.
        .with_max_steps(12)
}

/// The window on `path` (or a new untitled project), built with `builder`.
pub fn build(
    builder: HarnessBuilder<Workbench>,
    path: Option<&Path>,
    dialogs: ScriptedDialogs,
) -> Harness<'static, Workbench> {
    let path = path.map(Path::to_path_buf);
    builder.build_eframe(move |cc| Workbench::new(cc, WorkbenchOptions::for_tests(path, dialogs)))
}

/// A new untitled project whose journal is kept at `recovery` (recovered from it if it holds
/// unsaved work), as the window starts with no project named.
pub fn recovering(recovery: PathBuf) -> Harness<'static, Workbench> {
    let options = move || WorkbenchOptions {
        recovery: Some(recovery),
        ..WorkbenchOptions::for_tests(None, ScriptedDialogs::new())
    };
    builder().build_eframe(move |cc| Workbench::new(cc, options()))
}

pub fn harness_for(path: Option<&Path>, dialogs: ScriptedDialogs) -> Harness<'static, Workbench> {
    let mut h = build(builder(), path, dialogs);
    h.run();
    h
}

/// Step frames until the background job (an import, an export, reading annotators' projects)
/// is done.
pub fn wait_for_job(h: &mut Harness<'_, Workbench>) {
    for _ in 0..4000 {
        if !h.state().job_running() {
            h.run();
            return;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    panic!("the job did not finish");
}

/// Step frames until `ready` holds (the learner, the matcher and outside engines answer from
/// their own threads), for at most 30 seconds.
pub fn until(
    h: &mut Harness<'_, Workbench>,
    what: &str,
    ready: impl Fn(&Harness<'_, Workbench>) -> bool,
) {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(30) {
        h.step();
        if ready(h) {
            let _ = h.try_run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("waited in vain for {what}");
}

/// Step frames until the worker has answered for the current state of the project.
pub fn wait_for_suggestions(h: &mut Harness<'_, Workbench>) {
    for _ in 0..400 {
        h.step();
        let app = h.state();
        let rev = app.session.revision();
        // Settled once the answer is in and nothing else is pending (a frame may start another
        // request, e.g. after new matcher settings).
        if app.editing.doc.is_some_and(|d| !app.review.busy(d, rev)) && h.try_run().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("suggestions did not arrive");
}

/// The app on a fresh copy of `project()`.
pub fn open() -> (tempfile::TempDir, PathBuf, Harness<'static, Workbench>) {
    let (dir, path) = project_file();
    let h = harness_for(Some(&path), ScriptedDialogs::new());
    (dir, path, h)
}

/// Where code point `offset` of the open document is on screen.
pub fn at(h: &Harness<'_, Workbench>, offset: usize) -> Pos2 {
    h.state()
        .char_pos(offset)
        .unwrap_or_else(|| panic!("offset {offset} is not on screen"))
}

/// Drag with the mouse from code point `from` to code point `to`.
pub fn drag(h: &mut Harness<'_, Workbench>, from: usize, to: usize) {
    let a = at(h, from);
    let b = at(h, to);
    h.hover_at(a);
    h.run();
    h.drag_at(a);
    h.run();
    h.hover_at(Pos2::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0));
    h.run();
    h.hover_at(b);
    h.run();
    h.drop_at(b);
    h.run();
}

pub fn key(h: &mut Harness<'_, Workbench>, k: Key) {
    h.key_press(k);
    settle(h);
}

pub fn key_mod(h: &mut Harness<'_, Workbench>, m: Modifiers, k: Key) {
    h.key_press_modifiers(m, k);
    settle(h);
}

/// Run frames until the window stops repainting. A key may start background work (the
/// matcher, the learner) whose spinner repaints for longer than one `run` allows on a loaded
/// machine; wait for it a while rather than fail.
pub fn settle(h: &mut Harness<'_, Workbench>) {
    for _ in 0..400 {
        if h.try_run().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the window kept repainting");
}

/// The spans of the open document as (start, end, label).
pub fn spans(h: &Harness<'_, Workbench>) -> Vec<(usize, usize, String)> {
    let app = h.state();
    let doc = app
        .editing
        .doc
        .and_then(|d| app.session.project.document(d));
    doc.map(|d| {
        d.spans
            .iter()
            .map(|s| (s.start, s.end, s.label.to_string()))
            .collect()
    })
    .unwrap_or_default()
}

/// Right-click the document `row` in the list and choose `entry` from its menu.
pub fn document_menu(h: &mut Harness<'_, Workbench>, row: &str, entry: &str) {
    h.get_by_label(row).click_secondary();
    h.run();
    h.get_by_label(entry).click();
    h.run();
}

/// Documents › Paste…: add `text` as a new document.
pub fn paste_document(h: &mut Harness<'_, Workbench>, text: &str) {
    h.get_by_label("Paste…").click();
    h.run();
    h.get_by_label("Text (paste with Ctrl+V)").type_text(text);
    h.run();
    h.get_by_label("Add document").click();
    h.run();
}

/// Queue a press and release of the primary button at `p`: a click, once frames run.
pub fn queue_click(h: &mut Harness<'_, Workbench>, p: Pos2) {
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: p,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
}

/// Two clicks at `p`, a frame apart: a double click.
pub fn double_click_at(h: &mut Harness<'_, Workbench>, p: Pos2) {
    for _ in 0..2 {
        queue_click(h, p);
        h.step();
    }
}
