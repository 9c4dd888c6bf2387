//! Predictions: suggestions brought in from another tool's file (a model's output saved as
//! Label Studio predictions, a spaCy DocBin, a JSONL of spans…). Unlike computed suggestions
//! they cannot be made again from the text, so they are saved with their document; the
//! matcher shows them beside its own, and verdicts hide them like any other suggestion.

use serde::{Deserialize, Serialize};

use super::{Mention, Proposal, QuoteKind, Suggestion, Symbol};

/// What a prediction proposes: a labelled span, or a quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Predicted {
    Span {
        start: usize,
        end: usize,
        label: String,
    },
    Quote {
        content: Vec<(usize, usize)>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cue: Option<(usize, usize)>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        speaker: Option<(usize, usize)>,
        #[serde(default)]
        kind: QuoteKind,
    },
}

/// One stored prediction: what, how sure, and which model (or file) said so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prediction {
    pub what: Predicted,
    /// Confidence in 0..=1.
    pub score: f32,
    /// The model's name (Label Studio's `model_version`) or the file's stem.
    pub engine: Symbol,
}

impl Prediction {
    /// The range it covers (the outermost one for a quote).
    pub fn range(&self) -> (usize, usize) {
        match &self.what {
            Predicted::Span { start, end, .. } => (*start, *end),
            Predicted::Quote { content, .. } => (
                content.iter().map(|r| r.0).min().unwrap_or(0),
                content.iter().map(|r| r.1).max().unwrap_or(0),
            ),
        }
    }

    /// True when every range lies inside a text of `len` code points and is not empty.
    pub fn fits(&self, len: usize) -> bool {
        let ok = |(s, e): (usize, usize)| s < e && e <= len;
        match &self.what {
            Predicted::Span { start, end, label } => ok((*start, *end)) && !label.is_empty(),
            Predicted::Quote {
                content,
                cue,
                speaker,
                ..
            } => {
                !content.is_empty()
                    && content.iter().all(|r| ok(*r))
                    && cue.is_none_or(ok)
                    && speaker.is_none_or(ok)
            }
        }
    }

    /// As a suggestion for review, as an outside engine's would be.
    pub fn to_suggestion(&self) -> Suggestion {
        let proposal = match &self.what {
            Predicted::Span { start, end, label } => Proposal::Span {
                start: *start,
                end: *end,
                label: label.clone(),
                entity: None,
                new_entity: None,
            },
            Predicted::Quote {
                content,
                cue,
                speaker,
                kind,
            } => Proposal::Quote {
                content: content.clone(),
                cue: *cue,
                speaker: *speaker,
                speaker_label: None,
                speaker_mention: Mention::Name,
                speaker_entity: None,
                speaker_new_entity: None,
                kind: *kind,
            },
        };
        Suggestion {
            proposal,
            score: self.score.clamp(0.0, 1.0),
            engine: self.engine,
            rule: "imported".to_string(),
            reason: format!("predicted by {} (score {:.2})", self.engine, self.score),
        }
    }
}
