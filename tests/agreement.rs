//! Agreement measures checked against examples computed by hand (the arithmetic is in the
//! comments) and against a worked example from the literature for Fleiss' kappa and α_U.

use gloss::app::agreement::{
    self, AgreementError, Annotator, KappaMethod, Options, Report, Stretch, alpha_u, cohen_kappa,
    fleiss_kappa,
};
use gloss::model::{
    CharRange, DocId, Document, Entity, EntityId, Mention, Project, Quote, QuoteId, QuoteKind,
    Span, SpanId,
};

const EPS: f64 = 1e-9;

fn close(x: Option<f64>, want: f64) {
    let x = x.unwrap_or_else(|| panic!("expected {want}, got an undefined value"));
    assert!((x - want).abs() < 1e-6, "expected {want}, got {x}");
}

/// The code-point range of the `nth` occurrence of `needle` in `text`.
fn at(text: &str, needle: &str, nth: usize) -> CharRange {
    let (byte, _) = text.match_indices(needle).nth(nth).unwrap();
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

/// Spans as (needle, nth occurrence, label).
type Spans<'a> = &'a [(&'a str, usize, &'a str)];

/// A project holding `docs` (name, text, spans).
fn project(docs: &[(&str, &str, Spans)]) -> Project {
    let mut p = Project::new("annotator");
    for (i, (name, text, spans)) in docs.iter().enumerate() {
        let mut d = Document::new(DocId(i as u64 + 1), *name, *text);
        for (k, (needle, nth, label)) in spans.iter().enumerate() {
            d.insert_span(Span::new(
                SpanId(k as u64 + 1),
                at(text, needle, *nth),
                *label,
            ));
        }
        p.insert_document(d);
    }
    p
}

fn agree(projects: &[&Project]) -> Report {
    let names = ["A", "B", "C", "D"];
    let annotators: Vec<Annotator> = projects
        .iter()
        .zip(names)
        .map(|(project, name)| Annotator { name, project })
        .collect();
    agreement::agree(&annotators, &Options::default()).unwrap()
}

// ----------------------------------------------------------------- the 10-token example

/// Ten tokens: Ada | Lovelace | met | Charles | Babbage | in | London | in | June | .
const LOVELACE: &str = "Ada Lovelace met Charles Babbage in London in June.";

fn annotator_a() -> Project {
    project(&[(
        "lovelace",
        LOVELACE,
        &[
            ("Ada Lovelace", 0, "PERSON"),
            ("Charles Babbage", 0, "PERSON"),
            ("London", 0, "GPE"),
        ],
    )])
}

fn annotator_b() -> Project {
    project(&[(
        "lovelace",
        LOVELACE,
        &[
            ("Ada Lovelace", 0, "PERSON"),
            ("Babbage", 0, "PERSON"),
            ("London", 0, "LOC"),
            ("June", 0, "MISC"),
        ],
    )])
}

#[test]
fn cohen_kappa_on_ten_tokens() {
    // token     A       B
    // Ada       PERSON  PERSON
    // Lovelace  PERSON  PERSON
    // met       O       O
    // Charles   PERSON  O
    // Babbage   PERSON  PERSON
    // in        O       O
    // London    GPE     LOC
    // in        O       O
    // June      O       MISC
    // .         O       O
    //
    // Confusion table (rows A, columns B), categories PERSON GPE LOC MISC O:
    //            PERSON GPE LOC MISC  O | row
    //   PERSON      3    0   0   0    1 |  4
    //   GPE         0    0   1   0    0 |  1
    //   LOC         0    0   0   0    0 |  0
    //   MISC        0    0   0   0    0 |  0
    //   O           0    0   0   1    4 |  5
    //   column      3    0   1   1    5 | 10
    //
    // p_o = (3 + 4) / 10 = 0.7
    // p_e = (4·3 + 1·0 + 0·1 + 0·1 + 5·5) / 100 = 37 / 100 = 0.37
    // κ = (0.7 − 0.37) / (1 − 0.37) = 0.33 / 0.63 = 0.523809…
    let table = vec![
        vec![3, 0, 0, 0, 1],
        vec![0, 0, 1, 0, 0],
        vec![0, 0, 0, 0, 0],
        vec![0, 0, 0, 0, 0],
        vec![0, 0, 0, 1, 4],
    ];
    let k = cohen_kappa(&table);
    close(k.observed, 0.7);
    close(k.expected, 0.37);
    close(k.value, 0.33 / 0.63);

    // The same through two projects: the tokeniser gives those ten tokens.
    let (a, b) = (annotator_a(), annotator_b());
    let r = agree(&[&a, &b]);
    let o = &r.overall.overall;
    assert_eq!(r.overall.tokens, 10);
    assert_eq!(o.kappa.method, KappaMethod::Cohen);
    close(o.kappa.value, 0.33 / 0.63);

    // PERSON against everything else: both PERSON 3, A only 1, B only 0, neither 6.
    // p_o = (3 + 6) / 10 = 0.9; p_e = (4·3 + 6·7) / 100 = 0.54;
    // κ = (0.9 − 0.54) / (1 − 0.54) = 0.36 / 0.46 = 0.782608…
    let person = r
        .overall
        .labels
        .iter()
        .find(|l| l.label == "PERSON")
        .unwrap();
    close(person.kappa.value, 0.36 / 0.46);
    let labels: Vec<&str> = r.overall.labels.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["PERSON", "GPE", "LOC", "MISC"], "label-set order");
}

