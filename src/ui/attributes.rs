//! The attributes of one entity, span or quote, as rows in the Span, Entities and Quotes tabs.
//!
//! Each attribute the project defines for the item's kind is a row: its values as buttons
//! (click one, or press its digit with Alt — alone in categorise mode; the button again, or
//! Alt+0, clears it), or a text field for free text, committed when it loses focus. The row the
//! digit keys set now is marked » (V moves the mark). For an entity, a suggested gender shows
//! with its reason and Accept / Reject. Every change is a `Command::SetAttribute`.

use egui::{Id, RichText, Ui};

use super::Intent;
use super::coding;
use crate::app::Command;
use crate::model::{AttrItem, Project};

fn set(item: AttrItem, name: &str, value: Option<String>) -> Intent {
    Intent::Execute(Command::SetAttribute {
        item,
        name: name.to_string(),
        value,
    })
}

/// The attribute rows of `item`; nothing when the project defines none for its kind.
pub fn rows(ui: &mut Ui, project: &Project, item: AttrItem, intents: &mut Vec<Intent>) {
    let defs: Vec<_> = project.attributes_of(item.target()).collect();
    if defs.is_empty() {
        return;
    }
    let current = crate::app::coding::value_of;
    let active = coding::active_slot(ui.ctx());
    let keys = if coding::categorising(ui.ctx()) {
        ""
    } else {
        "Alt+"
    };
    for def in defs {
        let value = current(project, item, &def.name);
        let is_active = active
            .as_ref()
            .is_some_and(|(i, n)| *i == item && *n == def.name);
        ui.horizontal_wrapped(|ui| {
            let mark = if is_active { "» " } else { "" };
            let l = ui.label(RichText::new(format!("{mark}{}", def.name)).strong());
            if is_active {
                l.clone().on_hover_text(format!(
                    "{keys}1…{keys}9 set it, {keys}0 clears it; V picks another attribute"
                ));
            }
            if def.is_free_text() {
                let id = Id::unique(("attr-draft", item, &def.name));
                let mut text = ui
                    .data(|d| d.get_temp::<String>(id))
                    .unwrap_or_else(|| value.unwrap_or("").to_string());
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .id_salt(("attr-edit", item, &def.name))
                            .desired_width(140.0),
                    )
                    .labelled_by(l.id);
                if r.lost_focus() {
                    let new = text.trim();
                    if new != value.unwrap_or("") {
                        let v = (!new.is_empty()).then(|| new.to_string());
                        intents.push(set(item, &def.name, v));
                    }
                    ui.data_mut(|d| d.remove::<String>(id));
                } else if r.has_focus() {
                    ui.data_mut(|d| d.insert_temp(id, text));
                }
                return;
            }
            for (i, v) in def.values.iter().enumerate() {
                let chosen = value == Some(v.as_str());
                let text = if is_active && i < 9 {
                    format!("{} {v}", i + 1)
                } else {
                    v.clone()
                };
                let r = ui.selectable_label(chosen, text);
                let what = format!("{} {v}", def.name);
                r.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, chosen, &what)
                });
                if r.clicked() {
                    intents.push(set(item, &def.name, (!chosen).then(|| v.clone())));
                }
            }
            if value.is_some_and(|v| !def.allows(v)) {
                ui.colored_label(ui.visuals().warn_fg_color, value.unwrap_or(""))
                    .on_hover_text("not one of the attribute's values");
            }
        });
    }
    if let AttrItem::Entity(e) = item
        && let Some(s) = coding::gender_suggestion(ui.ctx(), project, e)
    {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("suggested: {} ({})", s.value, s.reason)).italics());
            let keys = if coding::categorising(ui.ctx()) {
                " (A)"
            } else {
                ""
            };
            if ui
                .button("Accept")
                .on_hover_text(format!("Set {} to {}{keys}", s.attribute, s.value))
                .clicked()
            {
                intents.push(Intent::Execute(s.accept()));
            }
            if ui
                .button("Reject")
                .on_hover_text(format!(
                    "Dismiss this suggestion for the session{}",
                    if keys.is_empty() { "" } else { " (X)" }
                ))
                .clicked()
            {
                coding::reject(ui.ctx(), e);
            }
        });
    }
}

/// A heading and the rows, when the project defines attributes for the item's kind.
pub fn section(
    ui: &mut Ui,
    project: &Project,
    heading: &str,
    item: AttrItem,
    intents: &mut Vec<Intent>,
) {
    if project.attributes_of(item.target()).next().is_none() {
        return;
    }
    ui.separator();
    ui.label(RichText::new(heading).weak());
    rows(ui, project, item, intents);
}
