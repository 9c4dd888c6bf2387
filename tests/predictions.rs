//! Predictions as suggestions (issue 15, items 3 and 4): another tool's predictions imported
//! with `--as-suggestions` are stored in the project, survive reopening, are reviewed and
//! accepted like any suggestion (the span remembering its engine), counted by `gloss stats`,
//! and written back out with `--with-suggestions` as Label Studio predictions and Prodigy spans.

use std::path::Path;

use gloss::app::command::Command;
use gloss::app::review::{self, Acceptor};
use gloss::io::project_file;
use gloss::model::{Origin, Predicted, Project, Suggestion};
use serde_json::Value;

mod common;
use common::{gloss, scratch};

const TEXT: &str = "Zorblat Quint met 😀 Vexa Trell in Qarnath.";

/// A project with one document and every built-in engine off, so only predictions suggest.
fn project(dir: &Path) {
    std::fs::write(dir.join("story.txt"), TEXT).unwrap();
    let r = gloss(dir, &["new", "p.ron", "--labels", "PER,LOC"]);
    assert_eq!(r.code, 0, "{r:?}");
    let r = gloss(dir, &["import", "p.ron", "story.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    let mut p = project_file::load(&dir.join("p.ron")).unwrap();
    p.matcher.gazetteer = false;
    p.matcher.learned = false;
    p.matcher.rules = false;
    p.matcher.quotes = false;
    p.matcher.model = false;
    project_file::save(&dir.join("p.ron"), &p).unwrap();
}

fn load(dir: &Path) -> Project {
    project_file::load(&dir.join("p.ron")).unwrap()
}

/// Every pending suggestion of the project, by the app layer's pipeline.
fn suggestions(p: &Project) -> Vec<Suggestion> {
    let (found, _) = review::suggest_project(p, &[], Default::default(), |_, _| {});
    found.into_iter().flat_map(|(_, s)| s).collect()
}

/// Label Studio offsets are UTF-16 units: the emoji counts two.
const LS: &str = r#"[{"id": 1, "data": {"text": "Zorblat Quint met 😀 Vexa Trell in Qarnath."},
  "predictions": [{"model_version": "my-ner-v1", "score": 0.7, "result": [
    {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
     "value": {"start": 0, "end": 13, "text": "Zorblat Quint", "labels": ["PER"]}, "score": 0.9},
    {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
     "value": {"start": 21, "end": 31, "text": "Vexa Trell", "labels": ["PER"]}}]}]}]"#;

/// The project, with [`LS`] imported as suggestions through the command line.
fn import_label_studio_predictions(d: &Path) -> common::Run {
    project(d);
    std::fs::write(d.join("preds.json"), LS).unwrap();
    gloss(
        d,
        &[
            "import",
            "p.ron",
            "preds.json",
            "--format",
            "label-studio",
            "--as-suggestions",
        ],
    )
}

#[test]
fn label_studio_predictions_are_stored_reviewed_and_accepted_with_their_engine() {
    let dir = scratch();
    let d = dir.path();
    let r = import_label_studio_predictions(d);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stdout.contains("imported 2 suggestions from my-ner-v1"),
        "{r:?}"
    );

    // Stored, and read back after reopening.
    let p = load(d);
    assert_eq!(
        p.documents.len(),
        1,
        "matched to the document of the same text"
    );
    let stored = &p.documents[0].predictions;
    assert_eq!(stored.len(), 2);
    assert!(matches!(
        &stored[1].what,
        Predicted::Span {
            start: 20,
            end: 30,
            ..
        }
    ));
    assert!((stored[0].score - 0.9).abs() < 1e-6);
    assert!(
        (stored[1].score - 0.7).abs() < 1e-6,
        "the prediction's score"
    );

    let found = suggestions(&p);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|s| s.engine.as_str() == "my-ner-v1"));
    assert_eq!(found[0].range(), (0, 13));

    let r = gloss(d, &["stats", "p.ron"]);
    assert!(
        r.stdout.contains("suggestions  2 (imported: my-ner-v1)"),
        "{r:?}"
    );

    // Accept the first via the app layer: a span whose origin names the engine.
    let mut p = p;
    let mut acc = Acceptor::new(&p);
    acc.accept(&p.documents[0], &found[0], None);
    let cmd: Command = acc.finish("accept".into()).unwrap();
    cmd.apply(&mut p).unwrap();
    let span = &p.documents[0].spans[0];
    assert_eq!((span.start, span.end, span.label.as_str()), (0, 13, "PER"));
    match &span.origin {
        Origin::Suggested { engine, score, .. } => {
            assert_eq!(engine.as_str(), "my-ner-v1");
            assert!((score - 0.9).abs() < 1e-6);
        }
        o => panic!("origin {o:?}"),
    }
    // Hidden once accepted; the other still pending.
    let left = suggestions(&p);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].range(), (20, 30));
}

