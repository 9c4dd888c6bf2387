//! Project I/O: saving and loading 1,000 news-sized articles with 100,000 annotations.
//!
//! Run with `cargo bench --bench project_io`. Targets (issue 6): save < 0.5 s, load < 0.5 s
//! (load includes parsing, the invariant checks and building each document's indexes lazily).
//! Peak memory is measured on the real binary: `cargo run --release --example big_project --
//! big.ron` then `/usr/bin/time -v target/release/gloss stats big.ron` (README has the figure).

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../examples/big_project.rs"]
mod big_project;

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join("gloss-bench-project-io");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("big.ron");
    let p = big_project::project(1000, 100);
    let spans: usize = p.documents.iter().map(|d| d.spans.len()).sum();
    let text: usize = p.documents.iter().map(|d| d.text.len()).sum();

    let t = Instant::now();
    gloss::io::project_file::save(&path, &p).expect("save");
    let save = t.elapsed();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let t = Instant::now();
    let back = gloss::io::project_file::load(&path).expect("load");
    let load = t.elapsed();
    assert_eq!(back.documents.len(), 1000);
    println!(
        "project: 1000 articles, {spans} spans, {:.1} MB of text, {:.1} MB file; save {:.0} ms (target < 500 ms), load {:.0} ms (target < 500 ms)",
        text as f64 / 1e6,
        size as f64 / 1e6,
        save.as_secs_f64() * 1e3,
        load.as_secs_f64() * 1e3
    );

    let mut group = c.benchmark_group("project io");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("save 1000 articles / 100k spans", |b| {
        b.iter(|| gloss::io::project_file::save(&path, &p).expect("save"))
    });
    group.bench_function("load 1000 articles / 100k spans", |b| {
        b.iter(|| gloss::io::project_file::load(&path).expect("load"))
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
