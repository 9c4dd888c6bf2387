//! Suggestions drawn over one paragraph: outlined, never filled like annotations.
//!
//! A span suggestion is a dashed outline in its label's colour. A quote suggestion has a
//! style of its own, not a label colour, so a reviewer knows that A accepts a quotation and not
//! an ORG (both would be orange otherwise): square brackets at the ends of each part and a
//! dashed bar in the margin beside its rows. The focused suggestion is drawn solid, thicker and
//! tinted, with a caret-like marker before it; a focused quote also marks its proposed speaker
//! and cue. Each suggestion is a click target named "Suggestion LABEL: text".

use egui::{Color32, CornerRadius, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Visuals, pos2};

use super::caret::paint_focus_marker;
use super::colors;
use super::para_geometry::ParaGeom;
use crate::app::review::Key;
use crate::model::{Document, LabelSet, Proposal, Suggestion};
use crate::text::Paragraph;

/// What clicks on suggestions did.
#[derive(Default)]
pub struct MarkClicks {
    pub clicked: Option<Key>,
    /// Where the click was, for the caret.
    pub clicked_at: Option<usize>,
    /// A double-click on a suggestion still selects the word under it.
    pub double_clicked_at: Option<usize>,
    /// The suggestion under the pointer: the review keys (A, X, Shift+X, Shift+A, Ctrl+Shift+A,
    /// the digits) act on it when no suggestion has the focus.
    pub hovered: Option<Key>,
}

/// Everything the marks of one paragraph are drawn from.
pub struct MarkInput<'a> {
    pub items: &'a [&'a Suggestion],
    pub current: Option<&'a Key>,
    pub doc: &'a Document,
    pub para: &'a Paragraph,
    pub labels: &'a LabelSet,
    pub margin: f32,
}

/// Draw the suggestions that touch one paragraph and make them clickable.
pub fn draw(ui: &Ui, geom: &ParaGeom, input: MarkInput<'_>, visuals: &Visuals) -> MarkClicks {
    let MarkInput {
        items,
        current,
        doc,
        para,
        labels,
        margin,
    } = input;
    let mut clicks = MarkClicks::default();
    let painter = ui.painter();
    let quote_color = colors::quote_color(visuals);
    let first = items.partition_point(|s| s.range().1 <= para.char_start);
    for s in items[first..]
        .iter()
        .take_while(|s| s.range().0 < para.char_end.max(para.char_start + 1))
    {
        let (a, b) = s.range();
        let focused = current.is_some_and(|k| *k == Key::of(s));
        let (parts, color, extra) = match &s.proposal {
            Proposal::Quote {
                content,
                speaker,
                cue,
                ..
            } => (content.clone(), quote_color, [*speaker, *cue]),
            Proposal::Span { .. } => {
                let c = colors::label_color(labels, s.label());
                (vec![(a, b)], colors::span_stroke(c, visuals), [None, None])
            }
        };
        let is_quote = matches!(s.proposal, Proposal::Quote { .. });
        let mut k = 0;
        let mut first_rect: Option<Rect> = None;
        for (pa, pb) in parts {
            let rects = geom.rects(pa, pb);
            if is_quote {
                quote_part(
                    painter,
                    geom,
                    &rects,
                    (pa, pb),
                    para,
                    focused,
                    color,
                    margin,
                );
            }
            for r in &rects {
                let r = r.expand(1.5);
                first_rect.get_or_insert(r);
                if is_quote {
                    if focused {
                        painter.rect_filled(r, CornerRadius::same(2), color.gamma_multiply(0.16));
                    }
                } else if focused {
                    painter.rect_filled(r, CornerRadius::same(2), color.gamma_multiply(0.25));
                    painter.rect_stroke(
                        r,
                        CornerRadius::same(2),
                        Stroke::new(2.5, color),
                        StrokeKind::Outside,
                    );
                } else {
                    dashed_rect(painter, r, Stroke::new(1.5, color));
                }
                let id = ui.make_persistent_id(("suggestion", doc.id, a, b, s.label(), k));
                let resp = ui.interact(r, id, Sense::click());
                if k == 0 && a >= para.char_start {
                    let words: String = doc.slice(a, b).chars().take(60).collect();
                    let name = format!("Suggestion {}: {words}", s.label());
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, name.clone())
                    });
                }
                if resp.double_clicked() {
                    if let Some(pos) = resp.interact_pointer_pos() {
                        clicks.double_clicked_at = Some(geom.offset_at(pos));
                    }
                } else if resp.clicked() {
                    clicks.clicked = Some(Key::of(s));
                    clicks.clicked_at = resp.interact_pointer_pos().map(|p| geom.offset_at(p));
                }
                if resp.hovered() {
                    clicks.hovered = Some(Key::of(s));
                }
                resp.on_hover_ui(|ui| tooltip(ui, s, doc.slice(a, b)));
                k += 1;
            }
        }
        if focused {
            if let Some(r) = first_rect
                && a >= para.char_start
            {
                paint_focus_marker(painter, r, color);
            }
            for (sa, sb) in extra.into_iter().flatten() {
                for r in geom.rects(sa, sb) {
                    dashed_rect(painter, r.expand(2.5), Stroke::new(2.0, color));
                }
            }
        }
    }
    clicks
}

