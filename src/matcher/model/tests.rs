//! Tests of the whole model on small texts written for them.

use super::*;

fn ex(text: &str, names: &[(&str, &str)]) -> Example {
    let mut out = Vec::new();
    for (name, label) in names {
        let byte = text.find(name).expect("test name in text");
        let start = text[..byte].chars().count();
        out.push((start, start + name.chars().count(), label.to_string()));
    }
    Example {
        text: Arc::from(text),
        names: out,
        rejected: Vec::new(),
    }
}

fn corpus() -> Vec<Example> {
    let firsts = [
        "Ada", "Bram", "Celia", "Dov", "Esme", "Farid", "Greta", "Hugo", "Ines", "Jonas",
    ];
    let lasts = [
        "Quill",
        "Okonkwo",
        "Varga",
        "Lindqvist",
        "Tarrant",
        "Oyelaran",
        "Moss",
        "Ferreira",
        "Halloran",
        "Stroud",
        "Kowal",
    ];
    let orgs = [
        "Harbin Widget Works",
        "Molvania Rail",
        "Tern Valley Council",
        "Quarry Bank Trust",
    ];
    let places = ["Vellmar", "Oskaloosa", "Tarnow", "Zell"];
    let mut v = Vec::new();
    for i in 0..40 {
        let p = format!("{} {}", firsts[i % firsts.len()], lasts[i % lasts.len()]);
        let p = p.as_str();
        let o = orgs[i % orgs.len()];
        let c = places[i % places.len()];
        let text = if i % 2 == 0 {
            format!(
                "{p} said on Monday that {o} would open an office in {c}.\nThe plan was welcomed by workers, {p} added.\nIn {c}, officials from {o} declined to comment."
            )
        } else {
            format!(
                "On Tuesday {p} said the office in {c} would close.\nA spokesman for {o} said the decision was final.\nWorkers in {c} were not told, {p} said."
            )
        };
        // Every mention of each name.
        let mut names = Vec::new();
        for (name, label) in [(p, "PERSON"), (o, "ORG"), (c, "GPE")] {
            let mut from = 0;
            while let Some(b) = text[from..].find(name) {
                let byte = from + b;
                let start = text[..byte].chars().count();
                names.push((start, start + name.chars().count(), label.to_string()));
                from = byte + name.len();
            }
        }
        names.sort();
        v.push(Example {
            text: Arc::from(text.as_str()),
            names,
            rejected: Vec::new(),
        });
    }
    v
}

#[test]
fn learns_a_name_in_a_new_context() {
    let lx = Lexicon::bundled();
    let m = Model::train(&corpus(), &lx, None, &TrainOptions::default());
    // A name never seen, in a sentence never seen.
    let text = "Yesterday Gideon Pryce said the talks had failed.";
    let preds = m.predict(text, &lx);
    assert!(
        preds
            .iter()
            .any(|p| p.label == "PERSON" && p.start == 10 && p.end == 22),
        "{preds:?} {:?}",
        m.calibration()
    );
    for p in &preds {
        assert!((0.0..=1.0).contains(&p.score));
        assert!(!p.why.is_empty() && p.why.len() <= 3, "{p:?}");
    }
}

#[test]
fn round_trip_gives_identical_predictions() {
    let lx = Lexicon::bundled();
    let m = Model::train(&corpus(), &lx, None, &TrainOptions::default());
    let bytes = m.to_bytes();
    let back = Model::from_bytes(&bytes).expect("round trip");
    assert_eq!(back.info().labels, m.info().labels);
    let text = "Celia Varga said Molvania Rail would leave Oskaloosa. Nobody else said anything.";
    let a = m.predict(text, &lx);
    let b = back.predict(text, &lx);
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!((x.start, x.end, &x.label), (y.start, y.end, &y.label));
        assert!((x.score - y.score).abs() < 0.02);
    }
    // Stored again, the bytes are the same.
    assert_eq!(back.to_bytes(), bytes);
}

#[test]
fn garbage_is_an_error() {
    assert!(Model::from_bytes(b"").is_err());
    assert!(Model::from_bytes(b"hello world").is_err());
    let lx = Lexicon::bundled();
    let bytes = Model::train(&corpus()[..3], &lx, None, &TrainOptions::default()).to_bytes();
    for cut in [10, bytes.len() / 2, bytes.len() - 1] {
        assert!(Model::from_bytes(&bytes[..cut]).is_err());
    }
    let mut flipped = bytes.clone();
    let k = flipped.len() / 3;
    flipped[k] ^= 0x55;
    let _ = Model::from_bytes(&flipped); // an error or a model, never a panic
}

#[test]
fn rejected_spans_are_negative_evidence() {
    let lx = Lexicon::bundled();
    let mut docs = corpus();
    // "Monday" is never a name; say so.
    for d in &mut docs {
        if let Some(b) = d.text.find("Monday") {
            let s = d.text[..b].chars().count();
            d.rejected.push((s, s + 6, "PERSON".into()));
        }
    }
    let m = Model::train(&docs, &lx, None, &TrainOptions::default());
    let preds = m.predict("Ada Quill said on Monday that it was over.", &lx);
    assert!(!preds.iter().any(|p| p.start == 18), "{preds:?}");
}

