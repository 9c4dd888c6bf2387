//! Gazetteer matching speed: a 100,000-entry list over 10 MB of text, end to end (search,
//! word boundaries, longest match, code-point offsets), with and without case folding.
//!
//! Run with `cargo bench --bench matcher`. Target (issue 3): at least 100 MB/s. For the same
//! measurement next to spaCy's PhraseMatcher and FlashText, run `benches/compare_matchers.py`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::matcher::gazetteer::{Entry, Gazetteer};

mod common;

use common::Rng;

const ENTRIES: usize = 100_000;
const TEXT_BYTES: usize = 10 * 1024 * 1024;

/// Deterministic pseudo-names: one to three capitalised syllable words.
fn names() -> Vec<String> {
    let syll = [
        "ka", "ro", "mi", "ne", "sa", "lu", "to", "ve", "da", "ri", "po", "zu", "ma", "le", "qi",
        "ba", "no", "fe", "gi", "ha", "jo", "wi", "xe", "yu",
    ];
    let mut rng = Rng(7);
    let mut next = move |n: usize| rng.below(n);
    let mut out = std::collections::BTreeSet::new();
    while out.len() < ENTRIES {
        let words = 1 + next(3);
        let mut name = String::new();
        for w in 0..words {
            if w > 0 {
                name.push(' ');
            }
            let n = 2 + next(3);
            let mut word = String::new();
            for _ in 0..n {
                word.push_str(syll[next(syll.len())]);
            }
            let mut c = word.chars();
            if let Some(f) = c.next() {
                name.push_str(&f.to_uppercase().collect::<String>());
                name.push_str(c.as_str());
            }
        }
        out.insert(name);
    }
    out.into_iter().collect()
}

/// News-like filler with a name from the list every dozen words or so.
pub fn text(names: &[String]) -> String {
    let filler = [
        "the",
        "minister",
        "said",
        "on",
        "Tuesday",
        "that",
        "talks",
        "with",
        "officials",
        "in",
        "would",
        "resume",
        "after",
        "a",
        "pause",
        "of",
        "several",
        "weeks",
        "while",
        "Zoë",
        "council",
        "members",
        "agreed",
        "budget",
        "and",
    ];
    let mut rng = Rng(11);
    let mut next = move |n: usize| rng.below(n);
    let mut t = String::with_capacity(TEXT_BYTES + 64);
    while t.len() < TEXT_BYTES {
        if next(12) == 0 {
            t.push_str(&names[next(names.len())]);
        } else {
            t.push_str(filler[next(filler.len())]);
        }
        t.push(if next(15) == 0 { '\n' } else { ' ' });
    }
    t
}

fn gazetteer(names: &[String], fold: bool) -> Gazetteer {
    Gazetteer::new(
        names
            .iter()
            .map(|n| Entry {
                text: n.clone(),
                label: "PERSON".into(),
                canonical: None,
                list: "bench".into(),
                fold_case: fold,
                exact_case: false,
            })
            .collect(),
    )
}

fn bench(c: &mut Criterion) {
    let names = names();
    let text = text(&names);
    let mb = text.len() as f64 / 1e6;
    for fold in [false, true] {
        let started = Instant::now();
        let g = gazetteer(&names, fold);
        let build = started.elapsed();
        let started = Instant::now();
        let found = g.find(&text).len();
        let took = started.elapsed();
        println!(
            "gazetteer ({}): {} entries built in {:.0} ms; {mb:.1} MB matched in {:.0} ms = {:.0} MB/s, {found} matches (target ≥ 100 MB/s)",
            if fold { "case folding" } else { "exact case" },
            g.len(),
            build.as_secs_f64() * 1000.0,
            took.as_secs_f64() * 1000.0,
            mb / took.as_secs_f64()
        );
    }
    let mut group = c.benchmark_group("matcher");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15))
        .throughput(Throughput::Bytes(text.len() as u64));
    let exact = gazetteer(&names, false);
    group.bench_function("100k entries, 10 MB, exact case", |b| {
        b.iter(|| black_box(exact.find(&text).len()))
    });
    let folded = gazetteer(&names, true);
    group.bench_function("100k entries, 10 MB, case folding", |b| {
        b.iter(|| black_box(folded.find(&text).len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
