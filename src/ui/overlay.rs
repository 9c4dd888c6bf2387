//! The `?` overlay: every shortcut from the table, and the label keys of this project. Keys
//! are written as people write them (`]`, `?`, `Shift+PgDn`), not by egui's key names; Esc,
//! Enter or `?` again close it.

use egui::{Context, Id, Modal};

use super::key_binding::display_text;
use crate::app::keymap::Action;
use crate::model::Project;

/// Show the overlay; returns whether it stays open.
pub fn show(ctx: &Context, project: &Project) -> bool {
    let mut open = true;
    let keys = super::widgets::dialog_keys(ctx);
    // Fit the window: a small one gets a narrower list whose descriptions wrap.
    let screen = ctx.content_rect();
    let width = (screen.width() - 60.0).clamp(300.0, 820.0);
    let height = (screen.height() - 150.0).max(160.0);
    let response = Modal::new(Id::unique("shortcuts-overlay")).show(ctx, |ui| {
        ui.set_max_width(width);
        ui.heading("Keyboard shortcuts");
        egui::ScrollArea::vertical().max_height(height).show(ui, |ui| {
            egui::Grid::new("shortcut-grid")
                .striped(true)
                .num_columns(3)
                .max_col_width(width * 0.45)
                .show(ui, |ui| {
                    for action in Action::all() {
                        if matches!(
                            action,
                            Action::ApplyLabel(_)
                                | Action::CurateTake(_)
                                | Action::AttributeValue(2..=9)
                        ) {
                            continue;
                        }
                        let keys: Vec<String> = action
                            .shortcuts()
                            .iter()
                            .map(|s| display_text(ctx, *s))
                            .collect();
                        ui.monospace(if keys.is_empty() { "—".into() } else { keys.join("  ") });
                        ui.add(egui::Label::new(action.label()).wrap());
                        ui.add(egui::Label::new(egui::RichText::new(action.help()).weak()).wrap());
                        ui.end_row();
                    }
                    ui.monospace("1 … 9");
                    ui.label("Take annotator 1 … 9");
                    ui.add(egui::Label::new(egui::RichText::new(Action::CurateTake(1).help()).weak()).wrap());
                    ui.end_row();
                    for label in &project.labels.labels {
                        if let Some(k) = label.key {
                            ui.monospace(k.to_string());
                            ui.label(format!("Label {}", label.name));
                            ui.add(egui::Label::new(egui::RichText::new(Action::ApplyLabel(k).help()).weak()).wrap());
                            ui.end_row();
                        }
                    }
                });
            ui.add_space(6.0);
            ui.weak("Mouse: drag to select (across lines too), double-click a word, triple-click a paragraph, shift-click to extend, click a span to select it.");
        });
        if ui.button("Close").clicked() {
            open = false;
        }
    });
    if keys.confirm || keys.cancel || response.backdrop_response.clicked() {
        open = false;
    }
    open
}
