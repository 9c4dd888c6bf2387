//! Running every engine over a document and turning their findings into one list.
//!
//! The order follows Mikheev's staged design: lists first (gazetteer, learned strings), then
//! the rules, which see what the lists found (for partial matching and as evidence). Findings
//! for the same range and label are merged — their scores combined as independent evidence
//! (1 − Π(1 − sᵢ)) and their reasons joined — and overlapping findings resolved in favour of the
//! higher score, then the longer range. What the user already annotated, rejected, or said never
//! to suggest is left out (`visible`).
//!
//! # One long document
//! A book costs what the same text costs as many documents: every step is O(n log n) (`merge`,
//! `lookup`), and a document of 100,000 code points or more uses every core — the model runs
//! beside the lists, learned strings and rules, its sentences shared out over threads, and the
//! findings are settled (labels, merging, overlaps) in parts cut where no finding crosses
//! (`split`). Each of these gives exactly what one thread gives.
//!
//! Quotations come last (`quotes`): the quote engine is given every entity mention known in the
//! document — the user's spans and the entity suggestions that survived — so a speaker next to
//! a cue is a name the other engines found, linked to its entity when it has one.
//! It is also given what the user's linked descriptions in the project's other documents teach
//! (`ProjectIndex::taught`, read once per index): "the mayor" linked to Rob Keller elsewhere
//! makes "the mayor said" here Rob Keller's, when this document mentions him.
//!
//! # Only the project's labels
//! The bundled lists speak OntoNotes (PERSON, ORG, GPE, LOC, NORP), but a project may have any
//! label set. Every suggestion gets a label the project has, or is not made (`fit_labels`):
//! - a label the project has is kept; one it has in another case ("Person") becomes that;
//! - otherwise an obvious equivalent the project has, first found: PERSON → PER, PER → PERSON,
//!   ORG → ORGANIZATION or ORGANISATION, GPE → LOC or LOCATION, LOC → LOCATION, NORP → MISC
//!   (the CoNLL conventions); the reason says "suggested as LOC: the project has no GPE label";
//! - otherwise the suggestion is dropped — before overlaps are resolved, so a dropped GPE does
//!   not hide an ORG over the same words. The rules still see every list match as evidence.
//!
//! A quote suggestion whose speaker would be a new mention span with a label the project
//! cannot have (a pronoun or description speaker is PERSON; a project of ORG and EVENT has no
//! such label) keeps its content, cue and kind but has no speaker: what was said is worth
//! reviewing, and a speaker span labelled wrongly would be worse than none. Its reason says
//! so. A speaker that is already a span of the document is kept whatever its label.

mod context;
mod discourse;
mod horses;
mod particles;
mod place_pairs;
mod tickers;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::external;
use super::gazetteer::{Entry, Gazetteer, Match, parse_patterns_jsonl, parse_tsv};
use super::learned::Learned;
use super::lookup::ProjectIndex;
pub use super::merge::{merge, resolve, visible};
use super::model::{self, Lexicon, Model, Prediction};
use super::quotes::{KnownMention, Lessons, Quotes};
use super::rules::{Known, Rules};
use super::split;
use crate::model::{Document, EntityId, LabelSet, MatcherSettings, Project, Proposal, Suggestion};
use crate::text::plural;
use context::{
    GAZETTEER_ENGINE, context_over_lists, context_over_model, drop_sport_words, drop_wire_forms,
    head_word_labels, hyphenated_adjectives, possessive_places,
};
use discourse::second_look;
use horses::drop_horses;
use particles::pieces_of_longer_names;
use place_pairs::place_pairs;
use tickers::tickers_in_findings;

/// A bundled list: its name, file contents and the score its matches get.
pub struct Bundled {
    pub name: &'static str,
    pub contents: &'static str,
    pub score: f32,
    pub what: &'static str,
}

