//! The Labels tab's second half: category schemes for documents and attributes for entities,
//! spans and quotes, added, edited and deleted.
//!
//! Like the label editor, a definition is edited as a draft and applied as one undo step: a
//! value taken out of a scheme or attribute is first cleared from the documents or items that
//! have it, in the same batch, so the step can always apply and undo. A category value's key is
//! one of the letters no plain key uses in categorise mode (`keymap::category_letters`).
//! Names are fixed once made (a rename would have to rewrite every document's choice); delete
//! and add again to change one.

use egui::{RichText, Ui};

use super::Intent;
use crate::app::Command;
use crate::app::keymap::category_letters;
use crate::app::schemes::{remove_attribute_everywhere, remove_scheme_everywhere};
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
        let letters = category_letters();
        if let Some(draft) = &mut self.scheme
            && edit_definition(ui, project, draft, &mut self.new_value, &letters, intents)
        {
            self.scheme = None;
        }
    }

    fn attribute_editor(&mut self, ui: &mut Ui, project: &Project, intents: &mut Vec<Intent>) {
        if let Some(draft) = &mut self.attribute
            && edit_definition(ui, project, draft, &mut self.new_value, &[], intents)
        {
            self.attribute = None;
        }
    }
}

/// What the category-scheme and attribute editors differ in; `edit_definition` draws the
/// rest: the values with a remove button, a new value, the description, Apply, Close, Delete.
trait Definition: Clone + PartialEq {
    /// "scheme" or "attribute", for the Delete button.
    const KIND: &'static str;
    fn heading(&self) -> String;
    /// Settings above the values (a scheme's "several values").
    fn settings(&mut self, _ui: &mut Ui) {}
    fn value_count(&self) -> usize;
    /// Value `i`'s row, but for its remove button; returns the value's name.
    fn value_row(&mut self, ui: &mut Ui, i: usize, letters: &[char]) -> String;
    fn remove_value(&mut self, i: usize);
    /// Said under the values when there are none.
    fn when_empty(&self) -> Option<&'static str> {
        None
    }
    fn has_value(&self, name: &str) -> bool;
    fn add_value(&mut self, name: String, letters: &[char]);
    fn description(&mut self) -> &mut String;
    /// The definition as the project has it now.
    fn saved<'p>(&self, project: &'p Project) -> Option<&'p Self>;
    /// The step that applies the draft, clearing the values it no longer has first.
    fn apply(&self, project: &Project) -> Intent;
    /// The command that deletes the definition and its values everywhere.
    fn delete(&self, project: &Project) -> Command;
    fn described(&self) -> String;
}

impl Definition for CategoryScheme {
    const KIND: &'static str = "scheme";

    fn heading(&self) -> String {
        self.name.clone()
    }

    fn settings(&mut self, ui: &mut Ui) {
        ui.checkbox(&mut self.multiple, "Several values per document");
    }

    fn value_count(&self) -> usize {
        self.values.len()
    }

    fn value_row(&mut self, ui: &mut Ui, i: usize, letters: &[char]) -> String {
        let Some(v) = self.values.get_mut(i) else {
            return String::new();
        };
        ui.color_edit_button_srgb(&mut v.color.0)
            .on_hover_text(format!("Colour of {}", v.name));
        ui.label(&v.name);
        let l = ui.label("key");
        egui::ComboBox::from_id_salt(("value-key", i))
            .selected_text(v.key.map(String::from).unwrap_or_else(|| "none".into()))
            .width(50.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut v.key, None, "none");
                for k in letters {
                    ui.selectable_value(&mut v.key, Some(*k), k.to_string());
                }
            })
            .response
            .labelled_by(l.id);
        v.name.clone()
    }

    fn remove_value(&mut self, i: usize) {
        self.values.remove(i);
    }

    fn has_value(&self, name: &str) -> bool {
        self.value(name).is_some()
    }

    fn add_value(&mut self, name: String, letters: &[char]) {
        // The first free letter the value's name starts with, else the first free.
        let taken: Vec<char> = self.values.iter().filter_map(|v| v.key).collect();
        let free = |k: &char| !taken.contains(k);
        let key = name
            .chars()
            .filter_map(|c| c.to_lowercase().next())
            .find(|c| letters.contains(c) && free(c))
            .or_else(|| letters.iter().copied().find(free));
        let color = Color(PALETTE[self.values.len() % PALETTE.len()]);
        self.values.push(CategoryValue { name, key, color });
    }

    fn description(&mut self) -> &mut String {
        &mut self.description
    }

    fn saved<'p>(&self, project: &'p Project) -> Option<&'p Self> {
        project.scheme(&self.name)
    }

    fn apply(&self, project: &Project) -> Intent {
        let mut commands = clear_scheme_values(project, &self.name, self);
        commands.push(Command::UpdateScheme {
            scheme: self.clone(),
        });
        batch(format!("edit category scheme {}", self.name), commands)
    }

    fn delete(&self, project: &Project) -> Command {
        remove_scheme_everywhere(project, &self.name)
    }

    fn described(&self) -> String {
        format!("category scheme {}", self.name)
    }
}

