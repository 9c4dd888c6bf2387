//! Document categories and attributes through the command line (issue 17, items 4–6): JSONL →
//! each format → JSONL round trips that keep what the format carries, the quotes CSV's speaker
//! attribute columns, `gloss stats`' tables and `gloss agree`'s kappa per scheme.

use std::path::Path;

use serde_json::{Value, json};

mod common;
use common::{gloss, scratch};

fn ok(dir: &Path, args: &[&str]) -> String {
    let run = gloss(dir, args);
    assert_eq!(run.code, 0, "{args:?}: {run:?}");
    run.stdout
}

fn lines(dir: &Path, file: &str) -> Vec<Value> {
    std::fs::read_to_string(dir.join(file))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const TEXT: &str = "Ana Ruiz said the plan would work. Bo Lind disagreed.";

/// Two documents: topics, a speaker's gender, a span's role, a quote's stance.
fn source(d: &Path) {
    let first = json!({
        "doc": "a", "text": TEXT, "status": "done",
        "categories": {"topic": ["politics"], "frame": ["conflict", "economy"]},
        "entity_attributes": {"Ana Ruiz": {"gender": "female"}},
        "entities": [
            {"start": 0, "end": 8, "label": "PERSON", "entity": "Ana Ruiz", "attributes": {"role": "mayor"}},
            {"start": 35, "end": 42, "label": "PERSON", "entity": "Bo Lind"}
        ],
        "quotes": [
            {"kind": "indirect", "content": [[14, 33]], "cue": [9, 13], "speaker": [0, 8],
             "speaker_entity": "Ana Ruiz", "attributes": {"stance": "for"}}
        ]
    });
    let second = json!({"doc": "b", "text": "Nothing here.", "categories": {"topic": ["sport"]},
                        "entities": [], "quotes": []});
    std::fs::write(d.join("source.jsonl"), format!("{first}\n{second}\n")).unwrap();
}

/// Import the source, export in `format`, import that into a new project, export JSONL.
fn after_trip(d: &Path, format: &str, out: &str) -> Vec<Value> {
    let (p1, p2, back) = (
        format!("{format}-1.ron"),
        format!("{format}-2.ron"),
        format!("{format}-back.jsonl"),
    );
    ok(d, &["import", &p1, "source.jsonl", "--format", "jsonl"]);
    ok(d, &["export", &p1, "--format", format, "-o", out]);
    ok(d, &["import", &p2, out, "--format", format]);
    ok(d, &["export", &p2, "--format", "jsonl", "-o", &back]);
    let mut docs = lines(d, &back);
    docs.sort_by_key(|x| x["doc"].as_str().unwrap_or_default().to_string());
    docs
}

#[test]
fn jsonl_to_each_format_and_back_keeps_categories_and_attributes_it_can_carry() {
    let dir = scratch();
    let d = dir.path();
    source(d);
    let categories = json!({"frame": ["conflict", "economy"], "topic": ["politics"]});
    // (format, file, span and quote attributes travel, entity attributes travel)
    for (format, out, items, entities) in [
        ("jsonl", "out.jsonl", true, true),
        ("spacy", "out.spacy", true, true),
        ("label-studio", "out-ls.json", true, false),
        ("brat", "out-brat", true, false),
        ("doccano", "out-doccano.jsonl", false, false),
        ("prodigy", "out-prodigy.jsonl", false, false),
    ] {
        let docs = after_trip(d, format, out);
        assert_eq!(docs[0]["categories"], categories, "{format}");
        assert_eq!(
            docs[1]["categories"],
            json!({"topic": ["sport"]}),
            "{format}"
        );
        let role = &docs[0]["entities"][0]["attributes"];
        let stance = &docs[0]["quotes"][0]["attributes"];
        let gender = &docs[0]["entity_attributes"];
        if items {
            assert_eq!(*role, json!({"role": "mayor"}), "{format}");
            assert_eq!(*stance, json!({"stance": "for"}), "{format}");
        } else {
            assert!(role.is_null() && stance.is_null(), "{format}");
        }
        if entities {
            assert_eq!(
                *gender,
                json!({"Ana Ruiz": {"gender": "female"}}),
                "{format}"
            );
        } else {
            assert!(gender.is_null(), "{format}");
        }
    }
    // The JSONL trip defines the schemes and attributes in the new project.
    let project = std::fs::read_to_string(d.join("jsonl-2.ron")).unwrap();
    for part in ["schemes", "\"topic\"", "multiple: true", "\"gender\""] {
        assert!(project.contains(part), "{part}: {project}");
    }
}

#[test]
fn quotes_csv_stats_and_spacy_cats() {
    let dir = scratch();
    let d = dir.path();
    source(d);
    ok(d, &["import", "p.ron", "source.jsonl", "--format", "jsonl"]);
    ok(
        d,
        &["export", "p.ron", "--format", "quotes-csv", "-o", "q.csv"],
    );
    let csv = std::fs::read_to_string(d.join("q.csv")).unwrap();
    let mut rows = csv.lines();
    let header = rows.next().unwrap();
    assert!(header.ends_with(",speaker_gender,quote_stance"), "{header}");
    assert!(rows.next().unwrap().ends_with(",female,for"), "{csv}");

    let stats = ok(d, &["stats", "p.ron"]);
    for part in [
        "documents by topic",
        "politics",
        "quotes by speaker gender",
        "female",
        "quotes by speaker gender, per document",
        "quotes by quote stance",
    ] {
        assert!(stats.contains(part), "{part}: {stats}");
    }
}

#[test]
fn agree_prints_kappa_and_alpha_per_category_scheme() {
    let dir = scratch();
    let d = dir.path();
    // Four documents; the annotators agree on three topics out of four.
    let doc = |name: &str, topic: &str| {
        json!({"doc": name, "text": format!("Text {name}."), "categories": {"topic": [topic]},
               "entities": [], "quotes": []})
    };
    let a = ["politics", "sport", "politics", "sport"];
    let b = ["politics", "sport", "sport", "sport"];
    for (file, topics) in [("a.jsonl", a), ("b.jsonl", b)] {
        let text: Vec<String> = topics
            .iter()
            .enumerate()
            .map(|(i, t)| doc(&format!("d{i}"), t).to_string())
            .collect();
        std::fs::write(d.join(file), text.join("\n")).unwrap();
    }
    ok(d, &["import", "a.ron", "a.jsonl", "--format", "jsonl"]);
    ok(d, &["import", "b.ron", "b.jsonl", "--format", "jsonl"]);
    let out = ok(d, &["agree", "a.ron", "b.ron"]);
    assert!(out.contains("Document categories per scheme"), "{out}");
    // A: P S P S, B: P S S S. p_o = 3/4; A's margins P 2, S 2; B's P 1, S 3;
    // p_e = (2·1 + 2·3)/16 = 1/2; κ = (3/4 − 1/2)/(1/2) = 0.5.
    let row = out
        .lines()
        .find(|l| l.starts_with("topic"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(row.contains("3/4") && row.contains("0.500"), "{row}");
}