/// The lists that ship with Gloss (built by scripts/build_gazetteers.py; see assets/README.md).
pub const BUNDLED: &[Bundled] = &[
    Bundled {
        name: "countries",
        contents: include_str!("../../../assets/gazetteer/countries.tsv"),
        score: 0.95,
        what: "country",
    },
    Bundled {
        name: "demonyms",
        contents: include_str!("../../../assets/gazetteer/demonyms.tsv"),
        score: 0.9,
        what: "nationality or group",
    },
    Bundled {
        name: "cities",
        contents: include_str!("../../../assets/gazetteer/cities.tsv"),
        score: 0.85,
        what: "city",
    },
    Bundled {
        name: "organisations",
        contents: include_str!("../../../assets/gazetteer/organisations.tsv"),
        score: 0.9,
        what: "international organisation",
    },
    Bundled {
        name: "companies",
        contents: include_str!("../../../assets/gazetteer/companies.tsv"),
        score: 0.85,
        what: "company, agency, party or club",
    },
    Bundled {
        name: "regions",
        contents: include_str!("../../../assets/gazetteer/regions.tsv"),
        score: 0.85,
        what: "continent or region",
    },
];

/// The first names the rules use to recognise people: US births, then the given names of
/// international news that list lacks (Sergey, Hüseyin, João, Olusegun). One TSV: the second
/// file's header line is a comment like the first's.
pub const FIRST_NAMES: &str = concat!(
    include_str!("../../../assets/names/first_names.tsv"),
    include_str!("../../../assets/names/first_names_world.tsv")
);

/// Score of a match from a list the user brought.
const USER_LIST_SCORE: f32 = 0.9;

/// The label a new speaker mention gets when its quote names none (a pronoun, a description).
pub const SPEAKER_LABEL: &str = "PERSON";

/// Labels a suggested label may become in a project without it, the first the project has
/// (in any case) winning: the names CoNLL-style label sets give the same things.
const EQUIVALENTS: &[(&str, &[&str])] = &[
    ("PERSON", &["PER"]),
    ("PER", &["PERSON"]),
    ("ORG", &["ORGANIZATION", "ORGANISATION"]),
    ("GPE", &["LOC", "LOCATION"]),
    ("LOC", &["LOCATION"]),
    ("NORP", &["MISC"]),
];

/// The compiled engines for one project's settings.
pub struct Engines {
    gazetteer: Gazetteer,
    /// list name → (score, description), for suggestions' scores and reasons.
    lists: HashMap<String, (f32, String)>,
    rules: Option<Rules>,
    quotes: Option<Quotes>,
    /// The statistical model, set by the caller (it is trained apart, on the project).
    model: Option<Arc<Model>>,
    /// What the model's features look up: the bundled lists and the project's own.
    lexicon: Arc<Lexicon>,
    /// The names in the user's own lists, part of that lexicon.
    own_names: Vec<(String, String)>,
    /// "trained on 12 documents (340 names)", for the model's reasons.
    model_about: String,
    /// The score from which the model's findings are suggested on their own.
    model_min_score: f32,
    settings: MatcherSettings,
}

/// A model trained on the project shows its findings from this calibrated probability on
/// (below it they only add to another engine's finding of the same span and label). Chosen on
/// the learning curves of WikiGold and GUM: 0.4 gives the best F1 there, 0.65 the best
/// precision at a cost of 0.02–0.05 F1.
pub const MODEL_MIN_SCORE: f32 = 0.4;

/// The same for the shipped weights, learnt on Wikipedia (on news a score of 0.9 is right about
/// 73% of the time, not 90%); higher thresholds lost F1 on GUM and the example articles.
pub const SHIPPED_MIN_SCORE: f32 = 0.5;

