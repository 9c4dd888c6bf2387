//! A document: one article's text with the spans and quotes annotated on it.

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use super::{Categories, CharMap, DocId, Prediction, Quote, QuoteId, Span, SpanId};

/// How far annotation of a document has got.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Status {
    #[default]
    Todo,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Todo, Status::InProgress, Status::Done];

    pub fn name(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::InProgress => "in progress",
            Status::Done => "done",
        }
    }

    /// The machine name used in exports ("todo", "in_progress", "done").
    pub fn key(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::InProgress => "in_progress",
            Status::Done => "done",
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: DocId,
    pub name: String,
    /// The file it was imported from, if any (for the user's reference only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Key–value metadata that came with the article (outlet, date, URL, author, section…),
    /// from CSV columns, HTML, JSONL `"meta"`, Label Studio `data` fields and the like. Sorted by
    /// key; absent in project files written before it existed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub meta: BTreeMap<String, String>,
    #[serde(default)]
    pub status: Status,
    /// Category scheme name → the values chosen for this document (see `model::scheme`);
    /// absent in files written before schemes existed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub categories: Categories,
    /// Shared, because it never changes: snapshots for background work cost nothing.
    #[serde(deserialize_with = "shared_text")]
    pub text: Arc<str>,
    /// Kept sorted by `Span::sort_key`.
    #[serde(default, deserialize_with = "exact_spans")]
    pub spans: Vec<Span>,
    /// Kept sorted by first content offset, then id.
    #[serde(default, deserialize_with = "exact_vec")]
    pub quotes: Vec<Quote>,
    /// Suggestions imported from another tool's predictions (`import --as-suggestions`), kept
    /// because they cannot be computed again; absent in files written before they existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predictions: Vec<Prediction>,
    /// Bumped by every change to this document's annotations; derived views cache on it.
    #[serde(skip)]
    pub revision: u64,
    /// The text's length in code points, cached because `chars().count()` walks the whole text.
    #[serde(skip)]
    char_len: Option<usize>,
    /// Code point ↔ byte map, built on first use (the text never changes).
    #[serde(skip)]
    char_map: OnceLock<CharMap>,
}

/// Equal when the saved content is equal; the revision counter and cached length are views'
/// bookkeeping, not content.
impl PartialEq for Document {
    fn eq(&self, o: &Self) -> bool {
        self.id == o.id
            && self.name == o.name
            && self.source == o.source
            && self.meta == o.meta
            && self.status == o.status
            && self.categories == o.categories
            && self.text == o.text
            && self.spans == o.spans
            && self.quotes == o.quotes
            && self.predictions == o.predictions
    }
}

impl Document {
    pub fn new(id: DocId, name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        let mut doc = Self {
            id,
            name: name.into(),
            source: None,
            meta: BTreeMap::new(),
            status: Status::Todo,
            categories: BTreeMap::new(),
            text: text.into(),
            spans: Vec::new(),
            quotes: Vec::new(),
            predictions: Vec::new(),
            revision: 0,
            char_len: None,
            char_map: OnceLock::new(),
        };
        doc.refresh_len();
        doc
    }

    /// The text's length in code points.
    pub fn char_len(&self) -> usize {
        self.char_len.unwrap_or_else(|| self.text.chars().count())
    }

    /// Recompute the cached length; call after deserialising or replacing the text.
    pub fn refresh_len(&mut self) {
        self.char_len = Some(self.text.chars().count());
        self.char_map = OnceLock::new();
    }

    fn char_map(&self) -> &CharMap {
        self.char_map.get_or_init(|| CharMap::new(&self.text))
    }

    /// Byte offset of code point `c` (the text's length past the end).
    pub fn byte_of(&self, c: usize) -> usize {
        self.char_map().to_byte(&self.text, c)
    }

    /// Code point offset of byte `b`.
    pub fn char_of(&self, b: usize) -> usize {
        self.char_map().to_char(&self.text, b)
    }