/// One part of a quote suggestion: brackets at its ends, a dashed bar in the margin.
#[allow(clippy::too_many_arguments)]
fn quote_part(
    painter: &egui::Painter,
    geom: &ParaGeom,
    rects: &[Rect],
    (start, end): (usize, usize),
    para: &Paragraph,
    focused: bool,
    color: Color32,
    margin: f32,
) {
    let (Some(first), Some(last)) = (rects.first(), rects.last()) else {
        return;
    };
    let w = if focused { 2.5 } else { 1.5 };
    let stroke = Stroke::new(w, color);
    let tick = 4.0;
    let rtl = geom.is_rtl();
    // "[" where the part starts, "]" where it ends (mirrored in a right-to-left paragraph).
    let bracket = |x: f32, r: &Rect, opens_right: bool| {
        let dx = if opens_right { tick } else { -tick };
        let (t, b) = (r.min.y - 1.0, r.max.y + 1.0);
        painter.line_segment([pos2(x, t), pos2(x, b)], stroke);
        painter.line_segment([pos2(x, t), pos2(x + dx, t)], stroke);
        painter.line_segment([pos2(x, b), pos2(x + dx, b)], stroke);
    };
    if start >= para.char_start {
        if rtl {
            bracket(first.max.x + 2.0, first, false);
        } else {
            bracket(first.min.x - 2.0, first, true);
        }
    }
    if end <= para.char_end {
        if rtl {
            bracket(last.min.x - 2.0, last, true);
        } else {
            bracket(last.max.x + 2.0, last, false);
        }
    }
    // The margin bar covers every row of the part in this paragraph.
    let x = if rtl {
        geom.origin.x + geom.width + margin * 0.5
    } else {
        geom.origin.x - margin * 0.5
    };
    let (top, bottom) = rects
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(t, b), r| {
            (t.min(r.min.y), b.max(r.max.y))
        });
    let pts = [Pos2::new(x, top), Pos2::new(x, bottom)];
    if focused {
        painter.line_segment(pts, Stroke::new(3.0, color));
    } else {
        painter.extend(egui::Shape::dashed_line(
            &pts,
            Stroke::new(2.0, color),
            4.0,
            3.0,
        ));
    }
}

/// A rectangle outline in dashes.
pub fn dashed_rect(painter: &egui::Painter, r: Rect, stroke: Stroke) {
    let pts = [
        r.left_top(),
        r.right_top(),
        r.right_bottom(),
        r.left_bottom(),
        r.left_top(),
    ];
    painter.extend(egui::Shape::dashed_line(&pts, stroke, 4.0, 3.0));
}

fn tooltip(ui: &mut Ui, s: &Suggestion, text: &str) {
    ui.strong(format!("Suggestion {}: {text}", s.label()));
    ui.label(format!("score {:.2} · {} · {}", s.score, s.engine, s.rule));
    ui.label(&s.reason);
    if matches!(s.proposal, Proposal::Quote { .. }) {
        ui.weak("A accepts the quote with its speaker and cue · X rejects it");
    } else {
        ui.weak("A accept · X reject · a number key accepts with that label");
    }
}
