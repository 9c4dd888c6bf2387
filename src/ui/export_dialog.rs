//! The export dialog (Ctrl+E): format, which documents and labels, and where to write — one
//! dialog that stays open until the export has been written.
//!
//! What it fixes, and how:
//! - The format list opened behind the dialog now and then (a list and a modal dialog share
//!   egui's foreground layer; see `widgets::keep_popup_in_front`).
//! - Format, options and path are remembered per project (`Prefs::export`, keyed by the
//!   project file's path), so Ctrl+E, Enter exports the same way again, also after a restart.
//! - The path box selects its prefilled text when it gets the keyboard, so typing replaces it.
//! - The export runs on a worker thread while the dialog waits with a spinner; a write error
//!   is shown inside the dialog, which stays open to fix the path. Only success closes it.

use std::path::{Path, PathBuf};

use egui::{Context, Id, Modal};

use super::widgets;
use super::workbench::{Running, Workbench};
use crate::app::dialogs::DialogKind;
use crate::app::formats::{self, ConllColumns, DoccanoShape, ExportFormat, ExportOptions};
use crate::app::jobs::Job;
use crate::app::prefs::{self, ExportPrefs};
use crate::model::Project;

/// The dialog's state while it is open.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportDialog {
    pub format: ExportFormat,
    pub only_done: bool,
    /// Every label with whether it is exported.
    pub labels: Vec<(String, bool)>,
    pub per_document: bool,
    /// Write quotes (`None`: the format's default).
    pub quotes: Option<bool>,
    /// Only name mentions (doccano, Label Studio, Prodigy).
    pub names_only: bool,
    pub doccano_shape: DoccanoShape,
    /// Label Studio's `<Labels>` and `<Text>` names (empty: the defaults).
    pub ls_from_name: String,
    pub ls_to_name: String,
    /// Also write Label Studio's labelling config beside the export.
    pub ls_config: bool,
    pub conll_columns: ConllColumns,
    pub no_docstart: bool,
    /// Label Studio, Prodigy: add the pending suggestions (not remembered).
    pub with_suggestions: bool,
    /// Where to write: a file, or a folder for one file per document.
    pub path: String,
    /// Why the last try failed, shown in the dialog.
    pub error: Option<String>,
    /// The export is being written.
    pub running: bool,
    /// Give the path box the keyboard on the first frame.
    focus_path: bool,
    /// The project's name, for default file names.
    project: String,
}

/// What the user asked the dialog for.
enum Ask {
    Export,
    Choose,
    Cancel,
}

impl ExportDialog {
    /// The dialog as this project was last exported, or with defaults beside the project.
    pub fn new(project: &Project, project_path: Option<&Path>, last: Option<&ExportPrefs>) -> Self {
        let format = last
            .and_then(|l| ExportFormat::ALL.into_iter().find(|f| f.name() == l.format))
            .unwrap_or(ExportFormat::Jsonl);
        let left_out: &[String] = last.map(|l| l.left_out.as_slice()).unwrap_or(&[]);
        let mut d = Self {
            format,
            only_done: last.is_some_and(|l| l.only_done),
            labels: project
                .labels
                .names()
                .map(|n| (n.to_string(), !left_out.iter().any(|o| o == n)))
                .collect(),
            per_document: last.is_some_and(|l| l.per_document),
            quotes: last.and_then(|l| l.quotes),
            names_only: last.is_some_and(|l| l.names_only),
            doccano_shape: match last.map(|l| l.doccano_shape.as_str()) {
                Some("labels") => DoccanoShape::Spans,
                _ => DoccanoShape::Relations,
            },
            ls_from_name: last.map(|l| l.ls_from_name.clone()).unwrap_or_default(),
            ls_to_name: last.map(|l| l.ls_to_name.clone()).unwrap_or_default(),
            ls_config: last.is_some_and(|l| l.ls_config),
            conll_columns: if last.is_some_and(|l| l.conll_four_columns) {
                ConllColumns::Four
            } else {
                ConllColumns::Two
            },
            no_docstart: last.is_some_and(|l| l.no_docstart),
            with_suggestions: false,
            path: last.map(|l| l.path.clone()).unwrap_or_default(),
            error: None,
            running: false,
            focus_path: true,
            project: project.name.clone(),
        };
        if d.path.trim().is_empty() {
            let dir = project_path.and_then(Path::parent);
            let name = d.default_name(&project.name);
            d.path = match dir {
                Some(dir) => dir.join(name).display().to_string(),
                None => name,
            };
        }
        d
    }

