//! The suggestion review loop: suggestions computed on a worker thread, and what the review
//! keys do with them.
//!
//! The window asks for the open document's suggestions whenever the project changes (an
//! accepted suggestion teaches the learned engine at once); the worker answers without ever
//! blocking a frame. Between an edit and the worker's answer the previous suggestions stay on
//! screen, already filtered against the new annotations and verdicts (`engines::visible`), so
//! an accepted or rejected suggestion disappears the moment its key is pressed.
//!
//! Every decision is one command: accepting creates the span (and its canonical entity when the
//! suggestion names one that does not exist yet) with the rule it came from as its origin;
//! rejecting remembers the verdict in the project.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::command::Command;
use super::learning::Learnt;
use crate::io::IoError;
use crate::io::files::{self, Links};
use crate::matcher::engines::{self, Engines};
use crate::matcher::learned::Learned;
use crate::matcher::lookup::ProjectIndex;
use crate::matcher::merge::Cover;
use crate::model::{
    CharRange, DocId, Document, Entity, EntityId, Origin, Project, Proposal, Rejection, Span,
    SpanId, Suggestion,
};
use crate::text::{self, FindOptions};

/// A suggestion's identity across recomputations: its range and label.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

impl Key {
    pub fn of(s: &Suggestion) -> Self {
        let (start, end) = s.range();
        Self {
            start,
            end,
            label: s.label().to_string(),
        }
    }
}

mod incremental;
mod worker;

use super::external::{self, Monitor};

pub use incremental::{Incremental, Layered, patch};
use worker::{Request, Response};

/// Suggestions received for one document.
struct DocResult {
    /// The session revision they were computed for.
    revision: u64,
    items: Layered,
    /// False while only the quick answer after an edit is in (the exact one follows).
    exact: bool,
}

/// Sort order of the Suggestions tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    Position,
    Score,
}

/// Filters of the Suggestions tab (also what the review keys walk).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub label: Option<String>,
    /// Suggestions this engine had a part in (alone or merged with others).
    pub engine: Option<String>,
    pub min_score: f32,
}

impl Filter {
    pub fn admits(&self, s: &Suggestion) -> bool {
        self.label.as_deref().is_none_or(|l| l == s.label())
            && self.engine.as_deref().is_none_or(|e| s.is_from(e))
            && s.score >= self.min_score
    }
}

/// The review state of the window.
pub struct Review {
    tx: Sender<Request>,
    rx: Receiver<Response>,
    results: HashMap<DocId, DocResult>,
    /// (document, revision) last asked for.
    requested: Option<(DocId, u64)>,
    /// How many Configure, Model and RetryEngines requests were sent: the worker counts them
    /// too, and an answer computed before the last of them (with the old model, settings or
    /// engines) is dropped rather than shown.
    generation: u64,
    configured: Option<crate::model::MatcherSettings>,
    /// The focused suggestion (N / P move it; A / X / digits act on it).
    pub current: Option<Key>,
    pub hidden: bool,
    pub order: Order,
    pub filter: Filter,
    /// Bulk-accept threshold.
    pub threshold: f32,
    /// Whole-project run: (done, total).
    pub progress: Option<(usize, usize)>,
    /// Problems loading lists, to show once.
    pub problems: Vec<String>,
    /// Outside engines at work, their failures and reports; shared with the worker.
    monitor: Arc<Monitor>,
    /// The project's folder, where outside engines run.
    folder: Option<PathBuf>,
}

impl Review {
    /// Start the worker. `wake` is called when results arrive (the window repaints).
    pub fn new(wake: Arc<dyn Fn() + Send + Sync>) -> Self {
        let (tx, worker_rx) = channel();
        let (worker_tx, rx) = channel();
        let w = wake.clone();
        let monitor = Arc::new(Monitor::default());
        let m = monitor.clone();
        // If the thread cannot start, suggestions stay empty; editing is unaffected.
        let _ = std::thread::Builder::new()
            .name("matcher".into())
            .spawn(move || {
                super::background::lower_priority();
                worker::worker(worker_rx, worker_tx, w, m)
            });
        Self {
            tx,
            rx,
            results: HashMap::new(),
            requested: None,
            generation: 0,
            configured: None,
            current: None,
            hidden: false,
            order: Order::Position,
            filter: Filter::default(),
            threshold: 0.9,
            progress: None,
            problems: Vec::new(),
            monitor,
            folder: None,
        }
    }

