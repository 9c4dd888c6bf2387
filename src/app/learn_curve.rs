//! The learning curve: how good the suggestions get as a user annotates. A user is simulated
//! who annotates the first N documents of a gold project, in order, exactly as the gold has
//! them; the engines (each alone, and all together) then suggest on the remaining documents,
//! which are scored against the gold with `eval`'s rules. This is how a team decides when to
//! trust the assistant (`gloss learn-curve`).
//!
//! What the simulated user annotated is all the engines may know: the learned strings and the
//! model learn from the first N documents only, and the canonical entities (whose names and
//! aliases the learned engine uses) are only those the first N documents mention.

use std::collections::HashSet;
use std::sync::Arc;

use super::eval::{self, Annotations, Options};
use super::learning;
use crate::matcher::engines::{self, Engines};
use crate::matcher::learned::Learned;
use crate::model::{CharRange, Document, MatcherSettings, Project, Proposal, Span, SpanId, Status};

/// The engines measured, each alone, then all together.
pub const ENGINES: [&str; 5] = ["gazetteer", "learned", "rules", "model", "all"];

/// One engine's score at one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub engine: &'static str,
    pub score: eval::Score,
    pub gold: usize,
    pub pred: usize,
}

/// One step: the number of documents annotated and the scores on the rest.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub annotated: usize,
    pub scored: usize,
    pub rows: Vec<Row>,
}

/// The settings that run one engine alone ("all": every name engine). Quotes are off: the
/// curve is about names.
fn settings_for(engine: &str, base: &MatcherSettings) -> MatcherSettings {
    let all = engine == "all";
    MatcherSettings {
        gazetteer: all || engine == "gazetteer",
        learned: all || engine == "learned",
        rules: all || engine == "rules",
        model: all || engine == "model",
        quotes: false,
        ..base.clone()
    }
}

/// The project as the simulated user left it after annotating the first `n` documents: those
/// done with the gold's names, the rest untouched, and only the entities the first `n` use.
pub fn annotated_first(gold: &Project, n: usize) -> Project {
    let mut p = gold.clone();
    p.verdicts = Default::default();
    let mut used = HashSet::new();
    for (i, d) in p.documents.iter_mut().enumerate() {
        d.quotes.clear();
        if i < n {
            d.status = Status::Done;
            used.extend(d.spans.iter().filter_map(|s| s.entity));
        } else {
            d.status = Status::Todo;
            d.spans.clear();
        }
    }
    p.entities.retain(|e| used.contains(&e.id));
    p
}

/// The documents after the first `n`, with what `suggest` found on them as their spans.
fn predicted(rest: &Project, found: Vec<Vec<crate::model::Suggestion>>) -> Project {
    let mut p = rest.clone();
    for (d, items) in p.documents.iter_mut().zip(found) {
        d.spans.clear();
        d.quotes.clear();
        for (i, s) in items.iter().enumerate() {
            if let Proposal::Span {
                start, end, label, ..
            } = &s.proposal
            {
                d.insert_span(Span::new(
                    SpanId(i as u64 + 1),
                    CharRange::new(*start, *end),
                    label.as_str(),
                ));
            }
        }
    }
    p
}

/// Run the curve at each of `steps` (documents annotated; steps past the project's size are
/// skipped: at least one document must be left to score). `starting_weights`: the model
/// starts from the weights shipped with Gloss — leave them out when the gold is what they were
/// trained on (WikiGold, this repository's wire stories), or the curve measures documents the
/// model has seen. `progress` is
/// told each step.
pub fn run(
    gold: &Project,
    steps: &[usize],
    options: &Options,
    starting_weights: bool,
    mut progress: impl FnMut(usize),
) -> Vec<Step> {
    let base = if starting_weights {
        learning::bundled()
    } else {
        None
    };
    let mut out = Vec::new();
    for &n in steps {
        if n >= gold.documents.len() {
            continue;
        }
        progress(n);
        let user = annotated_first(gold, n);
        let examples = learning::examples(&user);
        let model = if examples.is_empty() {
            base.clone()
        } else {
            Some(Arc::new(learning::train_from(&examples, base.as_deref())))
        };
        let names = learning::names(&examples);
        let learned = Learned::from_project(&user, user.matcher.min_learned_len);
        let mut rest_gold = gold.clone();
        rest_gold.documents = gold.documents[n..].to_vec();
        let rest_docs: Vec<&Document> = user.documents[n..].iter().collect();
        let mut rows = Vec::new();
        for engine in ENGINES {
            let settings = settings_for(engine, &user.matcher);
            let (mut engines, _) = Engines::new(&settings, &[]);
            engines.set_model(model.clone(), &names);
            let mut scoring = user.clone();
            scoring.matcher = settings;
            let found: Vec<_> = rest_docs
                .iter()
                .map(|d| {
                    let all = engines.suggest(&scoring, d, Some(&learned));
                    let keep = engines::visible(d, &scoring.verdicts, &all);
                    keep.into_iter().map(|k| all[k].clone()).collect()
                })
                .collect();
            let pred = predicted(&rest_gold, found);
            let report = eval::evaluate(
                &Annotations::new(&rest_gold),
                &Annotations::new(&pred),
                options,
            );
            let overall = report.entities.overall;
            rows.push(Row {
                engine,
                score: overall.exact,
                gold: overall.gold,
                pred: overall.pred,
            });
        }
        out.push(Step {
            annotated: n,
            scored: gold.documents.len() - n,
            rows,
        });
    }
    out
}

