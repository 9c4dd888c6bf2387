//! Working as a team through the window: the Agreement view on two annotators' projects, a
//! whole curation pass by keyboard (take one, take the other, take all, neither, N and P, undo
//! a decision), and the Dashboard.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::app::dialogs::{DialogKind, ScriptedDialogs};
use gloss::io::project_file;
use gloss::model::{CharRange, DocId, Document, Project, Span, SpanId};
use gloss::ui::Workbench;

use crate::support::*;

const MEETING: &str = "Ana Ruiz met Bo Li in Lima on Monday.";
const CALM: &str = "Nothing happened today.";
const SAME: &str = "Quito welcomed Accra.";

/// A document: its name, its text, and its spans as (text, label).
type Doc<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

/// A project of `name` with these documents.
fn annotator(name: &str, docs: &[Doc]) -> Project {
    let mut p = Project::new(name);
    for (i, (doc, text, spans)) in docs.iter().enumerate() {
        let mut d = Document::new(DocId(i as u64 + 1), *doc, *text);
        for (k, (needle, label)) in spans.iter().enumerate() {
            let byte = text.find(needle).expect("needle in text");
            let start = text[..byte].chars().count();
            let end = start + needle.chars().count();
            d.insert_span(Span::new(
                SpanId(k as u64 + 1),
                CharRange::new(start, end),
                *label,
            ));
        }
        p.insert_document(d);
    }
    p
}

fn write(dir: &Path, name: &str, p: &Project) -> PathBuf {
    let path = dir.join(format!("{name}.ron"));
    project_file::save(&path, p).expect("save");
    path
}

fn menu(h: &mut Harness<'_, Workbench>, menu: &str, entry: &str) {
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label(entry).click();
    h.run();
}

#[test]
fn the_agreement_view_compares_the_open_project_with_another() {
    let dir = tempfile::tempdir().unwrap();
    let alice = annotator(
        "alice",
        &[
            (
                "meeting",
                MEETING,
                &[("Ana Ruiz", "PERSON"), ("Bo Li", "PERSON"), ("Lima", "GPE")],
            ),
            ("calm", CALM, &[]),
            ("same", SAME, &[("Quito", "GPE")]),
        ],
    );
    let bob = annotator(
        "bob",
        &[
            (
                "meeting",
                MEETING,
                &[("Ana Ruiz", "PERSON"), ("Bo Li", "ORG")],
            ),
            ("calm", CALM, &[]),
            ("same", SAME, &[("Quito", "GPE")]),
        ],
    );
    let a = write(dir.path(), "alice", &alice);
    let b = write(dir.path(), "bob", &bob);
    let dialogs = ScriptedDialogs::new();
    // Picking the open project's own file as well adds it only once.
    dialogs.answer(vec![b.clone(), a.clone()]);
    let mut h = harness_for(Some(&a), dialogs.clone());

    menu(&mut h, "View", "Agreement…");
    h.get_by_label("Add projects…").click();
    h.run();
    assert_eq!(
        dialogs.requested.lock().unwrap().last(),
        Some(&DialogKind::CompareProjects)
    );
    assert!(h.query_by_label_contains("2 annotators chosen").is_some());
    h.get_by_label("Compare").click();
    h.run();
    wait_for_job(&mut h);

    let report = h.state().agreement_report().expect("a report");
    assert_eq!(report.annotators, ["alice", "bob"]);
    // Exact F1 over all labels: 2 matches of 4 + 3 spans. PERSON: 2·1/(2+1).
    assert!(
        h.query_all_by_label("0.571").count() > 0,
        "overall exact F1"
    );
    assert!(h.query_all_by_label("0.667").count() > 0, "PERSON F1");
    // Cohen's kappa on the 18 pooled tokens: p_o = 15/18, p_e = (4·2 + 2·1 + 12·13)/18².
    assert!(h.query_all_by_label("0.658").count() > 0, "overall kappa");
    // The meeting alone: p_o = 0.7, p_e = 0.38.
    assert!(h.query_all_by_label("0.516").count() > 0, "meeting's kappa");
    // "calm" has no spans: its measures are undefined, shown as a dash, never NaN.
    assert!(h.query_all_by_label("–").count() > 0);
    assert!(h.query_all_by_label_contains("NaN").next().is_none());

    // Lowest kappa first, undefined last; the column's name flips the order.
    let order = |h: &Harness<'_, Workbench>| {
        let mut docs: Vec<(f32, &str)> = ["meeting", "calm", "same"]
            .into_iter()
            .map(|d| (h.get_by_role_and_label(egui::Role::Link, d).rect().top(), d))
            .collect();
        docs.sort_by(|a, b| a.0.total_cmp(&b.0));
        docs.into_iter().map(|d| d.1).collect::<Vec<_>>()
    };
    assert_eq!(order(&h), ["meeting", "same", "calm"]);
    h.get_by_label("Cohen κ ⏶").click();
    h.run();
    assert_eq!(order(&h), ["same", "meeting", "calm"]);

    // A document's name opens it.
    assert_eq!(h.state().editing.doc, Some(DocId(1)));
    h.get_by_role_and_label(egui::Role::Link, "calm").click();
    h.run();
    assert_eq!(h.state().editing.doc, Some(DocId(2)));
}