#[test]
fn span_precision_recall_f1_between_two_annotators() {
    // A: PERSON "Ada Lovelace", PERSON "Charles Babbage", GPE "London"       (3 spans)
    // B: PERSON "Ada Lovelace", PERSON "Babbage", LOC "London", MISC "June"  (4 spans)
    // Exact: only "Ada Lovelace" → 1. P (B against A) = 1/4, R = 1/3, F1 = 2·1/(3+4) = 2/7.
    // Overlap: add "Charles Babbage"~"Babbage" (same label, 7 characters shared); London
    // differs in label → 2. P = 2/4, R = 2/3, F1 = 4/7.
    let (a, b) = (annotator_a(), annotator_b());
    let r = agree(&[&a, &b]);
    let o = &r.overall.overall;
    assert_eq!(o.spans, [3, 4]);
    let pair = &o.pairs[0];
    assert_eq!(
        (pair.a, pair.b, pair.exact.tp, pair.overlap.tp),
        (0, 1, 1, 2)
    );
    close(pair.exact.precision, 0.25);
    close(pair.exact.recall, 1.0 / 3.0);
    close(pair.exact.f1, 2.0 / 7.0);
    close(pair.overlap.precision, 0.5);
    close(pair.overlap.recall, 2.0 / 3.0);
    close(pair.overlap.f1, 4.0 / 7.0);
    close(o.mean_f1_exact, 2.0 / 7.0);
    // PERSON alone: exact 1 of 2 and 2 → F1 0.5; overlap 2 → F1 1.
    let person = &r.overall.labels[0];
    close(person.pairs[0].exact.f1, 0.5);
    close(person.pairs[0].overlap.f1, 1.0);
    // GPE: A has one, B none → F1 0, recall 0, precision undefined.
    let gpe = &r.overall.labels[1];
    close(gpe.pairs[0].exact.f1, 0.0);
    assert_eq!(gpe.pairs[0].exact.precision, None);
}

// ----------------------------------------------------------------------------- Fleiss

#[test]
fn fleiss_kappa_on_the_worked_example_from_wikipedia() {
    // Wikipedia, "Fleiss' kappa", worked example: 14 raters put 10 subjects into 5 categories.
    // p_j = (20, 28, 39, 21, 32) / 140 = 0.143, 0.200, 0.279, 0.150, 0.229
    // P_i = (Σ_j n_ij² − 14) / (14·13): 1.000, 0.253, 0.308, 0.440, 0.330, 0.462, 0.242,
    //       0.176, 0.286, 0.286;  P̄ = (828 − 140) / (140·13) = 688 / 1820 = 0.378
    // P̄_e = Σ p_j² = (400 + 784 + 1521 + 441 + 1024) / 19600 = 4170 / 19600 = 0.213
    // κ = (0.378 − 0.213) / (1 − 0.213) = 0.210
    let table = vec![
        vec![0, 0, 0, 0, 14],
        vec![0, 2, 6, 4, 2],
        vec![0, 0, 3, 5, 6],
        vec![0, 3, 9, 2, 0],
        vec![2, 2, 8, 1, 1],
        vec![7, 7, 0, 0, 0],
        vec![3, 2, 6, 3, 0],
        vec![2, 5, 3, 2, 2],
        vec![6, 5, 2, 1, 0],
        vec![0, 2, 2, 3, 7],
    ];
    let k = fleiss_kappa(&table);
    close(k.observed, 688.0 / 1820.0);
    close(k.expected, 4170.0 / 19600.0);
    let want = (688.0 / 1820.0 - 4170.0 / 19600.0) / (1.0 - 4170.0 / 19600.0);
    close(k.value, want);
    assert!((k.value.unwrap() - 0.210).abs() < 0.0005);
}