#[test]
fn the_import_is_one_undoable_step() {
    let dir = scratch();
    let d = dir.path();
    project(d);
    std::fs::write(d.join("preds.json"), LS).unwrap();
    let mut p = load(d);
    let before = p.clone();
    let i = gloss::app::predictions::import_as_suggestions(
        gloss::app::formats::ImportFormat::LabelStudio,
        &[d.join("preds.json")],
        &p,
        &Default::default(),
    )
    .unwrap();
    let undo = i.command.unwrap().apply(&mut p).unwrap();
    assert_eq!(p.documents[0].predictions.len(), 2);
    undo.apply(&mut p).unwrap();
    assert_eq!(p, before);
}

#[test]
fn an_older_project_file_without_predictions_loads() {
    let dir = scratch();
    let old = r##"(schema: 1, name: "old", labels: [(name: "PER", color: "#ff0000", key: Some('1'))],
        documents: [(id: 1, name: "a", text: "Ana met Bo.", spans: [], quotes: [])])"##;
    std::fs::write(dir.path().join("old.ron"), old).unwrap();
    let p = project_file::load(&dir.path().join("old.ron")).unwrap();
    assert!(p.documents[0].predictions.is_empty());
    // Written back without the field, and read back with it when there are some.
    let text = project_file::to_ron(&p);
    assert!(!text.contains("predictions"));
}

/// Import `file` in `format` as suggestions; the engines and (start, end, label) found.
fn import_as(d: &Path, file: &str, format: &str) -> Vec<(String, usize, usize, String)> {
    let r = gloss(
        d,
        &[
            "import",
            "p.ron",
            file,
            "--format",
            format,
            "--as-suggestions",
        ],
    );
    assert_eq!(r.code, 0, "{format}: {r:?}");
    let p = load(d);
    p.documents
        .iter()
        .flat_map(|doc| &doc.predictions)
        .filter_map(|x| match &x.what {
            Predicted::Span { start, end, label } => {
                Some((x.engine.as_str().to_string(), *start, *end, label.clone()))
            }
            Predicted::Quote { .. } => None,
        })
        .collect()
}

