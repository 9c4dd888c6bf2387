//! The Labels tab: the label set editor (name, colour, key, description), with counts; below
//! it, document category schemes and attributes (`schemes_editor`).

use egui::{RichText, Ui};

use super::Intent;
use super::colors;
use super::prompts::Prompt;
use crate::app::Command;
use crate::app::gestures;
use crate::model::{LabelDef, LabelSet, Project};

#[derive(Default)]
pub struct LabelsPanel {
    /// The label being edited: its name before editing and the draft.
    editing: Option<(String, LabelDef)>,
    new_name: String,
    /// Category schemes and attributes, below the labels.
    schemes: super::schemes_editor::SchemesEditor,
}

/// The commands that turn `before` into `after`: a rename, then colour, key and description.
/// A key already used by another label moves to this one (the other loses it).
pub fn edit_label_commands(set: &LabelSet, before: &str, after: &LabelDef) -> Vec<Command> {
    let mut commands = Vec::new();
    if let Some(k) = after.key
        && let Some(other) = set.by_key(k)
        && other.name != before
    {
        commands.push(Command::UpdateLabel {
            label: LabelDef {
                key: None,
                ..other.clone()
            },
        });
    }
    if before != after.name {
        commands.push(Command::RenameLabel {
            from: before.to_string(),
            to: after.name.clone(),
        });
    }
    if set.get(before).is_some_and(|old| {
        old.color != after.color || old.key != after.key || old.description != after.description
    }) {
        commands.push(Command::UpdateLabel {
            label: after.clone(),
        });
    }
    commands
}

impl LabelsPanel {
    pub fn ui(&mut self, ui: &mut Ui, project: &Project) -> Vec<Intent> {
        let mut intents = Vec::new();
        let counts = gestures::label_counts(project);
        ui.weak("Click a label to edit it. Keys apply labels to the selection.");
        egui::ScrollArea::vertical()
            .id_salt("labels")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for label in &project.labels.labels {
                    let editing_this = self
                        .editing
                        .as_ref()
                        .is_some_and(|(name, _)| *name == label.name);
                    if editing_this {
                        self.editor(ui, project, &mut intents);
                        continue;
                    }
                    ui.horizontal(|ui| {
                        let (rect, _) =
                            ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                        ui.painter()
                            .rect_filled(rect, 3.0, colors::color32(label.color));
                        ui.monospace(label.key.map(String::from).unwrap_or_else(|| " ".into()));
                        let count = counts.get(&label.name).copied().unwrap_or(0);
                        if ui
                            .button(RichText::new(&label.name).strong())
                            .on_hover_text(format!("Edit {}", label.name))
                            .clicked()
                        {
                            self.editing = Some((label.name.clone(), label.clone()));
                        }
                        ui.weak(format!("{count}"));
                    });
                    if !label.description.is_empty() {
                        ui.weak(&label.description);
                    }
                }
                ui.separator();
                ui.horizontal(|ui| {
                    let l = ui.label("New label");
                    let resp = ui
                        .add(egui::TextEdit::singleline(&mut self.new_name).desired_width(110.0))
                        .labelled_by(l.id);
                    let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let name = self.new_name.trim().to_uppercase();
                    let valid = !name.is_empty() && !project.labels.contains(&name);
                    if (ui
                        .add_enabled(valid, egui::Button::new("Add label"))
                        .clicked()
                        || enter)
                        && valid
                    {
                        intents.push(Intent::Execute(gestures::new_label(project, &name)));
                        self.new_name.clear();
                    }
                });
                self.schemes.ui(ui, project, &mut intents);
            });
        intents
    }

    fn editor(&mut self, ui: &mut Ui, project: &Project, intents: &mut Vec<Intent>) {
        let Some((before, draft)) = &mut self.editing else {
            return;
        };
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                let l = ui.label("Name");
                let resp = ui.text_edit_singleline(&mut draft.name).labelled_by(l.id);
                super::widgets::select_all_on_focus(ui, &resp, &draft.name);
            });
            ui.horizontal(|ui| {
                ui.label("Colour");
                ui.color_edit_button_srgb(&mut draft.color.0)
                    .on_hover_text("Label colour");
                let key_label = ui.label("Key");
                egui::ComboBox::from_id_salt("label-key")
                    .selected_text(draft.key.map(String::from).unwrap_or_else(|| "none".into()))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut draft.key, None, "none");
                        for k in "1234567890".chars() {
                            let used = project
                                .labels
                                .by_key(k)
                                .filter(|l| l.name != *before)
                                .map(|l| format!(" ({})", l.name))
                                .unwrap_or_default();
                            ui.selectable_value(&mut draft.key, Some(k), format!("{k}{used}"));
                        }
                    })
                    .response
                    .labelled_by(key_label.id);
            });
            let l = ui.label("Description");
            ui.add(egui::TextEdit::multiline(&mut draft.description).desired_rows(2))
                .labelled_by(l.id);
            ui.horizontal(|ui| {
                let name = draft.name.trim().to_string();
                let clash = name != *before && project.labels.contains(&name);
                let ok = !name.is_empty() && !clash;
                if ui
                    .add_enabled(ok, egui::Button::new("Apply changes"))
                    .clicked()
                {
                    draft.name = name;
                    let commands = edit_label_commands(&project.labels, before, draft);
                    if !commands.is_empty() {
                        intents.push(Intent::Execute(Command::Batch {
                            name: format!("edit label {before}"),
                            commands,
                        }));
                    }
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
                if ui.button("Delete label…").clicked() {
                    if let Some((_, spans, entities)) = gestures::delete_label(project, before) {
                        intents.push(Intent::Ask(Prompt::DeleteLabel {
                            name: before.clone(),
                            spans,
                            entities,
                        }));
                    }
                    close = true;
                }
                if clash {
                    ui.colored_label(ui.visuals().warn_fg_color, "name in use");
                }
            });
        });
        if close {
            self.editing = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_key_moves_and_a_rename_comes_first() {
        let set = LabelSet::news();
        let mut after = set.get("PERSON").unwrap().clone();
        after.name = "PER".into();
        after.key = Some('2');
        let cmds = edit_label_commands(&set, "PERSON", &after);
        assert_eq!(cmds.len(), 3, "{cmds:?}");
        assert!(
            matches!(&cmds[0], Command::UpdateLabel { label } if label.name == "ORG" && label.key.is_none())
        );
        assert!(matches!(&cmds[1], Command::RenameLabel { .. }));
        let mut p = crate::model::Project::new("t");
        Command::Batch {
            name: "x".into(),
            commands: cmds,
        }
        .apply(&mut p)
        .unwrap();
        assert_eq!(p.labels.by_key('2').unwrap().name, "PER");
    }
}
