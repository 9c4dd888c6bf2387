//! Label colours on screen: a label's colour made into a background that keeps text readable
//! on the dark and the light theme.

use egui::{Color32, Visuals};

use crate::model::{Color, LabelSet};

pub fn color32(c: Color) -> Color32 {
    Color32::from_rgb(c.0[0], c.0[1], c.0[2])
}

/// The background behind a span's text.
pub fn span_background(c: Color, visuals: &Visuals) -> Color32 {
    let base = color32(c);
    if visuals.dark_mode {
        visuals.extreme_bg_color.lerp_to_gamma(base, 0.5)
    } else {
        Color32::WHITE.lerp_to_gamma(base, 0.45)
    }
}

/// The strong colour for outlines and underlines of nested spans.
pub fn span_stroke(c: Color, visuals: &Visuals) -> Color32 {
    let base = color32(c);
    if visuals.dark_mode {
        base
    } else {
        Color32::BLACK.lerp_to_gamma(base, 0.7)
    }
}

/// The colour quotes are drawn in: amber, apart from every label colour.
pub fn quote_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xff, 0xb7, 0x4d)
    } else {
        Color32::from_rgb(0xc2, 0x5e, 0x00)
    }
}

/// The colour that marks the region being curated: violet, apart from the label colours and
/// the quotes' amber.
pub fn curation_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xc0, 0x8c, 0xff)
    } else {
        Color32::from_rgb(0x7a, 0x2e, 0xd6)
    }
}

/// Colour of a label by name, grey for a label the set does not know.
pub fn label_color(labels: &LabelSet, name: &str) -> Color {
    labels
        .get(name)
        .map(|l| l.color)
        .unwrap_or(Color([0x88, 0x88, 0x88]))
}
