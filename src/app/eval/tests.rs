//! Tests of `app::eval`: matching spans and quotes, per-label and overall scores, the table.

use super::*;
use crate::model::{Entity, EntityId, Mention, Origin, QuoteKind, Span, SpanId};

const TEXT: &str = "Anna Bell met Carl Dunn and Eva Fox in Rome on Monday morning.";

fn doc(name: &str, text: &str, spans: &[(usize, usize, &str)]) -> Document {
    let mut d = Document::new(DocId(1), name, text);
    for (i, (s, e, l)) in spans.iter().enumerate() {
        d.insert_span(Span::new(SpanId(i as u64 + 1), CharRange::new(*s, *e), *l));
    }
    d
}

fn project(docs: Vec<Document>) -> Project {
    let mut p = Project::new("t");
    for (i, mut d) in docs.into_iter().enumerate() {
        d.id = DocId(i as u64 + 1);
        p.insert_document(d);
    }
    p
}

fn run(gold: &Project, pred: &Project, options: &Options) -> Report {
    evaluate(&Annotations::new(gold), &Annotations::new(pred), options)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn three_gold_four_predicted_two_exact_three_overlapping() {
    // Gold PERSON: 0..9, 14..23, 28..35. Predicted: 0..9 and 14..23 exactly, 29..35
    // overlapping the third, and 39..43 ("Rome") matching nothing.
    // Exact: tp 2, P = 2/4 = 0.5, R = 2/3 = 0.667, F1 = 2·2/(3+4) = 4/7 = 0.571.
    // Overlap: tp 3, P = 3/4 = 0.75, R = 3/3 = 1, F1 = 2·3/(3+4) = 6/7 = 0.857.
    let gold = project(vec![doc(
        "a",
        TEXT,
        &[(0, 9, "PERSON"), (14, 23, "PERSON"), (28, 35, "PERSON")],
    )]);
    let pred = project(vec![doc(
        "a",
        TEXT,
        &[
            (0, 9, "PERSON"),
            (14, 23, "PERSON"),
            (29, 35, "PERSON"),
            (39, 43, "PERSON"),
        ],
    )]);
    let r = run(&gold, &pred, &Options::default());
    assert_eq!(r.entities.labels.len(), 1);
    let l = &r.entities.labels[0];
    assert_eq!((l.label.as_str(), l.gold, l.pred), ("PERSON", 3, 4));
    assert_eq!((l.exact.tp, l.overlap.tp), (2, 3));
    assert!(close(l.exact.precision, 0.5));
    assert!(close(l.exact.recall, 2.0 / 3.0));
    assert!(close(l.exact.f1, 4.0 / 7.0));
    assert!(close(l.overlap.precision, 0.75));
    assert!(close(l.overlap.recall, 1.0));
    assert!(close(l.overlap.f1, 6.0 / 7.0));
    assert_eq!(r.entities.overall.exact, l.exact);
    assert_eq!(r.quotes, None);
}

#[test]
fn overlap_matching_is_one_to_one_and_prefers_the_larger_overlap() {
    // One predicted span over two gold spans matches only one of them: the one it shares
    // more with (gold 14..23 shares 9, gold 0..9 shares 4). P = 1/1, R = 1/2, F1 = 2/3.
    let gold = project(vec![doc(
        "a",
        TEXT,
        &[(0, 9, "PERSON"), (14, 23, "PERSON")],
    )]);
    let pred = project(vec![doc("a", TEXT, &[(5, 23, "PERSON")])]);
    let r = run(&gold, &pred, &Options::default());
    let l = &r.entities.overall;
    assert_eq!((l.exact.tp, l.overlap.tp), (0, 1));
    assert!(close(l.overlap.precision, 1.0));
    assert!(close(l.overlap.recall, 0.5));
    assert!(close(l.overlap.f1, 2.0 / 3.0));
    assert!(close(l.exact.f1, 0.0));
}

#[test]
fn labels_must_agree_unless_merged() {
    // Rome as GPE in gold and LOC predicted, Monday the other way round.
    let gold = project(vec![doc("a", TEXT, &[(39, 43, "GPE"), (47, 53, "LOC")])]);
    let pred = project(vec![doc("a", TEXT, &[(39, 43, "LOC"), (47, 53, "GPE")])]);
    let r = run(&gold, &pred, &Options::default());
    assert_eq!(r.entities.overall.overlap.tp, 0);
    let labels: Vec<&str> = r.entities.labels.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["GPE", "LOC"]);

    let merged = Options {
        merge: vec![vec!["GPE".into(), "LOC".into()]],
        ..Options::default()
    };
    let r = run(&gold, &pred, &merged);
    assert_eq!(r.entities.labels.len(), 1);
    let l = &r.entities.labels[0];
    assert_eq!((l.label.as_str(), l.gold, l.pred), ("GPE+LOC", 2, 2));
    assert!(close(l.exact.f1, 1.0));

    // --labels GPE keeps the whole GPE+LOC group; --labels PERSON keeps nothing.
    let only = Options {
        labels: Some(vec!["GPE".into()]),
        ..merged.clone()
    };
    assert_eq!(run(&gold, &pred, &only).entities.overall.gold, 2);
    let none = Options {
        labels: Some(vec!["PERSON".into()]),
        ..merged
    };
    let r = run(&gold, &pred, &none);
    assert_eq!(r.entities.overall.gold, 0);
    assert_eq!(r.entities.overall.exact.f1, None);
}

