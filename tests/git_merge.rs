//! Two annotators, one project file, real git: what merges cleanly and what does not.
//!
//! A project is saved with the real save path (a `Session`, which writes through
//! `io::project_file`), committed, and branched; each annotator edits the project on their own
//! branch through commands (as the window does) and saves; then `git merge` runs for real.
//!
//! Supported: annotators who work on **different documents** — spans, quotes, document status,
//! and new entities on one side only — merge without conflict, and the merged file loads with
//! both annotators' work. The file keeps no counters or revision fields (next ids are derived
//! from the ids present; span and quote ids are per document), so nothing at the top of the
//! file changes with every edit.
//!
//! Not supported, and tested so it stays visible: both annotators **adding entities** (both get
//! the next entity id and write it at the same place: a conflict), and both adding spans to the
//! **same document** (the next span id is taken on both sides; git may merge the lines cleanly,
//! and loading then refuses the file, naming the id used twice, rather than guessing).

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use gloss::app::{Command, Session, gestures};
use gloss::io::project_file;
use gloss::model::{
    CharRange, DocId, Document, Entity, Project, Quote, QuoteId, QuoteKind, Span, SpanId, Status,
    validate,
};

const FLOOD: &str = "Heavy rain flooded the lower town of Ambry overnight; \
no one was hurt, the fire service said.\n";
const STRIKE: &str = "Dock workers in Karsk ended a nine-day strike after the port authority \
agreed to a 6% raise. \"We won,\" said Mira Holt, the union's leader.\n";
const MAYOR: &str = "Mayor Lena Ortiz opened the new tram line in Porto Vale on Saturday.\n";

