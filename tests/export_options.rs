//! `gloss export`'s format options (issue 14, bugs 4–6): Prodigy quotes as relations, the
//! doccano shapes and what `--labels` does to quotes, names only, Label Studio's tag names, its
//! `.json` file of one JSON array and its labelling config.

use std::path::Path;

use gloss::io::project_file;
use gloss::model::{
    CharRange, DocId, Document, LabelSet, Mention, Project, Quote, QuoteId, QuoteKind, Span, SpanId,
};
use serde_json::Value;

mod common;
use common::{gloss, scratch};

const TEXT: &str = "🗳️ Ana Ruiz told reporters in Léon: “We stay in Léon.” She left.";

fn at(needle: &str, nth: usize) -> CharRange {
    let (byte, _) = TEXT.match_indices(needle).nth(nth).unwrap();
    let start = TEXT[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

/// One document: two names, a place inside the quote, a pronoun, a quote with speaker and cue.
fn save(dir: &Path) {
    let mut p = Project::with_labels(
        "news",
        LabelSet::from_names(["PERSON".to_string(), "GPE".to_string()]),
    );
    let mut d = Document::new(DocId(1), "ruiz", TEXT);
    d.insert_span(Span::new(SpanId(1), at("Ana Ruiz", 0), "PERSON"));
    d.insert_span(Span::new(SpanId(2), at("Léon", 0), "GPE"));
    d.insert_span(Span::new(SpanId(3), at("Léon", 1), "GPE"));
    let mut she = Span::new(SpanId(4), at("She", 0), "PERSON");
    she.mention = Mention::Pronoun;
    d.insert_span(she);
    d.insert_quote(Quote {
        id: QuoteId(1),
        content: vec![at("We stay in Léon.", 0)],
        speaker: Some(SpanId(1)),
        cue: Some(at("told", 0)),
        kind: QuoteKind::Direct,
        origin: Default::default(),
        attributes: Default::default(),
    });
    p.insert_document(d);
    project_file::save(&dir.join("p.ron"), &p).unwrap();
}

fn export(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["export", "p.ron"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", "-"]);
    let run = gloss(dir, &all);
    assert_eq!(run.code, 0, "{run:?}");
    run.stdout
}

fn line(text: &str) -> Value {
    serde_json::from_str(text.lines().next().unwrap()).unwrap()
}

#[test]
fn prodigy_writes_quotes_as_relations_when_asked() {
    let dir = scratch();
    save(dir.path());
    let plain = line(&export(dir.path(), &["--format", "prodigy"]));
    assert!(plain.get("relations").is_none(), "{plain}");
    let with = line(&export(dir.path(), &["--format", "prodigy", "--quotes"]));
    let labels: Vec<&str> = with["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["speaker", "cue"], "{with}");
    let spans = with["spans"].to_string();
    assert!(
        spans.contains("\"QUOTE\"") && spans.contains("\"CUE\""),
        "{spans}"
    );
    // Names only: the pronoun is not written.
    let names = line(&export(
        dir.path(),
        &["--format", "prodigy", "--names-only"],
    ));
    assert_eq!(names["spans"].as_array().unwrap().len(), 3, "{names}");
}

#[test]
fn doccano_offers_both_shapes_and_labels_leaves_quotes_out() {
    let dir = scratch();
    save(dir.path());
    let rel = line(&export(dir.path(), &["--format", "doccano"]));
    assert!(
        rel["relations"].as_array().is_some_and(|r| r.len() == 2),
        "{rel}"
    );
    let lab = line(&export(
        dir.path(),
        &["--format", "doccano", "--doccano-shape", "labels"],
    ));
    assert!(lab.get("relations").is_none() && lab.get("entities").is_none());
    let label: Vec<(usize, usize, String)> = serde_json::from_value(lab["label"].clone()).unwrap();
    // Outermost only: the second Léon lies inside the quote.
    let names: Vec<&str> = label.iter().map(|l| l.2.as_str()).collect();
    assert_eq!(
        names,
        ["PERSON", "CUE", "GPE", "QUOTE", "PERSON"],
        "{label:?}"
    );
    // --labels without QUOTE/CUE: no quotes at all; with QUOTE but not CUE: no cue.
    let only = export(dir.path(), &["--format", "doccano", "--labels", "PERSON"]);
    assert!(!only.contains("QUOTE") && !only.contains("CUE"), "{only}");
    assert!(!only.contains("\"GPE\""), "{only}");
    let quote = export(
        dir.path(),
        &["--format", "doccano", "--labels", "PERSON,QUOTE"],
    );
    assert!(
        quote.contains("\"QUOTE\"") && !quote.contains("CUE"),
        "{quote}"
    );
    // The help says which doccano project settings each shape needs.
    let help = gloss(dir.path(), &["export", "--help"]);
    assert!(help.stdout.contains("Allow overlapping"), "{}", help.stdout);
    assert!(
        help.stdout.contains("Use relation labeling"),
        "{}",
        help.stdout
    );
}

#[test]
fn label_studio_writes_one_json_array_and_its_labelling_config() {
    let dir = scratch();
    save(dir.path());
    let run = gloss(
        dir.path(),
        &[
            "export",
            "p.ron",
            "--format",
            "label-studio",
            "-o",
            "ls.json",
            "--ls-config",
            "config.xml",
            "--ls-from-name",
            "ner",
            "--ls-to-name",
            "body",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let tasks: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("ls.json")).unwrap()).unwrap();
    let tasks = tasks.as_array().expect("one JSON array");
    assert_eq!(tasks.len(), 1);
    let region = &tasks[0]["annotations"][0]["result"][0];
    assert_eq!(
        (region["from_name"].as_str(), region["to_name"].as_str()),
        (Some("ner"), Some("body"))
    );
    // UTF-16 at the edge: 🗳️ is three units (two for the emoji, one for the selector).
    assert_eq!(region["value"]["start"], 4, "{region}");
    let xml = std::fs::read_to_string(dir.path().join("config.xml")).unwrap();
    assert!(
        xml.contains("<Labels name=\"ner\" toName=\"body\">"),
        "{xml}"
    );
    assert!(
        xml.contains("<Text name=\"body\" value=\"$text\"/>"),
        "{xml}"
    );
    for l in [
        "PERSON",
        "GPE",
        "QUOTE",
        "QUOTE-INDIRECT",
        "QUOTE-MIXED",
        "CUE",
    ] {
        assert!(xml.contains(&format!("<Label value=\"{l}\"")), "{l}: {xml}");
    }
    assert!(xml.contains("<Relation value=\"speaker\"/>"), "{xml}");
    assert!(
        run.stdout.contains("labelling config in config.xml"),
        "{run:?}"
    );
    // One file per document: each a .json holding one array.
    let run = gloss(
        dir.path(),
        &[
            "export",
            "p.ron",
            "--format",
            "label-studio",
            "--per-document",
            "-o",
            "each",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let file = dir.path().join("each").join("ruiz.json");
    let v: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    assert!(v.is_array());
}

#[test]
fn conll_columns_and_docstart_are_options() {
    let dir = scratch();
    save(dir.path());
    let two = export(dir.path(), &["--format", "conll"]);
    assert!(two.starts_with("-DOCSTART-"), "{two}");
    assert!(two.contains("Ana\tB-PERSON"), "{two}");
    let four = export(
        dir.path(),
        &["--format", "conll", "--conll-columns", "4", "--no-docstart"],
    );
    assert!(!four.contains("DOCSTART"), "{four}");
    assert!(four.contains("Ana -X- _ B-PERSON"), "{four}");
}
