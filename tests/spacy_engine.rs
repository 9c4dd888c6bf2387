//! The bundled spaCy engine (`engines/spacy_engine.py`) against spaCy itself: Gloss's
//! suggestions from `gloss suggest --spacy` are exactly spaCy's entities, mapped to the
//! project's labels.
//!
//! It needs spaCy, so it runs only when `$GLOSS_SPACY_CHECK` is set: `scripts/spacy_venv.sh`
//! then makes a virtual environment with spaCy from PyPI (in `$GLOSS_SPACY_VENV` when set,
//! kept for next time; otherwise a temporary one). The pipeline is a blank English one with an
//! entity ruler, saved to disk — nothing to download but spaCy. Without the variable the test
//! prints a note and passes, so CI without network still passes.

use std::path::{Path, PathBuf};
use std::process::Command;

use gloss::model::{DocId, Document, LabelSet, Project};

mod common;
use common::gloss;

/// Builds the pipeline, saves it, loads it back and writes what it finds in each text.
const BUILD: &str = r#"
import json, sys, spacy
patterns, model, texts, out = sys.argv[1:5]
nlp = spacy.blank("en")
ruler = nlp.add_pipe("entity_ruler")
with open(patterns, encoding="utf-8") as f:
    ruler.add_patterns(json.load(f))
nlp.to_disk(model)
nlp = spacy.load(model)
with open(texts, encoding="utf-8") as f:
    texts = json.load(f)
found = [[[e.start_char, e.end_char, e.label_] for e in nlp(t).ents] for t in texts]
with open(out, "w", encoding="utf-8") as f:
    json.dump(found, f)
"#;

const PATTERNS: &str = r#"[
  {"label": "PERSON", "pattern": "Zoë Brandt"},
  {"label": "PERSON", "pattern": [{"LOWER": "lena"}, {"LOWER": "ortiz"}]},
  {"label": "ORG", "pattern": "Harbour Council"},
  {"label": "GPE", "pattern": "Porto Vale"},
  {"label": "FAC", "pattern": "Tram Depot"},
  {"label": "DATE", "pattern": "Monday"}
]"#;

/// spaCy's labels as the project (PER, ORG, LOC) takes them; DATE it has no place for.
fn mapped(label: &str) -> Option<&'static str> {
    match label {
        "PERSON" => Some("PER"),
        "ORG" => Some("ORG"),
        "GPE" | "FAC" => Some("LOC"),
        _ => None,
    }
}

fn python_with_spacy(scratch: &Path) -> PathBuf {
    let venv = std::env::var_os("GLOSS_SPACY_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| scratch.join("venv"));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/spacy_venv.sh");
    let out = Command::new("bash")
        .arg(script)
        .arg(&venv)
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

#[test]
fn the_spacy_engine_gives_what_spacy_gives() {
    if std::env::var_os("GLOSS_SPACY_CHECK").is_none() {
        eprintln!(
            "note: skipped; set GLOSS_SPACY_CHECK=1 (and optionally GLOSS_SPACY_VENV=DIR to keep \
             the venv) to run the bundled spaCy engine with spaCy itself"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let python = python_with_spacy(dir.path());
    // Emoji and accents before the names, so code points, UTF-16 units and bytes all differ;
    // a text long enough to be run in pieces; one with nothing to find.
    let line = "Lena Ortiz told the Harbour Council that the Tram Depot in Porto Vale opens.\n";
    let long = format!("🗳️ Zoë Brandt wrote on Monday.\n{}", line.repeat(2_000));
    let texts = [
        "🗳️ Zoë Brandt of the Harbour Council met LENA ORTIZ in Porto Vale on Monday.\n\
         The Tram Depot reopened; Zoë Brandt said so.",
        long.as_str(),
        "Nothing to see here.",
    ];
    assert!(
        long.chars().count() > 100_000,
        "cut in pieces by the engine"
    );
    let mut p = Project::with_labels(
        "spacy",
        LabelSet::from_names(["PER", "ORG", "LOC"].map(String::from)),
    );
    for (i, t) in texts.iter().enumerate() {
        let id = i as u64 + 1;
        p.insert_document(Document::new(DocId(id), format!("d{id}"), *t));
    }
    gloss::io::project_file::save(&dir.path().join("p.ron"), &p).unwrap();

    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let build = write("build.py", BUILD);
    let patterns = write("patterns.json", PATTERNS);
    let texts_file = write("texts.json", &serde_json::to_string(&texts).unwrap());
    let model = dir.path().join("ruler-model");
    let expected_file = dir.path().join("expected.json");
    let out = Command::new(&python)
        .args([&build, &patterns, &model, &texts_file, &expected_file])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let spacy_found: Vec<Vec<(usize, usize, String)>> =
        serde_json::from_str(&std::fs::read_to_string(&expected_file).unwrap()).unwrap();
    let mut expected: Vec<(String, usize, usize, String)> = Vec::new();
    for (i, ents) in spacy_found.iter().enumerate() {
        for (s, e, label) in ents {
            if let Some(l) = mapped(label) {
                expected.push((format!("d{}", i + 1), *s, *e, l.to_string()));
            }
        }
    }
    assert!(expected.len() > 8_000, "{} entities", expected.len());
    assert!(
        spacy_found[0].iter().any(|e| e.2 == "DATE"),
        "DATE is found, then left out"
    );

    let model = model.to_string_lossy().into_owned();
    let python = python.to_string_lossy().into_owned();
    let args = [
        "suggest",
        "p.ron",
        "--spacy",
        &model,
        "--python",
        &python,
        "--engines",
        "spacy",
        "-o",
        "-",
    ];
    let run = gloss(dir.path(), &args);
    assert_eq!(run.code, 0, "{run:?}");
    let mut got: Vec<(String, usize, usize, String)> = run
        .stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert_eq!(v["engine"], "spacy", "{v}");
            (
                v["doc"].as_str().unwrap().to_string(),
                v["start"].as_u64().unwrap() as usize,
                v["end"].as_u64().unwrap() as usize,
                v["label"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    expected.sort();
    assert_eq!(got.len(), expected.len());
    assert_eq!(got, expected);
    // And the text of each is the name spaCy found, in code points.
    let first = texts[0]
        .chars()
        .skip(got[0].1)
        .take(got[0].2 - got[0].1)
        .collect::<String>();
    assert_eq!(first, "Zoë Brandt");
}
