//! The keyboard-first loop (issue 13): keys that scroll the document and the overview strip
//! beside it, a caret and selections made with the keyboard, review that says what it did and
//! starts from the screen, quote suggestions told apart from names, right-to-left paragraphs
//! and Chinese words.

use egui::{Key, Modifiers, Pos2};
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, HarnessBuilder};
use gloss::app::dialogs::ScriptedDialogs;
use gloss::model::{CharRange, DocId, Document, Project, Span, SpanId};
use gloss::ui::Workbench;

use crate::support::*;

/// Open `p` in the app; the matcher uses only what the test turns on.
fn open_project(p: Project) -> (tempfile::TempDir, Harness<'static, Workbench>) {
    open_with(builder(), p)
}

/// The same, for text no bundled font can draw: boxes of one width stand in for its glyphs
/// (the test build has no Hebrew or Chinese font).
fn open_with_tofu(p: Project) -> (tempfile::TempDir, Harness<'static, Workbench>) {
    open_with(builder().allow_missing_glyphs(), p)
}

fn open_with(
    builder: HarnessBuilder<Workbench>,
    mut p: Project,
) -> (tempfile::TempDir, Harness<'static, Workbench>) {
    p.matcher.gazetteer = false;
    p.matcher.rules = false;
    p.matcher.model = false;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = save_in(dir.path(), "keys.ron", &p);
    let mut h = build(builder, Some(&path), ScriptedDialogs::new());
    settle(&mut h);
    (dir, h)
}

