//! The suggestion review loop by keyboard: next, accept, reject, accept-all-of-string,
//! threshold, and undo of each. The project uses the learned engine only (the model, which
//! has its own tests in model.rs, is off), so what is suggested is exactly the other
//! occurrences of what is annotated.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::app::dialogs::ScriptedDialogs;
use gloss::model::{CharRange, DocId, Document, Origin, Project, Span, SpanId};
use gloss::ui::Workbench;

use crate::support::*;

const TEXT: &str = "Ana Ruiz met Bo Li in Lima. Later Ana Ruiz and Bo Li flew to Lima.\nIn Lima, Ana Ruiz spoke first.";

fn review_project() -> (tempfile::TempDir, Harness<'static, Workbench>) {
    let mut p = Project::new("review");
    p.matcher.gazetteer = false;
    p.matcher.rules = false;
    p.matcher.model = false;
    let mut d = Document::new(DocId(1), "talks", TEXT);
    d.insert_span(Span::new(SpanId(1), CharRange::new(0, 8), "PERSON"));
    d.insert_span(Span::new(SpanId(2), CharRange::new(13, 18), "PERSON"));
    d.insert_span(Span::new(SpanId(3), CharRange::new(22, 26), "GPE"));
    p.insert_document(d);
    let (dir, _, mut h) = open_saved(&p, "review.ron");
    wait_for_suggestions(&mut h);
    (dir, h)
}

fn labels_at(h: &Harness<'_, Workbench>) -> Vec<(usize, usize, String)> {
    spans(h)
}

fn focused(h: &Harness<'_, Workbench>) -> Option<(usize, usize)> {
    h.state().review.current.as_ref().map(|k| (k.start, k.end))
}

#[test]
fn next_accept_reject_and_undo_by_keyboard() {
    let (_dir, mut h) = review_project();
    // Five suggestions: Ana Ruiz ×2, Bo Li, Lima ×2; drawn as their own accessible nodes.
    assert_eq!(h.query_all_by_label_contains("Suggestion ").count(), 5);
    h.get_by_label("Suggestion PERSON: Bo Li");

    key(&mut h, Key::N);
    assert_eq!(
        focused(&h),
        Some((34, 42)),
        "the first suggestion: Ana Ruiz"
    );
    key(&mut h, Key::A);
    wait_for_suggestions(&mut h);
    let accepted = h.state().session.project.documents[0]
        .spans
        .iter()
        .find(|s| s.start == 34)
        .cloned()
        .expect("accepted as a span");
    assert_eq!(accepted.label, "PERSON");
    assert!(matches!(accepted.origin, Origin::Suggested { ref engine, .. } if engine == "learned"));
    assert_eq!(focused(&h), Some((47, 52)), "focus moved on to Bo Li");

    key(&mut h, Key::X);
    wait_for_suggestions(&mut h);
    assert!(
        !labels_at(&h).iter().any(|s| s.0 == 47),
        "rejected, not tagged"
    );
    assert_eq!(h.state().session.project.verdicts.rejected.len(), 1);
    assert!(
        h.query_by_label("Suggestion PERSON: Bo Li").is_none(),
        "gone after rejection"
    );

    // Undo the rejection: Bo Li comes back as a suggestion; undo the acceptance.
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    wait_for_suggestions(&mut h);
    assert!(h.state().session.project.verdicts.rejected.is_empty());
    assert!(h.query_by_label("Suggestion PERSON: Bo Li").is_some());
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    wait_for_suggestions(&mut h);
    assert!(!labels_at(&h).iter().any(|s| s.0 == 34));
    assert!(!h.state().session.is_dirty());
}

#[test]
fn the_review_keys_act_on_the_suggestion_under_the_pointer() {
    let (_dir, mut h) = review_project();
    assert_eq!(focused(&h), None);
    // Pointing at Bo Li, with nothing in focus: A accepts it.
    h.get_by_label("Suggestion PERSON: Bo Li").hover();
    h.run();
    key(&mut h, Key::A);
    wait_for_suggestions(&mut h);
    assert!(
        labels_at(&h).contains(&(47, 52, "PERSON".into())),
        "{:?}",
        labels_at(&h)
    );
    // Accepting moved the focus on to the next suggestion: A now acts on that one, not on
    // what the pointer is over; with the focus cleared, X rejects the one pointed at.
    h.state_mut().review.current = None;
    h.query_all_by_label("Suggestion GPE: Lima")
        .next()
        .expect("Lima suggested")
        .hover();
    h.run();
    key(&mut h, Key::X);
    wait_for_suggestions(&mut h);
    let rejected = &h.state().session.project.verdicts.rejected;
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert!(
        h.query_all_by_label("Suggestion GPE: Lima").count() == 1,
        "one Lima left"
    );
}

