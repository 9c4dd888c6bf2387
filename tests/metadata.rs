//! Document metadata in and out through the command line (issue 14, items 8 and 11): CSV and
//! TSV import with the other columns as metadata, and JSONL → format → JSONL round trips that
//! keep it wherever the format has a place for it.

use std::path::Path;

use serde_json::Value;

mod common;
use common::{gloss, scratch};

/// The JSONL lines of `file` in `dir`.
fn lines(dir: &Path, file: &str) -> Vec<Value> {
    std::fs::read_to_string(dir.join(file))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ok(dir: &Path, args: &[&str]) {
    let run = gloss(dir, args);
    assert_eq!(run.code, 0, "{args:?}: {run:?}");
}

#[test]
fn csv_import_names_documents_and_keeps_other_columns_as_meta() {
    let dir = scratch();
    let d = dir.path();
    std::fs::write(
        d.join("news.csv"),
        "id,outlet,date,url,text\r\n\
         art-1,Daily Planet,2025-03-01,https://example.org/1,\"Angela Merkel met Emmanuel Macron in Paris.\n\n\u{201c}We agree,\u{201d} Merkel said.\"\r\n\
         art-2,\"The Sun, Inc.\",2025-03-02,https://example.org/2,\"Boris Johnson, the prime minister, spoke in London; \"\"no deal\"\", he said.\"\r\n",
    )
    .unwrap();
    ok(
        d,
        &[
            "import",
            "c.ron",
            "news.csv",
            "--format",
            "csv",
            "--text-column",
            "text",
            "--name-column",
            "id",
        ],
    );
    ok(
        d,
        &["export", "c.ron", "--format", "jsonl", "-o", "c.jsonl"],
    );
    let docs = lines(d, "c.jsonl");
    let names: Vec<&str> = docs.iter().map(|x| x["doc"].as_str().unwrap()).collect();
    assert_eq!(names, ["art-1", "art-2"]);
    assert!(
        docs[1]["text"]
            .as_str()
            .unwrap()
            .starts_with("Boris Johnson, the prime minister")
    );
    assert_eq!(
        docs[1]["meta"],
        serde_json::json!({"date": "2025-03-02", "outlet": "The Sun, Inc.", "url": "https://example.org/2"})
    );

    // A missing column names the file and lists the header; nothing is added.
    let run = gloss(
        d,
        &[
            "import",
            "e.ron",
            "news.csv",
            "--format",
            "csv",
            "--text-column",
            "body",
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains(
            "news.csv:1:1: no column \"body\" for the text; the header's columns are \"id\", \"outlet\", \"date\", \"url\", \"text\""
        ),
        "{run:?}"
    );
    // CSV options belong to CSV: an explicit --format wins over the .csv extension.
    let run = gloss(
        d,
        &[
            "import",
            "e.ron",
            "news.csv",
            "--format",
            "txt",
            "--text-column",
            "text",
        ],
    );
    assert_ne!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("--format csv or tsv"), "{run:?}");
}

#[test]
fn tsv_semicolons_and_empty_texts() {
    let dir = scratch();
    let d = dir.path();
    std::fs::write(
        d.join("a.txt"),
        "text\tsection\nOne, two; three.\tworld\n\tsport\n",
    )
    .unwrap();
    let run = gloss(d, &["import", "t.ron", "a.txt", "--format", "tsv"]);
    // The empty row is reported as skipped, naming file and line; the other is added.
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("a.txt:3: row 2: the text column \"text\" is empty; not imported"),
        "{run:?}"
    );
    ok(
        d,
        &["export", "t.ron", "--format", "jsonl", "-o", "t.jsonl"],
    );
    let docs = lines(d, "t.jsonl");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["text"], "One, two; three.");
    assert_eq!(docs[0]["doc"], "a-1");
    assert_eq!(docs[0]["meta"]["section"], "world");

    std::fs::write(
        d.join("b.csv"),
        "\u{feff}Titel;Inhalt\nA;Satz, mit Komma.\n",
    )
    .unwrap();
    ok(
        d,
        &[
            "import",
            "s.ron",
            "b.csv",
            "--format",
            "csv",
            "--text-column",
            "inhalt",
        ],
    );
    ok(
        d,
        &["export", "s.ron", "--format", "jsonl", "-o", "s.jsonl"],
    );
    let docs = lines(d, "s.jsonl");
    assert_eq!(docs[0]["text"], "Satz, mit Komma.");
    assert_eq!(docs[0]["meta"]["Titel"], "A");
}

/// Import `source.jsonl`, export it in `format` to `out`, import that into a new project and
/// export JSONL again: the lines' `meta`.
fn meta_after_trip(d: &Path, format: &str, out: &str) -> Vec<Value> {
    let p1 = format!("{format}-1.ron");
    let p2 = format!("{format}-2.ron");
    let back = format!("{format}-back.jsonl");
    ok(d, &["import", &p1, "source.jsonl", "--format", "jsonl"]);
    ok(d, &["export", &p1, "--format", format, "-o", out]);
    ok(d, &["import", &p2, out, "--format", format]);
    ok(d, &["export", &p2, "--format", "jsonl", "-o", &back]);
    lines(d, &back)
        .into_iter()
        .map(|l| l.get("meta").cloned().unwrap_or(Value::Null))
        .collect()
}

#[test]
fn jsonl_to_each_format_and_back_keeps_meta() {
    let dir = scratch();
    let d = dir.path();
    let meta = serde_json::json!({"date": "2025-03-01", "outlet": "Le Monde", "url": "https://example.org/a?x=1&y=\u{201c}2\u{201d}"});
    let source = format!(
        "{}\n{}\n",
        serde_json::json!({"doc": "a", "text": "Emmanuel Macron spoke.", "status": "done", "meta": meta,
            "entities": [{"start": 0, "end": 15, "label": "PERSON", "entity": null}], "quotes": []}),
        serde_json::json!({"doc": "b", "text": "No metadata here.", "entities": [], "quotes": []}),
    );
    std::fs::write(d.join("source.jsonl"), source).unwrap();
    for (format, out) in [
        ("jsonl", "out.jsonl"),
        ("doccano", "out-doccano.jsonl"),
        ("label-studio", "out-ls.json"),
        ("prodigy", "out-prodigy.jsonl"),
        ("brat", "out-brat"),
    ] {
        let metas = meta_after_trip(d, format, out);
        assert_eq!(metas, [meta.clone(), Value::Null], "{format}");
    }
    assert!(d.join("out-brat/a.meta.json").is_file());
    assert!(!d.join("out-brat/b.meta.json").exists());
}