#[test]
fn fleiss_kappa_for_three_annotators_on_token_labels() {
    // C marks what A marks. Per token, how many of A, B, C chose each label:
    //   Ada, Lovelace, Babbage: PERSON 3        met, in, in, ".": O 3
    //   Charles: PERSON 2, O 1    London: GPE 2, LOC 1    June: O 2, MISC 1
    // P_i = (Σ n² − 3) / 6: seven tokens at 1, three at (4 + 1 − 3)/6 = 1/3 → P̄ = 8/10 = 0.8
    // Totals over 30 labels: PERSON 11, O 15, GPE 2, LOC 1, MISC 1
    // P̄_e = (121 + 225 + 4 + 1 + 1) / 900 = 352 / 900
    // κ = (0.8 − 352/900) / (1 − 352/900) = (720 − 352) / 548 = 368 / 548 = 0.671532…
    let (a, b) = (annotator_a(), annotator_b());
    let c = annotator_a();
    let r = agree(&[&a, &b, &c]);
    let o = &r.overall.overall;
    assert_eq!(o.kappa.method, KappaMethod::Fleiss);
    close(o.kappa.observed, 0.8);
    close(o.kappa.expected, 352.0 / 900.0);
    close(o.kappa.value, 368.0 / 548.0);
    // Three pairs, each with its own Cohen's kappa; A and C agree perfectly.
    let pairs: Vec<(usize, usize)> = o.pairs.iter().map(|p| (p.a, p.b)).collect();
    assert_eq!(pairs, [(0, 1), (0, 2), (1, 2)]);
    close(o.pairs[1].cohen.value, 1.0);
    close(o.pairs[0].cohen.value, 0.33 / 0.63);
    // Mean exact F1 over the pairs: (2/7 + 1 + 2/7) / 3.
    close(o.mean_f1_exact, (4.0 / 7.0 + 1.0) / 3.0);
}

// ------------------------------------------------------------------------------- α_U

fn r(start: usize, end: usize) -> CharRange {
    CharRange::new(start, end)
}

#[test]
fn alpha_u_on_a_tiny_continuum() {
    // L = 10, two coders; A marks 2..5 (l = 3), B marks 3..5 (l = 2).
    // A's sections: gap 0..2 (2), unit 2..5 (3), gap 5..10 (5)
    // B's sections: gap 0..3 (3), unit 3..5 (2), gap 5..10 (5)
    // Only the two units are at a distance: (2 − 3)² + (5 − 5)² = 1.
    // D_o = 2·1 / (m(m − 1)L²) = 2 / (2·1·100) = 0.01
    // D_e: N_c = 2 units; gaps 2, 5, 3, 5.
    //   unit l = 3: (2 − 1)/3 · (2·27 − 3·9 + 3) = 30/3 = 10;
    //               gaps ≥ 3: 5, 3, 5 → 3 + 1 + 3 = 7 → 9·7 = 63;        10 + 63 = 73
    //   unit l = 2: (1/3) · (2·8 − 3·4 + 2) = 6/3 = 2;
    //               gaps ≥ 2: 2, 5, 3, 5 → 1 + 4 + 2 + 4 = 11 → 4·11 = 44;  2 + 44 = 46
    //   numerator = (2/L)(73 + 46) = 0.2 · 119 = 23.8
    //   denominator = mL(mL − 1) − Σ l(l − 1) = 20·19 − (6 + 2) = 372
    //   D_e = 23.8 / 372 = 0.063978…
    // α_U = 1 − 0.01 / (23.8/372) = 1 − 3.72/23.8 = 0.843697…
    let a = alpha_u(&[Stretch {
        len: 10,
        units: vec![vec![r(2, 5)], vec![r(3, 5)]],
    }]);
    assert!((a.observed - 0.01).abs() < EPS);
    assert!((a.expected - 23.8 / 372.0).abs() < EPS);
    close(a.value, 1.0 - 3.72 / 23.8);
}

