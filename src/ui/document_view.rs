//! The document view: the text of one document with its spans, virtualised per paragraph.
//!
//! Only paragraphs that intersect the visible part of the scroll area are laid out and painted.
//! Each paragraph has a height — estimated from its length until it has been laid out once,
//! then measured — and prefix sums over those heights place paragraphs and find the first
//! visible one by binary search. A book of 100,000 paragraphs costs the same per frame as a
//! news article.
//!
//! The view reads the project and edits only the `View` state (selection, selected span); any
//! change to annotations leaves as a command in the returned `Vec<Command>`.
//!
//! Pointer handling: a drag anchors at the press origin (not where egui decides a drag began,
//! which is a few pixels later) and may cross paragraphs; a double-click selects a word, a
//! triple-click a paragraph, shift-click extends the selection. Spans are separate click
//! targets on top of the text, each an AccessKit button labelled "LABEL: text".

use std::sync::Arc;

use egui::{
    Align2, Color32, CornerRadius, FontId, Galley, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, pos2,
    vec2,
};

use super::colors;
use super::para_layout::{Piece, paragraph_job};
use crate::app::review::Key;
use crate::app::text_index::TextIndex;
use crate::app::view::View;
use crate::model::{CharRange, DocId, Document, Project, QuoteId, Span, SpanId, Suggestion};
use crate::text;

/// Vertical gap between paragraphs, as a fraction of the row height.
const PARAGRAPH_GAP: f32 = 0.6;
/// Horizontal padding inside the view.
const MARGIN: f32 = 12.0;

/// Heights and prefix sums for one document at one wrap width.
#[derive(Default)]
struct Heights {
    doc: Option<DocId>,
    width: f32,
    row_height: f32,
    heights: Vec<f32>,
    measured: Vec<bool>,
    /// `tops[i]` = y of paragraph i; `tops[n]` = total height.
    tops: Vec<f32>,
    dirty: bool,
}

impl Heights {
    fn reset(
        &mut self,
        doc: &Document,
        index: &TextIndex,
        width: f32,
        row_height: f32,
        char_width: f32,
    ) {
        let per_row = ((width / char_width).floor()).max(1.0);
        self.doc = Some(doc.id);
        self.width = width;
        self.row_height = row_height;
        self.heights = index
            .paragraphs
            .iter()
            .map(|p| {
                let rows = ((p.char_len() as f32) / per_row).ceil().max(1.0);
                rows * row_height + row_height * PARAGRAPH_GAP
            })
            .collect();
        self.measured = vec![false; self.heights.len()];
        self.dirty = true;
        self.recompute();
    }

    fn recompute(&mut self) {
        if !self.dirty {
            return;
        }
        self.tops.clear();
        self.tops.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        for h in &self.heights {
            self.tops.push(y);
            y += h;
        }
        self.tops.push(y);
        self.dirty = false;
    }

