//! One paragraph laid out on screen, and the geometry the document view asks of it: the
//! rectangles over a range of code points, the code point under the pointer, where the caret
//! stands.
//!
//! **Right-to-left text.** egui 0.37 has no bidirectional layout: it shapes each run with
//! HarfRust, which puts an Arabic or Hebrew run's glyphs in visual (right-to-left) order, but
//! it places runs, sections and wrapped rows left to right in logical order — and for such a
//! run it also emits extra zero-width glyphs, so "glyph i is character i" no longer holds. A
//! highlight over "glyphs i..j" then lands beside the word, and a long paragraph wraps with its
//! last words first. So a paragraph with right-to-left letters in it is laid out here word by
//! word: each word (with the spaces after it) is its own small galley; rows are filled in
//! logical order; each row is placed in visual order — a right-to-left paragraph (its first
//! letter decides, `text::is_rtl_paragraph`) from the right, its runs of left-to-right words
//! such as names and numbers kept in their order, and a left-to-right paragraph from the left
//! with its runs of right-to-left words reversed. Each character is then matched to its glyph
//! by the character the glyph shows, and rectangles, hits and the caret come from that map.
//! This is word-level bidi — enough for news in Arabic or Hebrew with Latin names and numbers
//! inside, or a Hebrew name in English text; it does not mirror brackets.

use std::sync::Arc;

use egui::text::{ByteIndex, CCursor, CharIndex, LayoutJob, LayoutSection, TextWrapping};
use egui::{Color32, FontId, Galley, Painter, Pos2, Rect, Ui, Vec2, Visuals, pos2, vec2};

use super::para_layout::{Piece, paragraph_job, paragraph_job_cut};
use crate::model::LabelSet;
use crate::text;

/// A paragraph laid out this frame.
pub struct ParaGeom {
    layout: Layout,
    /// Top-left of the paragraph's text column, and its width.
    pub origin: Pos2,
    pub width: f32,
    /// Document offset of the paragraph's first code point, and its length.
    pub char_start: usize,
    pub char_len: usize,
}

enum Layout {
    /// Left-to-right text: one galley, egui's own geometry.
    Plain(Arc<Galley>),
    /// Text with right-to-left words: one galley per word, placed by this module.
    Words {
        /// Each word's galley and where it goes, relative to `origin`.
        words: Vec<(Arc<Galley>, Vec2)>,
        /// Rectangle of each character relative to `origin` (logical order).
        rects: Vec<Rect>,
        /// Whether each character reads right to left (the caret stands on its right).
        rtl: Vec<bool>,
        row_height: f32,
        rows: usize,
        rtl_paragraph: bool,
    },
}

/// What a paragraph is laid out from.
pub struct ParaInput<'a> {
    pub text: &'a str,
    pub pieces: &'a [Piece<'a>],
    pub labels: &'a LabelSet,
    pub font: FontId,
    pub width: f32,
    pub origin: Pos2,
    pub char_start: usize,
}

/// Whether `text` has a letter of a right-to-left script (and so needs word-by-word layout).
fn has_rtl(text: &str) -> bool {
    !text.is_ascii()
        && text
            .chars()
            .any(|c| text::is_rtl_char(c) && c.is_alphabetic())
}

