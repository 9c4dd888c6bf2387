//! The `?` overlay: every shortcut from the table, and the label keys of this project.

use egui::{Context, Id, Modal};

use crate::app::shortcuts::Action;
use crate::model::Project;

/// Show the overlay; returns whether it stays open.
pub fn show(ctx: &Context, project: &Project) -> bool {
    let mut open = true;
    let response = Modal::new(Id::unique("shortcuts-overlay")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("Keyboard shortcuts");
        egui::ScrollArea::vertical().max_height(520.0).show(ui, |ui| {
            egui::Grid::new("shortcut-grid")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for action in Action::all() {
                        if matches!(action, Action::ApplyLabel(_) | Action::CurateTake(_)) {
                            continue;
                        }
                        let keys: Vec<String> = action
                            .shortcuts()
                            .iter()
                            .map(|s| ctx.format_shortcut(s))
                            .collect();
                        ui.monospace(if keys.is_empty() { "—".into() } else { keys.join("  ") });
                        ui.label(action.label());
                        ui.weak(action.help());
                        ui.end_row();
                    }
                    ui.monospace("1 … 9");
                    ui.label("Take annotator 1 … 9");
                    ui.weak(Action::CurateTake(1).help());
                    ui.end_row();
                    for label in &project.labels.labels {
                        if let Some(k) = label.key {
                            ui.monospace(k.to_string());
                            ui.label(format!("Label {}", label.name));
                            ui.weak(Action::ApplyLabel(k).help());
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
    if response.should_close() {
        open = false;
    }
    open
}
