//! The Suggestions tab: the open document's suggestions, sortable and filterable, with the
//! threshold slider that bulk-accepts above a score and a run over the whole project; the
//! matcher's settings, outside engines among them (each edit one command, so undoable and
//! journaled; a text field commits on Enter or when it loses focus, so a half-typed command
//! never starts a process); and what outside engines are doing — progress and Cancel while one
//! runs, its standard error when it fails.

use egui::{RichText, Ui};

use super::Intent;
use crate::app::Command;
use crate::app::external;
use crate::app::keymap::Action;
use crate::app::learning::Learner;
use crate::app::review::{Key, Order, Review};
use crate::model::{Document, Project, Suggestion};
use crate::text::plural;

/// What the tab asks for beyond intents.
#[derive(Default)]
pub struct TabOutput {
    pub focus: Option<Key>,
    pub run_all: bool,
}

#[allow(clippy::too_many_arguments)]
pub fn ui(
    ui: &mut Ui,
    project: &Project,
    doc: Option<&Document>,
    review: &mut Review,
    learner: &Learner,
    visible: &[&Suggestion],
    busy: bool,
    intents: &mut Vec<Intent>,
) -> TabOutput {
    let mut out = TabOutput::default();
    let Some(doc) = doc else {
        ui.weak("Open a document to see its suggestions.");
        return out;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{} suggestions", visible.len())).strong());
        if busy {
            ui.spinner();
            ui.weak("matching…");
        }
        let mut shown = !review.hidden;
        if ui.checkbox(&mut shown, "show in text (H)").changed() {
            review.hidden = !shown;
        }
    });
    if let Some((done, total)) = review.progress {
        ui.add(
            egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                .text(format!("matching documents: {done} of {total}")),
        );
    } else if ui
        .button("Run on all documents")
        .on_hover_text("Compute suggestions for every document in the background")
        .clicked()
    {
        out.run_all = true;
    }
    for p in &review.problems {
        ui.colored_label(ui.visuals().warn_fg_color, p);
    }
    engine_status_ui(ui, review);
    model_ui(ui, project, learner);
    precision_ui(ui, project);
    settings_ui(ui, project, intents);
    outside_engines_ui(ui, project, intents);

    // Filters.
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Label");
        egui::ComboBox::from_id_salt("sugg-label")
            .selected_text(review.filter.label.clone().unwrap_or_else(|| "all".into()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut review.filter.label, None, "all");
                for name in project.labels.names() {
                    ui.selectable_value(&mut review.filter.label, Some(name.to_string()), name);
                }
            })
            .response
            .labelled_by(l.id);
        let l = ui.label("Engine");
        egui::ComboBox::from_id_salt("sugg-engine")
            .selected_text(review.filter.engine.as_deref().unwrap_or("all"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut review.filter.engine, None, "all");
                let mut names: Vec<String> =
                    external::BUILT_IN.iter().map(|s| s.to_string()).collect();
                if project.matcher.spacy.enabled {
                    names.push(external::SPACY.into());
                }
                names.extend(project.matcher.external.iter().map(|e| e.name.clone()));
                for e in names {
                    let shown = e.clone();
                    ui.selectable_value(&mut review.filter.engine, Some(e), shown);
                }
            })
            .response
            .labelled_by(l.id);
    });
    ui.horizontal(|ui| {
        let l = ui.label("Minimum score");
        ui.add(egui::Slider::new(&mut review.filter.min_score, 0.0..=1.0).step_by(0.05))
            .labelled_by(l.id);
    });
    ui.horizontal(|ui| {
        ui.label("Sort by");
        ui.selectable_value(&mut review.order, Order::Position, "position");
        ui.selectable_value(&mut review.order, Order::Score, "score");
    });
    ui.separator();

    // Threshold bulk accept with a live count.
    let above = visible
        .iter()
        .filter(|s| s.score >= review.threshold)
        .count();
    ui.horizontal(|ui| {
        let l = ui.label("Accept threshold");
        ui.add(egui::Slider::new(&mut review.threshold, 0.0..=1.0).step_by(0.05))
            .labelled_by(l.id);
    });
    if ui
        .add_enabled(
            above > 0,
            egui::Button::new(format!(
                "Accept {above} at or above {:.2}",
                review.threshold
            )),
        )
        .on_hover_text("Ctrl+Enter; one undo step")
        .clicked()
    {
        intents.push(Intent::Do(Action::AcceptAboveThreshold));
    }
    ui.separator();

    // The list.
    let mut rows: Vec<&Suggestion> = visible.to_vec();
    if review.order == Order::Score {
        rows.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.range().cmp(&b.range())));
    }
    let current = review.current.clone();
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("suggestion-list")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for s in &rows[range] {
                let (a, b) = s.range();
                let key = Key::of(s);
                let focused = current.as_ref() == Some(&key);
                // The engine at the right edge; the row's text is cut to the panel's width so a
                // long quotation never widens the panel.
                let size = egui::vec2(ui.available_width(), row_height);
                let row = egui::Layout::right_to_left(egui::Align::Center);
                ui.allocate_ui_with_layout(size, row, |ui| {
                    ui.weak(s.engine.as_str());
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        let text =
                            format!("{:.2} {} {}", s.score, s.label(), row_text(doc, s, a, b));
                        let resp = ui
                            .add(egui::Button::selectable(focused, text).truncate())
                            .on_hover_text(format!("{} · {}\n{}", s.engine, s.rule, s.reason));
                        if resp.clicked() {
                            out.focus = Some(key.clone());
                        }
                    });
                });
            }
        });
    if visible.is_empty() && !busy {
        ui.weak("Nothing to review here. Accepted and rejected suggestions do not come back.");
    }
    out
}

