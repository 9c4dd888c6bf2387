//! `GlossApp`: the eframe application. It owns the session and the panels, draws the window
//! each frame, and applies what the panels ask for in one place (`apply`), so every change to
//! the project goes through `Session::execute` and lands in the undo history and the journal.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{Context, ViewportCommand};

use super::Intent;
use super::document_view::{self, DocumentView};
use super::documents::DocumentsPanel;
use super::entities::EntitiesPanel;
use super::find_bar::FindBar;
use super::labels::LabelsPanel;
use super::prompts::{After, Answer, Prompt};
use super::screenshot::Screenshot;
use super::{menu, overlay, prompts, status_bar};
use crate::app::Command;
use crate::app::dialogs::{DialogKind, FileDialogs};
use crate::app::jobs::Job;
use crate::app::prefs::Prefs;
use crate::app::review::Review;
use crate::app::session::Session;
use crate::app::text_index::TextIndexes;
use crate::app::view::View;
use crate::model::Project;

/// Imports of more files than this run in the background with a progress bar.
const BACKGROUND_FROM: usize = 200;

/// Long work in progress.
pub(super) enum Running {
    Import(Job<Option<crate::io::text_import::Batch>>),
    /// Another format's import: the command to apply, or every error.
    ImportFormat(Job<Result<super::import_dialog::ImportDone, Vec<String>>>),
    Export(Job<Result<String, String>>),
    /// Reading and comparing annotators' projects.
    Team(Job<super::team::TeamResult>),
}

/// Key under which preferences live in eframe's storage.
const PREFS_KEY: &str = "gloss-prefs";

/// How the app starts; tests pass scripted dialogs and `test_mode`.
pub struct AppOptions {
    pub project: Option<PathBuf>,
    pub screenshot: Option<PathBuf>,
    /// Where an untitled project's journal is kept (`None`: not journaled).
    pub recovery: Option<PathBuf>,
    pub dialogs: Box<dyn FileDialogs>,
    /// Fixed theme, no animations, no stored preferences: stable for tests.
    pub test_mode: bool,
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

pub struct GlossApp {
    pub session: Session,
    pub view: View,
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
    last_title: String,
    screenshot: Option<Screenshot>,
    test_mode: bool,
}

impl GlossApp {
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
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
            view: View {
                word_snap: prefs.word_snap,
                ..View::default()
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

    /// A fresh untitled project, or the one recovered from an unsaved session's journal.
    fn start_untitled(&mut self) {
        let recovered = self.recovery.as_deref().and_then(Session::recover_untitled);
        let session = match recovered {
            Some(s) => s,
            None => Session::untitled(self.recovery.as_deref()),
        };
        self.replace_session(session);
    }

    /// Open `path`, or create an empty project there if there is no such file.
    fn open_or_create(&mut self, path: PathBuf) {
        if !path.exists() {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "Untitled".into());
            let mut session = Session::with_project(Project::new(name), Some(path.clone()));
            match session.save() {
                Ok(()) => {
                    self.prefs.remember(&path);
                    self.replace_session(session);
                    self.say(format!("created {}", path.display()));
                }
                Err(e) => {
                    self.start_untitled();
                    self.say(e.to_string());
                }
            }
            return;
        }
        match Session::open(&path) {
            Ok(session) => {
                self.prefs.remember(&path);
                self.replace_session(session);
                self.say(format!("opened {}", path.display()));
            }
            Err(e) => {
                // Keep what was open; the file is untouched.
                self.say(e.to_string());
                self.prompt = Some(Prompt::Notice {
                    title: "Could not open the project".into(),
                    message: e.to_string(),
                });
                if self.session.project.documents.is_empty() && self.session.path().is_none() {
                    self.prefs.forget(&path);
                }
            }
        }
    }

