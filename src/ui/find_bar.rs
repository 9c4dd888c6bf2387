//! The find bar (Ctrl+F): next and previous match, case and whole-word toggles, and "tag all"
//! to label every occurrence in one undo step.

use egui::{Key, Ui};

use super::Intent;
use crate::app::editing::EditingState;
use crate::app::gestures;
use crate::app::keymap::Action;
use crate::model::{Document, Project};

#[derive(Default)]
pub struct FindBar {
    /// Put the keyboard in the query field next frame.
    pub focus: bool,
    pub label: Option<String>,
}

impl FindBar {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        doc: &Document,
        view: &mut EditingState,
    ) -> Vec<Intent> {
        let mut intents = Vec::new();
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Find");
            let resp = ui
                .add(egui::TextEdit::singleline(&mut view.find.query).desired_width(220.0))
                .labelled_by(l.id);
            super::widgets::select_all_on_focus(ui, &resp, &view.find.query);
            if self.focus {
                resp.request_focus();
                self.focus = false;
            }
            if resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                let back = ui.input(|i| i.modifiers.shift);
                intents.push(Intent::Do(if back {
                    Action::FindPrevious
                } else {
                    Action::FindNext
                }));
                resp.request_focus();
            }
            if resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
                view.find.open = false;
            }
            ui.toggle_value(&mut view.find.options.case_sensitive, "Aa")
                .on_hover_text("Match case");
            ui.toggle_value(&mut view.find.options.whole_words, "Whole words");
            let n = view.find.matches.len();
            let at = view.find.current.map(|i| format!("{} of {n}", i + 1));
            ui.weak(at.unwrap_or_else(|| format!("{n} matches")));
            if ui
                .button("◀")
                .on_hover_text("Previous match (Shift+F3)")
                .clicked()
            {
                intents.push(Intent::Do(Action::FindPrevious));
            }
            if ui.button("▶").on_hover_text("Next match (F3)").clicked() {
                intents.push(Intent::Do(Action::FindNext));
            }
            ui.separator();
            let label = self
                .label
                .get_or_insert_with(|| project.labels.names().next().unwrap_or("").to_string());
            if !project.labels.contains(label)
                && let Some(first) = project.labels.names().next()
            {
                *label = first.to_string();
            }
            let tag_as = ui.label("Tag as");
            egui::ComboBox::from_id_salt("find-label")
                .selected_text(label.clone())
                .show_ui(ui, |ui| {
                    for l in project.labels.names() {
                        ui.selectable_value(label, l.to_string(), l);
                    }
                })
                .response
                .labelled_by(tag_as.id);
            let can_tag = n > 0 && !label.is_empty();
            if ui
                .add_enabled(can_tag, egui::Button::new("Tag all"))
                .on_hover_text("Tag every match with this label (one undo step)")
                .clicked()
            {
                match gestures::tag_all(project, doc.id, &view.find.query, view.find.options, label)
                {
                    Some((c, added)) => {
                        intents.push(Intent::Execute(c));
                        intents.push(Intent::Say(format!(
                            "tagged {added} × “{}” as {label}",
                            view.find.query
                        )));
                    }
                    None => intents.push(Intent::Say("every match is already tagged".into())),
                }
            }
            if ui.button("×").on_hover_text("Close (Esc)").clicked() {
                view.find.open = false;
            }
        });
        intents
    }
}