/// Step frames until the suggestions are in for the current state of the project.
fn settle(h: &mut Harness<'_, Workbench>) {
    for _ in 0..400 {
        h.step();
        let app = h.state();
        let rev = app.session.revision();
        if app.editing.doc.is_some_and(|d| !app.review.busy(d, rev)) {
            h.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("suggestions did not arrive");
}

fn press(h: &mut Harness<'_, Workbench>, m: Modifiers, k: Key) {
    h.key_press_modifiers(m, k);
    h.run_steps(4);
}

fn click(h: &mut Harness<'_, Workbench>, p: Pos2) {
    h.hover_at(p);
    h.run_steps(2);
    queue_click(h, p);
    h.run_steps(4);
}

fn double_click(h: &mut Harness<'_, Workbench>, p: Pos2) {
    h.hover_at(p);
    h.run_steps(2);
    double_click_at(h, p);
    h.run_steps(3);
}

fn on_screen(h: &Harness<'_, Workbench>) -> CharRange {
    h.state()
        .editing
        .on_screen
        .expect("the view reports what is on screen")
}

/// 400 paragraphs of news-like text, "Ana Ruiz" annotated at the top and mentioned again in
/// the middle and at the very end.
fn long_project() -> Project {
    long_project_quotes(false)
}

fn long_project_quotes(quotes: bool) -> Project {
    let mut text = String::from("Ana Ruiz met the council in Lima.\n");
    for i in 0..400 {
        if i == 200 {
            text.push_str("In the middle, Ana Ruiz spoke again.\n");
        }
        text.push_str(&format!(
            "Paragraph {i}: the minister said on Tuesday that talks with officials would resume after a pause of several weeks.\n"
        ));
    }
    text.push_str("At the end Ana Ruiz left.");
    let mut p = Project::new("long");
    p.matcher.quotes = quotes;
    let mut d = Document::new(DocId(1), "long", text);
    d.insert_span(Span::new(SpanId(1), CharRange::new(0, 8), "PERSON"));
    p.insert_document(d);
    p
}

#[test]
fn page_keys_space_home_end_and_arrows_scroll_after_a_click_and_escape() {
    let (_dir, mut h) = open_project(long_project());
    let len = h.state().session.project.documents[0].char_len();
    assert_eq!(on_screen(&h).start, 0);
    // As the acceptance check does: a click in the text, Escape, then Page Down.
    click(&mut h, Pos2::new(600.0, 400.0));
    press(&mut h, Modifiers::NONE, Key::Escape);
    press(&mut h, Modifiers::NONE, Key::PageDown);
    let after_one = on_screen(&h);
    assert!(
        after_one.start > 0,
        "Page Down moved the view: {after_one:?}"
    );
    press(&mut h, Modifiers::NONE, Key::PageDown);
    assert!(on_screen(&h).start > after_one.start);
    // A page keeps a little overlap: what was at the bottom is still on screen.
    press(&mut h, Modifiers::NONE, Key::PageUp);
    assert_eq!(on_screen(&h).start, after_one.start);
    press(&mut h, Modifiers::NONE, Key::Space);
    let spaced = on_screen(&h).start;
    assert!(spaced > after_one.start, "Space pages down");
    press(&mut h, Modifiers::SHIFT, Key::Space);
    assert_eq!(on_screen(&h).start, after_one.start, "Shift+Space pages up");
    press(&mut h, Modifiers::COMMAND, Key::End);
    assert_eq!(on_screen(&h).end, len, "Ctrl+End shows the end");
    press(&mut h, Modifiers::COMMAND, Key::Home);
    assert_eq!(on_screen(&h).start, 0, "Ctrl+Home the start");
    // Without a caret, End and Home go to the bottom and the top, arrows scroll a line.
    h.state_mut().editing.caret = None;
    press(&mut h, Modifiers::NONE, Key::End);
    assert_eq!(on_screen(&h).end, len);
    press(&mut h, Modifiers::NONE, Key::Home);
    assert_eq!(on_screen(&h).start, 0);
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    let down = on_screen(&h).start;
    assert!(down > 0, "Down scrolled");
    press(&mut h, Modifiers::NONE, Key::ArrowUp);
    assert!(on_screen(&h).start < down, "Up scrolled back");
}

#[test]
fn the_overview_strip_shows_the_whole_document_and_jumps_on_a_click() {
    let (_dir, mut h) = open_project(long_project());
    let len = h.state().session.project.documents[0].char_len();
    let strip = h.get_by_label("Document overview").rect();
    assert!(strip.height() > 300.0, "beside the whole text: {strip:?}");
    // A click near its bottom jumps near the end of the document.
    click(&mut h, Pos2::new(strip.center().x, strip.max.y - 4.0));
    let shown = on_screen(&h);
    assert!(shown.start > len * 9 / 10, "{shown:?} of {len}");
    click(&mut h, Pos2::new(strip.center().x, strip.min.y + 2.0));
    assert!(on_screen(&h).start < len / 20);
}

#[test]
fn a_caret_and_keyboard_selections_annotate_without_the_mouse() {
    let mut p = project();
    p.matcher.learned = false;
    p.matcher.quotes = false;
    let (_dir, mut h) = open_project(p);
    // A click puts the caret before "Bo" (23); Ctrl+Shift+Right twice selects "Bo Li".
    let p = at(&h, 23);
    click(&mut h, p);
    assert_eq!(h.state().editing.caret, Some(23));
    assert!(h.state().char_pos(23).is_some());
    let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
    press(&mut h, ctrl_shift, Key::ArrowRight);
    assert_eq!(h.state().editing.selection, Some(CharRange::new(23, 25)));
    press(&mut h, ctrl_shift, Key::ArrowRight);
    assert_eq!(h.state().editing.selection, Some(CharRange::new(23, 28)));
    // Tag it, make an entity of it: no mouse.
    press(&mut h, Modifiers::NONE, Key::Num1);
    assert!(spans(&h).contains(&(23, 28, "PERSON".to_string())));
    press(&mut h, Modifiers::NONE, Key::E);
    assert!(
        h.state()
            .session
            .project
            .entities
            .iter()
            .any(|e| e.name == "Bo Li")
    );
    press(&mut h, Modifiers::NONE, Key::Escape);
    // Left and Right move by a character, Ctrl by a word, Shift+Right extends by a character.
    h.state_mut().editing.caret = Some(32);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(h.state().editing.caret, Some(33));
    press(&mut h, Modifiers::COMMAND, Key::ArrowRight);
    assert_eq!(h.state().editing.caret, Some(36), "end of \"Lima\"");
    press(&mut h, Modifiers::COMMAND, Key::ArrowLeft);
    assert_eq!(h.state().editing.caret, Some(32), "its start");
    press(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    press(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(h.state().editing.selection, Some(CharRange::new(32, 34)));
    // Down moves the caret into the next paragraph; Home, then Shift+End selects the line,
    // and Q makes it a quote.
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    let caret = h.state().editing.caret.expect("a caret");
    assert!((48..86).contains(&caret), "second paragraph: {caret}");
    press(&mut h, Modifiers::NONE, Key::Home);
    assert_eq!(h.state().editing.caret, Some(48));
    press(&mut h, Modifiers::SHIFT, Key::End);
    assert_eq!(h.state().editing.selection, Some(CharRange::new(48, 86)));
    press(&mut h, Modifiers::NONE, Key::Q);
    let doc = &h.state().session.project.documents[0];
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(doc.quotes[0].content, vec![CharRange::new(48, 86)]);
    // Up comes back to the first paragraph.
    h.state_mut().editing.caret = Some(60);
    press(&mut h, Modifiers::NONE, Key::ArrowUp);
    assert!(h.state().editing.caret.is_some_and(|c| c < 48));
}

fn review_project() -> Project {
    let text = "Ana Ruiz met Bo Li in Lima. Later Ana Ruiz and Bo Li flew to Lima.\nIn Lima, Ana Ruiz spoke first.";
    let mut p = Project::new("review");
    let mut d = Document::new(DocId(1), "talks", text);
    d.insert_span(Span::new(SpanId(1), CharRange::new(0, 8), "PERSON"));
    d.insert_span(Span::new(SpanId(2), CharRange::new(13, 18), "PERSON"));
    d.insert_span(Span::new(SpanId(3), CharRange::new(22, 26), "GPE"));
    p.insert_document(d);
    p
}

#[test]
fn review_says_what_was_decided_and_where_the_focus_went() {
    let (_dir, mut h) = open_project(review_project());
    press(&mut h, Modifiers::NONE, Key::N);
    let focus = h.state().review.current.clone().expect("focused");
    assert_eq!((focus.start, focus.end), (34, 42));
    assert_eq!(
        h.state().editing.caret,
        Some(34),
        "the caret goes to the suggestion"
    );
    assert!(
        h.state()
            .status()
            .unwrap_or("")
            .starts_with("1 of 5 · PERSON")
    );
    press(&mut h, Modifiers::NONE, Key::A);
    settle(&mut h);
    let status = h.state().status().unwrap_or("").to_string();
    assert!(
        status.starts_with("accepted Ana Ruiz (PERSON) — next: ") && status.ends_with(" of 4"),
        "{status}"
    );
    let next = h
        .state()
        .review
        .current
        .clone()
        .expect("the focus moved on");
    assert_eq!((next.start, next.end), (47, 52));
    press(&mut h, Modifiers::NONE, Key::X);
    settle(&mut h);
    let status = h.state().status().unwrap_or("").to_string();
    assert!(
        status.starts_with("rejected Bo Li (PERSON) — next: ") && status.ends_with(" of 3"),
        "{status}"
    );
}

#[test]
fn next_suggestion_starts_from_what_is_on_screen() {
    let (_dir, mut h) = open_project(long_project());
    let n = h
        .query_all_by_label_contains("Suggestion PERSON: Ana Ruiz")
        .count()
        + h.state().session.project.documents[0].spans.len();
    assert!(n >= 1, "the view draws what is on screen");
    press(&mut h, Modifiers::COMMAND, Key::End);
    press(&mut h, Modifiers::NONE, Key::N);
    let len = h.state().session.project.documents[0].char_len();
    let focus = h.state().review.current.clone().expect("focused");
    assert!(
        focus.start > len - 30,
        "N at the end focuses the suggestion on screen, not the first one: {focus:?}"
    );
    // Back at the top with the caret there, N goes to the middle one.
    press(&mut h, Modifiers::COMMAND, Key::Home);
    h.state_mut().editing.caret = Some(0);
    h.state_mut().review.current = None;
    press(&mut h, Modifiers::NONE, Key::N);
    let focus = h.state().review.current.clone().expect("focused");
    assert!(
        focus.start > 1000 && focus.start < len / 2 + 2000,
        "{focus:?}"
    );
}

#[test]
fn a_quote_suggestion_says_it_is_a_quote_when_accepted() {
    let quoted = "“We will stay in Lima,” Ana Ruiz said on Monday.\nRuiz left later.";
    let mut p = Project::new("quotes");
    p.matcher.learned = false;
    let mut d = Document::new(DocId(1), "quoted", quoted);
    d.insert_span(Span::new(SpanId(1), CharRange::new(24, 32), "PERSON"));
    p.insert_document(d);
    let (_dir, mut h) = open_project(p);
    let node = h
        .get_by_label_contains("Suggestion QUOTE: We will stay")
        .rect();
    // Its tooltip says what A does to it.
    h.hover_at(node.center());
    h.run_steps(16);
    assert!(
        h.query_by_label_contains("A accepts the quote with its speaker and cue")
            .is_some()
    );
    h.remove_cursor();
    h.run_steps(2);
    press(&mut h, Modifiers::NONE, Key::N);
    assert!(h.state().status().unwrap_or("").contains("QUOTE"));
    press(&mut h, Modifiers::NONE, Key::A);
    settle(&mut h);
    let status = h.state().status().unwrap_or("").to_string();
    assert!(
        status.starts_with("accepted the quote “We will stay in Lima,”"),
        "{status}"
    );
}

#[test]
fn right_to_left_paragraphs_read_from_the_right_and_chinese_words_are_words() {
    let text = "ראש הממשלה נתניהו אמר כי השיחות יימשכו.\nThe minister spoke.\n美国总统周二在白宫发表讲话。";
    let mut p = Project::new("scripts");
    let mut d = Document::new(DocId(1), "scripts", text);
    // "נתניהו" (11..17) tagged.
    d.insert_span(Span::new(SpanId(1), CharRange::new(11, 17), "PERSON"));
    p.insert_document(d);
    let (_dir, mut h) = open_with_tofu(p);
    // The Hebrew paragraph is aligned right: its first word is right of its last.
    let first = at(&h, 0);
    let last = at(&h, 33);
    assert!(first.x > last.x + 100.0, "{first:?} {last:?}");
    let english = at(&h, 40);
    assert!(
        first.x > english.x + 300.0,
        "right-aligned: {first:?} vs {english:?}"
    );
    // The span's outline covers its glyphs: it lies between the first and the last word,
    // and the caret positions of its ends are at its edges.
    let node = h.get_by_label("PERSON: נתניהו").rect();
    let (a, b) = (at(&h, 11), at(&h, 17));
    assert!(
        node.min.x < a.x && a.x <= node.max.x + 2.0,
        "{node:?} {a:?}"
    );
    assert!(
        node.min.x - 2.0 <= b.x && b.x < node.max.x,
        "{node:?} {b:?}"
    );
    assert!(node.width() > 20.0, "over the word, not a sliver: {node:?}");
    // A double-click on an untagged word ("השיחות", 25..31) selects that word.
    let (r, l) = (at(&h, 25), at(&h, 31));
    double_click(&mut h, Pos2::new((r.x + l.x) / 2.0, r.y));
    assert_eq!(h.state().editing.selection, Some(CharRange::new(25, 31)));
    // A double-click on 统 of 总统 selects both characters.
    let zh = 60; // "美"
    let p = at(&h, zh + 3);
    double_click(&mut h, Pos2::new(p.x + 3.0, p.y));
    assert_eq!(
        h.state().editing.selection,
        Some(CharRange::new(zh + 2, zh + 4))
    );
}