/// What a row of the list shows after score and label: the suggested text on one line, cut to
/// a few words; for a quote, its speaker first ("Lena Visser: This is a fair…").
fn row_text(doc: &crate::model::Document, s: &Suggestion, a: usize, b: usize) -> String {
    const MAX: usize = 80;
    let text: String = doc
        .slice(a, b)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let short = if text.chars().count() > MAX {
        let cut: String = text.chars().take(MAX).collect();
        format!("{}…", cut.trim_end())
    } else {
        text
    };
    match &s.proposal {
        crate::model::Proposal::Quote {
            speaker: Some((x, y)),
            ..
        } if *y <= doc.char_len() && x < y => format!("{}: {short}", doc.slice(*x, *y)),
        _ => short,
    }
}

/// The user's own precision per engine in this project: accepted, rejected and accepted /
/// decided, one row per engine (`app::engine_stats`; a suggestion several engines made counts
/// for each).
fn precision_ui(ui: &mut Ui, project: &Project) {
    use crate::app::engine_stats::{decided_total, engine_tallies};
    let decided = decided_total(project);
    egui::CollapsingHeader::new(format!("Your precision per engine ({decided} decided)"))
        .id_salt("engine-precision")
        .show(ui, |ui| {
            ui.weak("Of each engine's suggestions in this project: accepted, rejected, and accepted / decided.");
            egui::Grid::new("engine-precision-grid")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    ui.strong("engine");
                    ui.strong("accepted");
                    ui.strong("rejected");
                    ui.strong("your precision");
                    ui.end_row();
                    for t in engine_tallies(project) {
                        let e = &t.engine;
                        ui.label(e);
                        // Each number is read out with its engine and meaning ("spacy: 3
                        // accepted"), not as a bare figure.
                        let cells = [
                            (t.accepted.to_string(), format!("{e}: {} accepted", t.accepted)),
                            (t.rejected.to_string(), format!("{e}: {} rejected", t.rejected)),
                            (
                                t.precision_text(),
                                format!("{e}: your precision {}", t.precision_text()),
                            ),
                        ];
                        for (text, spoken) in cells {
                            ui.label(text).widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken)
                            });
                        }
                        ui.end_row();
                    }
                });
        });
}

