//! The Curation panel: while curating, the current disagreement with every annotator's
//! version side by side (label, text, entity, mention kind; a quote's speaker, cue and kind),
//! the progress ("12 of 40 decided"), and buttons for what the keys do — 1…9 take that
//! annotator's version, A takes all, X or 0 neither, N and P walk the undecided ones.
//!
//! `Curating` is the state of the mode: the `Curation` (the annotators' projects and their
//! disagreements), which disagreement is current, and how each stands in the curated project.
//! That is read off the project after every change (`refresh`), never remembered beside it, so
//! Ctrl+Z un-decides and the panel follows.
//!
//! Document categories and attributes the annotators chose differently are decided from the
//! "Categories" and "Attributes" menus in the panel's top row, one button per annotator's
//! choice.

use egui::{RichText, Ui};

use crate::app::curation::{
    Alternative, AttrPlace, Curation, Decision, Disagreement, Item, Outcome, RegionKind,
};
use crate::model::{Mention, Project};

/// A curation in progress in the window.
pub struct Curating {
    pub curation: Curation,
    /// Index of the disagreement shown.
    pub current: usize,
    outcomes: Vec<Outcome>,
    /// Per category disagreement: the annotators whose choice the curated project holds.
    category_outcomes: Vec<Vec<usize>>,
    /// Per attribute disagreement, likewise.
    attribute_outcomes: Vec<Vec<usize>>,
    /// The session revision `outcomes` were read at.
    seen: Option<u64>,
}

/// What the panel asks the app to do.
#[derive(Debug, PartialEq, Eq)]
pub enum CurationAsk {
    Decide(Decision),
    /// Category disagreement (index) decided by taking an annotator's choice (index).
    DecideCategory(usize, usize),
    /// Attribute disagreement (index) decided by taking an annotator's value (index).
    DecideAttribute(usize, usize),
    /// Next (true) or previous undecided disagreement.
    Step(bool),
    Stop,
}

impl Curating {
    pub fn new(curation: Curation) -> Self {
        Self {
            curation,
            current: 0,
            outcomes: Vec::new(),
            category_outcomes: Vec::new(),
            attribute_outcomes: Vec::new(),
            seen: None,
        }
    }

    /// Re-read how every disagreement stands if the project changed since the last look.
    /// Returns the first disagreement that was decided and is open again (after an undo), so
    /// the view can go back to it.
    pub fn refresh(&mut self, project: &Project, revision: u64) -> Option<usize> {
        if self.seen == Some(revision) {
            return None;
        }
        let new = self.curation.outcomes(project);
        let reopened = (self.outcomes.len() == new.len())
            .then(|| {
                (0..new.len())
                    .find(|&i| self.outcomes[i] != Outcome::Open && new[i] == Outcome::Open)
            })
            .flatten();
        self.outcomes = new;
        self.category_outcomes = (0..self.curation.category_disagreements().len())
            .map(|i| self.curation.category_outcome(project, i))
            .collect();
        self.attribute_outcomes = (0..self.curation.attribute_disagreements().len())
            .map(|i| self.curation.attribute_outcome(project, i))
            .collect();
        self.seen = Some(revision);
        reopened
    }

    pub fn total(&self) -> usize {
        self.curation.disagreements().len()
    }