impl Engines {
    /// Compile the engines. `user_lists` are (file name, contents) of the project's own lists;
    /// each problem (a bad line) comes back as a message naming the list and line.
    pub fn new(settings: &MatcherSettings, user_lists: &[(String, String)]) -> (Self, Vec<String>) {
        if settings.rules || settings.model {
            model::warm_up();
        }
        let mut entries: Vec<Entry> = Vec::new();
        let mut lists = HashMap::new();
        let mut problems = Vec::new();
        if settings.gazetteer {
            for b in BUNDLED {
                if settings.disabled_lists.iter().any(|d| d == b.name) {
                    continue;
                }
                let fold = settings.fold_case_lists.iter().any(|d| d == b.name);
                match parse_tsv(b.contents, b.name, fold) {
                    Ok(e) => entries.extend(e),
                    Err((line, msg)) => {
                        problems.push(format!("bundled list {}:{line}: {msg}", b.name))
                    }
                }
                lists.insert(b.name.to_string(), (b.score, b.what.to_string()));
            }
            for (name, contents) in user_lists {
                let fold = settings
                    .user_lists
                    .iter()
                    .any(|u| u.fold_case && u.path.ends_with(name.as_str()));
                let parsed = if name.ends_with(".jsonl") {
                    parse_patterns_jsonl(contents, name)
                } else {
                    parse_tsv(contents, name, fold)
                };
                match parsed {
                    Ok(mut e) => {
                        if fold {
                            e.iter_mut().for_each(|x| x.fold_case = true);
                        }
                        entries.extend(e);
                    }
                    Err((line, msg)) => problems.push(format!("{name}:{line}: {msg}")),
                }
                lists.insert(name.clone(), (USER_LIST_SCORE, format!("your list {name}")));
            }
        }
        let own_names: Vec<(String, String)> = entries
            .iter()
            .filter(|e| !BUNDLED.iter().any(|b| b.name == e.list))
            .map(|e| (e.text.clone(), e.label.clone()))
            .collect();
        // The lists' automaton compiles on another core meanwhile.
        let (gazetteer, rules, quotes, lexicon) = std::thread::scope(|scope| {
            let gazetteer = scope.spawn(|| Gazetteer::new(entries));
            let rules = settings.rules.then(|| Rules::from_tsv(FIRST_NAMES));
            let quotes = settings.quotes.then(|| {
                let q = Quotes::new(super::quotes::CUES, FIRST_NAMES);
                problems.extend(
                    q.problems()
                        .iter()
                        .map(|p| format!("bundled cue lexicon cues.tsv {p}")),
                );
                q
            });
            let lexicon = model_lexicon(&own_names, &[]);
            let gazetteer = gazetteer
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (gazetteer, rules, quotes, lexicon)
        });
        (
            Self {
                gazetteer,
                lists,
                rules,
                quotes,
                model: None,
                lexicon,
                own_names,
                model_about: String::new(),
                model_min_score: MODEL_MIN_SCORE,
                settings: settings.clone(),
            },
            problems,
        )
    }

    /// Use this model (trained on the project, or the starting weights) from now on, with the
    /// project's annotated strings (text, label) its features look up — the ones it was
    /// trained with (`app::learning::names`).
    pub fn set_model(&mut self, model: Option<Arc<Model>>, names: &[(String, String)]) {
        self.model_about = model.as_deref().map(about).unwrap_or_default();
        self.model_min_score = match model.as_deref() {
            Some(m) if is_bundled(m) => SHIPPED_MIN_SCORE,
            _ => MODEL_MIN_SCORE,
        };
        self.model = model;
        self.lexicon = model_lexicon(&self.own_names, names);
    }

    /// The model in use.
    pub fn model(&self) -> Option<&Arc<Model>> {
        self.model.as_ref()
    }

    /// The gazetteer's entry count (for the status line).
    pub fn gazetteer_len(&self) -> usize {
        self.gazetteer.len()
    }

    /// Every engine over one document: merged, overlaps resolved, sorted by start. `learned`
    /// is the project's learned strings (built once per project state by the caller).
    pub fn suggest(
        &self,
        project: &Project,
        doc: &Document,
        learned: Option<&Learned>,
    ) -> Vec<Suggestion> {
        self.suggest_in(&ProjectIndex::new(project), doc, learned)
    }

    /// [`Engines::suggest`] with the project's tables built once by the caller (for many
    /// documents). A long document has its model run beside the other engines, its sentences
    /// shared out over the machine's cores: the same result, sooner.
    pub fn suggest_in(
        &self,
        index: &ProjectIndex,
        doc: &Document,
        learned: Option<&Learned>,
    ) -> Vec<Suggestion> {
        self.suggest_with(index, doc, learned, &[])
    }

