//! What each entry of the shortcut table does in the window.

use egui::Context;

use super::RightTab;
use super::keyboard::short;
use super::prompts::{After, Prompt};
use super::workbench::Workbench;
use crate::app::curation::Decision;
use crate::app::dialogs::DialogKind;
use crate::app::editing::{Edge, Pick};
use crate::app::gestures;
use crate::app::keymap::{Action, Scope, bindings};
use crate::app::quoting;
use crate::app::review::{self, Acceptor, Key};

impl Workbench {
    /// The actions whose keys were pressed this frame. Plain keys are left to a text field
    /// that has the keyboard.
    pub(super) fn fired_actions(&mut self, ctx: &Context) -> Vec<Action> {
        let typing = ctx.egui_wants_keyboard_input();
        let mode = self.mode();
        let mut fired = Vec::new();
        for (action, shortcut) in bindings() {
            if (typing && action.scope() == Scope::View) || !action.works_in(mode) {
                continue;
            }
            if super::key_binding::consume(ctx, shortcut) {
                fired.push(action);
            }
        }
        fired
    }

    /// Do one action from the table (a key, a menu entry or a button).
    pub(super) fn perform(&mut self, ctx: &Context, action: Action) {
        let doc_index = self
            .editing
            .open_document(&self.session.project)
            .map(|d| self.indexes.get(d));
        if matches!(
            action,
            Action::ApplyLabel(_)
                | Action::AcceptSuggestion
                | Action::RejectSuggestion
                | Action::NeverSuggest
                | Action::AcceptStringInDocument
                | Action::AcceptStringInProject
        ) && self.editing.selection.is_none()
            && self.editing.selected_span.is_none()
        {
            self.focus_hovered();
        }
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
            Action::Export => self.open_export(),
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
                self.editing.find.open = true;
                self.find_bar.focus = true;
                // Start from the selected text, as editors do.
                if let (Some(sel), Some(d)) = (
                    self.editing.selection,
                    self.editing.open_document(&self.session.project),
                ) {
                    let t = d.slice(sel.start, sel.end);
                    if !t.contains('\n') && !t.trim().is_empty() {
                        self.editing.find.query = t.trim().to_string();
                    }
                }
            }
            Action::FindNext | Action::FindPrevious => {
                let forward = action == Action::FindNext;
                if let Some(d) = self.editing.open_document(&self.session.project) {
                    self.editing.find.open = true;
                    self.editing.find.refresh(d);
                    let from = self.editing.selection.map(|s| s.start).unwrap_or(0);
                    match self.editing.find.step(forward, from) {
                        Some((s, e)) => {
                            self.editing.selection = Some(crate::model::CharRange::new(s, e));
                            self.editing.selected_span = None;
                            self.editing.scroll_to = Some(s);
                        }
                        None => self.say("no match"),
                    }
                }
            }
            Action::ToggleWordSnap => {
                self.editing.word_snap = !self.editing.word_snap;
                self.prefs.word_snap = self.editing.word_snap;
                let state = if self.editing.word_snap {
                    "selections snap to whole words"
                } else {
                    "selections are exact characters"
                };
                self.say(state);
            }
            Action::DeleteSpan => {
                if self.editing.selected_span.is_none()
                    && let (Some(doc), Some(q)) = (self.editing.doc, self.editing.selected_quote)
                {
                    if let Some(c) = quoting::delete_quote(&self.session.project, doc, q) {
                        self.execute(c);
                        self.say("quote deleted");
                    }
                    self.editing.selected_quote = None;
                } else {
                    let out = self.editing.delete_selected(&self.session.project);
                    self.finish(out);
                }
            }
            Action::NewQuote => self.new_quote(),
            Action::AddQuotePart => self.add_quote_part(),
            Action::PickSpeaker | Action::PickCue => {
                let pick = if action == Action::PickSpeaker {
                    Pick::Speaker
                } else {
                    Pick::Cue
                };
                self.start_pick(pick);
            }
            Action::CycleQuoteKind => {
                if let (Some(doc), Some(q)) = (self.editing.doc, self.editing.selected_quote) {
                    if let Some(c) = quoting::cycle_kind(&self.session.project, doc, q) {
                        self.execute(c);
                    }
                    let kind = self
                        .session
                        .project
                        .document(doc)
                        .and_then(|d| d.quote(q))
                        .map(|q| q.kind.name())
                        .unwrap_or("");
                    self.say(format!("quote is {kind}"));
                } else {
                    self.say("select a quote first (click it)");
                }
            }
            Action::ClearSelection => {
                if self.overlay_open {
                    self.overlay_open = false;
                } else if self.close_a_window(ctx) {
                    self.say("closed");
                } else if self.editing.picking.is_some() {
                    self.editing.picking = None;
                    self.say("cancelled");
                } else if self.editing.find.open {
                    self.editing.find.open = false;
                } else {
                    self.editing.selection = None;
                    self.editing.selected_span = None;
                    self.editing.selected_quote = None;
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
                    // Without a span selected, Shift+Left/Right extend the selection instead.
                    if self.editing.selected_span.is_none()
                        && matches!(action, Action::GrowEnd | Action::ShrinkEnd)
                    {
                        self.caret_key(action, &index);
                    } else {
                        let out = self.editing.move_edge(&self.session.project, &index, edge);
                        self.finish(out);
                    }
                }
            }
            Action::PageDown
            | Action::PageUp
            | Action::LineDown
            | Action::LineUp
            | Action::SelectRowDown
            | Action::SelectRowUp
            | Action::CaretLeft
            | Action::CaretRight
            | Action::WordLeft
            | Action::WordRight
            | Action::SelectWordLeft
            | Action::SelectWordRight
            | Action::LineStart
            | Action::LineEnd
            | Action::SelectToLineStart
            | Action::SelectToLineEnd
            | Action::DocumentStart
            | Action::DocumentEnd => {
                if let Some(index) = doc_index {
                    self.caret_key(action, &index);
                }
            }
            Action::NextSpan | Action::PreviousSpan => {
                let out = self
                    .editing
                    .step_span(&self.session.project, action == Action::NextSpan);
                self.finish(out);
            }
            Action::NextDocument | Action::PreviousDocument => {
                let out = self
                    .editing
                    .step_doc(&self.session.project, action == Action::NextDocument);
                self.finish(out);
            }
            Action::LinkEntity => {
                if self.editing.selected_span.is_some() {
                    self.right_tab = RightTab::Entities;
                    self.entities.focus_search = true;
                } else {
                    self.say("select a span to link (click it, or [ and ] to walk spans)");
                }
            }
            Action::NewEntityFromSpan => {
                let (Some(doc), Some(span)) = (self.editing.doc, self.editing.selected_span) else {
                    self.say("select a span first");
                    return;
                };
                let p = &self.session.project;
                let linked = p.document(doc).and_then(|d| {
                    let s = d.span(span)?;
                    Some((gestures::span_text(d, s), p.entity(s.entity?)?.name.clone()))
                });
                if let Some((text, linked)) = linked {
                    // Offer a new entity for this mention, relinked in one step.
                    self.prompt = Some(Prompt::Relink {
                        doc,
                        span,
                        text,
                        linked,
                    });
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
            Action::ToggleDocumentsPanel => self.toggle_panel(super::panels::Side::Documents),
            Action::ToggleInspectorPanel => self.toggle_panel(super::panels::Side::Inspector),
            Action::ShowAgreement => self.agreement.open = true,
            Action::ShowDashboard => self.dashboard.open = true,
            Action::CurateAnnotators => self.curation_setup.open = true,
            Action::CurateTake(n) => self.curate(Decision::Take(usize::from(n).saturating_sub(1))),
            Action::CurateTakeAll => self.curate(Decision::TakeAll),
            Action::Categorise
            | Action::NextAttribute
            | Action::AttributeValue(_)
            | Action::AcceptAttributeSuggestion
            | Action::RejectAttributeSuggestion => self.coding_action(ctx, action),
            Action::CurateNeither => self.curate(Decision::Neither),
            Action::CurateNext | Action::CuratePrevious => {
                self.curate_step(action == Action::CurateNext);
            }
            Action::ApplyLabel(key) => {
                // A digit tags a selection; with none, it accepts the focused suggestion with
                // that label; with neither, it relabels the selected span.
                let label = self
                    .session
                    .project
                    .labels
                    .by_key(key)
                    .map(|l| l.name.clone());
                if self.editing.selection.is_none()
                    && let Some(label) = label
                    && self.focused_suggestion().is_some()
                {
                    self.accept_focused(Some(&label));
                } else if let Some(index) = doc_index {
                    let out = self.editing.apply_label(&self.session.project, &index, key);
                    self.finish(out);
                }
            }
            Action::NextSuggestion | Action::PreviousSuggestion => {
                self.step_suggestion(action == Action::NextSuggestion);
            }
            Action::AcceptSuggestion => self.accept_focused(None),
            Action::RejectSuggestion => self.reject_focused(false),
            Action::NeverSuggest => self.reject_focused(true),
            Action::AcceptStringInDocument => self.accept_string(false),
            Action::AcceptStringInProject => self.accept_string(true),
            Action::ThresholdUp | Action::ThresholdDown => {
                let step = if action == Action::ThresholdUp {
                    0.05
                } else {
                    -0.05
                };
                self.review.threshold = ((self.review.threshold + step) * 100.0).round() / 100.0;
                self.review.threshold = self.review.threshold.clamp(0.0, 1.0);
                let n = self.count_above_threshold();
                self.say(format!(
                    "threshold {:.2}: {n} suggestions at or above it (Ctrl+Enter accepts them)",
                    self.review.threshold
                ));
            }
            Action::AcceptAboveThreshold => self.accept_above_threshold(),
            Action::ToggleSuggestions => {
                self.review.hidden = !self.review.hidden;
                let state = if self.review.hidden {
                    "hidden"
                } else {
                    "shown"
                };
                self.say(format!("suggestions {state}"));
            }
        }
        ctx.request_repaint();
    }
}