/// The matcher settings: engines on or off, the bundled lists (on, off, matched regardless of
/// case), the project's own lists, the learned strings' minimum length. Changes leave as one
/// command each (undoable, saved with the project).
/// The model's state: what it learnt from and how good it is on the project's own
/// annotations (cross-validated), refreshed as it retrains.
fn model_ui(ui: &mut Ui, project: &Project, learner: &Learner) {
    if !project.matcher.model {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Model:").strong());
        match learner.learnt.model.as_ref() {
            None if learner.training => {
                ui.weak("learning…");
            }
            None => {
                ui.weak("no model (the starting weights could not be loaded)");
            }
            Some(model) => {
                let m = model.as_ref();
                let info = m.info();
                let shipped = crate::matcher::engines::is_bundled(model);
                if shipped || info.documents == 0 {
                    ui.label("starting weights; annotate documents and it learns from them")
                        .on_hover_text(
                            "Trained on WikiGold (Wikipedia, CC BY 4.0) and agency-style stories written for Gloss; retrained on your own annotations once you have some",
                        );
                } else {
                    ui.label(format!(
                        "trained on {} document{} / {} name{}",
                        info.documents,
                        plural(info.documents),
                        info.names,
                        plural(info.names)
                    ));
                    match &info.quality {
                        Some(q) => {
                            ui.label(format!(
                                "precision {:.2}, recall {:.2}",
                                q.precision, q.recall
                            ))
                            .on_hover_text(format!(
                                "{}-fold cross-validation on your {} annotated names: each part scored by a model trained on the others",
                                q.folds, q.names
                            ));
                        }
                        None => {
                            ui.weak("(quality: needs 4 annotated documents)");
                        }
                    }
                }
                if learner.training {
                    ui.spinner();
                    ui.weak("retraining…");
                }
            }
        }
    });
}

pub fn settings_ui(ui: &mut Ui, project: &Project, intents: &mut Vec<Intent>) {
    use crate::matcher::engines::BUNDLED;
    let current = &project.matcher;
    let mut s = current.clone();
    egui::CollapsingHeader::new("Engines and lists")
        .id_salt("matcher-settings")
        .show(ui, |ui| {
            ui.checkbox(&mut s.gazetteer, "Gazetteer (lists of names)");
            ui.checkbox(&mut s.learned, "Learned from your annotations");
            ui.checkbox(&mut s.rules, "Rules (titles, organisations, acronyms…)");
            ui.checkbox(&mut s.quotes, "Quotations with speakers and cues");
            ui.checkbox(
                &mut s.model,
                "Model that learns from your annotations (statistical)",
            );
            ui.horizontal(|ui| {
                let l = ui.label("Learned strings from");
                ui.add(
                    egui::DragValue::new(&mut s.min_learned_len)
                        .range(1..=20)
                        .suffix(" characters"),
                )
                .labelled_by(l.id);
            });
            ui.label("Bundled lists (see assets/README.md for sources):");
            for b in BUNDLED {
                ui.horizontal(|ui| {
                    let mut on = !s.disabled_lists.iter().any(|d| d == b.name);
                    if ui.checkbox(&mut on, b.name).on_hover_text(b.what).changed() {
                        s.disabled_lists.retain(|d| d != b.name);
                        if !on {
                            s.disabled_lists.push(b.name.to_string());
                        }
                    }
                    let mut fold = s.fold_case_lists.iter().any(|d| d == b.name);
                    if ui
                        .checkbox(&mut fold, format!("{} ignoring case", b.name))
                        .on_hover_text("Also match names written in capitals (headlines)")
                        .changed()
                    {
                        s.fold_case_lists.retain(|d| d != b.name);
                        if fold {
                            s.fold_case_lists.push(b.name.to_string());
                        }
                    }
                });
            }
            ui.label("Your lists:");
            let mut remove = None;
            for (i, l) in s.user_lists.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(&l.path);
                    ui.checkbox(&mut l.fold_case, format!("{} ignoring case", l.path));
                    if ui
                        .small_button("×")
                        .on_hover_text(format!("Remove {}", l.path))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
            }
            if let Some(i) = remove {
                s.user_lists.remove(i);
            }
            if ui
                .button("Add a list…")
                .on_hover_text("TSV: text, label, canonical name; or Prodigy patterns JSONL")
                .clicked()
            {
                intents.push(Intent::AddList);
            }
        });
    if s != *current {
        intents.push(Intent::Execute(Command::SetMatcherSettings { settings: s }));
    }
}

