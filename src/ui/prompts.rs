//! Modal questions: unsaved changes, confirmations, a typed path where no file dialog can be
//! shown, pasting text as a new document, word lists from outside the project's folder, and a
//! new entity for a span that is already linked. `show` draws the question and returns the
//! user's answer; `Workbench::answer` acts on it.
//!
//! Every question answers to the keyboard: Enter gives the answer of the highlighted button
//! (Save, Remove, OK, …; Ctrl+Enter in the multi-line paste box) and Esc cancels — read before
//! the dialog is drawn, so a button that has the keyboard (Tab) still takes Enter itself.

use std::path::PathBuf;

use egui::{Context, Id, Modal, RichText};

use super::widgets;
use crate::app::dialogs::DialogKind;
use crate::model::{DocId, EntityId, SpanId};

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
    /// `E` on a span already linked to an entity: make a new entity and relink the span?
    Relink {
        doc: DocId,
        span: SpanId,
        /// The span's text: the new entity's name.
        text: String,
        /// The entity it is linked to now.
        linked: String,
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
}

/// A button of a question; the default one (Enter) is drawn strong and says so.
fn button(ui: &mut egui::Ui, text: &str, default: bool) -> egui::Response {
    if default {
        ui.add(egui::Button::new(RichText::new(text).strong()))
            .on_hover_text("Enter")
    } else {
        ui.button(text)
    }
}

/// Draw the prompt; `Some(answer)` once the user has answered.
pub fn show(ctx: &Context, prompt: &mut Prompt) -> Option<Answer> {
    let mut answer = None;
    let keys = widgets::dialog_keys(ctx);
    // What Enter answers, decided while drawing (`None`: Enter does nothing yet).
    let mut on_enter = None;
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
                on_enter = Some(Answer::Save);
                ui.horizontal(|ui| {
                    if button(ui, "Save", true).clicked() {
                        answer = Some(Answer::Save);
                    }
                    if ui.button("Discard").on_hover_text("Lose the unsaved changes").clicked() {
                        answer = Some(Answer::Discard);
                    }
                    if ui.button("Cancel").on_hover_text("Esc").clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
            Prompt::RemoveDocument { name, annotations, .. } => {
                ui.heading("Remove document");
                ui.label(format!(
                    "Remove “{name}” and its {annotations} annotations from the project? (Undo brings it back.)"
                ));
                confirm_row(ui, "Remove", &mut answer, &mut on_enter);
            }
            Prompt::DeleteLabel { name, spans, entities } => {
                ui.heading("Delete label");
                ui.label(format!(
                    "Delete label {name}? {spans} spans and {entities} entities use it and will be deleted too. (Undo brings them back.)"
                ));
                confirm_row(ui, "Delete", &mut answer, &mut on_enter);
            }
            Prompt::DeleteEntity { name, mentions, .. } => {
                ui.heading("Delete entity");
                ui.label(format!(
                    "Delete entity {name}? Its {mentions} mentions stay, unlinked. (Undo brings it back.)"
                ));
                confirm_row(ui, "Delete", &mut answer, &mut on_enter);
            }
            Prompt::Relink { text, linked, .. } => {
                ui.heading("Already linked");
                ui.label(format!(
                    "“{text}” is linked to {linked}. Make a new entity “{text}” and link this mention to it instead? (One undo step.)"
                ));
                confirm_row(ui, "New entity and relink", &mut answer, &mut on_enter);
            }
            Prompt::Notice { title, message } => {
                ui.heading(title.as_str());
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    ui.label(message.as_str());
                });
                ui.add_space(8.0);
                on_enter = Some(Answer::Cancel);
                if button(ui, "OK", true).clicked() {
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
                on_enter = Some(Answer::Confirm);
                ui.horizontal(|ui| {
                    if button(ui, "Use them", true).clicked() {
                        answer = Some(Answer::Confirm);
                    }
                    if ui.button("Skip them").on_hover_text("Esc").clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
            Prompt::TypedPath { kind, text } => {
                ui.heading(kind.title());
                ui.label("No file dialog is available here; type a path.");
                let label = ui.label("Path");
                let resp = ui.text_edit_singleline(text).labelled_by(label.id);
                widgets::select_all_on_focus(ui, &resp, text);
                widgets::focus_unless_taken(ui, &resp);
                let path = (!text.trim().is_empty()).then(|| Answer::Path(expand_home(text.trim())));
                on_enter = path.clone();
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(path.is_some(), egui::Button::new(RichText::new("OK").strong()))
                        .on_hover_text("Enter")
                        .clicked()
                    {
                        answer = path;
                    }
                    if ui.button("Cancel").on_hover_text("Esc").clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
            Prompt::Paste { name, text } => {
                ui.heading("New document from text");
                let l = ui.label("Name");
                let resp = ui.text_edit_singleline(name).labelled_by(l.id);
                widgets::select_all_on_focus(ui, &resp, name);
                let l = ui.label("Text (paste with Ctrl+V)");
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    let resp = ui
                        .add(
                            egui::TextEdit::multiline(text)
                                .desired_rows(10)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    widgets::mark_multiline(ui.ctx(), resp.id);
                    // Ready for Ctrl+V as soon as the prompt opens.
                    if text.is_empty() {
                        widgets::focus_unless_taken(ui, &resp);
                    }
                });
                let ready = !text.trim().is_empty() && !name.trim().is_empty();
                let paste = ready.then(|| Answer::Paste {
                    name: name.trim().to_string(),
                    text: text.clone(),
                });
                on_enter = paste.clone();
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(ready, egui::Button::new(RichText::new("Add document").strong()))
                        .on_hover_text("Enter in the name, Ctrl+Enter in the text")
                        .clicked()
                    {
                        answer = paste;
                    }
                    if ui.button("Cancel").on_hover_text("Esc").clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
        }
    });
    if answer.is_none() && keys.confirm {
        answer = on_enter;
    }
    if answer.is_none() && (keys.cancel || response.backdrop_response.clicked()) {
        answer = Some(Answer::Cancel);
    }
    answer
}

fn confirm_row(
    ui: &mut egui::Ui,
    verb: &str,
    answer: &mut Option<Answer>,
    on_enter: &mut Option<Answer>,
) {
    ui.add_space(8.0);
    *on_enter = Some(Answer::Confirm);
    ui.horizontal(|ui| {
        if button(ui, verb, true).clicked() {
            *answer = Some(Answer::Confirm);
        }
        if ui.button("Cancel").on_hover_text("Esc").clicked() {
            *answer = Some(Answer::Cancel);
        }
    });
}

pub(super) fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}
