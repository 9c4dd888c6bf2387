//! Two annotators, one project file, real git: what merges, with and without Gloss's merge
//! driver.
//!
//! A project is saved with the real save path (a `Session`, which writes through
//! `io::project_file`), committed, and branched; each annotator edits the project on their own
//! branch through commands (as the window does) and saves; then `git merge` runs for real.
//!
//! Plain git (no driver): annotators who work on **different documents** — spans, quotes,
//! document status, and new entities on one side only — merge without conflict, and the merged
//! file loads with both annotators' work. The file keeps no counters or revision fields (next
//! ids are derived from the ids present; span and quote ids are per document), so nothing at
//! the top of the file changes with every edit. What plain git cannot do, and tested so it stays
//! visible: both annotators **adding entities** (both take the next entity id and write it at
//! the same place: a conflict), and both adding spans to the **same document** (the next span
//! id is taken on both sides; git may merge the lines cleanly, and loading then refuses the file).
//!
//! With the driver (`gloss git-setup`, which runs `gloss merge-file`, the binary under test):
//! both of those merge cleanly, renumbered, with every link followed; a true conflict (the same
//! span relabelled two ways) makes git report the file conflicted, and the file still opens in
//! Gloss as ours with everything else merged.

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

/// Run the gloss under test in `dir`, with the same git environment.
fn gloss(dir: &Path, args: &[&str]) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("gloss runs")
}

/// A process's stdout and stderr, for assertion messages.
fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
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
/// `a` and `b` made from it; plain git, no merge driver.
fn repository() -> (tempfile::TempDir, PathBuf) {
    repository_with(false)
}

/// The same repository, set up by `gloss git-setup` to merge projects with the gloss under test.
fn repository_with_driver() -> (tempfile::TempDir, PathBuf) {
    repository_with(true)
}

