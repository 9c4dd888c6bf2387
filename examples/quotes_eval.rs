//! Score the quotes engine on gold brat folders:
//! `cargo run --release --example quotes_eval -- FOLDER… [--links] [--app] [--show]`.
//!
//! Each document's text goes through `matcher::quotes::Quotes` with the gold *entity* spans
//! (names only; pronoun and description speaker spans are part of the quote layer) as the known
//! mentions — none for LitBank, which has no entity layer. By default the mentions carry no
//! entity link or canonical name: in brat gold only speaker mentions are linked (through their
//! `speaker=` notes), so passing the links would hand the engine the answer. `--links` passes
//! them anyway, to see the engine as the app runs it on linked spans.
//!
//! Scoring, per folder and overall:
//! - A predicted quote matches a gold quote when their contents share at least 30% of the gold
//!   content's length. Each gold quote is matched once, by the prediction sharing most with it;
//!   one prediction may match two gold quotes (a split quote the gold keeps as two, as LitBank
//!   does). Precision counts predictions matching some gold quote, out of all predictions:
//!   every suggestion that matches nothing is a false positive.
//! - Kind accuracy over matched gold quotes.
//! - Speaker accuracy over matched gold quotes with a speaker name (the `speaker=` note, or
//!   the entity of the gold speaker mention). The prediction's name is its new entity's name,
//!   else the name of the entity it links to, else the speaker's text; "strict" compares it
//!   with the gold name ignoring case and periods ("Mr. Bennet" = "Mr Bennet"); it also counts
//!   as strict when the speaker's text equals the gold name. "Lenient" (reported for fiction,
//!   where gold names are a character list's ids) also accepts a name whose words are all
//!   among the gold name's words or the other way round ("Holmes" for "Sherlock Holmes").
//! - `--app` runs the document as the app does, from the bare text: every engine with the
//!   default settings (gazetteer, rules, quotes; no learned strings since nothing is annotated),
//!   the quotes engine seeing the names the others found instead of the gold names.
//! - `--show` prints every gold quote with what matched it and every false positive.

use std::collections::HashMap;
use std::path::PathBuf;

use gloss::io::brat;
use gloss::matcher::quotes::{CUES, KnownMention, Quotes};
use gloss::model::{CharRange, Mention, Project, Proposal, QuoteKind, Suggestion};

const FIRST_NAMES: &str = include_str!("../assets/names/first_names.tsv");

