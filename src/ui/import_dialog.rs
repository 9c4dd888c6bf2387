//! The CSV / TSV import dialog (File › Import › CSV / TSV), and where every format's import
//! job starts and lands.
//!
//! A spreadsheet of articles says nothing about which column is the article: the dialog shows
//! the file's first rows (`formats::csv::preview`, which reads only those, so it opens at once
//! on a file of any size) and lets the user choose the separator, the text column (pre-chosen
//! by the import's own guess: a column called text, body, content or article, else the one
//! with the longest cells) and the column that names each document; every other column
//! becomes metadata, and the dialog says which. Enter imports, Esc cancels.
//!
//! The import runs on a worker thread while the dialog waits, showing how much of the file
//! has been read; "In background" leaves it to the status bar, and Cancel stops it with
//! nothing imported. A file that cannot be read — in the preview or further down — shows the
//! error (file and line) in the dialog, which stays open to change the choices.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Context, Id, Modal, RichText};

use super::prompts::Prompt;
use super::widgets;
use super::workbench::{Running, Workbench};
use crate::app::formats::csv::{self, Preview};
use crate::app::formats::{self, ImportFormat, ImportOptions, Imported};
use crate::app::jobs::{Job, Progress};
use crate::app::predictions::{self, ImportedSuggestions};
use crate::text::plural;

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 8;

/// A previewed cell is cut to this many characters; the whole cell shows on hover.
const CELL_CHARS: usize = 28;

/// The dialog is at least this wide, so its buttons' row has room for the progress bar.
const MIN_WIDTH: f32 = 680.0;

/// The width of the import's progress bar.
const PROGRESS_WIDTH: f32 = 240.0;

/// What a finished import job brings: documents (File › Import), or a model's predictions to
/// store as suggestions (File › Import › Import as suggestions).
pub(super) enum ImportDone {
    Documents(Imported),
    Suggestions(ImportedSuggestions),
}

/// The status bar's line for predictions brought in: "2 suggestions from my-ner-v1 in 1
/// document", with how many documents were new and how much was skipped.
pub(super) fn suggestions_summary(i: &ImportedSuggestions) -> String {
    let docs = i.matched + i.added;
    let mut s = format!(
        "{} suggestion{} from {} in {docs} document{}",
        i.suggestions,
        plural(i.suggestions),
        if i.engines.is_empty() {
            "nothing".to_string()
        } else {
            i.engines.join(", ")
        },
        plural(docs)
    );
    if i.added > 0 {
        s.push_str(&format!(" ({} new)", i.added));
    }
    if let Some(first) = i.skipped.first() {
        s.push_str(&format!("; {} skipped: {first}", i.skipped.len()));
    }
    s
}

/// Errors listed in the dialog; the rest are counted.
const ERRORS_SHOWN: usize = 20;

/// The field separator, as the dialog offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// Guessed per file: a tab for `.tsv`, else what the header line uses most.
    Auto,
    Comma,
    Semicolon,
    Tab,
}

impl Separator {
    const ALL: [Separator; 4] = [
        Separator::Auto,
        Separator::Comma,
        Separator::Semicolon,
        Separator::Tab,
    ];

    fn byte(self) -> Option<u8> {
        match self {
            Separator::Auto => None,
            Separator::Comma => Some(b','),
            Separator::Semicolon => Some(b';'),
            Separator::Tab => Some(b'\t'),
        }
    }

    /// What the list says; "auto" names what it found in `found`.
    fn title(self, found: Option<u8>) -> String {
        match (self, found) {
            (Separator::Auto, Some(b)) => {
                format!("Auto ({})", separator_name(b).to_lowercase())
            }
            (Separator::Auto, None) => "Auto".into(),
            (s, _) => s.byte().map(separator_name).unwrap_or_default(),
        }
    }
}

fn separator_name(b: u8) -> String {
    match b {
        b',' => "Comma ,".into(),
        b';' => "Semicolon ;".into(),
        b'\t' => "Tab".into(),
        b => format!("{:?}", char::from(b)),
    }
}

