//! The Labels tab's second half: category schemes for documents and attributes for entities,
//! spans and quotes, added, edited and deleted.
//!
//! Like the label editor, a definition is edited as a draft and applied as one undo step: a
//! value taken out of a scheme or attribute is first cleared from the documents or items that
//! have it, in the same batch, so the step can always apply and undo. A category value's key is
//! one of the letters no plain key uses in categorise mode (`shortcuts::category_letters`).
//! Names are fixed once made (a rename would have to rewrite every document's choice); delete
//! and add again to change one.

use egui::{RichText, Ui};

use super::Intent;
use crate::app::Command;
use crate::app::schemes::{remove_attribute_everywhere, remove_scheme_everywhere};
use crate::app::shortcuts::category_letters;
use crate::model::{
    AttrItem, AttrTarget, AttributeDef, CategoryScheme, CategoryValue, Color, PALETTE, Project,
};

#[derive(Default)]
pub struct SchemesEditor {
    scheme: Option<CategoryScheme>,
    attribute: Option<AttributeDef>,
    new_scheme: String,
    new_attribute: String,
    new_target: Option<AttrTarget>,
    new_value: String,
}

/// Uses of scheme values `gone` cleared, as commands (before the scheme loses them).
fn clear_scheme_values(p: &Project, scheme: &str, keep: &CategoryScheme) -> Vec<Command> {
    p.documents
        .iter()
        .filter_map(|d| {
            let values = d.categories.get(scheme)?;
            let kept: Vec<String> = values
                .iter()
                .filter(|v| keep.value(v).is_some())
                .cloned()
                .collect();
            (kept.len() != values.len()).then(|| Command::SetCategories {
                doc: d.id,
                scheme: scheme.to_string(),
                values: kept,
            })
        })
        .collect()
}

/// Items whose value `def` no longer allows, cleared.
fn clear_attribute_values(p: &Project, def: &AttributeDef) -> Vec<Command> {
    let mut items = Vec::new();
    let bad = |a: &crate::model::Attributes| a.value(&def.name).is_some_and(|v| !def.allows(v));
    match def.target {
        AttrTarget::Entity => items.extend(
            p.entities
                .iter()
                .filter(|e| bad(&e.attributes))
                .map(|e| AttrItem::Entity(e.id)),
        ),
        AttrTarget::Span => {
            for d in &p.documents {
                items.extend(
                    d.spans
                        .iter()
                        .filter(|s| bad(&s.attributes))
                        .map(|s| AttrItem::Span(d.id, s.id)),
                );
            }
        }
        AttrTarget::Quote => {
            for d in &p.documents {
                items.extend(
                    d.quotes
                        .iter()
                        .filter(|q| bad(&q.attributes))
                        .map(|q| AttrItem::Quote(d.id, q.id)),
                );
            }
        }
    }
    items
        .into_iter()
        .map(|item| Command::SetAttribute {
            item,
            name: def.name.clone(),
            value: None,
        })
        .collect()
}

fn batch(name: String, commands: Vec<Command>) -> Intent {
    Intent::Execute(Command::Batch { name, commands })
}