/// Lay out one paragraph (with right-to-left words, word by word: see the module docs).
pub fn lay_out(ui: &Ui, input: ParaInput<'_>, visuals: &Visuals) -> ParaGeom {
    let ParaInput {
        text,
        pieces,
        labels,
        font,
        width,
        origin,
        char_start,
    } = input;
    if !has_rtl(text) {
        let job = paragraph_job(text, pieces, labels, font, width, visuals);
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        let char_len = galley.text().chars().count();
        return ParaGeom {
            layout: Layout::Plain(galley),
            origin,
            width,
            char_start,
            char_len,
        };
    }
    let rtl_paragraph = text::is_rtl_paragraph(text);
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let tokens = bidi_tokens(&chars);
    let cuts: Vec<usize> = tokens.iter().map(|t| t.0).collect();
    let base = paragraph_job_cut(text, pieces, &cuts, labels, font, f32::INFINITY, visuals);
    let dirs: Vec<Option<bool>> = tokens
        .iter()
        .map(|&(s, e)| text::strong_direction(&text[bytes[s]..bytes[e]]))
        .collect();
    let reads_rtl = |t: usize| dirs[t].unwrap_or(rtl_paragraph);
    // Each word as its own galley (sections in visual order for a right-to-left word).
    let mut galleys: Vec<(Arc<Galley>, f32)> = Vec::with_capacity(tokens.len());
    for (t, &(s, e)) in tokens.iter().enumerate() {
        let first = base
            .sections
            .partition_point(|sec| sec.byte_range.start.0 < bytes[s]);
        let mut secs: Vec<&LayoutSection> = base.sections[first..]
            .iter()
            .take_while(|sec| sec.byte_range.start.0 < bytes[e])
            .collect();
        if reads_rtl(t) {
            secs.reverse();
        }
        let mut job = LayoutJob {
            wrap: TextWrapping {
                max_width: f32::INFINITY,
                ..Default::default()
            },
            break_on_newline: false,
            ..Default::default()
        };
        for sec in secs {
            let (bs, be) = (sec.byte_range.start.0, sec.byte_range.end.0);
            let Some(piece) = text.get(bs..be) else {
                continue;
            };
            let at = job.text.len();
            job.text.push_str(piece);
            job.sections.push(LayoutSection {
                leading_space: 0.0,
                byte_range: ByteIndex(at)..ByteIndex(job.text.len()),
                format: sec.format.clone(),
            });
        }
        let g = ui.fonts_mut(|f| f.layout_job(job));
        let w = g
            .rows
            .iter()
            .flat_map(|r| {
                r.row
                    .glyphs
                    .iter()
                    .map(move |gl| r.pos.x + gl.pos.x + gl.advance_width)
            })
            .fold(0.0f32, f32::max);
        galleys.push((g, w));
    }
    let row_height = galleys
        .iter()
        .map(|(g, _)| g.rect.height())
        .fold(ui.fonts_mut(|f| f.row_height(&base_font(&base))), f32::max);
    // Fill rows in logical order.
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0.0;
    for (t, &(s, e)) in tokens.iter().enumerate() {
        let all = galleys[t].1;
        let space = chars[s..e].iter().all(|c| c.is_whitespace());
        let ink = if space { 0.0 } else { all };
        let row_is_empty = rows.last().is_none_or(|r| r.is_empty());
        // Rows break only after white space, never between a word and its punctuation.
        let after_space = t > 0 && chars[tokens[t - 1].0].is_whitespace();
        if used + ink > width && !row_is_empty && after_space {
            rows.push(Vec::new());
            used = 0.0;
        }
        if let Some(r) = rows.last_mut() {
            r.push(t);
        }
        used += all;
    }
    // Place each row in visual order.
    let mut words = Vec::with_capacity(tokens.len());
    let mut rects = vec![Rect::NOTHING; n];
    for (r, row) in rows.iter().enumerate() {
        let mut order = row.clone();
        if rtl_paragraph {
            order.reverse();
        }
        // Runs of words against the paragraph's direction read the other way.
        let mut k = 0;
        while k < order.len() {
            let against = |t: usize| dirs[t] == Some(!rtl_paragraph);
            if !against(order[k]) {
                k += 1;
                continue;
            }
            let mut j = k;
            while j < order.len() && (against(order[j]) || dirs[order[j]].is_none()) {
                j += 1;
            }
            // A trailing neutral word is not part of the run.
            while j > k + 1 && dirs[order[j - 1]].is_none() {
                j -= 1;
            }
            order[k..j].reverse();
            k = j;
        }
        let row_width: f32 = order.iter().map(|t| galleys[*t].1).sum();
        let mut x = if rtl_paragraph {
            (width - row_width).max(0.0)
        } else {
            0.0
        };
        let y = r as f32 * row_height;
        for t in order {
            let (g, w) = &galleys[t];
            let at = vec2(x, y);
            match_glyphs(g, at, tokens[t], &chars, reads_rtl(t), &mut rects);
            words.push((g.clone(), at));
            x += w;
        }
    }
    let rtl: Vec<bool> = {
        let mut v = vec![false; n];
        for (t, &(s, e)) in tokens.iter().enumerate() {
            for c in s..e {
                v[c] = if chars[c].is_alphabetic() {
                    text::is_rtl_char(chars[c])
                } else {
                    reads_rtl(t)
                };
            }
        }
        v
    };
    ParaGeom {
        layout: Layout::Words {
            words,
            rects,
            rtl,
            row_height,
            rows: rows.len(),
            rtl_paragraph,
        },
        origin,
        width,
        char_start,
        char_len: n,
    }
}