    /// [`Engines::suggest_in`] with what outside engines found in the document
    /// (`matcher::external`): their findings join the others' before labels are fitted and
    /// findings merged, so a span two engines agree on is one suggestion naming both.
    pub fn suggest_with(
        &self,
        index: &ProjectIndex,
        doc: &Document,
        learned: Option<&Learned>,
        external: &[Suggestion],
    ) -> Vec<Suggestion> {
        let threads = threads_for(doc);
        let model = self.active_model();
        let (gazetteer, found, from_model) = match model {
            Some(m) if threads > 1 => std::thread::scope(|scope| {
                let lexicon = &*self.lexicon;
                let text = &*doc.text;
                let predicting = scope.spawn(move || {
                    m.predict_map(text, lexicon, threads, |p| {
                        self.model_suggestion(index, doc, &p)
                    })
                });
                let gazetteer = self.gazetteer_matches(doc);
                let found = self.entity_findings(index, doc, learned, &gazetteer);
                let from_model = match predicting.join() {
                    Ok(p) => p,
                    Err(e) => std::panic::resume_unwind(e),
                };
                (gazetteer, found, from_model)
            }),
            _ => {
                let gazetteer = self.gazetteer_matches(doc);
                let found = self.entity_findings(index, doc, learned, &gazetteer);
                let from_model = model
                    .map(|m| m.predict(&doc.text, &self.lexicon))
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|p| self.model_suggestion(index, doc, p))
                    .collect();
                (gazetteer, found, from_model)
            }
        };
        drop(gazetteer);
        self.finish(index, doc, found, from_model, external)
    }

    /// What the engines find from the text alone — list matches and the model's predictions —
    /// which no annotation changes: the window's worker keeps them between edits.
    pub fn text_findings(&self, doc: &Document) -> TextFindings {
        let threads = threads_for(doc);
        let model = self.active_model();
        std::thread::scope(|scope| {
            let lexicon = &*self.lexicon;
            let text = &*doc.text;
            let predicting =
                model.map(|m| scope.spawn(move || m.predict_on(text, lexicon, threads)));
            let gazetteer = self.gazetteer_matches(doc);
            let model = match predicting.map(|p| p.join()) {
                None => Vec::new(),
                Some(Ok(p)) => p,
                Some(Err(e)) => std::panic::resume_unwind(e),
            };
            TextFindings { gazetteer, model }
        })
    }

    /// [`Engines::suggest_with`], also returning the text findings (as
    /// [`Engines::text_findings`] makes them) for later [`Engines::suggest_from`] calls: the
    /// model runs beside the other engines, whatever the document's length.
    pub fn suggest_keeping(
        &self,
        index: &ProjectIndex,
        doc: &Document,
        learned: Option<&Learned>,
        external: &[Suggestion],
    ) -> (Vec<Suggestion>, TextFindings) {
        let threads = threads_for(doc);
        let model = self.active_model();
        let (gazetteer, found, predictions) = std::thread::scope(|scope| {
            let lexicon = &*self.lexicon;
            let text = &*doc.text;
            let predicting =
                model.map(|m| scope.spawn(move || m.predict_on(text, lexicon, threads)));
            let gazetteer = self.gazetteer_matches(doc);
            let found = self.entity_findings(index, doc, learned, &gazetteer);
            let predictions = match predicting.map(|p| p.join()) {
                None => Vec::new(),
                Some(Ok(p)) => p,
                Some(Err(e)) => std::panic::resume_unwind(e),
            };
            (gazetteer, found, predictions)
        });
        let from_model = predictions
            .iter()
            .filter_map(|p| self.model_suggestion(index, doc, p))
            .collect();
        let items = self.finish(index, doc, found, from_model, external);
        let findings = TextFindings {
            gazetteer,
            model: predictions,
        };
        (items, findings)
    }

    /// [`Engines::suggest_with`] from text findings made earlier by
    /// [`Engines::text_findings`] for this document's text with these engines: the same
    /// result, without the lists and the model running again.
    pub fn suggest_from(
        &self,
        index: &ProjectIndex,
        doc: &Document,
        learned: Option<&Learned>,
        text: &TextFindings,
        external: &[Suggestion],
    ) -> Vec<Suggestion> {
        let found = self.entity_findings(index, doc, learned, &text.gazetteer);
        let from_model = text
            .model
            .iter()
            .filter_map(|p| self.model_suggestion(index, doc, p))
            .collect();
        self.finish(index, doc, found, from_model, external)
    }

    /// A prediction of the model as a suggestion (before the threshold: see `settle`).
    fn model_suggestion(
        &self,
        index: &ProjectIndex,
        doc: &Document,
        p: &Prediction,
    ) -> Option<Suggestion> {
        if p.start >= p.end {
            return None;
        }
        let text = doc.slice(p.start, p.end);
        let entity = index.named(text, &p.label);
        let why = if p.why.is_empty() {
            String::new()
        } else {
            format!(": {}", p.why.join(", "))
        };
        Some(Suggestion {
            reason: format!(
                "{text} as {} by the model ({}){why}",
                p.label, self.model_about
            ),
            proposal: Proposal::Span {
                start: p.start,
                end: p.end,
                label: p.label.clone(),
                entity,
                new_entity: entity.is_none().then(|| text.to_string()),
            },
            score: p.score,
            engine: model::ENGINE.into(),
            rule: "model: statistical".into(),
        })
    }

    fn active_model(&self) -> Option<&Model> {
        self.model.as_deref().filter(|_| self.settings.model)
    }

    fn gazetteer_matches(&self, doc: &Document) -> Vec<Match> {
        if self.settings.gazetteer {
            self.gazetteer.find(&doc.text)
        } else {
            Vec::new()
        }
    }

    /// The lists' matches as suggestions, then the learned strings, then the rules (which see
    /// both as evidence).
    fn entity_findings(
        &self,
        index: &ProjectIndex,
        doc: &Document,
        learned: Option<&Learned>,
        gazetteer: &[Match],
    ) -> Vec<Suggestion> {
        let mut found: Vec<Suggestion> = Vec::with_capacity(gazetteer.len());
        for m in gazetteer {
            let entry = self.gazetteer.entry(m.entry);
            let (score, what) = self
                .lists
                .get(&entry.list)
                .cloned()
                .unwrap_or((USER_LIST_SCORE, entry.list.clone()));
            let canonical = entry
                .canonical
                .clone()
                .unwrap_or_else(|| entry.text.clone());
            let entity = index.named(&canonical, &entry.label);
            let reason = if canonical == entry.text {
                format!("{} in the {} list", entry.text, entry.list)
            } else {
                format!("{} ({canonical}) in the {} list", entry.text, entry.list)
            };
            found.push(Suggestion {
                proposal: Proposal::Span {
                    start: m.start,
                    end: m.end,
                    label: entry.label.clone(),
                    entity,
                    new_entity: entity.is_none().then_some(canonical),
                },
                score,
                engine: GAZETTEER_ENGINE.into(),
                rule: format!("{}: {what}", entry.list),
                reason,
            });
        }
        if self.settings.learned
            && let Some(l) = learned
        {
            found.extend(l.suggest(doc));
        }
        if let Some(rules) = &self.rules {
            let mut known: Vec<Known> = doc
                .spans
                .iter()
                .map(|s| Known {
                    start: s.start,
                    end: s.end,
                    label: s.label.to_string(),
                    entity: s.entity,
                })
                .collect();
            known.extend(found.iter().filter_map(|s| match &s.proposal {
                Proposal::Span {
                    start,
                    end,
                    label,
                    entity,
                    ..
                } => Some(Known {
                    start: *start,
                    end: *end,
                    label: label.clone(),
                    entity: *entity,
                }),
                Proposal::Quote { .. } => None,
            }));
            found.extend(rules.suggest(&doc.text, &known));
        }
        found
    }

    /// The model's findings and outside engines' added to the others', labels fitted, merged,
    /// overlaps resolved; then the quotes (outside engines' among them), with every mention
    /// known so far. A long document's findings are cut where none crosses (`split`) and
    /// settled part by part on the machine's cores.
    fn finish(
        &self,
        index: &ProjectIndex,
        doc: &Document,
        mut found: Vec<Suggestion>,
        from_model: Vec<Suggestion>,
        external: &[Suggestion],
    ) -> Vec<Suggestion> {
        // Predictions imported into the document join as an outside engine's findings.
        let with_stored: Vec<Suggestion>;
        let external = if doc.predictions.is_empty() {
            external
        } else {
            with_stored = external
                .iter()
                .cloned()
                .chain(doc.predictions.iter().map(|p| p.to_suggestion()))
                .collect();
            &with_stored
        };
        let mut from_model = from_model;
        hyphenated_adjectives(doc, &mut found);
        hyphenated_adjectives(doc, &mut from_model);
        drop_sport_words(doc, &mut found);
        drop_sport_words(doc, &mut from_model);
        drop_horses(doc, &mut found, &mut from_model);
        tickers_in_findings(index, doc, &mut found, &mut from_model);
        place_pairs(doc, &self.gazetteer, &mut from_model);
        found.extend(external::link_spans(index, external));
        drop_wire_forms(doc, &mut from_model);
        possessive_places(doc, &found, &mut from_model);
        context_over_lists(doc, &mut found, &mut from_model);
        pieces_of_longer_names(doc, &found, &mut from_model);
        // Relabelled first, so that "Atacama Desert" as a place adds its evidence to the
        // rules' instead of contradicting them.
        for (i, label, head) in head_word_labels(doc, &from_model) {
            let s = &mut from_model[i];
            relabel(index, s, label);
            s.reason
                .push_str(&format!("; {label} by its head word “{head}”"));
        }
        context_over_model(&found, &mut from_model);
        let threads = threads_for(doc);
        let cuts = if threads > 1 {
            let ranges = found.iter().chain(&from_model).map(Suggestion::range);
            split::cuts(ranges, doc.char_len(), threads)
        } else {
            Vec::new()
        };
        let mut out = if cuts.is_empty() {
            self.settle(index, found, from_model)
        } else {
            let mut parts: Vec<(Vec<Suggestion>, Vec<Suggestion>)> =
                (0..=cuts.len()).map(|_| Default::default()).collect();
            for s in found {
                parts[split::part_of(&cuts, s.range().0)].0.push(s);
            }
            for s in from_model {
                parts[split::part_of(&cuts, s.range().0)].1.push(s);
            }
            std::thread::scope(|scope| {
                let mut parts = parts.into_iter();
                let first = parts.next();
                let rest: Vec<_> = parts
                    .map(|(f, m)| scope.spawn(move || self.settle(index, f, m)))
                    .collect();
                let mut out = first
                    .map(|(f, m)| self.settle(index, f, m))
                    .unwrap_or_default();
                for h in rest {
                    match h.join() {
                        Ok(v) => out.extend(v),
                        Err(e) => std::panic::resume_unwind(e),
                    }
                }
                out
            })
        };
        second_look(index, doc, &mut out);
        let outside_quotes = external
            .iter()
            .any(|s| matches!(s.proposal, Proposal::Quote { .. }));
        if self.quotes.is_some() || outside_quotes {
            let mentions = known_mentions(index, doc, &out);
            let mut said = match &self.quotes {
                Some(quotes) => {
                    let lessons = Lessons {
                        taught: Some(index.taught()),
                        doc: Some(doc.id),
                    };
                    quotes.suggest_taught(&doc.text, &mentions, lessons)
                }
                None => Vec::new(),
            };
            if outside_quotes {
                said.extend(external::link_quotes(external, &mentions));
                said = resolve(merge(said));
            }
            fit_speakers(index, doc, &mut said);
            out.extend(said);
            out.sort_by_key(|s| s.range());
        }
        out
    }

    /// Entity findings and the model's over one stretch of the document (all of it, or a part
    /// `split` cut): the model's kept, labels fitted, merged, overlaps resolved, sorted by
    /// range.
    fn settle(
        &self,
        index: &ProjectIndex,
        mut found: Vec<Suggestion>,
        from_model: Vec<Suggestion>,
    ) -> Vec<Suggestion> {
        if self.active_model().is_some() {
            // On its own a finding must reach the model's threshold (a higher one for the
            // shipped weights, learnt on Wikipedia and over-confident on news); below it, it
            // only adds its evidence to another engine's finding of the same span and label.
            let others: HashSet<(usize, usize, &str)> = found
                .iter()
                .filter_map(|s| match &s.proposal {
                    Proposal::Span {
                        start, end, label, ..
                    } => Some((*start, *end, label.as_str())),
                    Proposal::Quote { .. } => None,
                })
                .collect();
            let kept: Vec<Suggestion> = from_model
                .into_iter()
                .map(|mut s| {
                    // The starting weights learnt the CoNLL scheme, where nationalities and
                    // groups are MISC: where another engine calls the same span NORP, the
                    // model's MISC is that NORP, and the two agree.
                    let (a, b) = s.range();
                    if s.label() == "MISC" && others.contains(&(a, b, "NORP")) {
                        relabel(index, &mut s, "NORP");
                    }
                    s
                })
                .filter(|s| {
                    let (a, b) = s.range();
                    let low = s.score < self.model_min_score;
                    !low || others.contains(&(a, b, s.label()))
                })
                .collect();
            drop(others);
            found.extend(kept);
        }
        resolve(merge(fit_labels(index, found)))
    }
}

