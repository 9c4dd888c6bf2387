//! The window: egui panels that read the session and emit commands.
//!
//! One panel per file, each a small struct with a `ui` method that draws from read-only state
//! and returns `Intent`s; `Workbench` (in `workbench/`) applies them once per frame, in one place.
//! Panels never change the project themselves.

mod actions;
mod agreement;
mod annotators;
mod attributes;
pub(crate) mod breakdown;
mod caret;
mod categories;
mod coding;
mod colors;
mod comparing_and_curating;
mod curation;
mod curation_setup;
mod dashboard;
mod dialogs;
mod document_tab;
mod document_view;
mod documents;
mod entities;
mod export_dialog;
mod find_bar;
mod import_dialog;
mod key_binding;
mod keyboard;
mod labels;
mod menu;
mod merge_search;
mod overlay;
mod overview;
mod panels;
mod para_geometry;
mod para_layout;
mod prompts;
mod quotes;
mod schemes_editor;
mod screenshot;
mod span_panel;
mod status_bar;
mod suggestion_marks;
mod suggestions;
mod widgets;
mod window_keys;
mod workbench;

use std::path::PathBuf;

pub use dialogs::RfdDialogs;
pub use document_view::{DocumentView, SuggestionLayer, ViewOutput};
pub use workbench::{RightTab, Workbench, WorkbenchOptions};

use crate::app::Command;
use crate::app::keymap::Action;
use crate::model::{DocId, SpanId};

/// What a panel asks the app to do.
#[derive(Debug)]
pub enum Intent {
    /// Change the project (one undo step).
    Execute(Command),
    /// Run a table action (save, undo, find, …).
    Do(Action),
    OpenDocument(DocId),
    /// Tag the selection with this label, or relabel the selected span.
    ApplyLabel(String),
    SelectSpan(SpanId),
    /// Open a modal prompt.
    Ask(prompts::Prompt),
    /// Open a project file (after the unsaved-changes check).
    OpenProject(PathBuf),
    /// A line for the status bar.
    Say(String),
    /// Switch the right-hand panel.
    ShowTab(RightTab),
    SetDarkTheme(bool),
    /// Ask for a list of names to add to the matcher.
    AddList,
    /// Ask for files to import in this format.
    Import(crate::app::formats::ImportFormat),
    /// Read a model's predictions in a format as suggestions to review.
    ImportSuggestions(crate::app::formats::ImportFormat),
}

/// How the window starts (built by the command line, in `app::launch`).
pub use crate::app::launch::WindowLaunch as Launch;

/// Where an untitled project's journal lives, so even unsaved work survives a crash.
pub fn recovery_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "Gloss", "Gloss")?;
    let dir = dirs.data_dir().to_path_buf();
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("untitled.journal"))
}

/// Open the window and run until it closes.
pub fn run(launch: Launch) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Gloss")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 400.0])
        .with_app_id("gloss");
    // The icon ships inside the binary (assets/icon.png, drawn by scripts/make_icon.py).
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")) {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let app_options = WorkbenchOptions {
        project: launch.project,
        screenshot: launch.screenshot,
        recovery: recovery_path(),
        dialogs: Box::new(RfdDialogs::new()),
        test_mode: false,
    };
    eframe::run_native(
        "Gloss",
        options,
        Box::new(move |cc| Ok(Box::new(Workbench::new(cc, app_options)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