    fn folder(&self) -> bool {
        self.per_document || self.format.always_per_document()
    }

    fn default_name(&self, project: &str) -> String {
        if self.folder() {
            format!("{project}-{}", self.format.name())
        } else {
            format!("{project}.{}", self.format.extension())
        }
    }

    /// Whether quotes are written: as chosen, else the format's default.
    pub fn quotes_on(&self) -> bool {
        self.quotes
            .unwrap_or_else(|| self.format.quotes_by_default())
    }

    /// What is exported, written to `out` (the labelling config goes beside it).
    pub fn options_for(&self, out: &Path) -> ExportOptions {
        let mut options = self.options();
        if self.format == ExportFormat::LabelStudio && self.ls_config {
            options.ls_config = Some(formats::config_path_beside(out, self.folder()));
        }
        options
    }

    /// What is exported.
    pub fn options(&self) -> ExportOptions {
        let all = self.labels.iter().all(|(_, on)| *on);
        let name = |n: &str| {
            let n = n.trim();
            (!n.is_empty()).then(|| n.to_string())
        };
        ExportOptions {
            only_done: self.only_done,
            labels: (!all).then(|| {
                self.labels
                    .iter()
                    .filter(|(_, on)| *on)
                    .map(|(n, _)| n.clone())
                    .collect()
            }),
            per_document: self.folder(),
            quotes: Some(self.quotes_on()),
            names_only: self.names_only,
            doccano_shape: self.doccano_shape,
            ls_from_name: name(&self.ls_from_name),
            ls_to_name: name(&self.ls_to_name),
            ls_config: None,
            conll_columns: self.conll_columns,
            no_docstart: self.no_docstart,
            with_suggestions: self.with_suggestions
                && matches!(
                    self.format,
                    ExportFormat::LabelStudio | ExportFormat::Prodigy
                ),
        }
    }

    /// The settings to remember for next time.
    pub fn remembered(&self) -> ExportPrefs {
        ExportPrefs {
            format: self.format.name().to_string(),
            only_done: self.only_done,
            left_out: self
                .labels
                .iter()
                .filter(|(_, on)| !*on)
                .map(|(n, _)| n.clone())
                .collect(),
            per_document: self.per_document,
            path: self.path.clone(),
            quotes: self.quotes,
            names_only: self.names_only,
            doccano_shape: match self.doccano_shape {
                DoccanoShape::Spans => "labels",
                DoccanoShape::Relations => "relations",
            }
            .to_string(),
            ls_from_name: self.ls_from_name.clone(),
            ls_to_name: self.ls_to_name.clone(),
            ls_config: self.ls_config,
            conll_four_columns: self.conll_columns == ConllColumns::Four,
            no_docstart: self.no_docstart,
        }
    }

    /// One file or a folder now: a path still named by default follows the change
    /// (`news.jsonl` ↔ `news-jsonl`).
    fn folder_changed(&mut self, was: (ExportFormat, bool)) {
        let before = Self {
            format: was.0,
            per_document: was.1,
            ..self.clone()
        }
        .default_name(&self.project);
        let path = PathBuf::from(self.path.trim());
        if path.file_name().and_then(|n| n.to_str()) == Some(before.as_str()) {
            self.path = path
                .with_file_name(self.default_name(&self.project))
                .display()
                .to_string();
        }
    }

    /// A new format: a path that ended in the old format's extension takes the new one's.
    fn format_changed(&mut self, old: ExportFormat) {
        if self.folder() {
            return;
        }
        let path = PathBuf::from(self.path.trim());
        if path.extension().and_then(|e| e.to_str()) == Some(old.extension()) {
            self.path = path
                .with_extension(self.format.extension())
                .display()
                .to_string();
        }
    }

