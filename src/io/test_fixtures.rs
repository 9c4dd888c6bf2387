//! What the format tests in `io` share: finding a needle's range in a text, the messages of a
//! rejected import, and the entities and quotes the sample projects are built of.

use crate::io::interchange::Rejected;
use crate::model::{CharRange, Entity, EntityId, Origin, Quote, QuoteId, QuoteKind, SpanId};

/// The code point range of the first `needle` in `text`.
pub(crate) fn at(text: &str, needle: &str) -> CharRange {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

/// Every error of an import that must fail, as text.
pub(crate) fn errors_of<T>(result: Result<T, Rejected>) -> Vec<String> {
    match result {
        Ok(_) => panic!("the import should fail"),
        Err(r) => r.errors.iter().map(|e| e.to_string()).collect(),
    }
}

/// A canonical entity without aliases or attributes.
pub(crate) fn entity(id: u64, name: &str, label: &str) -> Entity {
    Entity {
        id: EntityId(id),
        name: name.into(),
        label: label.into(),
        aliases: vec![],
        attributes: Default::default(),
    }
}

/// A quote made by hand, without attributes.
pub(crate) fn quote(
    id: u64,
    content: Vec<CharRange>,
    speaker: Option<SpanId>,
    cue: Option<CharRange>,
    kind: QuoteKind,
) -> Quote {
    Quote {
        id: QuoteId(id),
        content,
        speaker,
        cue,
        kind,
        origin: Origin::Manual,
        attributes: Default::default(),
    }
}
