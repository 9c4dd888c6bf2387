//! What each entry of the shortcut table does in the window.

use egui::Context;

use super::RightTab;
use super::app::GlossApp;
use super::prompts::{After, Prompt};
use crate::app::dialogs::DialogKind;
use crate::app::gestures;
use crate::app::shortcuts::{Action, Scope, bindings};
use crate::app::view::Edge;

impl GlossApp {
    /// The actions whose keys were pressed this frame. Plain keys are left to a text field
    /// that has the keyboard.
    pub(super) fn fired_actions(&mut self, ctx: &Context) -> Vec<Action> {
        let typing = ctx.egui_wants_keyboard_input();
        let mut fired = Vec::new();
        for (action, shortcut) in bindings() {
            if typing && action.scope() == Scope::View {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                fired.push(action);
            }
        }
        fired
    }

    /// Do one action from the table (a key, a menu entry or a button).
    pub(super) fn perform(&mut self, ctx: &Context, action: Action) {
        let doc_index = self
            .view
            .doc
            .and_then(|d| self.session.project.document(d))
            .map(|d| self.indexes.get(d));
        match action {
            Action::NewProject => self.confirm_unsaved(After::NewProject),
            Action::OpenProject => self.confirm_unsaved(After::OpenDialog),
            Action::Save => {
                self.save();
            }
            Action::SaveAs => {
                let name = format!("{}.ron", self.session.project.name);
                self.request_dialog(DialogKind::SaveProject, Some(name));
            }
            Action::AddFiles => self.request_dialog(DialogKind::AddFiles, None),
            Action::AddFolder => self.request_dialog(DialogKind::AddFolder, None),
            Action::PasteDocument => {
                self.prompt = Some(Prompt::Paste {
                    name: format!("pasted {}", self.session.project.documents.len() + 1),
                    text: String::new(),
                })
            }
            Action::ExportJsonl => {
                let name = format!("{}.jsonl", self.session.project.name);
                self.request_dialog(DialogKind::Export, Some(name));
            }
            Action::Undo => match self.session.undo() {
                Ok(Some(d)) => self.say(format!("undid: {d}")),
                Ok(None) => self.say("nothing to undo"),
                Err(e) => self.say(format!("cannot undo: {e}")),
            },
            Action::Redo => match self.session.redo() {
                Ok(Some(d)) => self.say(format!("redid: {d}")),
                Ok(None) => self.say("nothing to redo"),
                Err(e) => self.say(format!("cannot redo: {e}")),
            },
            Action::Find => {
                self.view.find.open = true;
                self.find_bar.focus = true;
                // Start from the selected text, as editors do.
                if let (Some(sel), Some(d)) = (
                    self.view.selection,
                    self.view.doc.and_then(|d| self.session.project.document(d)),
                ) {
                    let t = d.slice(sel.start, sel.end);
                    if !t.contains('\n') && !t.trim().is_empty() {
                        self.view.find.query = t.trim().to_string();
                    }
                }
            }
            Action::FindNext | Action::FindPrevious => {
                let forward = action == Action::FindNext;
                if let Some(d) = self.view.doc.and_then(|d| self.session.project.document(d)) {
                    self.view.find.open = true;
                    self.view.find.refresh(d);
                    let from = self.view.selection.map(|s| s.start).unwrap_or(0);
                    match self.view.find.step(forward, from) {
                        Some((s, e)) => {
                            self.view.selection = Some(crate::model::CharRange::new(s, e));
                            self.view.selected_span = None;
                            self.view.scroll_to = Some(s);
                        }
                        None => self.say("no match"),
                    }
                }
            }
            Action::ToggleWordSnap => {
                self.view.word_snap = !self.view.word_snap;
                self.prefs.word_snap = self.view.word_snap;
                let state = if self.view.word_snap {
                    "selections snap to whole words"
                } else {
                    "selections are exact characters"
                };
                self.say(state);
            }
            Action::DeleteSpan => {
                let out = self.view.delete_selected(&self.session.project);
                self.finish(out);
            }
            Action::ClearSelection => {
                if self.overlay_open {
                    self.overlay_open = false;
                } else if self.view.find.open {
                    self.view.find.open = false;
                } else {
                    self.view.selection = None;
                    self.view.selected_span = None;
                }
            }
            Action::GrowEnd | Action::ShrinkEnd | Action::GrowStart | Action::ShrinkStart => {
                let edge = match action {
                    Action::GrowEnd => Edge::GrowEnd,
                    Action::ShrinkEnd => Edge::ShrinkEnd,
                    Action::GrowStart => Edge::GrowStart,
                    _ => Edge::ShrinkStart,
                };
                if let Some(index) = doc_index {
                    let out = self.view.move_edge(&self.session.project, &index, edge);
                    self.finish(out);
                }
            }
            Action::NextSpan | Action::PreviousSpan => {
                let out = self
                    .view
                    .step_span(&self.session.project, action == Action::NextSpan);
                self.finish(out);
            }
            Action::NextDocument | Action::PreviousDocument => {
                let out = self
                    .view
                    .step_doc(&self.session.project, action == Action::NextDocument);
                self.finish(out);
            }
            Action::LinkEntity => {
                if self.view.selected_span.is_some() {
                    self.right_tab = RightTab::Entities;
                    self.entities.focus_search = true;
                } else {
                    self.say("select a span to link (click it, or [ and ] to walk spans)");
                }
            }
            Action::NewEntityFromSpan => {
                let (Some(doc), Some(span)) = (self.view.doc, self.view.selected_span) else {
                    self.say("select a span first");
                    return;
                };
                let linked = self
                    .session
                    .project
                    .document(doc)
                    .and_then(|d| d.span(span))
                    .and_then(|s| s.entity);
                if linked.is_some() {
                    self.say("this span is already linked to an entity");
                    return;
                }
                if let Some(c) = gestures::create_entity_from_span(&self.session.project, doc, span)
                {
                    let name = c.describe();
                    self.execute(c);
                    self.right_tab = RightTab::Entities;
                    self.say(name);
                }
            }
            Action::ShowShortcuts => self.overlay_open = !self.overlay_open,
            Action::ApplyLabel(key) => {
                if let Some(index) = doc_index {
                    let out = self.view.apply_label(&self.session.project, &index, key);
                    self.finish(out);
                }
            }
        }
        ctx.request_repaint();
    }
}
