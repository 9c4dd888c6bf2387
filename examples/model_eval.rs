//! Measure the statistical engine: `cargo run --release --example model_eval -- [WIKIGOLD]
//! [GUM_NEWS] [SEED]` (defaults: ../shared/train/wikigold, ../shared/eval/gum-news,
//! ../shared/eval/seed). Prints 5-fold cross-validation on WikiGold by label (GPE and LOC as one
//! place class), cold-start quality of a model trained on all of WikiGold on the news sets, the
//! calibration tables, training time for 100 documents, prediction speed and model memory.
//! Nothing is scored on documents its model was trained on.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use gloss::matcher::model::{
    Example, Lexicon, Model, Prediction, Quality, SUGGEST_SCORE, TrainOptions,
    held_out_predictions, reliability,
};

#[path = "common/brat_names.rs"]
mod brat_names;
use brat_names::read_brat;

fn place(label: &str) -> &str {
    if label == "LOC" { "GPE" } else { label }
}

/// (tp, fp, gold) per label (places merged), over labels in `keep`, predictions ≥ `min`.
fn tally(
    examples: &[Example],
    preds: &[Vec<Prediction>],
    keep: &[&str],
    min: f32,
) -> BTreeMap<String, (usize, usize, usize)> {
    let mut t: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for (ex, ps) in examples.iter().zip(preds) {
        let gold: Vec<(usize, usize, &str)> = ex
            .names
            .iter()
            .map(|(s, e, l)| (*s, *e, place(l)))
            .filter(|g| keep.contains(&g.2))
            .collect();
        for g in &gold {
            t.entry(g.2.to_string()).or_default().2 += 1;
        }
        for p in ps.iter().filter(|p| p.score >= min) {
            let l = place(&p.label);
            if !keep.contains(&l) {
                continue;
            }
            let e = t.entry(l.to_string()).or_default();
            if gold.contains(&(p.start, p.end, l)) {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    t
}

fn prf((tp, fp, gold): (usize, usize, usize)) -> String {
    let q = Quality::from_counts(tp, fp, gold, 0);
    format!(
        "P {:.3}  R {:.3}  F1 {:.3}  ({tp} right, {fp} wrong, {gold} gold)",
        q.precision, q.recall, q.f1
    )
}

fn report(title: &str, examples: &[Example], preds: &[Vec<Prediction>], keep: &[&str]) {
    println!("\n## {title}");
    for min in [SUGGEST_SCORE, 0.7, 0.8, 0.9] {
        let t = tally(examples, preds, keep, min);
        let all = t
            .values()
            .fold((0, 0, 0), |a, v| (a.0 + v.0, a.1 + v.1, a.2 + v.2));
        println!("score >= {min:.1}: all     {}", prf(all));
        if min == SUGGEST_SCORE {
            for (l, v) in &t {
                println!("              {l:7} {}", prf(*v));
            }
        }
    }
}

fn calibration(title: &str, examples: &[Example], preds: &[Vec<Prediction>], keep: &[&str]) {
    let mut points = Vec::new();
    for (ex, ps) in examples.iter().zip(preds) {
        for p in ps {
            let l = place(&p.label);
            if !keep.contains(&l) {
                continue;
            }
            let right = ex
                .names
                .iter()
                .any(|(s, e, g)| *s == p.start && *e == p.end && place(g) == l);
            points.push((p.score, right));
        }
    }
    println!("\n## Calibration: {title}");
    println!("| score | predictions | right | share right |");
    println!("|---|---|---|---|");
    for (lo, n, right) in reliability(&points) {
        if lo < 0.2 - 1e-6 || n == 0 {
            continue;
        }
        println!(
            "| {lo:.1}–{:.1} | {n} | {right} | {:.2} |",
            lo + 0.1,
            right as f32 / n as f32
        );
    }
}

/// Wrong predictions scoring 0.9 or more in the first documents, with the gold names they
/// overlap (set MODEL_EVAL_ERRORS to see them).
fn show_errors(examples: &[Example], preds: &[Vec<Prediction>]) {
    let slice = |t: &str, s: usize, e: usize| t.chars().skip(s).take(e - s).collect::<String>();
    for (ex, ps) in examples.iter().zip(preds).take(30) {
        for p in ps.iter().filter(|p| p.score >= 0.9) {
            if ex
                .names
                .iter()
                .any(|(s, e, l)| *s == p.start && *e == p.end && *l == p.label)
            {
                continue;
            }
            let gold: Vec<String> = ex
                .names
                .iter()
                .filter(|(s, e, _)| *s < p.end && *e > p.start)
                .map(|(s, e, l)| format!("{}:{l}", slice(&ex.text, *s, *e)))
                .collect();
            println!(
                "wrong {:.2} {:?} {} gold {gold:?} why {:?}",
                p.score,
                slice(&ex.text, p.start, p.end),
                p.label,
                p.why
            );
        }
    }
}

fn load(dir: &str) -> Vec<Example> {
    match read_brat(Path::new(dir)) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, d: &str| args.get(i).cloned().unwrap_or_else(|| d.to_string());
    let wiki = load(&arg(0, "../shared/train/wikigold"));
    let news = load(&arg(1, "../shared/eval/gum-news"));
    let seed = load(&arg(2, "../shared/eval/seed"));
    let lexicon = Lexicon::bundled();
    let options = TrainOptions::default();
    let places = ["PERSON", "ORG", "GPE", "MISC"];
    let news_labels = ["PERSON", "ORG", "GPE"];

    if std::env::var_os("MODEL_EVAL_SPEED").is_some() {
        speed(&wiki, &news, &seed, &lexicon, None);
        return;
    }
    let t = Instant::now();
    let cv = held_out_predictions(&wiki, &lexicon, None, 5, &options);
    println!(
        "# model_eval\n\n5-fold cross-validation on WikiGold took {:.1} s",
        t.elapsed().as_secs_f32()
    );
    report(
        "WikiGold, 5-fold cross-validation (held-out folds)",
        &wiki,
        &cv,
        &places,
    );
    calibration("WikiGold held-out folds", &wiki, &cv, &places);
    if std::env::var_os("MODEL_EVAL_ERRORS").is_some() {
        show_errors(&wiki, &cv);
    }

    let model = Model::train(&wiki, &lexicon, None, &options);
    println!(
        "\ncalibration of the model trained on all of WikiGold: {:?}",
        model.calibration()
    );
    for (name, set) in [
        ("GUM news (cold start)", &news),
        ("seed article (cold start)", &seed),
    ] {
        let preds: Vec<Vec<Prediction>> = set
            .iter()
            .map(|e| model.predict(&e.text, &lexicon))
            .collect();
        report(name, set, &preds, &news_labels);
        if name.starts_with("GUM") {
            calibration(name, set, &preds, &news_labels);
        }
    }
    if let Some(b) = Model::bundled() {
        println!(
            "\nbundled weights: {} documents, {} names, labels {:?}",
            b.info().documents,
            b.info().names,
            b.info().labels
        );
    }

    // Training time for 100 documents.
    let hundred = &wiki[..100.min(wiki.len())];
    let t = Instant::now();
    let m = Model::train(hundred, &lexicon, None, &options);
    let train_s = t.elapsed().as_secs_f32();
    println!(
        "\n## Speed and size\ntraining on {} documents ({} names): {:.2} s",
        hundred.len(),
        m.info().names,
        train_s
    );
    speed(&wiki, &news, &seed, &lexicon, Some(model));
}

/// Prediction speed and memory of the bundled model (or `fallback`).
fn speed(
    wiki: &[Example],
    news: &[Example],
    seed: &[Example],
    lexicon: &Lexicon,
    fallback: Option<Model>,
) {
    let m = match Model::bundled().or(fallback) {
        Some(m) => m,
        None => return,
    };
    // Prediction speed over all texts, repeated to about 5 MB.
    let texts: Vec<&Example> = news.iter().chain(wiki).chain(seed).collect();
    let bytes: usize = texts.iter().map(|e| e.text.len()).sum();
    let reps = (5_000_000 / bytes.max(1)).max(1);
    let t = Instant::now();
    let mut found = 0;
    for _ in 0..reps {
        for e in &texts {
            found += m.predict(&e.text, lexicon).len();
        }
    }
    let s = t.elapsed().as_secs_f32();
    let mb = (bytes * reps) as f32 / 1e6;
    println!(
        "prediction: {mb:.1} MB in {s:.2} s = {:.1} MB/s on one core ({found} predictions)",
        mb / s
    );
    println!(
        "model memory: {:.1} MB of weights; stored: {} bytes",
        m.memory() as f32 / 1e6,
        m.to_bytes().len()
    );
}
