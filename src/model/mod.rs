//! The model: what a Gloss project holds, as plain data with serde.
//!
//! Nothing here knows about egui, files or the matcher. Every offset is a Unicode code point
//! (a Rust `char` index), end-exclusive, so a span `0..5` of "Putin said" is "Putin" whatever the
//! script: the only units that survive copying text between Python, Rust and the file on disk.
//! Conversions to bytes (egui, Rust slicing) and UTF-16 (Label Studio) live in `text`.

mod attributes;
mod char_map;
mod document;
mod entity;
mod ids;
mod label;
mod origin;
mod prediction;
mod project;
mod quote;
mod range;
mod scheme;
mod settings;
mod span;
mod suggestion;
mod symbol;
mod validate;
mod verdict;

pub use attributes::Attributes;
pub use char_map::CharMap;
pub use document::{Document, Status};
pub use entity::Entity;
pub use ids::{DocId, EntityId, QuoteId, SpanId};
pub use label::{Color, LabelDef, LabelSet, PALETTE};
pub use origin::Origin;
pub use prediction::{Predicted, Prediction};
pub use project::{Project, SCHEMA_VERSION};
pub use quote::{Quote, QuoteKind};
pub use range::CharRange;
pub use scheme::{AttrItem, AttrTarget, AttributeDef, Categories, CategoryScheme, CategoryValue};
pub use settings::{ENGINE_TIMEOUT_SECS, ExternalEngine, MatcherSettings, SpacyEngine, UserList};
pub use span::{Mention, Span};
pub use suggestion::{Proposal, Suggestion};
pub use symbol::Symbol;
pub use validate::{Problem, validate};
pub use verdict::{Rejection, VerdictMemory};
