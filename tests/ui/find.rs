//! Ctrl+F: find next and previous, the case toggle, and tagging every match in one step.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::support::*;

#[test]
fn find_steps_through_matches() {
    let (_dir, _path, mut h) = open();
    key_mod(&mut h, Modifiers::COMMAND, Key::F);
    assert!(h.state().editing.find.open);
    h.get_by_label("Find").type_text("lima");
    h.run();
    assert_eq!(h.state().editing.find.matches.len(), 2);
    key(&mut h, Key::F3);
    assert_eq!(h.state().editing.selection.map(|s| s.start), Some(32));
    key(&mut h, Key::F3);
    assert_eq!(h.state().editing.selection.map(|s| s.start), Some(71));
    key_mod(&mut h, Modifiers::SHIFT, Key::F3);
    assert_eq!(h.state().editing.selection.map(|s| s.start), Some(32));
    // Match case: "lima" no longer matches "Lima".
    h.get_by_label("Aa").click();
    h.run();
    assert_eq!(h.state().editing.find.matches.len(), 0);
}

#[test]
fn tag_all_is_one_undo_step() {
    let (_dir, _path, mut h) = open();
    key_mod(&mut h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Find").type_text("Lima");
    h.run();
    // Choose GPE in the label box, then tag every match. (The Span tab keeps the label list
    // of the Labels tab out of the way.)
    h.get_by_label("Span").click();
    h.run();
    h.get_by_label("Tag as").click();
    h.run();
    h.get_by_label("GPE").click();
    h.run();
    h.get_by_label("Tag all").click();
    h.run();
    let gpe: Vec<_> = spans(&h).into_iter().filter(|s| s.2 == "GPE").collect();
    assert_eq!(gpe, vec![(32, 36, "GPE".into()), (71, 75, "GPE".into())]);
    key(&mut h, Key::Escape);
    key(&mut h, Key::Escape);
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(spans(&h).iter().all(|s| s.2 != "GPE"), "{:?}", spans(&h));
}