    /// The options of the chosen format.
    fn format_options(&mut self, ui: &mut egui::Ui) {
        use ExportFormat as F;
        let f = self.format;
        if matches!(
            f,
            F::Doccano | F::LabelStudio | F::Prodigy | F::Spacy | F::Brat
        ) {
            let mut on = self.quotes_on();
            if ui
                .checkbox(&mut on, "Quotes (as QUOTE and CUE spans with relations)")
                .on_hover_text("Quote parts, cues, and their speaker, cue and part relations")
                .changed()
            {
                self.quotes = Some(on);
            }
        }
        if matches!(f, F::Doccano | F::LabelStudio | F::Prodigy) {
            ui.checkbox(
                &mut self.names_only,
                "Names only (no pronouns or descriptions)",
            );
        }
        if matches!(f, F::LabelStudio | F::Prodigy) {
            ui.checkbox(&mut self.with_suggestions, "With pending suggestions")
                .on_hover_text("Add the suggestions not yet accepted or rejected, with their scores and engines, as pre-annotations (Label Studio predictions, Prodigy spans)");
        }
        if f == F::Doccano {
            ui.horizontal(|ui| {
                ui.label("doccano shape:");
                ui.radio_value(&mut self.doccano_shape, DoccanoShape::Relations, "Relations")
                    .on_hover_text("For a Sequence labeling project with “Allow overlapping entity” and “Use relation labeling” both on");
                ui.radio_value(&mut self.doccano_shape, DoccanoShape::Spans, "Labels")
                    .on_hover_text("Outermost spans only, no relations: for a plain Sequence labeling project");
            });
        }
        if f == F::Conll {
            ui.horizontal(|ui| {
                ui.label("Columns:");
                ui.radio_value(&mut self.conll_columns, ConllColumns::Two, "2 (TOKEN, TAG)");
                ui.radio_value(
                    &mut self.conll_columns,
                    ConllColumns::Four,
                    "4 (TOKEN -X- _ TAG)",
                );
            });
            let mut docstart = !self.no_docstart;
            if ui
                .checkbox(&mut docstart, "-DOCSTART- line before each document")
                .changed()
            {
                self.no_docstart = !docstart;
            }
        }
        if f == F::LabelStudio {
            ui.horizontal(|ui| {
                let l = ui.label("Labels tag");
                ui.add(
                    egui::TextEdit::singleline(&mut self.ls_from_name)
                        .hint_text("label")
                        .desired_width(100.0),
                )
                .labelled_by(l.id);
                let l = ui.label("Text tag");
                ui.add(
                    egui::TextEdit::singleline(&mut self.ls_to_name)
                        .hint_text("text")
                        .desired_width(100.0),
                )
                .labelled_by(l.id);
            });
            ui.checkbox(
                &mut self.ls_config,
                "Also write the labelling config (NAME.config.xml)",
            )
            .on_hover_text("Paste it into the Label Studio project's Labeling Interface");
        }
    }

    fn show(&mut self, ctx: &Context) -> Option<Ask> {
        let keys = widgets::dialog_keys(ctx);
        let mut ask = None;
        let response = Modal::new(Id::unique("export-dialog")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading("Export annotations");
            let l = ui.label("Format");
            let old = self.format;
            let was = (self.format, self.per_document);
            let was_folder = self.folder();
            let combo = egui::ComboBox::from_id_salt("export-format")
                .selected_text(self.format.title())
                .width(320.0)
                .show_ui(ui, |ui| {
                    for f in ExportFormat::ALL {
                        ui.selectable_value(&mut self.format, f, f.title());
                    }
                })
                .response
                .labelled_by(l.id);
            widgets::keep_popup_in_front(ui, &combo);
            if self.format != old && self.folder() == was_folder {
                self.format_changed(old);
            }
            ui.checkbox(&mut self.only_done, "Only documents marked done");
            if self.format.can_split() && !self.format.always_per_document() {
                ui.checkbox(
                    &mut self.per_document,
                    "One file per document (into a folder)",
                );
            }
            if self.folder() != was_folder {
                self.folder_changed(was);
            }
            self.format_options(ui);
            ui.label("Labels:");
            ui.horizontal_wrapped(|ui| {
                for (name, on) in self.labels.iter_mut() {
                    ui.checkbox(on, name.as_str());
                }
            });
            ui.add_space(4.0);
            let l = ui.label(if self.folder() {
                "Write to folder"
            } else {
                "Write to"
            });
            ui.horizontal(|ui| {
                let edit = egui::TextEdit::singleline(&mut self.path).desired_width(340.0);
                let resp = ui.add(edit).labelled_by(l.id);
                widgets::select_all_on_focus(ui, &resp, &self.path);
                if std::mem::take(&mut self.focus_path) {
                    resp.request_focus();
                }
                if resp.changed() {
                    self.error = None;
                }
                if ui
                    .add_enabled(!self.running, egui::Button::new("Choose…"))
                    .on_hover_text("Choose the file in the desktop's file dialog")
                    .clicked()
                {
                    ask = Some(Ask::Choose);
                }
            });
            if let Some(e) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, e.as_str());
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let any = self.labels.iter().any(|(_, on)| *on);
                let ready = any && !self.running && !self.path.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new("Export"))
                    .on_hover_text("Write the file (Enter)")
                    .clicked()
                {
                    ask = Some(Ask::Export);
                }
                if ui.button("Cancel").on_hover_text("Esc").clicked() {
                    ask = Some(Ask::Cancel);
                }
                if self.running {
                    ui.spinner();
                    ui.weak("exporting…");
                }
            });
        });
        if ask.is_none() && keys.confirm && !self.running {
            ask = Some(Ask::Export);
        }
        if ask.is_none() && (keys.cancel || response.backdrop_response.clicked()) {
            ask = Some(Ask::Cancel);
        }
        ask
    }
}

