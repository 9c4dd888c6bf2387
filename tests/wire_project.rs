//! The agency-style example project (`projects/wire.ron`, built by `scripts/build_example.py
//! --wire` from `projects/wire-src/`): three hundred and thirty-six wire stories written for Gloss —
//! sport with results tables, standings, scorers, riders' teams and clubs named like their
//! cities; business, markets and politics with datelines, all-capital headlines, press digests
//! and tables of results — annotated throughout. It opens, is in the layout Gloss writes, and
//! the lists' and rules' suggestions keep the quality they had on it when it was written (the
//! shipped model's weights learnt from these stories, so the measure leaves them out).

use std::path::{Path, PathBuf};
use std::process::Command;

use gloss::io::project_file::{load, to_ron};
use gloss::model::{Mention, Project, Status};
use gloss::text::slice_chars;

fn path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/wire.ron")
}

fn project() -> Project {
    let path = path();
    load(&path).unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()))
}

#[test]
fn wire_stories_are_done_with_names_linked_and_quotes_with_speakers() {
    let p = project();
    assert_eq!(p.name, "Wire");
    assert_eq!(p.documents.len(), 336);
    for d in &p.documents {
        assert_eq!(d.status, Status::Done, "{}", d.name);
        assert!(d.spans.len() >= 15, "{}: {} spans", d.name, d.spans.len());
        for s in &d.spans {
            let text = slice_chars(&d.text, s.start, s.end);
            assert_eq!(text.trim(), text, "{}: {text:?} not trimmed", d.name);
            let e = s.entity.and_then(|e| p.entity(e));
            let e = e.unwrap_or_else(|| panic!("{}: {text:?} has no entity", d.name));
            if s.mention == Mention::Name {
                assert!(
                    e.name == text || e.aliases.iter().any(|a| a == text),
                    "{}: {text:?} is not a name of {}",
                    d.name,
                    e.name
                );
            }
        }
        for q in &d.quotes {
            assert!(
                q.speaker.is_some(),
                "{}: quote {:?} has no speaker",
                d.name,
                q.id
            );
        }
    }
    // The stories' first lines are headlines in capitals, and datelines open most of them.
    let caps = p
        .documents
        .iter()
        .filter(|d| {
            let first = d.text.lines().next().unwrap_or_default();
            !first.chars().any(char::is_lowercase)
        })
        .count();
    assert!(caps >= 12, "{caps} headlines in capitals");
}

#[test]
fn wire_file_is_in_the_layout_gloss_writes() {
    let on_disk = std::fs::read_to_string(path()).unwrap();
    assert!(
        to_ron(&project()) == on_disk,
        "projects/wire.ron is not in canonical layout (rerun scripts/build_example.py --wire)"
    );
}

/// The lists' and rules' suggestions on all the stories (`gloss learn-curve --steps 0
/// --no-starting-weights`), names only (PERSON, ORG, places as one class): P 0.943 R 0.818
/// when the collection reached 48 stories, P 0.933 R 0.797 at 96 — a change that drops them
/// far below is a regression to look at.
#[test]
fn suggestions_on_the_wire_stories_keep_their_quality() {
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["learn-curve", "--steps", "0", "--no-starting-weights"])
        .args(["--merge", "GPE,LOC"])
        .args(["--labels", "PERSON,ORG,GPE,LOC"])
        .arg(path())
        .output()
        .expect("run gloss");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let all = stdout
        .lines()
        .find(|l| l.split_whitespace().nth(2) == Some("all"))
        .unwrap_or_else(|| panic!("no row for all engines:\n{stdout}"));
    let figures: Vec<f64> = all
        .split_whitespace()
        .skip(3)
        .take(2)
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    let (precision, recall) = (figures[0], figures[1]);
    assert!(precision >= 0.91 && recall >= 0.78, "{all}");
}
