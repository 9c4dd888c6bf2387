//! `Workbench`: the window's state, run as the eframe application. It owns the session and the
//! panels, draws the window each frame, and applies what the panels ask for in one place
//! (`apply`), so every change to the project goes through `Session::execute` and lands in the
//! undo history and the journal.
//!
//! Its parts: `files` (opening, saving and adding files, the file dialogs), `jobs` (work on a
//! worker thread: imports, exports, reading annotators' projects) and `answers` (what the
//! answers to the modal questions of `ui::prompts` do).

mod answers;
mod files;
mod jobs;

use std::path::PathBuf;

use egui::{Context, ViewportCommand};

use super::Intent;
use super::document_view::{self, DocumentView};
use super::documents::DocumentsPanel;
use super::entities::EntitiesPanel;
use super::find_bar::FindBar;
use super::labels::LabelsPanel;
use super::prompts::{After, Prompt};
use super::screenshot::Screenshot;
use super::{menu, overlay, prompts, status_bar};
use crate::app::Command;
use crate::app::dialogs::{DialogKind, FileDialogs};
use crate::app::editing::EditingState;
use crate::app::prefs::Prefs;
use crate::app::review::Review;
use crate::app::session::Session;
use crate::app::text_index::TextIndexes;
use crate::model::Project;

pub(in crate::ui) use jobs::Running;

/// Key under which preferences live in eframe's storage.
const PREFS_KEY: &str = "gloss-prefs";

/// How the app starts; tests pass scripted dialogs and `test_mode`.
pub struct WorkbenchOptions {
    pub project: Option<PathBuf>,
    pub screenshot: Option<PathBuf>,
    /// Where an untitled project's journal is kept (`None`: not journaled).
    pub recovery: Option<PathBuf>,
    pub dialogs: Box<dyn FileDialogs>,
    /// Fixed theme, no animations, no stored preferences: stable for tests.
    pub test_mode: bool,
}

impl WorkbenchOptions {
    /// For tests and benchmarks: `project` (or a new untitled one, not journaled), file
    /// dialogs answered by `dialogs`, test mode, no screenshot.
    pub fn for_tests(project: Option<PathBuf>, dialogs: impl FileDialogs + 'static) -> Self {
        Self {
            project,
            screenshot: None,
            recovery: None,
            dialogs: Box::new(dialogs),
            test_mode: true,
        }
    }
}

/// The tabs of the right-hand panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RightTab {
    Labels,
    Entities,
    Span,
    Suggestions,
    Quotes,
    Document,
}

pub struct Workbench {
    pub session: Session,
    pub editing: EditingState,
    pub prefs: Prefs,
    pub right_tab: RightTab,
    pub overlay_open: bool,
    pub prompt: Option<Prompt>,
    pub review: Review,
    /// The model that learns from the project, retrained in the background.
    pub learner: crate::app::learning::Learner,
    pub(super) indexes: TextIndexes,
    pub(super) dialogs: Box<dyn FileDialogs>,
    pub(super) recovery: Option<PathBuf>,
    pub(super) documents: DocumentsPanel,
    pub(super) doc_view: DocumentView,
    pub(super) labels: LabelsPanel,
    pub(super) entities: EntitiesPanel,
    pub(super) find_bar: FindBar,
    pub(super) quotes: super::quotes::QuotesPanel,
    pub(super) agreement: super::agreement::AgreementView,
    pub(super) curation_setup: super::curation_setup::CurationSetup,
    pub(super) dashboard: super::dashboard::Dashboard,
    /// Categorise mode and the active attribute (`coding`).
    pub(super) coding: super::coding::Coding,
    /// The curation in progress: curation mode.
    pub(super) curating: Option<super::curation::Curating>,
    /// A new curated project waiting for its file name.
    pub(super) pending_curation: Option<(crate::app::curation::Curation, Project)>,
    /// What to do once a pending "save as" finishes (from the unsaved-changes prompt).
    pub(super) after_save: Option<After>,
    /// An import or export running on a worker thread.
    pub(super) job: Option<Running>,
    /// The export dialog, while open.
    pub(super) export: Option<super::export_dialog::ExportDialog>,
    /// The CSV / TSV import dialog, while open.
    pub(super) csv_import: Option<super::import_dialog::CsvImportDialog>,
    pub(super) panel_rects: super::panels::PanelRects,
    /// Repaints the window from another thread.
    pub(super) wake: std::sync::Arc<dyn Fn() + Send + Sync>,
    pub(super) close_confirmed: bool,
    /// The user chose "Discard": this session's changes may be dropped.
    pub(super) discarding: bool,
    /// The user's answers about word lists outside the project's folder, this session.
    pub(super) outside_lists: crate::app::review::OutsideConsent,
    status: Option<String>,
    hover_offset: Option<usize>,
    /// The suggestion under the pointer in the last frame drawn.
    pub(super) hovered_suggestion: Option<crate::app::review::Key>,
    last_title: String,
    screenshot: Option<Screenshot>,
    test_mode: bool,
}

