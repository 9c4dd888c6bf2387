//! The desktop's file dialogs (rfd), run on a worker thread so the window never freezes while
//! one is open.
//!
//! rfd answers "nothing chosen" both when the user cancels and when no dialog could be shown
//! (no desktop portal and no zenity). A person needs more than a moment to cancel, so an empty
//! answer that comes back almost at once is taken to mean "no dialog here": the window then
//! asks for a typed path, now and for the rest of the session.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::app::dialogs::{DialogKind, DialogResult, FileDialogs};

pub struct RfdDialogs {
    pending: Option<(Receiver<DialogResult>, Instant)>,
    /// A dialog came back empty too fast for a person: none can be shown here.
    unavailable: bool,
}

/// Faster than anyone cancels a file dialog.
const TOO_FAST: Duration = Duration::from_millis(400);

impl RfdDialogs {
    pub fn new() -> Self {
        Self {
            pending: None,
            unavailable: false,
        }
    }
}

impl Default for RfdDialogs {
    fn default() -> Self {
        Self::new()
    }
}

fn ask(kind: DialogKind, suggested: Option<String>) -> Vec<PathBuf> {
    let dialog = rfd::FileDialog::new().set_title(kind.title());
    match kind {
        DialogKind::OpenProject => dialog
            .add_filter("Gloss project", &["ron"])
            .pick_file()
            .into_iter()
            .collect(),
        DialogKind::CompareProjects | DialogKind::CurateProjects => dialog
            .add_filter("Gloss project", &["ron"])
            .pick_files()
            .unwrap_or_default(),
        DialogKind::SaveProject | DialogKind::SaveCurated => dialog
            .add_filter("Gloss project", &["ron"])
            .set_file_name(suggested.unwrap_or_else(|| "project.ron".into()))
            .save_file()
            .into_iter()
            .collect(),
        DialogKind::AddFiles => dialog
            .add_filter("Text and web pages", &["txt", "text", "html", "htm"])
            .pick_files()
            .unwrap_or_default(),
        DialogKind::AddFolder => dialog.pick_folder().into_iter().collect(),
        DialogKind::AddList => dialog
            .add_filter("Names", &["tsv", "jsonl", "txt"])
            .pick_file()
            .into_iter()
            .collect(),
        DialogKind::Import(crate::app::formats::ImportFormat::Brat)
        | DialogKind::ImportSuggestions(crate::app::formats::ImportFormat::Brat) => {
            dialog.pick_folders().unwrap_or_default()
        }
        // Label Studio predictions come as a JSON export or as JSONL, a task a line.
        DialogKind::ImportSuggestions(crate::app::formats::ImportFormat::LabelStudio) => dialog
            .add_filter("Label Studio predictions", &["json", "jsonl"])
            .pick_files()
            .unwrap_or_default(),
        DialogKind::ImportSuggestions(format) => dialog
            .add_filter(format.title(), format.extensions())
            .pick_files()
            .unwrap_or_default(),
        DialogKind::Import(format) => dialog
            .add_filter(format.title(), format.extensions())
            .pick_files()
            .unwrap_or_default(),
        DialogKind::Export { folder: true, .. } => dialog.pick_folder().into_iter().collect(),
        DialogKind::Export { format, .. } => dialog
            .add_filter(format.title(), &[format.extension()])
            .set_file_name(suggested.unwrap_or_else(|| format!("export.{}", format.extension())))
            .save_file()
            .into_iter()
            .collect(),
    }
}

impl FileDialogs for RfdDialogs {
    fn request(&mut self, kind: DialogKind, suggested: Option<String>) -> bool {
        if self.unavailable {
            return false;
        }
        if self.pending.is_some() {
            return true;
        }
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let paths = ask(kind, suggested);
                let _ = tx.send(DialogResult {
                    kind,
                    paths,
                    unavailable: false,
                });
            });
        if spawned.is_err() {
            return false;
        }
        self.pending = Some((rx, Instant::now()));
        true
    }

    fn poll(&mut self) -> Option<DialogResult> {
        let (rx, started) = self.pending.as_ref()?;
        match rx.try_recv() {
            Ok(mut r) => {
                if r.paths.is_empty() && started.elapsed() < TOO_FAST {
                    self.unavailable = true;
                    r.unavailable = true;
                }
                self.pending = None;
                Some(r)
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                None
            }
        }
    }

    fn busy(&self) -> bool {
        self.pending.is_some()
    }
}
