//! Rows of the bad input table about exports and suggestions: document names too long for a
//! file name once encoded (100 CJK characters, 120 emoji) in every format that writes a folder,
//! `--per-document` for jsonl and quotes CSV, renamed files reported as renamed (not as left
//! out), and `suggest --accept-all` on a project whose label set lacks what the lists find.
//! Each failed before the fix it guards.

use super::*;

/// Every format `gloss export` writes, with how many files one document becomes.
const FORMATS: &[(&str, usize)] = &[
    ("brat", 2),
    ("jsonl", 1),
    ("doccano", 1),
    ("spacy", 1),
    ("conll", 1),
    ("label-studio", 1),
    ("prodigy", 1),
    ("quotes-csv", 1),
    ("citron", 1),
];

/// A JSONL line for `gloss import --format jsonl`: a document with one span and one quote.
fn line(name: &str, text: &str) -> String {
    // "Ana Ruiz" at 0..8; the quote's content after the opening mark, up to its comma.
    serde_json::json!({
        "doc": name,
        "text": text,
        "entities": [{"start": 0, "end": 8, "label": "PERSON", "entity": "Ana Ruiz"}],
        "quotes": [{"kind": "direct", "content": [[18, 35]], "cue": [37, 41], "speaker": [0, 8],
                    "speaker_entity": "Ana Ruiz"}],
    })
    .to_string()
}

/// A project `p.ron` in `dir` holding one document per name (each its own text).
fn project_with(dir: &Path, names: &[&str]) {
    let lines: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            line(
                n,
                &format!("Ana Ruiz told us “the bridge opens,” said Ruiz on day {i}."),
            )
        })
        .collect();
    write(dir, "docs.jsonl", (lines.join("\n") + "\n").as_bytes());
    let run = gloss(dir, &["new", "p.ron"]);
    assert_eq!(run.code, 0, "{run:?}");
    let run = gloss(dir, &["import", "p.ron", "docs.jsonl", "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{run:?}");
}

/// The names of the files in `dir`.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// No document's new file name is reported as something left out (as it once was:
/// `left out: document "a/b" is written as "a_b": file names must be safe and unique`).
fn assert_no_rename_left_out(run: &Run) {
    assert!(
        !run.stderr
            .lines()
            .any(|l| l.starts_with("gloss: left out:") && l.contains("file names must")),
        "{run:?}"
    );
}