impl Workbench {
    pub fn new(cc: &eframe::CreationContext<'_>, options: WorkbenchOptions) -> Self {
        let ctx = &cc.egui_ctx;
        let prefs: Prefs = if options.test_mode {
            Prefs::default()
        } else {
            cc.storage
                .and_then(|s| eframe::get_value(s, PREFS_KEY))
                .unwrap_or_default()
        };
        if options.test_mode {
            ctx.set_theme(egui::Theme::Dark);
            ctx.global_style_mut(|s| s.animation_time = 0.0);
        } else {
            ctx.set_theme(if prefs.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
        }
        let mut app = Self {
            session: Session::untitled(None),
            editing: EditingState {
                word_snap: prefs.word_snap,
                ..EditingState::default()
            },
            prefs,
            right_tab: RightTab::Labels,
            overlay_open: false,
            prompt: None,
            review: {
                let ctx = ctx.clone();
                Review::new(std::sync::Arc::new(move || ctx.request_repaint()))
            },
            learner: {
                let ctx = ctx.clone();
                crate::app::learning::Learner::new(std::sync::Arc::new(move || {
                    ctx.request_repaint()
                }))
            },
            indexes: TextIndexes::default(),
            dialogs: options.dialogs,
            recovery: options.recovery,
            documents: DocumentsPanel::default(),
            doc_view: DocumentView::new(),
            labels: LabelsPanel::default(),
            entities: EntitiesPanel::default(),
            find_bar: FindBar::default(),
            quotes: super::quotes::QuotesPanel::default(),
            agreement: Default::default(),
            curation_setup: Default::default(),
            dashboard: Default::default(),
            coding: Default::default(),
            curating: None,
            pending_curation: None,
            after_save: None,
            job: None,
            export: None,
            csv_import: None,
            panel_rects: Default::default(),
            wake: {
                let ctx = ctx.clone();
                std::sync::Arc::new(move || ctx.request_repaint())
            },
            close_confirmed: false,
            discarding: false,
            outside_lists: Default::default(),
            status: None,
            hover_offset: None,
            hovered_suggestion: None,
            last_title: String::new(),
            screenshot: options.screenshot.map(Screenshot::new),
            test_mode: options.test_mode,
        };
        match options.project {
            Some(path) => app.open_or_create(path),
            None => app.start_untitled(),
        }
        app
    }

    fn collect_notices(&mut self) {
        for n in self.session.take_notices() {
            self.say(n);
        }
    }

    pub fn say(&mut self, message: impl Into<String>) {
        self.status = Some(message.into());
    }

    /// The last status-bar message (for tests).
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Screen position of a code point of the open document, if it is on screen (for tests).
    pub fn char_pos(&self, offset: usize) -> Option<egui::Pos2> {
        self.doc_view.char_pos(offset)
    }

    /// Apply a command as one undo step (the session applies the rules every edit follows).
    pub(super) fn execute(&mut self, command: Command) {
        if let Err(e) = self.session.execute(command) {
            self.say(format!("not done: {e}"));
        }
        self.editing.reconcile(&self.session.project);
        self.collect_notices();
    }

    /// Apply everything the panels asked for this frame.
    pub(super) fn apply(&mut self, ctx: &Context, intents: Vec<Intent>) {
        for intent in intents {
            match intent {
                Intent::Execute(c) => self.execute(c),
                Intent::Do(a) => self.perform(ctx, a),
                Intent::OpenDocument(d) => {
                    self.editing.open_doc(Some(d));
                }
                Intent::ApplyLabel(name) => self.apply_label_named(&name),
                Intent::SelectSpan(s) => {
                    self.editing.selected_span = Some(s);
                    self.editing.selection = None;
                    if let Some(span) = self
                        .editing
                        .open_document(&self.session.project)
                        .and_then(|d| d.span(s))
                    {
                        self.editing.scroll_to = Some(span.start);
                    }
                }
                Intent::Ask(p) => self.prompt = Some(p),
                Intent::OpenProject(path) => self.confirm_unsaved(After::Open(path)),
                Intent::Say(m) => self.say(m),
                Intent::ShowTab(t) => self.right_tab = t,
                Intent::AddList => self.request_dialog(DialogKind::AddList, None),
                Intent::Import(format) => self.request_dialog(DialogKind::Import(format), None),
                Intent::ImportSuggestions(f) => {
                    self.request_dialog(DialogKind::ImportSuggestions(f), None);
                }
                Intent::SetDarkTheme(dark) => {
                    self.prefs.dark = dark;
                    ctx.set_theme(if dark {
                        egui::Theme::Dark
                    } else {
                        egui::Theme::Light
                    });
                }
            }
        }
    }

    pub(super) fn apply_label_named(&mut self, name: &str) {
        let Some(doc) = self.editing.open_document(&self.session.project) else {
            self.say("no document open");
            return;
        };
        let index = self.indexes.get(doc);
        let out = self
            .editing
            .apply_label_named(&self.session.project, &index, name);
        self.finish(out);
    }

    /// Carry out a view outcome: its command, then its message.
    pub(super) fn finish(&mut self, out: crate::app::editing::Outcome) {
        if let Some(c) = out.command {
            self.execute(c);
        }
        if let Some(m) = out.message {
            self.say(m);
        }
    }

    fn handle_close_request(&mut self, ctx: &Context) {
        if ctx.input(|i| i.viewport().close_requested()) {
            if self.close_confirmed || !self.session.is_dirty() {
                return;
            }
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            if self.prompt.is_none() {
                self.prompt = Some(Prompt::Unsaved { then: After::Close });
            }
        }
        if self.close_confirmed {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn update_title(&mut self, ctx: &Context) {
        let title = self.session.title();
        if title != self.last_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    /// The window title as last set (for tests).
    pub fn title(&self) -> &str {
        &self.last_title
    }

    pub(super) fn central(&mut self, ui: &mut egui::Ui) -> Vec<Intent> {
        let mut intents = Vec::new();
        let project = &self.session.project;
        let Some(doc) = self.editing.open_document(project) else {
            document_view::empty_message(
                ui,
                "No documents yet: File › Add text files…, or paste text as a new document.",
            );
            return intents;
        };
        ui.horizontal_wrapped(|ui| {
            ui.heading(&doc.name);
            ui.weak(doc.status.name());
            if let Some(source) = &doc.source {
                ui.weak(format!("· {source}"));
            }
        });
        ui.horizontal_wrapped(|ui| {
            for label in &project.labels.labels {
                let key = label.key.map(|k| format!("{k} ")).unwrap_or_default();
                let text = egui::RichText::new(format!("{key}{}", label.name))
                    .color(ui.visuals().strong_text_color());
                let button = egui::Button::new(text)
                    .fill(super::colors::span_background(label.color, ui.visuals()));
                let resp = ui.add(button).on_hover_text(format!(
                    "Tag the selection as {}. {}",
                    label.name, label.description
                ));
                if resp.clicked() {
                    intents.push(Intent::ApplyLabel(label.name.clone()));
                }
            }
            ui.separator();
            let snap = if self.editing.word_snap {
                "words"
            } else {
                "characters"
            };
            ui.weak(format!("snap: {snap} (W)"));
        });
        if self.editing.find.open {
            self.editing.find.refresh(doc);
            intents.extend(self.find_bar.ui(ui, project, doc, &mut self.editing));
        }
        ui.separator();
        let index = self.indexes.get(doc);
        let visible = self.review.visible(project, doc);
        let layer = super::document_view::SuggestionLayer {
            items: &visible,
            current: self.review.current.as_ref(),
            hidden: self.review.hidden,
        };
        let before = (self.editing.selection, self.editing.selected_span);
        let out = self
            .doc_view
            .ui(ui, project, doc, &index, &mut self.editing, layer);
        self.hover_offset = out.hover_offset;
        self.hovered_suggestion = out.hovered_suggestion;
        // Selecting text or a span takes the focus off the suggestion; clicking one gives it.
        if (self.editing.selection, self.editing.selected_span) != before
            && (self.editing.selection.is_some() || self.editing.selected_span.is_some())
        {
            self.review.current = None;
        }
        if let Some(k) = out.clicked_suggestion {
            self.review.current = Some(k);
            self.editing.selection = None;
            self.editing.selected_span = None;
        }
        // A pending S or C takes the next span clicked or text selected.
        if self.editing.picking.is_some()
            && (out.selection_done
                || (self.editing.selected_span.is_some() && self.editing.selected_span != before.1))
        {
            self.finish_pick();
        } else if let Some(q) = out.clicked_quote
            && self.editing.selected_span == before.1
        {
            self.editing.selected_quote = Some(q);
            self.editing.selection = None;
        } else if out.selection_done || self.editing.selected_span != before.1 {
            // Working on text or another span ends the quote's selection.
            if self.editing.selected_span.is_some() {
                self.editing.selected_quote = None;
            }
        }
        intents
    }
}

impl eframe::App for Workbench {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_dialogs(&ctx);
        self.poll_job(&ctx);
        self.handle_close_request(&ctx);
        if self.prompt.is_none() && self.export.is_none() && self.csv_import.is_none() {
            self.coding_keys(&ctx);
            let actions = self.fired_actions(&ctx);
            for a in actions {
                self.perform(&ctx, a);
            }
        }
        // What was under the pointer counts for the keys of one frame: the document view says
        // it again when it draws (not in another mode, or after the document changed).
        self.hovered_suggestion = None;
        self.editing.reconcile(&self.session.project);
        let lists_base = self
            .session
            .path()
            .and_then(|p| p.parent())
            .map(|p| p.to_path_buf());
        // A moment after the annotations change, the learner retrains; its model then makes
        // the suggestions.
        let learnt = self.learner.tick(
            &self.session.project,
            self.session.revision(),
            self.session.path(),
        );
        if learnt.changed {
            self.review.set_model(self.learner.learnt.clone());
        }
        if let Some(after) = learnt.again {
            ctx.request_repaint_after(after);
        }
        // Outside engines run in the project's folder.
        self.review.set_folder(lists_base.clone());
        let settings = self.session.project.matcher.clone();
        let consent = &self.outside_lists;
        let mut read = None;
        let pending = self.review.tick(
            &self.session.project,
            self.session.revision(),
            self.editing.doc,
            || {
                let r =
                    crate::app::review::read_user_lists(&settings, lists_base.as_deref(), |p| {
                        consent.allows(p)
                    });
                read = Some((r.outside, r.problems));
                r.lists
            },
        );
        if let Some((outside, problems)) = read {
            // Lists outside the project's folder are asked about (once) before they are read.
            self.outside_lists.met(&outside);
            for p in problems {
                if !self.review.problems.contains(&p) {
                    self.review.problems.push(p);
                }
            }
        }
        if self.prompt.is_none()
            && let Some(lists) = self.outside_lists.question()
        {
            self.prompt = Some(Prompt::OutsideLists { lists });
        }
        if pending {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }

        let mut intents = Vec::new();
        let mut cancel_job = false;
        egui::Panel::top("menu").show(ui, |ui| {
            intents.extend(menu::menu_bar(ui, self));
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            if status_bar::ui(ui, self, self.status.as_deref(), self.hover_offset) {
                cancel_job = true;
            }
        });
        self.refresh_curation();
        self.curation_panel(ui);
        self.publish_coding(&ctx);
        self.body(ui, &mut intents);
        self.apply(&ctx, intents);
        if cancel_job {
            self.cancel_job();
        }
        self.team_windows(&ctx);

        if let Some(mut prompt) = self.prompt.take() {
            match prompts::show(&ctx, &mut prompt) {
                None => self.prompt = Some(prompt),
                Some(answer) => self.answer(&ctx, prompt, answer),
            }
        }
        self.export_dialog(&ctx);
        self.csv_import_dialog(&ctx);
        if self.overlay_open {
            self.overlay_open = overlay::show(&ctx, &self.session.project);
        }
        self.collect_notices();
        self.update_title(&ctx);
        if let Some(s) = &mut self.screenshot {
            s.tick(&ctx);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if !self.test_mode {
            self.prefs.word_snap = self.editing.word_snap;
            eframe::set_value(storage, PREFS_KEY, &self.prefs);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean session's journal holds nothing the file lacks; a dirty one got here only
        // through "Discard", so its journal goes too. Any other exit (a screenshot run, a
        // crash) leaves the journal for the next start to replay.
        let session = std::mem::replace(&mut self.session, Session::untitled(None));
        if !session.is_dirty() || self.discarding {
            session.discard();
        }
    }
}