/// The pieces a paragraph with right-to-left text is laid out in, in code points: words (with
/// the apostrophes, hyphens, and the commas and points of numbers inside them: "EU's",
/// "4,300"), runs of white space, and runs of other punctuation. Each is shaped on its own and
/// placed by its direction, so a full stop after an Arabic word goes to its left.
fn bidi_tokens(chars: &[char]) -> Vec<(usize, usize)> {
    #[derive(PartialEq)]
    enum Class {
        Word,
        Space,
        Other,
    }
    let n = chars.len();
    let is_word = |c: char| c.is_alphanumeric() || is_mark(c);
    let class = |i: usize| {
        let c = chars[i];
        if is_word(c) {
            Class::Word
        } else if c.is_whitespace() {
            Class::Space
        } else if matches!(c, '\'' | '’' | '-' | '.' | ',' | ':')
            && i > 0
            && i + 1 < n
            && is_word(chars[i - 1])
            && is_word(chars[i + 1])
        {
            Class::Word
        } else {
            Class::Other
        }
    };
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < n {
        let (s, k) = (i, class(i));
        i += 1;
        while i < n && class(i) == k {
            i += 1;
        }
        tokens.push((s, i));
    }
    tokens
}

/// A combining mark (Arabic harakat, Hebrew points): part of the word it sits on.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED)
}

fn base_font(job: &LayoutJob) -> FontId {
    job.sections
        .first()
        .map(|s| s.format.font_id.clone())
        .unwrap_or_default()
}

/// Find each character of word `s..e` among its galley's glyphs, by the character each glyph
/// shows: real glyphs first (egui adds zero-width ones after a right-to-left run), from the
/// right in a right-to-left word, where the shaper put its first letters.
fn match_glyphs(
    g: &Galley,
    at: Vec2,
    (s, e): (usize, usize),
    chars: &[char],
    rtl: bool,
    rects: &mut [Rect],
) {
    let glyphs: Vec<(char, Rect, bool)> = g
        .rows
        .iter()
        .flat_map(|placed| {
            let (x, y, h) = (placed.pos.x, placed.pos.y, placed.row.size.y);
            placed.row.glyphs.iter().map(move |gl| {
                let x0 = x + gl.pos.x;
                let r = Rect::from_min_max(pos2(x0, y), pos2(x0 + gl.advance_width, y + h));
                (gl.chr, r.translate(at), gl.advance_width > 0.0)
            })
        })
        .collect();
    let mut taken = vec![false; glyphs.len()];
    for (c, &want) in chars.iter().enumerate().take(e).skip(s) {
        let pick = |real: bool| {
            let ok = |j: &usize| !taken[*j] && glyphs[*j].0 == want && (!real || glyphs[*j].2);
            if rtl {
                (0..glyphs.len()).rev().find(ok)
            } else {
                (0..glyphs.len()).find(ok)
            }
        };
        if let Some(j) = pick(true).or_else(|| pick(false)) {
            taken[j] = true;
            if let Some(r) = rects.get_mut(c) {
                *r = glyphs[j].1;
            }
        }
    }
}

impl ParaGeom {
    /// Whether the paragraph reads right to left (aligned right).
    pub fn is_rtl(&self) -> bool {
        matches!(
            self.layout,
            Layout::Words {
                rtl_paragraph: true,
                ..
            }
        )
    }

    /// Height of the laid-out text.
    pub fn height(&self) -> f32 {
        match &self.layout {
            Layout::Plain(g) => g.rect.height(),
            Layout::Words {
                row_height, rows, ..
            } => row_height * (*rows).max(1) as f32,
        }
    }

