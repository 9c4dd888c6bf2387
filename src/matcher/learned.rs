//! The learned-strings engine: what the user has annotated becomes a pattern at once.
//!
//! INCEpTION's string matcher, improved. Every name the user tagged anywhere in the project is
//! looked for everywhere else, labelled with the label it got most often; its score is how
//! often that string got that label among all its annotations *and rejections* — so a string
//! tagged ORG three times and rejected as ORG once scores 0.75, and one rejected as often as
//! accepted fades below any sensible threshold. Canonical entities teach their names and
//! aliases the same way. Strings shorter than the minimum length are skipped (two-letter
//! acronyms in capitals excepted), and "never suggest" verdicts remove a string for good.
//!
//! Aliases propagate: once a document has mentioned a person by their full name ("Katrin
//! Vogt"), a later surname alone ("Vogt") in that document is the same entity.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::gazetteer::{Entry, Gazetteer};
use super::merge::Cover;
use crate::model::{DocId, Document, EntityId, Mention, Project, Proposal, Suggestion};

/// Score given to names and aliases of canonical entities.
const ENTITY_NAME_SCORE: f32 = 0.9;
/// Score of a surname that follows its full name in the same document.
const SURNAME_SCORE: f32 = 0.85;

/// What the project says of one string; borrowed from the project, so tallying 100,000 spans
/// allocates little.
#[derive(Clone, Debug, Default)]
struct Tally<'a> {
    /// label → times the string was annotated with it.
    labels: FastMap<&'a str, u32>,
    /// label → times it was rejected with it.
    rejected: FastMap<&'a str, u32>,
    /// (label, entity) → times a span with that label linked to that entity.
    entities: FastMap<(&'a str, EntityId), u32>,
}

type FastMap<K, V> = foldhash::HashMap<K, V>;

/// One learned pattern: the best label for a string and why.
#[derive(Clone, Debug)]
struct Pattern {
    label: String,
    entity: Option<EntityId>,
    score: f32,
    reason: String,
    rule: &'static str,
}

/// The patterns learned from one state of a project.
#[derive(Debug)]
pub struct Learned {
    gazetteer: Gazetteer,
    patterns: Vec<Pattern>,
    /// Person surnames: gazetteer of last words, each pointing at its entity and full names.
    surnames: Gazetteer,
    surname_entities: Vec<EntityId>,
}

/// `doc.slice(start, end)` for a short range: one code point → byte lookup, then a walk
/// over the few characters of the name (half the cost of two lookups, for 100,000 spans).
fn name_at(doc: &Document, start: usize, end: usize) -> &str {
    let a = doc.byte_of(start);
    let rest = &doc.text[a..];
    let b = rest
        .char_indices()
        .nth(end.saturating_sub(start))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..b]
}

/// Where a learned string was suggested, and with which label: `(start, end, label)`.
pub type Was<'a> = (usize, usize, Cow<'a, str>);

