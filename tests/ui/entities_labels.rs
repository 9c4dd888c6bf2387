//! The Entities and Labels tabs: create an entity from a span, link with type-ahead, link
//! every identical string, merge; edit a label's name and key.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::model::EntityId;

use crate::support::*;

fn entity_of(
    h: &egui_kittest::Harness<'_, gloss::ui::Workbench>,
    start: usize,
) -> Option<EntityId> {
    let p = &h.state().session.project;
    p.documents[0]
        .spans
        .iter()
        .find(|s| s.start == start)
        .and_then(|s| s.entity)
}

#[test]
fn new_entity_from_span_then_link_another_mention_by_type_ahead() {
    let (_dir, _path, mut h) = open();
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    key(&mut h, Key::E);
    let ana = entity_of(&h, 10).expect("linked to a new entity");
    assert_eq!(
        h.state().session.project.entity(ana).unwrap().name,
        "Ana Ruiz"
    );

    // Tag "Ruiz" on the second line, then L, type, Enter.
    drag(&mut h, 49, 51);
    key(&mut h, Key::Num1);
    key(&mut h, Key::L);
    assert_eq!(h.state().right_tab, gloss::ui::RightTab::Entities);
    let search = h.get_by_label("Find entity");
    search.type_text(""); // the field already holds the span's text
    h.run();
    key_mod(&mut h, Modifiers::COMMAND, Key::A);
    h.get_by_label("Find entity").type_text("ana");
    h.run();
    key(&mut h, Key::Enter);
    assert_eq!(entity_of(&h, 48), Some(ana), "Ruiz linked to Ana Ruiz");
    // One undo removes just the link.
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(entity_of(&h, 48), None);
    assert_eq!(entity_of(&h, 10), Some(ana));
}

#[test]
fn link_every_identical_string_in_the_document() {
    let (_dir, _path, mut h) = open();
    // "Lima" twice, untagged: tag the first, make an entity, then link every "Lima".
    drag(&mut h, 33, 35);
    key(&mut h, Key::Num3);
    key(&mut h, Key::E);
    h.get_by_label("in this document").click();
    h.run();
    let lima: Vec<_> = h.state().session.project.documents[0]
        .spans
        .iter()
        .filter(|s| s.label == "GPE")
        .map(|s| (s.start, s.entity.is_some()))
        .collect();
    assert_eq!(lima, vec![(32, true), (71, true)]);
}

#[test]
fn merge_two_entities() {
    let (_dir, _path, mut h) = open();
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    key(&mut h, Key::E);
    // The new entity is selected in the Entities tab; merge it into Marta Solís.
    h.get_by_label("Merge into").click();
    h.run();
    h.get_by_label("Marta Solís").click();
    h.run();
    h.get_by_label("Merge").click();
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.entities.len(), 1);
    assert_eq!(p.entities[0].name, "Marta Solís");
    assert!(p.entities[0].aliases.contains(&"Ana Ruiz".to_string()));
    assert_eq!(entity_of(&h, 10), Some(EntityId(1)));
}

#[test]
fn edit_a_label_name_and_key() {
    let (_dir, _path, mut h) = open();
    h.get_by_label("PERSON").click();
    h.run();
    let name = h.get_by_label("Name");
    name.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Name").type_text("PER");
    h.run();
    h.get_by_label("Apply changes").click();
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.labels.labels[0].name, "PER");
    assert_eq!(
        p.documents[0].spans[0].label, "PER",
        "spans follow the rename"
    );
    h.get_by_label("PER: Ana Ruiz");
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().session.project.labels.labels[0].name, "PERSON");
}

#[test]
fn add_a_label_and_use_its_key() {
    let (_dir, _path, mut h) = open();
    h.get_by_label("New label").click();
    h.run();
    h.get_by_label("New label").type_text("title");
    h.run();
    h.get_by_label("Add label").click();
    h.run();
    let p = &h.state().session.project;
    let l = p.labels.get("TITLE").expect("added, upper-cased");
    assert_eq!(l.key, Some('8'));
    drag(&mut h, 0, 5);
    key(&mut h, Key::Num8);
    assert!(
        spans(&h).contains(&(0, 9, "TITLE".into())),
        "{:?}",
        spans(&h)
    );
}
