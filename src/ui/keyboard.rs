//! The keys that scroll the document and move the caret: PageUp/PageDown, Space, arrows,
//! Home/End and their Ctrl and Shift forms, turned into `app::editing` moves. What each does is
//! decided in `app::editing` (pure, tested there); moves that need the layout (a row, a page) are
//! left as requests for the document view's next frame.

use super::workbench::Workbench;
use crate::app::editing::{Motion, Scroll};
use crate::app::keymap::Action;
use crate::app::text_index::TextIndex;

impl Workbench {
    /// Carry out a caret or scroll key on the open document.
    pub(super) fn caret_key(&mut self, action: Action, index: &TextIndex) {
        let Some(doc) = self.editing.open_document(&self.session.project) else {
            return;
        };
        let view = &mut self.editing;
        let out = match action {
            Action::PageDown => {
                view.scroll = Some(Scroll::PageDown);
                None
            }
            Action::PageUp => {
                view.scroll = Some(Scroll::PageUp);
                None
            }
            Action::LineDown | Action::LineUp | Action::SelectRowDown | Action::SelectRowUp => {
                let down = matches!(action, Action::LineDown | Action::SelectRowDown);
                let extend = matches!(action, Action::SelectRowDown | Action::SelectRowUp);
                view.up_down(down, extend);
                None
            }
            Action::LineStart | Action::LineEnd => {
                Some(view.home_end(doc, index, action == Action::LineEnd))
            }
            Action::DocumentStart | Action::DocumentEnd => {
                Some(view.doc_edge(doc, index, action == Action::DocumentEnd))
            }
            _ => {
                let (motion, extend) = match action {
                    Action::CaretLeft => (Motion::Left, false),
                    Action::CaretRight => (Motion::Right, false),
                    Action::WordLeft => (Motion::WordLeft, false),
                    Action::WordRight => (Motion::WordRight, false),
                    Action::SelectWordLeft => (Motion::WordLeft, true),
                    Action::SelectWordRight => (Motion::WordRight, true),
                    Action::ShrinkEnd => (Motion::Left, true),
                    Action::GrowEnd => (Motion::Right, true),
                    Action::SelectToLineStart => (Motion::LineStart, true),
                    Action::SelectToLineEnd => (Motion::LineEnd, true),
                    _ => return,
                };
                Some(view.move_caret(doc, index, motion, extend))
            }
        };
        // A keyboard selection takes the focus off the suggestion, as a dragged one does.
        if self.editing.selection.is_some() {
            self.review.current = None;
        }
        if let Some(out) = out {
            self.finish(out);
        }
    }
}

/// A piece of document text short enough for the status bar.
pub fn short(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 40 {
        let head: String = one_line.chars().take(38).collect();
        format!("{head}…")
    } else {
        one_line
    }
}
