//! Files in the window: opening or creating a project, saving, the file dialogs (or a typed
//! path where none can be shown), what the chosen paths are for, adding text files and word
//! lists.

use std::path::PathBuf;

use egui::Context;

use super::Workbench;
use crate::app::Command;
use crate::app::dialogs::DialogKind;
use crate::app::editing::EditingState;
use crate::app::formats::{self, ImportFormat};
use crate::app::session::Session;
use crate::model::Project;
use crate::ui::document_view::DocumentView;
use crate::ui::import_dialog::ImportDone;
use crate::ui::prompts::Prompt;

/// Imports of more files than this run in the background with a progress bar.
const BACKGROUND_FROM: usize = 200;

impl Workbench {
    /// A fresh untitled project, or the one recovered from an unsaved session's journal.
    pub(super) fn start_untitled(&mut self) {
        let recovered = self.recovery.as_deref().and_then(Session::recover_untitled);
        let session = match recovered {
            Some(s) => s,
            None => Session::untitled(self.recovery.as_deref()),
        };
        self.replace_session(session);
    }

    /// Open `path`, or create an empty project there if there is no such file.
    pub(super) fn open_or_create(&mut self, path: PathBuf) {
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

    pub(in crate::ui) fn replace_session(&mut self, session: Session) {
        let old = std::mem::replace(&mut self.session, session);
        // Replacing happens only after "save" or "discard" (or with nothing unsaved).
        old.discard();
        self.discarding = false;
        self.indexes.clear();
        self.review.reset();
        self.learner.reset();
        self.outside_lists = Default::default();
        self.editing = EditingState {
            word_snap: self.editing.word_snap,
            ..EditingState::default()
        };
        self.editing.reconcile(&self.session.project);
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

    /// Start a file dialog, or fall back to a typed path where none can be shown.
    pub(in crate::ui) fn request_dialog(&mut self, kind: DialogKind, suggested: Option<String>) {
        if !self.dialogs.request(kind, suggested.clone()) {
            self.prompt = Some(Prompt::TypedPath {
                kind,
                text: suggested.unwrap_or_default(),
            });
        }
    }

    pub(super) fn poll_dialogs(&mut self, ctx: &Context) {
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
    pub(in crate::ui) fn handle_paths(
        &mut self,
        ctx: &Context,
        kind: DialogKind,
        paths: Vec<PathBuf>,
    ) {
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

    /// Import text files and saved web pages, through `app::formats` like every import (so
    /// files the project already holds are left out). A few are read at once; many are read
    /// on a worker thread with a progress bar (and Cancel) so the window stays responsive.
    pub(super) fn import_paths(&mut self, paths: &[PathBuf]) {
        let format = ImportFormat::Txt;
        let files = formats::count_inputs(format, paths);
        if files > BACKGROUND_FROM {
            let title = format!("importing {files} files");
            if let Err(e) = self.spawn_import(title, format, paths.to_vec(), Default::default()) {
                self.say(e);
            }
            return;
        }
        let result =
            formats::import_with(format, paths, &self.session.project, &Default::default())
                .map(ImportDone::Documents)
                .map_err(|errors| errors.iter().map(ToString::to_string).collect());
        self.import_finished(result, false);
    }

    /// Add a list of names to the matcher settings, by a path relative to the project file
    /// when it lies beside it (so the project and its lists move together).
    pub(super) fn add_user_list(&mut self, path: &std::path::Path) {
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
    pub(in crate::ui) fn save(&mut self) -> bool {
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
}