#[test]
fn a_number_key_accepts_with_another_label() {
    let (_dir, mut h) = review_project();
    key(&mut h, Key::N);
    key(&mut h, Key::N);
    key(&mut h, Key::N);
    assert_eq!(
        focused(&h),
        Some((61, 65)),
        "Lima, after Ana Ruiz and Bo Li"
    );
    key(&mut h, Key::Num4);
    wait_for_suggestions(&mut h);
    assert!(
        labels_at(&h).contains(&(61, 65, "LOC".into())),
        "{:?}",
        labels_at(&h)
    );
}

#[test]
fn shift_a_accepts_every_suggestion_of_the_string_in_one_step() {
    let (_dir, mut h) = review_project();
    key(&mut h, Key::N);
    key_mod(&mut h, Modifiers::SHIFT, Key::A);
    wait_for_suggestions(&mut h);
    let ana: Vec<_> = labels_at(&h)
        .into_iter()
        .filter(|s| s.2 == "PERSON" && s.1 - s.0 == 8)
        .collect();
    assert_eq!(
        ana.len(),
        3,
        "the annotated one and both suggestions: {ana:?}"
    );
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    wait_for_suggestions(&mut h);
    let ana: Vec<_> = labels_at(&h)
        .into_iter()
        .filter(|s| s.1 - s.0 == 8)
        .collect();
    assert_eq!(ana.len(), 1, "one undo step");
}

#[test]
fn threshold_keys_and_bulk_accept() {
    let (_dir, mut h) = review_project();
    // Reject one "Lima" suggestion: the learned score of "Lima" drops to 1/2.
    for _ in 0..3 {
        key(&mut h, Key::N);
    }
    assert_eq!(focused(&h), Some((61, 65)));
    key(&mut h, Key::X);
    wait_for_suggestions(&mut h);
    let scores: Vec<f32> = h
        .state()
        .review
        .visible(
            &h.state().session.project,
            &h.state().session.project.documents[0],
        )
        .iter()
        .map(|s| s.score)
        .collect();
    assert_eq!(
        scores,
        [1.0, 1.0, 0.5, 1.0],
        "Ana Ruiz, Bo Li, Lima, Ana Ruiz"
    );
    // At the default threshold 0.90: the three that score 1.0, in one step.
    key_mod(&mut h, Modifiers::COMMAND, Key::Enter);
    wait_for_suggestions(&mut h);
    assert_eq!(labels_at(&h).len(), 6);
    // Lower it to 0.50 with the keys: the remaining Lima goes too.
    for _ in 0..8 {
        key_mod(&mut h, Modifiers::ALT, Key::ArrowDown);
    }
    assert!((h.state().review.threshold - 0.5).abs() < 1e-6);
    key_mod(&mut h, Modifiers::COMMAND, Key::Enter);
    wait_for_suggestions(&mut h);
    assert_eq!(labels_at(&h).len(), 7);
    key_mod(&mut h, Modifiers::ALT, Key::ArrowUp);
    assert!((h.state().review.threshold - 0.55).abs() < 1e-6);
    // Each bulk acceptance is one undo step.
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    wait_for_suggestions(&mut h);
    assert_eq!(labels_at(&h).len(), 6);
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    wait_for_suggestions(&mut h);
    assert_eq!(labels_at(&h).len(), 3);
}

#[test]
fn suggestions_can_be_hidden_and_listed_in_their_tab() {
    let (_dir, mut h) = review_project();
    key(&mut h, Key::H);
    assert!(h.query_by_label("Suggestion PERSON: Bo Li").is_none());
    key(&mut h, Key::H);
    assert!(h.query_by_label("Suggestion PERSON: Bo Li").is_some());
    h.get_by_label("Suggestions").click();
    h.run();
    h.get_by_label("5 suggestions");
    h.get_by_label("1.00 PERSON Bo Li").click();
    h.run();
    assert_eq!(focused(&h), Some((47, 52)));
}