/// Alice and Bob over one document: "Accra" they agree on; five regions they do not.
fn curation_projects(dir: &Path) -> (PathBuf, PathBuf) {
    let text = "Ana Ruiz met Bo Li in Lima on Monday. Quito and Accra signed.";
    let alice = annotator(
        "alice",
        &[(
            "news",
            text,
            &[
                ("Ana Ruiz", "PERSON"),
                ("Bo Li", "PERSON"),
                ("Lima", "GPE"),
                ("Monday", "MISC"),
                ("Quito", "GPE"),
                ("Accra", "GPE"),
            ],
        )],
    );
    let bob = annotator(
        "bob",
        &[(
            "news",
            text,
            &[
                ("Ana Ruiz", "ORG"),
                ("Li", "PERSON"),
                ("Lima", "LOC"),
                ("Accra", "GPE"),
            ],
        )],
    );
    (write(dir, "alice", &alice), write(dir, "bob", &bob))
}

/// Two annotators' projects, and a window whose dialogs will pick them and then `curated`
/// (returned) as the curated project's file.
fn ready_to_curate() -> (
    tempfile::TempDir,
    PathBuf,
    ScriptedDialogs,
    Harness<'static, Workbench>,
) {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = curation_projects(dir.path());
    let curated = dir.path().join("curated.ron");
    let dialogs = ScriptedDialogs::new();
    dialogs.answer(vec![a, b]);
    dialogs.answer(vec![curated.clone()]);
    let h = harness_for(None, dialogs.clone());
    (dir, curated, dialogs, h)
}

fn span_set(p: &Project) -> Vec<(String, String)> {
    let d = &p.documents[0];
    let mut v: Vec<(String, String)> = d
        .spans
        .iter()
        .map(|s| (d.slice(s.start, s.end).to_string(), s.label.to_string()))
        .collect();
    v.sort();
    v
}

