//! The window's body: the documents panel (left), the inspector (right: labels, entities,
//! span, suggestions, quotes) and the text between them.
//!
//! Each side panel has the width the user gave it by dragging its divider, remembered in the
//! preferences, and never the width of its widest content: egui's own resizable panel grows to
//! fit whatever it holds (a long entity name, a wide table) and keeps that width, which
//! reflowed the document on every tab switch. Here each panel is drawn at an exact width (its
//! content wraps or is clipped) and the divider is our own drag handle. The text keeps at
//! least half the window: when the window is too narrow for both panels at their widths, both
//! shrink in proportion (the remembered widths stay, for a wider window). F9 and F10 hide and
//! show the panels; a hidden panel leaves a narrow strip with a button to bring it back.

use egui::{CursorIcon, Id, Rect, Sense, Ui, UiBuilder};

use super::Intent;
use super::workbench::{RightTab, Workbench};
use super::{span_panel, suggestions};
use crate::app::prefs::PanelPrefs;

/// Narrowest widths a panel can be dragged to.
pub const MIN_DOCUMENTS: f32 = 120.0;
pub const MIN_INSPECTOR: f32 = 200.0;
/// Width of a hidden panel's strip.
const STRIP: f32 = 24.0;

/// A side panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Documents,
    Inspector,
}

impl Side {
    fn name(self) -> &'static str {
        match self {
            Side::Documents => "documents panel",
            Side::Inspector => "side panel",
        }
    }
}

/// Where the panels and the text were drawn last frame (for tests and the layout).
#[derive(Clone, Copy, Debug, Default)]
pub struct PanelRects {
    pub documents: Option<Rect>,
    pub inspector: Option<Rect>,
    pub text: Option<Rect>,
}

/// The widths to draw the open panels at in a window `total` points wide: the user's widths,
/// shrunk in proportion where needed so the text keeps at least half the window.
pub fn fit(p: &PanelPrefs, total: f32) -> (f32, f32) {
    let left = if p.documents_open {
        p.documents_width.max(MIN_DOCUMENTS)
    } else {
        STRIP
    };
    let right = if p.inspector_open {
        p.inspector_width.max(MIN_INSPECTOR)
    } else {
        STRIP
    };
    let room = (total / 2.0).max(0.0);
    if left + right <= room {
        return (left, right);
    }
    let k = room / (left + right);
    let min_left = if p.documents_open {
        MIN_DOCUMENTS
    } else {
        STRIP
    };
    let min_right = if p.inspector_open {
        MIN_INSPECTOR
    } else {
        STRIP
    };
    let l = (left * k).max(min_left);
    let r = (room - l).max(min_right);
    (l, r)
}

/// A divider dragged: `side` takes `width`, within its minimum and what leaves the text half
/// the window; the other panel gives up room if the two no longer fit. (Clamping against the
/// other panel's shown width instead would feed back: the narrower one panel is drawn, the
/// wider the other gets, and a divider could not be dragged outwards at all.)
pub fn drag_to(p: &mut PanelPrefs, side: Side, width: f32, total: f32) {
    let room = total / 2.0;
    let (this, this_min, other, other_min, other_open) = match side {
        Side::Documents => (
            &mut p.documents_width,
            MIN_DOCUMENTS,
            &mut p.inspector_width,
            MIN_INSPECTOR,
            p.inspector_open,
        ),
        Side::Inspector => (
            &mut p.inspector_width,
            MIN_INSPECTOR,
            &mut p.documents_width,
            MIN_DOCUMENTS,
            p.documents_open,
        ),
    };
    let other_shown = if other_open { other_min } else { STRIP };
    *this = width.clamp(this_min, (room - other_shown).max(this_min));
    if other_open && *this + *other > room {
        *other = (room - *this).max(other_min);
    }
}

impl Workbench {
    /// Hide or show a side panel (F9, F10).
    pub(super) fn toggle_panel(&mut self, side: Side) {
        let p = &mut self.prefs.panels;
        let open = match side {
            Side::Documents => &mut p.documents_open,
            Side::Inspector => &mut p.inspector_open,
        };
        *open = !*open;
        let (state, key) = match (side, *open) {
            (Side::Documents, true) => ("shown", "F9"),
            (Side::Documents, false) => ("hidden", "F9"),
            (Side::Inspector, true) => ("shown", "F10"),
            (Side::Inspector, false) => ("hidden", "F10"),
        };
        self.say(format!("{} {state} ({key})", side.name()));
    }

    /// The width the text had last frame (for tests).
    pub fn text_width(&self) -> f32 {
        self.panel_rects.text.map_or(0.0, |r| r.width())
    }

    /// The side panels' widths last frame, 0 when hidden (for tests).
    pub fn panel_widths(&self) -> (f32, f32) {
        let w = |r: Option<Rect>| r.map_or(0.0, |r| r.width());
        (w(self.panel_rects.documents), w(self.panel_rects.inspector))
    }