    pub fn decided(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|o| **o != Outcome::Open)
            .count()
    }

    pub fn all_decided(&self) -> bool {
        self.decided() == self.total()
    }

    pub fn disagreement(&self) -> Option<&Disagreement> {
        self.curation.disagreements().get(self.current)
    }

    fn outcome(&self, i: usize) -> Option<&Outcome> {
        self.outcomes.get(i)
    }

    /// The first undecided disagreement.
    pub fn first_open(&self) -> Option<usize> {
        self.outcomes.iter().position(|o| *o == Outcome::Open)
    }

    /// The next (or previous) undecided disagreement after the current one, wrapping around;
    /// when every one is decided, simply the next (or previous) one, to look them over.
    pub fn step(&self, forward: bool) -> Option<usize> {
        let n = self.total();
        if n == 0 {
            return None;
        }
        let at = |k: usize| {
            if forward {
                (self.current + k) % n
            } else {
                (self.current + n - k % n) % n
            }
        };
        (1..=n)
            .map(at)
            .find(|&i| self.outcome(i) == Some(&Outcome::Open))
            .or_else(|| self.all_decided().then(|| at(1)))
    }

    /// The panel. `Some` when a button was pressed.
    pub fn ui(&self, ui: &mut Ui) -> Option<CurationAsk> {
        let mut ask = None;
        let names = self.curation.annotators();
        let (decided, total) = (self.decided(), self.total());
        ui.horizontal(|ui| {
            ui.label(RichText::new("Curation").strong());
            ui.label(format!("{decided} of {total} decided"));
            let fraction = if total > 0 {
                decided as f32 / total as f32
            } else {
                1.0
            };
            ui.add(egui::ProgressBar::new(fraction).desired_width(160.0));
            ui.weak(format!("annotators: {}", numbered(names).join(", ")));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Stop curating")
                    .on_hover_text("Leave curation mode; the curated project stays open")
                    .clicked()
                {
                    ask = Some(CurationAsk::Stop);
                }
                if ui.button("Next (N)").clicked() {
                    ask = Some(CurationAsk::Step(true));
                }
                if let Some(a) = self.categories_menu(ui) {
                    ask = Some(a);
                }
                if let Some(a) = self.attributes_menu(ui) {
                    ask = Some(a);
                }
                if ui.button("Previous (P)").clicked() {
                    ask = Some(CurationAsk::Step(false));
                }
            });
        });
        if total == 0 {
            ui.label("The annotators agree on everything: there is nothing to decide.");
            return ask;
        }
        if decided == total {
            ui.colored_label(
                ui.visuals().widgets.active.text_color(),
                format!(
                    "All {total} disagreements are decided. Save the curated project with Ctrl+S; \
                     N and P still walk through them to change a decision."
                ),
            );
        }
        let Some(d) = self.disagreement() else {
            return ask;
        };
        let state = match self.outcome(self.current) {
            Some(Outcome::Decided { kept, items_kept }) => {
                if *items_kept == 0 {
                    "decided: neither".to_string()
                } else if kept.is_empty() {
                    format!("decided: {items_kept} kept")
                } else {
                    let who: Vec<String> = kept.iter().map(|&a| annotator(names, a)).collect();
                    format!("decided: {}", who.join(" = "))
                }
            }
            _ => "open".to_string(),
        };
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("Disagreement {} of {total}", self.current + 1));
            ui.label(format!(
                "· {} · {} {}–{} · {state}",
                d.document,
                match d.kind {
                    RegionKind::Spans => "spans at",
                    RegionKind::Quotes => "quotes at",
                },
                d.range.start,
                d.range.end
            ));
        });
        let kept: &[usize] = match self.outcome(self.current) {
            Some(Outcome::Decided { kept, .. }) => kept,
            _ => &[],
        };
        let buttons = ui.spacing().interact_size.y + ui.spacing().item_spacing.y * 2.0;
        egui::ScrollArea::vertical()
            .id_salt("curation-alternatives")
            .auto_shrink([false, false])
            .max_height((ui.available_height() - buttons).max(40.0))
            .show(ui, |ui| {
                ui.columns(d.alternatives.len().max(1), |cols| {
                    for (alt, ui) in d.alternatives.iter().zip(cols.iter_mut()) {
                        if let Some(a) = alternative(ui, names, alt, kept.contains(&alt.annotator))
                        {
                            ask = Some(a);
                        }
                    }
                });
            });
        ui.horizontal(|ui| {
            if ui.button("Take all (A)").clicked() {
                ask = Some(CurationAsk::Decide(Decision::TakeAll));
            }
            if ui
                .button("Neither (X)")
                .on_hover_text("Keep none of them; they are remembered as rejected")
                .clicked()
            {
                ask = Some(CurationAsk::Decide(Decision::Neither));
            }
            ui.weak("Ctrl+Z undoes a decision; H shows the matcher's suggestions.");
        });
        ask
    }
}

impl Curating {
    /// The document categories the annotators chose differently, each with a button per
    /// annotator's choice (the one the curated project holds is ticked).
    fn categories_menu(&self, ui: &mut Ui) -> Option<CurationAsk> {
        let list = self.curation.category_disagreements();
        if list.is_empty() {
            return None;
        }
        let names = self.curation.annotators();
        let open = (0..list.len())
            .filter(|&i| self.category_outcomes.get(i).is_none_or(Vec::is_empty))
            .count();
        let mut ask = None;
        ui.menu_button(format!("Categories ({open} open)"), |ui| {
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    egui::Grid::new("curation-categories")
                        .striped(true)
                        .show(ui, |ui| {
                            for (i, d) in list.iter().enumerate() {
                                ui.label(format!("{} · {}", d.document, d.scheme));
                                let held =
                                    self.category_outcomes.get(i).cloned().unwrap_or_default();
                                for (a, values) in d.choices.iter().enumerate() {
                                    let shown = if values.is_empty() {
                                        "(none)".to_string()
                                    } else {
                                        values.join(", ")
                                    };
                                    let text = format!("{}: {shown}", annotator(names, a));
                                    if ui.selectable_label(held.contains(&a), text).clicked() {
                                        ask = Some(CurationAsk::DecideCategory(i, a));
                                    }
                                }
                                ui.end_row();
                            }
                        });
                });
        });
        ask
    }
}