/// The dialog's state while it is open.
#[derive(Clone, Debug)]
pub struct CsvImportDialog {
    /// The files (or folders) chosen; all are imported with the same choices.
    pub paths: Vec<PathBuf>,
    /// The file previewed: the first CSV or TSV file of `paths`.
    file: Option<PathBuf>,
    /// How many files `paths` hold.
    files: usize,
    pub separator: Separator,
    /// The first rows, or why they could not be read.
    pub preview: Result<Preview, String>,
    /// The text column's position in the header.
    pub text_column: usize,
    /// The naming column's position; `None` names documents by row.
    pub name_column: Option<usize>,
    /// Why the last import failed, one line per error.
    pub errors: Vec<String>,
    /// The import is running.
    pub running: bool,
}

/// What the user asked the dialog for.
enum Ask {
    Import,
    Cancel,
    /// Close the dialog and let the import go on (the status bar shows it).
    Background,
}

impl CsvImportDialog {
    /// The dialog for `paths`, previewing the first CSV or TSV file among them.
    pub fn new(paths: Vec<PathBuf>) -> Self {
        let files = csv::files(&paths);
        let mut d = Self {
            file: files.first().cloned(),
            files: files.len(),
            paths,
            separator: Separator::Auto,
            preview: Err(String::new()),
            text_column: 0,
            name_column: None,
            errors: Vec::new(),
            running: false,
        };
        d.read_preview();
        d
    }

    /// Read the first rows again (a new separator), keeping the chosen columns where the
    /// header still has them.
    fn read_preview(&mut self) {
        let old: Option<(String, Option<String>)> = self.preview.as_ref().ok().and_then(|p| {
            let name = self.name_column.and_then(|i| p.headers.get(i)).cloned();
            Some((p.headers.get(self.text_column)?.clone(), name))
        });
        self.errors.clear();
        self.preview = match &self.file {
            Some(f) => {
                csv::preview(f, self.separator.byte(), PREVIEW_ROWS).map_err(|e| e.to_string())
            }
            None => Err(match self.paths.first() {
                Some(p) => format!("{}: no .csv or .tsv file here", p.display()),
                None => "no file chosen".into(),
            }),
        };
        let Ok(p) = &self.preview else { return };
        let find = |h: &str| p.headers.iter().position(|x| x == h);
        match old {
            Some((text, name)) => {
                self.text_column = find(&text).unwrap_or(p.text_column);
                self.name_column = name.as_deref().and_then(find);
            }
            None => {
                self.text_column = p.text_column;
                self.name_column = None;
            }
        }
        if self.name_column == Some(self.text_column) {
            self.name_column = None;
        }
    }

    /// The import's options for the choices made.
    pub fn options(&self) -> Option<ImportOptions> {
        let p = self.preview.as_ref().ok()?;
        Some(ImportOptions {
            csv: csv::Options {
                text_column: Some(p.headers.get(self.text_column)?.clone()),
                name_column: self.name_column.and_then(|i| p.headers.get(i)).cloned(),
                delimiter: self.separator.byte(),
            },
            ..ImportOptions::default()
        })
    }

