//! What the answers to the window's modal questions (`ui::prompts`) do: the unsaved-changes
//! question and what waits on it, confirmations, a typed path, pasted text.

use egui::Context;

use super::{RightTab, Workbench};
use crate::app::Command;
use crate::app::dialogs::DialogKind;
use crate::app::session::Session;
use crate::ui::prompts::{After, Answer, Prompt};

impl Workbench {
    /// Ask about unsaved changes before `then`; go straight on if there are none.
    pub(in crate::ui) fn confirm_unsaved(&mut self, then: After) {
        if self.session.is_dirty() {
            self.prompt = Some(Prompt::Unsaved { then });
        } else {
            self.proceed(then);
        }
    }

    /// Do what was waiting on the unsaved-changes question.
    pub(in crate::ui) fn proceed(&mut self, then: After) {
        match then {
            After::NewProject => {
                let session = Session::untitled(self.recovery.as_deref());
                self.replace_session(session);
                self.say("new project");
            }
            After::OpenDialog => self.request_dialog(DialogKind::OpenProject, None),
            After::Open(path) => self.open_or_create(path),
            After::Close => {
                self.close_confirmed = true;
                self.discarding = true;
            }
            After::Curate => self.ask_where_to_curate(),
        }
    }

    /// Act on the answer to a prompt.
    pub(super) fn answer(&mut self, ctx: &Context, prompt: Prompt, answer: Answer) {
        use crate::app::gestures;
        match (prompt, answer) {
            (Prompt::Notice { .. }, _) => {}
            (Prompt::OutsideLists { lists }, answer) => {
                let use_them = answer == Answer::Confirm;
                self.outside_lists.answer(&lists, use_them);
                let names: Vec<&str> = lists.iter().map(|l| l.name.as_str()).collect();
                if use_them {
                    self.review.reconfigure();
                    self.say(format!("using word lists {}", names.join(", ")));
                } else {
                    self.say(format!(
                        "skipped word lists outside the project's folder: {}",
                        names.join(", ")
                    ));
                }
            }
            (_, Answer::Cancel) => self.say("cancelled"),
            (Prompt::Unsaved { then }, Answer::Save) => {
                if self.session.path().is_some() {
                    if self.save() {
                        self.proceed(then);
                    }
                } else {
                    self.after_save = Some(then);
                    self.save();
                }
            }
            (Prompt::Unsaved { then }, Answer::Discard) => {
                // The journal goes when the session is replaced (or on exit), not before: if
                // the user then cancels the open dialog, the edits are still safe.
                self.say("changes will be discarded");
                self.discarding = true;
                self.proceed(then);
            }
            (Prompt::RemoveDocument { doc, name, .. }, Answer::Confirm) => {
                self.execute(Command::RemoveDocument { doc });
                self.say(format!("removed {name}"));
            }
            (Prompt::DeleteLabel { name, .. }, Answer::Confirm) => {
                if let Some((c, _, _)) = gestures::delete_label(&self.session.project, &name) {
                    self.execute(c);
                    self.say(format!("deleted label {name}"));
                }
            }
            (Prompt::DeleteEntity { id, name, .. }, Answer::Confirm) => {
                if let Some(c) = gestures::delete_entity(&self.session.project, id) {
                    self.execute(c);
                    self.say(format!("deleted entity {name}"));
                }
            }
            (Prompt::TypedPath { kind, .. }, Answer::Path(p)) => {
                self.handle_paths(ctx, kind, vec![p]);
            }
            (Prompt::Relink { doc, span, .. }, Answer::Confirm) => {
                if let Some(c) = gestures::create_entity_from_span(&self.session.project, doc, span)
                {
                    let name = c.describe();
                    self.execute(c);
                    self.right_tab = RightTab::Entities;
                    self.say(format!("{name}; the mention is relinked (Ctrl+Z undoes)"));
                }
            }
            (Prompt::Paste { .. }, Answer::Paste { name, text }) => {
                let c = gestures::paste_document(&self.session.project, &name, &text);
                let id = self.session.project.next_doc_id();
                self.execute(c);
                self.editing.open_doc(Some(id));
                self.say(format!("added {name}"));
            }
            (_, _) => {}
        }
    }
}