/// Documents at least this long (code points) have their model run on several threads.
const LONG_DOCUMENT: usize = 100_000;

/// How many threads one document's engines may use.
fn threads_for(doc: &Document) -> usize {
    if doc.char_len() < LONG_DOCUMENT {
        return 1;
    }
    std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(1)
}

/// What the engines find from a document's text alone (see [`Engines::text_findings`]).
#[derive(Clone, Debug, Default)]
pub struct TextFindings {
    gazetteer: Vec<Match>,
    model: Vec<Prediction>,
}

/// The lexicon for the model: the bundled one plus the user's list names and the project's
/// annotated strings.
fn model_lexicon(own: &[(String, String)], names: &[(String, String)]) -> Arc<Lexicon> {
    let bundled = bundled_lexicon();
    if own.is_empty() && names.is_empty() {
        return bundled;
    }
    Arc::new(bundled.with_names(own.iter().chain(names).cloned()))
}

/// The bundled lexicon (lists, first names, titles, cues) the model's features look up, built
/// once per process.
pub fn bundled_lexicon() -> Arc<Lexicon> {
    static LEXICON: std::sync::OnceLock<Arc<Lexicon>> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| Arc::new(Lexicon::bundled())).clone()
}

/// The weights shipped with Gloss (trained on WikiGold and the wire stories), loaded once per
/// process; the same
/// `Arc` every time, so a model can be told apart from one trained on a project.
pub fn bundled_model() -> Option<Arc<Model>> {
    static BUNDLED: std::sync::OnceLock<Option<Arc<Model>>> = std::sync::OnceLock::new();
    BUNDLED
        .get_or_init(|| Model::bundled().map(Arc::new))
        .clone()
}