#[test]
fn every_format_reads_as_suggestions() {
    let text = serde_json::to_string(TEXT).unwrap();
    let files = [
        (
            "jsonl",
            "ner.jsonl",
            format!(
                r#"{{"doc": "story", "text": {text}, "entities": [{{"start": 0, "end": 13, "label": "PER"}}]}}"#
            ),
        ),
        (
            "doccano",
            "ner.jsonl",
            format!(r#"{{"text": {text}, "label": [[0, 13, "PER"]]}}"#),
        ),
        (
            "prodigy",
            "ner.jsonl",
            format!(r#"{{"text": {text}, "spans": [{{"start": 0, "end": 13, "label": "PER"}}]}}"#),
        ),
    ];
    for (format, name, body) in files {
        let dir = scratch();
        let d = dir.path();
        project(d);
        std::fs::write(d.join(name), body).unwrap();
        let got = import_as(d, name, format);
        assert_eq!(got, vec![("ner".into(), 0, 13, "PER".into())], "{format}");
        assert_eq!(load(d).documents.len(), 1, "{format}: matched, not added");
    }
    // spaCy and brat files are written by Gloss from a project annotated by hand.
    for (format, out) in [("spacy", "model.spacy"), ("brat", "model")] {
        let dir = scratch();
        let d = dir.path();
        project(d);
        let other = d.join("other");
        std::fs::create_dir(&other).unwrap();
        std::fs::copy(d.join("p.ron"), other.join("p.ron")).unwrap();
        let mut q = project_file::load(&other.join("p.ron")).unwrap();
        let doc = &mut q.documents[0];
        let span = gloss::model::Span::new(
            doc.next_span_id(),
            gloss::model::CharRange::new(35, 42),
            "LOC",
        );
        doc.spans.push(span);
        project_file::save(&other.join("p.ron"), &q).unwrap();
        let target = d.join(out);
        let r = gloss(
            &other,
            &[
                "export",
                "p.ron",
                "--format",
                format,
                "-o",
                target.to_str().unwrap(),
            ],
        );
        assert_eq!(r.code, 0, "{r:?}");
        let got = import_as(d, out, format);
        assert_eq!(
            got,
            vec![("model".into(), 35, 42, "LOC".into())],
            "{format}"
        );
    }
}

#[test]
fn suggestions_export_as_label_studio_predictions_and_prodigy_spans() {
    let dir = scratch();
    let d = dir.path();
    let r = import_label_studio_predictions(d);
    assert_eq!(r.code, 0, "{r:?}");
    // One rejected: not pending, not exported.
    let mut p = load(d);
    let found = suggestions(&p);
    let reject = review::reject(&p.documents[0], &found[1], false);
    reject.apply(&mut p).unwrap();
    project_file::save(&d.join("p.ron"), &p).unwrap();

    let r = gloss(
        d,
        &[
            "export",
            "p.ron",
            "--format",
            "label-studio",
            "--with-suggestions",
            "-o",
            "out.json",
        ],
    );
    assert_eq!(r.code, 0, "{r:?}");
    let tasks: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("out.json")).unwrap()).unwrap();
    let pred = &tasks[0]["predictions"][0];
    assert_eq!(pred["model_version"], "my-ner-v1");
    let result = pred["result"].as_array().unwrap();
    assert_eq!(result.len(), 1, "{pred}");
    assert_eq!(result[0]["type"], "labels");
    assert_eq!(result[0]["value"]["start"], 0);
    assert_eq!(result[0]["value"]["end"], 13);
    assert_eq!(result[0]["value"]["labels"][0], "PER");
    assert!((result[0]["score"].as_f64().unwrap() - 0.9).abs() < 1e-6);

    // Round trip: the export read back as suggestions gives the same ones.
    let again = scratch();
    project(again.path());
    std::fs::copy(d.join("out.json"), again.path().join("out.json")).unwrap();
    let r = gloss(
        again.path(),
        &[
            "import",
            "p.ron",
            "out.json",
            "--format",
            "label-studio",
            "--as-suggestions",
        ],
    );
    assert_eq!(r.code, 0, "{r:?}");
    let back = &load(again.path()).documents[0].predictions;
    assert_eq!(back.as_slice(), &p.documents[0].predictions[..1]);

    let r = gloss(
        d,
        &[
            "export",
            "p.ron",
            "--format",
            "prodigy",
            "--with-suggestions",
            "-o",
            "out.jsonl",
        ],
    );
    assert_eq!(r.code, 0, "{r:?}");
    let line = std::fs::read_to_string(d.join("out.jsonl")).unwrap();
    let task: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    let spans = task["spans"].as_array().unwrap();
    assert_eq!(spans.len(), 1, "{task}");
    assert_eq!(spans[0]["start"], 0);
    assert_eq!(spans[0]["end"], 13);
    assert_eq!(spans[0]["source"], "my-ner-v1");
    assert_eq!(spans[0]["token_start"], 0);
    assert_eq!(spans[0]["token_end"], 1);
    assert_eq!(task["meta"]["suggested_by"], "my-ner-v1");

    let r = gloss(
        d,
        &[
            "export",
            "p.ron",
            "--format",
            "conll",
            "--with-suggestions",
            "-o",
            "x.conll",
        ],
    );
    assert_ne!(r.code, 0, "{r:?}");
    assert!(r.stderr.contains("label-studio or prodigy"), "{r:?}");
}