/// Run git in `dir`, with no user or system configuration.
fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Process::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str]) -> String {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The code-point range of `needle` in `text`.
fn at(text: &str, needle: &str) -> CharRange {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

/// A repository holding `news.ron` (three documents, a few spans) on `main`, with branches
/// `a` and `b` made from it.
fn repository() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git_ok(root, &["init", "-q", "-b", "main"]);
    for (key, value) in [
        ("user.name", "Gloss Test"),
        ("user.email", "test@example.org"),
        ("commit.gpgsign", "false"),
        ("core.autocrlf", "false"),
    ] {
        git_ok(root, &["config", key, value]);
    }
    // What lives beside a project while it is open is not shared.
    std::fs::write(root.join(".gitignore"), "*.journal\n*.lock\n").unwrap();

    let mut p = Project::new("news");
    p.insert_entity(Entity {
        id: gloss::model::EntityId(1),
        name: "Ambry".into(),
        label: "GPE".into(),
        aliases: vec![],
    });
    let mut flood = Document::new(DocId(1), "flood", FLOOD);
    let mut ambry = Span::new(SpanId(1), at(FLOOD, "Ambry"), "GPE");
    ambry.entity = Some(gloss::model::EntityId(1));
    flood.insert_span(ambry);
    let mut strike = Document::new(DocId(2), "strike", STRIKE);
    strike.insert_span(Span::new(SpanId(1), at(STRIKE, "Karsk"), "GPE"));
    p.insert_document(flood);
    p.insert_document(strike);
    p.insert_document(Document::new(DocId(3), "mayor", MAYOR));
    let path = root.join("news.ron");
    let mut s = Session::with_project(p, Some(path.clone()));
    s.save().unwrap();
    s.discard();
    git_ok(root, &["add", "."]);
    git_ok(root, &["commit", "-q", "-m", "start"]);
    git_ok(root, &["branch", "a"]);
    git_ok(root, &["branch", "b"]);
    (dir, path)
}

/// Open the project as an annotator would, apply `edit`'s commands, save and close.
fn annotate(path: &Path, edit: impl FnOnce(&Project) -> Vec<Command>) {
    let mut s = Session::open(path).unwrap();
    for c in edit(&s.project) {
        s.execute(c).unwrap();
    }
    s.save().unwrap();
    s.discard();
}

fn commit(
    root: &Path,
    branch: &str,
    message: &str,
    path: &Path,
    edit: impl FnOnce(&Project) -> Vec<Command>,
) {
    git_ok(root, &["checkout", "-q", branch]);
    annotate(path, edit);
    git_ok(root, &["commit", "-q", "-am", message]);
}

fn tag(p: &Project, doc: DocId, text: &str, needle: &str, label: &str) -> Command {
    gestures::tag(p, doc, at(text, needle), label).unwrap()
}

/// Annotator A: the flood article — two spans, a new entity for the fire service, status done.
fn edit_a(p: &Project) -> Vec<Command> {
    let doc = DocId(1);
    let mut commands = vec![Command::SetStatus {
        doc,
        status: Status::Done,
    }];
    let mut q = p.clone();
    let service = tag(p, doc, FLOOD, "the fire service", "ORG");
    service.clone().apply(&mut q).unwrap();
    commands.push(service);
    let service = q
        .document(doc)
        .unwrap()
        .spans
        .iter()
        .find(|s| s.label == "ORG")
        .unwrap()
        .id;
    commands.push(gestures::create_entity_from_span(&q, doc, service).unwrap());
    commands
}

/// Annotator B: the strike article — the union leader, her quote, status in progress.
fn edit_b(_: &Project) -> Vec<Command> {
    let doc = DocId(2);
    let holt = Span::new(SpanId(2), at(STRIKE, "Mira Holt"), "PERSON");
    vec![
        Command::SetStatus {
            doc,
            status: Status::InProgress,
        },
        Command::AddSpans {
            doc,
            spans: vec![holt],
        },
        Command::AddQuote {
            doc,
            quote: Quote {
                id: QuoteId(1),
                content: vec![at(STRIKE, "We won,")],
                speaker: Some(SpanId(2)),
                cue: Some(at(STRIKE, "said")),
                kind: QuoteKind::Direct,
                origin: Default::default(),
            },
        },
        Command::AddSpans {
            doc,
            spans: vec![Span::new(SpanId(3), at(STRIKE, "port authority"), "ORG")],
        },
    ]
}

#[test]
fn annotators_on_different_documents_merge_without_conflict() {
    let (dir, path) = repository();
    let root = dir.path();
    commit(root, "a", "A annotates the flood", &path, edit_a);
    commit(root, "b", "B annotates the strike", &path, edit_b);

    git_ok(root, &["checkout", "-q", "a"]);
    let merge = git(root, &["merge", "--no-edit", "b"]);
    assert!(
        merge.status.success(),
        "the merge conflicted:\n{}{}\n{}",
        String::from_utf8_lossy(&merge.stdout),
        String::from_utf8_lossy(&merge.stderr),
        std::fs::read_to_string(&path).unwrap()
    );
    assert!(git_ok(root, &["status", "--porcelain"]).trim().is_empty());

    let merged = project_file::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(validate(&merged).is_empty());
    let flood = merged.document(DocId(1)).unwrap();
    let strike = merged.document(DocId(2)).unwrap();
    // A's work.
    assert_eq!(flood.status, Status::Done);
    let service = flood.spans.iter().find(|s| s.label == "ORG").unwrap();
    let entity = merged.entity(service.entity.unwrap()).unwrap();
    assert_eq!(entity.name, "the fire service");
    // B's work.
    assert_eq!(strike.status, Status::InProgress);
    assert_eq!(strike.spans.len(), 3);
    assert_eq!(strike.quotes.len(), 1);
    let speaker = strike.span(strike.quotes[0].speaker.unwrap()).unwrap();
    assert_eq!(strike.slice(speaker.start, speaker.end), "Mira Holt");
    // Untouched.
    assert!(merged.document(DocId(3)).unwrap().spans.is_empty());
    assert_eq!(merged.entities.len(), 2);
}

#[test]
fn one_new_span_is_one_new_line() {
    let (dir, path) = repository();
    let root = dir.path();
    git_ok(root, &["checkout", "-q", "a"]);
    annotate(&path, |p| {
        vec![tag(p, DocId(2), STRIKE, "Mira Holt", "PERSON")]
    });
    let numstat = git_ok(root, &["diff", "--numstat", "news.ron"]);
    assert_eq!(
        numstat.split_whitespace().take(2).collect::<Vec<_>>(),
        ["1", "0"],
        "{numstat}"
    );
    let diff = git_ok(root, &["diff", "-U0", "news.ron"]);
    let added: Vec<&str> = diff
        .lines()
        .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
        .collect();
    assert_eq!(added.len(), 1, "{diff}");
    assert!(added[0].contains("label: \"PERSON\""), "{diff}");

    // A relabel changes that one line and nothing else.
    git_ok(root, &["commit", "-q", "-am", "span"]);
    annotate(&path, |p| {
        let d = p.document(DocId(2)).unwrap();
        let holt = d.spans.iter().find(|s| s.label == "PERSON").unwrap().id;
        vec![gestures::relabel(p, DocId(2), holt, "ORG").unwrap()]
    });
    let numstat = git_ok(root, &["diff", "--numstat", "news.ron"]);
    assert_eq!(
        numstat.split_whitespace().take(2).collect::<Vec<_>>(),
        ["1", "1"],
        "{numstat}"
    );
}

#[test]
fn known_limit_entities_added_on_both_branches_conflict() {
    let (dir, path) = repository();
    let root = dir.path();
    let new_entity = |name: &'static str| {
        move |p: &Project| {
            vec![Command::AddEntity {
                entity: Entity {
                    id: p.next_entity_id(),
                    name: name.into(),
                    label: "PERSON".into(),
                    aliases: vec![],
                },
            }]
        }
    };
    commit(
        root,
        "a",
        "A adds an entity",
        &path,
        new_entity("Mira Holt"),
    );
    commit(
        root,
        "b",
        "B adds an entity",
        &path,
        new_entity("Lena Ortiz"),
    );
    git_ok(root, &["checkout", "-q", "a"]);
    let merge = git(root, &["merge", "--no-edit", "b"]);
    assert!(
        !merge.status.success(),
        "both sides wrote entity 2 at the same place; if this merges now, update the README"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("<<<<<<<"), "{text}");
    assert!(
        text.contains("id: 2,") && text.contains("\"Mira Holt\""),
        "{text}"
    );
    git_ok(root, &["merge", "--abort"]);
}

#[test]
fn known_limit_spans_added_to_the_same_document_on_both_branches_are_refused_on_load() {
    let (dir, path) = repository();
    let root = dir.path();
    // A tags the start of the strike article, B its end: both take span id 2 there.
    commit(root, "a", "A", &path, |p| {
        vec![tag(p, DocId(2), STRIKE, "Dock workers", "NORP")]
    });
    commit(root, "b", "B", &path, |p| {
        vec![tag(p, DocId(2), STRIKE, "Mira Holt", "PERSON")]
    });
    git_ok(root, &["checkout", "-q", "a"]);
    let merge = git(root, &["merge", "--no-edit", "b"]);
    if merge.status.success() {
        // The lines merged; the ids did not: the file says so instead of opening half-right.
        let err = project_file::load(&path).unwrap_err().to_string();
        assert!(err.contains("span id 2 is used twice"), "{err}");
    } else {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("<<<<<<<"));
    }
}