fn repository_with(driver: bool) -> (tempfile::TempDir, PathBuf) {
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
    if driver {
        let setup = gloss(
            root,
            &["git-setup", ".", "--gloss", env!("CARGO_BIN_EXE_gloss")],
        );
        assert!(setup.status.success(), "{}", text(&setup));
    }

    let mut p = Project::new("news");
    p.insert_entity(Entity {
        id: gloss::model::EntityId(1),
        name: "Ambry".into(),
        label: "GPE".into(),
        aliases: vec![],
        attributes: Default::default(),
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
                attributes: Default::default(),
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
    // The first annotation of a todo document also marks it in progress (another line), so
    // the document is in progress already.
    commit(root, "a", "start", &path, |_| {
        vec![Command::SetStatus {
            doc: DocId(2),
            status: Status::InProgress,
        }]
    });
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
fn without_the_driver_entities_added_on_both_branches_conflict() {
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
                    attributes: Default::default(),
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
        "both sides wrote entity 2 at the same place; if plain git merges this now, update the README"
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
fn without_the_driver_spans_added_to_the_same_document_on_both_branches_are_refused_on_load() {
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

/// A new entity and the spans linked to it, as one annotator adds them: the entity takes
/// `next_entity_id`, its mention the document's next span id.
fn new_entity_with_mention(
    p: &Project,
    doc: DocId,
    text: &str,
    needle: &str,
    label: &str,
) -> Vec<Command> {
    let id = p.next_entity_id();
    let d = p.document(doc).unwrap();
    let mut mention = Span::new(d.next_span_id(), at(text, needle), label);
    mention.entity = Some(id);
    vec![
        Command::AddEntity {
            entity: Entity {
                id,
                name: needle.into(),
                label: label.into(),
                aliases: vec![],
                attributes: Default::default(),
            },
        },
        Command::AddSpans {
            doc,
            spans: vec![mention],
        },
    ]
}

fn merge_ok(root: &Path, path: &Path) {
    git_ok(root, &["checkout", "-q", "a"]);
    let merge = git(root, &["merge", "--no-edit", "b"]);
    assert!(
        merge.status.success(),
        "the merge conflicted:\n{}\n{}",
        text(&merge),
        std::fs::read_to_string(path).unwrap()
    );
    assert!(git_ok(root, &["status", "--porcelain"]).trim().is_empty());
}

fn spans_of(p: &Project, doc: DocId) -> Vec<(String, String, Option<String>)> {
    let d = p.document(doc).unwrap();
    d.spans
        .iter()
        .map(|s| {
            (
                d.slice(s.start, s.end).to_string(),
                s.label.to_string(),
                s.entity.map(|e| p.entity(e).unwrap().name.clone()),
            )
        })
        .collect()
}

fn owned(rows: &[(&str, &str, Option<&str>)]) -> Vec<(String, String, Option<String>)> {
    rows.iter()
        .map(|(t, l, e)| (t.to_string(), l.to_string(), e.map(str::to_string)))
        .collect()
}

#[test]
fn with_the_driver_entities_added_on_both_branches_merge() {
    let (dir, path) = repository_with_driver();
    let root = dir.path();
    // A: the fire service (a new entity, id 2) in the flood; B: Mira Holt (also id 2) in the
    // strike and Lena Ortiz (id 3) in the mayor's article.
    commit(root, "a", "A", &path, edit_a);
    commit(root, "b", "B", &path, |p| {
        let mut commands = new_entity_with_mention(p, DocId(2), STRIKE, "Mira Holt", "PERSON");
        let mut q = p.clone();
        for c in &commands {
            c.clone().apply(&mut q).unwrap();
        }
        commands.extend(new_entity_with_mention(
            &q,
            DocId(3),
            MAYOR,
            "Lena Ortiz",
            "PERSON",
        ));
        commands
    });
    merge_ok(root, &path);

    let merged = project_file::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut names: Vec<&str> = merged.entities.iter().map(|e| e.name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        ["Ambry", "Lena Ortiz", "Mira Holt", "the fire service"]
    );
    let ids: std::collections::HashSet<_> = merged.entities.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), 4, "every entity has its own id");
    assert_eq!(
        spans_of(&merged, DocId(1)),
        owned(&[
            ("Ambry", "GPE", Some("Ambry")),
            ("the fire service", "ORG", Some("the fire service"))
        ])
    );
    assert_eq!(
        spans_of(&merged, DocId(2)),
        owned(&[
            ("Karsk", "GPE", None),
            ("Mira Holt", "PERSON", Some("Mira Holt"))
        ])
    );
    assert_eq!(
        spans_of(&merged, DocId(3)),
        owned(&[("Lena Ortiz", "PERSON", Some("Lena Ortiz"))])
    );
    assert_eq!(merged.document(DocId(1)).unwrap().status, Status::Done);
}

#[test]
fn with_the_driver_spans_added_to_the_same_document_on_both_branches_merge() {
    let (dir, path) = repository_with_driver();
    let root = dir.path();
    // Both annotate the strike: A tags its start, B its end and quotes Mira Holt (span 2 on
    // both branches, quote speaker on B).
    commit(root, "a", "A", &path, |p| {
        vec![
            tag(p, DocId(2), STRIKE, "Dock workers", "NORP"),
            Command::SetStatus {
                doc: DocId(2),
                status: Status::InProgress,
            },
        ]
    });
    commit(root, "b", "B", &path, edit_b);
    merge_ok(root, &path);

    let merged = project_file::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(validate(&merged).is_empty());
    assert_eq!(
        spans_of(&merged, DocId(2)),
        owned(&[
            ("Dock workers", "NORP", None),
            ("Karsk", "GPE", None),
            ("port authority", "ORG", None),
            ("Mira Holt", "PERSON", None)
        ])
    );
    let strike = merged.document(DocId(2)).unwrap();
    assert_eq!(strike.status, Status::InProgress);
    assert_eq!(strike.quotes.len(), 1);
    let speaker = strike.span(strike.quotes[0].speaker.unwrap()).unwrap();
    assert_eq!(
        strike.slice(speaker.start, speaker.end),
        "Mira Holt",
        "the speaker follows its renumbered mention"
    );
}

#[test]
fn with_the_driver_a_true_conflict_is_reported_and_the_file_opens_as_ours() {
    let (dir, path) = repository_with_driver();
    let root = dir.path();
    let relabel = |label: &'static str| {
        move |p: &Project| vec![gestures::relabel(p, DocId(2), SpanId(1), label).unwrap()]
    };
    commit(root, "a", "A calls Karsk a place", &path, relabel("LOC"));
    commit(root, "b", "B calls Karsk a port", &path, |p| {
        let mut commands = relabel("ORG")(p);
        commands.push(tag(p, DocId(3), MAYOR, "Lena Ortiz", "PERSON"));
        commands
    });
    git_ok(root, &["checkout", "-q", "a"]);
    let merge = git(root, &["merge", "--no-edit", "b"]);
    let said = text(&merge);
    assert!(!merge.status.success(), "{said}");
    assert!(
        said.contains("CONFLICT") && said.contains("news.ron"),
        "{said}"
    );
    assert!(
        said.contains(
            "news.ron: conflict: document \"strike\": span \"Karsk\" (16..21): labelled LOC in ours and ORG in theirs (was GPE); kept ours"
        ),
        "{said}"
    );
    let status = git_ok(root, &["status", "--porcelain"]);
    assert!(status.contains("UU news.ron"), "{status}");

    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("<<<<<<<"), "{text}");
    let merged = project_file::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        spans_of(&merged, DocId(2)),
        owned(&[("Karsk", "LOC", None)]),
        "ours where it conflicts"
    );
    assert_eq!(
        spans_of(&merged, DocId(3)),
        owned(&[("Lena Ortiz", "PERSON", None)]),
        "and the rest of theirs merged"
    );
    // Resolved as usual: decide, add, commit.
    git_ok(root, &["add", "news.ron"]);
    git_ok(root, &["commit", "-q", "--no-edit"]);
}