    /// Forget everything (another project was opened).
    pub fn reset(&mut self) {
        self.results.clear();
        self.requested = None;
        self.configured = None;
        self.current = None;
        self.progress = None;
    }

    /// Suggest with this model from now on: the open document's suggestions are made again.
    pub fn set_model(&mut self, model: Learnt) {
        self.restart(Request::Model(model));
    }

    /// Send a request that changes how suggestions are made (settings, model, engines): what
    /// was computed before it no longer counts (the worker counts these requests alike, see
    /// `generation`).
    fn restart(&mut self, request: Request) {
        let _ = self.tx.send(request);
        self.generation += 1;
        self.results.clear();
        self.requested = None;
    }

    /// Read the lists again and rebuild the engines on the next frame (the user allowed a
    /// list from outside the project's folder).
    pub fn reconfigure(&mut self) {
        self.configured = None;
    }

    /// The project's folder (`None` for a project not saved yet): outside engines run there,
    /// so an engine's relative paths are read from beside the project file.
    pub fn set_folder(&mut self, folder: Option<PathBuf>) {
        if self.folder != folder {
            self.folder = folder;
            self.configured = None;
        }
    }

    /// Outside engines: the one at work, failures and what they dropped.
    pub fn engine_status(&self) -> external::Status {
        self.monitor.status()
    }

    /// The document categories outside engines suggest for `doc`, best first.
    pub fn suggested_categories(
        &self,
        doc: DocId,
    ) -> Vec<crate::matcher::external::CategorySuggestion> {
        self.monitor.categories(doc)
    }

    /// Stop the outside engine at work; none runs again until [`Review::retry_engines`].
    pub fn cancel_engines(&self) {
        self.monitor.cancel();
    }

    /// Run outside engines again, where they failed or were cancelled.
    pub fn retry_engines(&mut self) {
        self.restart(Request::RetryEngines);
    }

    /// Once a frame: take the worker's answers, and ask for the open document's suggestions
    /// when they are older than the project. Returns true while work is pending.
    pub fn tick(
        &mut self,
        project: &Project,
        revision: u64,
        doc: Option<DocId>,
        lists: impl FnOnce() -> Vec<(String, String)>,
    ) -> bool {
        if self.configured.as_ref() != Some(&project.matcher) {
            self.restart(Request::Configure {
                settings: project.matcher.clone(),
                user_lists: lists(),
                folder: self.folder.clone(),
            });
            self.configured = Some(project.matcher.clone());
        }
        for r in self.rx.try_iter() {
            match r {
                Response::Doc {
                    doc,
                    revision,
                    generation,
                    items,
                    exact,
                } => {
                    if generation != self.generation {
                        continue;
                    }
                    let newer = self.results.get(&doc).is_none_or(|old| {
                        old.revision < revision || (old.revision == revision && exact)
                    });
                    if newer {
                        let r = DocResult {
                            revision,
                            items,
                            exact,
                        };
                        self.results.insert(doc, r);
                    }
                }
                Response::Progress { done, total } => {
                    self.progress = (done < total).then_some((done, total));
                }
                Response::Problems(p) => self.problems.extend(p),
            }
        }
        let Some(doc) = doc else {
            return self.progress.is_some();
        };
        let fresh = self
            .results
            .get(&doc)
            .is_some_and(|r| r.revision == revision);
        // A quick answer whose exact one the worker dropped (another document went first) is
        // asked for again.
        let exact = fresh && self.results.get(&doc).is_some_and(|r| r.exact);
        if !exact && self.requested != Some((doc, revision)) {
            let _ = self.tx.send(Request::Doc {
                doc,
                revision,
                project: Arc::new(project.clone()),
            });
            self.requested = Some((doc, revision));
        }
        !exact || self.progress.is_some()
    }

    /// Ask for every document's suggestions (the progress shows in the Suggestions tab).
    pub fn run_all(&mut self, project: &Project, revision: u64) {
        let _ = self.tx.send(Request::All {
            revision,
            project: Arc::new(project.clone()),
        });
        self.progress = Some((0, project.documents.len()));
    }

    /// True when the document's suggestions are being computed (a quick answer after an edit
    /// is shown meanwhile, but the exact one is still to come).
    pub fn busy(&self, doc: DocId, revision: u64) -> bool {
        self.results
            .get(&doc)
            .is_none_or(|r| r.revision != revision || !r.exact)
    }

