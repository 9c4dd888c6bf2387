//! The overview strip beside the document's scroll bar, like an editor's minimap gutter: the
//! whole document top to bottom, with a tick in three columns wherever there are annotations
//! (in their label's colour), suggestions, and quotes (amber); the part on screen framed; the
//! focused suggestion flagged. A click or a drag on it jumps there.
//!
//! A 10 MB book with 100,000 spans must cost nothing per frame: marks are bucketed per pixel
//! row once per (document revision, suggestion set, strip height) and the strip then paints a
//! few hundred rectangles. Rows are proportional to code point offsets, not to laid-out
//! heights, so the buckets never wait for paragraphs to be measured.

use egui::{Color32, CornerRadius, Rect, Sense, Stroke, StrokeKind, Ui, Visuals, pos2};

use super::colors;
use crate::app::review::Key;
use crate::model::{CharRange, DocId, Document, LabelSet, Proposal, Suggestion};

/// Width of the strip in points.
pub const WIDTH: f32 = 14.0;

/// What the cached buckets were made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Made {
    doc: DocId,
    revision: u64,
    spans: usize,
    quotes: usize,
    /// Count and addresses of the first and last suggestion: a new matcher result is a new
    /// vector.
    suggestions: (usize, usize, usize),
    hidden: bool,
    rows: usize,
    dark: bool,
}

/// The strip's state between frames: one colour per pixel row and column.
#[derive(Default)]
pub struct Overview {
    made: Option<Made>,
    /// Per pixel row: annotation, suggestion, quote colours (transparent: none).
    rows: Vec<[Color32; 3]>,
}

/// What the strip shows.
pub struct OverviewInput<'a> {
    pub doc: &'a Document,
    pub labels: &'a LabelSet,
    pub suggestions: &'a [&'a Suggestion],
    pub hidden: bool,
    pub current: Option<&'a Key>,
    /// The code points on screen.
    pub on_screen: Option<CharRange>,
}

impl Overview {
    /// Draw the strip in `rect`; returns the code point to jump to when it is clicked or
    /// dragged.
    pub fn ui(&mut self, ui: &mut Ui, rect: Rect, input: OverviewInput<'_>) -> Option<usize> {
        let visuals = ui.visuals().clone();
        let n_rows = rect.height().max(1.0) as usize;
        let total = input.doc.char_len().max(1);
        let row_of = |offset: usize| -> usize {
            ((offset as u128 * n_rows as u128) / total as u128).min(n_rows as u128 - 1) as usize
        };
        self.refresh(&input, n_rows, &visuals);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, CornerRadius::ZERO, visuals.extreme_bg_color);
        let col_w = (rect.width() - 2.0) / 3.0;
        for col in 0..3 {
            let x0 = rect.min.x + 1.0 + col as f32 * col_w;
            let mut run: Option<(usize, Color32)> = None;
            for y in 0..=self.rows.len() {
                let c = self.rows.get(y).map_or(Color32::TRANSPARENT, |r| r[col]);
                match run {
                    Some((_, rc)) if rc == c => {}
                    _ => {
                        if let Some((y0, rc)) = run
                            && rc != Color32::TRANSPARENT
                        {
                            let r = Rect::from_min_max(
                                pos2(x0, rect.min.y + y0 as f32),
                                pos2(x0 + col_w - 1.0, rect.min.y + y as f32),
                            );
                            // A lone mark is one pixel: make it two, so it can be seen.
                            let r = if r.height() < 2.0 {
                                Rect::from_min_max(r.min, pos2(r.max.x, r.min.y + 2.0))
                            } else {
                                r
                            };
                            painter.rect_filled(r, CornerRadius::ZERO, rc);
                        }
                        run = Some((y, c));
                    }
                }
            }
        }
        // The part on screen.
        if let Some(s) = input.on_screen {
            let (a, b) = (row_of(s.start), row_of(s.end).max(row_of(s.start) + 3));
            let r = Rect::from_min_max(
                pos2(rect.min.x, rect.min.y + a as f32),
                pos2(rect.max.x, rect.min.y + b as f32 + 1.0),
            );
            painter.rect_filled(
                r,
                CornerRadius::ZERO,
                visuals.text_color().gamma_multiply(0.12),
            );
            painter.rect_stroke(
                r,
                CornerRadius::ZERO,
                Stroke::new(1.0, visuals.text_color().gamma_multiply(0.6)),
                StrokeKind::Inside,
            );
        }
        // The focused suggestion.
        if let Some(k) = input.current.filter(|_| !input.hidden) {
            let y = rect.min.y + row_of(k.start) as f32;
            painter.add(egui::Shape::convex_polygon(
                vec![
                    pos2(rect.min.x, y - 4.0),
                    pos2(rect.min.x + 6.0, y),
                    pos2(rect.min.x, y + 4.0),
                ],
                visuals.strong_text_color(),
                Stroke::NONE,
            ));
        }
        let id = ui.make_persistent_id(("overview", input.doc.id));
        let resp = ui
            .interact(rect, id, Sense::click_and_drag())
            .on_hover_text(
                "Where the annotations, suggestions and quotes are: click to jump there",
            );
        resp.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::ScrollBar, true, "Document overview")
        });
        if resp.is_pointer_button_down_on() || resp.clicked() {
            let p = resp.interact_pointer_pos()?;
            let f = ((p.y - rect.min.y) / rect.height()).clamp(0.0, 1.0) as f64;
            return Some(((f * total as f64) as usize).min(total));
        }
        None
    }

    fn refresh(&mut self, input: &OverviewInput<'_>, n_rows: usize, visuals: &Visuals) {
        let doc = input.doc;
        let sugg = input.suggestions;
        let made = Made {
            doc: doc.id,
            revision: doc.revision,
            spans: doc.spans.len(),
            quotes: doc.quotes.len(),
            suggestions: (
                sugg.len(),
                sugg.first().map_or(0, |s| *s as *const Suggestion as usize),
                sugg.last().map_or(0, |s| *s as *const Suggestion as usize),
            ),
            hidden: input.hidden,
            rows: n_rows,
            dark: visuals.dark_mode,
        };
        if self.made == Some(made) {
            return;
        }
        let total = doc.char_len().max(1);
        let row_of = |offset: usize| -> usize {
            ((offset as u128 * n_rows as u128) / total as u128).min(n_rows as u128 - 1) as usize
        };
        self.rows.clear();
        self.rows.resize(n_rows, [Color32::TRANSPARENT; 3]);
        let mut mark = |col: usize, start: usize, end: usize, c: Color32| {
            let (a, b) = (row_of(start), row_of(end.saturating_sub(1).max(start)));
            for r in &mut self.rows[a..=b] {
                r[col] = c;
            }
        };
        for s in &doc.spans {
            let c = colors::span_stroke(colors::label_color(input.labels, &s.label), visuals);
            mark(0, s.start, s.end, c);
        }
        if !input.hidden {
            let quote = colors::quote_color(visuals);
            for s in sugg {
                let (a, b) = s.range();
                let c = match &s.proposal {
                    Proposal::Quote { .. } => quote,
                    Proposal::Span { label, .. } => {
                        colors::span_stroke(colors::label_color(input.labels, label), visuals)
                    }
                };
                mark(1, a, b, c.gamma_multiply(0.75));
            }
        }
        let quote = colors::quote_color(visuals);
        for q in &doc.quotes {
            let e = q.extent();
            mark(2, e.start, e.end, quote);
        }
        self.made = Some(made);
    }
}
