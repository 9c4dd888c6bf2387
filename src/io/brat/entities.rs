//! Canonical entities of an import: the project's plus those `N` lines and `speaker=` notes
//! create, linked to spans across every file (see the module doc of `io::brat`).

use std::collections::{BTreeSet, HashMap};

use super::*;
use crate::model::{Entity, EntityId, Mention, Origin, Project, Span, SpanId};

/// The project's entities plus those this import creates, found by name.
#[derive(Debug)]
pub(super) struct Registry {
    pub(super) entities: Vec<Entity>,
    /// How many of `entities` were already in the project (they come first).
    pub(super) existing: usize,
    pub(super) by_name: HashMap<String, Vec<usize>>,
    /// Existing entities that gained aliases.
    pub(super) grown: BTreeSet<usize>,
    pub(super) next: u64,
}

impl Registry {
    pub(super) fn new(project: &Project) -> Self {
        let mut r = Self {
            entities: Vec::new(),
            existing: project.entities.len(),
            by_name: HashMap::new(),
            grown: BTreeSet::new(),
            next: project.next_entity_id().0,
        };
        for e in &project.entities {
            r.index(e.clone());
        }
        r
    }

    pub(super) fn index(&mut self, e: Entity) -> usize {
        let i = self.entities.len();
        self.by_name.entry(e.name.clone()).or_default().push(i);
        self.entities.push(e);
        i
    }

    /// The entity called `name` with `label`.
    pub(super) fn find_exact(&self, name: &str, label: &str) -> Option<usize> {
        let list = self.by_name.get(name)?;
        list.iter()
            .copied()
            .find(|&i| self.entities[i].label == label)
    }

    /// The entity called `name`, preferring one with `label`.
    pub(super) fn find(&self, name: &str, label: &str) -> Option<usize> {
        self.find_exact(name, label)
            .or_else(|| self.by_name.get(name)?.first().copied())
    }

    pub(super) fn create(&mut self, name: &str, label: &str) -> usize {
        let id = EntityId(self.next);
        self.next += 1;
        self.index(Entity {
            id,
            name: name.to_string(),
            label: label.to_string(),
            aliases: Vec::new(),
            attributes: Default::default(),
        })
    }
}

/// The title of a Wikipedia id (`wiki:Andy_Warhol` → "Andy Warhol"), if it is one.
pub(super) fn wiki_title(key: &str) -> Option<String> {
    let (db, id) = key.split_once(':')?;
    let wiki = ["wiki", "wikipedia", "enwiki"]
        .iter()
        .any(|w| db.eq_ignore_ascii_case(w));
    (wiki && !id.trim().is_empty()).then(|| id.replace('_', " ").trim().to_string())
}

/// The most frequent string; ties go to the longer, then the earlier.
pub(super) fn most_common(items: &[String]) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in items {
        *counts.entry(s).or_insert(0) += 1;
    }
    let mut best: Option<&str> = None;
    for s in items {
        let better = match best {
            None => true,
            Some(b) => (counts[s.as_str()], s.chars().count()) > (counts[b], b.chars().count()),
        };
        if better {
            best = Some(s);
        }
    }
    best.unwrap_or_default().to_string()
}

impl Reader {
    /// Link spans to canonical entities from `N` lines across every file (see the module doc).
    pub(super) fn link_normalisations(&mut self, drafts: &mut [Draft]) {
        struct Group {
            texts: Vec<String>,
            labels: Vec<String>,
            /// (draft, span) pairs to link.
            spans: Vec<(usize, SpanId)>,
        }
        let mut order: Vec<String> = Vec::new();
        let mut groups: HashMap<String, Group> = HashMap::new();
        for (di, d) in drafts.iter_mut().enumerate() {
            let norms = std::mem::take(&mut d.parsed.normalisations);
            let mut linked: HashMap<SpanId, (String, usize)> = HashMap::new();
            for n in &norms {
                let Some(&span) = d.span_of.get(&n.target) else {
                    let why = match (d.lost.get(&n.target), d.parsed.tbs.get(&n.target)) {
                        (Some(line), _) => format!("{} was skipped (line {line})", n.target),
                        (None, Some(tb)) => format!("{} is a {}, not a name", n.target, tb.label),
                        (None, None) => format!("{} is not a span", n.target),
                    };
                    self.skip(&d.ann, n.line, format!("{}: {why}", n.id));
                    continue;
                };
                match linked.get(&span) {
                    Some((key, _)) if *key == n.key => continue,
                    Some((key, by)) => {
                        let msg = format!(
                            "{}: {} is already normalised to {key} (line {by})",
                            n.id, n.target
                        );
                        self.skip(&d.ann, n.line, msg);
                        continue;
                    }
                    None => {
                        linked.insert(span, (n.key.clone(), n.line));
                    }
                }
                let label = d.span(span).map(|s| s.label).unwrap_or_default();
                let g = groups.entry(n.key.clone()).or_insert_with(|| {
                    order.push(n.key.clone());
                    Group {
                        texts: Vec::new(),
                        labels: Vec::new(),
                        spans: Vec::new(),
                    }
                });
                g.texts.push(n.text.clone());
                g.labels.push(label.to_string());
                g.spans.push((di, span));
            }
            d.parsed.normalisations = norms;
        }
        for key in order {
            let Some(g) = groups.remove(&key) else {
                continue;
            };
            let name = if g.texts.iter().all(|t| *t == g.texts[0]) {
                g.texts[0].clone()
            } else {
                wiki_title(&key).unwrap_or_else(|| most_common(&g.texts))
            };
            let label = most_common(&g.labels);
            let ei = match self.registry.find_exact(&name, &label) {
                Some(i) => i,
                None => self.registry.create(&name, &label),
            };
            let id = self.registry.entities[ei].id;
            for (di, span) in g.spans {
                if let Some(s) = drafts[di].span_mut(span) {
                    s.entity = Some(id);
                }
            }
        }
    }