/// The review keys: what N, P, A, X and friends do, in terms of `app::review`.
impl Workbench {
    /// The open document's visible suggestions and the focused one's key.
    fn review_view(&self) -> Option<(Vec<crate::model::Suggestion>, Option<Key>)> {
        let doc = self.editing.open_document(&self.session.project)?;
        let visible: Vec<crate::model::Suggestion> = self
            .review
            .visible(&self.session.project, doc)
            .into_iter()
            .cloned()
            .collect();
        let refs: Vec<&crate::model::Suggestion> = visible.iter().collect();
        let current = self.review.current(&refs).map(Key::of);
        Some((visible, current))
    }

    /// With no suggestion in focus, the one under the pointer takes it: A, X, Shift+X, Shift+A,
    /// Ctrl+Shift+A and the digit keys act on what the user points at, as on what N reached.
    fn focus_hovered(&mut self) {
        if self.focused_suggestion().is_some() {
            return;
        }
        let Some(k) = self.hovered_suggestion.clone() else {
            return;
        };
        let Some((visible, _)) = self.review_view() else {
            return;
        };
        if visible.iter().any(|s| Key::of(s) == k) {
            self.review.current = Some(k);
        }
    }

    pub(super) fn focused_suggestion(&self) -> Option<crate::model::Suggestion> {
        let (visible, current) = self.review_view()?;
        let k = current?;
        visible.into_iter().find(|s| Key::of(s) == k)
    }

