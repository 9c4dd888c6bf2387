//! The editing state of the document view: which document is open, the text selection, the
//! selected span, word snapping, and the find bar's query. What the keys do to them lives here
//! too, so it can be tested without a window; the `ui` draws it.

use super::command::Command;
use super::gestures;
use super::text_index::TextIndex;
use crate::model::{CharRange, DocId, Document, Project, QuoteId, SpanId};
use crate::text::{self, FindOptions};

/// Which edge of a span a key moves, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    GrowEnd,
    ShrinkEnd,
    GrowStart,
    ShrinkStart,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindState {
    pub open: bool,
    pub query: String,
    pub options: FindOptions,
    /// Index of the current match in `matches`.
    pub current: Option<usize>,
    pub matches: Vec<(usize, usize)>,
    /// (doc, query, options) the matches were computed for.
    computed_for: Option<(DocId, String, FindOptions)>,
}

impl FindState {
    /// Recompute matches if the query, options or document changed.
    pub fn refresh(&mut self, doc: &Document) {
        let key = (doc.id, self.query.clone(), self.options);
        if self.computed_for.as_ref() != Some(&key) {
            self.matches = text::find_all(&doc.text, &self.query, self.options);
            self.current = None;
            self.computed_for = Some(key);
        }
    }

    /// Step to the next (or previous) match after `from`, wrapping around.
    pub fn step(&mut self, forward: bool, from: usize) -> Option<(usize, usize)> {
        if self.matches.is_empty() {
            self.current = None;
            return None;
        }
        let n = self.matches.len();
        let i = match (self.current, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => self.matches.iter().position(|m| m.0 >= from).unwrap_or(0),
            (None, false) => self
                .matches
                .iter()
                .rposition(|m| m.0 < from)
                .unwrap_or(n - 1),
        };
        self.current = Some(i);
        Some(self.matches[i])
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    pub doc: Option<DocId>,
    /// The text selection in the current document, as dragged (before snapping).
    pub selection: Option<CharRange>,
    pub selected_span: Option<SpanId>,
    pub word_snap: bool,
    /// A code point offset the document view should scroll to, once.
    pub scroll_to: Option<usize>,
    pub find: FindState,
    /// The selected quotation (its speaker and cue light up).
    pub selected_quote: Option<QuoteId>,
    /// After S or C: the next mention clicked or text selected becomes the selected quote's
    /// speaker or cue.
    pub picking: Option<Pick>,
    /// A region of the open document to mark (the disagreement being curated).
    pub highlight: Option<CharRange>,
}

/// What the next click or selection sets on the selected quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Speaker,
    Cue,
}

impl Default for View {
    fn default() -> Self {
        Self {
            doc: None,
            selection: None,
            selected_span: None,
            word_snap: true,
            scroll_to: None,
            find: FindState::default(),
            selected_quote: None,
            picking: None,
            highlight: None,
        }
    }
}

/// The outcome of a key: a command to execute and/or a line for the status bar.
#[derive(Debug, Default)]
pub struct Outcome {
    pub command: Option<Command>,
    pub message: Option<String>,
}

impl Outcome {
    fn say(msg: impl Into<String>) -> Self {
        Self {
            command: None,
            message: Some(msg.into()),
        }
    }
}

impl View {
    /// Switch to a document, clearing what belonged to the previous one.
    pub fn open_doc(&mut self, doc: Option<DocId>) {
        if self.doc != doc {
            self.doc = doc;
            self.selection = None;
            self.selected_span = None;
            self.selected_quote = None;
            self.picking = None;
            self.scroll_to = Some(0);
        }
    }

    /// Keep the view pointing at things that exist (after undo, removal, reload).
    pub fn reconcile(&mut self, p: &Project) {
        if self.doc.is_none_or(|d| p.document(d).is_none()) {
            let first = p.documents.first().map(|d| d.id);
            self.open_doc(first);
        }
        let doc = self.doc.and_then(|d| p.document(d));
        if let Some(s) = self.selected_span
            && doc.is_none_or(|d| d.span(s).is_none())
        {
            self.selected_span = None;
        }
        if let Some(q) = self.selected_quote
            && doc.is_none_or(|d| d.quote(q).is_none())
        {
            self.selected_quote = None;
            self.picking = None;
        }
        if let (Some(sel), Some(d)) = (self.selection, doc)
            && sel.end > d.char_len()
        {
            self.selection = None;
        }
    }

    /// The selection as it would be tagged: snapped to words when snapping is on.
    pub fn effective_selection(&self, doc: &Document, index: &TextIndex) -> Option<CharRange> {
        let sel = self.selection.filter(|s| !s.is_empty())?;
        if self.word_snap {
            index.snap(&doc.text, sel)
        } else {
            Some(sel)
        }
    }