#[test]
fn git_setup_configures_the_repository_once() {
    let (dir, _) = repository_with_driver();
    let root = dir.path();
    let attributes = std::fs::read_to_string(root.join(".gitattributes")).unwrap();
    assert_eq!(attributes, "*.ron merge=gloss\n");
    let ignore = std::fs::read_to_string(root.join(".gitignore")).unwrap();
    assert!(ignore.ends_with("*.ron.journal\n*.ron.lock\n"), "{ignore}");
    let driver = git_ok(root, &["config", "merge.gloss.driver"]);
    assert_eq!(
        driver.trim(),
        format!("{} merge-file %O %A %B %P", env!("CARGO_BIN_EXE_gloss"))
    );
    assert!(
        !git_ok(root, &["config", "merge.gloss.name"])
            .trim()
            .is_empty()
    );

    // Again, from a subfolder: nothing is added twice.
    std::fs::create_dir(root.join("sub")).unwrap();
    let again = gloss(
        &root.join("sub"),
        &["git-setup", "--gloss", env!("CARGO_BIN_EXE_gloss")],
    );
    assert!(again.status.success(), "{}", text(&again));
    assert_eq!(
        std::fs::read_to_string(root.join(".gitattributes")).unwrap(),
        attributes
    );
    assert_eq!(
        std::fs::read_to_string(root.join(".gitignore")).unwrap(),
        ignore
    );

    // Outside a repository: one line, exit 1.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = gloss(elsewhere.path(), &["git-setup"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not in a git repository"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn merge_file_refuses_a_file_that_is_not_a_project_and_writes_nothing() {
    let (dir, path) = repository();
    let root = dir.path();
    std::fs::copy(&path, root.join("base.ron")).unwrap();
    std::fs::copy(&path, root.join("ours.ron")).unwrap();
    std::fs::write(root.join("theirs.ron"), "(schema: 1, name: ").unwrap();
    let before = std::fs::read(root.join("ours.ron")).unwrap();
    let out = gloss(
        root,
        &[
            "merge-file",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "news.ron",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("theirs: theirs.ron:1:"), "{err}");
    assert_eq!(std::fs::read(root.join("ours.ron")).unwrap(), before);

    // And clean input is merged, with a summary on stdout.
    std::fs::copy(&path, root.join("theirs.ron")).unwrap();
    let out = gloss(root, &["merge-file", "base.ron", "ours.ron", "theirs.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("ours.ron: merged; 3 documents (+0)"),
        "{}",
        text(&out)
    );
}