#[test]
fn names_too_long_for_a_file_name_export_in_every_folder_format() {
    let dir = scratch();
    let cjk = "東京の橋".repeat(25); // 100 characters, 300 bytes
    let emoji = "🌉".repeat(120); // 480 bytes
    let names = [cjk.as_str(), cjk.as_str(), emoji.as_str(), "short"];
    project_with(dir.path(), &names);
    for (format, per_doc) in FORMATS {
        let out = format!("out-{format}");
        let run = gloss(
            dir.path(),
            &[
                "export",
                "p.ron",
                "--format",
                format,
                "-o",
                &out,
                "--per-document",
            ],
        );
        assert_eq!(run.code, 0, "{format}: {run:?}");
        let files = files_in(&dir.path().join(&out));
        let extra = usize::from(*format == "brat"); // annotation.conf
        assert_eq!(
            files.len(),
            names.len() * per_doc + extra,
            "{format}: {files:?}"
        );
        for f in &files {
            assert!(f.len() <= 255, "{format}: {} bytes: {f}", f.len());
        }
        // Cut names stay unique: the second copy of the long name got a suffix.
        assert!(
            files.iter().any(|f| f.contains("-2.")),
            "{format}: {files:?}"
        );
        assert!(
            files.iter().any(|f| f.starts_with("🌉")),
            "{format}: {files:?}"
        );
        // The three long names were renamed, and said so; nothing was left out for it.
        assert_eq!(
            run.stderr.matches("gloss: renamed: ").count(),
            3,
            "{format}: {run:?}"
        );
        assert_no_rename_left_out(&run);
    }
    // brat is a folder without --per-document too.
    let run = gloss(
        dir.path(),
        &["export", "p.ron", "--format", "brat", "-o", "brat-plain"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(files_in(&dir.path().join("brat-plain")).len(), 9);
}

#[test]
fn per_document_writes_one_file_per_document_for_jsonl_and_quotes_csv() {
    let dir = scratch();
    project_with(dir.path(), &["north", "south", "east"]);
    let run = gloss(
        dir.path(),
        &[
            "export",
            "p.ron",
            "--format",
            "jsonl",
            "-o",
            "j",
            "--per-document",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let j = dir.path().join("j");
    assert!(j.is_dir(), "a folder, not one file: {run:?}");
    assert_eq!(files_in(&j), ["east.jsonl", "north.jsonl", "south.jsonl"]);
    for name in ["north", "south", "east"] {
        let text = std::fs::read_to_string(j.join(format!("{name}.jsonl"))).unwrap();
        assert_eq!(text.lines().count(), 1, "{text}");
        let v: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
        assert_eq!(v["doc"], name);
        assert_eq!(v["entities"][0]["label"], "PERSON");
    }

    let run = gloss(
        dir.path(),
        &[
            "export",
            "p.ron",
            "--format",
            "quotes-csv",
            "-o",
            "q",
            "--per-document",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let q = dir.path().join("q");
    assert_eq!(files_in(&q), ["east.csv", "north.csv", "south.csv"]);
    for name in ["north", "south", "east"] {
        let text = std::fs::read_to_string(q.join(format!("{name}.csv"))).unwrap();
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), 2, "a header and this document's quote: {text}");
        assert!(rows[0].starts_with("document,"), "{text}");
        assert!(
            rows[1].starts_with(&format!("{name},Ana Ruiz,Ana Ruiz,said,direct,")),
            "{text}"
        );
    }
    // The files read back: the jsonl folder imports as the three documents.
    let run = gloss(dir.path(), &["new", "back.ron"]);
    assert_eq!(run.code, 0, "{run:?}");
    let run = gloss(
        dir.path(),
        &["import", "back.ron", "j", "--format", "jsonl"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("added 3 documents"), "{run:?}");
}

#[test]
fn renamed_files_are_reported_as_renamed_not_left_out() {
    let dir = scratch();
    project_with(dir.path(), &["a/b", "A_b", "plain"]);
    for (format, ext) in [("conll", "conll"), ("jsonl", "jsonl")] {
        let out = format!("out-{format}");
        let run = gloss(
            dir.path(),
            &[
                "export",
                "p.ron",
                "--format",
                format,
                "-o",
                &out,
                "--per-document",
            ],
        );
        assert_eq!(run.code, 0, "{run:?}");
        assert!(
            run.stderr
                .contains(&format!("gloss: renamed: \"a/b\" → a_b.{ext}\n")),
            "{run:?}"
        );
        assert!(
            run.stderr
                .contains(&format!("gloss: renamed: \"A_b\" → A_b-2.{ext}\n")),
            "{run:?}"
        );
        assert!(!run.stderr.contains("plain"), "{run:?}");
        assert_no_rename_left_out(&run);
        assert!(
            run.stdout.contains("2 files renamed: \"a/b\" → a_b."),
            "{run:?}"
        );
        assert!(
            !run.stdout.contains("file names must"),
            "a rename is not something left out: {run:?}"
        );
    }
    let run = gloss(
        dir.path(),
        &["export", "p.ron", "--format", "brat", "-o", "b"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("gloss: renamed: \"a/b\" → a_b.txt and a_b.ann\n"),
        "{run:?}"
    );
    assert_no_rename_left_out(&run);
}

#[test]
fn accept_all_suggests_only_the_projects_labels() {
    let dir = scratch();
    let run = gloss(dir.path(), &["new", "x.ron", "--labels", "PERSON,ORG"]);
    assert_eq!(run.code, 0, "{run:?}");
    write(
        dir.path(),
        "harbour.txt",
        "Delegates of the United Nations met Maria Lopez in Portugal on Monday.\n\
         “The harbour will reopen,” she said after the talks in Lisbon.\n"
            .as_bytes(),
    );
    let run = gloss(dir.path(), &["import", "x.ron", "harbour.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    let run = gloss(dir.path(), &["suggest", "x.ron", "--accept-all"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("accepted "), "{run:?}");
    assert!(!run.stdout.starts_with("accepted 0 "), "{run:?}");
    let run = gloss(
        dir.path(),
        &["export", "x.ron", "--format", "jsonl", "-o", "-"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let v: serde_json::Value = serde_json::from_str(run.stdout.trim_end()).unwrap();
    let labels: Vec<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"ORG") && labels.contains(&"PERSON"),
        "{labels:?}"
    );
    assert!(
        labels.iter().all(|l| *l == "PERSON" || *l == "ORG"),
        "{labels:?}"
    );
    // The quote came in with its speaker, a PERSON mention.
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1, "{v}");
    assert!(!quotes[0]["speaker"].is_null(), "{v}");
}