    /// The text column's box on screen.
    pub fn text_rect(&self) -> Rect {
        match &self.layout {
            Layout::Plain(g) => g.rect.translate(self.origin.to_vec2()),
            Layout::Words { .. } => {
                Rect::from_min_size(self.origin, vec2(self.width, self.height()))
            }
        }
    }

    /// Paint the text.
    pub fn paint(&self, painter: &Painter, color: Color32) {
        match &self.layout {
            Layout::Plain(g) => painter.galley(self.origin, g.clone(), color),
            Layout::Words { words, .. } => {
                for (g, at) in words {
                    painter.galley(self.origin + *at, g.clone(), color);
                }
            }
        }
    }

    /// Screen rectangles over document code points `start..end` (one per stretch of a row).
    pub fn rects(&self, start: usize, end: usize) -> Vec<Rect> {
        let (a, b) = (
            start.max(self.char_start),
            end.min(self.char_start + self.char_len),
        );
        if a >= b {
            return Vec::new();
        }
        let rects = match &self.layout {
            Layout::Plain(g) => return segment_rects(g, self.origin, self.char_start, a, b),
            Layout::Words { rects, .. } => rects,
        };
        let offset = self.origin.to_vec2();
        let mut rs: Vec<Rect> = rects[a - self.char_start..b - self.char_start]
            .iter()
            .filter(|r| r.is_finite())
            .map(|r| r.translate(offset))
            .collect();
        rs.sort_by(|p, q| {
            p.min
                .y
                .total_cmp(&q.min.y)
                .then(p.min.x.total_cmp(&q.min.x))
        });
        let mut out: Vec<Rect> = Vec::new();
        for r in rs {
            match out.last_mut() {
                Some(last) if (last.min.y - r.min.y).abs() < 0.5 && r.min.x <= last.max.x + 1.0 => {
                    *last = last.union(r);
                }
                _ => out.push(r),
            }
        }
        out
    }

    /// The document code point (caret position) nearest to screen position `pos`.
    pub fn offset_at(&self, pos: Pos2) -> usize {
        let local = pos - self.origin;
        let (rects, rtl, row_height) = match &self.layout {
            Layout::Plain(g) => {
                let local = vec2(local.x, local.y.min(g.rect.height() - 1.0));
                return self.char_start + g.cursor_from_pos(local).index.0;
            }
            Layout::Words {
                rects,
                rtl,
                row_height,
                rows,
                ..
            } => {
                let row = ((local.y / row_height).floor().max(0.0) as usize).min(rows - 1);
                (rects, rtl, (row as f32) * row_height)
            }
        };
        let row_top = row_height;
        let best = rects
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_finite() && (r.min.y - row_top).abs() < 0.5)
            .min_by(|(_, p), (_, q)| {
                let d = |r: &Rect| {
                    if r.x_range().contains(local.x) {
                        0.0
                    } else {
                        (r.center().x - local.x).abs()
                    }
                };
                d(p).total_cmp(&d(q))
            });
        let Some((c, r)) = best else {
            return self.char_start;
        };
        let after = if rtl[c] {
            local.x < r.center().x
        } else {
            local.x >= r.center().x
        };
        self.char_start + c + usize::from(after)
    }

    /// A zero-width rectangle on screen where the caret stands before document code point
    /// `offset` (at the end, after the last one), the height of its row.
    pub fn caret_rect(&self, offset: usize) -> Option<Rect> {
        let local = offset.checked_sub(self.char_start)?;
        if local > self.char_len {
            return None;
        }
        let (rects, rtl) = match &self.layout {
            Layout::Plain(g) => {
                let r = g.pos_from_cursor(CCursor::new(CharIndex(local)));
                return Some(r.translate(self.origin.to_vec2()));
            }
            Layout::Words { rects, rtl, .. } => (rects, rtl),
        };
        let (c, after) = if local < self.char_len {
            (local, false)
        } else {
            (local.checked_sub(1)?, true)
        };
        let r = rects.get(c).filter(|r| r.is_finite())?;
        let right = rtl[c] != after;
        let x = if right { r.max.x } else { r.min.x };
        let r = Rect::from_x_y_ranges(x..=x, r.y_range());
        Some(r.translate(self.origin.to_vec2()))
    }
}

