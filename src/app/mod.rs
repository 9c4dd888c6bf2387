//! The application layer: one open project as a session, every change as a command with its
//! inverse, gestures that turn what a user does into commands, the editing state of the
//! document view, and the table of keyboard shortcuts. No drawing happens here; the window and
//! the CLI both drive this layer.

pub mod agreement;
pub mod background;
pub mod breakdown;
pub mod coding;
pub mod command;
pub mod curation;
pub mod dialogs;
pub mod doc_filter;
pub mod editing;
pub mod engine_stats;
pub mod eval;
pub mod external;
pub mod formats;
pub mod gender;
pub mod gestures;
pub mod history;
pub mod jobs;
pub mod keymap;
pub mod launch;
pub mod learn_curve;
pub mod learning;
pub mod merge;
pub mod predictions;
pub mod prefs;
pub mod quoting;
pub mod review;
pub mod schemes;
pub mod session;
pub mod text_index;

pub use command::{Command, CommandError};
pub use session::{OpenInfo, Session};
