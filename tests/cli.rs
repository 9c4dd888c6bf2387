//! The command line, run as a user runs it: the built `gloss` binary in a scratch folder,
//! checked by exit status, stdout, stderr and the files it leaves behind.

use std::path::{Path, PathBuf};

use gloss::app::{Command as Edit, Session};
use gloss::io::{journal, project_file};
use gloss::model::{
    CharRange, DocId, Document, Entity, EntityId, LabelSet, Project, Quote, QuoteId, QuoteKind,
    Span, SpanId, Status,
};

mod common;
use common::{gloss, scratch};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn load(path: &Path) -> Project {
    project_file::load(path).unwrap_or_else(|e| panic!("{e}"))
}

const MAYOR: &str = "Mayor Lena Ortiz opened the new tram line in Porto Vale on Saturday, \
two years later than planned.\n";
const STRIKE: &str = "Dock workers in Karsk ended a nine-day strike after the port authority \
agreed to a 6% raise.\n";
const FLOOD: &str = "Heavy rain flooded the lower town of Ambry overnight; \
no one was hurt, the fire service said.\n";

/// The code-point range of the `nth` occurrence of `needle` in `text`.
fn chars_of(text: &str, needle: &str, nth: usize) -> CharRange {
    let (byte, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} is not in the text"));
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

/// The text with an emoji before the first name, so code points, UTF-16 units and bytes differ.
const RUIZ: &str = "🗳️ Ana Ruiz 👋 told reporters in Léon: “We stay until every vote is \
counted.” Ruiz left the town hall at noon.";
const COUNCIL: &str = "The council of Valencia voted on Tuesday to close the old harbour bridge.";

/// Two documents: one done, with linked and unlinked mentions and a quote; one to do.
fn annotated_project(name: &str) -> Project {
    let mut p = Project::new(name);
    p.insert_entity(Entity {
        id: EntityId(1),
        name: "Ana Ruiz".into(),
        label: "PERSON".into(),
        aliases: vec!["Ruiz".into()],
        attributes: Default::default(),
    });

    let mut d = Document::new(DocId(1), "ruiz-leon", RUIZ);
    let mut ana = Span::new(SpanId(1), chars_of(RUIZ, "Ana Ruiz", 0), "PERSON");
    ana.entity = Some(EntityId(1));
    d.insert_span(ana);
    d.insert_span(Span::new(SpanId(2), chars_of(RUIZ, "Léon", 0), "GPE"));
    let mut ruiz = Span::new(SpanId(3), chars_of(RUIZ, "Ruiz", 1), "PERSON");
    ruiz.entity = Some(EntityId(1));
    d.insert_span(ruiz);
    d.insert_quote(Quote {
        id: QuoteId(1),
        content: vec![chars_of(RUIZ, "We stay until every vote is counted.", 0)],
        speaker: Some(SpanId(1)),
        cue: Some(chars_of(RUIZ, "told", 0)),
        kind: QuoteKind::Direct,
        origin: Default::default(),
        attributes: Default::default(),
    });
    d.status = Status::Done;
    p.insert_document(d);

    let mut d = Document::new(DocId(2), "council", COUNCIL);
    d.insert_span(Span::new(
        SpanId(1),
        chars_of(COUNCIL, "Valencia", 0),
        "GPE",
    ));
    p.insert_document(d);
    assert!(gloss::model::validate(&p).is_empty());
    p
}

fn save_annotated(dir: &Path, file: &str) -> PathBuf {
    let path = dir.join(file);
    project_file::save(&path, &annotated_project("news")).unwrap();
    path
}

// ---------------------------------------------------------------------------------------- new

#[test]
fn new_creates_a_project_named_after_the_file_with_the_news_labels() {
    let dir = scratch();
    let run = gloss(dir.path(), &["new", "elections.ron"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("elections.ron"), "{run:?}");

    let path = dir.path().join("elections.ron");
    let text = String::from_utf8(read(&path)).unwrap();
    assert!(text.starts_with("(\n  schema: 1,"), "{text}");
    let project = load(&path);
    assert_eq!(project.name, "elections");
    assert_eq!(project.labels, LabelSet::news());
    assert!(project.documents.is_empty());
    assert!(!journal::path_for(&path).exists());
}

#[test]
fn new_refuses_to_overwrite_an_existing_file() {
    let dir = scratch();
    let path = save_annotated(dir.path(), "p.ron");
    let before = read(&path);
    let run = gloss(dir.path(), &["new", "p.ron"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("p.ron") && run.stderr.contains("already exists"),
        "{run:?}"
    );
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    assert_eq!(read(&path), before);
}

#[test]
fn new_takes_a_label_list() {
    let dir = scratch();
    let run = gloss(
        dir.path(),
        &["new", "p.ron", "--labels", "PERSON, ORG,SPEAKER"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let project = load(&dir.path().join("p.ron"));
    let names: Vec<&str> = project.labels.names().collect();
    assert_eq!(names, ["PERSON", "ORG", "SPEAKER"]);
    assert_eq!(
        project.labels.by_key('3').map(|l| l.name.as_str()),
        Some("SPEAKER")
    );
}

#[test]
fn new_refuses_a_label_list_with_repeats_or_blanks() {
    let dir = scratch();
    for labels in ["PERSON,ORG,PERSON", "PERSON,,ORG"] {
        let run = gloss(dir.path(), &["new", "p.ron", "--labels", labels]);
        assert_eq!(run.code, 1, "{labels}: {run:?}");
        assert!(run.stderr.contains("--labels"), "{run:?}");
        assert!(!dir.path().join("p.ron").exists());
    }
}

// ------------------------------------------------------------------------------------- import

#[test]
fn import_adds_good_files_and_names_each_bad_one() {
    let dir = scratch();
    assert_eq!(gloss(dir.path(), &["new", "p.ron"]).code, 0);
    write(dir.path(), "news/01-mayor.txt", MAYOR.as_bytes());
    write(
        dir.path(),
        "news/02-strike.txt",
        format!("\u{feff}{STRIKE}").as_bytes(),
    );
    write(
        dir.path(),
        "news/03-flood.txt",
        FLOOD.replace('\n', "\r\n").as_bytes(),
    );
    write(
        dir.path(),
        "news/04-latin1.txt",
        b"Caf\xe9 owners in Ambry\nsay trade is down.\n",
    );
    write(
        dir.path(),
        "news/05-photo.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    );
    write(dir.path(), "news/06-empty.txt", b"");
    write(
        dir.path(),
        "news/notes.md",
        b"not a .txt file, so not imported",
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Zoë Lind won the Karsk marathon 🏃."
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    write(dir.path(), "extra/lind.txt", &utf16);

    let run = gloss(dir.path(), &["import", "p.ron", "news", "extra/lind.txt"]);
    assert_eq!(
        run.code, 1,
        "a skipped file makes the exit status 1: {run:?}"
    );
    assert_eq!(
        run.stdout.trim(),
        "added 4 documents to p.ron (3 skipped)",
        "{run:?}"
    );
    for bad in ["04-latin1.txt", "05-photo.txt", "06-empty.txt"] {
        let line = run.stderr.lines().find(|l| l.contains(bad));
        assert!(line.is_some(), "{bad} is not reported: {run:?}");
    }
    // The invalid UTF-8 is located, and the reason is given.
    assert!(run.stderr.contains("04-latin1.txt:1: not UTF-8"), "{run:?}");
    assert!(run.stderr.contains("binary"), "{run:?}");
    assert!(
        run.stderr.contains("lind.txt: decoded from UTF-16"),
        "{run:?}"
    );
    for good in ["01-mayor", "02-strike", "03-flood"] {
        assert!(!run.stderr.contains(good), "{good} reported: {run:?}");
    }

    let path = dir.path().join("p.ron");
    let project = load(&path);
    let names: Vec<&str> = project.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["01-mayor", "02-strike", "03-flood", "lind"]);
    assert_eq!(&*project.documents[0].text, MAYOR);
    assert_eq!(&*project.documents[1].text, STRIKE, "the BOM is dropped");
    assert_eq!(
        *project.documents[2].text,
        *FLOOD.replace('\n', "\r\n"),
        "line ends are kept"
    );
    assert_eq!(
        &*project.documents[3].text,
        "Zoë Lind won the Karsk marathon 🏃."
    );
    assert!(
        project.documents[0]
            .source
            .as_deref()
            .is_some_and(|s| s.ends_with("01-mayor.txt"))
    );
    assert!(
        !journal::path_for(&path).exists(),
        "a saved project needs no journal"
    );
}

#[test]
fn import_with_only_good_files_exits_zero() {
    let dir = scratch();
    write(dir.path(), "mayor.txt", MAYOR.as_bytes());
    write(dir.path(), "strike.txt", STRIKE.as_bytes());
    assert_eq!(gloss(dir.path(), &["new", "p.ron"]).code, 0);
    let run = gloss(dir.path(), &["import", "p.ron", "mayor.txt", "strike.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout.trim(), "added 2 documents to p.ron (0 skipped)");
    assert_eq!(run.stderr, "");
}

#[test]
fn import_creates_a_missing_project() {
    let dir = scratch();
    write(dir.path(), "in/mayor.txt", MAYOR.as_bytes());
    let run = gloss(dir.path(), &["import", "city-desk.ron", "in"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("new project city-desk.ron"), "{run:?}");
    let path = dir.path().join("city-desk.ron");
    let project = load(&path);
    assert_eq!(project.name, "city-desk");
    assert_eq!(project.labels, LabelSet::news());
    assert_eq!(project.documents.len(), 1);
    assert_eq!(project.documents[0].name, "mayor");
    assert!(!journal::path_for(&path).exists());
}

#[test]
fn import_of_nothing_readable_does_not_create_the_project() {
    let dir = scratch();
    write(dir.path(), "photo.txt", b"\0\0\0\0");
    let run = gloss(dir.path(), &["import", "p.ron", "photo.txt", "missing.txt"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("photo.txt"), "{run:?}");
    assert!(run.stderr.contains("missing.txt"), "{run:?}");
    assert!(!dir.path().join("p.ron").exists());

    std::fs::create_dir(dir.path().join("no-text")).unwrap();
    let run = gloss(dir.path(), &["import", "p.ron", "no-text"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("nothing to import"), "{run:?}");
    assert!(!dir.path().join("p.ron").exists());
}

#[test]
fn importing_the_same_files_again_adds_nothing() {
    let dir = scratch();
    write(dir.path(), "in/mayor.txt", MAYOR.as_bytes());
    assert_eq!(gloss(dir.path(), &["import", "p.ron", "in"]).code, 0);
    write(dir.path(), "in/strike.txt", STRIKE.as_bytes());
    let run = gloss(dir.path(), &["import", "p.ron", "in"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout.trim(),
        "added 1 document to p.ron (0 skipped, 1 already there)"
    );
    assert!(
        run.stderr.contains("mayor.txt: already in p.ron"),
        "{run:?}"
    );
    let names: Vec<String> = load(&dir.path().join("p.ron"))
        .documents
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert_eq!(names, ["mayor", "strike"]);
}

#[test]
fn a_malformed_file_in_any_format_changes_nothing() {
    let dir = scratch();
    write(dir.path(), "mayor.txt", MAYOR.as_bytes());
    // Valid first line, broken second line: all or nothing.
    write(
        dir.path(),
        "broken.jsonl",
        b"{\"text\": \"Dock workers in Karsk\", \"label\": [[0, 4, \"ORG\"]]}\n{\"text\": oops\n",
    );
    write(
        dir.path(),
        "broken.conll",
        b"Dock\tB-ORG\nworkers\tI-ORG\tEXTRA\tCOLS\tTOO\tMANY\n",
    );
    write(
        dir.path(),
        "broken.json",
        b"[{\"data\": {\"text\": \"x\"}, \"annotations\": 7}]",
    );
    assert_eq!(gloss(dir.path(), &["import", "p.ron", "mayor.txt"]).code, 0);
    let path = dir.path().join("p.ron");
    let before = read(&path);
    for (format, file) in [
        ("jsonl", "broken.jsonl"),
        ("doccano", "broken.jsonl"),
        ("prodigy", "broken.jsonl"),
        ("conll", "broken.conll"),
        ("label-studio", "broken.json"),
    ] {
        let run = gloss(dir.path(), &["import", "p.ron", file, "--format", format]);
        assert_eq!(run.code, 1, "{format}: {run:?}");
        assert!(
            run.stderr.contains(file),
            "{format}: the file is named: {run:?}"
        );
        assert!(run.stderr.contains("nothing imported"), "{format}: {run:?}");
        assert_eq!(read(&path), before, "{format} changed the project");
        assert!(!journal::path_for(&path).exists());
    }
}

#[test]
fn every_format_round_trips_through_the_cli() {
    let dir = scratch();
    save_annotated(dir.path(), "p.ron");
    let original = load(&dir.path().join("p.ron"));
    for (export, import, out) in [
        ("jsonl", "jsonl", "out.jsonl"),
        ("doccano", "doccano", "out-doccano.jsonl"),
        ("label-studio", "label-studio", "out.json"),
        ("brat", "brat", "brat-out"),
    ] {
        let run = gloss(
            dir.path(),
            &["export", "p.ron", "--format", export, "-o", out],
        );
        assert_eq!(run.code, 0, "{export}: {run:?}");
        let back = format!("back-{export}.ron");
        let run = gloss(dir.path(), &["import", &back, out, "--format", import]);
        assert!(run.code == 0 || run.code == 1, "{import}: {run:?}");
        let p = load(&dir.path().join(&back));
        assert_eq!(p.documents.len(), original.documents.len(), "{import}");
        for a in &original.documents {
            // Formats keep the document name (brat and per-document files as the file name).
            let b = p
                .documents
                .iter()
                .find(|b| b.text == a.text)
                .unwrap_or_else(|| panic!("{import}: {} came back", a.name));
            let names = |d: &Document| -> Vec<(usize, usize, String)> {
                d.spans
                    .iter()
                    .filter(|s| s.mention == gloss::model::Mention::Name)
                    .map(|s| (s.start, s.end, s.label.to_string()))
                    .collect()
            };
            assert_eq!(names(a), names(b), "{import}: names of {}", a.name);
        }
    }
    // CoNLL keeps tokens, not the text's exact spacing: the names come back by text and label.
    let run = gloss(
        dir.path(),
        &["export", "p.ron", "--format", "conll", "-o", "out.conll"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let run = gloss(
        dir.path(),
        &["import", "back-conll.ron", "out.conll", "--format", "conll"],
    );
    assert!(run.code == 0 || run.code == 1, "{run:?}");
    let names = |p: &Project| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = p
            .documents
            .iter()
            .flat_map(|d| {
                d.spans
                    .iter()
                    .filter(|s| s.mention == gloss::model::Mention::Name)
                    .map(move |s| (d.slice(s.start, s.end).to_string(), s.label.to_string()))
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        names(&load(&dir.path().join("back-conll.ron"))),
        names(&original)
    );
    // The other formats write files too.
    for (format, out) in [
        ("spacy", "out.spacy"),
        ("prodigy", "out-prodigy.jsonl"),
        ("citron", "out-citron.jsonl"),
        ("quotes-csv", "quotes.csv"),
    ] {
        let run = gloss(
            dir.path(),
            &["export", "p.ron", "--format", format, "-o", out],
        );
        assert_eq!(run.code, 0, "{format}: {run:?}");
        assert!(dir.path().join(out).metadata().unwrap().len() > 0);
    }
    // One file per document, and label selection.
    let run = gloss(
        dir.path(),
        &[
            "export",
            "p.ron",
            "--format",
            "doccano",
            "--per-document",
            "--labels",
            "GPE",
            "-o",
            "split",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let files: Vec<_> = std::fs::read_dir(dir.path().join("split"))
        .unwrap()
        .collect();
    assert_eq!(files.len(), original.documents.len());
    // Binary and folder formats refuse standard output.
    let run = gloss(
        dir.path(),
        &["export", "p.ron", "--format", "spacy", "-o", "-"],
    );
    assert_eq!(run.code, 1, "{run:?}");
}

// -------------------------------------------------------------------------------------- stats

/// The line of `text` whose first word is `first`, with runs of spaces squeezed to one.
fn stats_line(text: &str, first: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|l| l.split(' ').next() == Some(first))
        .unwrap_or_else(|| panic!("no line starting {first:?} in\n{text}"))
}

#[test]
fn stats_counts_documents_labels_quotes_and_entities() {
    let dir = scratch();
    save_annotated(dir.path(), "p.ron");
    let run = gloss(dir.path(), &["stats", "p.ron"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stderr, "");
    let out = &run.stdout;
    assert_eq!(stats_line(out, "project"), "project news (p.ron)");
    assert_eq!(
        stats_line(out, "documents"),
        "documents 2 (todo 1, in progress 0, done 1)"
    );
    assert_eq!(stats_line(out, "spans"), "spans 4");
    assert_eq!(stats_line(out, "PERSON"), "PERSON 2");
    assert_eq!(stats_line(out, "GPE"), "GPE 2");
    assert_eq!(stats_line(out, "ORG"), "ORG 0");
    assert_eq!(stats_line(out, "quotes"), "quotes 1");
    assert_eq!(stats_line(out, "entities"), "entities 1");
    assert_eq!(stats_line(out, "document"), "document status spans quotes");
    assert_eq!(stats_line(out, "ruiz-leon"), "ruiz-leon done 3 1");
    assert_eq!(stats_line(out, "council"), "council todo 1 0");

    // Columns line up: every per-document line is as wide as the header.
    let table: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("document "))
        .collect();
    assert_eq!(table.len(), 3, "{out}");
    assert!(
        table
            .iter()
            .all(|l| l.chars().count() == table[0].chars().count()),
        "{out}"
    );
    assert!(!journal::path_for(&dir.path().join("p.ron")).exists());
}

#[test]
fn stats_include_edits_recovered_from_the_journal_and_keep_it() {
    let dir = scratch();
    let path = save_annotated(dir.path(), "p.ron");
    {
        // A window session that marks a document done and then crashes before saving.
        let mut session = Session::open(&path).unwrap();
        session
            .execute(Edit::SetStatus {
                doc: DocId(2),
                status: Status::Done,
            })
            .unwrap();
    }
    let jpath = journal::path_for(&path);
    assert!(jpath.exists());
    let before = read(&path);

    let run = gloss(dir.path(), &["stats", "p.ron"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains("includes 1 of 1 unsaved edits"),
        "{run:?}"
    );
    assert_eq!(
        stats_line(&run.stdout, "documents"),
        "documents 2 (todo 0, in progress 0, done 2)"
    );
    assert_eq!(read(&path), before, "stats does not save");
    assert!(
        jpath.exists(),
        "the journal stays for the window to recover"
    );

    // A task that changes the project saves the recovered edit with its own.
    write(dir.path(), "mayor.txt", MAYOR.as_bytes());
    let run = gloss(dir.path(), &["import", "p.ron", "mayor.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!jpath.exists(), "{run:?}");
    let project = load(&path);
    assert_eq!(project.documents.len(), 3);
    assert_eq!(project.documents[1].status, Status::Done);
}

// ------------------------------------------------------------------------------------- export

fn parse_jsonl(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The text a `[start, end)` pair of code points covers.
fn covered(text: &str, start: &serde_json::Value, end: &serde_json::Value) -> String {
    let (s, e) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn export_jsonl_writes_code_point_offsets_and_entity_names() {
    let dir = scratch();
    save_annotated(dir.path(), "p.ron");
    let run = gloss(
        dir.path(),
        &["export", "p.ron", "--format", "jsonl", "-o", "out.jsonl"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("exported 2 documents as jsonl to out.jsonl"),
        "{run:?}"
    );
    let out = String::from_utf8(read(&dir.path().join("out.jsonl"))).unwrap();
    let lines = parse_jsonl(&out);
    assert_eq!(lines.len(), 2);

    let ruiz = &lines[0];
    assert_eq!(ruiz["doc"], "ruiz-leon");
    assert_eq!(ruiz["status"], "done");
    let text = ruiz["text"].as_str().unwrap();
    assert_eq!(text, RUIZ);
    let entities = ruiz["entities"].as_array().unwrap();
    let found: Vec<(String, &str, serde_json::Value)> = entities
        .iter()
        .map(|e| {
            (
                covered(text, &e["start"], &e["end"]),
                e["label"].as_str().unwrap(),
                e["entity"].clone(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("Ana Ruiz".to_string(), "PERSON", "Ana Ruiz".into()),
            ("Léon".to_string(), "GPE", serde_json::Value::Null),
            ("Ruiz".to_string(), "PERSON", "Ana Ruiz".into()),
        ]
    );
    // "🗳️ " is three code points (ballot box, variation selector, space) but eight bytes.
    assert_eq!(entities[0]["start"], 3);
    assert_eq!(entities[0]["end"], 11);

    let quote = &ruiz["quotes"][0];
    assert_eq!(quote["kind"], "direct");
    assert_eq!(
        covered(text, &quote["content"][0][0], &quote["content"][0][1]),
        "We stay until every vote is counted."
    );
    assert_eq!(covered(text, &quote["cue"][0], &quote["cue"][1]), "told");
    assert_eq!(
        covered(text, &quote["speaker"][0], &quote["speaker"][1]),
        "Ana Ruiz"
    );
    assert_eq!(quote["speaker_entity"], "Ana Ruiz");

    let council = &lines[1];
    assert_eq!(council["doc"], "council");
    assert_eq!(council["status"], "todo");
    assert_eq!(council["quotes"], serde_json::json!([]));
    assert_eq!(council["entities"][0]["entity"], serde_json::Value::Null);
}

#[test]
fn export_only_done_documents() {
    let dir = scratch();
    save_annotated(dir.path(), "p.ron");
    let run = gloss(
        dir.path(),
        &[
            "export",
            "p.ron",
            "--format",
            "jsonl",
            "-o",
            "done.jsonl",
            "--only-done",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let lines = parse_jsonl(&String::from_utf8(read(&dir.path().join("done.jsonl"))).unwrap());
    let docs: Vec<&str> = lines.iter().map(|l| l["doc"].as_str().unwrap()).collect();
    assert_eq!(docs, ["ruiz-leon"]);
}

#[test]
fn export_to_standard_output() {
    let dir = scratch();
    save_annotated(dir.path(), "p.ron");
    let run = gloss(
        dir.path(),
        &["export", "p.ron", "--format", "jsonl", "-o", "-"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stderr, "");
    let lines = parse_jsonl(&run.stdout);
    assert_eq!(lines.len(), 2, "only the documents on stdout: {run:?}");
    assert_eq!(lines[1]["text"], COUNCIL);
    assert!(!dir.path().join("-").exists());
}

#[test]
fn export_refuses_to_write_over_the_project() {
    let dir = scratch();
    let path = save_annotated(dir.path(), "p.ron");
    let before = read(&path);
    let run = gloss(
        dir.path(),
        &["export", "p.ron", "--format", "jsonl", "-o", "./p.ron"],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(read(&path), before);
}

#[test]
fn export_quotes_as_csv() {
    let dir = scratch();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/projects/example.ron");
    let run = gloss(
        dir.path(),
        &[
            "export",
            example,
            "--format",
            "quotes-csv",
            "-o",
            "quotes.csv",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let text = std::fs::read_to_string(dir.path().join("quotes.csv")).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    // The fixed columns, then the example's speaker and quote attributes (issue 17).
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header[..8],
        [
            "document",
            "speaker_entity",
            "speaker",
            "cue",
            "kind",
            "text",
            "start",
            "end"
        ]
    );
    assert!(
        header[8..]
            .iter()
            .all(|h| h.starts_with("speaker_") || h.starts_with("quote_"))
    );
    assert!(header.iter().any(|h| h == "speaker_gender"), "{header:?}");
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    let example = load(std::path::Path::new(example));
    let quotes: usize = example.documents.iter().map(|d| d.quotes.len()).sum();
    assert_eq!(rows.len(), quotes);
    assert!(rows.iter().any(|r| &r[4] == "indirect"));
    assert!(rows.iter().all(|r| !r[5].is_empty()));
}

// -------------------------------------------------------------------------- not yet supported

#[test]
fn suggest_stores_suggestions_and_accept_all_annotates_with_their_rule() {
    let dir = scratch();
    let mut p = Project::new("s");
    p.insert_document(Document::new(
        DocId(1),
        "talks",
        "Officials from Germany and the United Nations met in Nairobi. Germany said little.",
    ));
    let path = dir.path().join("s.ron");
    project_file::save(&path, &p).unwrap();
    let before = read(&path);

    let run = gloss(dir.path(), &["suggest", "s.ron"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        read(&path),
        before,
        "storing suggestions leaves the project alone"
    );
    let stored = std::fs::read_to_string(dir.path().join("s.suggestions.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = stored
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let germany: Vec<_> = lines.iter().filter(|l| l["text"] == "Germany").collect();
    assert_eq!(germany.len(), 2, "{stored}");
    assert_eq!(germany[0]["label"], "GPE");
    // Both engines that agree are named, the strongest first ("model+gazetteer": the model is
    // surer of a country it sees in a list and in a country's context than the list alone).
    let engine = germany[0]["engine"].as_str().unwrap();
    let mut engines: Vec<&str> = engine.split('+').collect();
    engines.sort();
    assert_eq!(engines, ["gazetteer", "model"], "{engine}");
    assert!(germany[0]["reason"].as_str().unwrap().contains("countries"));
    assert!(
        lines
            .iter()
            .any(|l| l["text"] == "United Nations" && l["label"] == "ORG")
    );
    assert!(
        lines
            .iter()
            .any(|l| l["text"] == "Nairobi" && l["label"] == "GPE")
    );

    // To standard output with a score floor just above the lowest score (scores are written
    // to three decimals): it keeps only those above it.
    let lowest = lines
        .iter()
        .filter_map(|l| l["score"].as_f64())
        .fold(f64::INFINITY, f64::min);
    let floor = format!("{:.4}", lowest + 0.001);
    let run = gloss(
        dir.path(),
        &["suggest", "s.ron", "--min-score", &floor, "-o", "-"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let above = lines
        .iter()
        .filter(|l| l["score"].as_f64().is_some_and(|x| x > lowest))
        .count();
    assert_eq!(run.stdout.lines().count(), above, "--min-score {floor}");
    assert!(above < lines.len());

    let run = gloss(dir.path(), &["suggest", "s.ron", "--accept-all"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("accepted"), "{run:?}");
    let after = load(&path);
    let d = &after.documents[0];
    let germany: Vec<_> = d
        .spans
        .iter()
        .filter(|s| d.slice(s.start, s.end) == "Germany")
        .collect();
    assert_eq!(germany.len(), 2);
    assert!(
        matches!(&germany[0].origin, gloss::model::Origin::Suggested { engine, .. } if engine.split('+').any(|e| e == "gazetteer"))
    );
    // Accepted gazetteer names are linked to one canonical entity.
    assert!(germany[0].entity.is_some() && germany[0].entity == germany[1].entity);
    assert!(!journal::path_for(&path).exists());

    // A second run finds nothing new: what is annotated is not suggested again.
    let run = gloss(dir.path(), &["suggest", "s.ron", "--accept-all"]);
    assert!(run.stdout.starts_with("accepted 0"), "{run:?}");
}

// -------------------------------------------------------------------------------- bad input

#[test]
fn a_truncated_project_file_is_named_with_its_line() {
    let dir = scratch();
    let path = save_annotated(dir.path(), "p.ron");
    let full = read(&path);
    let cut = &full[..full.len() * 2 / 3];
    std::fs::write(&path, cut).unwrap();
    write(dir.path(), "mayor.txt", MAYOR.as_bytes());

    let runs = [
        gloss(dir.path(), &["stats", "p.ron"]),
        gloss(
            dir.path(),
            &["export", "p.ron", "--format", "jsonl", "-o", "-"],
        ),
        gloss(dir.path(), &["import", "p.ron", "mayor.txt"]),
    ];
    for run in runs {
        assert_eq!(run.code, 1, "{run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
        // "gloss: p.ron:LINE:COLUMN: …"
        let rest = run
            .stderr
            .strip_prefix("gloss: p.ron:")
            .unwrap_or_else(|| panic!("{run:?}"));
        let line: usize = rest
            .split(':')
            .next()
            .unwrap()
            .parse()
            .expect("a line number");
        assert!(line > 1, "{run:?}");
        assert_eq!(run.stdout, "");
    }
    assert_eq!(read(&path), cut, "the damaged file is left alone");
    assert!(!journal::path_for(&path).exists());
}

#[test]
fn a_project_from_a_newer_gloss_is_refused_and_left_alone() {
    let dir = scratch();
    let path = save_annotated(dir.path(), "p.ron");
    let text = String::from_utf8(read(&path)).unwrap();
    assert!(text.contains("schema: 1,"));
    std::fs::write(&path, text.replacen("schema: 1,", "schema: 9,", 1)).unwrap();
    let before = read(&path);
    write(dir.path(), "mayor.txt", MAYOR.as_bytes());

    let runs = [
        gloss(dir.path(), &["stats", "p.ron"]),
        gloss(dir.path(), &["import", "p.ron", "mayor.txt"]),
        gloss(
            dir.path(),
            &["export", "p.ron", "--format", "jsonl", "-o", "out.jsonl"],
        ),
    ];
    for run in runs {
        assert_eq!(run.code, 1, "{run:?}");
        assert!(
            run.stderr.contains("p.ron") && run.stderr.contains("schema 9"),
            "{run:?}"
        );
    }
    assert_eq!(read(&path), before);
    assert!(!journal::path_for(&path).exists());
    assert!(!dir.path().join("out.jsonl").exists());
}

#[test]
fn a_missing_project_is_bad_input() {
    let dir = scratch();
    let run = gloss(dir.path(), &["stats", "nowhere.ron"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("nowhere.ron: cannot read"), "{run:?}");
}

#[test]
fn bad_usage_exits_with_two() {
    let dir = scratch();
    save_annotated(dir.path(), "p.ron");
    let usages: [&[&str]; 8] = [
        &["new"],
        &["import", "p.ron"],
        &["import", "p.ron", "a.txt", "--format", "xml"],
        &["export", "p.ron", "-o", "out.jsonl"],
        &["export", "p.ron", "--format", "jsonl"],
        &["suggest", "p.ron", "--min-score", "2"],
        &["stats", "p.ron", "extra.ron"],
        &["--no-such-flag"],
    ];
    for args in usages {
        let run = gloss(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.starts_with("error:"), "{args:?}: {run:?}");
    }
    assert!(!dir.path().join("out.jsonl").exists());
}

#[test]
fn help_documents_the_exit_status() {
    let dir = scratch();
    let run = gloss(dir.path(), &["--help"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("--screenshot"), "{run:?}");
    assert!(run.stdout.contains("Exit status"), "{run:?}");
    let run = gloss(dir.path(), &["import", "--help"]);
    assert!(run.stdout.contains("1 when any file was"), "{run:?}");
}

#[test]
fn learn_curve_prints_a_row_per_step_and_engine_and_draws_the_curve() {
    let dir = scratch();
    let d = dir.path();
    let line = |doc: &str, text: &str, name: &str| {
        let byte = text.find(name).unwrap();
        let start = text[..byte].chars().count();
        serde_json::json!({
            "doc": doc, "text": text, "quotes": [],
            "entities": [{"start": start, "end": start + name.chars().count(), "label": "PERSON"}],
        })
        .to_string()
    };
    let jsonl = [
        line(
            "a",
            "Reporters asked Tomas Berg about the vote.",
            "Tomas Berg",
        ),
        line("b", "Later Tomas Berg left the hall.", "Tomas Berg"),
        line("c", "Lena Moss stayed at home.", "Lena Moss"),
    ]
    .join("\n");
    write(d, "gold.jsonl", jsonl.as_bytes());
    let run = gloss(
        d,
        &["import", "gold.ron", "gold.jsonl", "--format", "jsonl"],
    );
    assert_eq!(run.code, 0, "{run:?}");

    let run = gloss(
        d,
        &[
            "learn-curve",
            "gold.ron",
            "--steps",
            "1,2,9",
            "--plot",
            "curve.png",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let rows: Vec<&str> = run.stdout.lines().skip(1).collect();
    assert_eq!(
        rows.len(),
        2 * 5,
        "two steps (9 leaves nothing to score), five engines: {run:?}"
    );
    assert!(rows[0].trim_start().starts_with("1 "), "{run:?}");
    assert!(rows.iter().any(|r| r.contains(" model ")), "{run:?}");
    assert!(
        std::fs::read(d.join("curve.png"))
            .unwrap()
            .starts_with(b"\x89PNG"),
        "a PNG"
    );

    // No step leaves anything to score: refused, naming the file.
    let run = gloss(d, &["learn-curve", "gold.ron", "--steps", "3"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("gold.ron: has 3 documents; every step must leave at least one to score"),
        "{run:?}"
    );
}

#[test]
fn suggestion_lines_keep_their_fields_and_order() {
    // A span's line and a quote's line, field by field in the order they have always been
    // written (alphabetical); a span's line has no quote fields.
    let dir = scratch();
    let mut p = Project::new("s");
    p.insert_document(Document::new(
        DocId(1),
        "talks",
        "\"We will stay until the end,\" said Anna Berg, the mayor of Nairobi.",
    ));
    project_file::save(&dir.path().join("s.ron"), &p).unwrap();
    let run = gloss(dir.path(), &["suggest", "s.ron", "-o", "-"]);
    assert_eq!(run.code, 0, "{run:?}");
    let keys = |line: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut at: Vec<(usize, String)> = v
            .as_object()
            .unwrap()
            .keys()
            .map(|k| (line.find(&format!("\"{k}\":")).unwrap(), k.clone()))
            .collect();
        at.sort();
        at.into_iter().map(|(_, k)| k).collect()
    };
    let lines: Vec<&str> = run.stdout.lines().collect();
    let span = lines
        .iter()
        .find(|l| l.contains("\"text\":\"Nairobi\""))
        .expect("Nairobi suggested");
    assert_eq!(
        keys(span),
        [
            "doc", "end", "engine", "entity", "label", "reason", "rule", "score", "start", "text"
        ]
    );
    let quote = lines
        .iter()
        .find(|l| l.contains("\"label\":\"QUOTE\""))
        .expect("the quote suggested");
    assert_eq!(
        keys(quote),
        [
            "content",
            "cue",
            "doc",
            "end",
            "engine",
            "entity",
            "kind",
            "label",
            "reason",
            "rule",
            "score",
            "speaker",
            "speaker_entity",
            "start",
            "text"
        ]
    );
    let q: serde_json::Value = serde_json::from_str(quote).unwrap();
    assert_eq!(q["kind"], "direct");
    assert_eq!(q["speaker_entity"], "Anna Berg");
    assert_eq!(q["entity"], serde_json::Value::Null);
}
