//! Categories and attributes in the window: categorise mode's letters and digits, the Alt
//! chords outside it, undo of each, the journal, the documents list's menu, the Labels tab's
//! scheme editor and a suggested speaker gender accepted by key.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::app::dialogs::ScriptedDialogs;
use gloss::io::project_file;
use gloss::model::{
    AttrTarget, AttributeDef, CategoryScheme, CategoryValue, Color, DocId, Entity, EntityId,
    Project,
};
use gloss::ui::Workbench;

use crate::support::*;

/// `support::project()` with a topic scheme (p, o), a frame scheme (several: c, m), a span
/// attribute `role` and an entity attribute `gender`; "Ana Ruiz" linked to an entity.
fn coded() -> Project {
    let mut p = project();
    let v = |name: &str, key| CategoryValue {
        name: name.into(),
        key: Some(key),
        color: Color([0x7a, 0xa6, 0xe8]),
    };
    p.schemes.push(CategoryScheme {
        name: "topic".into(),
        multiple: false,
        values: vec![v("politics", 'p'), v("economy", 'o')],
        description: String::new(),
    });
    p.schemes.push(CategoryScheme {
        name: "frame".into(),
        multiple: true,
        values: vec![v("conflict", 'b'), v("economic", 'm')],
        description: String::new(),
    });
    for (name, target) in [("role", AttrTarget::Span), ("gender", AttrTarget::Entity)] {
        p.attributes.push(AttributeDef {
            name: name.into(),
            target,
            values: if target == AttrTarget::Span {
                vec!["official".into(), "expert".into()]
            } else {
                vec!["female".into(), "male".into(), "unknown".into()]
            },
            description: String::new(),
        });
    }
    p.insert_entity(Entity {
        id: EntityId(2),
        name: "Ana Ruiz".into(),
        label: "PERSON".into(),
        aliases: vec![],
        attributes: Default::default(),
    });
    p.documents[0].spans[0].entity = Some(EntityId(2));
    p
}

fn open_coded() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Harness<'static, Workbench>,
) {
    open_saved(&coded(), "coded.ron")
}

fn topic(h: &Harness<'_, Workbench>, doc: u64) -> Vec<String> {
    let p = &h.state().session.project;
    let d = p.document(DocId(doc)).unwrap();
    d.categories.get("topic").cloned().unwrap_or_default()
}

fn frame(h: &Harness<'_, Workbench>) -> Vec<String> {
    let d = &h.state().session.project.documents[0];
    d.categories.get("frame").cloned().unwrap_or_default()
}