    /// The document's suggestions still worth showing, in text order.
    pub fn visible<'a>(&'a self, project: &Project, doc: &Document) -> Vec<&'a Suggestion> {
        let Some(r) = self.results.get(&doc.id) else {
            return Vec::new();
        };
        let items = &r.items;
        let mut base = engines::visible(doc, &project.verdicts, &items.base).into_iter();
        let mut extra = engines::visible(doc, &project.verdicts, &items.extra)
            .into_iter()
            .map(|i| &items.extra[i])
            .peekable();
        let mut hidden = items.hidden.iter().peekable();
        let mut out = Vec::with_capacity(base.len());
        for i in base.by_ref() {
            while hidden.next_if(|&&h| h < i).is_some() {}
            if hidden.next_if_eq(&&i).is_some() {
                continue;
            }
            let s = &items.base[i];
            while let Some(e) = extra.next_if(|e| e.range() < s.range()) {
                out.push(e);
            }
            out.push(s);
        }
        out.extend(extra);
        out.retain(|s| self.filter.admits(s));
        out
    }

    /// The focused suggestion, if it is still visible.
    pub fn current<'a>(&self, visible: &[&'a Suggestion]) -> Option<&'a Suggestion> {
        let k = self.current.as_ref()?;
        visible.iter().find(|s| Key::of(s) == *k).copied()
    }

    /// Move the focus to the next (or previous) suggestion after `from` (the current one, or
    /// this offset). Returns where it is, to scroll there.
    pub fn step(&mut self, visible: &[&Suggestion], forward: bool, from: usize) -> Option<usize> {
        if visible.is_empty() {
            self.current = None;
            return None;
        }
        let at = self
            .current(visible)
            .map(|s| visible.iter().position(|v| std::ptr::eq(*v, s)));
        let i = match (at.flatten(), forward) {
            (Some(i), true) => (i + 1) % visible.len(),
            (Some(i), false) => (i + visible.len() - 1) % visible.len(),
            (None, true) => visible
                .iter()
                .position(|s| s.range().0 >= from)
                .unwrap_or(0),
            (None, false) => visible
                .iter()
                .rposition(|s| s.range().0 < from)
                .unwrap_or(visible.len() - 1),
        };
        self.current = Some(Key::of(visible[i]));
        Some(visible[i].range().0)
    }

    /// After the focused suggestion was decided: focus the one after it.
    pub fn advance_past(&mut self, visible: &[&Suggestion], decided: &Key) {
        self.current = visible
            .iter()
            .find(|s| s.range().0 >= decided.end && Key::of(s) != *decided)
            .or_else(|| visible.iter().find(|s| Key::of(s) != *decided))
            .map(|s| Key::of(s));
    }
}

/// Builds one command out of several acceptances, handing out span and entity ids and
/// creating each new canonical entity once.
pub struct Acceptor<'p> {
    project: &'p Project,
    next_span: HashMap<DocId, u64>,
    next_quote: HashMap<DocId, u64>,
    next_entity: u64,
    /// Quotes go after every span, since a quote names its speaker span.
    quotes: Vec<Command>,
    created: HashMap<(String, String), EntityId>,
    commands: Vec<Command>,
    spans: HashMap<DocId, Vec<Span>>,
    /// (document, start, end) → the first span of this batch there, and its label.
    added: HashMap<(DocId, usize, usize), Vec<(SpanId, String)>>,
    /// The project's entities by (name, label), the first of each; built once many
    /// acceptances have asked (a single one scans, which is cheaper than hashing them all).
    entities: Option<HashMap<(&'p str, &'p str), EntityId>>,
    lookups: usize,
    count: usize,
}

/// The first span of `doc` over exactly `start..end` with a label `label` accepts.
fn span_at(
    doc: &Document,
    start: usize,
    end: usize,
    label: impl Fn(&str) -> bool,
) -> Option<&Span> {
    // Spans are sorted by start.
    let from = doc.spans.partition_point(|sp| sp.start < start);
    doc.spans[from..]
        .iter()
        .take_while(|sp| sp.start == start)
        .find(|sp| sp.end == end && label(&sp.label))
}

