//! `gloss import --format brat` and `gloss eval`, run as a user runs them: the built binary in a
//! scratch folder, checked by exit status, output and the project it writes.
//!
//! The development evaluation sets (`/work/shared/eval`, or `$GLOSS_EVAL_DATA`) are read where
//! they are, only to check that the importer reads them as their README counts them; no text of
//! theirs is copied here. Where they are absent those tests say so and pass.

use std::path::{Path, PathBuf};

use gloss::io::project_file;
use gloss::model::{Mention, Project, QuoteKind};

mod common;
use common::{gloss, scratch};

fn load(path: &Path) -> Project {
    project_file::load(path).unwrap_or_else(|e| panic!("{e}"))
}

/// One of the evaluation sets, or `None` (with a note) where it is not installed.
fn eval_set(name: &str) -> Option<PathBuf> {
    let root = std::env::var_os("GLOSS_EVAL_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/eval"));
    let dir = root.join(name);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("{} is not here; test skipped", dir.display());
        None
    }
}

/// Import `set` into a fresh `NAME.ron` in `dir`, expecting success; returns the project.
fn import_set(dir: &Path, set: &Path, name: &str) -> Project {
    let file = format!("{name}.ron");
    let set = set.to_str().expect("a UTF-8 path");
    let run = gloss(dir, &["import", &file, set, "--format", "brat"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("(0 annotations skipped)"), "{run:?}");
    load(&dir.join(file))
}

fn names_per_label(p: &Project) -> Vec<(String, usize)> {
    p.labels
        .names()
        .map(|l| {
            let n = p
                .documents
                .iter()
                .flat_map(|d| &d.spans)
                .filter(|s| s.label == l && s.mention == Mention::Name)
                .count();
            (l.to_string(), n)
        })
        .filter(|(_, n)| *n > 0)
        .collect()
}

fn counts(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
    pairs.iter().map(|(l, n)| (l.to_string(), *n)).collect()
}

fn eval_json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["eval"];
    all.extend_from_slice(args);
    all.push("--json");
    let run = gloss(dir, &all);
    assert_eq!(run.code, 0, "{run:?}");
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run:?}"))
}