#[test]
fn only_names_count_unless_all_mentions_are_asked_for() {
    let mut g = doc("a", TEXT, &[(0, 9, "PERSON")]);
    let mut he = Span::new(SpanId(9), CharRange::new(14, 18), "PERSON");
    he.mention = Mention::Pronoun;
    g.insert_span(he);
    let gold = project(vec![g]);
    let pred = project(vec![doc("a", TEXT, &[(0, 9, "PERSON")])]);
    let r = run(&gold, &pred, &Options::default());
    assert_eq!(
        (r.entities.overall.gold, r.entities.overall.exact.tp),
        (1, 1)
    );
    let all = Options {
        all_mentions: true,
        ..Options::default()
    };
    let r = run(&gold, &pred, &all);
    assert_eq!(r.entities.overall.gold, 2);
    assert!(close(r.entities.overall.exact.recall, 0.5));
}

#[test]
fn documents_pair_by_name_and_need_the_same_text() {
    let gold = project(vec![
        doc("a", TEXT, &[]),
        doc("b", "Bee.", &[]),
        doc("c", "Sea.", &[]),
    ]);
    let pred = project(vec![
        doc("a", TEXT, &[]),
        doc("c", "Sea!", &[]),
        doc("d", "Dee.", &[]),
    ]);
    let d = run(&gold, &pred, &Options::default()).documents;
    assert_eq!(d.scored, 1);
    assert_eq!(d.only_in_gold, ["b"]);
    assert_eq!(d.only_in_pred, ["d"]);
    assert_eq!(d.different_text, ["c"]);
}

fn quote(id: u64, content: &[(usize, usize)], kind: QuoteKind) -> Quote {
    Quote {
        id: QuoteId(id),
        content: content.iter().map(|&r| r.into()).collect(),
        speaker: None,
        cue: None,
        kind,
        origin: Origin::Manual,
        attributes: Default::default(),
    }
}

