//! The document view: the text of one document with its spans, virtualised per paragraph.
//!
//! Only paragraphs that intersect the visible part of the scroll area are laid out and painted.
//! Each paragraph has a height — estimated from its length until it has been laid out once,
//! then measured — and prefix sums over those heights place paragraphs and find the first
//! visible one by binary search. A book of 100,000 paragraphs costs the same per frame as a
//! news article.
//!
//! The view reads the project and edits only the `EditingState` (selection, selected span); any
//! change to annotations leaves as a command in the returned `Vec<Command>`.
//!
//! Pointer handling: a drag anchors at the press origin (not where egui decides a drag began,
//! which is a few pixels later) and may cross paragraphs; a double-click selects a word, a
//! triple-click a paragraph, shift-click extends the selection. Spans are separate click
//! targets on top of the text, each an AccessKit button labelled "LABEL: text".
//!
//! Keys: the view carries out the scrolls (`EditingState::scroll`) and caret row moves
//! (`EditingState::row_move`) the keys asked for, since only it knows the page and row heights; it
//! draws the caret, and reports the code points on screen (`EditingState::on_screen`) so N and P can
//! start from what the user sees. The scroll bar is solid with a minimum handle length, and the
//! overview strip beside it (`overview`) shows the whole document. Paragraph geometry —
//! right-to-left paragraphs included — is in `para_geometry`, suggestions' marks in
//! `suggestion_marks`, the caret in `caret`.

use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, UiBuilder,
    pos2, vec2,
};

use super::caret;
use super::colors;
use super::overview::{self, Overview, OverviewInput};
use super::para_geometry::{self, ParaGeom, ParaInput};
use super::para_layout::Piece;
use super::suggestion_marks::{self, MarkInput};
use crate::app::editing::{EditingState, Scroll};
use crate::app::review::Key;
use crate::app::text_index::TextIndex;
use crate::model::{CharRange, DocId, Document, Project, QuoteId, Span, SpanId, Suggestion};
use crate::text;