/// Every precision, recall, F1 and accuracy in a JSON report.
fn every_measure(v: &serde_json::Value, out: &mut Vec<(String, Option<f64>)>, path: &str) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                let here = format!("{path}.{k}");
                if ["precision", "recall", "f1", "accuracy"].contains(&k.as_str()) {
                    out.push((here, x.as_f64()));
                } else {
                    every_measure(x, out, &here);
                }
            }
        }
        serde_json::Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                every_measure(x, out, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------- the eval sets

#[test]
fn the_seed_article_comes_in_as_its_readme_counts_it() {
    let Some(seed) = eval_set("seed") else { return };
    let dir = scratch();
    let p = import_set(dir.path(), &seed, "seed");
    assert_eq!(p.documents.len(), 1);
    assert_eq!(
        names_per_label(&p),
        counts(&[
            ("PERSON", 17),
            ("ORG", 10),
            ("GPE", 26),
            ("LOC", 1),
            ("NORP", 4),
            ("MISC", 1)
        ])
    );
    let d = &p.documents[0];
    let kinds = |k| d.quotes.iter().filter(|q| q.kind == k).count();
    assert_eq!(d.quotes.len(), 14);
    assert_eq!(
        (kinds(QuoteKind::Direct), kinds(QuoteKind::Indirect)),
        (5, 9)
    );
    assert_eq!(d.quotes.iter().filter(|q| q.cue.is_some()).count(), 13);
    // 13 R Speaker lines; 5 of their mentions are Speaker spans (pronouns or descriptions).
    assert_eq!(d.quotes.iter().filter(|q| q.speaker.is_some()).count(), 13);
    let others: Vec<Mention> = d
        .spans
        .iter()
        .filter(|s| !s.mention.is_name())
        .map(|s| s.mention)
        .collect();
    assert_eq!(others.len(), 5);
    assert_eq!(others.iter().filter(|m| **m == Mention::Pronoun).count(), 4);
    // 11 speaker= notes: 10 on quotes with a mention, now entity links on those mentions; one
    // on a quote without, which a project file cannot keep (the eval of the folder does).
    let resolvable = d
        .quotes
        .iter()
        .filter_map(|q| q.speaker.and_then(|s| d.span(s)))
        .filter(|s| s.entity.is_some())
        .count();
    assert_eq!(resolvable, 10);
    let mut entities: Vec<&str> = p.entities.iter().map(|e| e.name.as_str()).collect();
    entities.sort();
    assert_eq!(
        entities,
        ["Barack Obama", "Hassan Rouhani", "Vladimir Putin"]
    );

    // The folder against itself: every measure is 1, and the note-only speaker is counted.
    let seed = seed.to_str().expect("a UTF-8 path");
    let report = eval_json(dir.path(), &[seed, seed]);
    assert_eq!(report["quotes"]["speaker"]["total"], 11);
    assert_eq!(report["quotes"]["speaker_mention"]["total"], 13);
    assert_eq!(report["quotes"]["cue"]["total"], 13);
    let mut measures = Vec::new();
    every_measure(&report, &mut measures, "");
    assert!(measures.len() > 20);
    for (what, x) in measures {
        assert_eq!(x, Some(1.0), "{what}");
    }
    // The project file lost that one speaker, and the eval says so.
    let report = eval_json(dir.path(), &[seed, "seed.ron"]);
    assert_eq!(report["quotes"]["speaker"]["correct"], 10);
    assert_eq!(report["quotes"]["speaker"]["total"], 11);
}

#[test]
fn gum_news_comes_in_with_its_entities_linked() {
    let Some(gum) = eval_set("gum-news") else {
        return;
    };
    let dir = scratch();
    let p = import_set(dir.path(), &gum, "gum");
    assert_eq!(p.documents.len(), 24);
    assert_eq!(
        names_per_label(&p),
        counts(&[
            ("PERSON", 270),
            ("ORG", 363),
            ("GPE", 234),
            ("LOC", 57),
            ("NORP", 6)
        ])
    );
    let spans: Vec<_> = p.documents.iter().flat_map(|d| &d.spans).collect();
    assert_eq!(spans.len(), 930);
    assert!(
        spans.iter().all(|s| s.entity.is_some()),
        "every entity has an N line"
    );
    let quotes: Vec<_> = p.documents.iter().flat_map(|d| &d.quotes).collect();
    assert_eq!(quotes.len(), 84);
    assert!(
        quotes
            .iter()
            .all(|q| q.kind == QuoteKind::Direct && q.speaker.is_none())
    );
    // One entity per Wikipedia identity, named by its title when the mentions differ.
    let us = p
        .entities
        .iter()
        .find(|e| e.name == "United States")
        .expect("the United States");
    assert_eq!(us.label, "GPE");
    assert!(us.is_called("U.S.") && us.is_called("US"), "{us:?}");

    // Merging GPE and LOC and keeping only some labels.
    let report = eval_json(
        dir.path(),
        &[
            "gum.ron",
            "gum.ron",
            "--merge",
            "GPE,LOC",
            "--labels",
            "PERSON,GPE",
        ],
    );
    let labels: Vec<(&str, u64)> = report["entities"]["labels"]
        .as_array()
        .expect("labels")
        .iter()
        .map(|l| {
            (
                l["label"].as_str().unwrap_or(""),
                l["gold"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(labels, [("PERSON", 270), ("GPE+LOC", 291)]);
    assert_eq!(report["entities"]["overall"]["exact"]["f1"], 1.0);
}

#[test]
fn litbank_quotes_come_in_with_speakers_by_name() {
    let Some(lit) = eval_set("litbank-quotes") else {
        return;
    };
    let dir = scratch();
    let p = import_set(dir.path(), &lit, "lit");
    assert_eq!(p.documents.len(), 100);
    let quotes: Vec<_> = p
        .documents
        .iter()
        .flat_map(|d| d.quotes.iter().map(move |q| (d, q)))
        .collect();
    assert_eq!(quotes.len(), 1765);
    assert!(quotes.iter().all(|(_, q)| q.kind == QuoteKind::Direct));
    // Fragments across line breaks are one range: 503 quotes run over several lines.
    let multiline = quotes
        .iter()
        .filter(|(d, q)| {
            let e = q.extent();
            d.slice(e.start, e.end).contains('\n')
        })
        .count();
    assert_eq!(multiline, 503);
    assert!(quotes.iter().all(|(_, q)| q.content.len() == 1));
    assert_eq!(
        p.documents.iter().filter(|d| d.quotes.is_empty()).count(),
        14
    );
    // No mentions: the speakers are entities by name, and the folder's eval scores them.
    assert!(p.documents.iter().all(|d| d.spans.is_empty()));
    assert!(!p.entities.is_empty());
    let lit = lit.to_str().expect("a UTF-8 path");
    let report = eval_json(dir.path(), &[lit, lit]);
    assert_eq!(report["quotes"]["gold"], 1765);
    assert_eq!(report["quotes"]["speaker"]["total"], 1765);
    assert_eq!(report["quotes"]["speaker"]["accuracy"], 1.0);
}

// ------------------------------------------------------------------------ files made here

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("a folder");
    }
    std::fs::write(path, text).expect("a file");
}

const TEXT: &str = "\u{201c}We will win,\u{201d} said Angela Merkel in Berlin.\n";
const ANN: &str = "T1\tQuote 1 13\tWe will win,\n\
T2\tCue 15 19\tsaid\n\
T3\tPERSON 20 33\tAngela Merkel\n\
T4\tGPE 37 43\tBerlin\n\
R1\tCue Arg1:T1 Arg2:T2\n\
R2\tSpeaker Arg1:T1 Arg2:T3\n\
A1\tKind T1 Direct\n\
#1\tAnnotatorNotes T1\tspeaker=Angela Merkel\n";

#[test]
fn a_project_against_itself_scores_one_and_the_table_says_so() {
    let dir = scratch();
    write(dir.path(), "brat/merkel.txt", TEXT);
    write(dir.path(), "brat/merkel.ann", ANN);
    let run = gloss(dir.path(), &["import", "p.ron", "brat", "--format", "brat"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .starts_with("added 1 document to new project p.ron"),
        "{run:?}"
    );
    let run = gloss(dir.path(), &["eval", "p.ron", "p.ron"]);
    assert_eq!(run.code, 0, "{run:?}");
    let overall: Vec<&str> = run
        .stdout
        .lines()
        .find(|l| l.starts_with("overall"))
        .expect("an overall row")
        .split_whitespace()
        .collect();
    assert_eq!(
        overall,
        [
            "overall", "2", "2", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000"
        ]
    );
    let quotes: Vec<&str> = run
        .stdout
        .lines()
        .find(|l| l.starts_with("quotes "))
        .expect("a quotes row")
        .split_whitespace()
        .collect();
    assert_eq!(quotes, ["quotes", "1", "1", "1", "1.000", "1.000", "1.000"]);
    let p = load(&dir.path().join("p.ron"));
    assert_eq!(p.entities.len(), 1);
    assert_eq!(p.entities[0].name, "Angela Merkel");
}

#[test]
fn a_bad_brat_file_imports_nothing_and_names_every_error() {
    let dir = scratch();
    write(dir.path(), "brat/a.txt", TEXT);
    write(dir.path(), "brat/a.ann", ANN);
    write(dir.path(), "brat/b.txt", TEXT);
    write(
        dir.path(),
        "brat/b.ann",
        "T1\tPERSON 20 33\tAngela Merkle\nQ1\tsomething\n",
    );
    let run = gloss(dir.path(), &["import", "p.ron", "brat", "--format", "brat"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stdout, "");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{run:?}");
    assert!(
        lines[0].starts_with("gloss: brat/b.ann:1:17: T1: the text column \"Angela Merkle\""),
        "{run:?}"
    );
    assert!(
        lines[1].starts_with("gloss: brat/b.ann:2:1: \"Q1\" is not a brat annotation"),
        "{run:?}"
    );
    assert_eq!(
        lines[2],
        "gloss: nothing imported: 2 errors in the brat files (listed above); fix them and try again"
    );
    assert!(!dir.path().join("p.ron").exists(), "no half import");

    // Into an existing project: unchanged.
    assert_eq!(gloss(dir.path(), &["new", "q.ron"]).code, 0);
    let before = std::fs::read(dir.path().join("q.ron")).expect("q.ron");
    let run = gloss(dir.path(), &["import", "q.ron", "brat", "--format", "brat"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        std::fs::read(dir.path().join("q.ron")).expect("q.ron"),
        before
    );
}

#[test]
fn what_cannot_be_held_is_reported_the_rest_added_and_the_exit_is_one() {
    let dir = scratch();
    let text = "Bank of Japan and Bank of\nEngland.\n";
    write(dir.path(), "banks.txt", text);
    write(
        dir.path(),
        "banks.ann",
        "T1\tORG 0 4;8 13\tBank Japan\nT2\tORG 18 25;26 33\tBank of England\n",
    );
    let run = gloss(
        dir.path(),
        &["import", "p.ron", "banks.ann", "--format", "brat"],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("gloss: banks.ann:1: T1 (ORG) has fragments 0 4;8 13 with text between them"),
        "{run:?}"
    );
    assert!(run.stdout.contains("(1 annotation skipped)"), "{run:?}");
    let p = load(&dir.path().join("p.ron"));
    let d = &p.documents[0];
    assert_eq!(d.spans.len(), 1);
    assert_eq!(
        d.slice(d.spans[0].start, d.spans[0].end),
        "Bank of\nEngland"
    );

    // Importing again adds nothing and says why.
    let run = gloss(
        dir.path(),
        &["import", "p.ron", "banks.txt", "--format", "brat"],
    );
    assert!(run.stderr.contains("already in the project"), "{run:?}");
    assert!(run.stdout.starts_with("added 0 documents"), "{run:?}");
    assert_eq!(load(&dir.path().join("p.ron")).documents.len(), 1);
}

#[test]
fn eval_reports_documents_on_one_side_and_refuses_bad_input() {
    let dir = scratch();
    write(dir.path(), "gold/a.txt", TEXT);
    write(dir.path(), "gold/a.ann", ANN);
    write(dir.path(), "gold/b.txt", "Nothing here.\n");
    write(dir.path(), "gold/b.ann", "");
    write(dir.path(), "pred/a.txt", TEXT);
    write(dir.path(), "pred/a.ann", "T1\tPERSON 27 33\tMerkel\n");
    write(dir.path(), "pred/c.txt", "Other.\n");
    write(dir.path(), "pred/c.ann", "");
    let report = eval_json(dir.path(), &["gold", "pred"]);
    assert_eq!(report["documents"]["scored"], 1);
    assert_eq!(report["documents"]["only_in_gold"][0], "b");
    assert_eq!(report["documents"]["only_in_pred"][0], "c");
    // PERSON: gold 1, pred 1, overlapping but not exact.
    let person = &report["entities"]["labels"][0];
    assert_eq!(person["label"], "PERSON");
    assert_eq!(person["exact"]["tp"], 0);
    assert_eq!(person["overlap"]["tp"], 1);
    // A gold quote and none predicted: recall 0, precision undefined.
    assert_eq!(report["quotes"]["matched"]["recall"], 0.0);
    assert!(report["quotes"]["matched"]["precision"].is_null());

    let run = gloss(dir.path(), &["eval", "missing.ron", "gold"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.starts_with("gloss: missing.ron"), "{run:?}");
    let run = gloss(dir.path(), &["eval", "gold/b.ann", "pred/c.ann"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("share no document"), "{run:?}");
}