#[test]
fn alpha_u_on_krippendorffs_example() {
    // Krippendorff (2004), Content Analysis, 2nd ed., p. 254: a continuum 150..450 (L = 300),
    // two coders, categories c and k (offsets below are from 150).
    //   c: coder 1 at 225+70, 370+30; coder 2 at 220+80, 355+20, 400+20
    //   k: both coders at 180+60 and 300+50
    // c: distances 50 (the first units), 850 (370+30 vs 355+20), 400 (400+20 inside coder 1's
    // gap 400..450): D_o = 2·1300 / (2·300²) = 0.01444; the book's D_e = 0.0532, α_c = 0.7286.
    // k: D_o = 0, so α_k = 1; D_e = 0.0490. Both: 1 − 0.01444 / (0.0532 + 0.0490) = 0.8587.
    let c = alpha_u(&[Stretch {
        len: 300,
        units: vec![
            vec![r(75, 145), r(220, 250)],
            vec![r(70, 150), r(205, 225), r(250, 270)],
        ],
    }]);
    let k = alpha_u(&[Stretch {
        len: 300,
        units: vec![vec![r(30, 90), r(150, 200)], vec![r(30, 90), r(150, 200)]],
    }]);
    assert!((c.observed - 2600.0 / 180_000.0).abs() < EPS);
    assert!((c.expected - 0.0532).abs() < 0.0001, "{}", c.expected);
    assert!((c.value.unwrap() - 0.7286).abs() < 0.0001);
    assert_eq!(k.value, Some(1.0));
    assert!((k.expected - 0.0490).abs() < 0.0001, "{}", k.expected);
    let both = agreement::AlphaU::combine(&[c, k]);
    assert!((both.value.unwrap() - 0.8587).abs() < 0.0001);
}

#[test]
fn alpha_u_per_label_from_projects() {
    // PERSON in the Lovelace sentence (L = 51 code points):
    //   A: 0..12 "Ada Lovelace", 17..32 "Charles Babbage"; B: 0..12, 25..32 "Babbage".
    //   A's sections: unit 0..12, gap 12..17 (5), unit 17..32 (15), gap 32..51 (19)
    //   B's sections: unit 0..12, gap 12..25 (13), unit 25..32 (7), gap 32..51 (19)
    //   Distances: 0..12 vs 0..12 → 0; 17..32 vs 25..32 → (17 − 25)² + 0² = 64.
    //   D_o = 2·64 / (2·51²) = 128 / 5202 = 0.024606
    //   D_e: N_c = 4, gaps 5, 19, 13, 19.
    //     l = 12 (twice): (3/3)(3456 − 432 + 12) = 3036; gaps ≥ 12 → 2 + 8 + 8 = 18 → 144·18
    //                     = 2592; 5628 each, 11256 both
    //     l = 15: 6750 − 675 + 15 = 6090; gaps ≥ 15 → 5 + 5 = 10 → 2250; 8340
    //     l = 7:  686 − 147 + 7 = 546;    gaps ≥ 7 → 7 + 13 + 13 = 33 → 49·33 = 1617; 2163
    //     numerator = (2/51)(11256 + 8340 + 2163) = 43518 / 51
    //     denominator = 102·101 − (132 + 210 + 132 + 42) = 10302 − 516 = 9786
    //   α_U = 1 − (128/5202) / (43518 / (51·9786)) = 0.717807…
    let (a, b) = (annotator_a(), annotator_b());
    let rep = agree(&[&a, &b]);
    let person = &rep.overall.labels[0];
    assert!((person.alpha_u.observed - 128.0 / 5202.0).abs() < EPS);
    assert!((person.alpha_u.expected - 43518.0 / (51.0 * 9786.0)).abs() < EPS);
    close(
        person.alpha_u.value,
        1.0 - (128.0 / 5202.0) / (43518.0 / (51.0 * 9786.0)),
    );
    // GPE: only A marks London; LOC: only B. Whoever marks alone, α_U says disagreement.
    assert!(rep.overall.labels[1].alpha_u.value.unwrap() < 0.0);
}

