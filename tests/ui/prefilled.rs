//! Prefilled text boxes select their text when they get the keyboard, so typing replaces it:
//! the entity search after `L`, renaming a document, the merge search; and the merge target is
//! found by type-ahead among entities of the same label, chosen with the arrows and Enter.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::model::EntityId;

use crate::support::*;

#[test]
fn after_l_typing_replaces_the_span_text_in_the_search() {
    let (_dir, _path, mut h) = open();
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    key(&mut h, Key::L);
    assert_eq!(
        h.get_by_label("Find entity").value().as_deref(),
        Some("Ana Ruiz"),
        "prefilled with the span's text"
    );
    h.get_by_label("Find entity").type_text("marta");
    h.run();
    assert_eq!(
        h.get_by_label("Find entity").value().as_deref(),
        Some("marta"),
        "typing replaced it"
    );
    key(&mut h, Key::Enter);
    assert_eq!(
        h.state().session.project.documents[0].spans[0].entity,
        Some(EntityId(1)),
        "Enter links to Marta Solís"
    );
}

#[test]
fn renaming_a_document_replaces_its_name_as_you_type() {
    let (_dir, _path, mut h) = open();
    document_menu(&mut h, "○ second", "Rename");
    h.get_by_label("Rename document").type_text("council");
    h.run();
    key(&mut h, Key::Enter);
    assert_eq!(h.state().session.project.documents[1].name, "council");
}

#[test]
fn the_merge_target_is_found_by_type_ahead_and_chosen_by_keyboard() {
    let (_dir, _path, mut h) = open();
    // Three PERSON entities and an ORG one: Ana Ruiz (new, selected), Marta Solís, Bo Li.
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    key(&mut h, Key::E);
    drag(&mut h, 23, 27);
    key(&mut h, Key::Num1);
    key(&mut h, Key::E);
    drag(&mut h, 32, 35);
    key(&mut h, Key::Num2);
    key(&mut h, Key::E);
    let ana = h.state().session.project.documents[0].spans[0]
        .entity
        .expect("Ana Ruiz has an entity");
    // Select Ana Ruiz's entity again by its span.
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    h.get_by_label("Merge into").click();
    h.run();
    // Only PERSON entities, sorted by name: Bo Li, Marta Solís (not the ORG "Lima").
    assert!(h.query_by_label("Bo Li").is_some());
    assert!(h.query_by_label("Marta Solís").is_some());
    assert!(
        h.query_by_label("Lima").is_none(),
        "another label is not offered"
    );
    h.get_by_label("Merge into").type_text("s");
    h.run();
    // "s" is in "Marta Solís" only; Down stays on it; Enter merges.
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Enter);
    let p = &h.state().session.project;
    assert!(p.entity(ana).is_none(), "merged away");
    let marta = p.entity(EntityId(1)).unwrap();
    assert!(marta.aliases.contains(&"Ana Ruiz".to_string()));
    assert_eq!(p.documents[0].spans[0].entity, Some(EntityId(1)));
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(h.state().session.project.entity(ana).is_some(), "one undo");
}
