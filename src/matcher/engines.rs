//! Running every engine over a document and turning their findings into one list.
//!
//! The order follows Mikheev's staged design: lists first (gazetteer, learned strings), then
//! the rules, which see what the lists found (for partial matching and as evidence). Findings
//! for the same range and label are merged — their scores combined as independent evidence
//! (1 − Π(1 − sᵢ)) and their reasons joined — and overlapping findings resolved in favour of the
//! higher score, then the longer range. What the user already annotated, rejected, or said never
//! to suggest is left out (`visible`).
//!
//! Quotations come last (`quotes`): the quote engine is given every entity mention known in the
//! document — the user's spans and the entity suggestions that survived — so a speaker next to
//! a cue is a name the other engines found, linked to its entity when it has one.
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

use std::collections::HashMap;
use std::sync::Arc;

use super::gazetteer::{Entry, Gazetteer, parse_patterns_jsonl, parse_tsv};
use super::learned::Learned;
use super::model::{self, Lexicon, Model};
use super::quotes::{KnownMention, Quotes};
use super::rules::{Known, Rules};
use crate::model::{
    Document, EntityId, LabelSet, MatcherSettings, Project, Proposal, Suggestion, VerdictMemory,
};

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
        contents: include_str!("../../assets/gazetteer/countries.tsv"),
        score: 0.95,
        what: "country",
    },
    Bundled {
        name: "demonyms",
        contents: include_str!("../../assets/gazetteer/demonyms.tsv"),
        score: 0.9,
        what: "nationality or group",
    },
    Bundled {
        name: "cities",
        contents: include_str!("../../assets/gazetteer/cities.tsv"),
        score: 0.85,
        what: "city",
    },
    Bundled {
        name: "organisations",
        contents: include_str!("../../assets/gazetteer/organisations.tsv"),
        score: 0.9,
        what: "international organisation",
    },
    Bundled {
        name: "regions",
        contents: include_str!("../../assets/gazetteer/regions.tsv"),
        score: 0.85,
        what: "continent or region",
    },
];

/// The first names the rules use to recognise people.
pub const FIRST_NAMES: &str = include_str!("../../assets/names/first_names.tsv");

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
        let own_names: Vec<(String, String)> = entries
            .iter()
            .filter(|e| !BUNDLED.iter().any(|b| b.name == e.list))
            .map(|e| (e.text.clone(), e.label.clone()))
            .collect();
        let lexicon = model_lexicon(&own_names, &[]);
        (
            Self {
                gazetteer: Gazetteer::new(entries),
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
        let mut found: Vec<Suggestion> = Vec::new();
        let entity_by_name: HashMap<(&str, &str), crate::model::EntityId> = project
            .entities
            .iter()
            .map(|e| ((e.name.as_str(), e.label.as_str()), e.id))
            .collect();
        if self.settings.gazetteer {
            for m in self.gazetteer.find(&doc.text) {
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
                let entity = entity_by_name
                    .get(&(canonical.as_str(), entry.label.as_str()))
                    .copied();
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
                    engine: "gazetteer",
                    rule: format!("{}: {what}", entry.list),
                    reason,
                });
            }
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
        if self.settings.model
            && let Some(m) = &self.model
        {
            // On its own a finding must reach the model's threshold (a higher one for the
            // shipped weights, learnt on Wikipedia and over-confident on news); below it, it
            // only adds its evidence to another engine's finding of the same span and label.
            let others: std::collections::HashSet<(usize, usize, String)> = found
                .iter()
                .filter_map(|s| match &s.proposal {
                    Proposal::Span {
                        start, end, label, ..
                    } => Some((*start, *end, label.clone())),
                    Proposal::Quote { .. } => None,
                })
                .collect();
            for p in m.predict(&doc.text, &self.lexicon) {
                if p.start >= p.end
                    || (p.score < self.model_min_score
                        && !others.contains(&(p.start, p.end, p.label.clone())))
                {
                    continue;
                }
                let text = doc.slice(p.start, p.end);
                let entity = entity_by_name.get(&(text, p.label.as_str())).copied();
                let why = if p.why.is_empty() {
                    String::new()
                } else {
                    format!(": {}", p.why.join(", "))
                };
                found.push(Suggestion {
                    reason: format!(
                        "{text} as {} by the model ({}){why}",
                        p.label, self.model_about
                    ),
                    proposal: Proposal::Span {
                        start: p.start,
                        end: p.end,
                        label: p.label,
                        entity,
                        new_entity: entity.is_none().then(|| text.to_string()),
                    },
                    score: p.score,
                    engine: model::ENGINE,
                    rule: "model: statistical".into(),
                });
            }
        }
        let mut out = resolve(merge(fit_labels(project, found)));
        if let Some(quotes) = &self.quotes {
            let mentions = known_mentions(project, doc, &out);
            let mut said = quotes.suggest(&doc.text, &mentions);
            fit_speakers(project, doc, &mut said);
            out.extend(said);
            out.sort_by_key(|s| s.range());
        }
        out
    }
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

