//! The "Curate annotators" window (File › Curate annotators…): choose two or more annotators'
//! projects and start curating them.
//!
//! Starting makes a new curated project holding what everyone agrees on and asks where to
//! save it before the first decision, as INCEpTION keeps its curation document from the start:
//! every decision is then journaled like any edit, so a crash loses none of them. A curation
//! left half-way is resumed by opening the curated project and choosing the same annotators
//! with "Continue curating the open project": what is decided is read off the project.
//! Enter starts (when the window is in front and ready), Esc closes it (`window_keys`).

use egui::{Context, RichText};

use super::annotators::{self, Annotators};

/// What the window asks the app for.
#[derive(Debug, PartialEq, Eq)]
pub enum SetupAsk {
    AddFiles,
    /// Compare the annotators and start curating (in the open project when resuming).
    Start,
}

#[derive(Debug, Default)]
pub struct CurationSetup {
    pub open: bool,
    pub annotators: Annotators,
    /// Curate into the open project (resume) instead of a new one.
    pub resume: bool,
}

impl CurationSetup {
    pub fn show(&mut self, ctx: &Context, open_name: &str, busy: bool) -> Option<SetupAsk> {
        let mut ask = None;
        let mut open = self.open;
        let mut ready = false;
        let shown = egui::Window::new("Curate annotators")
            .open(&mut open)
            .default_width(520.0)
            .resizable(true)
            .show(ctx, |ui| {
                ui.label(
                    "Annotations every annotator made alike go into the curated project at once; \
                     each disagreement is then shown side by side for you to decide.",
                );
                ui.add_space(4.0);
                ui.label(RichText::new("Annotators").strong());
                if self.annotators.ui(ui, open_name, !self.resume)
                    == Some(annotators::Ask::AddFiles)
                {
                    ask = Some(SetupAsk::AddFiles);
                }
                ui.add_space(4.0);
                ui.radio_value(
                    &mut self.resume,
                    false,
                    "Start a new curated project (you choose where to save it)",
                );
                ui.radio_value(
                    &mut self.resume,
                    true,
                    format!("Continue curating the open project ({open_name})"),
                );
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    ready = self.annotators.count(!self.resume) >= 2 && !busy;
                    if ui
                        .add_enabled(ready, egui::Button::new("Start curating"))
                        .on_hover_text("Enter")
                        .clicked()
                    {
                        ask = Some(SetupAsk::Start);
                    }
                    if busy {
                        ui.spinner();
                        ui.weak("comparing…");
                    }
                });
            });
        // Enter starts, when this window is in front and no text box or button has the keys.
        let in_front = shown.is_some_and(|r| {
            let layer = r.response.layer_id;
            ctx.memory(|m| m.areas().top_layer_id(egui::Order::Middle)) == Some(layer)
        });
        if ask.is_none()
            && ready
            && in_front
            && ctx.memory(|m| m.focused().is_none())
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
        {
            ask = Some(SetupAsk::Start);
        }
        self.open = open;
        ask
    }
}