    /// The side panels and the text between them.
    pub(super) fn body(&mut self, ui: &mut Ui, intents: &mut Vec<Intent>) {
        let total = ui.available_rect_before_wrap().width();
        let (left, right) = fit(&self.prefs.panels, total);
        let panels = self.prefs.panels;

        self.panel_rects.documents = None;
        if panels.documents_open {
            let resp = egui::Panel::left("documents")
                .resizable(false)
                .exact_size(left)
                .show(ui, |ui| {
                    contained(ui, |ui| {
                        intents.extend(self.documents.ui(
                            ui,
                            &self.session.project,
                            self.editing.doc,
                        ));
                    });
                });
            let rect = resp.response.rect;
            self.panel_rects.documents = Some(rect);
            if let Some(x) = divider(ui, rect.right(), rect, "documents-divider") {
                drag_to(
                    &mut self.prefs.panels,
                    Side::Documents,
                    x - rect.left(),
                    total,
                );
            }
        } else {
            strip(ui, Side::Documents, intents);
        }

        self.panel_rects.inspector = None;
        if panels.inspector_open {
            let resp = egui::Panel::right("inspector")
                .resizable(false)
                .exact_size(right)
                .show(ui, |ui| contained(ui, |ui| self.inspector(ui, intents)));
            let rect = resp.response.rect;
            self.panel_rects.inspector = Some(rect);
            if let Some(x) = divider(ui, rect.left(), rect, "inspector-divider") {
                drag_to(
                    &mut self.prefs.panels,
                    Side::Inspector,
                    rect.right() - x,
                    total,
                );
            }
        } else {
            strip(ui, Side::Inspector, intents);
        }

        // The text gets what the side panels leave, and nothing it draws reaches under them
        // (where it would take their clicks).
        let room = ui.available_rect_before_wrap();
        self.panel_rects.text = Some(room);
        egui::CentralPanel::default().show(ui, |ui| {
            ui.shrink_clip_rect(room);
            let more = self.central(ui);
            intents.extend(more);
        });
    }

    /// The inspector's tabs and the open tab.
    fn inspector(&mut self, ui: &mut Ui, intents: &mut Vec<Intent>) {
        // Text boxes fit the panel rather than widen it.
        ui.spacing_mut().text_edit_width = (ui.available_width() - 8.0).clamp(80.0, 280.0);
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.right_tab, RightTab::Labels, "Labels");
            ui.selectable_value(&mut self.right_tab, RightTab::Entities, "Entities");
            ui.selectable_value(&mut self.right_tab, RightTab::Span, "Span");
            ui.selectable_value(&mut self.right_tab, RightTab::Suggestions, "Suggestions");
            ui.selectable_value(&mut self.right_tab, RightTab::Quotes, "Quotes");
            ui.selectable_value(&mut self.right_tab, RightTab::Document, "Document");
        });
        ui.separator();
        let project = &self.session.project;
        let doc = self.editing.open_document(project);
        let span = doc.and_then(|d| self.editing.selected_span.and_then(|s| d.span(s)));
        match self.right_tab {
            RightTab::Labels => intents.extend(self.labels.ui(ui, project)),
            RightTab::Entities => {
                // The entity's details and the merge search sit below the list: on a low
                // window they are reached by scrolling the tab.
                let width = ui.available_width() - ui.spacing().scroll.bar_width - 6.0;
                egui::ScrollArea::vertical()
                    .id_salt("entities-tab")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        // Rows wrap within the panel rather than widen the scrolled area.
                        ui.set_max_width(width);
                        intents.extend(self.entities.ui(ui, project, doc, span));
                    });
            }
            RightTab::Span => intents.extend(span_panel::ui(ui, project, doc, span)),
            RightTab::Document => {
                let suggested = doc
                    .map(|d| self.review.suggested_categories(d.id))
                    .unwrap_or_default();
                super::document_tab::ui(ui, project, doc, &suggested, intents);
            }
            RightTab::Quotes => {
                let jump = self
                    .quotes
                    .ui(ui, project, doc, self.editing.selected_quote, intents);
                if let Some(super::quotes::Jump(d, q)) = jump {
                    self.editing.open_doc(Some(d));
                    self.editing.selected_quote = Some(q);
                    self.editing.selected_span = None;
                    if let Some(e) = self.session.project.document(d).and_then(|d| d.quote(q)) {
                        self.editing.scroll_to = Some(e.extent().start);
                    }
                }
            }
            RightTab::Suggestions => {
                let revision = self.session.revision();
                let busy = doc.is_some_and(|d| self.review.busy(d.id, revision));
                let visible: Vec<crate::model::Suggestion> = doc
                    .map(|d| {
                        self.review
                            .visible(project, d)
                            .into_iter()
                            .cloned()
                            .collect()
                    })
                    .unwrap_or_default();
                let refs: Vec<&crate::model::Suggestion> = visible.iter().collect();
                let out = suggestions::ui(
                    ui,
                    project,
                    doc,
                    &mut self.review,
                    &self.learner,
                    &refs,
                    busy,
                    intents,
                );
                if let Some(k) = out.focus {
                    self.editing.scroll_to = Some(k.start);
                    self.review.current = Some(k);
                    self.editing.selection = None;
                    self.editing.selected_span = None;
                }
                if out.run_all {
                    self.review.run_all(project, revision);
                }
            }
        }
    }
}