    /// A label key: tag the selection, or relabel the selected span.
    pub fn apply_label(&mut self, p: &Project, index: &TextIndex, key: char) -> Outcome {
        let Some(label) = p.labels.by_key(key).map(|l| l.name.clone()) else {
            return Outcome::say(format!("no label on key {key}"));
        };
        self.apply_label_named(p, index, &label)
    }

    /// Tag the selection with `label`, or relabel the selected span.
    pub fn apply_label_named(&mut self, p: &Project, index: &TextIndex, label: &str) -> Outcome {
        let Some(doc) = self.doc.and_then(|d| p.document(d)) else {
            return Outcome::say("no document open");
        };
        if let Some(range) = self.effective_selection(doc, index) {
            let command = gestures::tag(p, doc.id, range, label);
            let message = match &command {
                Some(_) => format!("tagged {:?} as {label}", doc.slice(range.start, range.end)),
                None => "that span already exists".to_string(),
            };
            self.selection = None;
            // Select the new span so the next key can relabel or link it.
            self.selected_span = command.as_ref().map(|_| doc.next_span_id());
            return Outcome {
                command,
                message: Some(message),
            };
        }
        if self.selection.is_some() {
            self.selection = None;
            return Outcome::say("nothing but white space selected");
        }
        if let Some(id) = self.selected_span {
            return Outcome {
                command: gestures::relabel(p, doc.id, id, label),
                message: Some(format!("relabelled as {label}")),
            };
        }
        Outcome::say("select some text first (drag, or double-click a word)")
    }

    /// Delete the selected span.
    pub fn delete_selected(&mut self, p: &Project) -> Outcome {
        let (Some(doc), Some(id)) = (self.doc, self.selected_span) else {
            return Outcome::say("no span selected");
        };
        let command = gestures::delete_spans(p, doc, &[id]);
        self.selected_span = None;
        Outcome {
            message: command.as_ref().map(|_| "span deleted".to_string()),
            command,
        }
    }

    /// Move an edge of the selected span by one word, within the paragraph it is in.
    pub fn move_edge(&mut self, p: &Project, index: &TextIndex, edge: Edge) -> Outcome {
        let Some(doc) = self.doc.and_then(|d| p.document(d)) else {
            return Outcome::default();
        };
        let Some(span) = self.selected_span.and_then(|s| doc.span(s)) else {
            return Outcome::say("select a span first");
        };
        let (offset, forward) = match edge {
            Edge::GrowEnd => (span.end, true),
            Edge::ShrinkEnd => (span.end, false),
            Edge::GrowStart => (span.start, false),
            Edge::ShrinkStart => (span.start, true),
        };
        let para_i = if matches!(edge, Edge::GrowEnd | Edge::ShrinkEnd) {
            index.paragraphs.index_of_char(offset.saturating_sub(1))
        } else {
            index.paragraphs.index_of_char(offset)
        };
        let Some(para) = index.paragraphs.get(para_i) else {
            return Outcome::default();
        };
        let local = offset.saturating_sub(para.char_start).min(para.char_len());
        let side = match edge {
            Edge::GrowEnd | Edge::ShrinkEnd => text::WordEdge::End,
            Edge::GrowStart | Edge::ShrinkStart => text::WordEdge::Start,
        };
        let moved =
            text::move_edge_by_word(para.text(&doc.text), local, forward, side) + para.char_start;
        // An edge on a line break has no word to step to inside its paragraph: stay put
        // rather than move the other way.
        let goes_the_named_way = match edge {
            Edge::GrowEnd => moved > span.end,
            Edge::ShrinkEnd => moved < span.end,
            Edge::GrowStart => moved < span.start,
            Edge::ShrinkStart => moved > span.start,
        };
        if !goes_the_named_way {
            return Outcome::say("no word to move to in this paragraph");
        }
        let mut range = span.range();
        match edge {
            Edge::GrowEnd | Edge::ShrinkEnd => range.end = moved,
            Edge::GrowStart | Edge::ShrinkStart => range.start = moved,
        }
        if range.is_empty() {
            return Outcome::say("a span cannot shrink below one word");
        }
        Outcome {
            command: gestures::resize(p, doc.id, span.id, range),
            message: None,
        }
    }

    /// Select the next (or previous) span after the current one or the selection.
    pub fn step_span(&mut self, p: &Project, forward: bool) -> Outcome {
        let Some(doc) = self.doc.and_then(|d| p.document(d)) else {
            return Outcome::default();
        };
        if doc.spans.is_empty() {
            return Outcome::say("this document has no spans yet");
        }
        let current = self.selected_span.and_then(|s| doc.span_index(s));
        let n = doc.spans.len();
        let i = match (current, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => 0,
            (None, false) => n - 1,
        };
        let s = &doc.spans[i];
        self.selected_span = Some(s.id);
        self.selection = None;
        self.scroll_to = Some(s.start);
        Outcome::default()
    }

