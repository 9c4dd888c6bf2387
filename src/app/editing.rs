//! The editing state of the document view: which document is open, the text selection, the
//! caret, the selected span, word snapping, and the find bar's query. What the keys do to them
//! lives here too, so it can be tested without a window; the `ui` draws it.
//!
//! **Caret and keyboard selection.** The caret is a code point offset, placed by a click, by
//! `N`/`P` (at the suggestion) and by `[`/`]` (at the span). Arrow keys move it by character,
//! Ctrl+arrows by word (words as `text::words` finds them, Chinese and Japanese included);
//! with Shift they extend a selection whose other end — the anchor — is wherever the
//! selection began. The anchor is not stored: it is the end of the selection the caret is not
//! on, so a selection made with the mouse extends from the keyboard the same way. Moves that
//! need the layout (a row up or down, a page) are requests the document view carries out.

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
pub struct EditingState {
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
    /// The caret: where keyboard moves and selections start, a code point offset.
    pub caret: Option<usize>,
    /// A keyboard scroll for the document view to carry out.
    pub scroll: Option<Scroll>,
    /// A caret move by a row for the document view to carry out.
    pub row_move: Option<RowMove>,
    /// The code points on screen in the last frame (set by the document view), so keys can
    /// start from what the user sees.
    pub on_screen: Option<CharRange>,
}

/// A keyboard scroll: the document view carries it out on its next frame, since only it knows
/// how tall a row and a page are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scroll {
    LineUp,
    LineDown,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

/// A caret move that needs no layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// One character towards the left of the screen (backward, or forward in a right-to-left
    /// paragraph).
    Left,
    Right,
    WordLeft,
    WordRight,
    /// The start or end of the caret's paragraph (line).
    LineStart,
    LineEnd,
    DocStart,
    DocEnd,
}

/// A caret move by a screen row, which the document view resolves with its layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowMove {
    pub down: bool,
    /// Extend the selection (Shift) rather than move.
    pub extend: bool,
}

/// What the next click or selection sets on the selected quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Speaker,
    Cue,
}

impl Default for EditingState {
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
            caret: None,
            scroll: None,
            row_move: None,
            on_screen: None,
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

impl EditingState {
    /// Switch to a document, clearing what belonged to the previous one.
    pub fn open_doc(&mut self, doc: Option<DocId>) {
        if self.doc != doc {
            self.doc = doc;
            self.selection = None;
            self.selected_span = None;
            self.selected_quote = None;
            self.picking = None;
            self.scroll_to = Some(0);
            self.caret = None;
            self.row_move = None;
            self.on_screen = None;
        }
    }

