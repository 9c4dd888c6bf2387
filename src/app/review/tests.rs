//! Tests of reading a project's own lists, and of asking about those outside its folder.

use super::*;
use crate::model::{MatcherSettings, UserList};

fn settings(paths: &[&str]) -> MatcherSettings {
    MatcherSettings {
        user_lists: paths
            .iter()
            .map(|p| UserList {
                path: p.to_string(),
                fold_case: false,
            })
            .collect(),
        ..MatcherSettings::default()
    }
}

#[cfg(unix)]
#[test]
fn lists_are_read_from_the_project_folder_and_others_are_held_back() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    std::fs::create_dir(&project).unwrap();
    std::fs::write(project.join("in.tsv"), "Orvala\tMISC\n").unwrap();
    std::fs::write(dir.path().join("outside.tsv"), "Karsk\tGPE\n").unwrap();
    std::os::unix::fs::symlink("../outside.tsv", project.join("link.tsv")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(project.join("fifo.tsv"))
        .status();
    assert!(made.unwrap().success());
    let s = settings(&[
        "in.tsv",
        "../outside.tsv",
        "link.tsv",
        "/dev/zero",
        "fifo.tsv",
        "missing.tsv",
    ]);

    let read = read_user_lists(&s, Some(&project), |_| false);
    assert_eq!(
        read.lists,
        [("in.tsv".to_string(), "Orvala\tMISC\n".to_string())]
    );
    let outside: Vec<&str> = read.outside.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(outside, ["../outside.tsv", "link.tsv"]);
    let real = std::fs::canonicalize(dir.path().join("outside.tsv")).unwrap();
    assert!(read.outside.iter().all(|o| o.path == real));
    assert_eq!(read.problems.len(), 3, "{:?}", read.problems);
    assert!(
        read.problems[0].contains("/dev/zero: is a device"),
        "{:?}",
        read.problems
    );
    assert!(
        read.problems[1].contains("fifo.tsv: is a named pipe"),
        "{:?}",
        read.problems
    );
    assert!(
        read.problems[2].contains("missing.tsv: cannot read"),
        "{:?}",
        read.problems
    );

    // Allowed, the outside lists are read; the device and the FIFO still are not.
    let read = read_user_lists(&s, Some(&project), |p| p == real);
    assert_eq!(read.lists.len(), 3);
    assert!(read.outside.is_empty());
    assert_eq!(read.problems.len(), 3, "{:?}", read.problems);
}

#[test]
fn a_list_too_big_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.tsv");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(files::LIST_CAP + 1024 * 1024).unwrap();
    let read = read_user_lists(&settings(&["big.tsv"]), Some(dir.path()), |_| false);
    assert!(read.lists.is_empty());
    assert_eq!(read.problems.len(), 1);
    assert!(
        read.problems[0].contains("big.tsv: is 65 MB, more than the 64 MB"),
        "{:?}",
        read.problems
    );
}

#[test]
fn each_outside_list_is_asked_about_once() {
    let one = OutsideList {
        name: "../a.tsv".into(),
        path: PathBuf::from("/x/a.tsv"),
    };
    let mut consent = OutsideConsent::default();
    consent.met(std::slice::from_ref(&one));
    consent.met(std::slice::from_ref(&one));
    let asked = consent.question().unwrap();
    assert_eq!(asked, std::slice::from_ref(&one));
    consent.answer(&asked, false);
    assert!(consent.question().is_none());
    consent.met(std::slice::from_ref(&one));
    assert!(consent.question().is_none());
    assert!(!consent.allows(&one.path));
    consent.answer(&asked, true);
    assert!(consent.allows(&one.path));
}

/// Tick until the open document's exact answer is in (at most 20 s).
fn settle(review: &mut Review, project: &Project, doc: DocId) {
    for _ in 0..2000 {
        review.tick(project, 1, Some(doc), Vec::new);
        if !review.busy(doc, 1) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no answer from the worker");
}

#[test]
fn an_answer_computed_before_a_new_model_is_not_kept() {
    let mut project = Project::new("p");
    let doc = crate::model::DocId(1);
    project.insert_document(crate::model::Document::new(
        doc,
        "talks",
        "Officials said on Tuesday that Ilse Brandt met Jonas Lind in Koblenz.\n",
    ));
    let from_model = |r: &Review| {
        let d = project.document(doc).unwrap();
        r.visible(&project, d).iter().any(|s| s.is_from("model"))
    };
    let mut review = Review::new(Arc::new(|| {}));
    // The first answer, without a model (the learner has not answered yet), sits unread in
    // the channel when the model arrives: the window must not keep it.
    review.tick(&project, 1, Some(doc), Vec::new);
    std::thread::sleep(std::time::Duration::from_millis(1500));
    review.set_model(crate::app::learning::Learnt::bundled());
    settle(&mut review, &project, doc);
    assert!(
        from_model(&review),
        "the suggestions are made again with the model"
    );
}