    fn total(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// The paragraph at content height `y`.
    fn para_at(&self, y: f32) -> usize {
        let n = self.heights.len();
        self.tops[..n]
            .partition_point(|t| *t <= y)
            .saturating_sub(1)
    }

    fn set_measured(&mut self, i: usize, h: f32) {
        if (self.heights[i] - h).abs() > 0.5 {
            self.heights[i] = h;
            self.dirty = true;
        }
        self.measured[i] = true;
    }
}

/// Span indices per paragraph, rebuilt when the document's annotations change.
#[derive(Default)]
struct Buckets {
    key: Option<(DocId, u64, usize)>,
    by_para: Vec<Vec<u32>>,
}

impl Buckets {
    fn refresh(&mut self, doc: &Document, index: &TextIndex) {
        let key = (doc.id, doc.revision, doc.spans.len());
        if self.key == Some(key) {
            return;
        }
        self.by_para.clear();
        self.by_para.resize(index.paragraphs.len(), Vec::new());
        for (i, s) in doc.spans.iter().enumerate() {
            for p in index.paragraphs.range_of(s.start, s.end) {
                if let Some(b) = self.by_para.get_mut(p) {
                    b.push(i as u32);
                }
            }
        }
        self.key = Some(key);
    }
}

/// A paragraph laid out and painted this frame.
struct Shown {
    origin: Pos2,
    galley: Arc<Galley>,
    char_start: usize,
    /// Bottom of the paragraph's band, gap included (for pointer hits between paragraphs).
    band_bottom: f32,
}

/// The document view's own state between frames.
pub struct DocumentView {
    heights: Heights,
    buckets: Buckets,
    shown: Vec<Shown>,
    /// Code point under the press that started the current drag, and where that press was.
    anchor: Option<usize>,
    anchor_pos: Option<Pos2>,
    last_pointer: Option<Pos2>,
    /// Content-space y of the visible top, for scroll-to decisions.
    viewport: Rect,
    pub font_size: f32,
}

impl Default for DocumentView {
    fn default() -> Self {
        Self::new()
    }
}

/// The suggestions to draw over the text: outlined, not filled, so they never read as
/// annotations.
pub struct SuggestionLayer<'a> {
    /// The document's visible suggestions, sorted by start and not overlapping each other.
    pub items: &'a [&'a Suggestion],
    pub current: Option<&'a Key>,
    pub hidden: bool,
}

/// What the view reports back besides view-state edits.
#[derive(Default)]
pub struct ViewOutput {
    /// The code point under the pointer, for the status bar.
    pub hover_offset: Option<usize>,
    /// A suggestion the user clicked (to focus it).
    pub clicked_suggestion: Option<Key>,
    /// A quote the user clicked (to select it).
    pub clicked_quote: Option<QuoteId>,
    /// A selection was completed this frame (a drag ended, a word or paragraph was clicked):
    /// what a pending "pick the speaker / cue" waits for.
    pub selection_done: bool,
}

impl DocumentView {
    pub fn new() -> Self {
        Self {
            heights: Heights::default(),
            buckets: Buckets::default(),
            shown: Vec::new(),
            anchor: None,
            anchor_pos: None,
            last_pointer: None,
            viewport: Rect::NOTHING,
            font_size: 17.0,
        }
    }

    /// Screen position of code point `offset` if its paragraph is on screen (for tests and
    /// scroll decisions): the left edge of its character, vertically centred in its row.
    pub fn char_pos(&self, offset: usize) -> Option<Pos2> {
        let s = self.shown.iter().rev().find(|s| s.char_start <= offset)?;
        let local = offset - s.char_start;
        if local > s.galley.text().chars().count() {
            return None;
        }
        let r = s
            .galley
            .pos_from_cursor(egui::text::CCursor::new(egui::text::CharIndex(local)));
        Some(s.origin + vec2(r.min.x + 1.0, r.center().y))
    }

    /// The code point under screen position `pos`, from this frame's paragraphs.
    fn offset_at(&self, pos: Pos2) -> Option<usize> {
        let first = self.shown.first()?;
        if pos.y < first.origin.y {
            return Some(first.char_start);
        }
        let s = self
            .shown
            .iter()
            .find(|s| pos.y < s.band_bottom)
            .or(self.shown.last())?;
        let local_pos = pos - s.origin;
        // Below the text of a paragraph (in its gap): the end of its last row.
        let local_pos = vec2(local_pos.x, local_pos.y.min(s.galley.rect.height() - 1.0));
        let c = s.galley.cursor_from_pos(local_pos);
        Some(s.char_start + c.index.0)
    }

