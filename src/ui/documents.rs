//! The documents panel: every document with its status and annotation counts; add, paste,
//! rename, set status, remove.

use egui::{RichText, Ui};

use super::Intent;
use super::prompts::Prompt;
use crate::app::Command;
use crate::app::gestures;
use crate::app::shortcuts::Action;
use crate::model::{DocId, Project, Status};

#[derive(Default)]
pub struct DocumentsPanel {
    /// The document being renamed and the name typed so far.
    renaming: Option<(DocId, String)>,
    filter: String,
}

fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Todo => "○",
        Status::InProgress => "◑",
        Status::Done => "✔",
    }
}

impl DocumentsPanel {
    pub fn ui(&mut self, ui: &mut Ui, project: &Project, current: Option<DocId>) -> Vec<Intent> {
        let mut intents = Vec::new();
        let done = project
            .documents
            .iter()
            .filter(|d| d.status == Status::Done)
            .count();
        ui.horizontal(|ui| {
            ui.heading("Documents");
            ui.weak(format!("{done}/{} done", project.documents.len()));
        });
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Add files…")
                .on_hover_text(Action::AddFiles.help())
                .clicked()
            {
                intents.push(Intent::Do(Action::AddFiles));
            }
            if ui
                .button("Add folder…")
                .on_hover_text(Action::AddFolder.help())
                .clicked()
            {
                intents.push(Intent::Do(Action::AddFolder));
            }
            if ui
                .button("Paste…")
                .on_hover_text(Action::PasteDocument.help())
                .clicked()
            {
                intents.push(Intent::Do(Action::PasteDocument));
            }
        });
        if project.documents.len() > 8 {
            let label = ui.label("Filter");
            ui.text_edit_singleline(&mut self.filter)
                .labelled_by(label.id);
        }
        ui.separator();

        // The current document's status, one click away.
        if let Some(doc) = current.and_then(|d| project.document(d)) {
            ui.horizontal(|ui| {
                ui.label("Status:");
                for s in Status::ALL {
                    if ui.selectable_label(doc.status == s, s.name()).clicked()
                        && let Some(c) = gestures::set_status(project, doc.id, s)
                    {
                        intents.push(Intent::Execute(c));
                    }
                }
            });
            ui.separator();
        }

        let filter = self.filter.to_lowercase();
        egui::ScrollArea::vertical()
            .id_salt("documents-list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for doc in &project.documents {
                    if !filter.is_empty() && !doc.name.to_lowercase().contains(&filter) {
                        continue;
                    }
                    if let Some((id, name)) = &mut self.renaming
                        && *id == doc.id
                    {
                        let resp = ui
                            .text_edit_singleline(name)
                            .accessible_name("Rename document");
                        resp.request_focus();
                        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                        let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
                        if escape {
                            self.renaming = None;
                        } else if resp.lost_focus() || enter {
                            let name = name.trim().to_string();
                            if !name.is_empty() && name != doc.name {
                                intents.push(Intent::Execute(Command::RenameDocument {
                                    doc: doc.id,
                                    name,
                                }));
                            }
                            self.renaming = None;
                        }
                        continue;
                    }
                    let spans = doc.spans.len();
                    let quotes = doc.quotes.len();
                    let text = format!("{} {}", status_mark(doc.status), doc.name);
                    let resp = ui
                        .selectable_label(Some(doc.id) == current, RichText::new(text))
                        .on_hover_text(format!(
                            "{} · {spans} spans · {quotes} quotes · {} characters{}",
                            doc.status.name(),
                            doc.char_len(),
                            doc.source
                                .as_deref()
                                .map(|s| format!("\n{s}"))
                                .unwrap_or_default()
                        ));
                    ui.weak(format!("    {spans} spans · {quotes} quotes"));
                    if resp.clicked() {
                        intents.push(Intent::OpenDocument(doc.id));
                    }
                    if resp.double_clicked() {
                        self.renaming = Some((doc.id, doc.name.clone()));
                    }
                    resp.context_menu(|ui| {
                        if ui.button("Rename").clicked() {
                            self.renaming = Some((doc.id, doc.name.clone()));
                            ui.close();
                        }
                        for s in Status::ALL {
                            if ui.button(format!("Mark {}", s.name())).clicked() {
                                if let Some(c) = gestures::set_status(project, doc.id, s) {
                                    intents.push(Intent::Execute(c));
                                }
                                ui.close();
                            }
                        }
                        ui.separator();
                        if ui.button("Remove…").clicked() {
                            intents.push(Intent::Ask(Prompt::RemoveDocument {
                                doc: doc.id,
                                name: doc.name.clone(),
                                annotations: doc.annotation_count(),
                            }));
                            ui.close();
                        }
                    });
                }
                if project.documents.is_empty() {
                    ui.weak("No documents. Add text files or paste text.");
                }
            });
        intents
    }
}
