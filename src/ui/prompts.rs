//! Modal questions: unsaved changes, confirmations, a typed path where no file dialog can be
//! shown, pasting text as a new document, and word lists from outside the project's folder.
//! `show` draws the question and returns the user's answer; `GlossApp::answer` acts on it.

use std::path::PathBuf;

use egui::{Context, Id, Key, Modal};

use crate::app::dialogs::DialogKind;
use crate::app::formats::{ExportFormat, ExportOptions};
use crate::model::{DocId, EntityId};

/// What waits on the unsaved-changes question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum After {
    NewProject,
    OpenDialog,
    Open(PathBuf),
    Close,
    /// Ask where to save a new curated project, then start curating.
    Curate,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Prompt {
    Unsaved {
        then: After,
    },
    RemoveDocument {
        doc: DocId,
        name: String,
        annotations: usize,
    },
    DeleteLabel {
        name: String,
        spans: usize,
        entities: usize,
    },
    DeleteEntity {
        id: EntityId,
        name: String,
        mentions: usize,
    },
    TypedPath {
        kind: DialogKind,
        text: String,
    },
    /// Something the user must read and acknowledge (a project that would not open, a journal
    /// replayed, the about box).
    Notice {
        title: String,
        message: String,
    },
    Paste {
        name: String,
        text: String,
    },
    /// The project names word lists outside its folder: read them?
    OutsideLists {
        lists: Vec<crate::app::review::OutsideList>,
    },
    /// Choose the format and what to export.
    Export {
        format: ExportFormat,
        only_done: bool,
        /// Every label with whether it is exported.
        labels: Vec<(String, bool)>,
        per_document: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Cancel,
    Save,
    Discard,
    Confirm,
    Path(PathBuf),
    Paste { name: String, text: String },
    Export(ExportFormat, ExportOptions),
}

/// Draw the prompt; `Some(answer)` once the user has answered.
pub fn show(ctx: &Context, prompt: &mut Prompt) -> Option<Answer> {
    let mut answer = None;
    let escape = ctx.input(|i| i.key_pressed(Key::Escape));
    let response = Modal::new(Id::unique("prompt")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match prompt {
            Prompt::Unsaved { then } => {
                ui.heading("Unsaved changes");
                let what = match then {
                    After::Close => "closing",
                    After::NewProject => "starting a new project",
                    After::OpenDialog | After::Open(_) => "opening another project",
                    After::Curate => "starting a curated project",
                };
                ui.label(format!("Save the changes to this project before {what}?"));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        answer = Some(Answer::Save);
                    }
                    if ui.button("Discard").on_hover_text("Lose the unsaved changes").clicked() {
                        answer = Some(Answer::Discard);
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
            Prompt::RemoveDocument { name, annotations, .. } => {
                ui.heading("Remove document");
                ui.label(format!(
                    "Remove “{name}” and its {annotations} annotations from the project? (Undo brings it back.)"
                ));
                confirm_row(ui, "Remove", &mut answer);
            }
            Prompt::DeleteLabel { name, spans, entities } => {
                ui.heading("Delete label");
                ui.label(format!(
                    "Delete label {name}? {spans} spans and {entities} entities use it and will be deleted too. (Undo brings them back.)"
                ));
                confirm_row(ui, "Delete", &mut answer);
            }
            Prompt::DeleteEntity { name, mentions, .. } => {
                ui.heading("Delete entity");
                ui.label(format!(
                    "Delete entity {name}? Its {mentions} mentions stay, unlinked. (Undo brings it back.)"
                ));
                confirm_row(ui, "Delete", &mut answer);
            }
            Prompt::Notice { title, message } => {
                ui.heading(title.as_str());
                ui.label(message.as_str());
                ui.add_space(8.0);
                if ui.button("OK").clicked() {
                    answer = Some(Answer::Cancel);
                }
            }
            Prompt::OutsideLists { lists } => {
                ui.heading("Word lists outside the project");
                let names: Vec<String> = lists
                    .iter()
                    .map(|l| {
                        let real = l.path.display().to_string();
                        if real == l.name {
                            real
                        } else {
                            format!("{} ({real})", l.name)
                        }
                    })
                    .collect();
                ui.label(format!(
                    "This project reads word lists from outside its folder: {}. Use them?",
                    names.join(", ")
                ));
                ui.label("A project file can name any file; use them only if you trust where the project came from.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Use them").clicked() {
                        answer = Some(Answer::Confirm);
                    }
                    if ui.button("Skip them").clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
            Prompt::TypedPath { kind, text } => {
                ui.heading(kind.title());
                ui.label("No file dialog is available here; type a path.");
                let label = ui.label("Path");
                let resp = ui.text_edit_singleline(text).labelled_by(label.id);
                if !resp.has_focus() && !resp.lost_focus() {
                    resp.request_focus();
                }
                let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                ui.horizontal(|ui| {
                    let ok = ui.button("OK").clicked() || enter;
                    if ok && !text.trim().is_empty() {
                        answer = Some(Answer::Path(expand_home(text.trim())));
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
            Prompt::Export {
                format,
                only_done,
                labels,
                per_document,
            } => {
                ui.heading("Export");
                let l = ui.label("Format");
                egui::ComboBox::from_id_salt("export-format")
                    .selected_text(format.title())
                    .show_ui(ui, |ui| {
                        for f in ExportFormat::ALL {
                            ui.selectable_value(format, f, f.title());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.checkbox(only_done, "Only documents marked done");
                if format.can_split() && !format.always_per_document() {
                    ui.checkbox(per_document, "One file per document (into a folder)");
                }
                ui.label("Labels:");
                ui.horizontal_wrapped(|ui| {
                    for (name, on) in labels.iter_mut() {
                        ui.checkbox(on, name.as_str());
                    }
                });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let any = labels.iter().any(|(_, on)| *on);
                    if ui.add_enabled(any, egui::Button::new("Export…")).clicked() {
                        let all = labels.iter().all(|(_, on)| *on);
                        answer = Some(Answer::Export(
                            *format,
                            ExportOptions {
                                only_done: *only_done,
                                labels: (!all).then(|| {
                                    labels
                                        .iter()
                                        .filter(|(_, on)| *on)
                                        .map(|(n, _)| n.clone())
                                        .collect()
                                }),
                                per_document: *per_document || format.always_per_document(),
                            },
                        ));
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
            Prompt::Paste { name, text } => {
                ui.heading("New document from text");
                let l = ui.label("Name");
                ui.text_edit_singleline(name).labelled_by(l.id);
                let l = ui.label("Text (paste with Ctrl+V)");
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    let resp = ui
                        .add(
                            egui::TextEdit::multiline(text)
                                .desired_rows(10)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    // Ready for Ctrl+V as soon as the prompt opens.
                    if text.is_empty() && !resp.has_focus() && ui.memory(|m| m.focused().is_none()) {
                        resp.request_focus();
                    }
                });
                ui.horizontal(|ui| {
                    let ready = !text.trim().is_empty() && !name.trim().is_empty();
                    if ui.add_enabled(ready, egui::Button::new("Add document")).clicked() {
                        answer = Some(Answer::Paste {
                            name: name.trim().to_string(),
                            text: text.clone(),
                        });
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
        }
    });
    if answer.is_none() && (response.should_close() || escape) {
        answer = Some(Answer::Cancel);
    }
    answer
}

fn confirm_row(ui: &mut egui::Ui, verb: &str, answer: &mut Option<Answer>) {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(verb).clicked() {
            *answer = Some(Answer::Confirm);
        }
        if ui.button("Cancel").clicked() {
            *answer = Some(Answer::Cancel);
        }
    });
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}