/// True when `m` is the shipped model.
pub fn is_bundled(m: &Model) -> bool {
    bundled_model().is_some_and(|b| std::ptr::eq(b.as_ref(), m))
}

/// What a model was trained on, for reasons: "trained on 12 documents, 340 names" or "starting
/// weights".
pub fn about(m: &Model) -> String {
    let info = m.info();
    if is_bundled(m) {
        return format!(
            "starting weights from WikiGold and wire stories, {} documents",
            info.documents
        );
    }
    if info.documents == 0 {
        match &info.base {
            Some(b) => format!("starting weights, {b}"),
            None => "starting weights".into(),
        }
    } else {
        format!(
            "trained on {} document{}, {} name{}",
            info.documents,
            plural(info.documents),
            info.names,
            plural(info.names)
        )
    }
}

/// The project's label for a suggested `label`: itself, the same name in another case, or an
/// equivalent from `EQUIVALENTS`; `None` when the project has none of them.
pub fn project_label<'a>(labels: &'a LabelSet, label: &str) -> Option<&'a str> {
    if let Some(l) = labels.get(label) {
        return Some(&l.name);
    }
    let named = |want: &str| {
        let want = want.to_lowercase();
        labels.names().find(|n| n.to_lowercase() == want)
    };
    named(label).or_else(|| {
        EQUIVALENTS
            .iter()
            .filter(|(from, _)| from.eq_ignore_ascii_case(label))
            .flat_map(|(_, to)| to.iter())
            .find_map(|to| named(to))
    })
}

