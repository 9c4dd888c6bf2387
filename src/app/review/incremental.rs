//! Re-suggesting after an edit without running every engine over the whole document again.
//!
//! Annotating never changes a document's text, and two engines read nothing else: the lists'
//! matches and the model's predictions (with the model's lexicon, fixed until the model is
//! retrained) are kept per document ([`TextFindings`]) and reused after every edit. What an
//! edit does change is answered in two steps:
//!
//! 1. **At once** ([`patch`], milliseconds on a 10 MB book): the strings the learned engine now
//!    learns differently (the one just annotated, accepted, rejected or undone — and a surname
//!    whose full name just became an entity) are looked for wherever they occur, and their
//!    suggestions replace the old ones there; the edit's own neighbourhood needs nothing more,
//!    since what overlaps a new annotation, a rejection or a quote is already hidden by
//!    `engines::visible`. The result is a layer over the previous suggestions (which ones are
//!    hidden, which are new), so nothing of the book's hundreds of thousands is copied.
//! 2. **Then exactly** ([`Incremental::exact`]): the engines that read the annotations
//!    (learned strings, rules, quotes) and the merge run again over the document with the
//!    kept text findings. The result is, by construction, what a full run gives (the tests
//!    check it after random edits), and it replaces the quick one. The worker does it only
//!    when no newer edit is waiting.

use std::collections::HashMap;
use std::sync::Arc;

use crate::matcher::engines::{Engines, TextFindings};
use crate::matcher::learned::Learned;
use crate::matcher::lookup::ProjectIndex;
use crate::model::{DocId, Document, Project, Proposal, Suggestion};

/// Suggestions as a layer over an earlier list: the earlier one (shared, never copied), the
/// indices of its suggestions now hidden, and new ones (sorted by range).
#[derive(Clone, Debug, Default)]
pub struct Layered {
    pub base: Arc<Vec<Suggestion>>,
    /// Sorted, distinct indices into `base`.
    pub hidden: Vec<usize>,
    pub extra: Vec<Suggestion>,
}

impl Layered {
    /// A plain list.
    pub fn whole(items: Vec<Suggestion>) -> Self {
        Self {
            base: Arc::new(items),
            hidden: Vec::new(),
            extra: Vec::new(),
        }
    }

    /// Every suggestion, in text order (by range; the base's before the new on a tie).
    pub fn iter(&self) -> impl Iterator<Item = &Suggestion> {
        let mut hidden = self.hidden.iter().peekable();
        let base = self.base.iter().enumerate().filter_map(move |(i, s)| {
            while hidden.next_if(|&&h| h < i).is_some() {}
            if hidden.next_if_eq(&&i).is_some() {
                None
            } else {
                Some(s)
            }
        });
        Merged {
            a: base.peekable(),
            b: self.extra.iter().peekable(),
        }
    }

    /// The list itself (a copy when layered).
    pub fn to_vec(&self) -> Vec<Suggestion> {
        self.iter().cloned().collect()
    }
}

/// Two iterators sorted by range, merged.
struct Merged<'a, A: Iterator<Item = &'a Suggestion>, B: Iterator<Item = &'a Suggestion>> {
    a: std::iter::Peekable<A>,
    b: std::iter::Peekable<B>,
}

impl<'a, A, B> Iterator for Merged<'a, A, B>
where
    A: Iterator<Item = &'a Suggestion>,
    B: Iterator<Item = &'a Suggestion>,
{
    type Item = &'a Suggestion;
    fn next(&mut self) -> Option<&'a Suggestion> {
        match (self.a.peek(), self.b.peek()) {
            (Some(x), Some(y)) if y.range() < x.range() => self.b.next(),
            (Some(_), _) => self.a.next(),
            (None, _) => self.b.next(),
        }
    }
}

