//! The caret and the marker of the focused suggestion, as painted over the text, and the
//! caret's move by a screen row (which needs the layout, so it is done here and not in
//! `app::editing`).
//!
//! The caret is a thin bar that does not blink: a blinking caret repaints the window twice a
//! second for nothing, and a reviewer glancing back at the screen finds a steady one at once.

use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, pos2};

use super::para_geometry::ParaGeom;

/// Paint the caret at `rect` (zero width, the height of its row).
pub fn paint_caret(painter: &Painter, rect: Rect, color: Color32) {
    let x = rect.min.x.round();
    painter.line_segment(
        [pos2(x, rect.min.y - 1.0), pos2(x, rect.max.y + 1.0)],
        Stroke::new(2.0, color),
    );
}

/// Mark the focused suggestion so it reads as "here", like a caret: a bar before its first
/// character and a small flag above it.
pub fn paint_focus_marker(painter: &Painter, first: Rect, color: Color32) {
    let x = first.min.x - 3.0;
    painter.line_segment(
        [pos2(x, first.min.y - 4.0), pos2(x, first.max.y + 3.0)],
        Stroke::new(3.0, color),
    );
    let top = first.min.y - 4.0;
    painter.add(Shape::convex_polygon(
        vec![
            pos2(x - 5.0, top - 6.0),
            pos2(x + 5.0, top - 6.0),
            pos2(x, top),
        ],
        color,
        Stroke::NONE,
    ));
}

/// Where the caret at `caret` lands one screen row down (or up), among the paragraphs shown
/// this frame. `None` when that row is not on screen (the caller scrolls first).
pub fn row_target(
    shown: &[&ParaGeom],
    caret: usize,
    down: bool,
    row_height: f32,
    gap: f32,
) -> Option<usize> {
    let here = shown
        .iter()
        .rev()
        .find(|g| g.char_start <= caret)
        .and_then(|g| g.caret_rect(caret))?;
    let sign = if down { 1.0 } else { -1.0 };
    let y = here.center().y;
    // One row; past a paragraph's end, also the gap to the next.
    for step in [
        row_height,
        row_height * (1.0 + gap),
        row_height * (1.0 + 2.0 * gap),
    ] {
        let target = Pos2::new(here.min.x, y + sign * step);
        if let Some(g) = shown.iter().find(|g| {
            let r = g.text_rect();
            r.y_range().contains(target.y)
        }) {
            let at = g.offset_at(target);
            if at != caret {
                return Some(at);
            }
        }
    }
    // Nothing on screen that way.
    None
}
