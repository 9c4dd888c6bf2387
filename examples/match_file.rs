//! Match a list of names against a text file with Gloss's gazetteer and print how long it took.
//! Used by `benches/compare_matchers.py` to time Gloss next to spaCy and FlashText on the same
//! input: `cargo run --release --example match_file -- PATTERNS.txt TEXT.txt [--fold]`
//! (one pattern per line). Prints `matches <n> seconds <s>` for the matching alone.

use std::time::Instant;

use gloss::matcher::gazetteer::{Entry, Gazetteer};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(patterns), Some(text)) = (args.first(), args.get(1)) else {
        return Err("usage: match_file PATTERNS.txt TEXT.txt [--fold]".into());
    };
    let fold = args.iter().any(|a| a == "--fold");
    let patterns = std::fs::read_to_string(patterns).map_err(|e| format!("{patterns}: {e}"))?;
    let text = std::fs::read_to_string(text).map_err(|e| format!("{text}: {e}"))?;
    let g = Gazetteer::new(
        patterns
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| Entry {
                text: l.to_string(),
                label: "X".into(),
                canonical: None,
                list: "file".into(),
                fold_case: fold,
                exact_case: false,
            })
            .collect(),
    );
    // Best of three, like the Python side.
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..3 {
        let started = Instant::now();
        n = g.find(&text).len();
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!("matches {n} seconds {best:.6}");
    Ok(())
}
