//! Every user action that has a menu entry or a key, in one table.
//!
//! The menus, the `?` overlay and the key handling are all generated from `Action::all` and
//! `Action::shortcuts`, so what the overlay says is what the keys do. A test fails when two
//! actions share a key in the same mode. Label keys (digits) come from the label set but are
//! reserved here.
//!
//! **Modes.** While curating, the same few keys mean something else: 1…9 take an annotator's
//! version of a disagreement (they tag with a label otherwise), A takes all, X and 0 take
//! neither, N and P walk the open disagreements (suggestions otherwise). Rather than invent
//! new keys for the curator, who presses them hundreds of times, those actions carry a `Mode`:
//! an action with a mode fires only in that mode, one without fires in both, and two actions
//! may share a key only when their modes differ.

mod chord;

pub use chord::{Chord, Key, Mods};

/// Declares `Action` and `UNIT_ACTIONS`, its variants without data in menu order, from one
/// list, so the two cannot drift apart.
macro_rules! actions {
    (
        $($(#[$unit_doc:meta])* $unit:ident,)*
        ;
        $($(#[$param_doc:meta])* $param:ident($ty:ty),)*
    ) => {
        /// Every user action that has a menu entry or a key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Action {
            $($(#[$unit_doc])* $unit,)*
            $($(#[$param_doc])* $param($ty),)*
        }

        /// The actions without data, in menu and overlay order.
        const UNIT_ACTIONS: &[Action] = &[$(Action::$unit,)*];
    };
}

actions! {
    NewProject,
    OpenProject,
    Save,
    SaveAs,
    AddFiles,
    AddFolder,
    PasteDocument,
    Export,
    Undo,
    Redo,
    Find,
    FindNext,
    FindPrevious,
    ToggleWordSnap,
    DeleteSpan,
    ClearSelection,
    GrowEnd,
    ShrinkEnd,
    GrowStart,
    ShrinkStart,
    /// Keys that scroll the document and move the caret (see `app::editing`).
    PageDown,
    PageUp,
    LineDown,
    LineUp,
    SelectRowDown,
    SelectRowUp,
    CaretLeft,
    CaretRight,
    WordLeft,
    WordRight,
    SelectWordLeft,
    SelectWordRight,
    LineStart,
    LineEnd,
    SelectToLineStart,
    SelectToLineEnd,
    DocumentStart,
    DocumentEnd,
    NextSpan,
    PreviousSpan,
    NextDocument,
    PreviousDocument,
    LinkEntity,
    NewEntityFromSpan,
    NewQuote,
    AddQuotePart,
    PickSpeaker,
    PickCue,
    CycleQuoteKind,
    NextSuggestion,
    PreviousSuggestion,
    AcceptSuggestion,
    RejectSuggestion,
    NeverSuggest,
    AcceptStringInDocument,
    AcceptStringInProject,
    ThresholdUp,
    ThresholdDown,
    AcceptAboveThreshold,
    ToggleSuggestions,
    ShowShortcuts,
    /// Hide or show the documents panel (left).
    ToggleDocumentsPanel,
    /// Hide or show the inspector panel (right: labels, entities, span, suggestions, quotes).
    ToggleInspectorPanel,
    /// Compare annotators' projects: the Agreement window.
    ShowAgreement,
    /// Per-document status and counts, label distribution, progress, quotes per speaker.
    ShowDashboard,
    /// Open two or more annotators' projects and curate their disagreements.
    CurateAnnotators,
    CurateTakeAll,
    CurateNeither,
    CurateNext,
    CuratePrevious,
    /// Categorise mode on or off: category keys set the document's categories, digits the
    /// selected item's attributes (see `app::coding`).
    Categorise,
    /// The next attribute of the selection for the digit keys to set.
    NextAttribute,
    /// In categorise mode: accept or reject the suggested value (a speaker's gender).
    AcceptAttributeSuggestion,
    RejectAttributeSuggestion,
    ;
    /// While curating: keep annotator n's version (1-based, as on the key).
    CurateTake(u8),
    /// The label with this digit key: tags the selection, or relabels the selected span.
    ApplyLabel(char),
    /// Set the active attribute to its n-th value (1–9); 0 clears it.
    AttributeValue(u8),
}

/// What the window is doing, for keys that mean different things in different modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Annotating (and reviewing suggestions): the usual meaning of every key.
    Annotate,
    /// Curating annotators' disagreements.
    Curate,
    /// Categorise mode: letters set the document's categories, digits attributes.
    Categorise,
}

/// Where a shortcut works: everywhere, or only when no text field has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Works even while typing in a text field (has Ctrl/Cmd, or is a function key).
    Global,
    /// A plain key: ignored while a text field has focus.
    View,
}

const fn sc(mods: Mods, key: Key) -> Chord {
    Chord::new(mods, key)
}
const NONE: Mods = Mods::NONE;
const CMD: Mods = Mods::COMMAND;
const SHIFT: Mods = Mods::SHIFT;
const CMD_SHIFT: Mods = Mods::COMMAND.plus(Mods::SHIFT);
const ALT_SHIFT: Mods = Mods::ALT.plus(Mods::SHIFT);
const ALT: Mods = Mods::ALT;

/// The label keys, in menu order.
const LABEL_DIGITS: &str = "1234567890";

/// The digit key of `n` (0–9) with `mods`; none for another number.
fn digit_key(mods: Mods, n: u8) -> Vec<Chord> {
    Key::DIGITS
        .get(usize::from(n))
        .map(|k| vec![sc(mods, *k)])
        .unwrap_or_default()
}

impl Action {
    /// Every action, in menu and overlay order.
    pub fn all() -> Vec<Action> {
        use Action::*;
        let mut v = UNIT_ACTIONS.to_vec();
        v.extend((1..=9).map(CurateTake));
        v.extend((0..=9).map(AttributeValue));
        v.extend(LABEL_DIGITS.chars().map(ApplyLabel));
        v
    }

    /// The mode this action's keys work in; `None`: every mode.
    pub fn mode(self) -> Option<Mode> {
        use Action::*;
        match self {
            CurateTake(_) | CurateTakeAll | CurateNeither | CurateNext | CuratePrevious => {
                Some(Mode::Curate)
            }
            // The keys curating and categorising give another meaning.
            ApplyLabel(_) | NextSuggestion | PreviousSuggestion | AcceptSuggestion
            | RejectSuggestion => Some(Mode::Annotate),
            AcceptAttributeSuggestion | RejectAttributeSuggestion => Some(Mode::Categorise),
            _ => None,
        }
    }

    /// Whether this action's keys work in `mode`.
    pub fn works_in(self, mode: Mode) -> bool {
        self.mode().is_none_or(|m| m == mode)
    }

    /// The keys that trigger this action (the first is shown in menus).
    pub fn shortcuts(self) -> Vec<Chord> {
        use Action::*;
        match self {
            NewProject => vec![sc(CMD, Key::N)],
            OpenProject => vec![sc(CMD, Key::O)],
            Save => vec![sc(CMD, Key::S)],
            SaveAs => vec![sc(CMD_SHIFT, Key::S)],
            AddFiles => vec![sc(CMD, Key::I)],
            AddFolder => vec![],
            PasteDocument => vec![sc(CMD_SHIFT, Key::V)],
            Export => vec![sc(CMD, Key::E)],
            Undo => vec![sc(CMD, Key::Z)],
            Redo => vec![sc(CMD_SHIFT, Key::Z), sc(CMD, Key::Y)],
            Find => vec![sc(CMD, Key::F)],
            FindNext => vec![sc(NONE, Key::F3)],
            FindPrevious => vec![sc(SHIFT, Key::F3)],
            ToggleWordSnap => vec![sc(NONE, Key::W)],
            DeleteSpan => vec![sc(NONE, Key::Delete), sc(NONE, Key::Backspace)],
            ClearSelection => vec![sc(NONE, Key::Escape)],
            GrowEnd => vec![sc(SHIFT, Key::ArrowRight)],
            ShrinkEnd => vec![sc(SHIFT, Key::ArrowLeft)],
            GrowStart => vec![sc(ALT_SHIFT, Key::ArrowLeft)],
            ShrinkStart => vec![sc(ALT_SHIFT, Key::ArrowRight)],
            PageDown => vec![sc(NONE, Key::PageDown), sc(NONE, Key::Space)],
            PageUp => vec![sc(NONE, Key::PageUp), sc(SHIFT, Key::Space)],
            LineDown => vec![sc(NONE, Key::ArrowDown)],
            LineUp => vec![sc(NONE, Key::ArrowUp)],
            SelectRowDown => vec![sc(SHIFT, Key::ArrowDown)],
            SelectRowUp => vec![sc(SHIFT, Key::ArrowUp)],
            CaretLeft => vec![sc(NONE, Key::ArrowLeft)],
            CaretRight => vec![sc(NONE, Key::ArrowRight)],
            WordLeft => vec![sc(CMD, Key::ArrowLeft)],
            WordRight => vec![sc(CMD, Key::ArrowRight)],
            SelectWordLeft => vec![sc(CMD_SHIFT, Key::ArrowLeft)],
            SelectWordRight => vec![sc(CMD_SHIFT, Key::ArrowRight)],
            LineStart => vec![sc(NONE, Key::Home)],
            LineEnd => vec![sc(NONE, Key::End)],
            SelectToLineStart => vec![sc(SHIFT, Key::Home)],
            SelectToLineEnd => vec![sc(SHIFT, Key::End)],
            DocumentStart => vec![sc(CMD, Key::Home)],
            DocumentEnd => vec![sc(CMD, Key::End)],
            NextSpan => vec![sc(NONE, Key::CloseBracket)],
            PreviousSpan => vec![sc(NONE, Key::OpenBracket)],
            NextDocument => vec![sc(SHIFT, Key::PageDown), sc(NONE, Key::Period)],
            PreviousDocument => vec![sc(SHIFT, Key::PageUp), sc(NONE, Key::Comma)],
            LinkEntity => vec![sc(NONE, Key::L)],
            NewEntityFromSpan => vec![sc(NONE, Key::E)],
            NewQuote => vec![sc(NONE, Key::Q)],
            AddQuotePart => vec![sc(SHIFT, Key::Q)],
            PickSpeaker => vec![sc(NONE, Key::S)],
            PickCue => vec![sc(NONE, Key::C)],
            CycleQuoteKind => vec![sc(NONE, Key::K)],
            NextSuggestion => vec![sc(NONE, Key::N)],
            PreviousSuggestion => vec![sc(NONE, Key::P)],
            AcceptSuggestion => vec![sc(NONE, Key::A)],
            RejectSuggestion => vec![sc(NONE, Key::X)],
            NeverSuggest => vec![sc(SHIFT, Key::X)],
            AcceptStringInDocument => vec![sc(SHIFT, Key::A)],
            AcceptStringInProject => vec![sc(CMD_SHIFT, Key::A)],
            ThresholdUp => vec![sc(ALT, Key::ArrowUp)],
            ThresholdDown => vec![sc(ALT, Key::ArrowDown)],
            AcceptAboveThreshold => vec![sc(CMD, Key::Enter)],
            ToggleSuggestions => vec![sc(NONE, Key::H)],
            ShowShortcuts => vec![sc(NONE, Key::Questionmark), sc(NONE, Key::F1)],
            ToggleDocumentsPanel => vec![sc(NONE, Key::F9)],
            ToggleInspectorPanel => vec![sc(NONE, Key::F10)],
            ShowAgreement | ShowDashboard | CurateAnnotators => vec![],
            // Annotators count from 1: no annotator 0.
            CurateTake(0) => vec![],
            CurateTake(n) => digit_key(NONE, n),
            CurateTakeAll => vec![sc(NONE, Key::A)],
            CurateNeither => vec![sc(NONE, Key::X), sc(NONE, Key::Num0)],
            CurateNext => vec![sc(NONE, Key::N)],
            CuratePrevious => vec![sc(NONE, Key::P)],
            ApplyLabel(c) => Key::digit(c).map(|k| vec![sc(NONE, k)]).unwrap_or_default(),
            Categorise => vec![sc(NONE, Key::G)],
            NextAttribute => vec![sc(NONE, Key::V)],
            AttributeValue(n) => digit_key(ALT, n),
            AcceptAttributeSuggestion => vec![sc(NONE, Key::A)],
            RejectAttributeSuggestion => vec![sc(NONE, Key::X)],
        }
    }

    pub fn scope(self) -> Scope {
        // Ctrl+arrows and Ctrl+Home/End belong to a text field while one has the keyboard.
        if self.is_caret_key() {
            return Scope::View;
        }
        let global = self
            .shortcuts()
            .first()
            .is_some_and(|s| s.mods.command || s.key.is_function_key());
        if global { Scope::Global } else { Scope::View }
    }

    /// A key that scrolls the document or moves the caret.
    pub fn is_caret_key(self) -> bool {
        use Action::*;
        matches!(
            self,
            PageDown
                | PageUp
                | LineDown
                | LineUp
                | SelectRowDown
                | SelectRowUp
                | CaretLeft
                | CaretRight
                | WordLeft
                | WordRight
                | SelectWordLeft
                | SelectWordRight
                | LineStart
                | LineEnd
                | SelectToLineStart
                | SelectToLineEnd
                | DocumentStart
                | DocumentEnd
        )
    }

    /// The name in menus and the overlay.
    pub fn label(self) -> String {
        use Action::*;
        match self {
            NewProject => "New project".into(),
            OpenProject => "Open project…".into(),
            Save => "Save".into(),
            SaveAs => "Save as…".into(),
            AddFiles => "Add text files…".into(),
            AddFolder => "Add folder…".into(),
            PasteDocument => "Paste as new document…".into(),
            Export => "Export…".into(),
            Undo => "Undo".into(),
            Redo => "Redo".into(),
            Find => "Find…".into(),
            FindNext => "Find next".into(),
            FindPrevious => "Find previous".into(),
            ToggleWordSnap => "Snap selection to words".into(),
            DeleteSpan => "Delete span".into(),
            ClearSelection => "Clear selection".into(),
            GrowEnd => "Extend right; a span's end by a word".into(),
            ShrinkEnd => "Extend left; a span's end back a word".into(),
            GrowStart => "Move span start left by a word".into(),
            ShrinkStart => "Move span start right by a word".into(),
            PageDown => "Page down".into(),
            PageUp => "Page up".into(),
            LineDown => "Down".into(),
            LineUp => "Up".into(),
            SelectRowDown => "Select down".into(),
            SelectRowUp => "Select up".into(),
            CaretLeft => "Caret left".into(),
            CaretRight => "Caret right".into(),
            WordLeft => "Caret left by a word".into(),
            WordRight => "Caret right by a word".into(),
            SelectWordLeft => "Select a word left".into(),
            SelectWordRight => "Select a word right".into(),
            LineStart => "Line start".into(),
            LineEnd => "Line end".into(),
            SelectToLineStart => "Select to the line start".into(),
            SelectToLineEnd => "Select to the line end".into(),
            DocumentStart => "Document start".into(),
            DocumentEnd => "Document end".into(),
            NextSpan => "Select next span".into(),
            PreviousSpan => "Select previous span".into(),
            NextDocument => "Next document".into(),
            PreviousDocument => "Previous document".into(),
            LinkEntity => "Link span to entity…".into(),
            NewEntityFromSpan => "New entity from span".into(),
            NewQuote => "New quote from selection".into(),
            AddQuotePart => "Add selection to the quote".into(),
            PickSpeaker => "Set the quote's speaker".into(),
            PickCue => "Set the quote's cue".into(),
            CycleQuoteKind => "Cycle the quote's kind".into(),
            NextSuggestion => "Next suggestion".into(),
            PreviousSuggestion => "Previous suggestion".into(),
            AcceptSuggestion => "Accept suggestion".into(),
            RejectSuggestion => "Reject suggestion".into(),
            NeverSuggest => "Never suggest this string".into(),
            AcceptStringInDocument => "Accept this string in the document".into(),
            AcceptStringInProject => "Accept this string in the project".into(),
            ThresholdUp => "Raise the accept threshold".into(),
            ThresholdDown => "Lower the accept threshold".into(),
            AcceptAboveThreshold => "Accept all above the threshold".into(),
            ToggleSuggestions => "Show or hide suggestions".into(),
            ShowShortcuts => "Keyboard shortcuts".into(),
            ToggleDocumentsPanel => "Show or hide the documents panel".into(),
            ToggleInspectorPanel => "Show or hide the side panel".into(),
            ShowAgreement => "Agreement…".into(),
            ShowDashboard => "Dashboard".into(),
            CurateAnnotators => "Curate annotators…".into(),
            CurateTake(n) => format!("Take annotator {n}"),
            CurateTakeAll => "Take all".into(),
            CurateNeither => "Take neither".into(),
            CurateNext => "Next open disagreement".into(),
            CuratePrevious => "Previous open disagreement".into(),
            ApplyLabel(c) => format!("Apply label on key {c}"),
            Categorise => "Categorise mode".into(),
            NextAttribute => "Next attribute".into(),
            AttributeValue(0) => "Clear the attribute".into(),
            AttributeValue(n) => format!("Set the attribute to value {n}"),
            AcceptAttributeSuggestion => "Accept the suggested attribute".into(),
            RejectAttributeSuggestion => "Reject the suggested attribute".into(),
        }
    }

    /// One line on what it does, for tooltips and the overlay.
    pub fn help(self) -> &'static str {
        use Action::*;
        match self {
            NewProject => "Start an empty project (asks to save unsaved changes first)",
            OpenProject => "Open a .ron project file",
            Save => "Save the project (atomically; the old file stays intact until done)",
            SaveAs => "Save the project under a new name",
            AddFiles => "Import text files or saved web pages (.html) as documents",
            AddFolder => "Import every .txt and .html file in a folder",
            PasteDocument => "Make a new document from pasted text",
            Export => {
                "Write the annotations in another tool's format (spaCy, doccano, brat, CoNLL, Label Studio, Prodigy, JSONL, quotes CSV, citron)"
            }
            Undo => "Undo the last change",
            Redo => "Redo the last undone change",
            Find => "Find text in the document; tag every hit with a label",
            FindNext => "Go to the next match",
            FindPrevious => "Go to the previous match",
            ToggleWordSnap => "Expand selections to whole words (on by default)",
            DeleteSpan => "Delete the selected span",
            ClearSelection => "Clear the selection, close the find bar or this overlay",
            GrowEnd | ShrinkEnd => {
                "Extend the selection from the caret by a character; with a span selected, move its end by a word"
            }
            GrowStart | ShrinkStart => "Adjust the selected span's edges",
            PageDown | PageUp => "Scroll the document by a screen",
            LineDown | LineUp => "Move the caret a row; with no caret, scroll by a line",
            SelectRowDown | SelectRowUp => "Extend the selection from the caret by a row",
            CaretLeft | CaretRight => {
                "Move the caret by a character (click in the text to place it)"
            }
            WordLeft | WordRight => "Move the caret by a word",
            SelectWordLeft | SelectWordRight => "Extend the selection from the caret by a word",
            LineStart | LineEnd => {
                "Move the caret to the start or end of its line; with no caret, scroll to the top or bottom"
            }
            SelectToLineStart | SelectToLineEnd => {
                "Extend the selection to the line's start or end"
            }
            DocumentStart | DocumentEnd => "Go to the top or bottom of the document",
            NextSpan | PreviousSpan => "Walk through the document's spans",
            NextDocument | PreviousDocument => "Move through the document list",
            LinkEntity => "Link the selected span to a canonical entity (type ahead)",
            NewEntityFromSpan => "Create a canonical entity named after the selected span",
            NewQuote => "Make the selected text a quotation (what was said)",
            AddQuotePart => "Add the selected text as another part of the selected quote",
            PickSpeaker => "Then click the speaker's mention, or select it (creates the mention)",
            PickCue => "Then select the speech verb (said, told, according to…)",
            CycleQuoteKind => "Direct, indirect, mixed",
            NextSuggestion | PreviousSuggestion => {
                "Move to the next or previous suggestion (the view follows)"
            }
            AcceptSuggestion => {
                "Accept the focused suggestion, else the one under the pointer (a number key \
                 accepts it with that label)"
            }
            RejectSuggestion => {
                "Reject the focused suggestion, else the one under the pointer; it will not come \
                 back here"
            }
            NeverSuggest => "Reject it and never suggest this string as this label again",
            AcceptStringInDocument => "Accept every suggestion of the same string in this document",
            AcceptStringInProject => "Accept the same string everywhere in the project",
            ThresholdUp | ThresholdDown => "Change the score threshold by 0.05",
            AcceptAboveThreshold => {
                "Accept every suggestion in this document scoring at least the threshold"
            }
            ToggleSuggestions => "Show or hide suggestions in the text",
            ShowShortcuts => "Show this list",
            ToggleDocumentsPanel => {
                "Give the text the room of the document list (drag the divider to resize)"
            }
            ToggleInspectorPanel => {
                "Give the text the room of the labels, entities and quotes panel (drag the divider to resize)"
            }
            ShowAgreement => {
                "Compare annotators' projects: F1, kappa, alpha, quotes, per label and per document"
            }
            ShowDashboard => {
                "Documents by status, label distribution, progress, quotes per speaker"
            }
            CurateAnnotators => {
                "Merge annotators' projects into a curated one, deciding each disagreement"
            }
            CurateTake(_) => "While curating: keep this annotator's version of the disagreement",
            CurateTakeAll => "While curating: keep every annotator's version",
            CurateNeither => "While curating: keep none of them (remembered as rejected)",
            CurateNext | CuratePrevious => {
                "While curating: move to the next or previous undecided disagreement"
            }
            ApplyLabel(_) => {
                "Tag the selection with the label on this key, or relabel the selected span"
            }
            Categorise => {
                "Category keys (letters, set in the Labels tab) set the document's categories; digits set the selected item's attribute; G or Esc leaves"
            }
            NextAttribute => {
                "Which attribute of the selected quote, span or entity the digit keys set"
            }
            AttributeValue(_) => {
                "Set the active attribute of the selected quote, span or entity to its n-th value (0 clears; plain digits in categorise mode)"
            }
            AcceptAttributeSuggestion | RejectAttributeSuggestion => {
                "In categorise mode: take or dismiss the suggested value (a speaker's gender) and its reason"
            }
        }
    }
}

/// The letters free for category values: no key of the table uses them plainly in categorise
/// mode (where a category key would otherwise shadow the action).
pub fn category_letters() -> Vec<char> {
    let taken: Vec<Key> = bindings()
        .into_iter()
        .filter(|(a, s)| a.works_in(Mode::Categorise) && s.mods.is_none())
        .map(|(_, s)| s.key)
        .collect();
    ('a'..='z')
        .filter(|c| Key::letter(*c).is_some_and(|k| !taken.contains(&k)))
        .collect()
}

/// The keyboard table of the README, generated from this table (a test keeps them equal).
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | action | what it does |\n|---|---|---|\n");
    for action in Action::all() {
        if matches!(
            action,
            Action::ApplyLabel(_) | Action::CurateTake(_) | Action::AttributeValue(_)
        ) {
            continue;
        }
        let keys: Vec<String> = action
            .shortcuts()
            .iter()
            .map(|s| format!("`{}`", s.plain_text()))
            .collect();
        let keys = if keys.is_empty() {
            "(menu)".to_string()
        } else {
            keys.join(" ")
        };
        out.push_str(&format!(
            "| {keys} | {} | {} |\n",
            action.label(),
            action.help()
        ));
    }
    out.push_str(&format!(
        "| `1` … `9`, `0` | Apply label | {} |\n",
        Action::ApplyLabel('1').help()
    ));
    out.push_str(&format!(
        "| `1` … `9` | Take annotator 1 … 9 | {} |\n",
        Action::CurateTake(1).help()
    ));
    out.push_str(&format!(
        "| `Alt+1` … `Alt+9`, `Alt+0` | Set or clear an attribute | {} |\n",
        Action::AttributeValue(1).help()
    ));
    out.push_str(
        "| `Alt+letter` | Set a category | Toggle the category value on that letter (the Labels tab sets them) on the open document; the letter alone in categorise mode |\n",
    );
    out
}

/// Every (action, shortcut) pair, most specific first: the window matches modifiers loosely (Ctrl+Z
/// also fires on Ctrl+Shift+Z), so shortcuts with more modifiers must be tried before those
/// with fewer.
pub fn bindings() -> Vec<(Action, Chord)> {
    let mut v: Vec<(Action, Chord)> = Action::all()
        .into_iter()
        .flat_map(|a| a.shortcuts().into_iter().map(move |s| (a, s)))
        .collect();
    v.sort_by_key(|(_, s)| std::cmp::Reverse(s.mods.count()));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let all = bindings();
        for (i, (a, s)) in all.iter().enumerate() {
            for (b, t) in &all[i + 1..] {
                let same_key = s == t;
                let same_mode = [Mode::Annotate, Mode::Curate, Mode::Categorise]
                    .iter()
                    .any(|m| a.works_in(*m) && b.works_in(*m));
                assert!(!(same_key && same_mode), "{a:?} and {b:?} both use {s:?}");
            }
        }
    }

    #[test]
    fn curating_keys_shadow_the_annotating_ones_only_while_curating() {
        assert!(Action::CurateTake(1).works_in(Mode::Curate));
        assert!(!Action::CurateTake(1).works_in(Mode::Annotate));
        assert!(!Action::ApplyLabel('1').works_in(Mode::Curate));
        assert!(Action::Undo.works_in(Mode::Curate) && Action::Undo.works_in(Mode::Annotate));
        assert_eq!(Action::CurateTake(9).shortcuts().len(), 1);
        assert!(Action::CurateTake(10).shortcuts().is_empty());
        // Every plain key of curation is a key something else uses while annotating, and
        // nothing that works while curating uses it too.
        let curating: Vec<(Action, Chord)> = bindings()
            .into_iter()
            .filter(|(a, _)| a.works_in(Mode::Curate))
            .collect();
        for (a, s) in &curating {
            let others = curating.iter().filter(|(_, t)| t == s).count();
            assert_eq!(others, 1, "{a:?} shares {s:?} while curating");
        }
    }

    #[test]
    fn more_specific_shortcuts_come_first() {
        let all = bindings();
        let pos = |a: Action, k: Key| all.iter().position(|(x, s)| *x == a && s.key == k).unwrap();
        assert!(pos(Action::Redo, Key::Z) < pos(Action::Undo, Key::Z));
        assert!(pos(Action::SaveAs, Key::S) < pos(Action::Save, Key::S));
    }

    #[test]
    fn the_readme_keyboard_table_is_this_table() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
            .expect("README.md");
        let table = markdown_table();
        assert!(
            readme.contains(&table),
            "README.md's keyboard table is out of date; replace it with:\n{table}"
        );
    }

    #[test]
    fn keys_are_named_as_people_write_them() {
        let text = |m, k| sc(m, k).plain_text();
        assert_eq!(text(NONE, Key::CloseBracket), "]");
        assert_eq!(text(NONE, Key::OpenBracket), "[");
        assert_eq!(text(NONE, Key::Questionmark), "?");
        assert_eq!(text(NONE, Key::Slash), "/");
        assert_eq!(text(NONE, Key::Comma), ",");
        assert_eq!(text(NONE, Key::Period), ".");
        assert_eq!(text(NONE, Key::Minus), "-");
        assert_eq!(text(NONE, Key::Equals), "=");
        assert_eq!(text(SHIFT, Key::PageDown), "Shift+PgDn");
        assert_eq!(text(ALT, Key::ArrowUp), "Alt+Up");
        assert_eq!(text(CMD_SHIFT, Key::Z), "Ctrl+Shift+Z");
        assert_eq!(text(NONE, Key::Num7), "7");
        assert_eq!(text(NONE, Key::F9), "F9");
        for (a, s) in bindings() {
            let t = s.plain_text();
            assert!(
                !t.contains("Bracket") && !t.contains("Questionmark") && !t.contains("Page"),
                "{a:?}: {t}"
            );
        }
        assert_eq!(Action::ToggleDocumentsPanel.scope(), Scope::Global);
    }

    #[test]
    fn every_label_digit_is_bound() {
        for d in "1234567890".chars() {
            assert_eq!(Action::ApplyLabel(d).shortcuts().len(), 1, "{d}");
        }
        assert_eq!(Action::Save.scope(), Scope::Global);
        assert_eq!(Action::DeleteSpan.scope(), Scope::View);
    }
}
