//! Keys are named as people write them — `]`, `[`, `?`, `,`, `.`, `Shift+PgDn` — in the `?`
//! overlay and the menus, never by egui's names ("CloseBracket", "Questionmark").

use egui::Key;
use egui_kittest::kittest::Queryable;

use crate::support::*;

#[test]
fn the_overlay_and_the_menus_write_keys_as_people_do() {
    let (_dir, _path, mut h) = open();
    key(&mut h, Key::F1);
    assert!(h.query_all_by_label("Keyboard shortcuts").count() >= 1);
    for written in [
        "]",
        "[",
        "?  F1",
        "Shift+PgDn  .",
        "Shift+PgUp  ,",
        "Alt+Up",
        "F9",
    ] {
        assert!(
            h.query_by_label(written).is_some(),
            "the overlay shows {written}"
        );
    }
    for name in [
        "CloseBracket",
        "OpenBracket",
        "Questionmark",
        "PageDown",
        "Period",
    ] {
        assert!(
            h.query_by_label_contains(name).is_none(),
            "the overlay shows no {name}"
        );
    }
    key(&mut h, Key::Escape);
    // The Document menu (the side panel's Document tab comes after it).
    h.query_all_by_label("Document")
        .next()
        .expect("the Document menu")
        .click();
    h.run();
    let next = h.get_by_label_contains("Select next span");
    let label = format!("{next:?}");
    assert!(
        label.contains(']') && !label.contains("CloseBracket"),
        "{label}"
    );
}