    pub(super) fn replace_session(&mut self, session: Session) {
        let old = std::mem::replace(&mut self.session, session);
        // Replacing happens only after "save" or "discard" (or with nothing unsaved).
        old.discard();
        self.discarding = false;
        self.indexes.clear();
        self.review.reset();
        self.learner.reset();
        self.outside_lists = Default::default();
        self.view = View {
            word_snap: self.view.word_snap,
            ..View::default()
        };
        self.view.reconcile(&self.session.project);
        self.doc_view = DocumentView::new();
        // A curation belongs to the project it curates into.
        self.curating = None;
        // What happened while opening (a journal replayed or set aside) matters enough to ask
        // for a click, not just a status line that the next message replaces.
        let notices = self.session.take_notices();
        if !notices.is_empty() {
            self.prompt = Some(Prompt::Notice {
                title: "While opening the project".into(),
                message: notices.join("\n\n"),
            });
        }
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
        self.view.reconcile(&self.session.project);
        self.collect_notices();
    }

    /// Apply everything the panels asked for this frame.
    pub(super) fn apply(&mut self, ctx: &Context, intents: Vec<Intent>) {
        for intent in intents {
            match intent {
                Intent::Execute(c) => self.execute(c),
                Intent::Do(a) => self.perform(ctx, a),
                Intent::OpenDocument(d) => {
                    self.view.open_doc(Some(d));
                }
                Intent::ApplyLabel(name) => self.apply_label_named(&name),
                Intent::SelectSpan(s) => {
                    self.view.selected_span = Some(s);
                    self.view.selection = None;
                    if let Some(span) = self
                        .view
                        .doc
                        .and_then(|d| self.session.project.document(d))
                        .and_then(|d| d.span(s))
                    {
                        self.view.scroll_to = Some(span.start);
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
        let Some(doc) = self.view.doc.and_then(|d| self.session.project.document(d)) else {
            self.say("no document open");
            return;
        };
        let index = self.indexes.get(doc);
        let out = self
            .view
            .apply_label_named(&self.session.project, &index, name);
        self.finish(out);
    }

    /// Carry out a view outcome: its command, then its message.
    pub(super) fn finish(&mut self, out: crate::app::view::Outcome) {
        if let Some(c) = out.command {
            self.execute(c);
        }
        if let Some(m) = out.message {
            self.say(m);
        }
    }

    /// Ask about unsaved changes before `then`; go straight on if there are none.
    pub(super) fn confirm_unsaved(&mut self, then: After) {
        if self.session.is_dirty() {
            self.prompt = Some(Prompt::Unsaved { then });
        } else {
            self.proceed(then);
        }
    }

    /// Do what was waiting on the unsaved-changes question.
    pub(super) fn proceed(&mut self, then: After) {
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

    /// Start a file dialog, or fall back to a typed path where none can be shown.
    pub(super) fn request_dialog(&mut self, kind: DialogKind, suggested: Option<String>) {
        if !self.dialogs.request(kind, suggested.clone()) {
            self.prompt = Some(Prompt::TypedPath {
                kind,
                text: suggested.unwrap_or_default(),
            });
        }
    }

    fn poll_dialogs(&mut self, ctx: &Context) {
        if let Some(result) = self.dialogs.poll() {
            match result.paths.first() {
                Some(_) => self.handle_paths(ctx, result.kind, result.paths),
                None if result.unavailable => {
                    self.prompt = Some(Prompt::TypedPath {
                        kind: result.kind,
                        text: String::new(),
                    });
                }
                None => {
                    self.after_save = None;
                    self.say("cancelled");
                }
            }
        }
        if self.dialogs.busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Paths chosen in a dialog (or typed).
    pub(super) fn handle_paths(&mut self, ctx: &Context, kind: DialogKind, paths: Vec<PathBuf>) {
        let Some(first) = paths.first().cloned() else {
            return;
        };
        match kind {
            DialogKind::OpenProject => self.open_or_create(first),
            DialogKind::SaveProject => {
                let path = if first.extension().is_none() {
                    first.with_extension("ron")
                } else {
                    first
                };
                match self.session.save_as(&path) {
                    Ok(()) => {
                        self.prefs.remember(&path);
                        self.say(format!("saved {}", path.display()));
                        if let Some(then) = self.after_save.take() {
                            self.proceed(then);
                        }
                    }
                    Err(e) => {
                        self.after_save = None;
                        self.say(e.to_string());
                    }
                }
            }
            DialogKind::AddFiles | DialogKind::AddFolder => self.import_paths(&paths),
            DialogKind::Import(crate::app::formats::ImportFormat::Csv) => {
                self.open_csv_import(paths.clone());
            }
            DialogKind::Import(format) => {
                if let Err(e) = self.start_import(format, paths.clone(), Default::default()) {
                    self.say(e);
                }
            }
            DialogKind::ImportSuggestions(f) => self.start_suggestions_import(f, paths.clone()),
            DialogKind::Export { .. } => self.export_path_chosen(first),
            DialogKind::AddList => self.add_user_list(&first),
            DialogKind::CompareProjects | DialogKind::CurateProjects => {
                self.add_annotators(kind, paths);
            }
            DialogKind::SaveCurated => self.begin_curation_at(first),
        }
        let _ = ctx;
        self.collect_notices();
    }

    /// Import text files. A few are read at once; many are read on a worker thread with a
    /// progress bar (and Cancel) so the window stays responsive.
    fn import_paths(&mut self, paths: &[PathBuf]) {
        let (files, _) = crate::io::text_import::collect(paths);
        if files.len() > BACKGROUND_FROM {
            let paths = paths.to_vec();
            let ctx = self.wake.clone();
            match Job::spawn(format!("importing {} files", files.len()), ctx, move |p| {
                p.set_stage("reading files");
                crate::io::text_import::read_paths_with(&paths, |done, total| {
                    p.set_total(total);
                    p.set_done(done);
                    !p.is_cancelled()
                })
            }) {
                Ok(job) => self.job = Some(Running::Import(job)),
                Err(e) => self.say(format!("could not start the import: {e}")),
            }
            return;
        }
        let batch = crate::io::text_import::read_paths(paths);
        self.finish_import(batch);
    }

    /// Add what an import read, as one step, and say what was skipped.
    fn finish_import(&mut self, batch: crate::io::text_import::Batch) {
        let added = batch.files.len();
        let first_new = self.session.project.next_doc_id();
        if let Some(c) = crate::app::gestures::add_documents(&self.session.project, &batch.files) {
            self.execute(c);
            self.view.open_doc(Some(first_new));
        }
        let mut msg = format!(
            "added {added} document{}",
            if added == 1 { "" } else { "s" }
        );
        if let Some(first) = batch.skipped.first() {
            msg.push_str(&format!(
                "; skipped {}: {first}{}",
                batch.skipped.len(),
                if batch.skipped.len() > 1 { " …" } else { "" }
            ));
        }
        self.say(msg);
    }

    /// Add a list of names to the matcher settings, by a path relative to the project file
    /// when it lies beside it (so the project and its lists move together).
    fn add_user_list(&mut self, path: &std::path::Path) {
        // Chosen here, so wherever it is, it needs no question.
        self.outside_lists.chosen(path);
        let rel = self
            .session
            .path()
            .and_then(|p| p.parent())
            .and_then(|base| path.strip_prefix(base).ok())
            .unwrap_or(path)
            .display()
            .to_string();
        let mut settings = self.session.project.matcher.clone();
        if settings.user_lists.iter().any(|l| l.path == rel) {
            self.say(format!("{rel} is already in the lists"));
            return;
        }
        settings.user_lists.push(crate::model::UserList {
            path: rel.clone(),
            fold_case: false,
        });
        self.execute(Command::SetMatcherSettings { settings });
        self.say(format!("added list {rel}"));
    }

    /// Save, or ask where if the project has no file yet. Returns true if saved now.
    pub(super) fn save(&mut self) -> bool {
        if self.session.path().is_none() {
            let name = format!("{}.ron", self.session.project.name);
            self.request_dialog(DialogKind::SaveProject, Some(name));
            return false;
        }
        match self.session.save() {
            Ok(()) => {
                if let Some(p) = self.session.path().map(|p| p.to_path_buf()) {
                    self.prefs.remember(&p);
                    self.say(format!("saved {}", p.display()));
                }
                self.collect_notices();
                true
            }
            Err(e) => {
                self.say(e.to_string());
                false
            }
        }
    }

    /// Act on the answer to a prompt.
    fn answer(&mut self, ctx: &Context, prompt: Prompt, answer: Answer) {
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
                self.view.open_doc(Some(id));
                self.say(format!("added {name}"));
            }
            (_, _) => {}
        }
    }

    /// Take a finished job's result; keep the progress bar moving while one runs.
    fn poll_job(&mut self, ctx: &Context) {
        let Some(running) = &self.job else { return };
        match running {
            Running::Import(job) => {
                if let Some(result) = job.poll() {
                    self.job = None;
                    match result {
                        Some(batch) => self.finish_import(batch),
                        None => self.say("import cancelled: nothing was added"),
                    }
                    return;
                }
            }
            Running::ImportFormat(job) => {
                if let Some(result) = job.poll() {
                    let cancelled = job.progress.is_cancelled();
                    self.job = None;
                    self.import_finished(result, cancelled);
                    return;
                }
            }
            Running::Export(job) => {
                if let Some(result) = job.poll() {
                    self.job = None;
                    self.export_finished(result);
                    return;
                }
            }
            Running::Team(job) => {
                if let Some(result) = job.poll() {
                    let cancelled = job.progress.is_cancelled();
                    self.job = None;
                    if cancelled {
                        self.say("cancelled");
                    } else {
                        self.finish_team(result);
                    }
                    return;
                }
            }
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
    }

    /// The running job's title and progress, for the status bar.
    pub(super) fn job_progress(&self) -> Option<(String, Arc<crate::app::jobs::Progress>)> {
        let (title, progress) = match self.job.as_ref()? {
            Running::Import(job) => (&job.title, &job.progress),
            Running::ImportFormat(job) => (&job.title, &job.progress),
            Running::Export(job) => (&job.title, &job.progress),
            Running::Team(job) => (&job.title, &job.progress),
        };
        Some((title.clone(), progress.clone()))
    }

    /// True while an import or export runs in the background (for tests).
    pub fn job_running(&self) -> bool {
        self.job.is_some()
    }

    /// Cancel the running import or export (the Cancel button; for tests).
    pub fn cancel_running_job(&mut self) {
        self.cancel_job();
    }

    /// Cancel the running job.
    pub(super) fn cancel_job(&mut self) {
        match &self.job {
            Some(Running::Import(job)) => job.progress.cancel(),
            Some(Running::ImportFormat(job)) => job.progress.cancel(),
            Some(Running::Export(job)) => job.progress.cancel(),
            Some(Running::Team(job)) => job.progress.cancel(),
            None => {}
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
        let Some(doc) = self.view.doc.and_then(|d| project.document(d)) else {
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
            let snap = if self.view.word_snap {
                "words"
            } else {
                "characters"
            };
            ui.weak(format!("snap: {snap} (W)"));
        });
        if self.view.find.open {
            self.view.find.refresh(doc);
            intents.extend(self.find_bar.ui(ui, project, doc, &mut self.view));
        }
        ui.separator();
        let index = self.indexes.get(doc);
        let visible = self.review.visible(project, doc);
        let layer = super::document_view::SuggestionLayer {
            items: &visible,
            current: self.review.current.as_ref(),
            hidden: self.review.hidden,
        };
        let before = (self.view.selection, self.view.selected_span);
        let out = self
            .doc_view
            .ui(ui, project, doc, &index, &mut self.view, layer);
        self.hover_offset = out.hover_offset;
        // Selecting text or a span takes the focus off the suggestion; clicking one gives it.
        if (self.view.selection, self.view.selected_span) != before
            && (self.view.selection.is_some() || self.view.selected_span.is_some())
        {
            self.review.current = None;
        }
        if let Some(k) = out.clicked_suggestion {
            self.review.current = Some(k);
            self.view.selection = None;
            self.view.selected_span = None;
        }
        // A pending S or C takes the next span clicked or text selected.
        if self.view.picking.is_some()
            && (out.selection_done
                || (self.view.selected_span.is_some() && self.view.selected_span != before.1))
        {
            self.finish_pick();
        } else if let Some(q) = out.clicked_quote
            && self.view.selected_span == before.1
        {
            self.view.selected_quote = Some(q);
            self.view.selection = None;
        } else if out.selection_done || self.view.selected_span != before.1 {
            // Working on text or another span ends the quote's selection.
            if self.view.selected_span.is_some() {
                self.view.selected_quote = None;
            }
        }
        intents
    }
}

impl eframe::App for GlossApp {
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
        self.view.reconcile(&self.session.project);
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
            self.view.doc,
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
            self.prefs.word_snap = self.view.word_snap;
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
