//! Engines outside Gloss, end to end: fake engines — small Python scripts written to a scratch
//! folder — run as child processes through `app::external` (as the window's worker runs them),
//! through the window's review loop, and through `gloss suggest`. Good output, garbage, bad
//! offsets and labels, an engine that hangs, one that fails, a missing program, a thousand
//! documents and a 10 MB one; merging with the built-in engines; choosing engines by name.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use gloss::app::external::{self, Launch};
use gloss::app::review::Review;
use gloss::model::{
    DocId, Document, ExternalEngine, LabelSet, MatcherSettings, Project, Proposal, QuoteKind,
};

mod common;
use common::gloss;

/// A text with accents before its names, so code points and bytes differ.
const TEXT: &str = "Café owner Zoë Brandt met Lena Ortiz in Portugal on Monday. \
“The tram is ready,” Ortiz said.";

/// Finds "Lena Ortiz" (PERSON), "Portugal" (GPE) and the quote, in code points.
const GOOD: &str = r#"
import json, sys
NAMES = {"Lena Ortiz": "PERSON", "Portugal": "GPE"}
for line in sys.stdin:
    d = json.loads(line)
    t = d["text"]
    for name, label in NAMES.items():
        i = t.find(name)
        while i >= 0:
            print(json.dumps({"doc": d["doc"], "start": i, "end": i + len(name),
                              "label": label, "score": 0.7, "reason": "fake list"}))
            i = t.find(name, i + 1)
    o, c = t.find("\u201c"), t.find("\u201d")
    if 0 <= o < c:
        s = t.find("said", c)
        print(json.dumps({"doc": d["doc"], "quote": {"content": [[o + 1, c]],
              "cue": [s, s + 4], "kind": "direct"}, "score": 0.6}))
    sys.stdout.flush()
"#;

fn script(dir: &Path, name: &str, code: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, code).unwrap();
    path
}

/// An engine running `python3 SCRIPT` (the script written to `dir`).
fn engine(dir: &Path, name: &str, code: &str) -> ExternalEngine {
    let path = script(dir, &format!("{name}.py"), code);
    let mut e = ExternalEngine::new(name, "python3");
    e.args = vec![path.to_string_lossy().into_owned()];
    e
}

fn project(labels: &[&str], texts: &[&str]) -> Project {
    let labels = LabelSet::from_names(labels.iter().map(|l| l.to_string()));
    let mut p = Project::with_labels("p", labels);
    for (i, t) in texts.iter().enumerate() {
        let id = i as u64 + 1;
        p.insert_document(Document::new(DocId(id), format!("d{id}"), *t));
    }
    p
}

fn run(e: &ExternalEngine, p: &Project) -> Result<external::Found, external::Failure> {
    let docs: Vec<&Document> = p.documents.iter().collect();
    let never = AtomicBool::new(false);
    external::run(&Launch::external(e), p, &docs, None, &never, |_, _| {})
}

fn chars(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).expect("in the text");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

#[test]
fn a_good_engine_gives_suggestions_in_code_points() {
    let dir = tempfile::tempdir().unwrap();
    let e = engine(dir.path(), "fake", GOOD);
    let p = project(&["PERSON", "GPE"], &[TEXT]);
    let found = run(&e, &p).unwrap();
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    let items = &found.found[&DocId(1)];
    let spans: Vec<((usize, usize), &str)> = items
        .iter()
        .filter(|s| matches!(s.proposal, Proposal::Span { .. }))
        .map(|s| (s.range(), s.label()))
        .collect();
    assert_eq!(
        spans,
        [
            (chars(TEXT, "Lena Ortiz"), "PERSON"),
            (chars(TEXT, "Portugal"), "GPE")
        ]
    );
    assert!(items.iter().all(|s| s.engine == "fake"));
    let quote = items
        .iter()
        .find_map(|s| match &s.proposal {
            Proposal::Quote {
                content, cue, kind, ..
            } => Some((content.clone(), *cue, *kind)),
            Proposal::Span { .. } => None,
        })
        .expect("a quote");
    assert_eq!(quote.0, [chars(TEXT, "The tram is ready,")]);
    assert_eq!(quote.1, Some(chars(TEXT, "said")));
    assert_eq!(quote.2, QuoteKind::Direct);
}