fn long_enough(s: &str, min_len: usize) -> bool {
    let n = s.chars().count();
    n >= min_len || (n >= 2 && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
}

impl Learned {
    /// Learn from every name span, rejection and entity of the project.
    pub fn from_project(p: &Project, min_len: usize) -> Self {
        let mut tallies: FastMap<&str, Tally> = FastMap::default();
        for d in &p.documents {
            for s in d.spans.iter().filter(|s| s.mention == Mention::Name) {
                // A span the user dragged over a space learns the name, not the space.
                let text = name_at(d, s.start, s.end).trim();
                if text.is_empty() {
                    continue;
                }
                let t = tallies.entry(text).or_default();
                *t.labels.entry(s.label.as_str()).or_insert(0) += 1;
                if let Some(e) = s.entity {
                    *t.entities.entry((s.label.as_str(), e)).or_insert(0) += 1;
                }
            }
        }
        // Documents by id, hashed once: a scan per rejection would be quadratic.
        let docs: HashMap<DocId, &Document> = p.documents.iter().rev().map(|d| (d.id, d)).collect();
        for r in &p.verdicts.rejected {
            if let Some(d) = docs.get(&r.doc)
                && r.end <= d.char_len()
            {
                let text = d.slice(r.start, r.end).trim();
                let t = tallies.entry(text).or_default();
                *t.rejected.entry(r.label.as_str()).or_insert(0) += 1;
            }
        }

        let never: HashSet<(&str, &str)> = p
            .verdicts
            .never
            .iter()
            .map(|(t, l)| (t.as_str(), l.as_str()))
            .collect();
        let is_never = |text: &str, label: &str| never.contains(&(text, label));
        let mut best: HashMap<String, Pattern> = HashMap::new();
        for (text, t) in &tallies {
            if !long_enough(text, min_len) {
                continue;
            }
            let total: u32 = t.labels.values().sum();
            let Some((label, count)) = t
                .labels
                .iter()
                .filter(|(l, _)| !is_never(text, l))
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            else {
                continue;
            };
            let rejected = t.rejected.get(label).copied().unwrap_or(0);
            let score = *count as f32 / (total + rejected) as f32;
            let entity = t
                .entities
                .iter()
                .filter(|((l, _), _)| l == label)
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.1.cmp(&a.0.1)))
                .map(|((_, e), _)| *e);
            let reason = if rejected > 0 {
                format!(
                    "you tagged “{text}” as {label} {count} of {total} times, rejected it {rejected}×"
                )
            } else {
                format!("you tagged “{text}” as {label} {count} of {total} times")
            };
            best.insert(
                text.to_string(),
                Pattern {
                    label: label.to_string(),
                    entity,
                    score,
                    reason,
                    rule: "annotated string",
                },
            );
        }
        // Canonical entities: their names and aliases, unless the user's own tags say more.
        let mut surname_entries = Vec::new();
        let mut surname_entities = Vec::new();
        for e in &p.entities {
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                if !long_enough(name, min_len) || is_never(name, &e.label) {
                    continue;
                }
                best.entry(name.clone()).or_insert_with(|| Pattern {
                    label: e.label.clone(),
                    entity: Some(e.id),
                    score: ENTITY_NAME_SCORE,
                    reason: format!("a name of the entity {}", e.name),
                    rule: "entity name",
                });
            }
            if e.label == "PERSON"
                && let Some(last) = e.name.split_whitespace().last()
                && e.name.split_whitespace().count() >= 2
                && long_enough(last, min_len)
                && last.chars().next().is_some_and(char::is_uppercase)
                && !is_never(last, &e.label)
            {
                surname_entries.push(Entry {
                    text: last.to_string(),
                    label: e.label.clone(),
                    canonical: Some(e.name.clone()),
                    list: "surnames".into(),
                    fold_case: false,
                    exact_case: true,
                });
                surname_entities.push(e.id);
            }
        }

        let mut entries = Vec::with_capacity(best.len());
        let mut patterns = Vec::with_capacity(best.len());
        let mut keys: Vec<_> = best.into_iter().collect();
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        for (text, pat) in keys {
            entries.push(Entry {
                text,
                label: pat.label.clone(),
                canonical: None,
                list: "learned".into(),
                fold_case: false,
                exact_case: true,
            });
            patterns.push(pat);
        }
        Self {
            gazetteer: Gazetteer::new(entries),
            patterns,
            surnames: Gazetteer::new(surname_entries),
            surname_entities,
        }
    }

    /// How many strings were learned.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The strings learned differently here than in `before`: added, dropped, or with another
    /// label, entity, score or reason — surnames included. What an edit changed, for
    /// re-suggesting only where those strings occur.
    pub fn changed_strings(&self, before: &Learned) -> HashSet<String> {
        let mut out = HashSet::new();
        let now = self.table();
        let was = before.table();
        for (text, p) in &now {
            if was.get(text) != Some(p) {
                out.insert(text.to_string());
            }
        }
        for text in was.keys() {
            if !now.contains_key(text) {
                out.insert(text.to_string());
            }
        }
        let surnames = |l: &Learned| -> HashSet<(String, EntityId)> {
            (0..l.surname_entities.len())
                .map(|i| (l.surnames.entry(i).text.clone(), l.surname_entities[i]))
                .collect()
        };
        let (a, b) = (surnames(self), surnames(before));
        out.extend(a.symmetric_difference(&b).map(|(t, _)| t.clone()));
        out
    }

    /// text → (label, entity, score, reason, rule) of every learned string.
    fn table(&self) -> HashMap<&str, (&str, Option<EntityId>, u32, &str, &str)> {
        self.patterns
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let text = self.gazetteer.entry(i).text.as_str();
                let pat = (
                    p.label.as_str(),
                    p.entity,
                    p.score.to_bits(),
                    p.reason.as_str(),
                    p.rule,
                );
                (text, pat)
            })
            .collect()
    }

    /// The same patterns restricted to `strings` (learned strings and surnames).
    pub fn only(&self, strings: &HashSet<String>) -> Learned {
        let mut entries = Vec::new();
        let mut patterns = Vec::new();
        for (i, p) in self.patterns.iter().enumerate() {
            let e = self.gazetteer.entry(i);
            if strings.contains(&e.text) {
                entries.push(e.clone());
                patterns.push(p.clone());
            }
        }
        let mut surname_entries = Vec::new();
        let mut surname_entities = Vec::new();
        for (i, &id) in self.surname_entities.iter().enumerate() {
            let e = self.surnames.entry(i);
            if strings.contains(&e.text) {
                surname_entries.push(e.clone());
                surname_entities.push(id);
            }
        }
        Learned {
            gazetteer: Gazetteer::new(entries),
            patterns,
            surnames: Gazetteer::new(surname_entries),
            surname_entities,
        }
    }

    /// The pattern learned for `text`, by its index among the entries (sorted by text).
    fn index_of(&self, text: &str) -> Option<usize> {
        self.gazetteer
            .entries()
            .binary_search_by(|e| e.text.as_str().cmp(text))
            .ok()
    }

    /// The suggestion of learned string `i` at `start..end`.
    fn at(&self, i: usize, start: usize, end: usize) -> Suggestion {
        let pat = &self.patterns[i];
        Suggestion {
            proposal: Proposal::Span {
                start,
                end,
                label: pat.label.clone(),
                entity: pat.entity,
                new_entity: None,
            },
            score: pat.score,
            engine: "learned".into(),
            rule: pat.rule.to_string(),
            reason: pat.reason.clone(),
        }
    }

    /// The suggestions of `strings` in `doc` as these patterns make them now, and where (and
    /// with which label) `before` made them, from one search of the text (surnames among them
    /// searched apart). What an edit changed, for a quick answer: like [`Learned::suggest`]
    /// restricted to those strings, except where one of them lies inside a longer learned
    /// string.
    pub fn delta<'b>(
        &self,
        before: &'b Learned,
        strings: &HashSet<String>,
        doc: &Document,
    ) -> (Vec<Was<'b>>, Vec<Suggestion>) {
        let mut texts: Vec<&String> = strings.iter().collect();
        texts.sort();
        let mut entries = Vec::new();
        let mut which = Vec::new();
        for t in texts {
            let (was, now) = (before.index_of(t), self.index_of(t));
            if was.is_none() && now.is_none() {
                continue;
            }
            entries.push(Entry {
                text: t.clone(),
                label: String::new(),
                canonical: None,
                list: "learned".into(),
                fold_case: false,
                exact_case: true,
            });
            which.push((was, now));
        }
        let (mut old, mut new) = (Vec::new(), Vec::new());
        for m in Gazetteer::new(entries).find(&doc.text) {
            let (was, now) = which[m.entry];
            old.extend(was.map(|i| (m.start, m.end, Cow::from(before.patterns[i].label.as_str()))));
            new.extend(now.map(|i| self.at(i, m.start, m.end)));
        }
        if self
            .surnames
            .entries()
            .iter()
            .chain(before.surnames.entries())
            .any(|e| strings.contains(&e.text))
        {
            old.extend(
                before
                    .only_surnames(strings)
                    .suggest(doc)
                    .into_iter()
                    .map(|s| {
                        let (a, b) = s.range();
                        (a, b, Cow::Owned(s.label().to_string()))
                    }),
            );
            new.extend(self.only_surnames(strings).suggest(doc));
            old.sort_by_key(|o| (o.0, o.1));
            new.sort_by_key(|s| s.range());
        }
        (old, new)
    }

    /// No learned strings, only the surnames among `strings`.
    fn only_surnames(&self, strings: &HashSet<String>) -> Learned {
        let mut only = self.only(strings);
        only.gazetteer = Gazetteer::new(Vec::new());
        only.patterns.clear();
        only
    }

    /// Suggestions for one document.
    pub fn suggest(&self, doc: &Document) -> Vec<Suggestion> {
        let mut out = Vec::new();
        let mut first_mention: HashMap<EntityId, usize> = HashMap::new();
        for s in &doc.spans {
            if let Some(e) = s.entity {
                let at = first_mention.entry(e).or_insert(s.start);
                *at = (*at).min(s.start);
            }
        }
        for m in self.gazetteer.find(&doc.text) {
            if let Some(e) = self.patterns[m.entry].entity {
                let at = first_mention.entry(e).or_insert(m.start);
                *at = (*at).min(m.start);
            }
            out.push(self.at(m.entry, m.start, m.end));
        }
        // The learned matches, for an overlap test in log time.
        let taken = Cover::new(out.iter().map(Suggestion::range));
        for m in self.surnames.find(&doc.text) {
            let e = self.surname_entities[m.entry];
            let entry = self.surnames.entry(m.entry);
            // Inside a full name found above ("Katrin Vogt") the surname is not a mention of
            // its own.
            let inside = taken.overlaps(m.start, m.end);
            if !inside && first_mention.get(&e).is_some_and(|at| *at < m.start) {
                out.push(Suggestion {
                    proposal: Proposal::Span {
                        start: m.start,
                        end: m.end,
                        label: entry.label.clone(),
                        entity: Some(e),
                        new_entity: None,
                    },
                    score: SURNAME_SCORE,
                    engine: "learned".into(),
                    rule: "surname after full name".into(),
                    reason: format!(
                        "“{}” after {} was mentioned in full",
                        entry.text,
                        entry.canonical.as_deref().unwrap_or("")
                    ),
                });
            }
        }
        out.sort_by_key(|s| s.range());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn project() -> Project {
        let mut p = Project::new("t");
        p.insert_entity(Entity {
            id: EntityId(1),
            name: "Katrin Vogt".into(),
            label: "PERSON".into(),
            aliases: vec![],
            attributes: Default::default(),
        });
        let mut d = Document::new(
            DocId(1),
            "a",
            "Katrin Vogt met Ardent Ltd in Bonn. Ardent Ltd and Bonn agreed.",
        );
        let mut s = Span::new(SpanId(1), CharRange::new(0, 11), "PERSON");
        s.entity = Some(EntityId(1));
        d.insert_span(s);
        d.insert_span(Span::new(SpanId(2), CharRange::new(16, 26), "ORG"));
        d.insert_span(Span::new(SpanId(3), CharRange::new(30, 34), "GPE"));
        p.insert_document(d);
        p.insert_document(Document::new(
            DocId(2),
            "b",
            "Later, Vogt said Ardent Ltd would leave Bonn. Katrin Vogt left. Then Vogt spoke.",
        ));
        p
    }

    fn texts(doc: &Document, sugg: &[Suggestion]) -> Vec<String> {
        sugg.iter()
            .map(|s| {
                let (a, b) = s.range();
                format!("{}/{}", doc.slice(a, b), s.label())
            })
            .collect()
    }

    #[test]
    fn annotated_strings_and_entity_names_are_found_elsewhere() {
        let p = project();
        let l = Learned::from_project(&p, 3);
        let d = &p.documents[1];
        let s = l.suggest(d);
        // "Vogt" before the full name is not suggested; after it, it is.
        assert_eq!(
            texts(d, &s),
            [
                "Ardent Ltd/ORG",
                "Bonn/GPE",
                "Katrin Vogt/PERSON",
                "Vogt/PERSON"
            ]
        );
        let vogt = s.last().unwrap();
        assert!(matches!(
            vogt.proposal,
            Proposal::Span {
                entity: Some(EntityId(1)),
                ..
            }
        ));
        assert_eq!(vogt.rule, "surname after full name");
        assert!(s[0].reason.contains("1 of 1"));
    }

    #[test]
    fn rejections_lower_the_score_and_never_removes_it() {
        let mut p = project();
        p.verdicts.rejected.push(Rejection {
            doc: DocId(1),
            start: 36,
            end: 46,
            label: "ORG".into(),
            engine: None,
        });
        let l = Learned::from_project(&p, 3);
        let s = l.suggest(&p.documents[1]);
        let ardent = s.iter().find(|s| s.label() == "ORG").unwrap();
        assert!((ardent.score - 0.5).abs() < 1e-6, "{}", ardent.score);
        p.verdicts.never.push(("Ardent Ltd".into(), "ORG".into()));
        let l = Learned::from_project(&p, 3);
        assert!(
            l.suggest(&p.documents[1])
                .iter()
                .all(|s| s.label() != "ORG")
        );
    }

    #[test]
    fn short_strings_are_skipped_except_acronyms() {
        assert!(!long_enough("Al", 3));
        assert!(long_enough("UN", 3));
        assert!(long_enough("Bonn", 3));
    }
}
