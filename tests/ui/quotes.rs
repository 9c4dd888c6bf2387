//! Quotes by hand, keyboard first: Q on a selection, S then the speaker, C then the cue, K for
//! the kind, Shift+Q for a second part; the Quotes tab and "who said what"; undo of each step.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::model::{CharRange, Mention, QuoteKind};

use crate::support::*;

fn double_click(h: &mut egui_kittest::Harness<'_, gloss::ui::Workbench>, offset: usize) {
    let p = at(h, offset);
    h.hover_at(p);
    h.run();
    double_click_at(h, p);
    h.run();
}

fn the_quote(h: &egui_kittest::Harness<'_, gloss::ui::Workbench>) -> Option<gloss::model::Quote> {
    h.state().session.project.documents[0]
        .quotes
        .first()
        .cloned()
}

#[test]
fn a_quote_with_speaker_cue_kind_and_two_parts_by_keyboard() {
    let (_dir, _path, mut h) = open();
    // "Ruiz said the talks in Lima went well." — what was said:
    drag(&mut h, 59, 84);
    key(&mut h, Key::Q);
    let q = the_quote(&h).expect("a quote");
    assert_eq!(q.content, vec![CharRange::new(58, 85)]);
    assert!(
        h.query_by_label("Quote: the talks in Lima went well")
            .is_some()
    );
    assert_eq!(h.state().editing.selected_quote, Some(q.id));

    // S, then select "Ruiz": a new PERSON mention becomes the speaker.
    key(&mut h, Key::S);
    drag(&mut h, 48, 51);
    let q = the_quote(&h).unwrap();
    let d = &h.state().session.project.documents[0];
    let speaker = d.span(q.speaker.expect("speaker set")).unwrap();
    assert_eq!(
        (speaker.start, speaker.end, speaker.mention),
        (48, 52, Mention::Name)
    );

    // C, then double-click "said".
    key(&mut h, Key::C);
    double_click(&mut h, 54);
    assert_eq!(the_quote(&h).unwrap().cue, Some(CharRange::new(53, 57)));

    // No quotation marks around it: reported speech; K cycles on to mixed.
    assert_eq!(the_quote(&h).unwrap().kind, QuoteKind::Indirect);
    key(&mut h, Key::K);
    assert_eq!(the_quote(&h).unwrap().kind, QuoteKind::Mixed);

    // Shift+Q adds "Li agreed" as a second part.
    drag(&mut h, 89, 97);
    key_mod(&mut h, Modifiers::SHIFT, Key::Q);
    assert_eq!(the_quote(&h).unwrap().content.len(), 2);

    // The Quotes tab lists it; "who said what" groups it under Ruiz.
    h.get_by_label("Quotes").click();
    h.run();
    h.get_by_label("1 quotes");
    h.get_by_label("Who said what").click();
    h.run();
    h.get_by_label("1 quotes by 1 speakers");
    assert!(h.query_by_label_contains("Ruiz · 1").is_some());

    // Five steps, five undos, and the quote is gone.
    for expect in [1, 1, 1, 1, 0] {
        key_mod(&mut h, Modifiers::COMMAND, Key::Z);
        assert_eq!(h.state().session.project.documents[0].quotes.len(), expect);
    }
    assert!(!h.state().session.is_dirty());
}

#[test]
fn a_span_clicked_while_picking_becomes_the_speaker_and_delete_removes_the_quote() {
    let (_dir, _path, mut h) = open();
    drag(&mut h, 23, 46);
    key(&mut h, Key::Q);
    key(&mut h, Key::S);
    h.get_by_label("PERSON: Ana Ruiz").click();
    h.run();
    let q = the_quote(&h).unwrap();
    assert_eq!(q.speaker, Some(gloss::model::SpanId(1)));
    assert_eq!(h.state().editing.selected_quote, Some(q.id));
    key(&mut h, Key::Delete);
    assert!(the_quote(&h).is_none());
    // The speaker's span stays.
    assert_eq!(spans(&h).len(), 1);
}

#[test]
fn escape_cancels_a_pending_pick() {
    let (_dir, _path, mut h) = open();
    drag(&mut h, 23, 46);
    key(&mut h, Key::Q);
    key(&mut h, Key::C);
    assert!(h.state().editing.picking.is_some());
    key(&mut h, Key::Escape);
    assert!(h.state().editing.picking.is_none());
    drag(&mut h, 48, 51);
    assert_eq!(the_quote(&h).unwrap().cue, None, "no longer picking");
}