#[test]
fn garbage_lines_are_reported_by_number_and_fatal_only_alone() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(&["PERSON"], &[TEXT]);
    let some = engine(
        dir.path(),
        "noisy",
        r#"
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    print("loading model...")
    print(json.dumps({"doc": d["doc"], "start": 11, "end": 21, "label": "PERSON"}))
    print("{broken")
"#,
    );
    let found = run(&some, &p).unwrap();
    assert_eq!(found.found[&DocId(1)].len(), 1);
    assert_eq!(found.problems.len(), 1, "{:?}", found.problems);
    let line = &found.problems[0];
    assert!(
        line.starts_with("noisy: 2 lines are not suggestions, skipped (line 1: ")
            && line.contains("line 3: "),
        "{line}"
    );

    let only = engine(
        dir.path(),
        "garbage",
        "import sys\nsys.stdin.read()\nprint('hello')\nprint('world')\n",
    );
    let failure = run(&only, &p).unwrap_err();
    assert!(
        failure
            .message
            .starts_with("garbage: wrote 2 lines and none is a suggestion (line 1: "),
        "{failure:?}"
    );
}

#[test]
fn bad_offsets_and_unknown_labels_are_counted_and_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let mut e = engine(
        dir.path(),
        "sloppy",
        r#"
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    n = len(d["text"])
    for s, e, label in [(11, 21, "PERSON"), (26, 36, "PER"), (5, 5, "PERSON"), (9, 3, "PERSON"),
                        (n - 2, n + 5, "PERSON"), (-1, 4, "PERSON"), (0, 4, "DATE"),
                        (0, 4, "DATE"), (40, 48, "GPE")]:
        print(json.dumps({"doc": d["doc"], "start": s, "end": e, "label": label}))
    print(json.dumps({"doc": 77, "start": 0, "end": 4, "label": "PERSON"}))
"#,
    );
    e.labels.insert("PERSON".into(), "PER".into());
    let p = project(&["PER", "LOC"], &[TEXT]);
    let found = run(&e, &p).unwrap();
    let kept: Vec<((usize, usize), &str)> = found.found[&DocId(1)]
        .iter()
        .map(|s| (s.range(), s.label()))
        .collect();
    // GPE is kept: the project's LOC is its equivalent (relabelled when merged).
    assert_eq!(
        kept,
        [((11, 21), "PER"), ((26, 36), "PER"), ((40, 48), "GPE")]
    );
    let problems = found.problems.join("\n");
    assert!(
        problems.contains("sloppy: 2 suggestions outside the document, dropped (line 5: 90..97 in a document of 92 characters; line 6: -1..4"),
        "{problems}"
    );
    assert!(
        problems.contains(
            "sloppy: 2 suggestions with start ≥ end, dropped (line 3: 5..5; line 4: 9..3)"
        ),
        "{problems}"
    );
    assert!(
        problems.contains(
            "sloppy: 1 suggestion for a document it was not given, dropped (line 10: doc 77)"
        ),
        "{problems}"
    );
    assert!(
        problems.contains(
            "sloppy: 2 suggestions with a label the project does not have, dropped: DATE (2)"
        ),
        "{problems}"
    );
}