// ----------------------------------------------------------------------------- quotes

const MAYOR: &str =
    "\"We will rebuild,\" Mayor Ortiz said. \"Funds are ready,\" she told reporters.";

fn quotes_project(b_side: bool) -> Project {
    let mut p = Project::new("q");
    p.insert_entity(Entity {
        id: EntityId(if b_side { 7 } else { 1 }),
        name: "Lena Ortiz".into(),
        label: "PERSON".into(),
        aliases: vec![],
        attributes: Default::default(),
    });
    let e = p.entities[0].id;
    let mut d = Document::new(DocId(1), "mayor", MAYOR);
    let mention = |id, range, entity: Option<EntityId>, kind| Span {
        entity,
        mention: kind,
        ..Span::new(SpanId(id), range, "PERSON")
    };
    let (name, content1) = if b_side {
        (at(MAYOR, "Ortiz", 0), at(MAYOR, "We will rebuild", 0))
    } else {
        (
            at(MAYOR, "Mayor Ortiz", 0),
            at(MAYOR, "We will rebuild,", 0),
        )
    };
    d.insert_span(mention(1, name, Some(e), Mention::Name));
    let she_entity = (!b_side).then_some(e);
    d.insert_span(mention(
        2,
        at(MAYOR, "she", 0),
        she_entity,
        Mention::Pronoun,
    ));
    d.insert_quote(Quote {
        id: QuoteId(1),
        content: vec![content1],
        speaker: Some(SpanId(1)),
        cue: Some(at(MAYOR, "said", 0)),
        kind: QuoteKind::Direct,
        origin: Default::default(),
        attributes: Default::default(),
    });
    d.insert_quote(Quote {
        id: QuoteId(2),
        content: vec![at(MAYOR, "Funds are ready,", 0)],
        speaker: Some(SpanId(2)),
        cue: (!b_side).then(|| at(MAYOR, "told", 0)),
        kind: QuoteKind::Direct,
        origin: Default::default(),
        attributes: Default::default(),
    });
    p.insert_document(d);
    p
}

#[test]
fn quote_agreement_counts_matches_speakers_cues_and_kinds() {
    // Quote 1: A "We will rebuild," (16 characters), B "We will rebuild" (15): 15 shared,
    //   over 30% of each → matched; contents differ. Speakers: A's mention "Mayor Ortiz" and
    //   B's "Ortiz" both link to an entity named "Lena Ortiz" → same. Cues both "said" → same.
    // Quote 2: same content. A's speaker "she" links to Lena Ortiz; B's "she" links to no
    //   entity, so its name is the mention's text "she" → different. A has cue "told", B none
    //   → different.
    // Matched 2 of 2 and 2: P = R = F1 = 1; same content 1/2, speaker 1/2, cue 1/2, kind 2/2.
    let (a, b) = (quotes_project(false), quotes_project(true));
    let rep = agree(&[&a, &b]);
    let q = &rep.overall.quotes;
    assert_eq!(q.quotes, [2, 2]);
    let p = &q.pairs[0];
    assert_eq!(p.matched.tp, 2);
    close(p.matched.f1, 1.0);
    assert_eq!((p.same_content.agreed, p.same_content.total), (1, 2));
    assert_eq!((p.same_speaker.agreed, p.same_speaker.total), (1, 2));
    assert_eq!((p.same_cue.agreed, p.same_cue.total), (1, 2));
    assert_eq!((p.same_kind.agreed, p.same_kind.total), (2, 2));
    close(p.same_speaker.rate, 0.5);
    // Names only: the pronoun "she" is not a span here; the names differ in extent.
    assert_eq!(rep.overall.overall.spans, [1, 1]);
    assert_eq!(rep.mentions, "names");
}

// ------------------------------------------------------------------------- edge cases

