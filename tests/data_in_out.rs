//! Data in and out as the real tools write and read it (issue 14): all-caps names through
//! doccano, Label Studio and Prodigy import, brat's own line shapes, the Citron export as
//! Citron reads it, the import help naming the formats, one annotator's Label Studio
//! annotations or every annotator's into a project each, and the format chosen by extension.

use std::path::Path;

mod common;
use common::{gloss, scratch};

const US: &str = "US troops left. The US said no.";

/// Import `file` (holding `body`) in `format`, export CoNLL and count its B-GPE tags.
fn b_gpe_after_import(dir: &Path, format: &str, file: &str, body: &str) -> usize {
    std::fs::write(dir.join(file), body).unwrap();
    let project = format!("{format}.ron");
    let run = gloss(dir, &["import", &project, file, "--format", format]);
    assert_eq!(run.code, 0, "{format} import: {run:?}");
    let conll = format!("{format}.conll");
    let run = gloss(
        dir,
        &["export", &project, "--format", "conll", "-o", &conll],
    );
    assert_eq!(run.code, 0, "conll export after {format}: {run:?}");
    let text = std::fs::read_to_string(dir.join(&conll)).unwrap();
    text.lines().filter(|l| l.ends_with("B-GPE")).count()
}

#[test]
fn all_caps_names_that_spell_pronouns_stay_names_on_import() {
    let dir = scratch();
    let doccano =
        format!("{{\"text\": \"{US}\", \"label\": [[0, 2, \"GPE\"], [20, 22, \"GPE\"]]}}\n");
    assert_eq!(
        b_gpe_after_import(dir.path(), "doccano", "us.jsonl", &doccano),
        2
    );
    let result = |id: &str, s: usize, e: usize| {
        format!(
            "{{\"id\": \"{id}\", \"type\": \"labels\", \"from_name\": \"label\", \"to_name\": \"text\", \
\"value\": {{\"start\": {s}, \"end\": {e}, \"text\": \"US\", \"labels\": [\"GPE\"]}}}}"
        )
    };
    let ls = format!(
        "[{{\"id\": 1, \"data\": {{\"text\": \"{US}\"}}, \"annotations\": [{{\"result\": [{}, {}]}}]}}]",
        result("a", 0, 2),
        result("b", 20, 22)
    );
    assert_eq!(
        b_gpe_after_import(dir.path(), "label-studio", "us.json", &ls),
        2
    );
    let prodigy = format!(
        "{{\"text\": \"{US}\", \"spans\": [{{\"start\": 0, \"end\": 2, \"label\": \"GPE\"}}, \
{{\"start\": 20, \"end\": 22, \"label\": \"GPE\"}}], \"answer\": \"accept\"}}\n"
    );
    assert_eq!(
        b_gpe_after_import(dir.path(), "prodigy", "us_p.jsonl", &prodigy),
        2
    );
}