/// Draw a panel's content in its room and report only that room to the panel: a row wider
/// than the panel (a long name with a button beside it) is clipped at the panel's edge
/// instead of widening the panel — egui's panel would otherwise take the row's width, and an
/// exact-width right panel would even shift over the text.
fn contained<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    let room = ui.available_rect_before_wrap();
    let mut child = ui.new_child(UiBuilder::new().max_rect(room).layout(*ui.layout()));
    child.shrink_clip_rect(room.expand(2.0));
    let out = add(&mut child);
    let used = child.min_rect();
    let height = (used.max.y - room.min.y).max(0.0);
    ui.advance_cursor_after_rect(Rect::from_min_size(
        room.min,
        egui::vec2(room.width(), height),
    ));
    out
}

/// The drag handle on a panel's edge at `x`: always drawn as a line, brighter under the
/// pointer. Returns where the pointer is while it is dragged.
fn divider(ui: &mut Ui, x: f32, panel: Rect, id: &str) -> Option<f32> {
    let grab = ui.style().interaction.resize_grab_radius_side.max(3.0);
    let rect = Rect::from_x_y_ranges(x - grab..=x + grab, panel.y_range());
    let resp = ui.interact(rect, Id::unique(id), Sense::drag());
    resp.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Splitter,
            true,
            if id.starts_with("documents") {
                "Documents panel width"
            } else {
                "Side panel width"
            },
        )
    });
    let visuals = ui.visuals();
    let stroke = if resp.dragged() {
        visuals.widgets.active.fg_stroke
    } else if resp.hovered() {
        visuals.widgets.hovered.fg_stroke
    } else {
        visuals.widgets.noninteractive.bg_stroke
    };
    ui.painter().vline(x, panel.y_range(), stroke);
    if resp.hovered() || resp.dragged() {
        ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal);
    }
    if resp.dragged() {
        resp.interact_pointer_pos().map(|p| p.x)
    } else {
        None
    }
}

/// A hidden panel's strip, with a button that brings it back.
fn strip(ui: &mut Ui, side: Side, intents: &mut Vec<Intent>) {
    let (panel, arrow, action) = match side {
        Side::Documents => (
            egui::Panel::left("documents-hidden"),
            "»",
            crate::app::keymap::Action::ToggleDocumentsPanel,
        ),
        Side::Inspector => (
            egui::Panel::right("inspector-hidden"),
            "«",
            crate::app::keymap::Action::ToggleInspectorPanel,
        ),
    };
    panel.resizable(false).exact_size(STRIP).show(ui, |ui| {
        let key = super::key_binding::shortcut_text(ui.ctx(), action);
        if ui
            .small_button(arrow)
            .on_hover_text(format!("Show the {} ({key})", side.name()))
            .clicked()
        {
            intents.push(Intent::Do(action));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_keeps_half_the_window() {
        let p = PanelPrefs::default();
        // Wide: the user's widths.
        assert_eq!(fit(&p, 1600.0), (220.0, 320.0));
        // 900 wide: both shrink in proportion to 450 together.
        let (l, r) = fit(&p, 900.0);
        assert!((l + r - 450.0).abs() < 0.01, "{l} {r}");
        assert!(l >= MIN_DOCUMENTS && r >= MIN_INSPECTOR);
        // A hidden panel gives its room to the text.
        let hidden = PanelPrefs {
            inspector_open: false,
            ..p
        };
        assert_eq!(fit(&hidden, 900.0), (220.0, STRIP));
        // Widths dragged too wide are still held to half the window.
        let wide = PanelPrefs {
            documents_width: 900.0,
            inspector_width: 900.0,
            ..p
        };
        let (l, r) = fit(&wide, 1000.0);
        assert!(l + r <= 500.01, "{l} {r}");
    }

    #[test]
    fn dragging_one_divider_outwards_takes_room_from_the_other_panel() {
        let mut p = PanelPrefs::default();
        // 900 wide: the text keeps 450. Dragged to 300, the documents panel stops where the
        // inspector keeps its minimum, and the inspector gives up the rest.
        drag_to(&mut p, Side::Documents, 300.0, 900.0);
        assert_eq!(p.documents_width, 450.0 - MIN_INSPECTOR);
        assert_eq!(p.inspector_width, MIN_INSPECTOR);
        assert_eq!(fit(&p, 900.0), (450.0 - MIN_INSPECTOR, MIN_INSPECTOR));
        // Dragged back in: the inspector keeps what it has.
        drag_to(&mut p, Side::Documents, 180.0, 900.0);
        assert_eq!(fit(&p, 900.0), (180.0, MIN_INSPECTOR));
        // With the inspector hidden, the documents panel may take the whole half.
        p.inspector_open = false;
        drag_to(&mut p, Side::Documents, 600.0, 900.0);
        assert_eq!(p.documents_width, 450.0 - STRIP);
    }
}