    fn step_suggestion(&mut self, forward: bool) {
        let Some((visible, _)) = self.review_view() else {
            return;
        };
        let refs: Vec<&crate::model::Suggestion> = visible.iter().collect();
        // Start from what is on screen: the focused suggestion or the caret when they are
        // in view, else the top of the screen (see `EditingState::walk_origin`).
        if let Some(k) = &self.review.current
            && self.editing.on_screen.is_some()
            && !self.editing.is_on_screen(k.start)
        {
            self.review.current = None;
        }
        let from = self.editing.walk_origin();
        match self.review.step(&refs, forward, from) {
            Some(at) => {
                self.editing.scroll_to = Some(at);
                self.editing.selection = None;
                self.editing.selected_span = None;
                self.editing.place_caret(at);
                self.review.hidden = false;
                if let Some(s) = self.focused_suggestion() {
                    let (i, n) = self.review_position();
                    self.say(format!(
                        "{i} of {n} · {} {:.2} · {} · {}",
                        s.label(),
                        s.score,
                        s.engine,
                        s.reason
                    ));
                }
            }
            None => self.say("no suggestions here"),
        }
    }

    pub(super) fn accept_focused(&mut self, label: Option<&str>) {
        let Some((s, doc)) = self.focused_in_document() else {
            self.say("no suggestion in focus: press N, or point at one");
            return;
        };
        let key = Key::of(&s);
        let mut acc = Acceptor::new(&self.session.project);
        acc.accept(doc, &s, label);
        let text = doc.slice(key.start, key.end).to_string();
        let shown = label.unwrap_or(&key.label).to_string();
        let done = acc.finish(format!("accept {shown} “{text}”"));
        let what = if matches!(s.proposal, crate::model::Proposal::Quote { .. }) {
            format!("accepted the quote “{}”", short(&text))
        } else {
            format!("accepted {} ({shown})", short(&text))
        };
        self.decided(done, &key, what);
    }

