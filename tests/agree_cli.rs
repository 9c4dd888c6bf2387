//! `gloss agree`, run as a user runs it: the built binary in a scratch folder, checked by exit
//! status, stdout and stderr.

use std::path::Path;

use gloss::io::project_file;
use gloss::model::{CharRange, DocId, Document, Project, Span, SpanId};

mod common;
use common::gloss;

const LOVELACE: &str = "Ada Lovelace met Charles Babbage in London in June.";
const SECOND: &str = "Berlin and Rome.";

/// Spans as (start, end, label).
type Spans<'a> = &'a [(usize, usize, &'a str)];

/// Save a project with documents (name, text, spans) to `dir/file`.
fn save(dir: &Path, file: &str, docs: &[(&str, &str, Spans)]) {
    let mut p = Project::new(file);
    for (i, (name, text, spans)) in docs.iter().enumerate() {
        let mut d = Document::new(DocId(i as u64 + 1), *name, *text);
        for (k, (s, e, label)) in spans.iter().enumerate() {
            d.insert_span(Span::new(
                SpanId(k as u64 + 1),
                CharRange::new(*s, *e),
                *label,
            ));
        }
        p.insert_document(d);
    }
    project_file::save(&dir.join(file), &p).unwrap();
}

/// A and B of the hand-computed example in tests/agreement.rs, plus a second document on which
/// they agree, and a document only A has.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let a: Spans = &[(0, 12, "PERSON"), (17, 32, "PERSON"), (36, 42, "GPE")];
    let b: Spans = &[
        (0, 12, "PERSON"),
        (25, 32, "PERSON"),
        (36, 42, "LOC"),
        (46, 50, "MISC"),
    ];
    let berlin: Spans = &[(0, 6, "GPE"), (11, 15, "GPE")];
    save(
        dir.path(),
        "a.ron",
        &[
            ("lovelace", LOVELACE, a),
            ("second", SECOND, berlin),
            ("only-a", "Nothing.", &[]),
        ],
    );
    save(
        dir.path(),
        "b.ron",
        &[("second", SECOND, berlin), ("lovelace", LOVELACE, b)],
    );
    save(dir.path(), "c.ron", &[("lovelace", LOVELACE, a)]);
    dir
}

/// The cells of the row starting with `first` in a table.
fn row<'t>(table: &'t str, first: &str) -> Vec<&'t str> {
    table
        .lines()
        .find(|l| l.split_whitespace().next() == Some(first))
        .unwrap_or_else(|| panic!("no row {first} in\n{table}"))
        .split_whitespace()
        .collect()
}

#[test]
fn two_annotators_print_a_table_per_label_and_per_document() {
    let dir = setup();
    let run = gloss(dir.path(), &["agree", "a.ron", "b.ron", "--by-document"]);
    assert_eq!(run.code, 0, "{run:?}");
    let out = &run.stdout;
    assert!(out.contains("Documents compared: 2"), "{run:?}");
    assert!(out.contains("only-a (not in b.ron)"), "{run:?}");
    assert!(out.contains("Cohen κ"), "{run:?}");
    // PERSON: spans 2 and 2, exact F1 1/2, overlap F1 1.
    assert_eq!(
        &row(out, "PERSON")[..5],
        ["PERSON", "2", "2", "0.500", "1.000"]
    );
    // The Lovelace document alone is the 10-token example: κ = 0.33/0.63 = 0.524,
    // exact F1 2/7, overlap F1 4/7; the second document agrees perfectly.
    assert_eq!(
        row(out, "lovelace"),
        [
            "lovelace", "10", "3/4", "0.286", "0.571", "0.524", "0.492", "0/0", "-"
        ]
    );
    assert_eq!(
        &row(out, "second")[..6],
        ["second", "4", "2/2", "1.000", "1.000", "1.000"]
    );
    assert!(out.contains("Quotes: none"), "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");

    // Without --by-document, no document rows.
    let run = gloss(dir.path(), &["agree", "a.ron", "b.ron"]);
    assert!(!run.stdout.contains("By document"), "{run:?}");
}

#[test]
fn json_carries_every_number() {
    let dir = setup();
    let run = gloss(
        dir.path(),
        &["agree", "a.ron", "b.ron", "--json", "--by-document"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["annotators"], serde_json::json!(["a.ron", "b.ron"]));
    let lovelace = &v["by_document"][0];
    assert_eq!(lovelace["document"], "lovelace");
    let kappa = &lovelace["agreement"]["overall"]["kappa"];
    assert_eq!(kappa["method"], "cohen");
    assert!((kappa["value"].as_f64().unwrap() - 0.33 / 0.63).abs() < 1e-9);
    assert!((kappa["observed"].as_f64().unwrap() - 0.7).abs() < 1e-9);
    let pair = &lovelace["agreement"]["overall"]["pairs"][0];
    assert_eq!(pair["exact"]["tp"], 1);
    assert!((pair["overlap"]["f1"].as_f64().unwrap() - 4.0 / 7.0).abs() < 1e-9);
    // No quotes: undefined values are null, never NaN.
    assert!(v["overall"]["quotes"]["pairs"][0]["matched"]["f1"].is_null());
    assert_eq!(v["documents"]["missing"][0]["missing_from"][0], "b.ron");
}

#[test]
fn three_annotators_use_fleiss_kappa() {
    let dir = setup();
    let run = gloss(dir.path(), &["agree", "a.ron", "b.ron", "c.ron", "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    // Only "lovelace" is in all three: the Fleiss example of tests/agreement.rs, 368/548.
    assert_eq!(v["documents"]["compared"], serde_json::json!(["lovelace"]));
    let kappa = &v["overall"]["overall"]["kappa"];
    assert_eq!(kappa["method"], "fleiss");
    assert!((kappa["value"].as_f64().unwrap() - 368.0 / 548.0).abs() < 1e-9);
    assert_eq!(
        v["overall"]["overall"]["pairs"].as_array().unwrap().len(),
        3
    );
    assert!(v["by_document"].as_array().unwrap().is_empty());

    let run = gloss(dir.path(), &["agree", "a.ron", "b.ron", "c.ron"]);
    assert!(run.stdout.contains("Fleiss κ"), "{run:?}");
    assert!(run.stdout.contains("exact mean F1"), "{run:?}");
}

#[test]
fn bad_input_exits_1_naming_the_file() {
    let dir = setup();
    std::fs::write(dir.path().join("broken.ron"), "(schema: 1, name: ").unwrap();
    for (args, file) in [
        (&["agree", "a.ron", "broken.ron"][..], "broken.ron"),
        (&["agree", "missing.ron", "a.ron"][..], "missing.ron"),
    ] {
        let run = gloss(dir.path(), args);
        assert_eq!(run.code, 1, "{run:?}");
        assert!(run.stdout.is_empty(), "{run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
        assert!(run.stderr.contains(file), "{run:?}");
    }
    // Nothing shared: both files named.
    save(
        dir.path(),
        "other.ron",
        &[("elsewhere", "Other text.", &[])],
    );
    let run = gloss(dir.path(), &["agree", "a.ron", "other.ron"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("a.ron, other.ron share no document"),
        "{run:?}"
    );
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
}

#[test]
fn one_project_is_a_usage_error() {
    let dir = setup();
    let run = gloss(dir.path(), &["agree", "a.ron"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("2 values required"), "{run:?}");
}