/// Outside engines at work: which, how far, for how long, with a Cancel; then each failure
/// with what the engine wrote on standard error, and what each run dropped.
fn engine_status_ui(ui: &mut Ui, review: &mut Review) {
    let status = review.engine_status();
    if let Some(r) = &status.running {
        ui.horizontal(|ui| {
            ui.spinner();
            let secs = r.since.elapsed().as_secs();
            let text = if r.total > 1 {
                format!(
                    "{}: {} of {} documents, {secs} s",
                    r.engine, r.done, r.total
                )
            } else {
                format!("{}: running, {secs} s", r.engine)
            };
            let fraction = if r.total > 1 {
                r.done as f32 / r.total as f32
            } else {
                0.0
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .text(text)
                    .desired_width(ui.available_width() - 80.0)
                    .animate(r.total <= 1),
            );
            if ui
                .button("Cancel")
                .on_hover_text(format!(
                    "Stop {}; outside engines then wait until you run them again",
                    r.engine
                ))
                .clicked()
            {
                review.cancel_engines();
            }
        });
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(250));
    }
    for f in &status.failures {
        let color = if f.cancelled {
            ui.visuals().warn_fg_color
        } else {
            ui.visuals().error_fg_color
        };
        ui.colored_label(color, &f.message);
        if !f.stderr.trim().is_empty() {
            egui::CollapsingHeader::new(format!("What {} wrote on standard error", f.engine))
                .id_salt(("engine-stderr", &f.engine))
                .default_open(!f.cancelled)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt(("engine-stderr-text", &f.engine))
                        .max_height(160.0)
                        .show(ui, |ui| {
                            ui.label(RichText::new(f.stderr.trim_end()).monospace().small());
                        });
                });
        }
    }
    for (_, lines) in &status.reports {
        for l in lines {
            ui.colored_label(ui.visuals().warn_fg_color, l);
        }
    }
    if (status.paused || !status.failures.is_empty()) && status.running.is_none() {
        let why = if status.paused {
            "Outside engines are paused (cancelled)."
        } else {
            "Fix the engine's settings, then run it again."
        };
        ui.horizontal_wrapped(|ui| {
            ui.weak(why);
            if ui
                .button("Run engines again")
                .on_hover_text("Run outside engines again where they failed or were cancelled")
                .clicked()
            {
                review.retry_engines();
            }
        });
    }
}

/// A one-line text field that commits on Enter or when it loses focus: `Some(text)` then, if
/// the text changed. While it has focus the typed text is kept in egui's memory; otherwise it
/// shows `current` (so an undo shows at once).
fn committed_text(
    ui: &mut Ui,
    id: egui::Id,
    current: &str,
    width: f32,
    label: egui::Id,
) -> Option<String> {
    let key = id.with("draft");
    let mut draft: String = ui
        .data(|d| d.get_temp::<String>(key))
        .unwrap_or_else(|| current.to_string());
    let resp = ui
        .add(
            egui::TextEdit::singleline(&mut draft)
                .id_salt(id)
                .desired_width(width),
        )
        .labelled_by(label);
    if resp.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(key));
        return (draft != current).then_some(draft);
    }
    if resp.has_focus() {
        ui.data_mut(|d| d.insert_temp(key, draft));
    } else {
        ui.data_mut(|d| d.remove::<String>(key));
    }
    None
}

/// A labelled [`committed_text`] on its own row.
fn field(ui: &mut Ui, name: &str, id: egui::Id, current: &str, hover: &str) -> Option<String> {
    ui.horizontal(|ui| {
        let l = ui.label(name).on_hover_text(hover);
        let width = ui.available_width().max(80.0);
        committed_text(ui, id, current, width, l.id)
    })
    .inner
}

