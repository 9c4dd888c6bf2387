//! Where an annotation came from: typed by hand, or an accepted suggestion and the rule behind it.

use serde::{Deserialize, Serialize};

use super::Symbol;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Origin {
    /// Made by hand.
    #[default]
    Manual,
    /// An accepted suggestion: which engine and rule proposed it, and the score it had.
    Suggested {
        engine: Symbol,
        rule: Symbol,
        score: f32,
    },
    /// Brought in from another tool's file (the format's name, e.g. "brat").
    Imported { format: Symbol },
}

impl Origin {
    pub fn is_manual(&self) -> bool {
        matches!(self, Origin::Manual)
    }

    /// A short phrase for the Span panel and tooltips.
    pub fn describe(&self) -> String {
        match self {
            Origin::Manual => "by hand".to_string(),
            Origin::Suggested {
                engine,
                rule,
                score,
            } => format!("suggestion accepted ({engine}: {rule}, score {score:.2})"),
            Origin::Imported { format } => format!("imported from {format}"),
        }
    }
}
