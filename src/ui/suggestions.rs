//! The Suggestions tab: the open document's suggestions, sortable and filterable, with the
//! threshold slider that bulk-accepts above a score and a run over the whole project.

use egui::{RichText, Ui};

use super::Intent;
use crate::app::learning::Learner;
use crate::app::review::{Key, Order, Review};
use crate::app::shortcuts::Action;
use crate::model::{Document, Project, Suggestion};

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
    model_ui(ui, project, learner);
    settings_ui(ui, project, intents);

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
            .selected_text(review.filter.engine.unwrap_or("all"))
            .show_ui(ui, |ui| {
                for e in [
                    None,
                    Some("gazetteer"),
                    Some("learned"),
                    Some("rules"),
                    Some(crate::matcher::model::ENGINE),
                    Some("quotes"),
                ] {
                    ui.selectable_value(&mut review.filter.engine, e, e.unwrap_or("all"));
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
                    ui.weak(s.engine);
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
                            "Trained on WikiGold (Wikipedia, CC BY 4.0); retrained on your own annotations once you have some",
                        );
                } else {
                    ui.label(format!(
                        "trained on {} document{} / {} names",
                        info.documents,
                        if info.documents == 1 { "" } else { "s" },
                        info.names
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
    use crate::app::Command;
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