    /// Make the speaker spans of one document and link speakers named in notes.
    pub(super) fn attach_speakers(&mut self, d: &mut Draft) {
        // Speaker spans, made once per T; a Speaker T on the range of a name reuses the name.
        let mut speaker_span: HashMap<String, SpanId> = HashMap::new();
        for qi in 0..d.quotes.len() {
            let note = d.quotes[qi].note.clone();
            let Some((tid, _)) = d.quotes[qi].speaker.clone() else {
                if let Some((name, _)) = note {
                    self.name_without_mention(d, qi, name);
                }
                continue;
            };
            let span = match d.span_of.get(&tid) {
                Some(&s) => Some(s),
                None => match speaker_span.get(&tid) {
                    Some(&s) => Some(s),
                    None => {
                        let s = self.speaker_mention(d, &tid, note.as_ref().map(|n| &n.0));
                        if let Some(s) = s {
                            speaker_span.insert(tid.clone(), s);
                        }
                        s
                    }
                },
            };
            let Some((name, line)) = note else {
                continue;
            };
            let Some(span) = span else {
                // The mention was skipped (reported there); the name survives on the side.
                self.name_without_mention(d, qi, name);
                continue;
            };
            let Some(label) = d.span(span).map(|s| s.label) else {
                continue;
            };
            let ei = self.entity_named(&name, &label);
            let id = self.registry.entities[ei].id;
            let Some(s) = d.span_mut(span) else {
                continue;
            };
            match s.entity {
                None => s.entity = Some(id),
                Some(e) if e == id => {}
                Some(e) => {
                    let other = self
                        .registry
                        .entities
                        .iter()
                        .find(|x| x.id == e)
                        .map(|x| x.name.clone())
                        .unwrap_or_default();
                    let msg = format!(
                        "speaker={name}: the mention {tid} already stands for {other:?}; kept that"
                    );
                    self.skip(&d.ann, line, msg);
                }
            }
        }
        // Speaker spans no quote names are mentions all the same.
        for id in d.parsed.tb_order.clone() {
            let is_speaker = d.parsed.tbs.get(&id).map(|t| t.role) == Some(Role::Speaker);
            if is_speaker
                && !speaker_span.contains_key(&id)
                && !d.lost.contains_key(&id)
                && let Some(s) = self.speaker_mention(d, &id, None)
            {
                speaker_span.insert(id, s);
            }
        }
        for (tid, span) in speaker_span {
            d.span_of.insert(tid, span);
        }
    }

    /// A quote's speaker known only by name: the entity is made sure of, the name kept on the
    /// side (see the module doc).
    pub(super) fn name_without_mention(&mut self, d: &mut Draft, qi: usize, name: String) {
        let label = self
            .registry
            .find(&name, SPEAKER_LABEL)
            .map(|i| self.registry.entities[i].label.clone())
            .unwrap_or_else(|| SPEAKER_LABEL.to_string());
        self.entity_named(&name, &label);
        d.speaker_notes.push((qi, name));
    }

    /// The entity called `name` (any label, preferring `label`), created with `label` if none.
    pub(super) fn entity_named(&mut self, name: &str, label: &str) -> usize {
        match self.registry.find(name, label) {
            Some(i) => i,
            None => {
                self.ensure_label(label);
                self.registry.create(name, label)
            }
        }
    }

    /// The span for a `Speaker` T: a pronoun or a description, labelled after the entity its
    /// note names when that exists, else PERSON. Reuses a span on the same range.
    pub(super) fn speaker_mention(
        &mut self,
        d: &mut Draft,
        tid: &str,
        note: Option<&String>,
    ) -> Option<SpanId> {
        let range = self.one_range(d, tid, "a speaker mention")?;
        if let Some(s) = d.spans.iter().find(|s| s.range() == range) {
            return Some(s.id);
        }
        let label = note
            .and_then(|n| self.registry.find(n, SPEAKER_LABEL))
            .map(|i| self.registry.entities[i].label.clone())
            .unwrap_or_else(|| SPEAKER_LABEL.to_string());
        self.ensure_label(&label);
        let mut span = Span::new(d.next_span_id(), range, label);
        span.mention = if crate::text::is_pronoun_at(&d.document, range.start, range.end) {
            Mention::Pronoun
        } else {
            Mention::Nominal
        };
        span.origin = Origin::Imported {
            format: FORMAT.into(),
        };
        let id = span.id;
        d.spans.push(span);
        Some(id)
    }
}
