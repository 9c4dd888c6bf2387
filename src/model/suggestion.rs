//! A suggestion: an annotation the matcher proposes, with the rule behind it and a score.
//!
//! Suggestions are derived from the text, the project's annotations and the bundled lists, so
//! they are never saved; what is saved is the user's verdict on them (see `verdict`).

use super::{EntityId, Mention, QuoteKind, Symbol};

/// What a suggestion proposes.
#[derive(Clone, Debug, PartialEq)]
pub enum Proposal {
    /// A span `start..end` (code points) with a label, maybe linked to a canonical entity — an
    /// existing one (`entity`), or one to create on acceptance (`new_entity`, a canonical name).
    Span {
        start: usize,
        end: usize,
        label: String,
        entity: Option<EntityId>,
        new_entity: Option<String>,
    },
    /// A quotation: what was said (one or more ranges), the speech verb, and who said it. The
    /// speaker is a mention range: an existing span, a name the entity engines found, or a
    /// pronoun or description ("she", "the spokesman"); accepting the quote creates the mention
    /// span (with `speaker_label` and `speaker_mention`) when there is none, and links it to
    /// `speaker_entity`, or to a new entity named `speaker_new_entity`.
    Quote {
        content: Vec<(usize, usize)>,
        cue: Option<(usize, usize)>,
        speaker: Option<(usize, usize)>,
        speaker_label: Option<String>,
        speaker_mention: Mention,
        speaker_entity: Option<EntityId>,
        speaker_new_entity: Option<String>,
        kind: QuoteKind,
    },
}

/// One suggestion, with why it was made.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub proposal: Proposal,
    /// Confidence in 0..=1.
    pub score: f32,
    /// Which engine made it ("gazetteer", "learned", "rules", "model", "quotes", or an outside
    /// engine's name); for findings of several engines merged into one, their names joined by
    /// `+`, the strongest first ("gazetteer+spacy").
    pub engine: Symbol,
    /// Which rule or list inside the engine ("countries", "title+name", …).
    pub rule: String,
    /// One line for the user: why this was suggested.
    pub reason: String,
}

impl Suggestion {
    /// The range the suggestion covers (the outermost range for a quote).
    pub fn range(&self) -> (usize, usize) {
        match &self.proposal {
            Proposal::Span { start, end, .. } => (*start, *end),
            Proposal::Quote { content, .. } => {
                let s = content.iter().map(|r| r.0).min().unwrap_or(0);
                let e = content.iter().map(|r| r.1).max().unwrap_or(0);
                (s, e)
            }
        }
    }

    /// The engines behind it, the strongest first.
    pub fn engines(&self) -> impl Iterator<Item = &'static str> {
        self.engine.as_str().split('+')
    }

    /// True when `engine` is one of the engines behind it.
    pub fn is_from(&self, engine: &str) -> bool {
        self.engines().any(|e| e == engine)
    }

    /// The label of a span suggestion ("QUOTE" for a quote).
    pub fn label(&self) -> &str {
        match &self.proposal {
            Proposal::Span { label, .. } => label,
            Proposal::Quote { .. } => "QUOTE",
        }
    }
}