impl Definition for AttributeDef {
    const KIND: &'static str = "attribute";

    fn heading(&self) -> String {
        format!("{} ({})", self.name, self.target.plural())
    }

    fn value_count(&self) -> usize {
        self.values.len()
    }

    fn value_row(&mut self, ui: &mut Ui, i: usize, _letters: &[char]) -> String {
        ui.monospace(if i < 9 {
            format!("{}", i + 1)
        } else {
            " ".into()
        });
        let name = self.values.get(i).cloned().unwrap_or_default();
        ui.label(&name);
        name
    }

    fn remove_value(&mut self, i: usize) {
        self.values.remove(i);
    }

    fn when_empty(&self) -> Option<&'static str> {
        Some("No values: free text.")
    }

    fn has_value(&self, name: &str) -> bool {
        self.values.iter().any(|v| v == name)
    }

    fn add_value(&mut self, name: String, _letters: &[char]) {
        self.values.push(name);
    }

    fn description(&mut self) -> &mut String {
        &mut self.description
    }

    fn saved<'p>(&self, project: &'p Project) -> Option<&'p Self> {
        project.attribute(self.target, &self.name)
    }

    fn apply(&self, project: &Project) -> Intent {
        let mut commands = clear_attribute_values(project, self);
        commands.push(Command::UpdateAttribute {
            attribute: self.clone(),
        });
        batch(format!("edit attribute {}", self.name), commands)
    }

    fn delete(&self, project: &Project) -> Command {
        remove_attribute_everywhere(project, self.target, &self.name)
    }

    fn described(&self) -> String {
        format!("attribute {}", self.name)
    }
}

/// Edit a scheme's or attribute's draft in a group; true when it closes (applied, closed or
/// deleted).
fn edit_definition<D: Definition>(
    ui: &mut Ui,
    project: &Project,
    draft: &mut D,
    new_value: &mut String,
    letters: &[char],
    intents: &mut Vec<Intent>,
) -> bool {
    let mut close = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(draft.heading()).heading());
        draft.settings(ui);
        let mut remove = None;
        for i in 0..draft.value_count() {
            ui.horizontal(|ui| {
                let name = draft.value_row(ui, i, letters);
                if ui
                    .small_button("×")
                    .on_hover_text(format!("Remove value {name}"))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            draft.remove_value(i);
        }
        if draft.value_count() == 0
            && let Some(note) = draft.when_empty()
        {
            ui.weak(note);
        }
        ui.horizontal(|ui| {
            let l = ui.label("New value");
            let r = ui
                .add(egui::TextEdit::singleline(new_value).desired_width(100.0))
                .labelled_by(l.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let name = new_value.trim().to_string();
            let ok = !name.is_empty() && !draft.has_value(&name);
            if (ui.add_enabled(ok, egui::Button::new("Add value")).clicked() || enter) && ok {
                draft.add_value(name, letters);
                new_value.clear();
                if enter {
                    r.request_focus();
                }
            }
        });
        let l = ui.label("Description");
        ui.add(egui::TextEdit::multiline(draft.description()).desired_rows(1))
            .labelled_by(l.id);
        ui.horizontal(|ui| {
            let changed = draft.saved(project) != Some(&*draft);
            if ui
                .add_enabled(changed, egui::Button::new("Apply changes"))
                .clicked()
            {
                intents.push(draft.apply(project));
                close = true;
            }
            if ui.button("Close").clicked() {
                close = true;
            }
            if ui.button(format!("Delete {}", D::KIND)).clicked() {
                intents.push(Intent::Execute(draft.delete(project)));
                intents.push(Intent::Say(format!(
                    "deleted {} (Ctrl+Z brings it back)",
                    draft.described()
                )));
                close = true;
            }
        });
    });
    close
}