impl<'p> Acceptor<'p> {
    pub fn new(project: &'p Project) -> Self {
        Self {
            project,
            next_span: HashMap::new(),
            next_quote: HashMap::new(),
            next_entity: project.next_entity_id().0,
            quotes: Vec::new(),
            created: HashMap::new(),
            commands: Vec::new(),
            spans: HashMap::new(),
            added: HashMap::new(),
            entities: None,
            lookups: 0,
            count: 0,
        }
    }

    /// Accept a suggestion in `doc` (a span with another label if given; a quote with its
    /// speaker mention and cue).
    pub fn accept(&mut self, doc: &Document, s: &Suggestion, label: Option<&str>) {
        if let Proposal::Quote { .. } = &s.proposal {
            self.accept_quote(doc, s);
            return;
        }
        let Proposal::Span {
            start,
            end,
            label: suggested,
            entity,
            new_entity,
        } = &s.proposal
        else {
            return;
        };
        let label = label.unwrap_or(suggested).to_string();
        // Already there (annotated, or accepted earlier in this batch as a quote's speaker).
        let exists = span_at(doc, *start, *end, |l| l == label).is_some()
            || self
                .added
                .get(&(doc.id, *start, *end))
                .is_some_and(|v| v.iter().any(|(_, l)| *l == label));
        if exists {
            return;
        }
        // A canonical entity of another label would contradict the new label: drop it.
        let same_label = label == *suggested;
        let entity = match (same_label, entity, new_entity) {
            (false, _, _) => None,
            (true, Some(e), _) => Some(*e),
            (true, None, Some(name)) => {
                Some(self.entity_for(name, &label, doc.slice(*start, *end)))
            }
            (true, None, None) => None,
        };
        let next = self
            .next_span
            .entry(doc.id)
            .or_insert_with(|| doc.next_span_id().0);
        let mut span = Span::new(SpanId(*next), CharRange::new(*start, *end), label);
        *next += 1;
        span.entity = entity;
        span.origin = Origin::Suggested {
            engine: s.engine,
            rule: (&s.rule).into(),
            score: s.score,
        };
        self.remember(doc.id, &span);
        self.spans.entry(doc.id).or_default().push(span);
        self.count += 1;
    }

    /// A quote suggestion: the speaker's mention (the span already there, or a new one linked
    /// to its entity), then the quote with its content, cue and kind.
    fn accept_quote(&mut self, doc: &Document, s: &Suggestion) {
        let Proposal::Quote {
            content,
            cue,
            speaker,
            speaker_label,
            speaker_mention,
            speaker_entity,
            speaker_new_entity,
            kind,
        } = &s.proposal
        else {
            return;
        };
        let speaker_id = speaker.map(|(a, b)| {
            let existing = span_at(doc, a, b, |_| true).map(|sp| sp.id).or_else(|| {
                self.added
                    .get(&(doc.id, a, b))
                    .and_then(|v| v.first())
                    .map(|(id, _)| *id)
            });
            existing.unwrap_or_else(|| {
                let label = speaker_label.clone().unwrap_or_else(|| "PERSON".into());
                let entity = match (speaker_entity, speaker_new_entity) {
                    (Some(e), _) => Some(*e),
                    (None, Some(name)) => Some(self.entity_for(name, &label, doc.slice(a, b))),
                    (None, None) => None,
                };
                let next = self
                    .next_span
                    .entry(doc.id)
                    .or_insert_with(|| doc.next_span_id().0);
                let mut span = Span::new(SpanId(*next), CharRange::new(a, b), label);
                *next += 1;
                span.entity = entity;
                span.mention = *speaker_mention;
                span.origin = Origin::Suggested {
                    engine: s.engine,
                    rule: format!("{} (speaker)", s.rule).into(),
                    score: s.score,
                };
                let id = span.id;
                self.remember(doc.id, &span);
                self.spans.entry(doc.id).or_default().push(span);
                id
            })
        });
        let next = self
            .next_quote
            .entry(doc.id)
            .or_insert_with(|| doc.next_quote_id().0);
        let quote = crate::model::Quote {
            id: crate::model::QuoteId(*next),
            content: content
                .iter()
                .map(|(a, b)| CharRange::new(*a, *b))
                .collect(),
            speaker: speaker_id,
            cue: cue.map(|(a, b)| CharRange::new(a, b)),
            kind: *kind,
            origin: Origin::Suggested {
                engine: s.engine,
                rule: (&s.rule).into(),
                score: s.score,
            },
            attributes: Default::default(),
        };
        *next += 1;
        self.quotes.push(Command::AddQuote { doc: doc.id, quote });
        self.count += 1;
    }