#[test]
fn a_whole_curation_pass_by_keyboard() {
    let (_dir, curated, dialogs, mut h) = ready_to_curate();

    menu(&mut h, "File", "Curate annotators…");
    h.get_by_label("Add projects…").click();
    h.run();
    h.get_by_label("Start curating").click();
    h.run();
    wait_for_job(&mut h);
    assert_eq!(
        dialogs.requested.lock().unwrap().as_slice(),
        &[DialogKind::CurateProjects, DialogKind::SaveCurated]
    );
    // The curated project is saved at once and holds what both agree on.
    assert_eq!(h.state().session.path(), Some(curated.as_path()));
    assert_eq!(
        span_set(&h.state().session.project),
        [("Accra".to_string(), "GPE".to_string())]
    );
    assert_eq!(h.state().curation_progress(), Some((0, 5)));
    assert_eq!(h.state().curation_current(), Some(0));
    assert!(h.query_by_label("0 of 5 decided").is_some());
    assert!(h.query_by_label_contains("Take alice (1)").is_some());
    // The region is marked in the text.
    assert_eq!(h.state().editing.highlight, Some(CharRange::new(0, 8)));

    // N and P walk the open disagreements.
    key(&mut h, Key::N);
    assert_eq!(h.state().curation_current(), Some(1));
    key(&mut h, Key::P);
    assert_eq!(h.state().curation_current(), Some(0));

    // 1: Alice's PERSON "Ana Ruiz" (not the label on key 1: the digits take annotators here).
    key(&mut h, Key::Num1);
    assert_eq!(h.state().curation_current(), Some(1));
    // 2: Bob's "Li".
    key(&mut h, Key::Num2);
    // A: both "Lima"s.
    key(&mut h, Key::A);
    // 0: neither "Monday".
    key(&mut h, Key::Num0);
    assert_eq!(h.state().curation_progress(), Some((4, 5)));
    assert_eq!(h.state().curation_current(), Some(4));
    assert!(h.query_by_label("4 of 5 decided").is_some());

    // Ctrl+Z un-decides "Monday" and goes back to it.
    key_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().curation_progress(), Some((3, 5)));
    assert_eq!(h.state().curation_current(), Some(3));
    // X: neither again; then 1 takes Alice's "Quito", the last one.
    key(&mut h, Key::X);
    assert_eq!(h.state().curation_current(), Some(4));
    key(&mut h, Key::Num1);
    assert_eq!(h.state().curation_progress(), Some((5, 5)));
    assert!(h.query_by_label("5 of 5 decided").is_some());
    assert!(
        h.query_by_label_contains("All 5 disagreements are decided")
            .is_some()
    );

    let expected: Vec<(String, String)> = [
        ("Accra", "GPE"),
        ("Ana Ruiz", "PERSON"),
        ("Li", "PERSON"),
        ("Lima", "GPE"),
        ("Lima", "LOC"),
        ("Quito", "GPE"),
    ]
    .iter()
    .map(|(t, l)| (t.to_string(), l.to_string()))
    .collect();
    assert_eq!(span_set(&h.state().session.project), expected);
    // What was not taken is remembered as rejected: Bob's ORG, Alice's "Bo Li", "Monday".
    let rejected = &h.state().session.project.verdicts.rejected;
    assert_eq!(rejected.len(), 3, "{rejected:?}");

    // Ctrl+S writes exactly that.
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(span_set(&project_file::load(&curated).unwrap()), expected);
}

#[test]
fn the_dashboard_shows_labels_statuses_and_documents() {
    let (_dir, _path, mut h) = open();
    let person_before = h.query_all_by_label("PERSON").count();
    menu(&mut h, "View", "Dashboard");
    h.get_by_label("Dashboard");
    h.get_by_label("Label distribution");
    h.get_by_label("Spans per label");
    assert!(
        h.query_all_by_label("PERSON").count() > person_before,
        "the label table lists PERSON"
    );
    assert!(
        h.query_by_label_contains("2 documents (2 todo, 0 in progress, 0 done) · 1 spans")
            .is_some()
    );
    assert!(h.query_by_label("No quotes yet.").is_some());
    // A document's name opens it.
    h.get_by_role_and_label(egui::Role::Link, "second").click();
    h.run();
    assert_eq!(h.state().editing.doc, Some(DocId(2)));
}

#[test]
fn enter_starts_curating_and_escape_closes_the_window() {
    let (_dir, curated, _, mut h) = ready_to_curate();
    menu(&mut h, "File", "Curate annotators…");
    key(&mut h, Key::Escape);
    assert!(
        h.query_by_label("Start curating").is_none(),
        "Esc closes it"
    );
    menu(&mut h, "File", "Curate annotators…");
    h.get_by_label("Add projects…").click();
    h.run();
    key(&mut h, Key::Enter);
    wait_for_job(&mut h);
    assert_eq!(h.state().session.path(), Some(curated.as_path()));
    assert_eq!(h.state().curation_progress(), Some((0, 5)));
}