    /// Move to the next (or previous) document in the list.
    pub fn step_doc(&mut self, p: &Project, forward: bool) -> Outcome {
        let i = self.doc.and_then(|d| p.document_index(d));
        let n = p.documents.len();
        if n == 0 {
            return Outcome::say("the project has no documents");
        }
        let j = match (i, forward) {
            (Some(i), true) if i + 1 < n => i + 1,
            (Some(i), false) if i > 0 => i - 1,
            (Some(_), _) => {
                return Outcome::say(if forward {
                    "last document"
                } else {
                    "first document"
                });
            }
            (None, _) => 0,
        };
        self.open_doc(Some(p.documents[j].id));
        Outcome::say(format!("{} of {n}: {}", j + 1, p.documents[j].name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn project() -> Project {
        let mut p = Project::new("t");
        p.insert_document(Document::new(
            DocId(1),
            "a",
            "President Ana Ruiz met Bo Li in Lima.\nRuiz spoke.",
        ));
        p.insert_document(Document::new(DocId(2), "b", "Second text."));
        p
    }

    #[test]
    fn label_key_tags_a_snapped_selection_then_relabels() {
        let mut p = project();
        let idx = TextIndex::new(&p.documents[0].text);
        let mut v = View::default();
        v.reconcile(&p);
        v.selection = Some(CharRange::new(11, 16)); // "na Ru"
        let out = v.apply_label(&p, &idx, '1');
        let cmd = out.command.unwrap();
        cmd.apply(&mut p).unwrap();
        let s = &p.documents[0].spans[0];
        assert_eq!((s.start, s.end, s.label.as_str()), (10, 18, "PERSON"));
        assert_eq!(v.selected_span, Some(s.id));
        let out = v.apply_label(&p, &idx, '3');
        out.command.unwrap().apply(&mut p).unwrap();
        assert_eq!(p.documents[0].spans[0].label, "GPE");
    }

    #[test]
    fn without_snapping_the_raw_selection_is_tagged() {
        let p = project();
        let idx = TextIndex::new(&p.documents[0].text);
        let mut v = View::default();
        v.reconcile(&p);
        v.word_snap = false;
        v.selection = Some(CharRange::new(11, 16));
        match v.apply_label(&p, &idx, '1').command {
            Some(Command::AddSpans { spans, .. }) => {
                assert_eq!(spans[0].range(), CharRange::new(11, 16))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn edges_move_by_word() {
        let mut p = project();
        let idx = TextIndex::new(&p.documents[0].text);
        let mut v = View::default();
        v.reconcile(&p);
        v.selection = Some(CharRange::new(10, 13)); // "Ana"
        v.apply_label(&p, &idx, '1')
            .command
            .unwrap()
            .apply(&mut p)
            .unwrap();
        v.move_edge(&p, &idx, Edge::GrowEnd)
            .command
            .unwrap()
            .apply(&mut p)
            .unwrap();
        assert_eq!(p.documents[0].spans[0].range(), CharRange::new(10, 18));
        v.move_edge(&p, &idx, Edge::GrowStart)
            .command
            .unwrap()
            .apply(&mut p)
            .unwrap();
        assert_eq!(p.documents[0].spans[0].range(), CharRange::new(0, 18));
        v.move_edge(&p, &idx, Edge::ShrinkStart)
            .command
            .unwrap()
            .apply(&mut p)
            .unwrap();
        v.move_edge(&p, &idx, Edge::ShrinkEnd)
            .command
            .unwrap()
            .apply(&mut p)
            .unwrap();
        assert_eq!(p.documents[0].spans[0].range(), CharRange::new(10, 13));
        assert!(v.move_edge(&p, &idx, Edge::ShrinkEnd).command.is_none());
    }

    #[test]
    fn find_steps_wrap_around() {
        let p = project();
        let mut f = FindState {
            query: "ruiz".into(),
            ..Default::default()
        };
        f.refresh(&p.documents[0]);
        assert_eq!(f.matches.len(), 2);
        assert_eq!(f.step(true, 20), Some((38, 42)));
        assert_eq!(f.step(true, 0), Some((14, 18)));
        assert_eq!(f.step(false, 0), Some((38, 42)));
    }

    #[test]
    fn documents_step_and_stop_at_the_ends() {
        let p = project();
        let mut v = View::default();
        v.reconcile(&p);
        assert_eq!(v.doc, Some(DocId(1)));
        v.step_doc(&p, true);
        assert_eq!(v.doc, Some(DocId(2)));
        let out = v.step_doc(&p, true);
        assert_eq!(v.doc, Some(DocId(2)));
        assert_eq!(out.message.as_deref(), Some("last document"));
    }
}