    fn reject_focused(&mut self, never: bool) {
        let Some((s, doc)) = self.focused_in_document() else {
            self.say("no suggestion in focus: press N, or point at one");
            return;
        };
        let key = Key::of(&s);
        let c = review::reject(doc, &s, never);
        let text = doc.slice(key.start, key.end).to_string();
        let what = match &s.proposal {
            crate::model::Proposal::Quote { .. } => {
                format!("rejected the quote “{}”", short(&text))
            }
            _ if never => format!("rejected {} ({}) for good", short(&text), key.label),
            _ => format!("rejected {} ({})", short(&text), key.label),
        };
        self.decided(Some(c), &key, what);
    }

    /// The focused suggestion and the open document it is in.
    fn focused_in_document(&self) -> Option<(crate::model::Suggestion, &crate::model::Document)> {
        let doc = self.editing.open_document(&self.session.project)?;
        Some((self.focused_suggestion()?, doc))
    }

    /// After accepting or rejecting the suggestion `key`: carry out the step, move the focus
    /// past it, and say what was done and what comes next.
    fn decided(&mut self, step: Option<crate::app::Command>, key: &Key, what: String) {
        let visible = self.visible_suggestions();
        if let Some(c) = step {
            self.execute(c);
        }
        self.move_past(&visible, key);
        let next = self.next_note();
        self.say(format!("{what} — {next}"));
    }

    /// The open document's visible suggestions.
    fn visible_suggestions(&self) -> Vec<crate::model::Suggestion> {
        self.review_view().map(|v| v.0).unwrap_or_default()
    }

    /// Focus the suggestion after `key` among `visible` (the suggestions before a decision),
    /// and follow it.
    fn move_past(&mut self, visible: &[crate::model::Suggestion], key: &Key) {
        let refs: Vec<&crate::model::Suggestion> = visible.iter().collect();
        self.review.advance_past(&refs, key);
        self.follow_focus();
    }

    /// The focused suggestion's place among the document's visible ones, 1-based, and
    /// how many there are.
    fn review_position(&self) -> (usize, usize) {
        let Some((visible, current)) = self.review_view() else {
            return (0, 0);
        };
        let i = current
            .and_then(|k| visible.iter().position(|s| Key::of(s) == k))
            .map_or(0, |i| i + 1);
        (i, visible.len())
    }

    /// "next: 4 of 57" after a decision, so a reviewer sees the focus move on.
    fn next_note(&self) -> String {
        match self.review_position() {
            (_, 0) => "no suggestions left in this document".into(),
            (0, n) => format!("{n} left; N for the next"),
            (i, n) => format!("next: {i} of {n}"),
        }
    }

    /// Scroll to the newly focused suggestion, and put the caret there.
    fn follow_focus(&mut self) {
        if let Some(k) = &self.review.current {
            self.editing.scroll_to = Some(k.start);
            self.editing.caret = Some(k.start);
        }
    }

    fn accept_string(&mut self, project_wide: bool) {
        let Some((s, doc)) = self.focused_in_document() else {
            self.say("no suggestion in focus: press N, or point at one");
            return;
        };
        if matches!(s.proposal, crate::model::Proposal::Quote { .. }) {
            self.say("Shift+A accepts names by their string; accept a quote with A");
            return;
        }
        let key = Key::of(&s);
        let surface = doc.slice(key.start, key.end).to_string();
        let visible = self.visible_suggestions();
        let command = if project_wide {
            review::accept_string_in_project(&self.session.project, doc, &s)
        } else {
            let mut acc = Acceptor::new(&self.session.project);
            for v in visible.iter().filter(|v| {
                v.label() == key.label && doc.slice(v.range().0, v.range().1) == surface
            }) {
                acc.accept(doc, v, None);
            }
            let n = acc.count();
            acc.finish(format!("accept “{surface}” as {} ×{n}", key.label))
                .map(|c| (c, n))
        };
        match command {
            Some((c, n)) => {
                self.execute(c);
                let where_ = if project_wide {
                    "the project"
                } else {
                    "this document"
                };
                self.say(format!(
                    "accepted “{surface}” as {} in {n} places in {where_}",
                    key.label
                ));
            }
            None => self.say("nothing to accept"),
        }
        self.move_past(&visible, &key);
    }

    pub(super) fn count_above_threshold(&self) -> usize {
        self.review_view()
            .map(|(v, _)| {
                v.iter()
                    .filter(|s| s.score >= self.review.threshold)
                    .count()
            })
            .unwrap_or(0)
    }