#[test]
fn engines_and_lists_are_settings_of_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Project::new("lists");
    p.matcher.rules = false;
    p.matcher.learned = false;
    p.matcher.model = false;
    p.insert_document(Document::new(
        DocId(1),
        "d",
        "The Orvala Accord was signed in Quito.",
    ));
    let path = dir.path().join("lists.ron");
    gloss::io::project_file::save(&path, &p).unwrap();
    let list = dir.path().join("mine.tsv");
    std::fs::write(&list, "Orvala Accord\tMISC\n").unwrap();
    let dialogs = ScriptedDialogs::new();
    dialogs.answer(vec![list]);
    let mut h = harness_for(Some(&path), dialogs);
    wait_for_suggestions(&mut h);
    // The bundled cities list knows Quito; nothing knows the Orvala Accord yet.
    assert!(h.query_by_label("Suggestion GPE: Quito").is_some());
    assert!(h.query_by_label("Suggestion MISC: Orvala Accord").is_none());

    h.get_by_label("Suggestions").click();
    wait_for_suggestions(&mut h);
    h.get_by_label("Engines and lists").click();
    wait_for_suggestions(&mut h);
    h.get_by_label("Add a list…").click();
    wait_for_suggestions(&mut h);
    wait_for_suggestions(&mut h);
    assert_eq!(
        h.state().session.project.matcher.user_lists[0].path,
        "mine.tsv"
    );
    assert!(h.query_by_label("Suggestion MISC: Orvala Accord").is_some());

    // Switching the cities list off removes Quito; undo brings it back.
    h.get_by_label("cities").click();
    wait_for_suggestions(&mut h);
    wait_for_suggestions(&mut h);
    assert!(h.query_by_label("Suggestion GPE: Quito").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    wait_for_suggestions(&mut h);
    assert!(h.query_by_label("Suggestion GPE: Quito").is_some());
}

/// A quote suggestion, reviewed with the same keys: N focuses it, A creates the quote with its
/// cue and its speaker (the existing name span, so its entity) in one step, and one undo takes
/// all of it back.
#[test]
fn a_quote_suggestion_is_accepted_with_speaker_and_cue_and_undone_in_one_step() {
    use gloss::model::{Entity, EntityId, QuoteKind};
    const QUOTED: &str = "“We will stay in Lima,” Ana Ruiz said on Monday.\nRuiz left later.";
    let mut p = Project::new("quotes");
    p.matcher.gazetteer = false;
    p.matcher.rules = false;
    p.matcher.learned = false;
    p.matcher.model = false;
    p.insert_entity(Entity {
        id: EntityId(1),
        name: "Ana Ruiz".into(),
        label: "PERSON".into(),
        aliases: vec![],
        attributes: Default::default(),
    });
    let mut d = Document::new(DocId(1), "quoted", QUOTED);
    let mut s = Span::new(SpanId(1), CharRange::new(24, 32), "PERSON");
    s.entity = Some(EntityId(1));
    d.insert_span(s);
    p.insert_document(d);
    let (_dir, _, mut h) = open_saved(&p, "quotes.ron");
    wait_for_suggestions(&mut h);

    assert_eq!(h.query_all_by_label_contains("Suggestion ").count(), 1);
    key(&mut h, Key::N);
    assert_eq!(
        focused(&h),
        Some((1, 22)),
        "the quote's content, inside the marks"
    );
    key(&mut h, Key::A);
    wait_for_suggestions(&mut h);
    let doc = &h.state().session.project.documents[0];
    assert_eq!(doc.quotes.len(), 1, "accepted as a quote");
    let q = &doc.quotes[0];
    assert_eq!(q.content, vec![CharRange::new(1, 22)]);
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.speaker, Some(SpanId(1)), "the existing name span speaks");
    let cue = q.cue.expect("a cue");
    assert_eq!(doc.slice(cue.start, cue.end), "said");
    assert!(matches!(q.origin, Origin::Suggested { ref engine, .. } if engine == "quotes"));
    assert_eq!(doc.spans.len(), 1, "no second span for the speaker");
    assert!(h.query_by_label_contains("Quote: We will stay").is_some());
    assert_eq!(h.query_all_by_label_contains("Suggestion ").count(), 0);

    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    wait_for_suggestions(&mut h);
    assert!(h.state().session.project.documents[0].quotes.is_empty());
    assert_eq!(h.query_all_by_label_contains("Suggestion ").count(), 1);
    assert!(!h.state().session.is_dirty());
    key_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    wait_for_suggestions(&mut h);
    assert_eq!(h.state().session.project.documents[0].quotes.len(), 1);
}