    fn remember(&mut self, doc: DocId, span: &Span) {
        self.added
            .entry((doc, span.start, span.end))
            .or_default()
            .push((span.id, span.label.to_string()));
    }

    /// The project's first entity called `name` with `label`.
    fn existing_entity(&mut self, name: &str, label: &str) -> Option<EntityId> {
        self.lookups += 1;
        if self.entities.is_none() && self.lookups > 8 {
            let mut map = HashMap::with_capacity(self.project.entities.len());
            for e in &self.project.entities {
                map.entry((e.name.as_str(), e.label.as_str()))
                    .or_insert(e.id);
            }
            self.entities = Some(map);
        }
        match &self.entities {
            Some(map) => map.get(&(name, label)).copied(),
            None => self
                .project
                .entities
                .iter()
                .find(|e| e.name == name && e.label == label)
                .map(|e| e.id),
        }
    }

    fn entity_for(&mut self, name: &str, label: &str, surface: &str) -> EntityId {
        if let Some(e) = self.existing_entity(name, label) {
            return e;
        }
        let key = (name.to_string(), label.to_string());
        if let Some(id) = self.created.get(&key) {
            return *id;
        }
        let id = EntityId(self.next_entity);
        self.next_entity += 1;
        let aliases = if surface != name {
            vec![surface.to_string()]
        } else {
            Vec::new()
        };
        self.commands.push(Command::AddEntity {
            entity: Entity {
                id,
                name: name.to_string(),
                label: label.to_string(),
                aliases,
                attributes: Default::default(),
            },
        });
        self.created.insert(key, id);
        id
    }

    /// How many suggestions were accepted.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The one command doing it all, or `None` when nothing was accepted.
    pub fn finish(mut self, name: String) -> Option<Command> {
        if self.count == 0 {
            return None;
        }
        let mut docs: Vec<_> = self.spans.into_iter().collect();
        docs.sort_by_key(|(d, _)| *d);
        for (doc, spans) in docs {
            self.commands.push(Command::AddSpans { doc, spans });
        }
        self.commands.append(&mut self.quotes);
        Some(Command::Batch {
            name,
            commands: self.commands,
        })
    }
}

/// Reject a suggestion here; with `never`, also never suggest its string as its label again.
pub fn reject(doc: &Document, s: &Suggestion, never: bool) -> Command {
    // "Never this string" is about names; a quote is only ever rejected where it is.
    let never = never && matches!(s.proposal, Proposal::Span { .. });
    let (start, end) = s.range();
    let label = s.label().to_string();
    let mut commands = vec![Command::AddRejections {
        rejections: vec![Rejection {
            doc: doc.id,
            start,
            end,
            label: label.clone(),
            engine: Some(s.engine),
        }],
    }];
    if never {
        commands.push(Command::AddNever {
            text: doc.slice(start, end).to_string(),
            label: label.clone(),
        });
    }
    Command::Batch {
        name: if never {
            format!("never suggest “{}” as {label}", doc.slice(start, end))
        } else {
            format!("reject {label} suggestion")
        },
        commands,
    }
}

/// Accept every occurrence of a suggestion's string across the project as its label and
/// entity: whole words, exact case, where nothing is annotated and nothing was rejected.
pub fn accept_string_in_project(
    p: &Project,
    doc: &Document,
    s: &Suggestion,
) -> Option<(Command, usize)> {
    let (a, b) = s.range();
    let surface = doc.slice(a, b).to_string();
    let label = s.label().to_string();
    let mut acc = Acceptor::new(p);
    let whole = FindOptions {
        case_sensitive: true,
        whole_words: true,
    };
    let rejected: std::collections::HashSet<(DocId, usize, usize)> = p
        .verdicts
        .rejected
        .iter()
        .filter(|r| r.label == label)
        .map(|r| (r.doc, r.start, r.end))
        .collect();
    for d in &p.documents {
        let found = text::find_all(&d.text, &surface, whole);
        if found.is_empty() {
            continue;
        }
        let spans = Cover::sorted(d.spans.iter().map(|sp| (sp.start, sp.end)));
        for (start, end) in found {
            if spans.overlaps(start, end) || rejected.contains(&(d.id, start, end)) {
                continue;
            }
            let mut copy = s.clone();
            if let Proposal::Span {
                start: cs, end: ce, ..
            } = &mut copy.proposal
            {
                *cs = start;
                *ce = end;
            }
            acc.accept(d, &copy, None);
        }
    }
    let n = acc.count();
    acc.finish(format!("accept “{surface}” as {label} in {n} places"))
        .map(|c| (c, n))
}