/// The quick answer after an edit (step 1 of the module doc): `base` was made with the
/// learned strings `before`; the project now learns `after`. `ranges` are the base's ranges
/// (searched instead of the suggestions themselves: a binary search over a book's worth of
/// suggestions misses the cache at every step).
pub fn patch(
    base: &Arc<Vec<Suggestion>>,
    ranges: &[(usize, usize)],
    before: &Learned,
    after: &Learned,
    doc: &Document,
) -> Layered {
    let changed = after.changed_strings(before);
    let mut out = Layered {
        base: base.clone(),
        hidden: Vec::new(),
        extra: Vec::new(),
    };
    if changed.is_empty() {
        return out;
    }
    let items = &**base;
    let mut hidden: foldhash::HashSet<usize> = foldhash::HashSet::default();
    let (old, new) = after.delta(before, &changed, doc);
    // Where the old patterns of those strings matched: their learned-only suggestions go.
    for (a, b, label) in old {
        let from = ranges.partition_point(|&r| r < (a, b));
        for i in from..ranges.len() {
            if ranges[i] != (a, b) {
                break;
            }
            let x = &items[i];
            if x.engines().next() == Some("learned") && x.label() == label {
                hidden.insert(i);
            }
        }
    }
    // The new ones, each against the suggestions it overlaps: higher score, then longer wins.
    let mut extra = Vec::new();
    for s in new {
        let (a, b) = s.range();
        let upto = ranges.partition_point(|r| r.0 < b);
        let mut rivals = Vec::new();
        for i in (0..upto).rev() {
            let x = &items[i];
            if !matches!(x.proposal, Proposal::Span { .. }) {
                continue;
            }
            if ranges[i].1 <= a {
                // Span suggestions do not overlap each other: none further back reaches `a`.
                break;
            }
            if !hidden.contains(&i) {
                rivals.push(i);
            }
        }
        let same = rivals
            .iter()
            .any(|&i| items[i].range() == (a, b) && items[i].label() == s.label());
        let wins = rivals.iter().all(|&i| {
            let x = &items[i];
            let (c, d) = x.range();
            s.score > x.score || (s.score == x.score && b - a > d - c)
        });
        if same || !wins {
            continue;
        }
        hidden.extend(rivals);
        extra.push(s);
    }
    extra.sort_by_key(|s| s.range());
    let mut hidden: Vec<usize> = hidden.into_iter().collect();
    hidden.sort_unstable();
    out.hidden = hidden;
    out.extra = extra;
    out
}

/// The last exact suggestions of a document and what they were made from.
struct Base {
    text: Arc<str>,
    findings: Arc<TextFindings>,
    learned: Arc<Learned>,
    items: Arc<Vec<Suggestion>>,
    /// The items' ranges.
    ranges: Vec<(usize, usize)>,
}

/// Per-document memory of the worker: text findings and the last exact suggestions. Forget it
/// all ([`Incremental::clear`]) when the engines or the model change.
#[derive(Default)]
pub struct Incremental {
    docs: HashMap<DocId, Base>,
}

impl Incremental {
    pub fn clear(&mut self) {
        self.docs.clear();
    }

    fn base(&self, doc: &Document) -> Option<&Base> {
        self.docs
            .get(&doc.id)
            .filter(|b| Arc::ptr_eq(&b.text, &doc.text) || *b.text == *doc.text)
    }

    /// The quick answer for `doc` now that the project learns `learned`, when an exact one
    /// was made for this text before; `None` when there is nothing to patch.
    pub fn quick(&self, doc: &Document, learned: &Learned) -> Option<Layered> {
        let b = self.base(doc)?;
        Some(patch(&b.items, &b.ranges, &b.learned, learned, doc))
    }

    /// Every engine's suggestions for `doc` (a document of `project`), with what outside
    /// engines found in it (`external`), exactly as `Engines::suggest_with` gives them — from the kept text findings when there are some — and
    /// remembered as the base of the next quick answers.
    pub fn exact(
        &mut self,
        engines: &Engines,
        project: &Project,
        doc: &Document,
        learned: Arc<Learned>,
        external: &[Suggestion],
    ) -> Arc<Vec<Suggestion>> {
        let index = ProjectIndex::new(project);
        let (items, findings) = match self.base(doc) {
            Some(b) => {
                let findings = b.findings.clone();
                let items = engines.suggest_from(&index, doc, Some(&learned), &findings, external);
                (items, findings)
            }
            None => {
                let (items, findings) =
                    engines.suggest_keeping(&index, doc, Some(&learned), external);
                (items, Arc::new(findings))
            }
        };
        let items = Arc::new(items);
        self.docs.insert(
            doc.id,
            Base {
                text: doc.text.clone(),
                findings,
                learned,
                ranges: items.iter().map(Suggestion::range).collect(),
                items: items.clone(),
            },
        );
        items
    }
}

#[cfg(test)]
mod tests;