/// A model finding's label changed to `to` and relinked, its reason saying so.
fn relabel(index: &ProjectIndex, s: &mut Suggestion, to: &str) {
    if let Proposal::Span {
        label,
        entity,
        new_entity,
        ..
    } = &mut s.proposal
    {
        relink(index, to, entity, new_entity);
        s.reason = s.reason.replacen(
            &format!(" as {label} by the model"),
            &format!(" as {to} by the model"),
            1,
        );
        *label = to.to_string();
    }
}

/// Span suggestions with a label the project has (see the module doc): kept, relabelled with
/// a note in the reason and relinked to an entity of the new label, or dropped.
fn fit_labels(index: &ProjectIndex, found: Vec<Suggestion>) -> Vec<Suggestion> {
    let project = index.project;
    found
        .into_iter()
        .filter_map(|mut s| {
            let Proposal::Span {
                label,
                entity,
                new_entity,
                ..
            } = &mut s.proposal
            else {
                return Some(s);
            };
            let fitted = project_label(&project.labels, label)?;
            if fitted != label.as_str() {
                s.reason = format!(
                    "{}; suggested as {fitted}: the project has no {label} label",
                    s.reason
                );
                relink(index, fitted, entity, new_entity);
                *label = fitted.to_string();
            }
            Some(s)
        })
        .collect()
}