#[test]
fn import_help_lists_the_formats_it_reads() {
    let dir = scratch();
    let run = gloss(dir.path(), &["import", "--help"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!run.stdout.contains("so far"), "{}", run.stdout);
    for format in [
        "txt",
        "jsonl",
        "brat",
        "doccano",
        "conll",
        "label-studio",
        "prodigy",
        "spacy",
        "--split-annotators",
        "by extension",
    ] {
        assert!(
            run.stdout.contains(format),
            "{format} missing: {}",
            run.stdout
        );
    }
}

/// Every line shape brat's own parser accepts: trailing tabs and comment columns after R, E, A
/// and M lines, `*` equivalences, `N` normalisations and `#` notes.
#[test]
fn brat_reads_every_line_shape_brat_writes() {
    use gloss::io::brat;
    use gloss::model::{Project, QuoteKind};
    let dir = scratch();
    let text = "Merkel said hi. Angela Merkel left.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let ann = "T1\tPERSON 0 6\tMerkel\n\
T2\tCue 7 11\tsaid\n\
T3\tQuote 12 14\thi\n\
T4\tPERSON 16 29\tAngela Merkel\n\
R1\tSpeaker Arg1:T3 Arg2:T1\t\n\
R2\tCue Arg1:T3 Arg2:T2\tbrat writes nothing here, a tool might\n\
A1\tKind T3 Indirect\t\n\
M2\tNegated T4\t\n\
*\tAlias T1 T4\n\
N1\tReference T1 Wikipedia:Angela_Merkel\tAngela Merkel\n\
#1\tAnnotatorNotes T4\ta free note\n";
    std::fs::write(dir.path().join("a.ann"), ann).unwrap();
    let import = brat::read_paths(&[dir.path().to_path_buf()], &Project::new("t"))
        .unwrap_or_else(|e| panic!("brat's own lines refused: {e}"));
    let d = &import.documents[0].document;
    assert_eq!(d.quotes.len(), 1, "{:?}", d.quotes);
    let q = &d.quotes[0];
    assert_eq!(q.kind, QuoteKind::Indirect);
    let speaker = q.speaker.and_then(|id| d.span(id)).expect("a speaker");
    assert_eq!((speaker.start, speaker.end), (0, 6));
    assert!(
        q.cue.is_some(),
        "the cue relation with a comment column is kept"
    );
    assert!(speaker.entity.is_some(), "the N line links the mention");
    // What Gloss does not model is reported (never dropped silently), not an error.
    for s in &import.skipped {
        assert!(s.line == 8 || s.line == 9 || s.line == 11, "{s:?}");
    }
    // The same through the command line: exit status and the check's exact file.
    std::fs::create_dir_all(dir.path().join("brat")).unwrap();
    std::fs::write(dir.path().join("brat/a.txt"), "Merkel said hi.\n").unwrap();
    std::fs::write(
        dir.path().join("brat/a.ann"),
        "T1\tPERSON 0 6\tMerkel\nT2\tCue 7 11\tsaid\nT3\tQuote 12 14\thi\nR1\tSpeaker Arg1:T3 Arg2:T1\t\n",
    )
    .unwrap();
    let run = gloss(dir.path(), &["import", "b.ron", "brat", "--format", "brat"]);
    assert_eq!(run.code, 0, "{run:?}");
}

/// Citron reads `.json` files holding one JSON document each: `-o FILE.json` is one document
/// (the object itself for one document, an array for several) and `-o DIR/` one file each.
#[test]
fn citron_export_is_one_json_document_per_file() {
    let dir = scratch();
    std::fs::create_dir_all(dir.path().join("txt")).unwrap();
    std::fs::write(dir.path().join("txt/a.txt"), "Merkel said hi.\n").unwrap();
    std::fs::write(dir.path().join("txt/b.txt"), "Macron left.\n").unwrap();
    let run = gloss(dir.path(), &["import", "p.ron", "txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    let json = |name: &str| -> serde_json::Value {
        let bytes = std::fs::read(dir.path().join(name)).unwrap();
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("{name} is not one JSON document: {e}"))
    };
    let run = gloss(
        dir.path(),
        &["export", "p.ron", "--format", "citron", "-o", "cit.json"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let all = json("cit.json");
    let all = all.as_array().expect("several documents make an array");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["text"], "Merkel said hi.\n");
    let run = gloss(
        dir.path(),
        &["export", "p.ron", "--format", "citron", "-o", "out/"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let a = json("out/a.json");
    assert_eq!(a["text"], "Merkel said hi.\n");
    assert!(a["quotes"].is_array() && a.get("doc").is_none(), "{a}");
    assert!(json("out/b.json").is_object());
}

#[test]
fn label_studio_import_reads_the_annotator_asked_for() {
    let dir = scratch();
    let d = dir.path();
    let region = |s: usize, e: usize, t: &str| {
        format!(
            r#"{{"id": "{t}", "from_name": "label", "to_name": "text", "type": "labels", "value": {{"start": {s}, "end": {e}, "text": "{t}", "labels": ["PERSON"]}}}}"#
        )
    };
    let tasks = format!(
        r#"[{{"data": {{"text": "Ana met Bo"}}, "annotations": [{{"completed_by": 7, "result": [{}]}}, {{"completed_by": {{"id": 9, "email": "bo@news.example"}}, "result": [{}]}}]}}]"#,
        region(0, 3, "Ana"),
        region(8, 10, "Bo")
    );
    std::fs::write(d.join("ls.json"), tasks).unwrap();
    // One project per annotator, as `gloss agree` wants them.
    for (who, project, start) in [("7", "a7.ron", 0), ("BO@news.example", "a9.ron", 8)] {
        let run = gloss(
            d,
            &[
                "import",
                project,
                "ls.json",
                "--format",
                "label-studio",
                "--annotator",
                who,
            ],
        );
        assert_eq!(run.code, 0, "{who}: {run:?}");
        let out = format!("{project}.jsonl");
        let run = gloss(d, &["export", project, "--format", "jsonl", "-o", &out]);
        assert_eq!(run.code, 0, "{run:?}");
        let line = std::fs::read_to_string(d.join(&out)).unwrap();
        let doc: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
        let starts: Vec<u64> = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["start"].as_u64().unwrap())
            .collect();
        assert_eq!(starts, [start], "{who}: {line}");
    }
    // Only Label Studio has annotators.
    let run = gloss(
        d,
        &[
            "import",
            "x.ron",
            "ls.json",
            "--format",
            "jsonl",
            "--annotator",
            "7",
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("--annotator applies to"), "{run:?}");
    assert!(!d.join("x.ron").exists());
}

/// Every annotator's work into a project of their own, with the template's labels; a task one
/// annotator did not do is left out of their project, so `gloss agree` compares the rest.
#[test]
fn label_studio_split_annotators_makes_a_project_per_annotator() {
    let dir = scratch();
    let d = dir.path();
    let region = |s: usize, e: usize, t: &str, label: &str| {
        format!(
            r#"{{"id": "{t}", "from_name": "label", "to_name": "text", "type": "labels", "value": {{"start": {s}, "end": {e}, "text": "{t}", "labels": ["{label}"]}}}}"#
        )
    };
    let tasks = format!(
        r#"[{{"id": 1, "data": {{"text": "Ana met Bo in Oslo", "doc": "one"}}, "annotations": [
            {{"completed_by": 7, "result": [{}, {}]}},
            {{"completed_by": {{"id": 9, "email": "bo@news.example"}}, "result": [{}]}},
            {{"completed_by": 11, "was_cancelled": true, "result": []}}]}},
          {{"id": 2, "data": {{"text": "Cy left", "doc": "two"}}, "annotations": [
            {{"completed_by": 7, "result": [{}]}}]}}]"#,
        region(0, 3, "Ana", "PERSON"),
        region(14, 18, "Oslo", "PLACE"),
        region(0, 3, "Ana", "PERSON"),
        region(0, 2, "Cy", "PERSON")
    );
    std::fs::write(d.join("ls.json"), tasks).unwrap();
    let run = gloss(d, &["new", "p.ron", "--labels", "PERSON,ORG,STANCE"]);
    assert_eq!(run.code, 0, "{run:?}");
    let before = std::fs::read(d.join("p.ron")).unwrap();
    let split = [
        "import",
        "p.ron",
        "ls.json",
        "--format",
        "label-studio",
        "--split-annotators",
        "team",
    ];
    let run = gloss(d, &split);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("wrote team/annotator-7.ron: annotator 7, 2 documents (3 spans")
            && run
                .stdout
                .contains("wrote team/annotator-9.ron: annotator 9, 1 document (1 spans"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("has no annotation by annotator 9; left out"),
        "{run:?}"
    );
    assert!(
        !d.join("team/annotator-11.ron").exists(),
        "cancelled work is no one's"
    );
    assert_eq!(
        std::fs::read(d.join("p.ron")).unwrap(),
        before,
        "the template is untouched"
    );
    for (who, docs, labels) in [
        ("7", vec!["one", "two"], "PERSON, ORG, STANCE, PLACE"),
        ("9", vec!["one"], "PERSON, ORG, STANCE"),
    ] {
        let project = format!("team/annotator-{who}.ron");
        let out = format!("team/{who}.jsonl");
        let run = gloss(d, &["export", &project, "--format", "jsonl", "-o", &out]);
        assert_eq!(run.code, 0, "{run:?}");
        let text = std::fs::read_to_string(d.join(&out)).unwrap();
        let names: Vec<String> = text
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"].to_string())
            .collect();
        let want: Vec<String> = docs.iter().map(|n| format!("{n:?}")).collect();
        assert_eq!(names, want, "{who}");
        let p = gloss::io::project_file::load(&d.join(&project)).unwrap();
        assert_eq!(p.labels.names().collect::<Vec<_>>().join(", "), labels);
    }
    let run = gloss(
        d,
        &["agree", "team/annotator-7.ron", "team/annotator-9.ron"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("two"),
        "the task 9 did not do is listed: {run:?}"
    );
    // Again: every document is already there, and nothing is added twice.
    let run = gloss(d, &split);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("nothing new for team/annotator-7.ron"),
        "{run:?}"
    );
    // Only Label Studio has annotators.
    let run = gloss(
        d,
        &["import", "p.ron", "ls.json", "--split-annotators", "team"],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("--split-annotators applies to"),
        "{run:?}"
    );
}