impl Workbench {
    /// Open the export dialog (Ctrl+E) as this project was last exported.
    pub(super) fn open_export(&mut self) {
        let key = prefs::project_key(self.session.path());
        self.export = Some(ExportDialog::new(
            &self.session.project,
            self.session.path(),
            self.prefs.export.get(&key),
        ));
    }

    /// Draw the export dialog, if open, and do what it asks.
    pub(super) fn export_dialog(&mut self, ctx: &Context) {
        let Some(dialog) = &mut self.export else {
            return;
        };
        let ask = dialog.show(ctx);
        match ask {
            None => {}
            Some(Ask::Cancel) => {
                self.remember_export();
                if self.export.as_ref().is_some_and(|d| d.running) {
                    self.say("the export goes on in the background");
                } else {
                    self.say("cancelled");
                }
                self.export = None;
            }
            Some(Ask::Choose) => {
                let Some(d) = &self.export else { return };
                let kind = DialogKind::Export {
                    format: d.format,
                    folder: d.folder(),
                };
                let name = Path::new(d.path.trim())
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned());
                if !self.dialogs.request(kind, name)
                    && let Some(d) = &mut self.export
                {
                    d.error = Some("No file dialog can be shown here: type the path.".into());
                    d.focus_path = true;
                }
            }
            Some(Ask::Export) => self.run_export(),
        }
    }

    /// The file dialog's answer while the export dialog is open: the path to write to.
    pub(super) fn export_path_chosen(&mut self, path: PathBuf) {
        match &mut self.export {
            Some(d) => {
                d.path = path.display().to_string();
                d.error = None;
            }
            None => self.say("the export dialog was closed"),
        }
    }

    fn remember_export(&mut self) {
        if let Some(d) = &self.export {
            let key = prefs::project_key(self.session.path());
            self.prefs.export.insert(key, d.remembered());
        }
    }

    /// Check the path and start writing on a worker thread.
    fn run_export(&mut self) {
        self.remember_export();
        let base = self
            .session
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let Some(d) = &mut self.export else { return };
        let typed = d.path.trim();
        if typed.is_empty() {
            d.error = Some("Type where to write, or choose a file.".into());
            return;
        }
        if !d.labels.iter().any(|(_, on)| *on) {
            d.error = Some("Tick at least one label.".into());
            return;
        }
        let mut out = super::prompts::expand_home(typed);
        if out.is_relative()
            && let Some(base) = base
        {
            out = base.join(out);
        }
        if !d.folder() && out.is_dir() {
            d.error = Some(format!(
                "{} is a folder: add a file name, or tick “One file per document”.",
                out.display()
            ));
            return;
        }
        if self.job.is_some() {
            d.error = Some("Another import or export is still running.".into());
            return;
        }
        let (format, options) = (d.format, d.options_for(&out));
        let project = self.session.project.clone();
        let title = format!("exporting {}", format.name());
        let spawned = Job::spawn(title, self.wake.clone(), move |p| {
            p.set_stage("writing");
            crate::app::formats::export(format, &project, &options, &out, Some(p))
                .map(|e| e.summary(format, &out))
                .map_err(|e| e.to_string())
        });
        match spawned {
            Ok(job) => {
                self.job = Some(Running::Export(job));
                if let Some(d) = &mut self.export {
                    d.running = true;
                    d.error = None;
                }
            }
            Err(e) => {
                if let Some(d) = &mut self.export {
                    d.error = Some(format!("could not start the export: {e}"));
                }
            }
        }
    }

    /// The export finished: success closes the dialog; an error stays in it to be fixed.
    pub(super) fn export_finished(&mut self, result: Result<String, String>) {
        match (result, self.export.as_mut().filter(|d| d.running)) {
            (Ok(summary), Some(_)) => {
                self.export = None;
                self.say(summary);
            }
            (Ok(summary), None) => self.say(summary),
            (Err(e), Some(d)) => {
                d.running = false;
                d.error = Some(e.clone());
                self.say(e);
            }
            (Err(e), None) => self.say(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_default_path_follows_the_format_and_the_folder_choice() {
        let p = Project::new("news");
        let mut d = ExportDialog::new(&p, Some(Path::new("/w/news.ron")), None);
        assert_eq!(d.path, "/w/news.jsonl");
        let old = d.format;
        d.format = ExportFormat::Conll;
        d.format_changed(old);
        assert!(d.path.starts_with("/w/news.") && d.path != "/w/news.jsonl");
        let conll = d.path.clone();
        d.per_document = true;
        d.folder_changed((ExportFormat::Conll, false));
        assert_eq!(d.path, "/w/news-conll");
        d.per_document = false;
        d.folder_changed((ExportFormat::Conll, true));
        assert_eq!(d.path, conll);
        // A path the user typed is left alone.
        d.path = "/elsewhere/mine.txt".into();
        d.per_document = true;
        d.folder_changed((ExportFormat::Conll, false));
        assert_eq!(d.path, "/elsewhere/mine.txt");
        // Remembered settings come back.
        let again = ExportDialog::new(&p, Some(Path::new("/w/news.ron")), Some(&d.remembered()));
        assert_eq!(
            (again.format, again.per_document),
            (ExportFormat::Conll, true)
        );
        assert_eq!(again.path, "/elsewhere/mine.txt");
    }

    #[test]
    fn format_options_reach_the_export_and_are_remembered() {
        let p = Project::new("news");
        let mut d = ExportDialog::new(&p, Some(Path::new("/w/news.ron")), None);
        d.format = ExportFormat::LabelStudio;
        d.format_changed(ExportFormat::Jsonl);
        assert_eq!(
            d.path, "/w/news.json",
            "Label Studio reads .json, not .jsonl"
        );
        assert!(d.quotes_on());
        d.format = ExportFormat::Prodigy;
        assert!(!d.quotes_on(), "Prodigy writes no quotes unless asked");
        d.quotes = Some(true);
        d.names_only = true;
        d.doccano_shape = DoccanoShape::Spans;
        d.ls_from_name = " ner ".into();
        d.ls_config = true;
        // A label left out does not leave the quotes out when they are ticked.
        if let Some(l) = d.labels.first_mut() {
            l.1 = false;
        }
        let o = d.options();
        assert_eq!(o.quotes, Some(true));
        assert!(o.writes_quotes(ExportFormat::Prodigy) && o.keeps_cues());
        assert!(o.names_only);
        assert_eq!(o.ls_from_name.as_deref(), Some("ner"));
        assert_eq!(o.ls_to_name, None);
        d.format = ExportFormat::LabelStudio;
        let o = d.options_for(Path::new("/w/news.json"));
        assert_eq!(
            o.ls_config.as_deref(),
            Some(Path::new("/w/news.config.xml"))
        );
        let again = ExportDialog::new(&p, Some(Path::new("/w/news.ron")), Some(&d.remembered()));
        assert_eq!(again.quotes, Some(true));
        assert!(again.names_only && again.ls_config);
        assert_eq!(again.doccano_shape, DoccanoShape::Spans);
        assert_eq!(again.ls_from_name, " ner ");
        // CoNLL's columns and -DOCSTART- lines.
        d.conll_columns = ConllColumns::Four;
        d.no_docstart = true;
        let o = d.options();
        assert_eq!((o.conll_columns, o.no_docstart), (ConllColumns::Four, true));
        let again = ExportDialog::new(&p, Some(Path::new("/w/news.ron")), Some(&d.remembered()));
        assert_eq!(
            (again.conll_columns, again.no_docstart),
            (ConllColumns::Four, true)
        );
    }
}
