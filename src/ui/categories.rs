//! A document's categories: the Document tab's section (every scheme with its values to click,
//! and each value's key), the documents list's context menu, and the coloured dots beside a
//! categorised document's name. Every change is a `Command::SetCategories` (`app::coding`
//! works out the values a click or key leaves). Categories an outside engine suggests are
//! shown below the schemes, each with Accept (one `SetCategories`) and Reject (hidden for the
//! session); they are never set without the annotator.

use std::collections::HashSet;

use egui::{Id, RichText, Ui};

use super::Intent;
use super::{coding, colors};
use crate::app::coding::toggle_category;
use crate::app::external::accept_category;
use crate::app::keymap::Action;
use crate::matcher::external::CategorySuggestion;
use crate::model::{DocId, Document, Project};

/// A rejected suggestion: document, scheme, value.
type Rejected = HashSet<(DocId, String, String)>;

fn rejected_id() -> Id {
    Id::unique("gloss-rejected-categories")
}

/// The categories outside engines suggest for `doc`, one line each, with Accept and Reject;
/// those the document has already, or that were rejected this session, are left out.
pub fn suggested(
    ui: &mut Ui,
    project: &Project,
    doc: &Document,
    suggested: &[CategorySuggestion],
    intents: &mut Vec<Intent>,
) {
    let rejected: Rejected = ui
        .ctx()
        .data(|d| d.get_temp::<Rejected>(rejected_id()))
        .unwrap_or_default();
    let mut shown: Vec<(&str, &str)> = Vec::new();
    for s in suggested {
        let key = (doc.id, s.scheme.clone(), s.value.clone());
        if rejected.contains(&key) || shown.contains(&(s.scheme.as_str(), s.value.as_str())) {
            continue;
        }
        let Some(command) = accept_category(project, doc.id, s) else {
            continue;
        };
        shown.push((&s.scheme, &s.value));
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "suggested: {} = {} ({}, {:.2})",
                    s.scheme, s.value, s.engine, s.score
                ))
                .italics(),
            );
            let what = if project.scheme(&s.scheme).is_some_and(|d| d.multiple) {
                "Add"
            } else {
                "Set"
            };
            if ui
                .button("Accept")
                .on_hover_text(format!("{what} {} {}", s.scheme, s.value))
                .clicked()
            {
                intents.push(Intent::Execute(command));
            }
            if ui
                .button("Reject")
                .on_hover_text("Dismiss this suggestion for the session")
                .clicked()
            {
                ui.ctx().data_mut(|d| {
                    d.get_temp_mut_or_default::<Rejected>(rejected_id())
                        .insert(key.clone());
                });
            }
        });
    }
}

fn toggle(project: &Project, doc: &Document, scheme: &str, value: &str) -> Option<Intent> {
    toggle_category(project, doc.id, scheme, value).map(Intent::Execute)
}

/// The Document tab's categories: each scheme, its values as buttons with their keys.
pub fn section(ui: &mut Ui, project: &Project, doc: &Document, intents: &mut Vec<Intent>) {
    let on = coding::categorising(ui.ctx());
    ui.horizontal_wrapped(|ui| {
        ui.strong("Categories");
        let text = if on {
            "Categorise mode: on"
        } else {
            "Categorise mode"
        };
        let key = super::key_binding::shortcut_text(ui.ctx(), Action::Categorise);
        if ui
            .selectable_label(on, text)
            .on_hover_text(format!("{} ({key})", Action::Categorise.help()))
            .clicked()
        {
            intents.push(Intent::Do(Action::Categorise));
        }
    });
    if project.schemes.is_empty() {
        ui.weak("No category schemes yet: add one (topic, tone, frame…) in the Labels tab.");
        return;
    }
    let prefix = if on { "" } else { "Alt+" };
    for scheme in &project.schemes {
        let chosen = doc.categories.get(&scheme.name);
        ui.horizontal_wrapped(|ui| {
            let choice = if scheme.multiple { "any" } else { "one" };
            ui.label(RichText::new(&scheme.name).strong())
                .on_hover_text(format!(
                    "{}{}choose {choice}",
                    scheme.description,
                    if scheme.description.is_empty() {
                        ""
                    } else {
                        "\n"
                    }
                ));
            for v in &scheme.values {
                let has = chosen.is_some_and(|c| c.contains(&v.name));
                // The swatch and its value wrap together.
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 3.0;
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 2.0, colors::color32(v.color));
                    let text = match v.key {
                        Some(k) => format!("{} [{k}]", v.name),
                        None => v.name.clone(),
                    };
                    let what = format!("{} {}", scheme.name, v.name);
                    let r = ui.selectable_label(has, text);
                    r.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::Button, true, has, &what)
                    });
                    let r = match v.key {
                        Some(k) => r.on_hover_text(format!("{prefix}{}", k.to_uppercase())),
                        None => r,
                    };
                    if r.clicked()
                        && let Some(i) = toggle(project, doc, &scheme.name, &v.name)
                    {
                        intents.push(i);
                    }
                });
            }
            // Values a file holds that the scheme no longer defines.
            for v in chosen.into_iter().flatten() {
                if scheme.value(v).is_none() {
                    ui.colored_label(ui.visuals().warn_fg_color, v);
                }
            }
        });
    }
    let unknown: Vec<&String> = doc
        .categories
        .keys()
        .filter(|k| project.scheme(k).is_none())
        .collect();
    for k in unknown {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, k);
            ui.label(doc.categories[k].join(", "));
        });
    }
}

/// The documents list's context menu entries: one submenu per scheme.
pub fn menu(ui: &mut Ui, project: &Project, doc: &Document, intents: &mut Vec<Intent>) {
    if project.schemes.is_empty() {
        return;
    }
    ui.separator();
    for scheme in &project.schemes {
        ui.menu_button(&scheme.name, |ui| {
            let chosen = doc.categories.get(&scheme.name);
            for v in &scheme.values {
                let has = chosen.is_some_and(|c| c.contains(&v.name));
                if ui.selectable_label(has, &v.name).clicked() {
                    intents.extend(toggle(project, doc, &scheme.name, &v.name));
                    ui.close();
                }
            }
        });
    }
}

/// A dot in each chosen value's colour, for the documents list row; hover names them.
pub fn dots(ui: &mut Ui, project: &Project, doc: &Document) {
    if doc.categories.is_empty() {
        return;
    }
    let mut names = Vec::new();
    let mut colours = Vec::new();
    for (scheme, values) in &doc.categories {
        for v in values {
            names.push(format!("{scheme}: {v}"));
            if let Some(c) = project.scheme(scheme).and_then(|s| s.value(v)) {
                colours.push(colors::color32(c.color));
            }
        }
    }
    if colours.is_empty() {
        return;
    }
    let size = egui::vec2(7.0 * colours.len() as f32, 10.0);
    let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::hover());
    for (i, c) in colours.iter().enumerate() {
        let center = egui::pos2(rect.left() + 3.5 + 7.0 * i as f32, rect.center().y);
        ui.painter().circle_filled(center, 3.0, *c);
    }
    resp.on_hover_text(names.join("\n"));
}
