//! File dialogs as a trait, so the window can use the desktop's dialog and tests a script.
//!
//! The real implementation (rfd on a worker thread) lives in `ui::dialogs`. Where no desktop
//! dialog can be shown, the window falls back to a typed path; a scripted implementation
//! answers from a queue in tests.

use std::collections::VecDeque;

use super::formats::{ExportFormat, ImportFormat};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What a dialog is for; decides its title and filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DialogKind {
    OpenProject,
    SaveProject,
    AddFiles,
    AddFolder,
    /// Files (or a folder) to import in a format.
    Import(ImportFormat),
    /// Files (or a folder) of a model's predictions in a format, to import as suggestions.
    ImportSuggestions(ImportFormat),
    /// Where to write an export: a file, or a folder for one file per document.
    Export {
        format: ExportFormat,
        folder: bool,
    },
    /// A list of names for the matcher (TSV or patterns JSONL).
    AddList,
    /// Annotators' project files to compare (several at once).
    CompareProjects,
    /// Annotators' project files to curate (several at once).
    CurateProjects,
    /// Where the new curated project goes.
    SaveCurated,
}

impl DialogKind {
    pub fn title(self) -> &'static str {
        match self {
            DialogKind::OpenProject => "Open project",
            DialogKind::SaveProject => "Save project as",
            DialogKind::AddFiles => "Add text files or web pages",
            DialogKind::AddFolder => "Add a folder of text files",
            DialogKind::Import(_) => "Import",
            DialogKind::ImportSuggestions(_) => "Import as suggestions",
            DialogKind::Export { .. } => "Export",
            DialogKind::AddList => "Add a list of names (TSV or patterns JSONL)",
            DialogKind::CompareProjects => "Annotators' projects to compare",
            DialogKind::CurateProjects => "Annotators' projects to curate",
            DialogKind::SaveCurated => "Save the curated project as",
        }
    }
}

/// The answer to a dialog: chosen paths (empty when cancelled).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogResult {
    pub kind: DialogKind,
    pub paths: Vec<PathBuf>,
    /// No dialog could be shown after all: ask for a typed path instead.
    pub unavailable: bool,
}

/// Something that can ask the user for paths without blocking the UI: `request` starts a
/// dialog, `poll` returns its answer once there is one.
pub trait FileDialogs {
    /// Start a dialog. Returns false if no dialog can be shown (the caller then asks for a
    /// typed path instead).
    fn request(&mut self, kind: DialogKind, suggested_name: Option<String>) -> bool;
    /// The answer of a finished dialog, if any.
    fn poll(&mut self) -> Option<DialogResult>;
    /// True while a dialog is open.
    fn busy(&self) -> bool;
}

/// Dialogs that answer from a script: each request pops the next answer. For tests and for
/// machines without a desktop portal.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: Arc<Mutex<VecDeque<Vec<PathBuf>>>>,
    pending: Option<DialogResult>,
    /// Every kind requested, in order, for tests to check.
    pub requested: Arc<Mutex<Vec<DialogKind>>>,
}

impl ScriptedDialogs {
    pub fn new() -> Self {
        Self::default()
    }

    /// Queue the answer to the next dialog (empty = cancel).
    pub fn answer(&self, paths: Vec<PathBuf>) {
        if let Ok(mut q) = self.answers.lock() {
            q.push_back(paths);
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn request(&mut self, kind: DialogKind, _suggested: Option<String>) -> bool {
        let next = self.answers.lock().ok().and_then(|mut q| q.pop_front());
        if let Ok(mut r) = self.requested.lock() {
            r.push(kind);
        }
        match next {
            Some(paths) => {
                self.pending = Some(DialogResult {
                    kind,
                    paths,
                    unavailable: false,
                });
                true
            }
            // No scripted answer: behave like a machine without dialogs.
            None => false,
        }
    }

    fn poll(&mut self) -> Option<DialogResult> {
        self.pending.take()
    }

    fn busy(&self) -> bool {
        false
    }
}