/// Draw the curve as a PNG at `out`: F1 on the rest against documents annotated, a line per
/// engine; `name` and `total` (documents in the gold project) make the title.
pub fn plot(
    steps: &[Step],
    name: &str,
    total: usize,
    out: &std::path::Path,
) -> Result<(), crate::io::IoError> {
    let series: Vec<crate::io::plot::Series> = ENGINES
        .iter()
        .map(|engine| crate::io::plot::Series {
            name: (*engine).to_string(),
            points: steps
                .iter()
                .filter_map(|step| {
                    let row = step.rows.iter().find(|r| r.engine == *engine)?;
                    Some((step.annotated as f64, row.score.f1.unwrap_or(0.0)))
                })
                .collect(),
        })
        .collect();
    let title = format!("Learning curve: {name} ({total} documents)");
    crate::io::plot::line_chart(
        out,
        &title,
        "documents annotated",
        "F1 on the rest",
        &series,
    )
}

/// The curve as a table: one line per step and engine.
pub fn table(steps: &[Step]) -> String {
    let mut s = format!(
        "{:>9}  {:>6}  {:<9}  {:>9}  {:>6}  {:>6}  {:>6}\n",
        "annotated", "scored", "engine", "precision", "recall", "F1", "gold"
    );
    let num = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.3}"));
    for step in steps {
        for r in &step.rows {
            s.push_str(&format!(
                "{:>9}  {:>6}  {:<9}  {:>9}  {:>6}  {:>6}  {:>6}\n",
                step.annotated,
                step.scored,
                r.engine,
                num(r.score.precision),
                num(r.score.recall),
                num(r.score.f1),
                r.gold
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, Entity, EntityId};

    fn gold() -> Project {
        let mut p = Project::new("g");
        p.insert_entity(Entity {
            id: EntityId(1),
            name: "Mara Lind".into(),
            label: "PERSON".into(),
            aliases: vec!["Lind".into()],
            attributes: Default::default(),
        });
        p.insert_entity(Entity {
            id: EntityId(2),
            name: "Oskar Vale".into(),
            label: "PERSON".into(),
            aliases: vec![],
            attributes: Default::default(),
        });
        let texts = [
            ("a", "Mara Lind spoke in Oslo.", "Mara Lind", EntityId(1)),
            ("b", "Later Mara Lind left.", "Mara Lind", EntityId(1)),
            ("c", "Oskar Vale stayed home.", "Oskar Vale", EntityId(2)),
        ];
        for (i, (name, text, who, entity)) in texts.iter().enumerate() {
            let mut d = Document::new(DocId(i as u64 + 1), *name, *text);
            let byte = text.find(who).unwrap();
            let start = text[..byte].chars().count();
            let mut s = Span::new(
                SpanId(1),
                CharRange::new(start, start + who.chars().count()),
                "PERSON",
            );
            s.entity = Some(*entity);
            d.insert_span(s);
            p.insert_document(d);
        }
        p
    }

    #[test]
    fn the_simulated_user_knows_only_the_first_documents() {
        let p = annotated_first(&gold(), 1);
        assert_eq!(p.documents[0].status, Status::Done);
        assert_eq!(p.documents[0].spans.len(), 1);
        assert!(p.documents[1].spans.is_empty() && p.documents[2].spans.is_empty());
        assert_eq!(
            p.entities.len(),
            1,
            "Oskar Vale is only in a later document"
        );
    }

    #[test]
    fn learned_strings_carry_forward_and_steps_past_the_end_are_skipped() {
        let steps = run(&gold(), &[1, 3, 9], &Options::default(), false, |_| {});
        assert_eq!(
            steps.len(),
            1,
            "only the step that leaves documents to score"
        );
        let step = &steps[0];
        assert_eq!((step.annotated, step.scored), (1, 2));
        let learned = step.rows.iter().find(|r| r.engine == "learned").unwrap();
        // "Mara Lind" in document b is found from document a; "Oskar Vale" is new.
        assert_eq!(learned.score.tp, 1, "{learned:?}");
        assert_eq!(learned.gold, 2);
        assert!(table(&steps).contains("learned"));
    }
}