/// The timeout as a field of seconds; `Some` with a new whole number of seconds, at least 1.
fn timeout_field(ui: &mut Ui, id: egui::Id, secs: u64) -> Option<u64> {
    let typed = field(
        ui,
        "Timeout (s)",
        id,
        &secs.to_string(),
        "Stopped when it goes this long without reading a document or writing a line",
    )?;
    typed.trim().parse::<u64>().ok().filter(|s| *s > 0)
}

/// Outside engines and the bundled spaCy engine: on or off, name, command, label mapping,
/// timeout; add and remove. Every change is one command.
fn outside_engines_ui(ui: &mut Ui, project: &Project, intents: &mut Vec<Intent>) {
    let current = &project.matcher;
    let mut s = current.clone();
    egui::CollapsingHeader::new("Outside engines")
        .id_salt("outside-engines")
        .show(ui, |ui| {
            ui.weak(
                "Programs that read documents as JSON Lines and write suggestions \
                 (see \"Engines of your own\" in the README). They run in the project's folder.",
            );
            ui.separator();
            let spacy = &mut s.spacy;
            ui.checkbox(&mut spacy.enabled, "spaCy (bundled engine)")
                .on_hover_text("engines/spacy_engine.py with any installed spaCy pipeline");
            if let Some(m) = field(
                ui,
                "spaCy model",
                ui.make_persistent_id("spacy-model"),
                &spacy.model,
                "An installed pipeline (en_core_web_sm, en_core_web_trf…) or the folder of a saved one",
            ) {
                spacy.model = m.trim().to_string();
            }
            if let Some(p) = field(
                ui,
                "Python",
                ui.make_persistent_id("spacy-python"),
                &spacy.python,
                "The Python that has spaCy installed: python3, or a virtual environment's bin/python",
            ) {
                spacy.python = p.trim().to_string();
            }
            if let Some(t) = timeout_field(ui, ui.make_persistent_id("spacy-timeout"), spacy.timeout_secs)
            {
                spacy.timeout_secs = t;
            }
            let mut remove = None;
            for (i, e) in s.external.iter_mut().enumerate() {
                ui.separator();
                let id = ui.make_persistent_id(("outside-engine", i));
                ui.horizontal(|ui| {
                    let on = format!("{} on", e.name);
                    ui.checkbox(&mut e.enabled, on);
                    if ui
                        .small_button("Remove")
                        .on_hover_text(format!("Remove the engine {}", e.name))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
                if let Some(n) = field(ui, "Name", id.with("name"), &e.name, "Its name in suggestions and filters") {
                    e.name = n.trim().to_string();
                }
                let line = external::join_command(&e.command, &e.args);
                if let Some(c) = field(
                    ui,
                    "Command",
                    id.with("command"),
                    &line,
                    "The program and its arguments, quoted as in a shell",
                ) {
                    let mut words = external::split_command(&c).into_iter();
                    e.command = words.next().unwrap_or_default();
                    e.args = words.collect();
                }
                let shown = external::show_mapping(&e.labels);
                if let Some(m) = field(
                    ui,
                    "Labels",
                    id.with("labels"),
                    &shown,
                    "The engine's labels as the project's: PERSON=PER, GPE=LOC",
                ) {
                    match external::parse_mapping(&m) {
                        Ok(map) => e.labels = map,
                        Err(why) => intents.push(Intent::Say(format!("labels of {}: {why}", e.name))),
                    }
                }
                if let Some(t) = timeout_field(ui, id.with("timeout"), e.timeout_secs) {
                    e.timeout_secs = t;
                }
            }
            if let Some(i) = remove {
                s.external.remove(i);
            }
            ui.separator();
            if ui
                .button("Add an engine")
                .on_hover_text("A program of your own that speaks the engine protocol")
                .clicked()
            {
                let taken = |n: &str| s.external.iter().any(|e| e.name == n);
                let name = (1..)
                    .map(|k| format!("engine{k}"))
                    .find(|n| !taken(n))
                    .unwrap_or_default();
                let mut e = crate::model::ExternalEngine::new(name, "");
                // A new engine runs once it has a command.
                e.enabled = false;
                s.external.push(e);
            }
        });
    if s != *current {
        intents.push(Intent::Execute(Command::SetMatcherSettings { settings: s }));
    }
}