    /// Show the document. Returns what the status bar needs.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        doc: &Document,
        index: &TextIndex,
        view: &mut View,
        suggestions: SuggestionLayer<'_>,
    ) -> ViewOutput {
        let labels = &project.labels;
        let mut out = ViewOutput::default();
        let font = FontId::proportional(self.font_size);
        let row_height = ui.fonts_mut(|f| f.row_height(&font));
        let char_width = ui.fonts_mut(|f| f.glyph_width(&font, 'n')).max(1.0);
        let width = (ui.available_width() - 2.0 * MARGIN).max(80.0);
        if self.heights.doc != Some(doc.id)
            || (self.heights.width - width).abs() > 0.5
            || (self.heights.row_height - row_height).abs() > 0.01
            || self.heights.heights.len() != index.paragraphs.len()
        {
            self.heights
                .reset(doc, index, width, row_height, char_width);
        }
        self.buckets.refresh(doc, index);

        // Scroll to a requested offset if it is not already in view.
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt(("document", doc.id))
            .auto_shrink([false, false]);
        if let Some(target) = view.scroll_to.take() {
            let p = index.paragraphs.index_of_char(target);
            let y = self.heights.tops.get(p).copied().unwrap_or(0.0);
            let h = self.heights.heights.get(p).copied().unwrap_or(row_height);
            let visible = self.viewport.height() > 0.0
                && y >= self.viewport.min.y
                && y + h <= self.viewport.max.y;
            if target == 0 {
                scroll = scroll.vertical_scroll_offset(0.0);
            } else if !visible {
                let top = (y - self.viewport.height().max(row_height * 4.0) / 3.0).max(0.0);
                scroll = scroll.vertical_scroll_offset(top);
            }
        }

        let selection = view.effective_selection(doc, index);
        let raw_selection = view.selection;
        let find_matches: Vec<(usize, usize)> = if view.find.open {
            view.find.matches.clone()
        } else {
            Vec::new()
        };
        let current_find = view
            .find
            .current
            .and_then(|i| view.find.matches.get(i).copied());

        let mut clicked_span: Option<SpanId> = None;
        let mut double_clicked_at: Option<usize> = None;
        let mut anchors = QuoteAnchors::default();
        let mut shift_clicked_span = false;
        let visuals = ui.visuals().clone();

        scroll.show_viewport(ui, |ui, viewport| {
            self.viewport = viewport;
            self.heights.recompute();
            let total = self.heights.total();
            ui.set_height(total.max(viewport.height()));
            ui.set_width(ui.available_width());
            let content_origin = ui.min_rect().min;
            let bg_rect = Rect::from_min_size(
                content_origin + vec2(0.0, viewport.min.y),
                vec2(ui.available_width().max(width), viewport.height()),
            );
            let bg_id = ui.make_persistent_id(("doc-bg", doc.id));
            let bg = ui.interact(bg_rect, bg_id, Sense::click_and_drag());

            self.shown.clear();
            let n = index.paragraphs.len();
            let first = self.heights.para_at(viewport.min.y);
            let mut i = first;
            while i < n {
                let top = self.heights.tops[i];
                if top > viewport.max.y {
                    break;
                }
                let Some(para) = index.paragraphs.get(i) else {
                    break;
                };
                let ptext = para.text(&doc.text);
                let pieces: Vec<Piece<'_>> = self.buckets.by_para[i]
                    .iter()
                    .filter_map(|k| doc.spans.get(*k as usize))
                    .map(|s| Piece {
                        span: s,
                        start: s.start.saturating_sub(para.char_start).min(para.char_len()),
                        end: s.end.saturating_sub(para.char_start).min(para.char_len()),
                    })
                    .filter(|p| p.start < p.end)
                    .collect();
                let job = paragraph_job(ptext, &pieces, labels, font.clone(), width, &visuals);
                let galley = ui.fonts_mut(|f| f.layout_job(job));
                let measured = galley.rect.height().max(row_height) + row_height * PARAGRAPH_GAP;
                self.heights.set_measured(i, measured);
                let origin = content_origin + vec2(MARGIN, top);
                let band_bottom = origin.y + measured;

                // Selection and find highlights behind the text.
                let painter = ui.painter();
                for (s, e) in &find_matches {
                    for r in segment_rects(&galley, origin, para.char_start, *s, *e) {
                        let current = current_find == Some((*s, *e));
                        let fill = if current {
                            Color32::from_rgba_unmultiplied(255, 170, 0, 150)
                        } else {
                            Color32::from_rgba_unmultiplied(255, 210, 0, 70)
                        };
                        painter.rect_filled(r.expand(1.0), CornerRadius::same(2), fill);
                    }
                }
                // The region being curated: tinted behind the text and outlined.
                if let Some(h) = view.highlight {
                    let c = colors::curation_color(&visuals);
                    for r in segment_rects(&galley, origin, para.char_start, h.start, h.end) {
                        let r = r.expand(2.0);
                        painter.rect_filled(r, CornerRadius::same(3), c.gamma_multiply(0.22));
                        painter.rect_stroke(
                            r,
                            CornerRadius::same(3),
                            Stroke::new(1.5, c),
                            StrokeKind::Outside,
                        );
                    }
                }
                painter.galley(origin, galley.clone(), visuals.text_color());
                if let Some(sel) = selection {
                    for r in segment_rects(&galley, origin, para.char_start, sel.start, sel.end) {
                        painter.rect_filled(
                            r,
                            CornerRadius::ZERO,
                            visuals.selection.bg_fill.gamma_multiply(0.55),
                        );
                    }
                }

                // Outlines: nested or crossing spans, and the selected span.
                for p in &pieces {
                    let selected = view.selected_span == Some(p.span.id);
                    let tangled = pieces
                        .iter()
                        .any(|o| o.span.id != p.span.id && o.start < p.end && p.start < o.end);
                    if !selected && !tangled {
                        continue;
                    }
                    let c = colors::label_color(labels, &p.span.label);
                    let stroke = if selected {
                        Stroke::new(2.0, visuals.strong_text_color())
                    } else {
                        Stroke::new(1.0, colors::span_stroke(c, &visuals))
                    };
                    for r in
                        segment_rects(&galley, origin, para.char_start, p.span.start, p.span.end)
                    {
                        painter.rect_stroke(
                            r.expand(1.0),
                            CornerRadius::same(2),
                            stroke,
                            StrokeKind::Outside,
                        );
                    }
                }

                // Quotes: a bracketed underline in the quote colour under what was said; the
                // selected quote tinted, its speaker outlined and its cue underlined, with
                // connectors drawn once every paragraph is placed.
                let quote_color = colors::quote_color(&visuals);
                for q in doc.quotes.iter().filter(|q| {
                    let e = q.extent();
                    e.start < para.char_end.max(para.char_start + 1) && para.char_start < e.end
                }) {
                    let selected = view.selected_quote == Some(q.id);
                    for r in &q.content {
                        let rects = segment_rects(&galley, origin, para.char_start, r.start, r.end);
                        let (first, last) = (rects.first().copied(), rects.last().copied());
                        for (k, rect) in rects.iter().enumerate() {
                            if selected {
                                painter.rect_filled(
                                    *rect,
                                    CornerRadius::ZERO,
                                    quote_color.gamma_multiply(0.14),
                                );
                            }
                            let y = rect.bottom() + 1.5;
                            painter.line_segment(
                                [pos2(rect.left(), y), pos2(rect.right(), y)],
                                Stroke::new(if selected { 2.5 } else { 1.5 }, quote_color),
                            );
                            let id = ui.make_persistent_id(("quote", doc.id, q.id, r.start, i, k));
                            let resp = ui.interact(*rect, id, Sense::click());
                            if k == 0 && r.start >= para.char_start && Some(r) == q.content.first()
                            {
                                let words: String =
                                    doc.slice(r.start, r.end).chars().take(40).collect();
                                let name = format!("Quote: {words}");
                                resp.widget_info(|| {
                                    egui::WidgetInfo::labeled(
                                        egui::Role::Button,
                                        true,
                                        name.clone(),
                                    )
                                });
                            }
                            if resp.double_clicked() {
                                if let Some(pos) = resp.interact_pointer_pos() {
                                    let c = galley.cursor_from_pos(pos - origin);
                                    double_clicked_at = Some(para.char_start + c.index.0);
                                }
                            } else if resp.clicked() {
                                out.clicked_quote = Some(q.id);
                            }
                        }
                        // Opening and closing brackets at the ends of each part.
                        if r.start >= para.char_start
                            && let Some(f) = first
                        {
                            let (x, t) = (f.left() - 1.0, f.top());
                            painter.line_segment(
                                [pos2(x, t), pos2(x, t + 5.0)],
                                Stroke::new(2.0, quote_color),
                            );
                            painter.line_segment(
                                [pos2(x, t), pos2(x + 4.0, t)],
                                Stroke::new(2.0, quote_color),
                            );
                        }
                        if r.end <= para.char_end
                            && let Some(l) = last
                        {
                            let (x, b) = (l.right() + 1.0, l.bottom() + 1.5);
                            painter.line_segment(
                                [pos2(x, b), pos2(x, b - 5.0)],
                                Stroke::new(2.0, quote_color),
                            );
                        }
                        if selected
                            && let Some(f) = first
                            && r.start >= para.char_start
                        {
                            anchors.content.get_or_insert(f.center_top());
                        }
                    }
                    if selected {
                        if let Some(c) = q.cue {
                            for rect in
                                segment_rects(&galley, origin, para.char_start, c.start, c.end)
                            {
                                painter.rect_filled(
                                    rect.expand(1.0),
                                    CornerRadius::same(2),
                                    quote_color.gamma_multiply(0.35),
                                );
                                anchors.cue.get_or_insert(rect.center_top());
                            }
                        }
                        if let Some(s) = q.speaker.and_then(|s| doc.span(s)) {
                            for rect in
                                segment_rects(&galley, origin, para.char_start, s.start, s.end)
                            {
                                painter.rect_stroke(
                                    rect.expand(2.5),
                                    CornerRadius::same(3),
                                    Stroke::new(2.0, quote_color),
                                    StrokeKind::Outside,
                                );
                                anchors
                                    .speaker
                                    .get_or_insert(rect.center_top() - vec2(0.0, 2.5));
                            }
                        }
                    }
                }

                // Suggestions: dashed outlines in the label's colour; the focused one solid and
                // tinted. Each is a click target named "Suggestion LABEL: text".
                if !suggestions.hidden {
                    let items = suggestions.items;
                    let first = items.partition_point(|s| s.range().1 <= para.char_start);
                    for s in items[first..]
                        .iter()
                        .take_while(|s| s.range().0 < para.char_end)
                    {
                        let (a, b) = s.range();
                        let focused = suggestions.current.is_some_and(|k| *k == Key::of(s));
                        // A quote suggestion outlines each part in the quote colour; when
                        // focused, its proposed speaker and cue are marked too.
                        let (parts, stroke_color, extra) = match &s.proposal {
                            crate::model::Proposal::Quote {
                                content,
                                speaker,
                                cue,
                                ..
                            } => (content.clone(), quote_color, [*speaker, *cue]),
                            crate::model::Proposal::Span { .. } => {
                                let c = colors::label_color(labels, s.label());
                                (vec![(a, b)], colors::span_stroke(c, &visuals), [None, None])
                            }
                        };
                        let mut k = 0;
                        for (pa, pb) in parts {
                            for r in segment_rects(&galley, origin, para.char_start, pa, pb) {
                                let r = r.expand(1.5);
                                if focused {
                                    painter.rect_filled(
                                        r,
                                        CornerRadius::same(2),
                                        stroke_color.gamma_multiply(0.25),
                                    );
                                    painter.rect_stroke(
                                        r,
                                        CornerRadius::same(2),
                                        Stroke::new(2.5, stroke_color),
                                        StrokeKind::Outside,
                                    );
                                } else {
                                    dashed_rect(painter, r, Stroke::new(1.5, stroke_color));
                                }
                                let id = ui.make_persistent_id((
                                    "suggestion",
                                    doc.id,
                                    a,
                                    b,
                                    s.label(),
                                    k,
                                ));
                                let resp = ui.interact(r, id, Sense::click());
                                if k == 0 && a >= para.char_start {
                                    let words: String = doc.slice(a, b).chars().take(60).collect();
                                    let name = format!("Suggestion {}: {words}", s.label());
                                    resp.widget_info(|| {
                                        egui::WidgetInfo::labeled(
                                            egui::Role::Button,
                                            true,
                                            name.clone(),
                                        )
                                    });
                                }
                                if resp.double_clicked() {
                                    // A double-click still selects the word under the pointer.
                                    if let Some(pos) = resp.interact_pointer_pos() {
                                        let c = galley.cursor_from_pos(pos - origin);
                                        double_clicked_at = Some(para.char_start + c.index.0);
                                    }
                                } else if resp.clicked() {
                                    out.clicked_suggestion = Some(Key::of(s));
                                }
                                resp.on_hover_ui(|ui| suggestion_tooltip(ui, s, doc.slice(a, b)));
                                k += 1;
                            }
                        }
                        if focused {
                            for (sa, sb) in extra.into_iter().flatten() {
                                for r in segment_rects(&galley, origin, para.char_start, sa, sb) {
                                    dashed_rect(
                                        painter,
                                        r.expand(2.5),
                                        Stroke::new(2.0, stroke_color),
                                    );
                                }
                            }
                        }
                    }
                }

                // The paragraph as an accessible text node, then its spans as buttons on top.
                let para_rect = Rect::from_min_size(origin, galley.rect.size());
                let para_resp = ui.interact(
                    para_rect,
                    ui.make_persistent_id(("para", doc.id, i)),
                    Sense::hover(),
                );
                let label_text = ptext.to_string();
                para_resp.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Paragraph, true, label_text.clone())
                });
                for p in &pieces {
                    let rects =
                        segment_rects(&galley, origin, para.char_start, p.span.start, p.span.end);
                    let span_text = doc.slice(p.span.start, p.span.end);
                    for (k, r) in rects.iter().enumerate() {
                        let id = ui.make_persistent_id(("span", doc.id, p.span.id, i, k));
                        let resp = ui.interact(*r, id, Sense::click());
                        // One accessible node per span: its first piece.
                        if k == 0 && p.span.start >= para.char_start {
                            let name = format!("{}: {}", p.span.label, span_text);
                            resp.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, name.clone())
                            });
                        }
                        if resp.clicked() {
                            clicked_span = Some(p.span.id);
                            shift_clicked_span = ui.input(|inp| inp.modifiers.shift);
                        }
                        resp.on_hover_ui(|ui| span_tooltip(ui, project, p.span, span_text));
                    }
                }

                self.shown.push(Shown {
                    origin,
                    galley,
                    char_start: para.char_start,
                    band_bottom,
                });
                i += 1;
            }
            if self.heights.dirty {
                ui.ctx().request_repaint();
            }
            // The selected quote's connectors, as arcs over the text (through the gap between
            // lines, never across words): cue to speaker, cue to what was said.
            let stroke = Stroke::new(1.5, colors::quote_color(&visuals).gamma_multiply(0.8));
            let arc = |a: Pos2, b: Pos2| {
                let lift = row_height * PARAGRAPH_GAP.max(0.5);
                let control = pos2((a.x + b.x) / 2.0, a.y.min(b.y) - lift);
                egui::Shape::QuadraticBezier(
                    egui::epaint::QuadraticBezierShape::from_points_stroke(
                        [a, control, b],
                        false,
                        Color32::TRANSPARENT,
                        stroke,
                    ),
                )
            };
            let pairs = match anchors.cue {
                Some(cue) => [
                    anchors.speaker.map(|s| (cue, s)),
                    anchors.content.map(|c| (cue, c)),
                ],
                None => [anchors.speaker.zip(anchors.content), None],
            };
            for (a, b) in pairs.into_iter().flatten() {
                ui.painter().add(arc(a, b));
            }

            // Pointer: drag selection anchored at the press origin, clicks, double/triple clicks.
            let (pointer_pos, press_origin, shift) = ui.input(|inp| {
                (
                    inp.pointer.interact_pos(),
                    inp.pointer.press_origin(),
                    inp.modifiers.shift,
                )
            });
            if let Some(p) = pointer_pos {
                self.last_pointer = Some(p);
            }
            if bg.hovered()
                && let Some(p) = ui.input(|inp| inp.pointer.hover_pos())
            {
                out.hover_offset = self.offset_at(p);
            }
            if bg.is_pointer_button_down_on() {
                if self.anchor.is_none() {
                    self.anchor = press_origin.and_then(|p| self.offset_at(p));
                    self.anchor_pos = press_origin;
                    if shift && let Some(sel) = raw_selection {
                        // Shift-drag extends from the existing selection's start.
                        self.anchor = Some(sel.start);
                    }
                }
                if let (Some(a), Some(p), Some(o)) = (self.anchor, pointer_pos, press_origin)
                    && (p - o).length() > 3.0
                    && let Some(b) = self.offset_at(p)
                {
                    view.selection = Some(CharRange::new(a.min(b), a.max(b)));
                    view.selected_span = None;
                    // Keep selecting past the visible edge by scrolling, as long as there is
                    // more text that way.
                    if p.y < bg_rect.min.y && viewport.min.y > 0.0 {
                        ui.scroll_with_delta(vec2(0.0, row_height * 0.5));
                    } else if p.y > bg_rect.max.y && viewport.max.y < total {
                        ui.scroll_with_delta(vec2(0.0, -row_height * 0.5));
                    }
                }
            } else if let Some(a) = self.anchor.take() {
                // Released: finish the drag where the pointer last was.
                let end = bg
                    .interact_pointer_pos()
                    .or(self.last_pointer)
                    .and_then(|p| self.offset_at(p));
                let moved = match (self.anchor_pos.take(), self.last_pointer) {
                    (Some(o), Some(p)) => (p - o).length() > 3.0,
                    _ => false,
                };
                if let Some(b) = end
                    && moved
                    && a != b
                {
                    view.selection = Some(CharRange::new(a.min(b), a.max(b)));
                    view.selected_span = None;
                    out.selection_done = true;
                }
            }

            let click_offset = bg.interact_pointer_pos().and_then(|p| self.offset_at(p));
            if bg.triple_clicked() {
                if let Some(o) = click_offset
                    && let Some(p) = index.paragraphs.get(index.paragraphs.index_of_char(o))
                    && p.char_len() > 0
                {
                    view.selection = Some(CharRange::new(p.char_start, p.char_end));
                    view.selected_span = None;
                    out.selection_done = true;
                }
            } else if bg.double_clicked() {
                if let Some(o) = click_offset {
                    view.selection = word_range(doc, index, o);
                    view.selected_span = None;
                    out.selection_done = view.selection.is_some();
                }
            } else if bg.clicked() {
                match (shift, click_offset, raw_selection) {
                    (true, Some(o), Some(sel)) => {
                        view.selection = Some(CharRange::new(sel.start.min(o), sel.end.max(o)));
                    }
                    (true, Some(o), None) => {
                        if let Some(s) = view.selected_span.and_then(|s| doc.span(s)) {
                            view.selection = Some(CharRange::new(s.start.min(o), s.end.max(o)));
                            view.selected_span = None;
                        }
                    }
                    _ => {
                        view.selection = None;
                        view.selected_span = None;
                        if view.picking.is_none() {
                            view.selected_quote = None;
                        }
                    }
                }
            }
        });

        if let Some(o) = double_clicked_at {
            view.selection = word_range(doc, index, o);
            view.selected_span = None;
            out.clicked_suggestion = None;
            out.clicked_quote = None;
            out.selection_done = view.selection.is_some();
        }
        if let Some(id) = clicked_span {
            match (shift_clicked_span, view.selection, doc.span(id)) {
                (true, Some(sel), Some(s)) => {
                    view.selection =
                        Some(CharRange::new(sel.start.min(s.start), sel.end.max(s.end)));
                }
                _ => {
                    view.selected_span = Some(id);
                    view.selection = None;
                }
            }
        }
        out
    }
}