/// Every engine over every document of a project, without a window: the suggestions still
/// worth showing per document, and problems loading the project's own lists. `progress` is
/// told (done, total) as documents finish. Documents are shared out over the machine's cores
/// (each engine only reads); the result is in document order whatever finishes first.
pub fn suggest_project(
    project: &Project,
    user_lists: &[(String, String)],
    model: Learnt,
    progress: impl FnMut(usize, usize),
) -> (Vec<(DocId, Vec<Suggestion>)>, Vec<String>) {
    let none = HashMap::new();
    suggest_project_with(
        project,
        &project.matcher,
        user_lists,
        model,
        &none,
        progress,
    )
}

/// [`suggest_project`] with these settings instead of the project's (engines chosen by name),
/// and what outside engines found in each document (`app::external::run`).
pub fn suggest_project_with(
    project: &Project,
    settings: &crate::model::MatcherSettings,
    user_lists: &[(String, String)],
    model: Learnt,
    external: &HashMap<DocId, Vec<Suggestion>>,
    mut progress: impl FnMut(usize, usize),
) -> (Vec<(DocId, Vec<Suggestion>)>, Vec<String>) {
    let (mut engines, problems) = Engines::new(settings, user_lists);
    engines.set_model(model.model, &model.names);
    let learned = Learned::from_project(project, settings.min_learned_len);
    let index = ProjectIndex::new(project);
    let total = project.documents.len();
    let one = |d: &Document| -> Vec<Suggestion> {
        let found = external.get(&d.id).map_or(&[][..], Vec::as_slice);
        let all = engines.suggest_with(&index, d, Some(&learned), found);
        let keep = if all.len() < 100_000 {
            engines::visible(d, &project.verdicts, &all)
        } else {
            // A book's worth: both halves at once.
            let (a, b) = all.split_at(all.len() / 2);
            std::thread::scope(|scope| {
                let second = scope.spawn(|| engines::visible(d, &project.verdicts, b));
                let mut keep = engines::visible(d, &project.verdicts, a);
                match second.join() {
                    Ok(v) => keep.extend(v.into_iter().map(|i| i + a.len())),
                    Err(e) => std::panic::resume_unwind(e),
                }
                keep
            })
        };
        // `keep` is ascending.
        let mut keep = keep.into_iter().peekable();
        all.into_iter()
            .enumerate()
            .filter_map(|(i, s)| keep.next_if_eq(&i).map(|_| s))
            .collect()
    };
    let workers = std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(1)
        .min(total.max(1));
    let mut found: Vec<Option<Vec<Suggestion>>> = vec![None; total];
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (tx, rx) = channel();
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, one, docs) = (&next, &one, &project.documents);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(d) = docs.get(i) else { break };
                    if tx.send((i, one(d))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (done, (i, items)) in rx.into_iter().enumerate() {
            found[i] = Some(items);
            progress(done + 1, total);
        }
    });
    let out = project
        .documents
        .iter()
        .zip(found)
        .map(|(d, items)| (d.id, items.unwrap_or_default()))
        .collect();
    (out, problems)
}

/// A list named in a project's settings that leads outside the project's folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutsideList {
    /// The path as the project names it.
    pub name: String,
    /// Where it leads, with `..` and symbolic links resolved.
    pub path: PathBuf,
}

/// A project's own lists as read for the engines.
#[derive(Debug, Default)]
pub struct UserLists {
    /// (name as the project gives it, contents) of each list read.
    pub lists: Vec<(String, String)>,
    /// Each list that could not be read, named with the reason.
    pub problems: Vec<String>,
    /// The lists left out because they lie outside the project's folder and were not allowed.
    pub outside: Vec<OutsideList>,
}