    /// The columns that become metadata, by their metadata keys.
    fn meta_columns(&self, p: &Preview) -> Vec<String> {
        p.headers
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != self.text_column && Some(*i) != self.name_column)
            .map(|(i, h)| csv::meta_key(i, h))
            .collect()
    }

    fn file_name(&self) -> String {
        self.file
            .as_deref()
            .or(self.paths.first().map(PathBuf::as_path))
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// The choices: separator, text column, name column.
    fn choices(&mut self, ui: &mut egui::Ui) {
        let found = self.preview.as_ref().ok().map(|p| p.delimiter);
        let headers: Vec<String> = match &self.preview {
            Ok(p) => p
                .headers
                .iter()
                .enumerate()
                .map(|(i, h)| csv::meta_key(i, h))
                .collect(),
            Err(_) => Vec::new(),
        };
        egui::Grid::new("csv-import-choices")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label("Separator");
                let old = self.separator;
                let combo = egui::ComboBox::from_id_salt("csv-separator")
                    .selected_text(self.separator.title(found))
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        for s in Separator::ALL {
                            ui.selectable_value(&mut self.separator, s, s.title(found));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                widgets::keep_popup_in_front(ui, &combo);
                if self.separator != old {
                    self.read_preview();
                }
                ui.end_row();
                if headers.is_empty() {
                    return;
                }
                let l = ui.label("Text column");
                let combo = egui::ComboBox::from_id_salt("csv-text-column")
                    .selected_text(headers.get(self.text_column).map_or("", String::as_str))
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        for (i, h) in headers.iter().enumerate() {
                            ui.selectable_value(&mut self.text_column, i, h.as_str());
                        }
                    })
                    .response
                    .labelled_by(l.id)
                    .on_hover_text("The column that holds each article's text");
                widgets::keep_popup_in_front(ui, &combo);
                if self.name_column == Some(self.text_column) {
                    self.name_column = None;
                }
                ui.end_row();
                let l = ui.label("Name column");
                let by_row = "(row number)";
                let combo = egui::ComboBox::from_id_salt("csv-name-column")
                    .selected_text(
                        self.name_column
                            .and_then(|i| headers.get(i))
                            .map_or(by_row, String::as_str),
                    )
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.name_column, None, by_row);
                        for (i, h) in headers.iter().enumerate() {
                            if i != self.text_column {
                                ui.selectable_value(&mut self.name_column, Some(i), h.as_str());
                            }
                        }
                    })
                    .response
                    .labelled_by(l.id)
                    .on_hover_text("The column whose cells name the documents");
                widgets::keep_popup_in_front(ui, &combo);
                ui.end_row();
            });
    }

    /// The first rows as a table, the chosen columns marked.
    fn table(&self, ui: &mut egui::Ui, p: &Preview) {
        let role = |i: usize| {
            if i == self.text_column {
                "text"
            } else if Some(i) == self.name_column {
                "name"
            } else {
                "metadata"
            }
        };
        egui::ScrollArea::both()
            .max_height(250.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                // Cells are cut to a short line already; a narrow column must not wrap them.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                egui::Grid::new("csv-preview")
                    .striped(true)
                    .spacing([14.0, 4.0])
                    .show(ui, |ui| {
                        for (i, h) in p.headers.iter().enumerate() {
                            let chosen = i == self.text_column || Some(i) == self.name_column;
                            ui.vertical(|ui| {
                                let mut head = RichText::new(cell_text(h)).strong();
                                if chosen {
                                    head = head.color(ui.visuals().selection.stroke.color);
                                }
                                ui.label(head).on_hover_text(h.as_str());
                                ui.weak(role(i));
                            });
                        }
                        ui.end_row();
                        for row in &p.rows {
                            for i in 0..p.headers.len() {
                                let cell = row.get(i).map_or("", String::as_str);
                                let shown = cell_text(cell);
                                let mut text = RichText::new(&shown);
                                if i == self.text_column {
                                    text = text.color(ui.visuals().strong_text_color());
                                }
                                let resp = ui.label(text);
                                if shown != cell {
                                    resp.on_hover_text(cell);
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
    }

    fn show(&mut self, ctx: &Context, job: Option<(String, Arc<Progress>)>) -> Option<Ask> {
        let keys = widgets::dialog_keys(ctx);
        let mut ask = None;
        let response = Modal::new(Id::unique("csv-import-dialog")).show(ctx, |ui| {
            ui.set_max_width(860.0);
            ui.set_min_width(MIN_WIDTH);
            ui.heading("Import CSV / TSV");
            let mut what = self.file_name();
            if self.files > 1 {
                what.push_str(&format!(
                    " and {} more file{}, read the same way",
                    self.files - 1,
                    if self.files == 2 { "" } else { "s" }
                ));
            }
            ui.label(what);
            ui.add_space(4.0);
            ui.add_enabled_ui(!self.running, |ui| self.choices(ui));
            ui.add_space(6.0);
            match &self.preview {
                Ok(p) => {
                    self.table(ui, p);
                    ui.add_space(2.0);
                    ui.weak(match (p.rows.len(), p.more) {
                        (0, _) => "The file has a header and no rows.".to_string(),
                        (n, true) => format!("The first {n} rows; more follow."),
                        (n, false) => format!("All {n} rows."),
                    });
                    let meta = self.meta_columns(p);
                    ui.label(if meta.is_empty() {
                        "No other columns: the documents get no metadata.".to_string()
                    } else {
                        format!("Metadata from the other columns: {}.", meta.join(", "))
                    });
                    // Always a line, so the dialog keeps its height as the choice changes.
                    let names = match self.name_column.and_then(|i| p.headers.get(i)) {
                        Some(h) => format!("Documents are named by their {}.", h.trim()),
                        None => {
                            let stem = Path::new(&self.file_name())
                                .file_stem()
                                .map(|s| s.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            format!("Documents are named by row: {stem}-1, {stem}-2, …")
                        }
                    };
                    ui.weak(names);
                }
                Err(e) => {
                    ui.colored_label(ui.visuals().error_fg_color, e.as_str());
                }
            }
            if !self.errors.is_empty() {
                ui.add_space(4.0);
                let n = self.errors.len();
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("Nothing imported: {n} error{}", plural(n)),
                );
                egui::ScrollArea::vertical()
                    .id_salt("csv-import-errors")
                    .max_height(110.0)
                    .show(ui, |ui| {
                        for e in self.errors.iter().take(ERRORS_SHOWN) {
                            ui.colored_label(ui.visuals().error_fg_color, e.as_str());
                        }
                        if n > ERRORS_SHOWN {
                            ui.weak(format!("… and {} more", n - ERRORS_SHOWN));
                        }
                    });
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = self.preview.is_ok() && !self.running;
                let import = egui::Button::new(RichText::new("Import").strong());
                if ui
                    .add_enabled(ready, import)
                    .on_hover_text("Import every row (Enter)")
                    .clicked()
                {
                    ask = Some(Ask::Import);
                }
                let cancel = if self.running {
                    "Stop the import: nothing is imported (Esc)"
                } else {
                    "Import nothing (Esc)"
                };
                if ui.button("Cancel").on_hover_text(cancel).clicked() {
                    ask = Some(Ask::Cancel);
                }
                if self.running {
                    if ui
                        .button("In background")
                        .on_hover_text("Close this dialog; the status bar shows the import")
                        .clicked()
                    {
                        ask = Some(Ask::Background);
                    }
                    // In the buttons' row, so the dialog keeps its size (and its buttons their
                    // places) while the import runs.
                    if let Some((title, progress)) = &job {
                        let (fraction, text, stage) =
                            super::status_bar::progress_bar(title, progress);
                        ui.add(
                            egui::ProgressBar::new(fraction)
                                .desired_width(PROGRESS_WIDTH)
                                .text(text),
                        );
                        ui.weak(stage);
                    } else {
                        ui.spinner();
                    }
                }
            });
        });
        if ask.is_none() && keys.confirm && self.preview.is_ok() && !self.running {
            ask = Some(Ask::Import);
        }
        if ask.is_none() && keys.cancel {
            ask = Some(Ask::Cancel);
        }
        // A stray click beside the dialog must not throw away a long import: it goes on.
        if ask.is_none() && response.backdrop_response.clicked() {
            ask = Some(if self.running {
                Ask::Background
            } else {
                Ask::Cancel
            });
        }
        ask
    }
}

/// A cell on one line, cut to `CELL_CHARS` ("¶" where it breaks a line).
fn cell_text(cell: &str) -> String {
    let one_line = cell
        .trim()
        .replace("\r\n", " ¶ ")
        .replace(['\n', '\r'], " ¶ ");
    match one_line.char_indices().nth(CELL_CHARS) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

impl Workbench {
    /// Files chosen for a CSV import: show their first rows to choose the columns from.
    pub(super) fn open_csv_import(&mut self, paths: Vec<PathBuf>) {
        self.csv_import = Some(CsvImportDialog::new(paths));
    }

    /// Draw the CSV import dialog, if open, and do what it asks.
    pub(super) fn csv_import_dialog(&mut self, ctx: &Context) {
        let job = self.job_progress();
        let Some(dialog) = &mut self.csv_import else {
            return;
        };
        match dialog.show(ctx, job) {
            None => {}
            Some(Ask::Cancel) => {
                if dialog.running {
                    self.cancel_job();
                    self.say("cancelling the import…");
                } else {
                    self.say("cancelled");
                }
                self.csv_import = None;
            }
            Some(Ask::Background) => {
                self.csv_import = None;
                self.say("the import goes on in the background");
            }
            Some(Ask::Import) => {
                let Some(options) = dialog.options() else {
                    return;
                };
                if self.job.is_some() {
                    dialog.errors = vec!["Another import or export is still running.".into()];
                    return;
                }
                let paths = dialog.paths.clone();
                match self.start_import(ImportFormat::Csv, paths, options) {
                    Ok(()) => {
                        if let Some(d) = &mut self.csv_import {
                            d.running = true;
                            d.errors.clear();
                        }
                    }
                    Err(e) => {
                        if let Some(d) = &mut self.csv_import {
                            d.errors = vec![e];
                        }
                    }
                }
            }
        }
    }

    /// Read files in `format` on a worker thread; the result is applied as one step.
    pub(super) fn start_import(
        &mut self,
        format: ImportFormat,
        paths: Vec<PathBuf>,
        options: ImportOptions,
    ) -> Result<(), String> {
        let title = format!("importing {}", format.name());
        self.spawn_import(title, format, paths, options)
    }

    /// Read `paths` in `format` on a worker thread, shown as `title` in the status bar;
    /// `import_finished` takes the result.
    pub(super) fn spawn_import(
        &mut self,
        title: String,
        format: ImportFormat,
        paths: Vec<PathBuf>,
        options: ImportOptions,
    ) -> Result<(), String> {
        let project = self.session.project.clone();
        let job = Job::spawn(title, self.wake.clone(), move |p| {
            p.set_stage("reading");
            p.set_total(1);
            let out = formats::import_with_progress(format, &paths, &project, &options, Some(p))
                .map(ImportDone::Documents)
                .map_err(|errors| errors.iter().map(ToString::to_string).collect());
            // Formats that count neither bytes nor files read are done in one step.
            let (_, total, _) = p.get();
            if !p.counts_bytes() && total == 1 {
                p.set_done(1);
            }
            out
        })
        .map_err(|e| format!("could not start the import: {e}"))?;
        self.job = Some(Running::Import(job));
        Ok(())
    }

    /// Read a model's predictions in `format` on a worker thread, to store as suggestions on
    /// the documents of the same text (new documents for texts the project lacks); the result
    /// is applied as one step, like any import.
    pub(super) fn start_suggestions_import(&mut self, format: ImportFormat, paths: Vec<PathBuf>) {
        if !predictions::reads_suggestions(format) {
            self.say(format!("{} files hold no predictions", format.name()));
            return;
        }
        if self.job.is_some() {
            self.say("another import or export is still running");
            return;
        }
        let project = self.session.project.clone();
        let title = format!("importing {} predictions", format.name());
        let job = Job::spawn(title, self.wake.clone(), move |p| {
            p.set_stage("reading");
            p.set_total(1);
            let options = ImportOptions::default();
            let out = predictions::import_as_suggestions(format, &paths, &project, &options)
                .map(ImportDone::Suggestions)
                .map_err(|errors| errors.iter().map(ToString::to_string).collect());
            p.set_done(1);
            out
        });
        match job {
            Ok(job) => self.job = Some(Running::Import(job)),
            Err(e) => self.say(format!("could not start the import: {e}")),
        }
    }

    /// Predictions read: store them in one step, open a document that received some (unless
    /// the open one did) and say what came in.
    fn suggestions_imported(&mut self, imported: ImportedSuggestions) {
        let summary = suggestions_summary(&imported);
        if let Some(c) = imported.command {
            self.execute(c);
            let project = &self.session.project;
            let has = |d: &crate::model::Document| {
                d.predictions
                    .iter()
                    .any(|p| imported.engines.iter().any(|e| e == p.engine.as_str()))
            };
            let open_has = self
                .editing
                .doc
                .and_then(|d| project.document(d))
                .is_some_and(has);
            if !open_has && let Some(d) = project.documents.iter().find(|d| has(d)) {
                let id = d.id;
                self.editing.open_doc(Some(id));
            }
        }
        self.say(summary);
    }

    /// An import finished: apply it as one step, or say why nothing was imported — in the CSV
    /// dialog when it waits for this import, else in a notice.
    pub(super) fn import_finished(
        &mut self,
        result: Result<ImportDone, Vec<String>>,
        cancelled: bool,
    ) {
        let waiting = self.csv_import.as_ref().is_some_and(|d| d.running);
        if cancelled {
            if waiting {
                self.csv_import = None;
            }
            self.say("import cancelled: nothing was added");
            return;
        }
        match result {
            Ok(ImportDone::Suggestions(imported)) => self.suggestions_imported(imported),
            Ok(ImportDone::Documents(imported)) => {
                if waiting {
                    self.csv_import = None;
                }
                let first = self.session.project.next_doc_id();
                let summary = imported.summary();
                if let Some(c) = imported.command {
                    self.execute(c);
                    self.editing.open_doc(Some(first));
                }
                self.say(summary);
            }
            Err(errors) => {
                self.say(format!("nothing imported: {} errors", errors.len()));
                match self.csv_import.as_mut().filter(|d| d.running) {
                    Some(d) => {
                        d.running = false;
                        d.errors = errors;
                    }
                    None => {
                        self.prompt = Some(Prompt::Notice {
                            title: "Nothing imported".into(),
                            message: errors.join("\n"),
                        });
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cut_to_one_short_line() {
        assert_eq!(cell_text("  Short.  "), "Short.");
        assert_eq!(cell_text("one\r\ntwo\nthree"), "one ¶ two ¶ three");
        let long = "x".repeat(CELL_CHARS + 5);
        let cut = cell_text(&long);
        assert_eq!(cut.chars().count(), CELL_CHARS + 1);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn choices_survive_a_new_separator_and_become_the_import_options() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("news.csv");
        std::fs::write(&path, "id;outlet;text\na;Planet;Hello.\n").unwrap();
        let mut d = CsvImportDialog::new(vec![path.clone()]);
        assert_eq!(d.text_column, 2);
        d.name_column = Some(0);
        let o = d.options().unwrap().csv;
        assert_eq!(o.text_column.as_deref(), Some("text"));
        assert_eq!(o.name_column.as_deref(), Some("id"));
        assert_eq!(o.delimiter, None);
        // Split on commas the header is one column: the choices fall back to the guess.
        d.separator = Separator::Comma;
        d.read_preview();
        assert_eq!((d.text_column, d.name_column), (0, None));
        d.separator = Separator::Semicolon;
        d.read_preview();
        assert_eq!(d.text_column, 2);
        assert_eq!(d.options().unwrap().csv.delimiter, Some(b';'));
        // A folder previews its first table.
        let d = CsvImportDialog::new(vec![dir.path().to_path_buf()]);
        assert_eq!(d.file.as_deref(), Some(path.as_path()));
        let d = CsvImportDialog::new(vec![dir.path().join("nothing.csv")]);
        assert!(d.preview.is_err() && d.options().is_none());
    }
}
