//! Gloss: a native workbench for annotating news articles with entities and quotations.
//!
//! The layers, each depending only on those listed before it:
//! `model` (pure data) → `text` (offsets, paragraphs, words) → `io` (files) → `app` (session,
//! commands, undo, shortcuts) → `ui` (egui panels that read state and emit commands).
//! The CLI (`cli`) drives the same `app` layer without a window.

pub mod app;
pub mod cli;
pub mod io;
pub mod matcher;
pub mod model;
pub mod text;
pub mod ui;