#[test]
fn quotes_match_on_thirty_percent_of_the_gold_and_score_kind_speaker_and_cue() {
    let mut text = "x".repeat(300);
    text.replace_range(250..262, "bARACK obama");
    // Gold: quote 1 = 0..100, said by span 1 (entity "Vladimir Putin"), cue 100..104;
    // quote 2 = 200..220, speaker only in a note ("Barack Obama").
    let mut g = doc("a", &text, &[(110, 115, "PERSON")]);
    g.spans[0].entity = Some(EntityId(1));
    let mut q1 = quote(1, &[(0, 100)], QuoteKind::Direct);
    q1.speaker = Some(SpanId(1));
    q1.cue = Some(CharRange::new(100, 104));
    g.quotes = vec![q1, quote(2, &[(200, 220)], QuoteKind::Indirect)];
    let mut gold = project(vec![g]);
    gold.entities.push(Entity {
        id: EntityId(1),
        name: "Vladimir Putin".into(),
        label: "PERSON".into(),
        aliases: vec![],
        attributes: Default::default(),
    });
    // Predicted: 50..90 shares 40 of gold 1's 100 (at least 30%: a match), with the same
    // speaker span, unlinked, so its name is its text "xxxxx", and an overlapping cue;
    // 95..125 shares 5 with gold 1 (under 30%) and nothing else: spurious;
    // 205..212 shares 7 of gold 2's 20 (35%: a match) with the speaker span
    // "bARACK obama" (the note's name in another case) and the wrong kind.
    let mut p = doc("a", &text, &[(110, 115, "PERSON"), (250, 262, "PERSON")]);
    let mut p1 = quote(1, &[(50, 90)], QuoteKind::Direct);
    p1.speaker = Some(SpanId(1));
    p1.cue = Some(CharRange::new(101, 103));
    let mut p3 = quote(3, &[(205, 212)], QuoteKind::Direct);
    p3.speaker = Some(SpanId(2));
    p.quotes = vec![p1, quote(2, &[(95, 125)], QuoteKind::Direct), p3];
    let pred = project(vec![p]);

    let mut g_side = Annotations::new(&gold);
    g_side
        .speaker_notes
        .insert((DocId(1), QuoteId(2)), "Barack Obama".into());
    let r = evaluate(&g_side, &Annotations::new(&pred), &Options::default());
    let q = r.quotes.expect("quotes are scored");
    // gold 2, pred 3, matched 2: P = 2/3, R = 1, F1 = 4/5.
    assert_eq!((q.gold, q.pred, q.matched.tp), (2, 3, 2));
    assert!(close(q.matched.precision, 2.0 / 3.0));
    assert!(close(q.matched.recall, 1.0));
    assert!(close(q.matched.f1, 0.8));
    // Kind: right for the first, wrong for the second.
    assert_eq!((q.kind.correct, q.kind.total), (1, 2));
    // Speaker by name: gold 1 wants "Vladimir Putin", pred offers "xxxxx" (its text);
    // gold 2 wants "Barack Obama", pred offers "bARACK obama": 1 of 2.
    assert_eq!((q.speaker.correct, q.speaker.total), (1, 2));
    // Speaker mention: only gold 1 has one, and the predicted one is the same span.
    assert_eq!((q.speaker_mention.correct, q.speaker_mention.total), (1, 1));
    assert_eq!((q.cue.correct, q.cue.total), (1, 1));
}

#[test]
fn a_project_against_itself_scores_one_everywhere() {
    let mut d = doc("a", TEXT, &[(0, 9, "PERSON"), (39, 43, "GPE")]);
    d.quotes = vec![quote(1, &[(10, 20)], QuoteKind::Mixed)];
    let p = project(vec![d]);
    let r = run(&p, &p, &Options::default());
    for l in r.entities.labels.iter().chain([&r.entities.overall]) {
        for s in [l.exact, l.overlap] {
            assert!(close(s.precision, 1.0) && close(s.recall, 1.0) && close(s.f1, 1.0));
        }
    }
    let q = r.quotes.clone().expect("quotes");
    assert!(close(q.matched.f1, 1.0) && close(q.kind.accuracy, 1.0));
    assert_eq!(q.speaker.accuracy, None);
    let table = r.table();
    assert!(table.contains("overall"), "{table}");
    assert!(table.contains("1.000"), "{table}");
}

#[test]
fn the_table_aligns_and_shows_missing_measures_as_a_dash() {
    let gold = project(vec![doc("a", TEXT, &[(0, 9, "PERSON")])]);
    let pred = project(vec![doc("a", TEXT, &[])]);
    let t = run(&gold, &pred, &Options::default()).table();
    let person = t
        .lines()
        .find(|l| l.starts_with("PERSON"))
        .expect("a PERSON row");
    let cells: Vec<&str> = person.split_whitespace().collect();
    assert_eq!(
        cells,
        [
            "PERSON", "1", "0", "-", "0.000", "0.000", "-", "0.000", "0.000"
        ]
    );
    let header = t.lines().find(|l| l.starts_with("label")).expect("header");
    assert_eq!(header.len(), person.len(), "{t}");
}
