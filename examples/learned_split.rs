//! How well the learned-strings engine carries the user's own annotations forward.
//!
//! For every document of a gold project, keep only the annotations in its first half, let the
//! learned engine (alone) suggest on the second half, and score those suggestions against the
//! second half's gold names (exact match: same start, end and label). This simulates a user who
//! has annotated half of each article and reviews suggestions for the rest.
//!
//!     cargo run --release --example learned_split -- GOLD.ron
//!
//! GOLD.ron is, for instance, the seed or GUM set imported with `gloss import --format brat`.

use std::collections::HashSet;

use gloss::matcher::engines::visible;
use gloss::matcher::learned::Learned;
use gloss::model::{Mention, Project};

fn main() -> Result<(), String> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: learned_split GOLD.ron")?;
    let gold =
        gloss::io::project_file::load(std::path::Path::new(&path)).map_err(|e| e.to_string())?;
    let mut half = gold.clone();
    let mut cut = Vec::new();
    for d in &mut half.documents {
        let mid = d.char_len() / 2;
        d.spans.retain(|s| s.end <= mid);
        d.quotes.clear();
        cut.push(mid);
    }
    // Entities are known only through first-half mentions: a name or alias seen only in a
    // second half would leak the answer.
    let mut seen: std::collections::HashMap<gloss::model::EntityId, Vec<String>> =
        Default::default();
    for d in &half.documents {
        for s in &d.spans {
            if let Some(e) = s.entity {
                seen.entry(e)
                    .or_default()
                    .push(d.slice(s.start, s.end).to_string());
            }
        }
    }
    half.entities.retain(|e| seen.contains_key(&e.id));
    for e in &mut half.entities {
        let surfaces = &seen[&e.id];
        if !surfaces.contains(&e.name) {
            e.name = surfaces[0].clone();
        }
        let mut aliases: Vec<String> = surfaces.iter().filter(|s| **s != e.name).cloned().collect();
        aliases.sort();
        aliases.dedup();
        e.aliases = aliases;
    }
    let learned = Learned::from_project(&half, half.matcher.min_learned_len);
    let (mut tp, mut fp, mut gold_n) = (0usize, 0usize, 0usize);
    // Second-half names that could be known: their string was tagged in a first half, or
    // their entity was mentioned there. Recall on these is what the engine is for.
    let known_strings: HashSet<String> = half
        .documents
        .iter()
        .flat_map(|d| {
            d.spans
                .iter()
                .map(move |s| d.slice(s.start, s.end).to_string())
        })
        .collect();
    let known_entities: HashSet<gloss::model::EntityId> =
        half.entities.iter().map(|e| e.id).collect();
    let (mut repeat_n, mut repeat_found) = (0usize, 0usize);
    let mut per_label: std::collections::BTreeMap<String, (usize, usize, usize)> =
        Default::default();
    for (d, mid) in half.documents.iter().zip(&cut) {
        let g = gold.document(d.id).ok_or("document vanished")?;
        let truth: HashSet<(usize, usize, &str)> = g
            .spans
            .iter()
            .filter(|s| s.start >= *mid && s.mention == Mention::Name)
            .map(|s| (s.start, s.end, s.label.as_str()))
            .collect();
        gold_n += truth.len();
        for (_, _, l) in &truth {
            per_label.entry(l.to_string()).or_default().2 += 1;
        }
        let all = learned.suggest(d);
        let got: HashSet<(usize, usize, &str)> = all
            .iter()
            .map(|s| (s.range().0, s.range().1, s.label()))
            .collect();
        for s in g
            .spans
            .iter()
            .filter(|s| s.start >= *mid && s.mention == Mention::Name)
        {
            let repeat = known_strings.contains(g.slice(s.start, s.end))
                || s.entity.is_some_and(|e| known_entities.contains(&e));
            if repeat {
                repeat_n += 1;
                repeat_found += usize::from(got.contains(&(s.start, s.end, s.label.as_str())));
            }
        }
        if std::env::var_os("SHOW_MISSES").is_some() {
            let got: HashSet<(usize, usize)> = all.iter().map(|s| s.range()).collect();
            for (a, b, l) in &truth {
                if !got.contains(&(*a, *b)) {
                    eprintln!("miss {l} {:?}", d.slice(*a, *b));
                }
            }
        }
        for k in visible(d, &half.verdicts, &all) {
            let s = &all[k];
            let (a, b) = s.range();
            if a < *mid {
                continue;
            }
            let e = per_label.entry(s.label().to_string()).or_default();
            if truth.contains(&(a, b, s.label())) {
                tp += 1;
                e.0 += 1;
            } else {
                fp += 1;
                e.1 += 1;
            }
        }
    }
    let pr = |tp: usize, fp: usize, g: usize| {
        let p = if tp + fp > 0 {
            tp as f64 / (tp + fp) as f64
        } else {
            f64::NAN
        };
        let r = if g > 0 {
            tp as f64 / g as f64
        } else {
            f64::NAN
        };
        (p, r)
    };
    println!("learned engine, trained on first halves, scored on second halves of {path}");
    println!(
        "{:8} {:>6} {:>6} {:>9} {:>7}",
        "label", "gold", "pred", "precision", "recall"
    );
    for (l, (t, f, g)) in &per_label {
        let (p, r) = pr(*t, *f, *g);
        println!("{l:8} {g:6} {:6} {p:9.3} {r:7.3}", t + f);
    }
    let (p, r) = pr(tp, fp, gold_n);
    println!("{:8} {gold_n:6} {:6} {p:9.3} {r:7.3}", "overall", tp + fp);
    println!(
        "repeat mentions (string or entity annotated in a first half): {repeat_found} of {repeat_n} found, recall {:.3}",
        repeat_found as f64 / repeat_n.max(1) as f64
    );
    let _: &Project = &gold;
    Ok(())
}
