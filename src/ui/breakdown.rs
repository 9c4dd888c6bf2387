//! Charts and tables of counts by category and attribute (`app::breakdown`): documents per
//! category value, quotes per speaker gender and the like. The Dashboard draws them; any
//! window that counts quotes (Who said what) can too.

use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, Plot};

use super::colors;
use crate::app::breakdown::{Breakdown, UNKNOWN};

/// A bar per value, then one for unknown (grey), titled with the breakdown's name.
pub fn chart(ui: &mut Ui, id: &str, title: &str, b: &Breakdown) {
    ui.strong(format!("{title} {}", b.name));
    let total = b.total();
    if total == 0 {
        ui.weak("Nothing to count yet.");
        return;
    }
    let mut names: Vec<String> = b.values.iter().map(|v| v.0.clone()).collect();
    names.push(UNKNOWN.into());
    let fill = colors::quote_color(ui.visuals()).gamma_multiply(0.85);
    let mut bars: Vec<Bar> = b
        .values
        .iter()
        .enumerate()
        .map(|(i, (v, n))| Bar::new(i as f64, *n as f64).name(v).fill(fill).width(0.7))
        .collect();
    bars.push(
        Bar::new(b.values.len() as f64, b.unknown as f64)
            .name(UNKNOWN)
            .fill(Color32::GRAY)
            .width(0.7),
    );
    bar_plot(ui, id, 150.0, names, bars);
    let parts: Vec<String> = b
        .values
        .iter()
        .map(|(v, n)| format!("{v} {n}"))
        .chain(std::iter::once(format!("{UNKNOWN} {}", b.unknown)))
        .collect();
    ui.weak(parts.join(" · "));
}

/// Per document: a row of counts per value, then unknown.
pub fn per_document_table(
    ui: &mut Ui,
    id: &str,
    b: &Breakdown,
    rows: &[(String, Vec<usize>, usize)],
) {
    egui::Grid::new(id).striped(true).show(ui, |ui| {
        ui.strong("document");
        for (v, _) in &b.values {
            ui.strong(v);
        }
        ui.strong(UNKNOWN);
        ui.end_row();
        for (doc, counts, unknown) in rows {
            ui.label(doc);
            for n in counts {
                ui.label(n.to_string());
            }
            ui.label(unknown.to_string());
            ui.end_row();
        }
    });
}

/// A bar chart of named bars, one per whole number on the x axis, without zoom or drag.
pub fn bar_plot(ui: &mut Ui, id: &str, height: f32, names: Vec<String>, bars: Vec<Bar>) {
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([false, true])
        .include_y(0.0)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            names.get(i as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(id.to_string(), bars))
        });
}