    /// The text of code points `start..end` (clamped), without walking the whole text.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let s = self.byte_of(start);
        let e = self.byte_of(end.max(start));
        &self.text[s..e]
    }

    pub fn span(&self, id: SpanId) -> Option<&Span> {
        self.spans.iter().find(|s| s.id == id)
    }

    pub fn span_mut(&mut self, id: SpanId) -> Option<&mut Span> {
        self.spans.iter_mut().find(|s| s.id == id)
    }

    pub fn span_index(&self, id: SpanId) -> Option<usize> {
        self.spans.iter().position(|s| s.id == id)
    }

    pub fn quote(&self, id: QuoteId) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.id == id)
    }

    pub fn next_span_id(&self) -> SpanId {
        SpanId::next_after(self.spans.iter().map(|s| s.id))
    }

    pub fn next_quote_id(&self) -> QuoteId {
        QuoteId::next_after(self.quotes.iter().map(|q| q.id))
    }

    /// Insert keeping the sort order; returns the index it went to.
    pub fn insert_span(&mut self, span: Span) -> usize {
        let key = span.sort_key();
        let at = self.spans.partition_point(|s| s.sort_key() < key);
        self.spans.insert(at, span);
        at
    }

    /// Restore the sort order after a span's range changed.
    pub fn resort_spans(&mut self) {
        if !self.spans.is_sorted_by_key(|s| s.sort_key()) {
            self.spans.sort_by_key(|s| s.sort_key());
        }
    }

    pub fn insert_quote(&mut self, quote: Quote) {
        let key = (quote.extent().start, quote.id);
        let at = self
            .quotes
            .partition_point(|q| (q.extent().start, q.id) < key);
        self.quotes.insert(at, quote);
    }

    pub fn resort_quotes(&mut self) {
        if !self.quotes.is_sorted_by_key(|q| (q.extent().start, q.id)) {
            self.quotes.sort_by_key(|q| (q.extent().start, q.id));
        }
    }

    /// Spans whose range overlaps `start..end`, in sort order. Uses the sort by start to stop early.
    pub fn spans_overlapping(&self, start: usize, end: usize) -> impl Iterator<Item = &Span> {
        let upto = self.spans.partition_point(|s| s.start < end);
        self.spans[..upto].iter().filter(move |s| s.end > start)
    }

    /// How many annotations (spans and quotes) the document has.
    pub fn annotation_count(&self) -> usize {
        self.spans.len() + self.quotes.len()
    }
}

/// A short list read to its exact length (a document's quotes: a few, so trimming suffices).
fn exact_vec<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut v = Vec::<T>::deserialize(d)?;
    v.shrink_to_fit();
    Ok(v)
}

/// The spans read to their exact length. RON gives no length up front, so a list grows by
/// doubling while it is read; each document's spans are gathered in one buffer kept for the
/// thread and then moved into a single block of the exact size, so loading a big project
/// leaves neither spare capacity nor the trail of outgrown blocks behind.
fn exact_spans<'de, D>(d: D) -> Result<Vec<Span>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use std::cell::RefCell;

    thread_local! {
        static SCRATCH: RefCell<Vec<Span>> = const { RefCell::new(Vec::new()) };
    }

    struct Spans;
    impl<'de> serde::de::Visitor<'de> for Spans {
        type Value = Vec<Span>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of spans")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<Span>, A::Error> {
            // Taken out of the cell, so a nested read (there is none) would only lose reuse.
            let mut buf = SCRATCH.with(|c| c.take());
            buf.clear();
            while let Some(span) = seq.next_element()? {
                buf.push(span);
            }
            // Moved into a block of exactly their number; `buf` keeps its capacity for the next.
            let mut spans = Vec::with_capacity(buf.len());
            spans.append(&mut buf);
            if buf.capacity() <= 1 << 16 {
                SCRATCH.with(|c| c.replace(buf));
            }
            Ok(spans)
        }
    }
    d.deserialize_seq(Spans)
}

/// The text read straight into its shared block: one allocation of the exact size instead of
/// a growing string, then a trimmed copy, then the shared copy.
fn shared_text<'de, D>(d: D) -> Result<Arc<str>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Text;
    impl serde::de::Visitor<'_> for Text {
        type Value = Arc<str>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Arc<str>, E> {
            Ok(Arc::from(v))
        }
    }
    d.deserialize_str(Text)
}
