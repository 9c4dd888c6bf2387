//! Derived per-document text data: the paragraph index (the code point ↔ byte map lives on
//! the document itself, see `Document::slice`).
//!
//! A document's text never changes once it is in a project (annotations do), so its index is
//! built once per document and shared; it is never saved.

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{CharRange, DocId, Document};
use crate::text::{Paragraphs, snap_to_words};

#[derive(Debug)]
pub struct TextIndex {
    pub paragraphs: Paragraphs,
}

impl TextIndex {
    pub fn new(text: &str) -> Self {
        Self {
            paragraphs: Paragraphs::new(text),
        }
    }

    /// Expand `range` to whole words at both ends (each end snapped within its own paragraph)
    /// and trim white space. `None` when nothing but white space is selected.
    pub fn snap(&self, text: &str, range: CharRange) -> Option<CharRange> {
        let paras = &self.paragraphs;
        let first = paras.index_of_char(range.start);
        let last = paras.index_of_char(range.end.saturating_sub(1).max(range.start));
        let local = |i: usize, s: usize, e: usize| {
            let p = paras.get(i)?;
            let t = p.text(text);
            let (ls, le) = (
                s.saturating_sub(p.char_start).min(p.char_len()),
                e.saturating_sub(p.char_start).min(p.char_len()),
            );
            snap_to_words(t, ls, le).map(|(a, b)| (a + p.char_start, b + p.char_start))
        };
        if first == last {
            return local(first, range.start, range.end).map(|(s, e)| CharRange::new(s, e));
        }
        // Across paragraphs: the start snaps in the first paragraph that has words after it,
        // the end in the last one that has words before it.
        let start = (first..=last).find_map(|i| {
            let p = paras.get(i)?;
            local(i, range.start.max(p.char_start), p.char_end).map(|(s, _)| s)
        })?;
        let end = (first..=last).rev().find_map(|i| {
            let p = paras.get(i)?;
            local(i, p.char_start, range.end.min(p.char_end)).map(|(_, e)| e)
        })?;
        (start < end).then(|| CharRange::new(start, end))
    }
}

/// Text indexes for the documents of a project, built on first use.
#[derive(Debug, Default)]
pub struct TextIndexes {
    by_doc: HashMap<DocId, (usize, Arc<TextIndex>)>,
}

impl TextIndexes {
    pub fn get(&mut self, doc: &Document) -> Arc<TextIndex> {
        // The text length guards against a removed document's id being reused for other text.
        let key = doc.text.len();
        let entry = self
            .by_doc
            .entry(doc.id)
            .or_insert_with(|| (key, Arc::new(TextIndex::new(&doc.text))));
        if entry.0 != key {
            *entry = (key, Arc::new(TextIndex::new(&doc.text)));
        }
        entry.1.clone()
    }

    pub fn clear(&mut self) {
        self.by_doc.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapping_across_paragraphs() {
        let text = "The Bank of\nEngland said.\n\nNothing.";
        let idx = TextIndex::new(text);
        // "ank of\nEng" → "Bank of\nEngland"
        let r = idx.snap(text, CharRange::new(5, 15)).unwrap();
        assert_eq!(
            crate::text::slice_chars(text, r.start, r.end),
            "Bank of\nEngland"
        );
        // Starting in the trailing space of a line, ending in a blank line.
        let r = idx.snap(text, CharRange::new(11, 27)).unwrap();
        assert_eq!(
            crate::text::slice_chars(text, r.start, r.end),
            "England said."
        );
        assert_eq!(idx.snap(text, CharRange::new(25, 27)), None);
    }
}