impl Curating {
    /// The attributes of agreed annotations that the annotators set differently, each with a
    /// button per annotator's value.
    fn attributes_menu(&self, ui: &mut Ui) -> Option<CurationAsk> {
        let list = self.curation.attribute_disagreements();
        if list.is_empty() {
            return None;
        }
        let names = self.curation.annotators();
        let open = (0..list.len())
            .filter(|&i| self.attribute_outcomes.get(i).is_none_or(Vec::is_empty))
            .count();
        let mut ask = None;
        ui.menu_button(format!("Attributes ({open} open)"), |ui| {
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    egui::Grid::new("curation-attributes")
                        .striped(true)
                        .show(ui, |ui| {
                            for (i, d) in list.iter().enumerate() {
                                let at = match &d.place {
                                    AttrPlace::Span { range, label } => {
                                        format!("{label} {}–{}", range.start, range.end)
                                    }
                                    AttrPlace::Quote { content } => format!(
                                        "quote {}–{}",
                                        content.first().map_or(0, |r| r.start),
                                        content.last().map_or(0, |r| r.end)
                                    ),
                                };
                                ui.label(format!("{} · {at} · {}", d.document, d.name));
                                let held =
                                    self.attribute_outcomes.get(i).cloned().unwrap_or_default();
                                for (a, value) in d.choices.iter().enumerate() {
                                    let shown = value.as_deref().unwrap_or("(not set)");
                                    let text = format!("{}: {shown}", annotator(names, a));
                                    if ui.selectable_label(held.contains(&a), text).clicked() {
                                        ask = Some(CurationAsk::DecideAttribute(i, a));
                                    }
                                }
                                ui.end_row();
                            }
                        });
                });
        });
        ask
    }
}

/// "2 · bob": an annotator as the keys number them.
fn annotator(names: &[String], i: usize) -> String {
    format!("{} · {}", i + 1, names.get(i).map_or("?", String::as_str))
}

fn numbered(names: &[String]) -> Vec<String> {
    (0..names.len()).map(|i| annotator(names, i)).collect()
}

/// One annotator's column.
fn alternative(
    ui: &mut Ui,
    names: &[String],
    alt: &Alternative,
    kept: bool,
) -> Option<CurationAsk> {
    let mut ask = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.strong(annotator(names, alt.annotator));
            if let Some(same) = alt.same_as {
                ui.weak(format!("same as {}", same + 1));
            }
            if kept {
                ui.colored_label(ui.visuals().widgets.active.text_color(), "✔ kept");
            }
        });
        if alt.items.is_empty() {
            ui.weak("(nothing here)");
        }
        for item in &alt.items {
            item_ui(ui, item);
        }
        let key = alt.annotator + 1;
        let label = if key <= 9 {
            format!(
                "Take {} ({key})",
                names.get(alt.annotator).map_or("?", String::as_str)
            )
        } else {
            format!(
                "Take {}",
                names.get(alt.annotator).map_or("?", String::as_str)
            )
        };
        if ui.button(label).clicked() {
            ask = Some(CurationAsk::Decide(Decision::Take(alt.annotator)));
        }
    });
    ask
}

/// Long text cut to `n` characters.
fn clip(text: &str, n: usize) -> String {
    let text = text.replace('\n', " ");
    if text.chars().count() <= n {
        return text;
    }
    let cut: String = text.chars().take(n).collect();
    format!("{cut}…")
}

fn item_ui(ui: &mut Ui, item: &Item) {
    match item {
        Item::Span(s) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&s.label).strong());
                ui.label(format!("“{}”", clip(&s.text, 80)));
            });
            let mut notes = Vec::new();
            if s.mention != Mention::Name {
                notes.push(s.mention.name().to_string());
            }
            if let Some(e) = &s.entity {
                notes.push(format!("entity: {e}"));
            }
            if !notes.is_empty() {
                ui.weak(notes.join(" · "));
            }
        }
        Item::Quote(q) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("QUOTE ({})", q.kind.name())).strong());
                ui.label(format!("“{}”", clip(&q.text, 160)));
            });
            let speaker = match &q.speaker {
                Some(s) => {
                    let entity = s
                        .entity
                        .as_ref()
                        .map(|e| format!(", entity {e}"))
                        .unwrap_or_default();
                    format!("speaker: “{}” {}{entity}", s.text, s.label)
                }
                None => "speaker: none".into(),
            };
            ui.weak(speaker);
            let cue = q
                .cue_text
                .as_ref()
                .map_or("cue: none".to_string(), |c| format!("cue: “{c}”"));
            ui.weak(cue);
        }
    }
}
