//! The documents panel: every document with its status and annotation counts; add, paste,
//! rename, set status, remove.

use egui::{RichText, Ui};

use super::Intent;
use super::prompts::Prompt;
use crate::app::Command;
use crate::app::gestures;
use crate::app::keymap::Action;
use crate::model::{DocId, Project, Status};

#[derive(Default)]
pub struct DocumentsPanel {
    /// The document being renamed and the name typed so far.
    renaming: Option<(DocId, String)>,
    filter: String,
    /// The document last shown as current, to bring a newly current one into view.
    last_current: Option<DocId>,
    /// (scroll offset, visible height) of the list in the last frame.
    last_view: (f32, f32),
}

fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Todo => "○",
        Status::InProgress => "◑",
        Status::Done => "✔",
    }
}

impl DocumentsPanel {
    /// One document: status mark, name and counts; click opens, double-click renames, the
    /// context menu renames, sets the status or removes.
    fn row(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        doc: &crate::model::Document,
        current: Option<DocId>,
        intents: &mut Vec<Intent>,
    ) {
        if let Some((id, name)) = &mut self.renaming
            && *id == doc.id
        {
            let resp = ui
                .text_edit_singleline(name)
                .accessible_name("Rename document");
            // Selected when it opens: typing replaces the old name.
            super::widgets::select_all_on_focus(ui, &resp, name);
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
            return;
        }
        let spans = doc.spans.len();
        let quotes = doc.quotes.len();
        ui.horizontal(|ui| {
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
            ui.weak(format!("{spans} · {quotes}"))
                .on_hover_text("spans · quotes");
            super::categories::dots(ui, project, doc);
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
                super::categories::menu(ui, project, doc, intents);
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
        });
    }

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
        if project.documents.len() > 8
            || !project.schemes.is_empty()
            || project.documents.iter().any(|d| !d.meta.is_empty())
        {
            let label = ui.label("Filter");
            ui.text_edit_singleline(&mut self.filter)
                .labelled_by(label.id)
                .on_hover_text(
                    "Words the name or a metadata value holds; key:word for one entry \
                     (outlet:planet) or a category (topic:politics); key>=value and \
                     key<value for ranges (date>=2025-03-01 date<2025-04)",
                );
        }
        ui.separator();

        // The current document's status, one click away.
        if let Some(doc) = current.and_then(|d| project.document(d)) {
            ui.horizontal_wrapped(|ui| {
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

        let filter = crate::app::doc_filter::Filter::parse(&self.filter);
        // Only the rows on screen are drawn, so ten thousand documents cost what ten do.
        let shown: Vec<usize> = if filter.is_empty() {
            (0..project.documents.len()).collect()
        } else {
            (0..project.documents.len())
                .filter(|i| filter.keeps(&project.documents[*i]))
                .collect()
        };
        if project.documents.is_empty() {
            ui.weak("No documents. Add text files or paste text.");
        }
        // `show_rows` places rows `row_height + item_spacing.y` apart.
        let row_height = ui.spacing().interact_size.y;
        let pitch = row_height + ui.spacing().item_spacing.y;
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("documents-list")
            .auto_shrink([false, false]);
        // Moving to another document by key brings its row into view.
        if current != self.last_current {
            self.last_current = current;
            let at = current
                .and_then(|c| shown.iter().position(|i| project.documents[*i].id == c))
                .map(|p| p as f32 * pitch);
            let (offset, height) = self.last_view;
            if let Some(y) = at
                && (y < offset || y + pitch > offset + height)
            {
                scroll = scroll.vertical_scroll_offset((y - height / 2.0).max(0.0));
            }
        }
        let out = scroll.show_rows(ui, row_height, shown.len(), |ui, rows| {
            for &i in &shown[rows] {
                self.row(ui, project, &project.documents[i], current, &mut intents);
            }
        });
        self.last_view = (out.state.clamped_offset().y, out.inner_rect.height());
        intents
    }
}