/// Read a project's own lists, by paths relative to the project's folder (`base`, the folder
/// of the project file; `None` for a project not saved yet, whose lists the user chose in this
/// window). Only regular files are read, none larger than [`files::LIST_CAP`]; a list that
/// cannot be read is left out, with the reason among the problems.
///
/// A project file can name any path, so one from someone else could name a private file
/// (`../../.ssh/…`, `/etc/…`) and show its lines as suggestions. A list that leads outside the
/// project's folder (once `..` and symbolic links are resolved) is read only if `allow` says
/// so, given where it leads; otherwise it is left out and listed in [`UserLists::outside`] for
/// the caller to ask about or report.
pub fn read_user_lists(
    settings: &crate::model::MatcherSettings,
    base: Option<&Path>,
    allow: impl Fn(&Path) -> bool,
) -> UserLists {
    let mut out = UserLists::default();
    // The project's folder as the file system knows it; `None` when it cannot be found, and
    // then every list counts as outside it.
    let folder = base.map(|b| {
        let b = if b.as_os_str().is_empty() {
            Path::new(".")
        } else {
            b
        };
        std::fs::canonicalize(b).ok()
    });
    for l in &settings.user_lists {
        let path = match base {
            Some(b) => b.join(&l.path),
            None => PathBuf::from(&l.path),
        };
        let problem = |e: IoError| format!("word list {e}");
        let real = match std::fs::canonicalize(&path) {
            Ok(r) => r,
            Err(source) => {
                out.problems.push(problem(IoError::Read { path, source }));
                continue;
            }
        };
        match std::fs::metadata(&real) {
            Ok(meta) if !meta.is_file() => {
                out.problems.push(problem(files::not_regular(&path, &meta)));
                continue;
            }
            Ok(_) => {}
            Err(source) => {
                out.problems.push(problem(IoError::Read { path, source }));
                continue;
            }
        }
        let inside = match &folder {
            None => true,
            Some(Some(f)) => real.starts_with(f),
            Some(None) => false,
        };
        if !inside && !allow(&real) {
            out.outside.push(OutsideList {
                name: l.path.clone(),
                path: real,
            });
            continue;
        }
        let bytes = match files::read_regular(&path, Links::Follow, files::LIST_CAP) {
            Ok(b) => b,
            Err(e) => {
                out.problems.push(problem(e));
                continue;
            }
        };
        match String::from_utf8(bytes) {
            Ok(text) => out.lists.push((l.path.clone(), text)),
            Err(e) => {
                let e = IoError::not_utf8(&path, e.as_bytes(), e.utf8_error());
                out.problems.push(problem(e));
            }
        }
    }
    out
}

/// What the user answered, this session, about lists outside the project's folder: each is
/// asked about once, and the answer holds until another project is opened.
#[derive(Debug, Default)]
pub struct OutsideConsent {
    answers: HashMap<PathBuf, bool>,
    /// Lists met but not yet answered about.
    waiting: Vec<OutsideList>,
}

impl OutsideConsent {
    /// Whether the list leading to `path` may be read.
    pub fn allows(&self, path: &Path) -> bool {
        self.answers.get(path).copied().unwrap_or(false)
    }

    /// Lists `read_user_lists` left out: those not answered yet wait for the question.
    pub fn met(&mut self, outside: &[OutsideList]) {
        for o in outside {
            let known =
                self.answers.contains_key(&o.path) || self.waiting.iter().any(|w| w.path == o.path);
            if !known {
                self.waiting.push(o.clone());
            }
        }
    }

    /// The lists to ask about, if any: those met and not answered yet (a question another
    /// one pushed aside is asked again).
    pub fn question(&self) -> Option<Vec<OutsideList>> {
        (!self.waiting.is_empty()).then(|| self.waiting.clone())
    }

    /// Remember the answer about `lists`; they are not asked about again.
    pub fn answer(&mut self, lists: &[OutsideList], use_them: bool) {
        for l in lists {
            self.answers.insert(l.path.clone(), use_them);
        }
        self.waiting
            .retain(|w| !lists.iter().any(|l| l.path == w.path));
    }

    /// The user chose this list themselves (a file dialog): it may be read wherever it is.
    pub fn chosen(&mut self, path: &Path) {
        if let Ok(real) = std::fs::canonicalize(path) {
            self.waiting.retain(|w| w.path != real);
            self.answers.insert(real, true);
        }
    }
}

#[cfg(test)]
mod tests;
