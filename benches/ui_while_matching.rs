//! The window's frames while every engine runs over a 1,000-article project in the background.
//!
//! Run with `cargo bench --bench ui_while_matching`. The real `Workbench` is driven through
//! egui_kittest (no GPU; a frame here is egui's CPU side plus the AccessKit tree kittest builds,
//! so it is an upper bound on what the window spends). The project: 1,000 news-sized articles,
//! 100 names each, with every other article left unannotated so the name engines have work;
//! the quotes engine runs on all of them. "Run on all documents" is clicked, and every frame
//! until the last document's suggestions arrive is timed; halfway through, a suggestion is
//! accepted (an edit, which re-asks the worker for the open document, and a moment later hands
//! the project to the model's learner to retrain: that frame is among those timed). Target
//! (issues 6 and 12): the UI stays under 16 ms a frame while matching and retraining run.
//!
//! A second measure (issue 12): on a 100-article project, the time from accepting a suggestion
//! to the retrained model's suggestions being shown for the open document (the learner waits
//! for a pause of `DEBOUNCE`, trains, and the matcher runs again with the new model). Target:
//! within 1 s.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Key, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::app::dialogs::ScriptedDialogs;
use gloss::ui::{Workbench, WorkbenchOptions};

#[path = "../examples/big_project.rs"]
mod big_project;

fn harness(path: std::path::PathBuf) -> Harness<'static, Workbench> {
    Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(64)
        .build_eframe(move |cc| {
            Workbench::new(
                cc,
                WorkbenchOptions::for_tests(Some(path), ScriptedDialogs::new()),
            )
        })
}

fn press(h: &mut Harness<'static, Workbench>, key: Key) -> Duration {
    h.key_press(key);
    let t = Instant::now();
    h.step();
    t.elapsed()
}

fn latency_ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Accept a suggestion in the open (in-progress) document of a 100-article project and step
/// the window until the model trained with it is in use and the document's suggestions made
/// with it have arrived. Returns that time and the frames' maximum.
fn retrain_latency(dir: &std::path::Path) -> (Duration, Duration) {
    let path = dir.join("retrain.ron");
    let mut p = big_project::project(100, 100);
    // Names only: the suggestion accepted must be one the model learns from.
    p.matcher.quotes = false;
    for (i, d) in p.documents.iter_mut().enumerate() {
        d.quotes.clear();
        d.status = gloss::model::Status::Done;
        if i == 0 {
            // The open document: half annotated, the rest left to the suggestions.
            d.status = gloss::model::Status::InProgress;
            let keep = d.spans.len() / 2;
            d.spans.truncate(keep);
        }
    }
    gloss::io::project_file::save(&path, &p).expect("save");
    let _ = std::fs::remove_file(path.with_extension("ron.journal"));
    let _ = std::fs::remove_file(gloss::app::learning::cache_path(&path));
    let mut h = harness(path);
    h.run();
    h.get_by_label("Suggestions").click();
    // Let the first model (trained on the project as it is) arrive and its suggestions too.
    let ready = |h: &Harness<'static, Workbench>| {
        let st = h.state();
        let doc = st.editing.doc;
        !st.learner.training
            && st.learner.learnt.model.is_some()
            && doc.is_some_and(|d| !st.review.busy(d, st.session.revision()))
    };
    let started = Instant::now();
    while !ready(&h) && started.elapsed() < Duration::from_secs(60) {
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(ready(&h), "the first model did not arrive in a minute");
    let before = h.state().learner.learnt.model.clone().expect("model");
    let revision = h.state().session.revision();
    press(&mut h, Key::N);
    let t = Instant::now();
    let mut max = press(&mut h, Key::A);
    assert_ne!(
        h.state().session.revision(),
        revision,
        "nothing was accepted"
    );
    let fresh = |h: &Harness<'static, Workbench>| {
        h.state()
            .learner
            .learnt
            .model
            .as_ref()
            .is_some_and(|m| m.info().names > before.info().names)
    };
    while !(fresh(&h) && ready(&h)) && t.elapsed() < Duration::from_secs(60) {
        let f = Instant::now();
        h.step();
        max = max.max(f.elapsed());
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(fresh(&h), "no new model within a minute of the accept");
    (t.elapsed(), max)
}

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join("gloss-bench-ui-while-matching");
    let _ = std::fs::create_dir_all(&dir);
    // First, alone on the machine (the big project's learner would compete for the cores).
    let (latency, max) = retrain_latency(&dir);
    println!(
        "100-article project: the retrained model's suggestions shown {:.2} s after an accept (target within 1 s; {} ms of it the pause the learner waits for); max frame meanwhile {:.2} ms",
        latency.as_secs_f64(),
        gloss::app::learning::DEBOUNCE.as_millis(),
        latency_ms(max),
    );
    let path = dir.join("matching.ron");
    let mut p = big_project::project(1000, 100);
    for (i, d) in p.documents.iter_mut().enumerate() {
        d.quotes.clear();
        if i % 2 == 0 {
            d.spans.clear();
        }
    }
    gloss::io::project_file::save(&path, &p).expect("save");
    let _ = std::fs::remove_file(path.with_extension("ron.journal"));

    let mut h = harness(path.clone());
    h.run();
    h.get_by_label("Suggestions").click();
    // The model's state may show a spinner while it learns: step rather than wait to settle.
    h.run_steps(4);
    // Idle frames first, for comparison.
    let mut idle = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        h.step();
        idle.push(t.elapsed());
    }
    idle.sort();

    h.get_by_label("Run on all documents").click();
    let started = Instant::now();
    let mut frames = Vec::new();
    // The click is handled in the next frame, which starts the run.
    let t = Instant::now();
    h.step();
    frames.push(t.elapsed());
    assert!(h.state().review.progress.is_some(), "the run did not start");
    let mut edit = None;
    while h.state().review.progress.is_some() && started.elapsed() < Duration::from_secs(120) {
        if edit.is_none() && frames.len() >= 20 {
            // Next suggestion, accept it: an edit while the whole-project run goes on.
            frames.push(press(&mut h, Key::N));
            let d = press(&mut h, Key::A);
            frames.push(d);
            edit = Some(d);
            continue;
        }
        let t = Instant::now();
        h.step();
        frames.push(t.elapsed());
        std::thread::sleep(Duration::from_millis(2));
    }
    let wall = started.elapsed();
    let mut sorted = frames.clone();
    sorted.sort();
    let max = sorted.last().copied().unwrap_or_default();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "ui while matching 1000 articles: run took {:.2} s over {} frames; frame median {:.2} ms, p99 {:.2} ms, max {:.2} ms (target < 16 ms); the frame of an accept mid-run {:.2} ms; idle frame median {:.2} ms",
        wall.as_secs_f64(),
        frames.len(),
        ms(percentile(&sorted, 0.5)),
        ms(percentile(&sorted, 0.99)),
        ms(max),
        edit.map_or(f64::NAN, ms),
        ms(percentile(&idle, 0.5)),
    );
    assert!(
        h.state().review.progress.is_none(),
        "the run did not finish in 2 minutes"
    );

    // Criterion's own figure: a frame of the window with the whole project's suggestions in.
    let mut group = c.benchmark_group("ui while matching");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("frame after the run", |b| b.iter(|| h.step()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
