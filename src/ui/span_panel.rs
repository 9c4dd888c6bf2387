//! The Span tab: everything about the selected span, and the controls to change it.

use egui::{RichText, Ui};

use super::{Intent, RightTab};
use crate::app::Command;
use crate::app::gestures;
use crate::app::keymap::Action;
use crate::model::{AttrItem, Document, Mention, Project, Span};
use crate::text::plural;

pub fn ui(
    ui: &mut Ui,
    project: &Project,
    doc: Option<&Document>,
    span: Option<&Span>,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    let (Some(doc), Some(span)) = (doc, span) else {
        ui.weak("No span selected. Click a span, or press ] to select the next one.");
        return intents;
    };
    let text = gestures::span_text(doc, span);
    ui.label(RichText::new(&text).heading());
    egui::Grid::new("span-details")
        .num_columns(2)
        .show(ui, |ui| {
            let l = ui.label("Label");
            let mut label = span.label;
            egui::ComboBox::from_id_salt("span-label")
                .selected_text(label.as_str())
                .show_ui(ui, |ui| {
                    for l in project.labels.names() {
                        ui.selectable_value(&mut label, l.into(), l);
                    }
                })
                .response
                .labelled_by(l.id);
            if label != span.label
                && let Some(c) = gestures::relabel(project, doc.id, span.id, &label)
            {
                intents.push(Intent::Execute(c));
            }
            ui.end_row();

            let l = ui.label("Mention");
            let mut mention = span.mention;
            egui::ComboBox::from_id_salt("span-mention")
                .selected_text(mention.name())
                .show_ui(ui, |ui| {
                    for m in Mention::ALL {
                        ui.selectable_value(&mut mention, m, m.name());
                    }
                })
                .response
                .labelled_by(l.id);
            if mention != span.mention {
                intents.push(Intent::Execute(Command::UpdateSpan {
                    doc: doc.id,
                    span: Span {
                        mention,
                        ..span.clone()
                    },
                }));
            }
            ui.end_row();

            ui.label("Entity");
            match span.entity.and_then(|e| project.entity(e)) {
                Some(e) => ui.label(format!("{} ({})", e.name, e.label)),
                None => ui.weak("not linked"),
            };
            ui.end_row();

            ui.label("Range");
            ui.monospace(format!(
                "{}..{} ({} characters)",
                span.start,
                span.end,
                span.end - span.start
            ));
            ui.end_row();

            ui.label("Origin");
            ui.label(span.origin.describe());
            ui.end_row();

            let quotes: Vec<_> = doc
                .quotes
                .iter()
                .filter(|q| q.speaker == Some(span.id))
                .collect();
            if !quotes.is_empty() {
                ui.label("Speaker of");
                ui.label(format!("{} quote{}", quotes.len(), plural(quotes.len())));
                ui.end_row();
            }
        });
    super::attributes::section(
        ui,
        project,
        "Span attributes",
        AttrItem::Span(doc.id, span.id),
        &mut intents,
    );
    if let Some(e) = span.entity.and_then(|e| project.entity(e)) {
        super::attributes::section(
            ui,
            project,
            &format!("Entity: {}", e.name),
            AttrItem::Entity(e.id),
            &mut intents,
        );
    }
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        if ui.button("Link to entity…").clicked() {
            intents.push(Intent::ShowTab(RightTab::Entities));
            intents.push(Intent::Do(Action::LinkEntity));
        }
        if span.entity.is_none() && ui.button("New entity from span").clicked() {
            intents.push(Intent::Do(Action::NewEntityFromSpan));
        }
        if ui.button("Delete span").clicked() {
            intents.push(Intent::Do(Action::DeleteSpan));
        }
    });
    ui.weak("Shift+Left/Right move the end by a word; Alt+Shift+Left/Right the start.");
    intents
}
