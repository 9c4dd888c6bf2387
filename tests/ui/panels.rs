//! The side panels keep the width the user gives them: not the width of their widest
//! content, the same on every tab, at most half the window together (the text keeps the
//! other half, also at 900×600), resizable by dragging the divider, hidden and shown with F9
//! and F10.

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::app::dialogs::ScriptedDialogs;
use gloss::ui::{RightTab, Workbench};

use crate::support::*;

fn sized(path: &std::path::Path, w: f32, h: f32) -> Harness<'static, Workbench> {
    let builder = builder().with_size(egui::vec2(w, h));
    let mut h = build(builder, Some(path), ScriptedDialogs::new());
    h.run_steps(6);
    h
}

#[test]
fn at_900_by_600_the_text_keeps_half_the_window() {
    let (_dir, path) = project_file();
    let mut h = sized(&path, 900.0, 600.0);
    let text = h.state().text_width();
    assert!(text >= 450.0, "the text is {text} px wide");
    // The same on every tab: the inspector does not grow to its content.
    let (_, first) = h.state().panel_widths();
    for tab in ["Entities", "Span", "Suggestions", "Quotes", "Labels"] {
        h.get_by_label(tab).click();
        h.run_steps(4);
        let (_, w) = h.state().panel_widths();
        assert!(
            (w - first).abs() < 0.5,
            "the panel keeps its width on {tab}: {w} {first}"
        );
        assert!(h.state().text_width() >= 450.0);
    }
}

#[test]
fn a_long_entity_name_does_not_widen_the_panel() {
    let (_dir, path, mut h) = open();
    h.get_by_label("Entities").click();
    h.run();
    let (_, before) = h.state().panel_widths();
    let long = "The Extraordinarily Long-Named Interministerial Commission for Andean Affairs";
    h.state_mut()
        .session
        .project
        .entities
        .push(gloss::model::Entity {
            id: gloss::model::EntityId(9),
            name: long.into(),
            label: "ORG".into(),
            aliases: vec![],
            attributes: Default::default(),
        });
    h.run_steps(4);
    let (_, after) = h.state().panel_widths();
    assert_eq!(after, before);
    drop(path);
}

#[test]
fn f9_and_f10_hide_and_show_the_panels() {
    let (_dir, _path, mut h) = open();
    let text = h.state().text_width();
    key(&mut h, Key::F9);
    assert!(!h.state().prefs.panels.documents_open);
    assert!(
        h.query_by_label("○ second").is_none(),
        "the document list is hidden"
    );
    key(&mut h, Key::F10);
    assert!(!h.state().prefs.panels.inspector_open);
    assert!(h.query_by_label("Labels").is_none());
    assert!(
        h.state().text_width() > text + 400.0,
        "the text takes the room"
    );
    key(&mut h, Key::F9);
    key(&mut h, Key::F10);
    assert!(h.query_by_label("○ second").is_some());
    assert!(h.query_by_label("Labels").is_some());
    assert_eq!(h.state().right_tab, RightTab::Labels);
    // They work while a text box has the keyboard too.
    key_mod(&mut h, Modifiers::COMMAND, Key::F);
    key(&mut h, Key::F9);
    assert!(!h.state().prefs.panels.documents_open);
}

#[test]
fn dragging_the_divider_resizes_and_is_remembered() {
    let (_dir, _path, mut h) = open();
    let (left, _) = h.state().panel_widths();
    let divider = h.get_by_label("Documents panel width").rect().center();
    let to = Pos2::new(divider.x + 80.0, divider.y);
    h.hover_at(divider);
    h.run();
    h.drag_at(divider);
    h.run();
    h.hover_at(Pos2::new(divider.x + 40.0, divider.y));
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
    let (now, _) = h.state().panel_widths();
    assert!((now - (left + 80.0)).abs() < 6.0, "{left} → {now}");
    assert!((h.state().prefs.panels.documents_width - now).abs() < 1.0);
    // Not wider than half the window together with the other panel.
    let far = Pos2::new(1200.0, divider.y);
    let start = h.get_by_label("Documents panel width").rect().center();
    h.hover_at(start);
    h.run();
    h.drag_at(start);
    h.run();
    h.hover_at(far);
    h.run();
    h.drop_at(far);
    h.run();
    assert!(h.state().text_width() >= 640.0 - 1.0);
}

#[test]
fn on_a_low_window_the_entity_details_are_reached_by_scrolling() {
    let (_dir, path) = project_file();
    let mut h = sized(&path, 900.0, 600.0);
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    key(&mut h, Key::E);
    h.get_by_label("Merge into").scroll_to_me();
    h.run_steps(4);
    let r = h.get_by_label("Merge into").rect();
    assert!(r.max.y <= 600.0, "the merge search is on screen: {r:?}");
    assert!(h.state().text_width() >= 450.0);
}