#[test]
fn no_spans_at_all_is_undefined_never_nan() {
    let a = project(&[("lovelace", LOVELACE, &[])]);
    let b = project(&[("lovelace", LOVELACE, &[])]);
    let rep = agree(&[&a, &b]);
    let o = &rep.overall.overall;
    assert!(rep.overall.labels.is_empty());
    assert_eq!(
        o.kappa.value, None,
        "every token is O for everyone: κ is 0/0"
    );
    close(o.kappa.observed, 1.0);
    assert_eq!(o.alpha_u.value, None);
    assert_eq!(o.pairs[0].exact.f1, None);
    assert_eq!(rep.overall.quotes.pairs[0].matched.f1, None);
    let table = rep.table(true);
    let json = serde_json::to_string(&rep).unwrap();
    for text in [&table, &json] {
        assert!(!text.contains("NaN") && !text.contains("nan") && !text.contains("inf"));
    }
    let overall: Vec<&str> = table
        .lines()
        .find(|l| l.starts_with("overall"))
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(
        overall,
        ["overall", "0", "0", "-", "-", "-", "-"],
        "{table}"
    );
    assert!(json.contains("\"value\":null"));
}

#[test]
fn one_annotator_is_an_error() {
    let a = annotator_a();
    let one = [Annotator {
        name: "A",
        project: &a,
    }];
    assert_eq!(
        agreement::agree(&one, &Options::default()),
        Err(AgreementError::TooFewAnnotators(1))
    );
}

#[test]
fn identical_projects_agree_perfectly() {
    let (a, b) = (annotator_b(), annotator_b());
    let rep = agree(&[&a, &b]);
    let o = &rep.overall.overall;
    assert_eq!(o.kappa.value, Some(1.0));
    assert_eq!(o.alpha_u.value, Some(1.0));
    assert_eq!(o.pairs[0].exact.f1, Some(1.0));
    for l in &rep.overall.labels {
        assert_eq!(l.kappa.value, Some(1.0), "{}", l.label);
        assert_eq!(l.alpha_u.value, Some(1.0), "{}", l.label);
    }
    let (a, c) = (annotator_a(), annotator_a());
    let rep = agree(&[&a, &c, &annotator_a()]);
    assert_eq!(rep.overall.overall.kappa.value, Some(1.0), "Fleiss too");
}

#[test]
fn documents_are_paired_by_name_and_reported_per_document() {
    // A has "lovelace" and "extra"; B has "lovelace", "extra" with another text, and "only-b".
    let a = project(&[
        (
            "lovelace",
            LOVELACE,
            &[("Ada Lovelace", 0, "PERSON"), ("London", 0, "GPE")],
        ),
        ("extra", "Paris in spring.", &[("Paris", 0, "GPE")]),
        ("second", "Berlin and Rome.", &[("Berlin", 0, "GPE")]),
    ]);
    let b = project(&[
        ("second", "Berlin and Rome.", &[("Berlin", 0, "GPE")]),
        ("only-b", "Nothing here.", &[]),
        ("extra", "Paris in autumn.", &[("Paris", 0, "GPE")]),
        ("lovelace", LOVELACE, &[("Ada Lovelace", 0, "PERSON")]),
    ]);
    let rep = agree(&[&a, &b]);
    let d = &rep.documents;
    assert_eq!(d.compared, ["lovelace", "second"]);
    assert_eq!(d.different_text, ["extra"]);
    assert_eq!(d.missing.len(), 1);
    assert_eq!(
        (
            d.missing[0].document.as_str(),
            d.missing[0].missing_from.clone()
        ),
        ("only-b", vec!["A".to_string()])
    );
    // Per document: "second" agrees perfectly, "lovelace" does not (A's London).
    let docs: Vec<&str> = rep
        .by_document
        .iter()
        .map(|x| x.document.as_str())
        .collect();
    assert_eq!(docs, ["lovelace", "second"]);
    assert_eq!(rep.by_document[1].agreement.overall.kappa.value, Some(1.0));
    // lovelace: tokens all agree but London (GPE vs O): p_o = 9/10;
    // rows A: PERSON 2, GPE 1, O 7; columns B: PERSON 2, O 8;
    // p_e = (2·2 + 7·8)/100 = 0.6; κ = 0.3/0.4 = 0.75.
    close(rep.by_document[0].agreement.overall.kappa.value, 0.75);
    // Overall pools both documents' tokens: 10 + 4 ("Berlin", "and", "Rome", ".").
    assert_eq!(rep.overall.tokens, 14);
    let table = rep.table(true);
    assert!(table.contains("By document"), "{table}");
    assert!(table.contains("only-b (not in A)"), "{table}");
}
