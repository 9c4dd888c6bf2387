//! Window tests: the real `GlossApp` driven through AccessKit and simulated input with
//! egui_kittest (no GPU, no display). One test binary so the app is linked once.

mod support;

mod documents;
mod editing;
mod entities_labels;
mod files;
mod find;
mod lists;
mod model;
mod quotes;
mod review;
mod team;