/// The word at code point `offset` as a document range.
fn word_range(doc: &Document, index: &TextIndex, offset: usize) -> Option<CharRange> {
    let p = index
        .paragraphs
        .get(index.paragraphs.index_of_char(offset))?;
    let local = offset.checked_sub(p.char_start)?;
    let (s, e) = text::word_at(p.text(&doc.text), local)?;
    Some(CharRange::new(s + p.char_start, e + p.char_start))
}

/// Screen rectangles covering document code points `start..end` within one laid-out
/// paragraph (one per row it touches).
fn segment_rects(
    galley: &Galley,
    origin: Pos2,
    para_start: usize,
    start: usize,
    end: usize,
) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = para_start;
    for placed in &galley.rows {
        let glyphs = &placed.row.glyphs;
        let row_end = row_start + glyphs.len();
        let (a, b) = (start.max(row_start), end.min(row_end));
        if a < b {
            let g0 = &glyphs[a - row_start];
            let g1 = &glyphs[b - 1 - row_start];
            let x0 = placed.pos.x + g0.pos.x;
            let x1 = placed.pos.x + g1.max_x();
            let y0 = placed.pos.y;
            let y1 = placed.pos.y + placed.row.size.y;
            rects.push(Rect::from_min_max(
                origin + vec2(x0, y0),
                origin + vec2(x1, y1),
            ));
        }
        row_start = row_end + usize::from(placed.ends_with_newline);
        if row_start >= end {
            break;
        }
    }
    rects
}