#[derive(Default)]
struct Tally {
    docs: usize,
    gold: usize,
    pred: usize,
    pred_matched: usize,
    /// Direct suggestions, and those matching a gold quote (LitBank and GUM mark only direct
    /// speech).
    pred_direct: usize,
    pred_direct_matched: usize,
    gold_matched: usize,
    kind_right: usize,
    with_speaker: usize,
    speaker_strict: usize,
    speaker_lenient: usize,
    /// rule → (matched gold quotes with a named speaker, strict right, lenient right)
    rules: std::collections::BTreeMap<String, (usize, usize, usize)>,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.docs += o.docs;
        self.gold += o.gold;
        self.pred += o.pred;
        self.pred_matched += o.pred_matched;
        self.pred_direct += o.pred_direct;
        self.pred_direct_matched += o.pred_direct_matched;
        self.gold_matched += o.gold_matched;
        self.kind_right += o.kind_right;
        self.with_speaker += o.with_speaker;
        self.speaker_strict += o.speaker_strict;
        self.speaker_lenient += o.speaker_lenient;
        for (k, v) in &o.rules {
            let e = self.rules.entry(k.clone()).or_default();
            e.0 += v.0;
            e.1 += v.1;
            e.2 += v.2;
        }
    }

    fn print(&self, name: &str) {
        let p = ratio(self.pred_matched, self.pred);
        let r = ratio(self.gold_matched, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!(
            "{name}: {} documents, {} gold quotes, {} suggested",
            self.docs, self.gold, self.pred
        );
        println!(
            "  quotes   P {:.3} ({}/{})  R {:.3} ({}/{})  F1 {:.3}",
            p, self.pred_matched, self.pred, r, self.gold_matched, self.gold, f
        );
        println!(
            "  direct   P {:.3} ({}/{}) counting only the Direct suggestions",
            ratio(self.pred_direct_matched, self.pred_direct),
            self.pred_direct_matched,
            self.pred_direct
        );
        println!(
            "  kind     {:.3} ({}/{} matched)",
            ratio(self.kind_right, self.gold_matched),
            self.kind_right,
            self.gold_matched
        );
        println!(
            "  speaker  strict {:.3} ({}/{}), lenient {:.3} ({}/{}) of matched gold quotes with a named speaker",
            ratio(self.speaker_strict, self.with_speaker),
            self.speaker_strict,
            self.with_speaker,
            ratio(self.speaker_lenient, self.with_speaker),
            self.speaker_lenient,
            self.with_speaker
        );
        for (rule, (n, strict, loose)) in &self.rules {
            println!("    {rule:<24} {n:>5} speakers, strict {strict:>5}, lenient {loose:>5}");
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Lower case, periods and underscores dropped, white space collapsed.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '.')
        .map(|c| if c == '_' { ' ' } else { c })
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn lenient(pred: &str, gold: &str) -> bool {
    let p: Vec<String> = norm(pred).split(' ').map(str::to_string).collect();
    let g: Vec<String> = norm(gold).split(' ').map(str::to_string).collect();
    if p.is_empty() || g.is_empty() || p[0].is_empty() {
        return false;
    }
    p.iter().all(|w| g.contains(w)) || g.iter().all(|w| p.contains(w))
}

fn overlap(a: &[CharRange], b: &[(usize, usize)]) -> usize {
    let mut n = 0;
    for x in a {
        for &(s, e) in b {
            let lo = x.start.max(s);
            let hi = x.end.min(e);
            n += hi.saturating_sub(lo);
        }
    }
    n
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let links = args.iter().any(|a| a == "--links");
    let show = args.iter().any(|a| a == "--show");
    let app = args.iter().any(|a| a == "--app");
    let (engines, _) =
        gloss::matcher::engines::Engines::new(&gloss::model::MatcherSettings::default(), &[]);
    let folders: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if folders.is_empty() {
        return Err("usage: quotes_eval FOLDER… [--links] [--app] [--show]".into());
    }
    let engine = Quotes::new(CUES, FIRST_NAMES);
    if let Some(p) = engine.problems().first() {
        return Err(format!("assets/lexicon/cues.tsv {p}"));
    }
    let mut total = Tally::default();
    let mut seconds = 0.0;
    for folder in &folders {
        let import = brat::read_paths(&[PathBuf::from(folder)], &Project::new("eval"))
            .map_err(|e| format!("{folder}: {e}"))?;
        let names: HashMap<_, _> = import
            .new_entities
            .iter()
            .chain(&import.updated_entities)
            .map(|e| (e.id, e.name.clone()))
            .collect();
        let mut t = Tally::default();
        for bd in &import.documents {
            let d = &bd.document;
            let notes: HashMap<_, _> = bd.speaker_notes.iter().cloned().collect();
            let mentions: Vec<KnownMention> = d
                .spans
                .iter()
                .filter(|s| s.mention == Mention::Name)
                .map(|s| KnownMention {
                    start: s.start,
                    end: s.end,
                    label: s.label.to_string(),
                    entity: if links { s.entity } else { None },
                    name: if links {
                        s.entity.and_then(|e| names.get(&e).cloned())
                    } else {
                        None
                    },
                })
                .collect();
            let started = std::time::Instant::now();
            let pred: Vec<_> = if app {
                let mut bare = gloss::model::Document::new(d.id, d.name.clone(), d.text.clone());
                bare.spans.clear();
                let mut p = Project::new("app");
                p.insert_document(bare.clone());
                engines
                    .suggest(&p, &bare, None)
                    .into_iter()
                    .filter(|s| matches!(s.proposal, Proposal::Quote { .. }))
                    .collect()
            } else {
                engine.suggest(&d.text, &mentions)
            };
            seconds += started.elapsed().as_secs_f64();
            t.docs += 1;
            t.gold += d.quotes.len();
            t.pred += pred.len();
            let contents: Vec<Vec<(usize, usize)>> = pred
                .iter()
                .map(|s| match &s.proposal {
                    Proposal::Quote { content, .. } => content.clone(),
                    Proposal::Span { start, end, .. } => vec![(*start, *end)],
                })
                .collect();
            let mut pred_hit = vec![false; pred.len()];
            for g in &d.quotes {
                let glen: usize = g.content.iter().map(|r| r.len()).sum();
                let best = contents
                    .iter()
                    .enumerate()
                    .map(|(j, c)| (overlap(&g.content, c), j))
                    .max();
                let gold_name = notes.get(&g.id).cloned().or_else(|| {
                    g.speaker
                        .and_then(|id| d.span(id))
                        .and_then(|s| s.entity)
                        .and_then(|e| names.get(&e).cloned())
                });
                let matched = best.filter(|&(o, _)| glen > 0 && o * 10 >= glen * 3);
                if show {
                    let gtext: String = g
                        .content
                        .iter()
                        .map(|r| d.slice(r.start, r.end))
                        .collect::<Vec<_>>()
                        .join(" | ");
                    let got = matched.map(|(_, j)| describe(d, &pred[j], &names));
                    println!(
                        "{} gold {:?} [{}] «{}» speaker={:?}\n    -> {}",
                        d.name,
                        g.kind,
                        g.extent(),
                        clip(&gtext),
                        gold_name,
                        got.unwrap_or_else(|| "MISSED".into())
                    );
                }
                let Some((_, j)) = matched else { continue };
                pred_hit[j] = true;
                t.gold_matched += 1;
                let Proposal::Quote {
                    kind,
                    speaker,
                    speaker_entity,
                    speaker_new_entity,
                    ..
                } = &pred[j].proposal
                else {
                    continue;
                };
                if *kind == g.kind {
                    t.kind_right += 1;
                }
                let Some(gold_name) = gold_name else { continue };
                t.with_speaker += 1;
                let text = speaker.map(|(a, b)| d.slice(a, b).to_string());
                let name = speaker_new_entity
                    .clone()
                    .or_else(|| speaker_entity.and_then(|e| names.get(&e).cloned()))
                    .or_else(|| text.clone());
                let strict = name
                    .iter()
                    .chain(&text)
                    .any(|n| norm(n) == norm(&gold_name));
                let loose = strict || name.iter().chain(&text).any(|n| lenient(n, &gold_name));
                t.speaker_strict += usize::from(strict);
                t.speaker_lenient += usize::from(loose);
                let e = t.rules.entry(pred[j].rule.clone()).or_default();
                e.0 += 1;
                e.1 += usize::from(strict);
                e.2 += usize::from(loose);
            }
            t.pred_matched += pred_hit.iter().filter(|&&h| h).count();
            for (s, hit) in pred.iter().zip(&pred_hit) {
                if let Proposal::Quote {
                    kind: QuoteKind::Direct,
                    ..
                } = s.proposal
                {
                    t.pred_direct += 1;
                    t.pred_direct_matched += usize::from(*hit);
                }
            }
            if show {
                for (j, s) in pred.iter().enumerate() {
                    if !pred_hit[j] {
                        println!("{} FALSE {}", d.name, describe(d, s, &names));
                    }
                }
            }
        }
        t.print(folder);
        total.add(&t);
    }
    if folders.len() > 1 {
        total.print("all");
    }
    println!("engine time {seconds:.3} s");
    Ok(())
}

fn clip(s: &str) -> String {
    let s = s.replace('\n', " ⏎ ");
    if s.chars().count() > 90 {
        let head: String = s.chars().take(87).collect();
        format!("{head}…")
    } else {
        s
    }
}

fn describe(
    d: &gloss::model::Document,
    s: &Suggestion,
    names: &HashMap<gloss::model::EntityId, String>,
) -> String {
    let Proposal::Quote {
        content,
        cue,
        speaker,
        speaker_entity,
        speaker_new_entity,
        kind,
        ..
    } = &s.proposal
    else {
        return String::new();
    };
    let text: String = content
        .iter()
        .map(|&(a, b)| d.slice(a, b))
        .collect::<Vec<_>>()
        .join(" | ");
    let kind = match kind {
        QuoteKind::Direct => "Direct",
        QuoteKind::Indirect => "Indirect",
        QuoteKind::Mixed => "Mixed",
    };
    format!(
        "{kind} {:.2} {} «{}» cue={:?} speaker={:?} → {:?}",
        s.score,
        s.rule,
        clip(&text),
        cue.map(|(a, b)| d.slice(a, b)),
        speaker.map(|(a, b)| d.slice(a, b)),
        speaker_new_entity
            .clone()
            .or_else(|| speaker_entity.and_then(|e| names.get(&e).cloned())),
    )
}