    pub(super) fn accept_above_threshold(&mut self) {
        let Some((visible, _)) = self.review_view() else {
            return;
        };
        let Some(doc) = self.editing.open_document(&self.session.project) else {
            return;
        };
        let t = self.review.threshold;
        let mut acc = Acceptor::new(&self.session.project);
        for s in visible.iter().filter(|s| s.score >= t) {
            acc.accept(doc, s, None);
        }
        let n = acc.count();
        match acc.finish(format!("accept {n} suggestions scoring {t:.2} or more")) {
            Some(c) => {
                self.execute(c);
                self.say(format!("accepted {n} suggestions scoring {t:.2} or more"));
            }
            None => self.say(format!("no suggestion scores {t:.2} or more")),
        }
        self.review.current = None;
    }
}

/// Quotes by hand: Q, Shift+Q, S, C (and what a click or selection does while S or C waits).
impl Workbench {
    fn snapped_selection(&mut self) -> Option<crate::model::CharRange> {
        let doc = self.editing.open_document(&self.session.project)?;
        let index = self.indexes.get(doc);
        self.editing.effective_selection(doc, &index)
    }

    fn new_quote(&mut self) {
        let (Some(doc), Some(range)) = (self.editing.doc, self.snapped_selection()) else {
            self.say("select what was said first, then press Q");
            return;
        };
        match quoting::new_quote(&self.session.project, doc, range) {
            Some((c, id)) => {
                self.execute(c);
                self.editing.selection = None;
                self.editing.selected_span = None;
                self.editing.selected_quote = Some(id);
                self.say(
                    "quote added: S sets the speaker, C the cue, K the kind, Shift+Q adds a part",
                );
            }
            None => self.say("that is already a quote"),
        }
    }

    fn add_quote_part(&mut self) {
        let (Some(doc), Some(q)) = (self.editing.doc, self.editing.selected_quote) else {
            self.say("select a quote first (click it), then the text to add");
            return;
        };
        let Some(range) = self.snapped_selection() else {
            self.say("select the text to add to the quote");
            return;
        };
        if let Some(c) = quoting::add_part(&self.session.project, doc, q, range) {
            self.execute(c);
            self.editing.selection = None;
            self.say("part added to the quote");
        }
    }

    fn start_pick(&mut self, pick: Pick) {
        if self.editing.selected_quote.is_none() {
            self.say("select a quote first (click it)");
            return;
        }
        // With text already selected (or a span selected), use it at once.
        self.editing.picking = Some(pick);
        if self.editing.selection.is_some() || self.editing.selected_span.is_some() {
            self.finish_pick();
            return;
        }
        self.say(match pick {
            Pick::Speaker => "click the speaker's mention, or select it (Esc cancels)",
            Pick::Cue => "select the speech verb (Esc cancels)",
        });
    }

    /// Complete a pending S or C with the selected span or text.
    pub(super) fn finish_pick(&mut self) {
        let (Some(pick), Some(doc), Some(q)) = (
            self.editing.picking,
            self.editing.doc,
            self.editing.selected_quote,
        ) else {
            return;
        };
        let p = &self.session.project;
        // A speaker that is not a name, pronoun or description is set, with a warning.
        let mut doubt = None;
        let command = match (pick, self.editing.selected_span) {
            (Pick::Speaker, Some(span)) => {
                doubt = quoting::speaker_span_doubt(p, doc, q, span);
                quoting::set_speaker_span(p, doc, q, span)
            }
            _ => {
                let Some(range) = self.snapped_selection() else {
                    return;
                };
                let p = &self.session.project;
                match pick {
                    Pick::Speaker => {
                        doubt = p
                            .document(doc)
                            .and_then(|d| quoting::speaker_doubt(d, d.quote(q)?, range));
                        quoting::set_speaker_range(p, doc, q, range)
                    }
                    Pick::Cue => quoting::set_cue(p, doc, q, range),
                }
            }
        };
        self.editing.picking = None;
        self.editing.selection = None;
        self.editing.selected_span = None;
        self.editing.selected_quote = Some(q);
        match command {
            Some(c) => {
                self.execute(c);
                match (pick, doubt) {
                    (Pick::Speaker, Some(why)) => {
                        self.say(format!("speaker set — check it: {why} (Ctrl+Z undoes)"))
                    }
                    (Pick::Speaker, None) => self.say("speaker set"),
                    (Pick::Cue, _) => self.say("cue set"),
                }
            }
            None => self.say("unchanged"),
        }
    }
}