/// After a label changed to `label`: link to the project's entity of the same name with that
/// label, or make a new one on acceptance, rather than keep an entity of another label.
fn relink(
    index: &ProjectIndex,
    label: &str,
    entity: &mut Option<EntityId>,
    new_entity: &mut Option<String>,
) {
    let name = match entity.and_then(|e| index.entity(e)) {
        Some(e) if e.label == label => return,
        Some(e) => e.name.clone(),
        None => match new_entity {
            Some(n) => n.clone(),
            None => return,
        },
    };
    match index.first_named(&name, label) {
        Some(e) => {
            *entity = Some(e);
            *new_entity = None;
        }
        None => {
            *entity = None;
            *new_entity = Some(name);
        }
    }
}

/// Quote suggestions whose new speaker mention gets a label the project has (the speaker's
/// label, or [`SPEAKER_LABEL`], fitted as spans are); when there is none, the quote stays
/// without a speaker and its reason says why. A speaker already a span of `doc` is kept.
fn fit_speakers(index: &ProjectIndex, doc: &Document, said: &mut [Suggestion]) {
    let project = index.project;
    for s in said {
        let Proposal::Quote {
            speaker,
            speaker_label,
            speaker_entity,
            speaker_new_entity,
            ..
        } = &mut s.proposal
        else {
            continue;
        };
        let Some((a, b)) = *speaker else {
            continue;
        };
        // Spans are sorted by start.
        let from = doc.spans.partition_point(|sp| sp.start < a);
        if doc.spans[from..]
            .iter()
            .take_while(|sp| sp.start == a)
            .any(|sp| sp.end == b)
        {
            continue;
        }
        let wanted = speaker_label
            .as_deref()
            .unwrap_or(SPEAKER_LABEL)
            .to_string();
        match project_label(&project.labels, &wanted) {
            Some(fitted) => {
                if fitted != wanted {
                    relink(index, fitted, speaker_entity, speaker_new_entity);
                }
                *speaker_label = Some(fitted.to_string());
            }
            None => {
                let who = doc.slice(a, b).replace(['\n', '\r'], " ");
                *speaker = None;
                *speaker_label = None;
                *speaker_entity = None;
                *speaker_new_entity = None;
                s.reason = format!(
                    "{}; no speaker: \"{who}\" would be a {wanted} mention, and the project has no {wanted} label",
                    s.reason
                );
            }
        }
    }
}

/// The entity mentions a quote's speaker may be: the document's spans, then the entity
/// suggestions that do not overlap one, sorted by start; with the canonical names of their
/// entities.
fn known_mentions(index: &ProjectIndex, doc: &Document, found: &[Suggestion]) -> Vec<KnownMention> {
    let name = |e: Option<EntityId>| e.and_then(|id| index.entity(id)).map(|e| e.name.clone());
    let mut out: Vec<KnownMention> = doc
        .spans
        .iter()
        .map(|s| KnownMention {
            start: s.start,
            end: s.end,
            label: s.label.to_string(),
            entity: s.entity,
            name: name(s.entity),
        })
        .collect();
    // Spans are sorted by start; max_end[i] is the largest end among the first i+1, so a
    // suggestion overlaps a span when some span starting before its end ends after its start.
    let max_end: Vec<usize> = out
        .iter()
        .scan(0, |m, s| {
            *m = (*m).max(s.end);
            Some(*m)
        })
        .collect();
    let overlaps = |start: usize, end: usize| {
        let n = out.partition_point(|m| m.start < end);
        n > 0 && max_end[n - 1] > start
    };
    let mut extra = Vec::new();
    for s in found {
        if let Proposal::Span {
            start,
            end,
            label,
            entity,
            new_entity,
        } = &s.proposal
        {
            if overlaps(*start, *end) {
                continue;
            }
            extra.push(KnownMention {
                start: *start,
                end: *end,
                label: label.clone(),
                entity: *entity,
                name: name(*entity).or_else(|| new_entity.clone()),
            });
        }
    }
    out.extend(extra);
    out.sort_by_key(|m| (m.start, m.end));
    out
}

#[cfg(test)]
mod tests;