#[test]
fn continues_from_a_base_and_keeps_its_labels() {
    let lx = Lexicon::bundled();
    let docs = corpus();
    let base = Model::train(&docs[..12], &lx, None, &TrainOptions::default());
    let mut more = docs[12..].to_vec();
    more.push(ex(
        "Lund Mining was founded in Zell.",
        &[("Lund Mining", "COMPANY"), ("Zell", "GPE")],
    ));
    let m = Model::train(&more, &lx, Some(&base), &TrainOptions::default());
    assert_eq!(&m.info().labels[..3], &base.info().labels[..]);
    assert!(m.info().labels.contains(&"COMPANY".to_string()));
    assert!(m.info().base.is_some());
}

#[test]
fn cross_validation_is_on_held_out_documents() {
    let lx = Lexicon::bundled();
    let q = cross_validate(&corpus(), &lx, None, 3, &TrainOptions::default());
    assert_eq!(q.folds, 3);
    assert!(q.names > 0);
    assert!(q.precision > 0.5 && q.recall > 0.5, "{q:?}");
}

#[test]
fn empty_inputs() {
    let lx = Lexicon::bundled();
    let m = Model::train(&[], &lx, None, &TrainOptions::default());
    assert!(m.predict("", &lx).is_empty());
    assert!(m.predict("Nothing to see here.", &lx).is_empty());
    let _ = cross_validate(&[], &lx, None, 5, &TrainOptions::default());
}

#[test]
fn a_first_small_document_does_not_undo_the_starting_weights() {
    let Some(base) = Model::bundled() else {
        panic!("the starting weights load");
    };
    let lx = Lexicon::bundled();
    let text = "Officials in Nairobi said Greta Halloran of Volkswagen would meet Jonas Lind \
                in Berlin and Koblenz on Tuesday, before talks with the United Nations.";
    let before = base
        .predict(text, &lx)
        .into_iter()
        .filter(|p| p.score >= SUGGEST_SCORE)
        .count();
    // A document in progress: one name accepted, and the sentences up to it hold names not
    // annotated yet, which training reads as "not a name".
    let small = ex(
        "Officials in Nairobi and Berlin met on Tuesday. Volkswagen and the United Nations \
         said little. Jonas Lind stayed in Koblenz. Mayor Ada Quill spoke briefly.",
        &[("Ada Quill", "PERSON")],
    );
    let tuned = Model::train(&[small], &lx, Some(&base), &TrainOptions::default());
    let after = tuned
        .predict(text, &lx)
        .into_iter()
        .filter(|p| p.score >= SUGGEST_SCORE)
        .count();
    assert!(before >= 5, "{before}");
    assert!(after * 10 >= before * 8, "{after} of {before} kept");
}

#[test]
fn no_person_holds_a_number_though_other_names_may() {
    // Taught that "Agent 47" is a person and "Group 4" a company, the model would find both
    // again; a person's name never holds a number (in a results table "Roma 0 Lazio" had come
    // out as one), a company's may.
    let mut docs = corpus();
    docs.extend((0..12).map(|i| {
        let text =
            format!("Report {i}: Agent 47 met officials of Group 4 in the capital on Monday.");
        ex(&text, &[("Agent 47", "PERSON"), ("Group 4", "ORG")])
    }));
    let lx = Lexicon::bundled();
    let m = Model::train(&docs, &lx, None, &TrainOptions::default());
    let text = "Report 99: Agent 47 met officials of Group 4 in the capital on Monday.";
    let preds = m.predict(text, &lx);
    let found = |what: &str, label: &str| {
        let start = text[..text.find(what).expect("in text")].chars().count();
        preds
            .iter()
            .any(|p| p.start == start && p.end == start + what.chars().count() && p.label == label)
    };
    assert!(found("Group 4", "ORG"), "{preds:?}");
    assert!(
        !preds.iter().any(|p| p.label == "PERSON"
            && crate::text::slice_chars(text, p.start, p.end).contains("47")),
        "{preds:?}"
    );
}

#[test]
fn a_model_that_only_gained_its_quality_predicts_as_before() {
    let lx = Lexicon::bundled();
    let docs = corpus();
    let m = Model::train(&docs, &lx, None, &TrainOptions::default());
    let mut measured = m.clone();
    measured.set_quality(Quality::from_counts(8, 2, 10, 3));
    assert!(m.predicts_as(&measured));
    // Another calibration, or weights trained again, predict otherwise.
    let mut recalibrated = m.clone();
    recalibrated.platt = Platt { a: 2.0, b: -1.0 };
    assert!(!m.predicts_as(&recalibrated));
    let again = Model::train(&docs, &lx, None, &TrainOptions::default());
    assert!(!m.predicts_as(&again));
}