/// Screen rectangles covering document code points `start..end` within one laid-out
/// left-to-right paragraph (one per row it touches).
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabelSet;

    /// Lay out `text` in a bare egui context (no font for Hebrew: tofu boxes) and hand the
    /// geometry to `check`.
    fn with_layout(text: &str, width: f32, check: impl Fn(&ParaGeom)) {
        let ctx = egui::Context::default();
        ctx.set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
        let labels = LabelSet::news();
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            let visuals = ui.visuals().clone();
            let g = lay_out(
                ui,
                ParaInput {
                    text,
                    pieces: &[],
                    labels: &labels,
                    font: FontId::proportional(16.0),
                    width,
                    origin: pos2(0.0, 0.0),
                    char_start: 0,
                },
                &visuals,
            );
            check(&g);
        });
        out.textures_delta.clear();
    }

    #[test]
    fn a_hebrew_paragraph_reads_from_the_right_and_its_words_are_covered() {
        let text = "ראש הממשלה נתניהו אמר.";
        with_layout(text, 600.0, |g| {
            assert!(g.is_rtl());
            let x = |o: usize| g.caret_rect(o).map(|r| r.min.x).unwrap_or(f32::NAN);
            // The first word is at the right edge, the last at the left.
            assert!(x(0) > 590.0, "{}", x(0));
            assert!(
                x(0) > x(4) && x(4) > x(11) && x(11) > x(18),
                "{} {} {} {}",
                x(0),
                x(4),
                x(11),
                x(18)
            );
            // "נתניהו" (11..17) is one rectangle over six glyphs, between its neighbours.
            let r = g.rects(11, 17);
            assert_eq!(r.len(), 1, "{r:?}");
            assert!(r[0].width() > 5.0 * 6.0, "{r:?}");
            assert!(
                r[0].max.x <= x(10) + 1.0 && r[0].min.x >= x(18) - 1.0,
                "{r:?}"
            );
            // The full stop after the last word is on its left, where a reader ends.
            let last = g.rects(18, 21)[0];
            assert!(x(21) <= last.min.x + 0.5, "{} {last:?}", x(21));
            // A hit on the word's right half is its start, left half its end.
            let c = r[0].center();
            assert!((11..=17).contains(&g.offset_at(c)));
            assert_eq!(g.offset_at(pos2(r[0].max.x - 1.0, c.y)), 11);
            assert_eq!(g.offset_at(pos2(r[0].min.x + 1.0, c.y)), 17);
        });
    }

    #[test]
    fn a_long_arabic_paragraph_wraps_with_its_first_words_on_the_first_row() {
        let text = "قال الرئيس إن المحادثات مع المسؤولين في جنيف ستستأنف بعد توقف دام عدة أسابيع.";
        with_layout(text, 200.0, |g| {
            let y = |o: usize| g.caret_rect(o).map(|r| r.min.y).unwrap_or(f32::NAN);
            let n = text.chars().count();
            assert!(g.height() > 30.0, "wrapped");
            assert!(y(0) < y(n - 2), "first words first");
        });
    }

    #[test]
    fn latin_names_keep_their_order_inside_arabic() {
        let text = "التقى Angela Merkel في برلين";
        with_layout(text, 600.0, |g| {
            let x = |o: usize| g.caret_rect(o).map(|r| r.min.x).unwrap_or(f32::NAN);
            // "Angela" (6..12) left of "Merkel" (13..19), both left of "التقى" (0..5).
            assert!(x(6) < x(13), "{} {}", x(6), x(13));
            assert!(x(13) < x(0));
        });
    }

    #[test]
    fn a_hebrew_name_in_english_text_is_covered_where_it_is_drawn() {
        let text = "The prime minister נתניהו said no.";
        with_layout(text, 600.0, |g| {
            assert!(!g.is_rtl());
            let x = |o: usize| g.caret_rect(o).map(|r| r.min.x).unwrap_or(f32::NAN);
            assert!(x(0) < 1.0);
            let r = g.rects(19, 25);
            assert_eq!(r.len(), 1, "{r:?}");
            assert!(
                r[0].min.x > x(18) - 1.0 && r[0].max.x < x(26) + 1.0,
                "{r:?}"
            );
            assert!(x(26) < x(27), "after it, left to right again");
        });
    }
}
