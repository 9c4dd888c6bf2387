//! The status bar: document, selection, pointer or caret offset, counts, saved or not, and the
//! last message (review says there what a key did and where the focus went).

use egui::Ui;

use super::workbench::Workbench;

/// Returns true when the user asked to cancel the running job.
pub fn ui(ui: &mut Ui, app: &Workbench, message: Option<&str>, hover: Option<usize>) -> bool {
    let project = &app.session.project;
    let mut cancel = false;
    if let Some((title, progress)) = app.job_progress() {
        ui.horizontal(|ui| {
            let (fraction, text, stage) = progress_bar(&title, &progress);
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(260.0)
                    .text(text),
            );
            ui.weak(stage);
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
    }
    ui.horizontal(|ui| {
        if app.session.is_dirty() {
            ui.colored_label(ui.visuals().warn_fg_color, "• unsaved");
        } else {
            ui.weak("saved");
        }
        ui.separator();
        match app.editing.open_document(project) {
            Some(doc) => {
                let i = project.document_index(doc.id).map(|i| i + 1).unwrap_or(0);
                ui.label(format!(
                    "{} ({i}/{}) · {} spans · {} quotes",
                    doc.name,
                    project.documents.len(),
                    doc.spans.len(),
                    doc.quotes.len()
                ));
                ui.separator();
                let at = app
                    .editing
                    .selection
                    .map(|s| format!("selection {}..{}", s.start, s.end))
                    .or_else(|| hover.map(|h| format!("offset {h}")))
                    .or_else(|| app.editing.caret.map(|c| format!("caret {c}")))
                    .unwrap_or_else(|| "offset –".into());
                ui.weak(at);
            }
            None => {
                ui.weak("no document");
            }
        }
        ui.separator();
        let (docs, spans, quotes, entities) = project.counts();
        ui.weak(format!(
            "project: {docs} documents · {spans} spans · {quotes} quotes · {entities} entities"
        ));
        if let Some(m) = message {
            ui.separator();
            ui.add(egui::Label::new(m).truncate()).on_hover_text(m);
        }
    });
    cancel
}

/// A job's progress as a bar shows it: the fraction done, the bar's text ("importing csv: 12
/// of 40", or sizes when the job counts bytes: "importing csv: 1.2 of 8.0 MB"), and the stage.
pub fn progress_bar(title: &str, progress: &crate::app::jobs::Progress) -> (f32, String, String) {
    let (done, total, stage) = progress.get();
    let fraction = if total > 0 {
        (done as f64 / total as f64) as f32
    } else {
        0.0
    };
    let text = if progress.counts_bytes() {
        let mb = |n: usize| n as f64 / 1_000_000.0;
        format!("{title}: {:.1} of {:.1} MB", mb(done), mb(total))
    } else {
        format!("{title}: {done} of {total}")
    };
    (fraction, text, stage)
}
