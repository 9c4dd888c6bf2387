//! The Document tab: the open document's name, source, status, categories (`categories`) and
//! metadata (outlet, date, URL, byline… from CSV, HTML, JSONL and the other imports), with the
//! metadata editable.
//!
//! Every change is a `Command::SetMeta` (one undo step, journaled like any other): a value is
//! committed when its field loses focus (Enter, Tab or a click elsewhere) with a changed text;
//! a key is added with the fields at the bottom and removed with its × button. What is being
//! typed lives in egui's memory, keyed by document and key, so the tab holds no state of its
//! own and shows the project's value again as soon as a field is left (after an undo, too).

use egui::{Id, RichText, Ui};

use super::Intent;
use crate::app::Command;
use crate::matcher::external::CategorySuggestion;
use crate::model::{DocId, Document, Project};

/// The text being typed in one field, or `None` when it is not being edited.
fn draft(ui: &Ui, id: Id) -> Option<String> {
    ui.data(|d| d.get_temp::<String>(id))
}

fn set_draft(ui: &Ui, id: Id, text: Option<String>) {
    ui.data_mut(|d| {
        if let Some(t) = text {
            d.insert_temp(id, t);
        } else {
            d.remove::<String>(id);
        }
    });
}

fn set(doc: DocId, key: &str, value: Option<String>) -> Intent {
    Intent::Execute(Command::SetMeta {
        doc,
        key: key.to_string(),
        value,
    })
}

/// The tab for `doc`, with the categories outside engines `suggested` for it.
pub fn ui(
    ui: &mut Ui,
    project: &Project,
    doc: Option<&Document>,
    suggested: &[CategorySuggestion],
    intents: &mut Vec<Intent>,
) {
    let Some(doc) = doc else {
        ui.weak("No document open.");
        return;
    };
    ui.label(RichText::new(&doc.name).heading());
    egui::Grid::new("document-details")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Source");
            ui.label(doc.source.as_deref().unwrap_or("—"));
            ui.end_row();
            ui.label("Status");
            ui.label(doc.status.name());
            ui.end_row();
            ui.label("Length");
            ui.label(format!(
                "{} characters, {} spans, {} quotes",
                doc.char_len(),
                doc.spans.len(),
                doc.quotes.len()
            ));
            ui.end_row();
        });
    ui.separator();
    super::categories::section(ui, project, doc, intents);
    super::categories::suggested(ui, project, doc, suggested, intents);
    ui.separator();
    ui.strong("Metadata");
    if doc.meta.is_empty() {
        ui.weak("None yet: imports from CSV, HTML, JSONL and the like bring it, or add a key.");
    }
    egui::Grid::new("document-meta")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for (key, value) in &doc.meta {
                let l = ui.label(key);
                let id = ui.make_persistent_id(("meta-draft", doc.id, key));
                let mut text = draft(ui, id).unwrap_or_else(|| value.clone());
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .id_salt(("meta-value", doc.id, key))
                            .desired_width(ui.spacing().text_edit_width * 0.75),
                    )
                    .labelled_by(l.id);
                if r.lost_focus() {
                    if text != *value {
                        intents.push(set(doc.id, key, Some(text)));
                    }
                    set_draft(ui, id, None);
                } else if r.has_focus() {
                    set_draft(ui, id, Some(text));
                } else {
                    set_draft(ui, id, None);
                }
                let remove = ui.small_button("×");
                let what = format!("Remove {key}");
                remove.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &what));
                if remove.on_hover_text(&what).clicked() {
                    intents.push(set(doc.id, key, None));
                }
                ui.end_row();
            }
        });
    ui.add_space(4.0);
    let key_id = ui.make_persistent_id(("meta-new-key", doc.id));
    let value_id = ui.make_persistent_id(("meta-new-value", doc.id));
    let mut key = draft(ui, key_id).unwrap_or_default();
    let mut value = draft(ui, value_id).unwrap_or_default();
    let mut add = false;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("New key");
        ui.add(
            egui::TextEdit::singleline(&mut key)
                .id_salt(("meta-new-key-edit", doc.id))
                .desired_width(80.0),
        )
        .labelled_by(l.id);
        let l = ui.label("Value");
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut value)
                    .id_salt(("meta-new-value-edit", doc.id))
                    .desired_width(120.0),
            )
            .labelled_by(l.id);
        let entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let ready = !key.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new("Add key"))
            .clicked()
            || (entered && ready)
        {
            add = true;
        }
    });
    if add {
        intents.push(set(doc.id, key.trim(), Some(value.trim().to_string())));
        key.clear();
        value.clear();
    }
    set_draft(ui, key_id, (!key.is_empty()).then_some(key));
    set_draft(ui, value_id, (!value.is_empty()).then_some(value));
}
