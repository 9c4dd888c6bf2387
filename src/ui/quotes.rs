//! The Quotes tab: this document's quotes (speaker, cue, kind, first words; click to select),
//! and "who said what": every quote in the project grouped by speaker, with counts.

use egui::{RichText, Ui};

use super::Intent;
use crate::app::{breakdown, quoting};
use crate::model::{AttrItem, DocId, Document, Project, QuoteId};

#[derive(Default)]
pub struct QuotesPanel {
    pub whole_project: bool,
}

/// What the tab asks for beyond intents: select this quote (opening its document).
pub struct Jump(pub DocId, pub QuoteId);

impl QuotesPanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        doc: Option<&Document>,
        selected: Option<QuoteId>,
        intents: &mut Vec<Intent>,
    ) -> Option<Jump> {
        let mut jump = None;
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.whole_project, false, "This document");
            ui.selectable_value(&mut self.whole_project, true, "Who said what");
        });
        ui.separator();
        if self.whole_project {
            let groups = quoting::who_said_what(project);
            let total: usize = groups.iter().map(|g| g.1.len()).sum();
            ui.label(
                RichText::new(format!("{total} quotes by {} speakers", groups.len())).strong(),
            );
            // Quotes by each speaker attribute (gender…), as the Dashboard counts them.
            for b in breakdown::quotes_by_attribute(project, &project.documents)
                .iter()
                .filter(|b| b.name.starts_with("speaker "))
            {
                super::breakdown::chart(ui, &format!("who-said-what-{}", b.name), "Quotes by", b);
            }
            egui::ScrollArea::vertical()
                .id_salt("who-said-what")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (speaker, quotes) in &groups {
                        egui::CollapsingHeader::new(format!("{speaker} · {}", quotes.len()))
                            .id_salt(("speaker", speaker))
                            .show(ui, |ui| {
                                for (d, q) in quotes {
                                    let Some(doc) = project.document(*d) else {
                                        continue;
                                    };
                                    let Some(quote) = doc.quote(*q) else { continue };
                                    let text = format!(
                                        "{}: {}",
                                        doc.name,
                                        quoting::summary(project, doc, quote)
                                    );
                                    if ui.selectable_label(false, text).clicked() {
                                        jump = Some(Jump(*d, *q));
                                    }
                                }
                            });
                    }
                    if groups.is_empty() {
                        ui.weak("No quotes yet: select what was said and press Q.");
                    }
                });
            return jump;
        }
        let Some(doc) = doc else {
            ui.weak("Open a document to see its quotes.");
            return None;
        };
        ui.label(RichText::new(format!("{} quotes", doc.quotes.len())).strong());
        ui.weak("Q makes the selection a quote; with a quote selected, S sets the speaker, C the cue, K the kind, Shift+Q adds a part, Delete removes it.");
        if let Some(q) = selected.filter(|q| doc.quote(*q).is_some()) {
            super::attributes::section(
                ui,
                project,
                "Selected quote's attributes",
                AttrItem::Quote(doc.id, q),
                intents,
            );
            ui.separator();
        }
        egui::ScrollArea::vertical()
            .id_salt("quotes-list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for q in &doc.quotes {
                    let mut text = quoting::summary(project, doc, q);
                    for (k, v) in q.attributes.iter() {
                        text.push_str(&format!(" · {k}: {v}"));
                    }
                    let resp = ui.selectable_label(selected == Some(q.id), text);
                    if resp.clicked() {
                        jump = Some(Jump(doc.id, q.id));
                    }
                    resp.context_menu(|ui| {
                        if ui.button("Delete quote").clicked() {
                            if let Some(c) = quoting::delete_quote(project, doc.id, q.id) {
                                intents.push(Intent::Execute(c));
                            }
                            ui.close();
                        }
                    });
                }
            });
        jump
    }
}