/// Where the selected quote's parts are on screen, for its connectors.
#[derive(Default)]
struct QuoteAnchors {
    cue: Option<Pos2>,
    speaker: Option<Pos2>,
    content: Option<Pos2>,
}

/// A rectangle outline in dashes.
fn dashed_rect(painter: &egui::Painter, r: Rect, stroke: Stroke) {
    let pts = [
        r.left_top(),
        r.right_top(),
        r.right_bottom(),
        r.left_bottom(),
        r.left_top(),
    ];
    painter.extend(egui::Shape::dashed_line(&pts, stroke, 4.0, 3.0));
}

fn suggestion_tooltip(ui: &mut Ui, s: &Suggestion, text: &str) {
    ui.strong(format!("Suggestion {}: {text}", s.label()));
    ui.label(format!("score {:.2} · {} · {}", s.score, s.engine, s.rule));
    ui.label(&s.reason);
    ui.weak("A accept · X reject · a number key accepts with that label");
}

fn span_tooltip(ui: &mut Ui, project: &Project, span: &Span, text: &str) {
    ui.strong(format!("{}: {text}", span.label));
    match span.entity.and_then(|e| project.entity(e)) {
        Some(e) => ui.label(format!("linked to {} ({})", e.name, e.label)),
        None => ui.weak("not linked to an entity"),
    };
    if !span.mention.is_name() {
        ui.label(format!("{} mention", span.mention.name()));
    }
    ui.weak(format!(
        "{}..{} · {}",
        span.start,
        span.end,
        span.origin.describe()
    ));
}

/// Paint a small "no document" message in the centre of the view.
pub fn empty_message(ui: &mut Ui, message: &str) {
    let rect = ui.available_rect_before_wrap();
    ui.painter().text(
        rect.center(),
        Align2::CENTER_CENTER,
        message,
        FontId::proportional(16.0),
        ui.visuals().weak_text_color(),
    );
    ui.allocate_rect(rect, Sense::hover());
}