/// Without --format the extension chooses (.csv, .tsv, .html, .spacy; else txt); paths of
/// two formats need --format, and an explicit one always wins.
#[test]
fn import_picks_the_format_by_extension() {
    let dir = scratch();
    let d = dir.path();
    std::fs::write(
        d.join("news.csv"),
        "id,outlet,text\nn1,Planet,Ana met Bo.\nn2,Sun,Cy left.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("page.html"),
        "<html><head><title>Vote</title></head><body><article><p>Ana won the vote in Oslo today, \
         the count showed.</p></article></body></html>",
    )
    .unwrap();
    std::fs::write(d.join("notes.txt"), "Just notes.").unwrap();
    let run = gloss(d, &["import", "c.ron", "news.csv"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("added 2 documents"), "{run:?}");
    let run = gloss(d, &["import", "h.ron", "page.html", "notes.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("added 2 documents"), "{run:?}");
    let run = gloss(
        d,
        &["export", "h.ron", "--format", "jsonl", "-o", "h.jsonl"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let h = std::fs::read_to_string(d.join("h.jsonl")).unwrap();
    assert!(h.contains("Ana won the vote") && !h.contains("<p>"), "{h}");
    // An explicit --format wins: the CSV as one plain text.
    let run = gloss(d, &["import", "t.ron", "news.csv", "--format", "txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("added 1 document "), "{run:?}");
    // Two formats at once need --format.
    let run = gloss(d, &["import", "m.ron", "news.csv", "notes.txt"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("news.csv is csv but other paths are text files or folders: give --format"),
        "{run:?}"
    );
    assert!(!d.join("m.ron").exists());
}