    /// The open document of `p`, if any.
    pub fn open_document<'p>(&self, p: &'p Project) -> Option<&'p Document> {
        self.doc.and_then(|d| p.document(d))
    }

    /// Keep the view pointing at things that exist (after undo, removal, reload).
    pub fn reconcile(&mut self, p: &Project) {
        if self.doc.is_none_or(|d| p.document(d).is_none()) {
            let first = p.documents.first().map(|d| d.id);
            self.open_doc(first);
        }
        let doc = self.open_document(p);
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
        if let (Some(c), Some(d)) = (self.caret, doc)
            && c > d.char_len()
        {
            self.caret = None;
        }
    }

    /// Put the caret at `offset` (a click, a suggestion or span walked to).
    pub fn place_caret(&mut self, offset: usize) {
        self.caret = Some(offset);
    }

    /// Whether `offset` was on screen in the last frame.
    pub fn is_on_screen(&self, offset: usize) -> bool {
        self.on_screen
            .is_some_and(|r| r.start <= offset && offset <= r.end)
    }

    /// Where a key that walks the document (N, P) starts: the caret when it is on screen,
    /// else the top of the screen, else the caret or the selection, else the start.
    pub fn walk_origin(&self) -> usize {
        match (self.caret, self.on_screen) {
            (Some(c), _) if self.is_on_screen(c) => c,
            (_, Some(r)) => r.start,
            (Some(c), None) => c,
            (None, None) => self.selection.map(|s| s.start).unwrap_or(0),
        }
    }

    /// The selection the caret is on, with the caret's end first: `(caret end, anchor end)`.
    /// A selected span counts as a selection with the caret at its end.
    fn caret_and_anchor(&self, doc: &Document) -> Option<(usize, usize)> {
        let range = self.selection.filter(|s| !s.is_empty()).or_else(|| {
            self.selected_span
                .and_then(|s| doc.span(s))
                .map(|s| s.range())
        });
        match (range, self.caret) {
            (Some(r), Some(c)) if c == r.start => Some((r.start, r.end)),
            (Some(r), Some(c)) if c == r.end => Some((r.end, r.start)),
            (Some(r), None) => Some((r.end, r.start)),
            (_, Some(c)) => Some((c, c)),
            (None, None) => None,
        }
    }

    /// Move the caret (or, with `extend`, extend the selection from it).
    pub fn move_caret(
        &mut self,
        doc: &Document,
        index: &TextIndex,
        motion: Motion,
        extend: bool,
    ) -> Outcome {
        let start = self
            .caret_and_anchor(doc)
            .or_else(|| self.on_screen.map(|r| (r.start, r.start)));
        let Some((caret, anchor)) = start else {
            return Outcome::say("click in the text to place the caret");
        };
        let len = doc.char_len();
        let caret = caret.min(len);
        let moved = caret_target(doc, index, caret, motion);
        self.caret = Some(moved);
        self.row_move = None;
        self.scroll_to = Some(moved);
        if extend {
            let anchor = anchor.min(len);
            self.selection =
                (anchor != moved).then(|| CharRange::new(anchor.min(moved), anchor.max(moved)));
            self.selected_span = None;
        } else {
            self.selection = None;
            self.selected_span = None;
        }
        Outcome::default()
    }

    /// The caret moved by a row to `offset` (the document view found where): move it, or
    /// extend the selection to it.
    pub fn caret_to(&mut self, doc: &Document, offset: usize, extend: bool) {
        let anchor = self.caret_and_anchor(doc).map(|(_, a)| a);
        let offset = offset.min(doc.char_len());
        self.caret = Some(offset);
        self.scroll_to = Some(offset);
        if extend && let Some(a) = anchor {
            self.selection = (a != offset).then(|| CharRange::new(a.min(offset), a.max(offset)));
        } else {
            self.selection = None;
        }
        self.selected_span = None;
    }

    /// Up or Down: with a caret, move it a row (the document view finds where); without,
    /// scroll a line.
    pub fn up_down(&mut self, down: bool, extend: bool) {
        if self.caret.is_some() {
            self.row_move = Some(RowMove { down, extend });
        } else {
            self.scroll = Some(if down {
                Scroll::LineDown
            } else {
                Scroll::LineUp
            });
        }
    }

    /// Home or End: with a caret, to the start or end of its line; without, to the top or
    /// bottom of the document.
    pub fn home_end(&mut self, doc: &Document, index: &TextIndex, end: bool) -> Outcome {
        if self.caret.is_some() {
            let motion = if end {
                Motion::LineEnd
            } else {
                Motion::LineStart
            };
            return self.move_caret(doc, index, motion, false);
        }
        self.scroll = Some(if end { Scroll::Bottom } else { Scroll::Top });
        Outcome::default()
    }

    /// Ctrl+Home or Ctrl+End: to the start or end of the document (the caret too, if any).
    pub fn doc_edge(&mut self, doc: &Document, index: &TextIndex, end: bool) -> Outcome {
        self.scroll = Some(if end { Scroll::Bottom } else { Scroll::Top });
        if self.caret.is_some() {
            let motion = if end {
                Motion::DocEnd
            } else {
                Motion::DocStart
            };
            let out = self.move_caret(doc, index, motion, false);
            // The view goes to the very edge, not just far enough to show the caret.
            self.scroll_to = None;
            return out;
        }
        Outcome::default()
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
        let Some(doc) = self.open_document(p) else {
            return Outcome::say("no document open");
        };
        if let Some(range) = self.effective_selection(doc, index) {
            let command = gestures::tag(p, doc.id, range, label);
            let message = match &command {
                Some(_) => format!("tagged {:?} as {label}", doc.slice(range.start, range.end)),
                None => "that span already exists".to_string(),
            };
            self.selection = None;
            // Select the new span so the next key can relabel or link it; the caret goes to
            // its end, so Ctrl+Shift+Right extends it from there.
            self.selected_span = command.as_ref().map(|_| doc.next_span_id());
            if command.is_some() {
                self.caret = Some(range.end);
            }
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
        let Some(doc) = self.open_document(p) else {
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
        let Some(doc) = self.open_document(p) else {
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
        self.caret = Some(s.end);
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

/// Where `motion` takes a caret at `caret`.
fn caret_target(doc: &Document, index: &TextIndex, caret: usize, motion: Motion) -> usize {
    let len = doc.char_len();
    let paras = &index.paragraphs;
    let Some(para) = paras.get(paras.index_of_char(caret)) else {
        return caret;
    };
    let ptext = para.text(&doc.text);
    // Left and right are on screen: in a right-to-left paragraph, left reads forward.
    let rtl = matches!(
        motion,
        Motion::Left | Motion::Right | Motion::WordLeft | Motion::WordRight
    ) && text::is_rtl_paragraph(ptext);
    let forward = match motion {
        Motion::Right | Motion::WordRight => !rtl,
        Motion::Left | Motion::WordLeft => rtl,
        _ => true,
    };
    match motion {
        Motion::Left | Motion::Right => {
            if forward {
                (caret + 1).min(len)
            } else {
                caret.saturating_sub(1)
            }
        }
        Motion::WordLeft | Motion::WordRight => {
            let local = caret.saturating_sub(para.char_start).min(para.char_len());
            // At a paragraph's edge, a word move crosses the line break to the next paragraph.
            if forward && local == para.char_len() {
                return (caret + 1).min(len);
            }
            if !forward && local == 0 {
                return caret.saturating_sub(1);
            }
            para.char_start + text::caret_by_word(ptext, local, forward)
        }
        Motion::LineStart => para.char_start,
        Motion::LineEnd => para.char_end,
        Motion::DocStart => 0,
        Motion::DocEnd => len,
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
        let mut v = EditingState::default();
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
        let mut v = EditingState::default();
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
        let mut v = EditingState::default();
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
    fn the_caret_moves_by_character_and_word_and_selects_with_shift() {
        let p = project();
        let doc = &p.documents[0];
        let idx = TextIndex::new(&doc.text);
        let mut v = EditingState::default();
        v.reconcile(&p);
        assert!(
            v.move_caret(doc, &idx, Motion::Right, false)
                .message
                .is_some()
        );
        v.place_caret(10); // before "Ana"
        v.move_caret(doc, &idx, Motion::Right, false);
        assert_eq!(v.caret, Some(11));
        v.move_caret(doc, &idx, Motion::Left, false);
        v.move_caret(doc, &idx, Motion::WordRight, true); // select "Ana"
        assert_eq!(v.selection, Some(CharRange::new(10, 13)));
        v.move_caret(doc, &idx, Motion::WordRight, true); // and "Ruiz"
        assert_eq!(v.selection, Some(CharRange::new(10, 18)));
        assert_eq!(v.caret, Some(18));
        v.move_caret(doc, &idx, Motion::Left, true);
        assert_eq!(v.selection, Some(CharRange::new(10, 17)));
        // A plain move drops the selection.
        v.move_caret(doc, &idx, Motion::WordLeft, false);
        assert_eq!((v.selection, v.caret), (None, Some(14)));
        // Back across the anchor: the selection flips to the other side.
        v.place_caret(14);
        v.move_caret(doc, &idx, Motion::Right, true);
        v.move_caret(doc, &idx, Motion::WordLeft, true);
        v.move_caret(doc, &idx, Motion::WordLeft, true);
        assert_eq!(v.selection, Some(CharRange::new(10, 14)));
        assert_eq!(v.caret, Some(10));
    }

    #[test]
    fn a_keyboard_selection_tags_like_a_dragged_one() {
        let mut p = project();
        let idx = TextIndex::new(&p.documents[0].text);
        let mut v = EditingState::default();
        v.reconcile(&p);
        v.place_caret(23); // "Bo"
        let doc = p.documents[0].clone();
        v.move_caret(&doc, &idx, Motion::Right, true);
        // "B" alone snaps to the word "Bo".
        v.apply_label(&p, &idx, '1')
            .command
            .unwrap()
            .apply(&mut p)
            .unwrap();
        assert!(
            p.documents[0]
                .spans
                .iter()
                .any(|s| s.range() == CharRange::new(23, 25))
        );
        // With the new span selected, Ctrl+Shift+Right extends from it by a word.
        let doc = p.documents[0].clone();
        v.move_caret(&doc, &idx, Motion::WordRight, true);
        assert_eq!(v.selection, Some(CharRange::new(23, 28)));
    }

    #[test]
    fn line_and_document_edges_and_rows() {
        let p = project();
        let doc = &p.documents[0];
        let idx = TextIndex::new(&doc.text);
        let mut v = EditingState::default();
        v.reconcile(&p);
        // Without a caret, Home/End and Up/Down scroll.
        v.home_end(doc, &idx, true);
        assert_eq!(v.scroll, Some(Scroll::Bottom));
        v.up_down(true, false);
        assert_eq!(v.scroll, Some(Scroll::LineDown));
        v.place_caret(20);
        v.home_end(doc, &idx, false);
        assert_eq!(v.caret, Some(0));
        v.home_end(doc, &idx, true);
        assert_eq!(v.caret, Some(37), "end of the first line");
        v.move_caret(doc, &idx, Motion::WordRight, false);
        assert_eq!(v.caret, Some(38), "a word move crosses the line break");
        v.up_down(false, true);
        assert_eq!(
            v.row_move,
            Some(RowMove {
                down: false,
                extend: true
            })
        );
        v.doc_edge(doc, &idx, true);
        assert_eq!(v.caret, Some(doc.char_len()));
        assert_eq!(v.scroll, Some(Scroll::Bottom));
        v.caret_to(doc, 5, true);
        assert_eq!(v.selection, Some(CharRange::new(5, doc.char_len())));
    }

    #[test]
    fn walking_starts_from_the_screen() {
        let mut v = EditingState::default();
        assert_eq!(v.walk_origin(), 0);
        v.on_screen = Some(CharRange::new(500, 900));
        assert_eq!(v.walk_origin(), 500, "no caret: the top of the screen");
        v.caret = Some(20);
        assert_eq!(v.walk_origin(), 500, "the caret is off screen");
        v.caret = Some(700);
        assert_eq!(v.walk_origin(), 700);
    }

    #[test]
    fn left_reads_forward_in_a_right_to_left_paragraph() {
        let mut p = Project::new("rtl");
        p.insert_document(Document::new(DocId(1), "he", "ראש הממשלה אמר."));
        let doc = &p.documents[0];
        let idx = TextIndex::new(&doc.text);
        let mut v = EditingState::default();
        v.reconcile(&p);
        v.place_caret(0);
        v.move_caret(doc, &idx, Motion::WordLeft, true);
        assert_eq!(v.selection, Some(CharRange::new(0, 3)));
        v.move_caret(doc, &idx, Motion::Right, true);
        assert_eq!(v.selection, Some(CharRange::new(0, 2)));
    }

    #[test]
    fn every_caret_move_stays_in_the_text_and_keeps_the_caret_on_the_selection() {
        let mut p = Project::new("mixed");
        let text = "Ana 👋 Ruiz\r\n美国总统在白宫。\n\nראש הממשלה, Angela Merkel.\n";
        p.insert_document(Document::new(DocId(1), "m", text));
        let doc = &p.documents[0];
        let idx = TextIndex::new(&doc.text);
        let len = doc.char_len();
        let motions = [
            Motion::Left,
            Motion::Right,
            Motion::WordLeft,
            Motion::WordRight,
            Motion::LineStart,
            Motion::LineEnd,
            Motion::DocStart,
            Motion::DocEnd,
        ];
        for start in 0..=len {
            for m in motions {
                for extend in [false, true] {
                    let mut v = EditingState::default();
                    v.reconcile(&p);
                    v.selection = Some(CharRange::new(start.saturating_sub(2), start));
                    v.place_caret(start);
                    v.move_caret(doc, &idx, m, extend);
                    let c = v.caret.expect("a caret");
                    assert!(c <= len, "{m:?} from {start}: {c}");
                    if let Some(sel) = v.selection {
                        assert!(sel.start < sel.end && sel.end <= len);
                        assert!(c == sel.start || c == sel.end, "{m:?} {start} {sel:?} {c}");
                    }
                    if matches!(m, Motion::Right | Motion::WordRight) && start < len && !extend {
                        assert_ne!(c, start, "{m:?} from {start} moved");
                    }
                }
            }
        }
    }

    #[test]
    fn documents_step_and_stop_at_the_ends() {
        let p = project();
        let mut v = EditingState::default();
        v.reconcile(&p);
        assert_eq!(v.doc, Some(DocId(1)));
        v.step_doc(&p, true);
        assert_eq!(v.doc, Some(DocId(2)));
        let out = v.step_doc(&p, true);
        assert_eq!(v.doc, Some(DocId(2)));
        assert_eq!(out.message.as_deref(), Some("last document"));
    }
}
