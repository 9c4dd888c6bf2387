//! Shared set-up: a small project on disk, a harness around the real app, and helpers to drag
//! across text by code point offsets.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, Pos2, vec2};
use egui_kittest::Harness;
use gloss::app::dialogs::ScriptedDialogs;
use gloss::io::project_file;
use gloss::model::{CharRange, DocId, Document, Entity, EntityId, Project, Span, SpanId};
use gloss::ui::{AppOptions, GlossApp};

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
    let path = dir.path().join("test.ron");
    project_file::save(&path, &project()).expect("save");
    (dir, path)
}

pub fn harness_for(path: Option<&Path>, dialogs: ScriptedDialogs) -> Harness<'static, GlossApp> {
    let path = path.map(Path::to_path_buf);
    // Short steps: kittest gives every queued event its own frame, and two clicks must fall
    // within egui's double-click delay (0.3 s).
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .with_step_dt(0.05)
        // Background work (matching, exports) answers between frames; a result that lands
        // mid-run takes a few more frames to settle than kittest's default of 4.
        .with_max_steps(12)
        .build_eframe(move |cc| {
            GlossApp::new(
                cc,
                AppOptions {
                    project: path,
                    screenshot: None,
                    recovery: None,
                    dialogs: Box::new(dialogs),
                    test_mode: true,
                },
            )
        });
    h.run();
    h
}

/// The app on a fresh copy of `project()`.
pub fn open() -> (tempfile::TempDir, PathBuf, Harness<'static, GlossApp>) {
    let (dir, path) = project_file();
    let h = harness_for(Some(&path), ScriptedDialogs::new());
    (dir, path, h)
}

/// Where code point `offset` of the open document is on screen.
pub fn at(h: &Harness<'_, GlossApp>, offset: usize) -> Pos2 {
    h.state()
        .char_pos(offset)
        .unwrap_or_else(|| panic!("offset {offset} is not on screen"))
}

/// Drag with the mouse from code point `from` to code point `to`.
pub fn drag(h: &mut Harness<'_, GlossApp>, from: usize, to: usize) {
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

pub fn key(h: &mut Harness<'_, GlossApp>, k: Key) {
    h.key_press(k);
    h.run();
}

pub fn key_mod(h: &mut Harness<'_, GlossApp>, m: Modifiers, k: Key) {
    h.key_press_modifiers(m, k);
    h.run();
}

/// The spans of the open document as (start, end, label).
pub fn spans(h: &Harness<'_, GlossApp>) -> Vec<(usize, usize, String)> {
    let app = h.state();
    let doc = app.view.doc.and_then(|d| app.session.project.document(d));
    doc.map(|d| {
        d.spans
            .iter()
            .map(|s| (s.start, s.end, s.label.to_string()))
            .collect()
    })
    .unwrap_or_default()
}