/// The weights shipped with Gloss (trained on WikiGold), loaded once per process; the same
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
            "starting weights from WikiGold, {} documents",
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
            "trained on {} document{}, {} names",
            info.documents,
            if info.documents == 1 { "" } else { "s" },
            info.names
        )
    }
}

/// The project's label for a suggested `label`: itself, the same name in another case, or an
/// equivalent from [`EQUIVALENTS`]; `None` when the project has none of them.
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

/// Span suggestions with a label the project has (see the module doc): kept, relabelled with
/// a note in the reason and relinked to an entity of the new label, or dropped.
fn fit_labels(project: &Project, found: Vec<Suggestion>) -> Vec<Suggestion> {
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
                relink(project, fitted, entity, new_entity);
                *label = fitted.to_string();
            }
            Some(s)
        })
        .collect()
}

/// After a label changed to `label`: link to the project's entity of the same name with that
/// label, or make a new one on acceptance, rather than keep an entity of another label.
fn relink(
    project: &Project,
    label: &str,
    entity: &mut Option<EntityId>,
    new_entity: &mut Option<String>,
) {
    let name = match entity.and_then(|e| project.entity(e)) {
        Some(e) if e.label == label => return,
        Some(e) => e.name.clone(),
        None => match new_entity {
            Some(n) => n.clone(),
            None => return,
        },
    };
    match project
        .entities
        .iter()
        .find(|e| e.name == name && e.label == label)
    {
        Some(e) => {
            *entity = Some(e.id);
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
fn fit_speakers(project: &Project, doc: &Document, said: &mut [Suggestion]) {
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
                    relink(project, fitted, speaker_entity, speaker_new_entity);
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
fn known_mentions(project: &Project, doc: &Document, found: &[Suggestion]) -> Vec<KnownMention> {
    let name = |e: Option<crate::model::EntityId>| {
        e.and_then(|id| project.entity(id)).map(|e| e.name.clone())
    };
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

/// Merge findings for the same range and label: scores as independent evidence, reasons and
/// rules joined, the entity of the strongest finding kept.
pub fn merge(mut found: Vec<Suggestion>) -> Vec<Suggestion> {
    // Reasons are one line, even when the text they quote crosses a line break.
    for s in &mut found {
        if s.reason.contains(['\n', '\r']) {
            s.reason = s.reason.replace("\r\n", " ").replace(['\n', '\r'], " ");
        }
    }
    found.sort_by(|a, b| {
        (a.range(), a.label())
            .cmp(&(b.range(), b.label()))
            .then(b.score.total_cmp(&a.score))
    });
    let mut out: Vec<Suggestion> = Vec::with_capacity(found.len());
    for s in found {
        if let Some(last) = out.last_mut()
            && last.range() == s.range()
            && last.label() == s.label()
        {
            last.score = 1.0 - (1.0 - last.score) * (1.0 - s.score);
            last.score = last.score.min(0.99);
            if !last.rule.contains(&s.rule) {
                last.rule = format!("{} + {}", last.rule, s.rule);
            }
            last.reason = format!("{}; {}", last.reason, s.reason);
            if let (
                Proposal::Span {
                    entity, new_entity, ..
                },
                Proposal::Span {
                    entity: e2,
                    new_entity: n2,
                    ..
                },
            ) = (&mut last.proposal, &s.proposal)
                && entity.is_none()
            {
                if e2.is_some() {
                    *entity = *e2;
                    *new_entity = None;
                } else if new_entity.is_none() {
                    new_entity.clone_from(n2);
                }
            }
            continue;
        }
        out.push(s);
    }
    out
}

/// Keep a non-overlapping set: higher score first, then the longer range. Spans and quotes are
/// resolved apart: a quote naturally contains the names in it.
pub fn resolve(found: Vec<Suggestion>) -> Vec<Suggestion> {
    let (quotes, spans): (Vec<_>, Vec<_>) = found
        .into_iter()
        .partition(|s| matches!(s.proposal, Proposal::Quote { .. }));
    let mut out = resolve_one_kind(spans);
    out.extend(resolve_one_kind(quotes));
    out.sort_by_key(|s| s.range());
    out
}

fn resolve_one_kind(mut found: Vec<Suggestion>) -> Vec<Suggestion> {
    found.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then((b.range().1 - b.range().0).cmp(&(a.range().1 - a.range().0)))
            .then(a.range().cmp(&b.range()))
    });
    let mut kept: Vec<Suggestion> = Vec::with_capacity(found.len());
    for s in found {
        let (a, b) = s.range();
        if kept.iter().all(|k| {
            let (c, d) = k.range();
            b <= c || d <= a
        }) {
            kept.push(s);
        }
    }
    kept.sort_by_key(|s| s.range());
    kept
}

/// Indices of the suggestions still worth showing: not overlapping an existing span, not
/// rejected here, not on the never list. One pass over spans and suggestions, so a book with
/// 100,000 spans costs milliseconds, not seconds.
pub fn visible(doc: &Document, verdicts: &VerdictMemory, suggestions: &[Suggestion]) -> Vec<usize> {
    // max_end[i] = the largest end among the first i+1 spans (sorted by start).
    let mut max_end = Vec::with_capacity(doc.spans.len());
    let mut m = 0;
    for sp in &doc.spans {
        m = m.max(sp.end);
        max_end.push(m);
    }
    let rejected: std::collections::HashSet<(usize, usize, &str)> = verdicts
        .rejected
        .iter()
        .filter(|r| r.doc == doc.id)
        .map(|r| (r.start, r.end, r.label.as_str()))
        .collect();
    let len = doc.char_len();
    let mut out = Vec::with_capacity(suggestions.len());
    for (i, s) in suggestions.iter().enumerate() {
        let (a, b) = s.range();
        if b > len || a >= b {
            continue;
        }
        if let Proposal::Quote { content, .. } = &s.proposal {
            // A quote suggestion gives way to a quote already there, and to its rejection.
            let taken = doc.quotes.iter().any(|q| {
                q.content
                    .iter()
                    .any(|r| content.iter().any(|(x, y)| r.start < *y && *x < r.end))
            });
            if !taken && !rejected.contains(&(a, b, "QUOTE")) {
                out.push(i);
            }
            continue;
        }
        let before_end = doc.spans.partition_point(|sp| sp.start < b);
        if before_end > 0 && max_end[before_end - 1] > a {
            continue;
        }
        if let Proposal::Span { label, .. } = &s.proposal {
            if rejected.contains(&(a, b, label.as_str())) {
                continue;
            }
            if !verdicts.never.is_empty() && verdicts.is_never(doc.slice(a, b), label) {
                continue;
            }
        }
        out.push(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, LabelSet};

    fn suggest(labels: &[&str], text: &str) -> Vec<Suggestion> {
        let mut p = Project::with_labels(
            "p",
            LabelSet::from_names(labels.iter().map(|l| l.to_string())),
        );
        p.insert_document(Document::new(DocId(1), "d", text));
        let (engines, problems) = Engines::new(&p.matcher, &[]);
        assert!(problems.is_empty(), "{problems:?}");
        engines.suggest(&p, &p.documents[0], None)
    }

    fn spans(found: &[Suggestion]) -> Vec<(String, String)> {
        found
            .iter()
            .filter(|s| matches!(s.proposal, Proposal::Span { .. }))
            .map(|s| (s.label().to_string(), s.reason.clone()))
            .collect()
    }

    const TEXT: &str = "Officials of the United Nations met Maria Lopez in Portugal. \
                        “We are ready,” she said later in Lisbon.";

    #[test]
    fn only_the_projects_labels_are_suggested() {
        // With the news set the lists find the country and the city…
        let news = suggest(&["PERSON", "ORG", "GPE"], TEXT);
        assert!(spans(&news).iter().any(|(l, _)| l == "GPE"), "{news:?}");
        // …which a PERSON, ORG project cannot hold: they are not suggested.
        let found = suggest(&["PERSON", "ORG"], TEXT);
        let labels: Vec<String> = spans(&found).into_iter().map(|(l, _)| l).collect();
        assert!(
            labels.iter().all(|l| l == "PERSON" || l == "ORG"),
            "{labels:?}"
        );
        assert!(labels.contains(&"ORG".to_string()) && labels.contains(&"PERSON".to_string()));
        assert!(
            found.iter().any(|s| matches!(
                &s.proposal,
                Proposal::Quote {
                    speaker: Some(_),
                    ..
                }
            )),
            "the quote keeps its speaker: {found:?}"
        );
    }

    #[test]
    fn obvious_equivalents_and_other_cases_are_mapped_and_said() {
        let found = suggest(&["Per", "LOC", "organisation"], TEXT);
        let s = spans(&found);
        let labels: Vec<&str> = s.iter().map(|(l, _)| l.as_str()).collect();
        assert!(labels.contains(&"LOC"), "{s:?}");
        assert!(labels.contains(&"organisation"), "{s:?}");
        assert!(labels.contains(&"Per"), "{s:?}");
        assert!(
            s.iter().any(|(l, r)| l == "LOC"
                && r.ends_with("suggested as LOC: the project has no GPE label")),
            "{s:?}"
        );
        // A pronoun speaker is made with the project's person label, not PERSON.
        let quote = found
            .iter()
            .find_map(|s| match &s.proposal {
                Proposal::Quote { speaker_label, .. } => Some(speaker_label.clone()),
                Proposal::Span { .. } => None,
            })
            .expect("a quote");
        assert_eq!(quote.as_deref(), Some("Per"));
        assert_eq!(project_label(&LabelSet::news(), "GPE"), Some("GPE"));
        assert_eq!(
            project_label(&LabelSet::from_names(["ORG".into()]), "GPE"),
            None
        );
    }

    #[test]
    fn a_quote_whose_speaker_needs_a_missing_label_comes_without_one() {
        let found = suggest(&["ORG", "EVENT"], TEXT);
        let (speaker, label, reason) = found
            .iter()
            .find_map(|s| match &s.proposal {
                Proposal::Quote {
                    speaker,
                    speaker_label,
                    ..
                } => Some((*speaker, speaker_label.clone(), s.reason.clone())),
                Proposal::Span { .. } => None,
            })
            .expect("the quote is still suggested");
        assert_eq!((speaker, label), (None, None));
        assert!(
            reason.contains(
                "no speaker: \"she\" would be a PERSON mention, and the project has no PERSON label"
            ),
            "{reason}"
        );
        assert!(spans(&found).iter().all(|(l, _)| l == "ORG"));
    }

    #[test]
    fn a_speaker_already_annotated_is_kept_whatever_its_label() {
        let mut p = Project::with_labels("p", LabelSet::from_names(["ORG".to_string()]));
        let text = "“We are ready,” Lopez said.";
        let mut d = Document::new(DocId(1), "d", text);
        d.insert_span(crate::model::Span::new(
            crate::model::SpanId(1),
            crate::model::CharRange::new(16, 21),
            "PERSON",
        ));
        p.insert_document(d);
        let (engines, _) = Engines::new(&p.matcher, &[]);
        let found = engines.suggest(&p, &p.documents[0], None);
        assert!(
            found.iter().any(|s| matches!(
                &s.proposal,
                Proposal::Quote {
                    speaker: Some((16, 21)),
                    ..
                }
            )),
            "{found:?}"
        );
    }
}