/// True once no process `pid` is running: gone, or dead and waiting for its parent (a
/// grandchild orphaned by the kill is reaped by whoever adopts it, in its own time).
fn dead(pid: &str, zombie_ok: bool) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => {
            // The state follows the parenthesised command name.
            let state = stat
                .rsplit(')')
                .next()
                .and_then(|r| r.split_whitespace().next());
            zombie_ok && state == Some("Z")
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_hung_engine_times_out_and_is_killed_with_what_it_started() {
    let dir = tempfile::tempdir().unwrap();
    let pids = dir.path().join("pids");
    let mut e = engine(
        dir.path(),
        "hang",
        &format!(
            r#"
import os, subprocess, time
child = subprocess.Popen(["sleep", "300"])
with open({pids:?}, "w") as f:
    f.write(f"{{os.getpid()}} {{child.pid}}")
time.sleep(300)
"#
        ),
    );
    e.timeout_secs = 1;
    let p = project(&["PERSON"], &[TEXT]);
    let started = Instant::now();
    let failure = run(&e, &p).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        failure.message,
        "engine hang: stopped after 1 s without reading a document or writing a line (its timeout)"
    );
    assert!(!failure.cancelled);
    let written = std::fs::read_to_string(&pids).unwrap();
    let (engine_pid, sleep_pid) = written.split_once(' ').unwrap();
    // The engine is reaped (no zombie left), and the sleep it started is killed too.
    assert!(dead(engine_pid, false), "engine {engine_pid} still there");
    let until = Instant::now() + Duration::from_secs(5);
    while !dead(sleep_pid, true) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(dead(sleep_pid, true), "its child {sleep_pid} still runs");
}

#[test]
fn a_failing_engine_shows_its_stderr_and_a_missing_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(&["PERSON"], &[TEXT]);
    let e = engine(
        dir.path(),
        "broken",
        "import sys\nsys.stderr.write('Traceback (most recent call last):\\n  File x\\nOSError: [E050] Can\\'t find model\\n')\nsys.exit(3)\n",
    );
    let failure = run(&e, &p).unwrap_err();
    assert_eq!(
        failure.message,
        "engine broken failed (exit status 3): OSError: [E050] Can't find model"
    );
    assert!(
        failure
            .stderr
            .starts_with("Traceback (most recent call last):"),
        "{failure:?}"
    );

    let missing = ExternalEngine::new("ghost", "gloss-no-such-engine");
    let failure = run(&missing, &p).unwrap_err();
    assert_eq!(
        failure.message,
        "engine ghost: cannot start “gloss-no-such-engine”: no such program (install it, or give its full path)"
    );
}

/// Answers each document as soon as it has read it, echoing its whole text back in an extra
/// field: with a thousand documents this is far more than a pipe holds, so a Gloss that wrote
/// everything before reading would wait on the engine forever, and the engine on Gloss.
const ECHO_LINES: &str = r#"
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    print(json.dumps({"doc": d["doc"], "start": 0, "end": 4, "label": "PERSON", "echo": d["text"]}))
    sys.stdout.flush()
"#;

/// Echoes every block of input as soon as it arrives, before reading on (like `cat`), with a
/// suggestion for the one document it is given.
const ECHO_CHUNKS: &str = r#"
import json, re, sys
doc, k = None, 0
while True:
    chunk = sys.stdin.buffer.read1(65536)
    if not chunk:
        break
    if doc is None:
        doc = int(re.match(rb'\{"doc":(\d+)', chunk).group(1))
    print(json.dumps({"doc": doc, "start": k, "end": k + 1, "label": "PERSON",
                      "echo": chunk.decode("utf-8", "replace")}))
    sys.stdout.flush()
    k += 2
"#;