/// Vertical gap between paragraphs, as a fraction of the row height.
const PARAGRAPH_GAP: f32 = 0.6;
/// Horizontal padding inside the view.
const MARGIN: f32 = 12.0;
/// The scroll bar: always shown, wide enough to grab, its handle never shorter than this.
const BAR_WIDTH: f32 = 10.0;
const BAR_MARGIN: f32 = 4.0;
const HANDLE_MIN: f32 = 36.0;

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
    geom: ParaGeom,
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
    /// Where the visible part was on screen in the last frame.
    screen: Rect,
    overview: Overview,
    /// Frames a caret row move has waited for its row to come on screen.
    row_wait: u8,
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
    /// The suggestion under the pointer (the review keys' target when none has the focus).
    pub hovered_suggestion: Option<Key>,
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
            screen: Rect::NOTHING,
            overview: Overview::default(),
            row_wait: 0,
            font_size: 17.0,
        }
    }

    fn geom_of(&self, offset: usize) -> Option<&ParaGeom> {
        self.shown
            .iter()
            .rev()
            .map(|s| &s.geom)
            .find(|g| g.char_start <= offset)
    }

    /// Screen position of code point `offset` if its paragraph is on screen (for tests and
    /// scroll decisions): the left edge of its character, vertically centred in its row.
    pub fn char_pos(&self, offset: usize) -> Option<Pos2> {
        let r = self.geom_of(offset)?.caret_rect(offset)?;
        Some(pos2(r.min.x + 1.0, r.center().y))
    }

    /// Where the caret (or code point `offset`) is drawn, if its paragraph is on screen (for
    /// tests): a zero-width rectangle the height of its row.
    pub fn caret_rect(&self, offset: usize) -> Option<Rect> {
        self.geom_of(offset)?.caret_rect(offset)
    }

    /// The code points on screen in the last frame.
    pub fn on_screen(&self) -> Option<CharRange> {
        let a = self.offset_at(self.screen.min + vec2(MARGIN, 1.0))?;
        let b = self.offset_at(self.screen.max - vec2(MARGIN, 1.0))?;
        Some(CharRange::new(a.min(b), a.max(b)))
    }

    /// The code point under screen position `pos`, from this frame's paragraphs.
    fn offset_at(&self, pos: Pos2) -> Option<usize> {
        let first = self.shown.first()?;
        if pos.y < first.geom.origin.y {
            return Some(first.geom.char_start);
        }
        let s = self
            .shown
            .iter()
            .find(|s| pos.y < s.band_bottom)
            .or(self.shown.last())?;
        // Below the text of a paragraph (in its gap): the end of its last row.
        let bottom = s.geom.text_rect().max.y - 1.0;
        Some(s.geom.offset_at(pos2(pos.x, pos.y.min(bottom))))
    }

    /// Where the view's top goes so that `target` is shown: unchanged when it already is
    /// (`None`), just far enough when it is near, a third of the way down when it is far.
    fn scroll_for(&self, target: usize, index: &TextIndex, row_height: f32) -> Option<f32> {
        if target == 0 {
            return Some(0.0);
        }
        let vp = self.viewport;
        let height = vp.height().max(row_height * 4.0);
        let y = match self.caret_rect(target) {
            Some(r) if self.screen.is_finite() => {
                if r.min.y >= self.screen.min.y && r.max.y <= self.screen.max.y {
                    return None;
                }
                r.min.y - self.screen.min.y + vp.min.y
            }
            _ => {
                let p = index.paragraphs.index_of_char(target);
                let y = self.heights.tops.get(p).copied().unwrap_or(0.0);
                let h = self.heights.heights.get(p).copied().unwrap_or(row_height);
                let visible = vp.height() > 0.0 && y >= vp.min.y && y + h <= vp.max.y;
                if visible {
                    return None;
                }
                y
            }
        };
        let top = if y < vp.min.y && vp.min.y - y < height {
            y - row_height
        } else if y >= vp.min.y && y - vp.max.y < height {
            y + 2.0 * row_height - height
        } else {
            y - height / 3.0
        };
        Some(top.max(0.0))
    }

    /// The view's top after a scroll key.
    fn scroll_by_key(&self, key: Scroll, from: f32, row_height: f32) -> f32 {
        let height = self.viewport.height().max(row_height);
        let page = (height - 2.0 * row_height).max(row_height);
        let max = (self.heights.total() - height).max(0.0);
        let y = match key {
            Scroll::LineDown => from + row_height,
            Scroll::LineUp => from - row_height,
            Scroll::PageDown => from + page,
            Scroll::PageUp => from - page,
            Scroll::Top => 0.0,
            Scroll::Bottom => max,
        };
        y.clamp(0.0, max)
    }

    /// Show the document. Returns what the status bar needs.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        doc: &Document,
        index: &TextIndex,
        view: &mut EditingState,
        suggestions: SuggestionLayer<'_>,
    ) -> ViewOutput {
        let labels = &project.labels;
        let mut out = ViewOutput::default();
        let font = FontId::proportional(self.font_size);
        let row_height = ui.fonts_mut(|f| f.row_height(&font));
        let char_width = ui.fonts_mut(|f| f.glyph_width(&font, 'n')).max(1.0);
        // The text on the left, the overview strip on the far right, the scroll bar between.
        let full = ui.available_rect_before_wrap();
        let strip = Rect::from_min_max(pos2(full.max.x - overview::WIDTH, full.min.y), full.max);
        let text_area = Rect::from_min_max(full.min, pos2(strip.min.x - 2.0, full.max.y));
        let width = (text_area.width() - 2.0 * MARGIN - BAR_WIDTH - BAR_MARGIN).max(80.0);
        if self.heights.doc != Some(doc.id)
            || (self.heights.width - width).abs() > 0.5
            || (self.heights.row_height - row_height).abs() > 0.01
            || self.heights.heights.len() != index.paragraphs.len()
        {
            self.heights
                .reset(doc, index, width, row_height, char_width);
        }
        self.buckets.refresh(doc, index);

        // Scroll to a requested offset if it is not already in view, then by the scroll keys.
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt(("document", doc.id))
            .auto_shrink([false, false])
            .animated(false);
        let mut top = None;
        if let Some(target) = view.scroll_to.take() {
            top = self.scroll_for(target, index, row_height);
        }
        if let Some(key) = view.scroll.take() {
            let from = top.unwrap_or(self.viewport.min.y.max(0.0));
            top = Some(self.scroll_by_key(key, from, row_height));
        }
        if let Some(y) = top {
            scroll = scroll.vertical_scroll_offset(y);
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

        let mut area = ui.new_child(UiBuilder::new().max_rect(text_area));
        {
            let s = &mut area.spacing_mut().scroll;
            s.floating = false;
            s.bar_width = BAR_WIDTH;
            s.bar_inner_margin = BAR_MARGIN;
            s.handle_min_length = HANDLE_MIN;
            s.active_background_opacity = 0.5;
            s.dormant_background_opacity = 0.3;
            s.dormant_handle_opacity = 0.7;
            s.active_handle_opacity = 0.85;
        }
        scroll.show_viewport(&mut area, |ui, viewport| {
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
            self.screen = bg_rect;

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
                let origin = content_origin + vec2(MARGIN, top);
                let geom = para_geometry::lay_out(
                    ui,
                    ParaInput {
                        text: ptext,
                        pieces: &pieces,
                        labels,
                        font: font.clone(),
                        width,
                        origin,
                        char_start: para.char_start,
                    },
                    &visuals,
                );
                let measured = geom.height().max(row_height) + row_height * PARAGRAPH_GAP;
                self.heights.set_measured(i, measured);
                let band_bottom = origin.y + measured;

                // Selection and find highlights behind the text.
                let painter = ui.painter();
                for (s, e) in &find_matches {
                    for r in geom.rects(*s, *e) {
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
                    for r in geom.rects(h.start, h.end) {
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
                geom.paint(painter, visuals.text_color());
                if let Some(sel) = selection {
                    for r in geom.rects(sel.start, sel.end) {
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
                    for r in geom.rects(p.span.start, p.span.end) {
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
                        let rects = geom.rects(r.start, r.end);
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
                                    double_clicked_at = Some(geom.offset_at(pos));
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
                            for rect in geom.rects(c.start, c.end) {
                                painter.rect_filled(
                                    rect.expand(1.0),
                                    CornerRadius::same(2),
                                    quote_color.gamma_multiply(0.35),
                                );
                                anchors.cue.get_or_insert(rect.center_top());
                            }
                        }
                        if let Some(s) = q.speaker.and_then(|s| doc.span(s)) {
                            for rect in geom.rects(s.start, s.end) {
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

                // Suggestions: outlined, never filled (see `suggestion_marks`).
                if !suggestions.hidden {
                    let clicks = suggestion_marks::draw(
                        ui,
                        &geom,
                        MarkInput {
                            items: suggestions.items,
                            current: suggestions.current,
                            doc,
                            para,
                            labels,
                            margin: MARGIN,
                        },
                        &visuals,
                    );
                    if clicks.hovered.is_some() {
                        out.hovered_suggestion = clicks.hovered;
                    }
                    if clicks.clicked.is_some() {
                        out.clicked_suggestion = clicks.clicked;
                        view.caret = clicks.clicked_at.or(view.caret);
                    }
                    if clicks.double_clicked_at.is_some() {
                        double_clicked_at = clicks.double_clicked_at;
                    }
                }

                // The paragraph as an accessible text node, then its spans as buttons on top.
                let para_rect = geom.text_rect();
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
                    let rects = geom.rects(p.span.start, p.span.end);
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

                self.shown.push(Shown { geom, band_bottom });
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
                    view.caret = Some(b);
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
                    view.caret = Some(b);
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
                    view.caret = Some(p.char_end);
                    out.selection_done = true;
                }
            } else if bg.double_clicked() {
                if let Some(o) = click_offset {
                    view.selection = word_range(doc, index, o);
                    view.selected_span = None;
                    if let Some(w) = view.selection {
                        view.caret = Some(w.end);
                    }
                    out.selection_done = view.selection.is_some();
                }
            } else if bg.clicked() {
                match (shift, click_offset, raw_selection) {
                    (true, Some(o), Some(sel)) => {
                        view.selection = Some(CharRange::new(sel.start.min(o), sel.end.max(o)));
                        view.caret = Some(o);
                    }
                    (true, Some(o), None) => {
                        if let Some(s) = view.selected_span.and_then(|s| doc.span(s)) {
                            view.selection = Some(CharRange::new(s.start.min(o), s.end.max(o)));
                            view.selected_span = None;
                        }
                        view.caret = Some(o);
                    }
                    (_, o, _) => {
                        view.selection = None;
                        view.selected_span = None;
                        view.caret = o;
                        if view.picking.is_none() {
                            view.selected_quote = None;
                        }
                    }
                }
            }

            // The caret: moved a row if a key asked, then drawn.
            self.carry_out_row_move(ui, doc, view, row_height);
            if let Some(r) = view.caret.and_then(|c| self.caret_rect(c)) {
                caret::paint_caret(ui.painter(), r, visuals.strong_text_color());
            }
            view.on_screen = self.on_screen();
        });

        // The overview strip; a click there jumps.
        let jump = self.overview.ui(
            ui,
            strip,
            OverviewInput {
                doc,
                labels,
                suggestions: suggestions.items,
                hidden: suggestions.hidden,
                current: suggestions.current,
                on_screen: view.on_screen,
            },
        );
        if let Some(o) = jump {
            view.scroll_to = Some(o);
            ui.ctx().request_repaint();
        }
        ui.advance_cursor_after_rect(full);

        if let Some(o) = double_clicked_at {
            view.selection = word_range(doc, index, o);
            view.selected_span = None;
            view.caret = view.selection.map(|w| w.end).or(Some(o));
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
                    // At its end, so Ctrl+Shift+Right grows the selection from the span.
                    view.caret = doc.span(id).map(|s| s.end);
                }
            }
        }
        out
    }

    /// Carry out a caret move by a row (Up, Down, Shift+Up, Shift+Down) with this frame's
    /// layout; when the row is off screen, scroll first and try again next frame.
    fn carry_out_row_move(
        &mut self,
        ui: &Ui,
        doc: &Document,
        view: &mut EditingState,
        row_height: f32,
    ) {
        let (Some(m), Some(c)) = (view.row_move.take(), view.caret) else {
            self.row_wait = 0;
            return;
        };
        let shown: Vec<&ParaGeom> = self.shown.iter().map(|s| &s.geom).collect();
        if let Some(to) = caret::row_target(&shown, c, m.down, row_height, PARAGRAPH_GAP) {
            view.caret_to(doc, to, m.extend);
            self.row_wait = 0;
            return;
        }
        if self.row_wait >= 3 {
            // The first or last row of the document: nowhere to go.
            self.row_wait = 0;
            return;
        }
        self.row_wait += 1;
        if self.caret_rect(c).is_some() {
            view.scroll = Some(if m.down {
                Scroll::LineDown
            } else {
                Scroll::LineUp
            });
        } else {
            view.scroll_to = Some(c);
        }
        view.row_move = Some(m);
        ui.ctx().request_repaint();
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

/// Where the selected quote's parts are on screen, for its connectors.
#[derive(Default)]
struct QuoteAnchors {
    cue: Option<Pos2>,
    speaker: Option<Pos2>,
    content: Option<Pos2>,
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