impl SchemesEditor {
    pub fn ui(&mut self, ui: &mut Ui, project: &Project, intents: &mut Vec<Intent>) {
        ui.separator();
        ui.strong("Document categories");
        ui.weak("Schemes for whole documents (topic, tone, frame); set in the Document tab, or by key in categorise mode (G).");
        for s in &project.schemes {
            if self.scheme.as_ref().is_some_and(|d| d.name == s.name) {
                self.scheme_editor(ui, project, intents);
                continue;
            }
            let used = project
                .documents
                .iter()
                .filter(|d| d.categories.contains_key(&s.name))
                .count();
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(RichText::new(&s.name).strong())
                    .on_hover_text(format!("Edit {}", s.name))
                    .clicked()
                {
                    self.scheme = Some(s.clone());
                    self.attribute = None;
                }
                let values: Vec<String> = s
                    .values
                    .iter()
                    .map(|v| match v.key {
                        Some(k) => format!("{} [{k}]", v.name),
                        None => v.name.clone(),
                    })
                    .collect();
                ui.weak(format!(
                    "{}: {} · {used} documents",
                    if s.multiple { "any of" } else { "one of" },
                    values.join(", ")
                ));
            });
        }
        ui.horizontal(|ui| {
            let l = ui.label("New scheme");
            let r = ui
                .add(egui::TextEdit::singleline(&mut self.new_scheme).desired_width(110.0))
                .labelled_by(l.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let name = self.new_scheme.trim().to_string();
            let ok = !name.is_empty() && project.scheme(&name).is_none();
            if (ui
                .add_enabled(ok, egui::Button::new("Add scheme"))
                .clicked()
                || enter)
                && ok
            {
                let scheme = CategoryScheme {
                    name,
                    multiple: false,
                    values: Vec::new(),
                    description: String::new(),
                };
                intents.push(Intent::Execute(Command::AddScheme {
                    index: project.schemes.len(),
                    scheme: scheme.clone(),
                }));
                self.scheme = Some(scheme);
                self.new_scheme.clear();
            }
        });

        ui.separator();
        ui.strong("Attributes");
        ui.weak("Of entities (gender, role), spans or quotes (topic, stance): values to pick, or free text when there are none.");
        for a in &project.attributes {
            if self
                .attribute
                .as_ref()
                .is_some_and(|d| d.name == a.name && d.target == a.target)
            {
                self.attribute_editor(ui, project, intents);
                continue;
            }
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(RichText::new(&a.name).strong())
                    .on_hover_text(format!("Edit {} attribute {}", a.target.name(), a.name))
                    .clicked()
                {
                    self.attribute = Some(a.clone());
                    self.scheme = None;
                }
                let values = if a.is_free_text() {
                    "free text".to_string()
                } else {
                    a.values.join(", ")
                };
                ui.weak(format!("{}: {values}", a.target.name()));
            });
        }
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("New attribute");
            ui.add(egui::TextEdit::singleline(&mut self.new_attribute).desired_width(90.0))
                .labelled_by(l.id);
            let target = self.new_target.get_or_insert(AttrTarget::Entity);
            let of = ui.label("of");
            egui::ComboBox::from_id_salt("new-attribute-target")
                .selected_text(target.plural())
                .show_ui(ui, |ui| {
                    for t in AttrTarget::ALL {
                        ui.selectable_value(target, t, t.plural());
                    }
                })
                .response
                .labelled_by(of.id);
            let target = *target;
            let name = self.new_attribute.trim().to_string();
            let ok = !name.is_empty() && project.attribute(target, &name).is_none();
            if ui
                .add_enabled(ok, egui::Button::new("Add attribute"))
                .clicked()
            {
                let attribute = AttributeDef {
                    name,
                    target,
                    values: Vec::new(),
                    description: String::new(),
                };
                intents.push(Intent::Execute(Command::AddAttribute {
                    index: project.attributes.len(),
                    attribute: attribute.clone(),
                }));
                self.attribute = Some(attribute);
                self.new_attribute.clear();
            }
        });
    }

    fn scheme_editor(&mut self, ui: &mut Ui, project: &Project, intents: &mut Vec<Intent>) {
        let Some(draft) = &mut self.scheme else {
            return;
        };
        let mut close = false;
        let letters = category_letters();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(&draft.name).heading());
            ui.checkbox(&mut draft.multiple, "Several values per document");
            let mut remove = None;
            for (i, v) in draft.values.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    ui.color_edit_button_srgb(&mut v.color.0)
                        .on_hover_text(format!("Colour of {}", v.name));
                    ui.label(&v.name);
                    let l = ui.label("key");
                    egui::ComboBox::from_id_salt(("value-key", i))
                        .selected_text(v.key.map(String::from).unwrap_or_else(|| "none".into()))
                        .width(50.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut v.key, None, "none");
                            for k in &letters {
                                ui.selectable_value(&mut v.key, Some(*k), k.to_string());
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    if ui
                        .small_button("×")
                        .on_hover_text(format!("Remove value {}", v.name))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
            }
            if let Some(i) = remove {
                draft.values.remove(i);
            }
            ui.horizontal(|ui| {
                let l = ui.label("New value");
                let r = ui
                    .add(egui::TextEdit::singleline(&mut self.new_value).desired_width(100.0))
                    .labelled_by(l.id);
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let name = self.new_value.trim().to_string();
                let ok = !name.is_empty() && draft.value(&name).is_none();
                if (ui.add_enabled(ok, egui::Button::new("Add value")).clicked() || enter) && ok {
                    // The first free letter the value's name starts with, else the first free.
                    let taken: Vec<char> = draft.values.iter().filter_map(|v| v.key).collect();
                    let free = |k: &char| !taken.contains(k);
                    let key = name
                        .chars()
                        .filter_map(|c| c.to_lowercase().next())
                        .find(|c| letters.contains(c) && free(c))
                        .or_else(|| letters.iter().copied().find(free));
                    let color = Color(PALETTE[draft.values.len() % PALETTE.len()]);
                    draft.values.push(CategoryValue { name, key, color });
                    self.new_value.clear();
                    if enter {
                        r.request_focus();
                    }
                }
            });
            let l = ui.label("Description");
            ui.add(egui::TextEdit::multiline(&mut draft.description).desired_rows(1))
                .labelled_by(l.id);
            ui.horizontal(|ui| {
                let before = project.scheme(&draft.name);
                let changed = before != Some(&*draft);
                if ui
                    .add_enabled(changed, egui::Button::new("Apply changes"))
                    .clicked()
                {
                    let mut commands = clear_scheme_values(project, &draft.name, draft);
                    commands.push(Command::UpdateScheme {
                        scheme: draft.clone(),
                    });
                    intents.push(batch(
                        format!("edit category scheme {}", draft.name),
                        commands,
                    ));
                    close = true;
                }
                if ui.button("Close").clicked() {
                    close = true;
                }
                if ui.button("Delete scheme").clicked() {
                    intents.push(Intent::Execute(remove_scheme_everywhere(
                        project,
                        &draft.name,
                    )));
                    intents.push(Intent::Say(format!(
                        "deleted category scheme {} (Ctrl+Z brings it back)",
                        draft.name
                    )));
                    close = true;
                }
            });
        });
        if close {
            self.scheme = None;
        }
    }

    fn attribute_editor(&mut self, ui: &mut Ui, project: &Project, intents: &mut Vec<Intent>) {
        let Some(draft) = &mut self.attribute else {
            return;
        };
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(
                RichText::new(format!("{} ({})", draft.name, draft.target.plural())).heading(),
            );
            let mut remove = None;
            for (i, v) in draft.values.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.monospace(if i < 9 {
                        format!("{}", i + 1)
                    } else {
                        " ".into()
                    });
                    ui.label(v);
                    if ui
                        .small_button("×")
                        .on_hover_text(format!("Remove value {v}"))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
            }
            if let Some(i) = remove {
                draft.values.remove(i);
            }
            if draft.values.is_empty() {
                ui.weak("No values: free text.");
            }
            ui.horizontal(|ui| {
                let l = ui.label("New value");
                let r = ui
                    .add(egui::TextEdit::singleline(&mut self.new_value).desired_width(100.0))
                    .labelled_by(l.id);
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let name = self.new_value.trim().to_string();
                let ok = !name.is_empty() && !draft.values.contains(&name);
                if (ui.add_enabled(ok, egui::Button::new("Add value")).clicked() || enter) && ok {
                    draft.values.push(name);
                    self.new_value.clear();
                    if enter {
                        r.request_focus();
                    }
                }
            });
            let l = ui.label("Description");
            ui.add(egui::TextEdit::multiline(&mut draft.description).desired_rows(1))
                .labelled_by(l.id);
            ui.horizontal(|ui| {
                let before = project.attribute(draft.target, &draft.name);
                let changed = before != Some(&*draft);
                if ui
                    .add_enabled(changed, egui::Button::new("Apply changes"))
                    .clicked()
                {
                    let mut commands = clear_attribute_values(project, draft);
                    commands.push(Command::UpdateAttribute {
                        attribute: draft.clone(),
                    });
                    intents.push(batch(format!("edit attribute {}", draft.name), commands));
                    close = true;
                }
                if ui.button("Close").clicked() {
                    close = true;
                }
                if ui.button("Delete attribute").clicked() {
                    intents.push(Intent::Execute(remove_attribute_everywhere(
                        project,
                        draft.target,
                        &draft.name,
                    )));
                    intents.push(Intent::Say(format!(
                        "deleted attribute {} (Ctrl+Z brings it back)",
                        draft.name
                    )));
                    close = true;
                }
            });
        });
        if close {
            self.attribute = None;
        }
    }
}
