//! One paragraph as an egui `LayoutJob`: the text split into sections wherever a span starts
//! or ends, each section formatted for the spans covering it.
//!
//! egui wants sections that tile the text without gaps or overlaps, while annotations nest
//! and cross. So the boundaries of every span are collected, and each piece between two
//! boundaries takes the background of the outermost span covering it and the underline of the
//! innermost nested one. Outlines around nested and crossing spans are painted separately
//! (see `document_view`) so every span's extent stays visible.

use egui::text::{LayoutJob, LayoutSection, TextWrapping};
use egui::{FontId, Stroke, TextFormat, Visuals};

use super::colors;
use crate::model::{LabelSet, Span};

/// A span clipped to a paragraph, in code points local to the paragraph.
#[derive(Clone, Copy, Debug)]
pub struct Piece<'a> {
    pub span: &'a Span,
    pub start: usize,
    pub end: usize,
}

/// Byte offsets in `text` of the given ascending code point offsets.
fn bytes_of(text: &str, chars: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(chars.len());
    let mut it = text.char_indices().map(|(b, _)| b).enumerate().peekable();
    for &c in chars {
        loop {
            match it.peek() {
                Some(&(i, b)) if i == c => {
                    out.push(b);
                    break;
                }
                Some(&(i, _)) if i < c => {
                    it.next();
                }
                _ => {
                    out.push(text.len());
                    break;
                }
            }
        }
    }
    out
}

/// Build the job for one paragraph's text with its span pieces.
pub fn paragraph_job(
    text: &str,
    pieces: &[Piece<'_>],
    labels: &LabelSet,
    font: FontId,
    wrap_width: f32,
    visuals: &Visuals,
) -> LayoutJob {
    paragraph_job_cut(text, pieces, &[], labels, font, wrap_width, visuals)
}

/// The same, with sections also cut at `extra_cuts` (code points): a right-to-left paragraph
/// is laid out word by word, so no section may cross a word boundary.
pub fn paragraph_job_cut(
    text: &str,
    pieces: &[Piece<'_>],
    extra_cuts: &[usize],
    labels: &LabelSet,
    font: FontId,
    wrap_width: f32,
    visuals: &Visuals,
) -> LayoutJob {
    let plain = TextFormat {
        font_id: font.clone(),
        color: visuals.text_color(),
        ..Default::default()
    };
    let n_chars = text.chars().count();
    let mut cuts: Vec<usize> = vec![0, n_chars];
    for p in pieces {
        cuts.push(p.start.min(n_chars));
        cuts.push(p.end.min(n_chars));
    }
    cuts.extend(extra_cuts.iter().map(|c| (*c).min(n_chars)));
    cuts.sort_unstable();
    cuts.dedup();
    let bytes = bytes_of(text, &cuts);

    let mut sections = Vec::with_capacity(cuts.len());
    for w in 0..cuts.len().saturating_sub(1) {
        let (a, b) = (cuts[w], cuts[w + 1]);
        if a == b {
            continue;
        }
        // Spans covering this piece, outermost (longest) first.
        let mut covering: Vec<&Piece<'_>> = pieces
            .iter()
            .filter(|p| p.start <= a && b <= p.end)
            .collect();
        covering.sort_by_key(|p| std::cmp::Reverse(p.span.end - p.span.start));
        let mut format = plain.clone();
        if let Some(outer) = covering.first() {
            let c = colors::label_color(labels, &outer.span.label);
            format.background = colors::span_background(c, visuals);
            // Pronouns and descriptions are mentions, not names: drawn fainter and slanted.
            if !outer.span.mention.is_name() {
                format.background = visuals
                    .extreme_bg_color
                    .lerp_to_gamma(format.background, 0.55);
                format.italics = true;
            }
        }
        if covering.len() > 1
            && let Some(inner) = covering.last()
        {
            let c = colors::label_color(labels, &inner.span.label);
            format.underline = Stroke::new(2.0, colors::span_stroke(c, visuals));
        }
        sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(bytes[w])..egui::text::ByteIndex(bytes[w + 1]),
            format,
        });
    }
    if sections.is_empty() {
        sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(0)..egui::text::ByteIndex(text.len()),
            format: plain,
        });
    }
    LayoutJob {
        text: text.to_string(),
        sections,
        wrap: TextWrapping {
            max_width: wrap_width,
            ..Default::default()
        },
        break_on_newline: false,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, SpanId};

    #[test]
    fn sections_tile_the_text_and_follow_nesting() {
        let text = "The Bank of England’s governor 👋 spoke.";
        let outer = Span::new(SpanId(1), CharRange::new(4, 19), "ORG");
        let inner = Span::new(SpanId(2), CharRange::new(12, 19), "GPE");
        let pieces = [
            Piece {
                span: &outer,
                start: 4,
                end: 19,
            },
            Piece {
                span: &inner,
                start: 12,
                end: 19,
            },
        ];
        let visuals = Visuals::dark();
        let job = paragraph_job(
            text,
            &pieces,
            &LabelSet::news(),
            FontId::proportional(14.0),
            300.0,
            &visuals,
        );
        let mut at = 0;
        for s in &job.sections {
            assert_eq!(s.byte_range.start.0, at, "no gaps");
            at = s.byte_range.end.0;
        }
        assert_eq!(at, text.len(), "sections cover the text");
        let texts: Vec<&str> = job
            .sections
            .iter()
            .map(|s| &text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(
            texts,
            ["The ", "Bank of ", "England", "’s governor 👋 spoke."]
        );
        assert_eq!(job.sections[1].format.underline, Stroke::NONE);
        assert_ne!(
            job.sections[2].format.underline,
            Stroke::NONE,
            "nested span is underlined"
        );
        assert_eq!(
            job.sections[1].format.background,
            job.sections[2].format.background
        );
    }

    #[test]
    fn empty_paragraph_has_one_section() {
        let job = paragraph_job(
            "",
            &[],
            &LabelSet::news(),
            FontId::proportional(14.0),
            100.0,
            &Visuals::light(),
        );
        assert_eq!(job.sections.len(), 1);
    }
}