fn role(h: &Harness<'_, Workbench>) -> Option<&'static str> {
    h.state().session.project.documents[0].spans[0]
        .attributes
        .value("role")
}

fn gender(h: &Harness<'_, Workbench>) -> Option<&'static str> {
    let p = &h.state().session.project;
    p.entity(EntityId(2)).unwrap().attributes.value("gender")
}

fn undo(h: &mut Harness<'_, Workbench>) {
    key_mod(h, Modifiers::COMMAND, Key::Z);
}

#[test]
fn categorise_mode_sets_categories_and_attributes_by_key_and_undo_reverts_each() {
    let (_dir, path, mut h) = open_coded();
    key(&mut h, Key::G);
    assert_eq!(h.state().right_tab, gloss::ui::RightTab::Document);
    assert!(h.query_by_label("Categorise mode: on").is_some());

    // Single choice: a letter sets, another replaces; several: letters add and remove.
    key(&mut h, Key::P);
    assert_eq!(topic(&h, 1), ["politics"]);
    key(&mut h, Key::O);
    assert_eq!(topic(&h, 1), ["economy"]);
    key(&mut h, Key::M);
    key(&mut h, Key::B);
    assert_eq!(frame(&h), ["conflict", "economic"]);
    undo(&mut h);
    assert_eq!(frame(&h), ["economic"]);
    undo(&mut h);
    undo(&mut h);
    assert_eq!(topic(&h, 1), ["politics"]);
    undo(&mut h);
    assert!(topic(&h, 1).is_empty());

    // Digits set the selected span's attribute; V moves to its entity's.
    key(&mut h, Key::CloseBracket);
    assert!(h.state().editing.selected_span.is_some());
    key(&mut h, Key::Num2);
    assert_eq!(role(&h), Some("expert"));
    key(&mut h, Key::V);
    key(&mut h, Key::Num1);
    assert_eq!(gender(&h), Some("female"));
    assert_eq!(role(&h), Some("expert"));
    key(&mut h, Key::Num0);
    assert_eq!(gender(&h), None);
    undo(&mut h);
    assert_eq!(gender(&h), Some("female"));
    undo(&mut h);
    undo(&mut h);
    assert_eq!((role(&h), gender(&h)), (None, None));

    // The journal holds the edits before a save (redo them first).
    key_mod(&mut h, Modifiers::COMMAND, Key::Y);
    let journal = std::fs::read_to_string(path.with_extension("ron.journal")).unwrap();
    assert!(journal.contains("SetAttribute"), "{journal}");
    assert!(journal.contains("SetCategories"), "{journal}");

    // G leaves; then the letters are the usual keys again (P: previous suggestion).
    key(&mut h, Key::G);
    key(&mut h, Key::P);
    assert!(topic(&h, 1).is_empty());
}

#[test]
fn alt_chords_set_categories_and_attributes_while_annotating() {
    let (_dir, _path, mut h) = open_coded();
    key_mod(&mut h, Modifiers::ALT, Key::P);
    assert_eq!(topic(&h, 1), ["politics"]);
    // The next document, categorised without leaving the keyboard.
    key(&mut h, Key::Period);
    key_mod(&mut h, Modifiers::ALT, Key::O);
    assert_eq!(topic(&h, 2), ["economy"]);
    assert_eq!(topic(&h, 1), ["politics"]);
    key(&mut h, Key::Comma);
    key(&mut h, Key::CloseBracket);
    key_mod(&mut h, Modifiers::ALT, Key::Num1);
    assert_eq!(role(&h), Some("official"));
    // A plain digit still relabels the span while annotating.
    assert_eq!(spans(&h)[0].2, "PERSON");
    undo(&mut h);
    assert_eq!(role(&h), None);
}

#[test]
fn the_documents_list_menu_and_the_document_tab_set_categories() {
    let (_dir, _path, mut h) = open_coded();
    // Not the Labels tab, which lists the schemes by name too.
    h.get_by_label("Entities").click();
    h.run();
    h.get_by_label("○ second").click_secondary();
    h.run();
    h.get_by_label("topic").hover();
    h.run();
    h.get_by_label("economy").click();
    h.run();
    assert_eq!(topic(&h, 2), ["economy"]);
    undo(&mut h);
    assert!(topic(&h, 2).is_empty());

    // The Document tab's buttons toggle the open document's values.
    h.query_all_by_label("Document").last().unwrap().click();
    h.run();
    h.get_by_label("topic politics").click();
    h.run();
    assert_eq!(topic(&h, 1), ["politics"]);
    h.get_by_label("topic politics").click();
    h.run();
    assert!(topic(&h, 1).is_empty());
}

#[test]
fn the_labels_tab_adds_a_scheme_with_values_and_an_attribute() {
    let (_dir, _path, mut h) = open();
    type_into(&mut h, "New scheme", "tone");
    h.run();
    h.get_by_label("Add scheme").click();
    h.run();
    assert!(h.state().session.project.scheme("tone").is_some());
    for value in ["positive", "negative"] {
        type_into(&mut h, "New value", value);
        h.run();
        h.get_by_label("Add value").click();
        h.run();
    }
    h.get_by_label("Apply changes").click();
    h.run();
    let p = &h.state().session.project;
    let tone = p.scheme("tone").unwrap();
    let values: Vec<_> = tone.values.iter().map(|v| (&v.name[..], v.key)).collect();
    // Keys: the first free letter of each name (p is free in categorise mode; n too).
    assert_eq!(values, [("positive", Some('p')), ("negative", Some('n'))]);

    type_into(&mut h, "New attribute", "stance");
    h.run();
    h.get_by_label("Add attribute").click();
    h.run();
    assert!(p_has(&h, AttrTarget::Entity, "stance"));
    undo(&mut h);
    assert!(!p_has(&h, AttrTarget::Entity, "stance"));
}

fn type_into(h: &mut Harness<'_, Workbench>, field: &str, text: &str) {
    h.get_by_label(field).focus();
    h.run();
    h.get_by_label(field).type_text(text);
    h.run();
}

fn p_has(h: &Harness<'_, Workbench>, t: AttrTarget, name: &str) -> bool {
    h.state().session.project.attribute(t, name).is_some()
}

#[test]
fn a_suggested_gender_shows_its_reason_and_is_accepted_by_key() {
    let (_dir, _path, mut h) = open_coded();
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    // The Span tab shows the entity's attributes with the suggestion.
    h.query_all_by_label("Span").last().unwrap().click();
    h.run();
    assert!(
        h.query_by_label_contains("suggested: female (first name Ana)")
            .is_some()
    );
    assert_eq!(gender(&h), None, "never set silently");
    key(&mut h, Key::G);
    key(&mut h, Key::A);
    assert_eq!(gender(&h), Some("female"));
    undo(&mut h);
    assert_eq!(gender(&h), None);
    key(&mut h, Key::X);
    assert!(h.query_by_label_contains("suggested: female").is_none());
    assert_eq!(gender(&h), None);
}

#[test]
fn a_category_an_outside_engine_suggests_is_accepted_or_rejected_by_button() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("topics.py"),
        "import json, sys\nfor line in sys.stdin:\n    d = json.loads(line)\n    \
         print(json.dumps({'doc': d['doc'], 'category': {'topic': 'economy'}, 'score': 0.8}))\n    \
         sys.stdout.flush()\n",
    )
    .unwrap();
    let mut p = coded();
    p.documents[0]
        .categories
        .insert("topic".into(), vec!["politics".into()]);
    let mut e = gloss::model::ExternalEngine::new("topics", "python3");
    e.args = vec!["topics.py".into()];
    p.matcher.external.push(e);
    let path = dir.path().join("coded.ron");
    project_file::save(&path, &p).unwrap();
    let mut h = harness_for(Some(&path), ScriptedDialogs::new());
    h.query_all_by_label("Document")
        .last()
        .expect("the Document tab")
        .click();
    h.run();
    let line = "suggested: topic = economy (topics, 0.80)";
    until(&mut h, "the suggestion", |h| {
        h.query_by_label(line).is_some()
    });
    assert_eq!(topic(&h, 1), ["politics"], "never set silently");
    h.get_by_label("Accept").click();
    h.run();
    assert_eq!(topic(&h, 1), ["economy"], "a scheme of one value: replaced");
    assert!(
        h.query_by_label(line).is_none(),
        "accepted: no longer offered"
    );
    undo(&mut h);
    h.run();
    assert_eq!(topic(&h, 1), ["politics"]);
    assert!(h.query_by_label(line).is_some());
    h.get_by_label("Reject").click();
    h.run();
    assert!(h.query_by_label(line).is_none(), "rejected for the session");
    assert_eq!(topic(&h, 1), ["politics"]);
}