#[test]
fn a_thousand_documents_and_a_ten_megabyte_one_pass_without_deadlock() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Ana Ruiz spoke to the council in Léon about the harbour bridge. ".repeat(40);
    let texts: Vec<&str> = (0..1000).map(|_| body.as_str()).collect();
    let p = project(&["PERSON"], &texts);
    let e = engine(dir.path(), "echo", ECHO_LINES);
    let started = Instant::now();
    let found = run(&e, &p).unwrap();
    assert_eq!(found.found.len(), 1000);
    assert!(found.found.values().all(|v| v.len() == 1));
    eprintln!("1,000 documents: {:?}", started.elapsed());

    let big = "Zoë Brandt met Lena Ortiz in Portugal; “the tram is ready”. ".repeat(175_000);
    assert!(big.len() > 10_000_000);
    let p = project(&["PERSON"], &[big.as_str()]);
    let e = engine(dir.path(), "cat", ECHO_CHUNKS);
    let started = Instant::now();
    let found = run(&e, &p).unwrap();
    let items = &found.found[&DocId(1)];
    assert!(items.len() > 100, "{} blocks echoed", items.len());
    eprintln!("10 MB: {:?}, {} blocks", started.elapsed(), items.len());
}

/// A project saved in `dir` with the fake engine, the quotes engine off (its suggestions are
/// not what these tests look at).
fn saved_project(dir: &Path) -> PathBuf {
    let mut p = project(&["PERSON", "ORG", "GPE"], &[TEXT]);
    p.matcher.quotes = false;
    p.matcher.external.push(engine(dir, "fake", GOOD));
    let path = dir.join("p.ron");
    gloss::io::project_file::save(&path, &p).unwrap();
    path
}

