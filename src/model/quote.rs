//! A quotation: what was said (one or more content ranges), who said it, and the speech verb.
//!
//! "We will not give in," the minister said, "not now." is one quote with two content ranges,
//! a cue ("said") and a speaker mention ("the minister", a span that may link to an entity).

use serde::{Deserialize, Serialize};

use super::{Attributes, CharRange, Origin, QuoteId, SpanId};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuoteKind {
    /// Verbatim, inside quotation marks.
    #[default]
    Direct,
    /// Reported speech: "she warned that ...".
    Indirect,
    /// Reported speech with a verbatim fragment.
    Mixed,
}

impl QuoteKind {
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }

    pub fn next(self) -> Self {
        match self {
            QuoteKind::Direct => QuoteKind::Indirect,
            QuoteKind::Indirect => QuoteKind::Mixed,
            QuoteKind::Mixed => QuoteKind::Direct,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: QuoteId,
    /// What was said, in text order; never empty.
    pub content: Vec<CharRange>,
    /// The mention of who said it: a span of the same document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<SpanId>,
    /// The speech verb or phrase ("said", "according to").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<CharRange>,
    #[serde(default)]
    pub kind: QuoteKind,
    #[serde(default, skip_serializing_if = "Origin::is_manual")]
    pub origin: Origin,
    /// Attribute name → value (`stance: against`); see `model::scheme`.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

impl Quote {
    /// The smallest range holding every content part.
    pub fn extent(&self) -> CharRange {
        let start = self.content.iter().map(|r| r.start).min().unwrap_or(0);
        let end = self.content.iter().map(|r| r.end).max().unwrap_or(0);
        CharRange::new(start, end)
    }
}
