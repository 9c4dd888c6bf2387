//! Window tests: the real `Workbench` driven through AccessKit and simulated input with
//! egui_kittest (no GPU, no display). One test binary so the app is linked once.

mod support;

mod categories;
mod csv_import;
mod dashboard_codes;
mod dialog_keys;
mod document_meta;
mod documents;
mod editing;
mod engine_precision;
mod engines;
mod entities_labels;
mod export_dialog;
mod files;
mod find;
mod key_names;
mod keyboard;
mod lists;
mod model;
mod one_road;
mod panels;
mod prefilled;
mod quote_kinds;
mod quotes;
mod review;
mod suggestions_import;
mod team;
