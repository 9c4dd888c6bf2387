//! Quote suggestions for 1,000 news-sized articles: `cargo bench --bench quotes`.
//!
//! The articles are generated here, deterministically: about 600 words each, in paragraphs of
//! narrative sentences, direct quotes attributed after and before the marks, reported speech,
//! pronoun speakers, floating quote paragraphs and a quotation over two paragraphs, with
//! invented names and the names' mentions passed as known mentions, as the app does. Target
//! (issue): under one second for the 1,000 on one core.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::matcher::quotes::{CUES, KnownMention, Quotes};

mod common;

use common::{FIRST, Rng};

const ARTICLES: usize = 1000;
const FIRST_NAMES: &str = include_str!("../assets/names/first_names.tsv");

const LAST: &[&str] = &[
    "Kowalski",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Delgado",
    "Haddad",
    "Novak",
    "Brennan",
    "Ivanova",
];
const ROLES: &[&str] = &[
    "the finance minister",
    "a spokeswoman for the agency",
    "the union leader",
    "a senior official",
    "the mayor",
];
const CUES_SAID: &[&str] = &["said", "told reporters", "added", "warned", "insisted"];
const FILLER: &[&str] = &[
    "the",
    "council",
    "approved",
    "a",
    "plan",
    "to",
    "expand",
    "the",
    "harbour",
    "after",
    "months",
    "of",
    "talks",
    "with",
    "local",
    "groups",
    "and",
    "regional",
    "officials",
    "while",
    "critics",
    "questioned",
    "the",
    "cost",
    "of",
    "new",
    "roads",
    "schools",
    "budget",
    "funds",
    "were",
    "set",
    "aside",
    "for",
    "repairs",
    "in",
    "several",
    "districts",
    "over",
    "winter",
];
const SPEECH: &[&str] = &[
    "We have waited long enough for this decision",
    "Nobody in this city should be left behind",
    "The numbers simply do not add up",
    "It is a good day for the families who live here",
    "We will keep pushing until the work is done",
];

/// One article and its name mentions (code points).
fn article(rng: &mut Rng) -> (String, Vec<KnownMention>) {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut chars = 0usize;
    let push = |text: &mut String, chars: &mut usize, s: &str| {
        text.push_str(s);
        *chars += s.chars().count();
    };
    let people: Vec<(String, String)> = (0..3)
        .map(|_| (rng.pick(FIRST).to_string(), rng.pick(LAST).to_string()))
        .collect();
    let mut words = 0;
    let mut para = 0;
    while words < 600 {
        if para > 0 {
            push(&mut text, &mut chars, "\n");
        }
        let (first, last) = &people[rng.below(people.len())];
        let full = format!("{first} {last}");
        // A narrative sentence.
        let n = 12 + rng.below(10);
        let mut s = String::new();
        for k in 0..n {
            let w = rng.pick(FILLER);
            if k == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    s.extend(f.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push(' ');
                s.push_str(w);
            }
        }
        s.push_str(". ");
        push(&mut text, &mut chars, &s);
        words += n;
        let quote = rng.pick(SPEECH);
        match rng.below(6) {
            0 => {
                push(&mut text, &mut chars, &format!("“{quote},” "));
                mentions.push(known(chars, &full));
                push(
                    &mut text,
                    &mut chars,
                    &format!("{full} {}.", rng.pick(CUES_SAID)),
                );
            }
            1 => {
                mentions.push(known(chars, last));
                push(&mut text, &mut chars, &format!("{last} said: \"{quote}.\""));
            }
            2 => push(&mut text, &mut chars, &format!("“{quote},” she said.")),
            3 => {
                mentions.push(known(chars, last));
                push(
                    &mut text,
                    &mut chars,
                    &format!("{last} said that the plan would cost more than expected."),
                );
            }
            4 => push(
                &mut text,
                &mut chars,
                &format!("“{quote}.” The cost, {} said, would rise.", rng.pick(ROLES)),
            ),
            _ => push(
                &mut text,
                &mut chars,
                &format!("“{quote}.\n“And we mean it.”"),
            ),
        }
        words += 14;
        para += 1;
    }
    (text, mentions)
}

fn known(at: usize, name: &str) -> KnownMention {
    KnownMention {
        start: at,
        end: at + name.chars().count(),
        label: "PERSON".into(),
        entity: None,
        name: None,
    }
}

fn corpus() -> Vec<(String, Vec<KnownMention>)> {
    let mut rng = Rng(42);
    (0..ARTICLES).map(|_| article(&mut rng)).collect()
}

fn bench(c: &mut Criterion) {
    let engine = Quotes::new(CUES, FIRST_NAMES);
    let docs = corpus();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let run = || {
        docs.iter()
            .map(|(t, m)| engine.suggest(t, m).len())
            .sum::<usize>()
    };
    // The figure the issue asks for: best of three over the 1,000 articles.
    let mut best = Duration::MAX;
    let mut found = 0;
    for _ in 0..3 {
        let started = Instant::now();
        found = black_box(run());
        best = best.min(started.elapsed());
    }
    println!(
        "quotes: {ARTICLES} articles ({:.1} MB, {found} suggestions) in {:.3} s; target < 1 s",
        bytes as f64 / 1e6,
        best.as_secs_f64()
    );
    let mut g = c.benchmark_group("quotes");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("1000 articles", |b| b.iter(|| black_box(run())));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
