//! Stable ids. They never change once given, so files diff cleanly and references survive edits.
//!
//! Documents and entities are numbered per project; spans and quotes per document. Keeping span
//! ids local to their document means two annotators who work on different documents never hand
//! out the same id, and their project files merge in git without a clash.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl $name {
            /// The next free id after every id in `ids` (1 for an empty list).
            pub fn next_after(ids: impl IntoIterator<Item = $name>) -> $name {
                $name(ids.into_iter().map(|i| i.0).max().unwrap_or(0) + 1)
            }
        }
    };
}

id_type!(
    /// A document, unique in its project.
    DocId
);
id_type!(
    /// A canonical entity, unique in its project.
    EntityId
);
id_type!(
    /// A span (an entity mention), unique in its document.
    SpanId
);
id_type!(
    /// A quotation, unique in its document.
    QuoteId
);