fn suggestions(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_same_span_from_two_engines_is_one_suggestion_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    saved_project(dir.path());
    let run = gloss(
        dir.path(),
        &["suggest", "p.ron", "--engines", "gazetteer,fake", "-o", "-"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let found = suggestions(&run.stdout);
    let (a, b) = chars(TEXT, "Portugal");
    let at: Vec<&serde_json::Value> = found
        .iter()
        .filter(|s| s["start"] == a && s["end"] == b)
        .collect();
    assert_eq!(at.len(), 1, "{found:#?}");
    let s = at[0];
    assert_eq!(s["label"], "GPE");
    assert_eq!(s["engine"], "gazetteer+fake", "{s}");
    let reason = s["reason"].as_str().unwrap();
    assert!(
        reason.starts_with(
            "gazetteer: Portugal in the countries list; fake: Portugal as GPE by fake: fake list"
        ),
        "{reason}"
    );
    // Scores combine as independent evidence: above either alone (0.95 and 0.7).
    assert!(s["score"].as_f64().unwrap() > 0.95, "{s}");
    // What only the fake engine found is its own.
    let (a, _) = chars(TEXT, "Lena Ortiz");
    let lena = found.iter().find(|s| s["start"] == a).expect("Lena Ortiz");
    assert_eq!(lena["engine"], "fake");
}

#[test]
fn engines_are_chosen_by_name_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    saved_project(dir.path());
    let run = gloss(
        dir.path(),
        &["suggest", "p.ron", "--engines", "fake", "-o", "-"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let found = suggestions(&run.stdout);
    // Its two names and its quote (the quotes engine inside Gloss is off, not the engine's).
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found.iter().all(|s| s["engine"] == "fake"));

    let run = gloss(
        dir.path(),
        &["suggest", "p.ron", "--engines", "gazetteer", "-o", "-"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        suggestions(&run.stdout)
            .iter()
            .all(|s| s["engine"] == "gazetteer")
    );

    let run = gloss(
        dir.path(),
        &[
            "suggest",
            "p.ron",
            "--engines",
            "gazetteer,spacey",
            "-o",
            "-",
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr.trim(),
        "gloss: --engines: unknown engine spacey; the engines are gazetteer, learned, rules, model, quotes, spacy, fake"
    );
}

#[test]
fn a_failing_engine_stops_the_command_with_its_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(&["PERSON"], &[TEXT]);
    p.matcher.external.push(engine(
        dir.path(),
        "broken",
        "import sys\nsys.stderr.write('loading\\nno model here\\n')\nsys.exit(2)\n",
    ));
    gloss::io::project_file::save(&dir.path().join("p.ron"), &p).unwrap();
    let run = gloss(dir.path(), &["suggest", "p.ron", "--accept-all"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("broken wrote on standard error:\nloading\nno model here\n"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .trim_end()
            .ends_with("gloss: engine broken failed (exit status 2): no model here"),
        "{run:?}"
    );
    // Nothing was accepted, and no journal is left behind.
    assert!(!dir.path().join("p.ron.journal").exists());
    let run = gloss(
        dir.path(),
        &[
            "suggest",
            "p.ron",
            "--spacy",
            "m",
            "--python",
            "gloss-no-python",
            "--engines",
            "spacy",
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("engine spacy: cannot start “gloss-no-python”: no such program"),
        "{run:?}"
    );
}

/// The window's review loop until the open document's exact suggestions are in.
fn settle(review: &mut Review, p: &Project, revision: u64) {
    let until = Instant::now() + Duration::from_secs(60);
    while review.tick(p, revision, Some(DocId(1)), Vec::new) {
        assert!(Instant::now() < until, "no answer from the worker");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn the_window_runs_an_engine_once_per_text_and_can_cancel_one() {
    let dir = tempfile::tempdir().unwrap();
    let runs = dir.path().join("runs");
    let counting = format!("open({runs:?}, 'a').write('run\\n')\n{GOOD}");
    let mut p = project(&["PERSON", "GPE"], &[TEXT]);
    p.matcher
        .external
        .push(engine(dir.path(), "fake", &counting));
    let mut review = Review::new(Arc::new(|| {}));
    settle(&mut review, &p, 1);
    let shown = review.visible(&p, &p.documents[0]);
    let (a, b) = chars(TEXT, "Lena Ortiz");
    assert!(
        shown
            .iter()
            .any(|s| s.range() == (a, b) && s.is_from("fake")),
        "{shown:#?}"
    );
    // Edits (new revisions of the same text) do not run it again.
    for revision in 2..5 {
        settle(&mut review, &p, revision);
    }
    assert_eq!(std::fs::read_to_string(&runs).unwrap(), "run\n");

    // An engine that hangs is cancelled; the built-in engines' suggestions still come.
    let mut slow = engine(dir.path(), "slow", "import time\ntime.sleep(300)\n");
    slow.timeout_secs = 600;
    p.matcher.external = vec![slow];
    let mut review = Review::new(Arc::new(|| {}));
    let until = Instant::now() + Duration::from_secs(60);
    while review.engine_status().running.is_none() {
        review.tick(&p, 1, Some(DocId(1)), Vec::new);
        assert!(Instant::now() < until, "the engine never started");
        std::thread::sleep(Duration::from_millis(10));
    }
    review.cancel_engines();
    settle(&mut review, &p, 1);
    let status = review.engine_status();
    assert!(status.running.is_none() && status.paused);
    assert_eq!(status.failures.len(), 1);
    assert!(status.failures[0].cancelled);
    assert_eq!(status.failures[0].message, "engine slow: cancelled");
    let shown = review.visible(&p, &p.documents[0]);
    assert!(shown.iter().any(|s| s.engine == "gazetteer"), "{shown:#?}");
}

#[test]
fn older_project_files_load_with_no_outside_engines() {
    // A project file as Gloss wrote it before outside engines existed.
    let old = r##"(
    schema: 1,
    name: "old",
    labels: [
        (name: "PERSON", color: "#3b82f6", key: Some('1')),
    ],
    matcher: (
        rules: false,
        min_learned_len: 4,
    ),
    documents: [
        (id: 1, name: "a", text: "Ana Ruiz spoke."),
    ],
)
"##;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ron");
    std::fs::write(&path, old).unwrap();
    let p = gloss::io::project_file::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(!p.matcher.rules);
    assert!(p.matcher.external.is_empty());
    assert_eq!(p.matcher.spacy, MatcherSettings::default().spacy);
    assert!(external::launches(&p.matcher).is_empty());
}

/// Suggests topic = politics for every document, and a topic the project does not have.
const CATEGORISER: &str = r#"
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    print(json.dumps({"doc": d["doc"], "category": {"topic": "politics"}, "score": 0.8}))
    print(json.dumps({"doc": d["doc"], "category": {"topic": "crime"}}))
    sys.stdout.flush()
"#;

/// A project with a `topic` scheme (one value per document) and the categorising engine.
fn categorised_project(dir: &Path) -> Project {
    let mut p = project(&["PERSON"], &[TEXT]);
    p.matcher.quotes = false;
    p.schemes.push(gloss::model::CategoryScheme {
        name: "topic".into(),
        multiple: false,
        values: ["politics", "sport"]
            .map(|n| gloss::model::CategoryValue {
                name: n.into(),
                key: None,
                color: gloss::model::Color([10, 20, 30]),
            })
            .into(),
        description: String::new(),
    });
    p.documents[0]
        .categories
        .insert("topic".into(), vec!["sport".into()]);
    p.matcher.external.push(engine(dir, "topics", CATEGORISER));
    p
}

#[test]
fn a_suggested_category_is_listed_and_set_by_accept_all() {
    let dir = tempfile::tempdir().unwrap();
    let p = categorised_project(dir.path());
    let path = dir.path().join("p.ron");
    gloss::io::project_file::save(&path, &p).unwrap();

    // Engine run directly: the known value kept, the unknown one reported.
    let found = run(&p.matcher.external[0], &p).unwrap();
    let c = &found.categories[&DocId(1)];
    assert_eq!(c.len(), 1);
    assert_eq!(
        (c[0].scheme.as_str(), c[0].value.as_str()),
        ("topic", "politics")
    );
    assert_eq!(c[0].engine, "topics");
    assert_eq!(
        found.problems,
        [
            "topics: 1 category suggestion with a category the project does not have, dropped: topic = crime (1)"
        ]
    );

    let listed = gloss(
        dir.path(),
        &["suggest", "p.ron", "--engines", "topics", "-o", "-"],
    );
    assert_eq!(listed.code, 0, "{listed:?}");
    let lines = suggestions(&listed.stdout);
    assert_eq!(
        lines,
        [
            serde_json::json!({"doc": "d1", "category": {"topic": "politics"}, "score": 0.8, "engine": "topics"})
        ]
    );
    let unchanged = gloss::io::project_file::load(&path).unwrap();
    assert_eq!(unchanged.documents[0].categories["topic"], ["sport"]);

    let run = gloss(
        dir.path(),
        &["suggest", "p.ron", "--engines", "topics", "--accept-all"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("set 1 suggested document categories"),
        "{run:?}"
    );
    let saved = gloss::io::project_file::load(&path).unwrap();
    assert_eq!(saved.documents[0].categories["topic"], ["politics"]);
}

#[test]
fn the_window_offers_a_suggested_category_and_never_sets_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = categorised_project(dir.path());
    let mut review = Review::new(Arc::new(|| {}));
    settle(&mut review, &p, 1);
    let until = Instant::now() + Duration::from_secs(60);
    while review.suggested_categories(DocId(1)).is_empty() {
        review.tick(&p, 1, Some(DocId(1)), Vec::new);
        assert!(Instant::now() < until, "no category suggested");
        std::thread::sleep(Duration::from_millis(10));
    }
    let s = review.suggested_categories(DocId(1));
    assert_eq!((s[0].value.as_str(), s[0].score), ("politics", 0.8));
    assert_eq!(p.documents[0].categories["topic"], ["sport"]);
    match external::accept_category(&p, DocId(1), &s[0]) {
        Some(gloss::app::Command::SetCategories { scheme, values, .. }) => {
            assert_eq!(
                (scheme.as_str(), values),
                ("topic", vec!["politics".to_string()])
            );
        }
        other => panic!("{other:?}"),
    }
}
