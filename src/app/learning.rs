//! The model that learns from the project: which annotations it learns from, the cache of its
//! weights beside the project, and the learner thread that retrains it a moment after the user
//! tags or accepts, without ever blocking a frame.
//!
//! What the model learns from: every document marked done, whole, and every document in
//! progress up to the end of the paragraph holding its last name (annotators work from the top,
//! so the text after that is not yet looked at and its names are not yet missing). Only names
//! count, not pronoun or description mentions. Rejected suggestions in that text, and every
//! occurrence of a string the user said never to suggest, are negative evidence.
//!
//! Trained weights live beside the project as `NAME.ron.model` (a cache: delete it and it is
//! rebuilt), stamped with a fingerprint of what they were trained on, so opening a project
//! whose annotations did not change since costs a file read, not a training run. Without
//! annotations of its own the project uses the starting weights shipped with Gloss.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::io::IoError;
use crate::io::atomic::write_atomic_own;
use crate::io::files::{self, Links};
use crate::matcher::model::{
    Example, Lexicon, Model, Quality, TrainOptions, Training, cross_validate_until,
};
use crate::model::{Document, Project, Status};

/// How long the learner waits after the last change before it trains.
pub const DEBOUNCE: Duration = Duration::from_millis(400);

/// Cross-validation needs at least this many documents.
const MIN_CV_DOCS: usize = 4;

/// First line of a cache file.
const CACHE_MAGIC: &str = "gloss-model 1";

/// The starting weights shipped with Gloss, loaded once.
pub fn bundled() -> Option<Arc<Model>> {
    crate::matcher::engines::bundled_model()
}

/// The bundled lexicon (lists, first names, titles, cues), built once.
pub fn lexicon() -> Arc<Lexicon> {
    crate::matcher::engines::bundled_lexicon()
}

/// The cache path for a project path: `a/b.ron` → `a/b.ron.model`.
pub fn cache_path(project: &Path) -> PathBuf {
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".model");
    project.with_file_name(name)
}

/// What the model learns from in `doc`, or `None` when the document is not annotated yet.
pub fn example(project: &Project, doc: &Document) -> Option<Example> {
    let names: Vec<(usize, usize, String)> = doc
        .spans
        .iter()
        .filter(|s| s.mention.is_name())
        .map(|s| (s.start, s.end, s.label.to_string()))
        .collect();
    let len = doc.char_len();
    let upto = match doc.status {
        Status::Done => len,
        Status::InProgress => {
            let last = names.iter().map(|n| n.1).max()?;
            paragraph_end(&doc.text, last).min(len)
        }
        Status::Todo => return None,
    };
    let names: Vec<_> = names.into_iter().filter(|n| n.1 <= upto).collect();
    let mut rejected: Vec<(usize, usize, String)> = project
        .verdicts
        .rejected
        .iter()
        .filter(|r| r.doc == doc.id && r.end <= upto)
        .map(|r| (r.start, r.end, r.label.clone()))
        .collect();
    let exact = crate::text::FindOptions {
        case_sensitive: true,
        whole_words: false,
    };
    for (never, label) in &project.verdicts.never {
        for (start, end) in crate::text::find_all(&doc.text, never, exact) {
            if end > upto {
                break;
            }
            if !names.iter().any(|n| n.0 == start && n.1 == end) {
                rejected.push((start, end, label.clone()));
            }
        }
    }
    if names.is_empty() && doc.status != Status::Done {
        return None;
    }
    let text: Arc<str> = if upto == len {
        doc.text.clone()
    } else {
        Arc::from(doc.text.chars().take(upto).collect::<String>())
    };
    Some(Example {
        text,
        names,
        rejected,
    })
}

/// The code point where the paragraph (blank-line separated block) holding `at` ends: the
/// second line end of the blank line after it, or the text's end.
fn paragraph_end(text: &str, at: usize) -> usize {
    let mut prev = None;
    let mut n = 0;
    for (i, c) in text.chars().enumerate() {
        if i >= at && c == '\n' && prev == Some('\n') {
            return i;
        }
        if c != '\r' {
            prev = Some(c);
        }
        n = i + 1;
    }
    n
}

/// Every document the model learns from.
pub fn examples(project: &Project) -> Vec<Example> {
    project
        .documents
        .iter()
        .filter_map(|d| example(project, d))
        .collect()
}

/// A fingerprint of what a model is trained on: equal examples, equal fingerprint.
pub fn fingerprint(examples: &[Example]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    // DefaultHasher's algorithm is fixed within a build; a cache from another build that
    // hashes differently is only retrained, never misread.
    env!("CARGO_PKG_VERSION").hash(&mut h);
    crate::matcher::model::MODEL_VERSION.hash(&mut h);
    for e in examples {
        e.text.hash(&mut h);
        e.names.hash(&mut h);
        e.rejected.hash(&mut h);
    }
    h.finish()
}

/// Read a cached model if it was trained on exactly `print`; `None` otherwise (missing,
/// stale, damaged: the cache is only ever rebuilt, never trusted when in doubt).
pub fn load_cache(path: &Path, print: u64) -> Option<Model> {
    let bytes = files::read_regular(path, Links::Refuse, 256 * 1024 * 1024).ok()?;
    let head = format!("{CACHE_MAGIC} {print:016x}\n");
    let rest = bytes.strip_prefix(head.as_bytes())?;
    Model::from_bytes(rest).ok()
}

/// Write the cache (atomically, never through a link).
pub fn save_cache(path: &Path, print: u64, model: &Model) -> Result<(), IoError> {
    let mut bytes = format!("{CACHE_MAGIC} {print:016x}\n").into_bytes();
    bytes.extend_from_slice(&model.to_bytes());
    write_atomic_own(path, &bytes)
}

/// Train on the examples, starting from the bundled weights.
pub fn train(examples: &[Example]) -> Model {
    train_from(examples, bundled().as_deref())
}

/// The annotated strings (text, label) of the examples: what the model's features look up as
/// the project's own names, in training and after.
pub fn names(examples: &[Example]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = examples
        .iter()
        .flat_map(|e| {
            e.names.iter().map(|(s, t, l)| {
                (
                    crate::text::slice_chars(&e.text, *s, *t).to_string(),
                    l.clone(),
                )
            })
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// How to train on `n` documents from `base` (or from nothing). Starting from the shipped
/// weights, a few documents get a few passes, so they adjust those weights rather than
/// overwrite what 145 documents taught them; a project's own model gets the full count as it
/// grows.
fn options_for(n: usize, from_base: bool) -> TrainOptions {
    let full = TrainOptions::default();
    let epochs = if from_base {
        (2 + n / 10).min(full.epochs)
    } else {
        full.epochs
    };
    TrainOptions { epochs, ..full }
}

/// The lexicon a model trained on examples with these annotated `names` reads: the bundled one
/// with the project's own names, as it is given when it predicts (`Engines::set_model`).
fn lexicon_with(names: &[(String, String)]) -> Lexicon {
    lexicon().with_names(names.iter().cloned())
}

/// Train on the examples from `base` (or from nothing), calibrated.
pub fn train_from(examples: &[Example], base: Option<&Model>) -> Model {
    let options = options_for(examples.len(), base.is_some());
    Model::train(examples, &lexicon_with(&names(examples)), base, &options)
}

/// The project's quality by cross-validation, when it has enough documents: each fold trained
/// as the project's model is (the same lexicon, base and options). None when there are too
/// few documents, or when `stop` said so between trainings.
fn quality(
    examples: &[Example],
    lexicon: &Lexicon,
    base: Option<&Model>,
    options: &TrainOptions,
    stop: &dyn Fn() -> bool,
) -> Option<Quality> {
    if examples.len() < MIN_CV_DOCS {
        return None;
    }
    cross_validate_until(
        examples,
        lexicon,
        base,
        examples.len().min(5),
        options,
        stop,
    )
}

/// A model with the project's names its features look up.
#[derive(Clone, Default)]
pub struct Learnt {
    pub model: Option<Arc<Model>>,
    pub names: Arc<Vec<(String, String)>>,
}

impl Learnt {
    /// The shipped weights, for a project with nothing annotated.
    pub fn bundled() -> Self {
        Self {
            model: bundled(),
            names: Arc::default(),
        }
    }
}

/// The model for a project, for the command line: from the cache beside `path` when it is
/// fresh, else trained now (and cached); the bundled weights when the project has no
/// annotations of its own. No model when it is switched off or none can be had.
pub fn model_for(project: &Project, path: Option<&Path>) -> Learnt {
    if !project.matcher.model {
        return Learnt::default();
    }
    let examples = examples(project);
    if examples.is_empty() {
        return Learnt::bundled();
    }
    let print = fingerprint(&examples);
    let cache = path.map(cache_path);
    Learnt {
        model: Some(Arc::new(fitted(&examples, print, cache.as_deref()))),
        names: Arc::new(names(&examples)),
    }
}

/// The model trained on exactly `examples` (fingerprint `print`): the cached one when it was,
/// else trained now and cached (a cache that cannot be written only costs a retraining next
/// time). Its quality is left to the window, which shows it and caches it; a command does not
/// pay five more trainings for a figure it never prints.
fn fitted(examples: &[Example], print: u64, cache: Option<&Path>) -> Model {
    if let Some(cached) = cache.and_then(|c| load_cache(c, print)) {
        return cached;
    }
    let model = train(examples);
    if let Some(c) = cache {
        let _ = save_cache(c, print, &model);
    }
    model
}

/// What the window hands the learner thread.
enum Job {
    Project {
        project: Arc<Project>,
        cache: Option<PathBuf>,
    },
    Forget,
}

/// The learner thread of the window: it is handed the project once the user has paused for a
/// moment (`DEBOUNCE`: a copy of the project is made then, not on every keystroke), and trains
/// only when what it learns from changed.
pub struct Learner {
    tx: Sender<Job>,
    rx: Receiver<Learnt>,
    /// The model in use (with its names), and whether a newer one is being made.
    pub learnt: Learnt,
    pub training: bool,
    /// The revision last handed over.
    sent: Option<u64>,
    /// A newer revision and when it was first seen: handed over once it is `DEBOUNCE` old.
    waiting: Option<(u64, Instant)>,
}

/// What a frame must do after `Learner::tick`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tick {
    /// A new model arrived (in `Learner::learnt`): the suggestions must be made again with it.
    pub changed: bool,
    /// Call `tick` again after this long, even if nothing happens meanwhile.
    pub again: Option<Duration>,
}

impl Learner {
    /// Start the thread; `wake` is called when a model is ready (the window repaints).
    pub fn new(wake: Arc<dyn Fn() + Send + Sync>) -> Self {
        let (tx, job_rx) = channel();
        let (out_tx, rx) = channel();
        // If the thread cannot start, the model is simply not used.
        let _ = std::thread::Builder::new()
            .name("learner".into())
            .spawn(move || {
                super::background::lower_priority();
                learner(job_rx, out_tx, wake)
            });
        Self {
            tx,
            rx,
            learnt: Learnt::default(),
            training: false,
            sent: None,
            waiting: None,
        }
    }

    /// Another project was opened: forget the model.
    pub fn reset(&mut self) {
        let _ = self.tx.send(Job::Forget);
        self.learnt = Learnt::default();
        self.sent = None;
        self.waiting = None;
        self.training = false;
    }

    /// Once a frame: hand the learner the project when it changed (`revision`) and the user
    /// paused, take a finished model.
    pub fn tick(&mut self, project: &Project, revision: u64, path: Option<&Path>) -> Tick {
        let mut out = Tick::default();
        if !project.matcher.model {
            out.changed = self.learnt.model.is_some();
            self.learnt = Learnt::default();
            self.sent = None;
            self.waiting = None;
            self.training = false;
            return out;
        }
        if self.sent != Some(revision) {
            // The first project is handed over at once; later ones after a pause.
            let now = Instant::now();
            let since = match self.waiting {
                Some((r, t)) if r == revision => t,
                _ => {
                    self.waiting = Some((revision, now));
                    now
                }
            };
            let waited = now.duration_since(since);
            if self.sent.is_none() || waited >= DEBOUNCE {
                self.sent = Some(revision);
                self.waiting = None;
                self.training = true;
                let _ = self.tx.send(Job::Project {
                    project: Arc::new(project.clone()),
                    cache: path.map(cache_path),
                });
            } else {
                out.again = Some(DEBOUNCE - waited);
            }
        }
        for m in self.rx.try_iter() {
            let same = match (&self.learnt.model, &m.model) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            };
            if !same {
                // A model that only gained its measured quality suggests as before: the
                // suggestions need not be made again.
                let measured = match (&self.learnt.model, &m.model) {
                    (Some(a), Some(b)) => {
                        a.predicts_as(b) && Arc::ptr_eq(&self.learnt.names, &m.names)
                    }
                    _ => false,
                };
                self.learnt = m;
                out.changed |= !measured;
            }
            self.training = false;
        }
        out
    }
}

/// The learner thread. A project whose annotations changed gets a model at once — trained
/// once, its scores calibrated as the model it replaces was (calibrating takes three more
/// trainings) — and the suggestions are made again with it; then the calibration and the
/// cross-validated quality follow, each published when done. A newer project handed over
/// meanwhile stops that refinement between two trainings and is trained at once: after an
/// accept, the new model's suggestions never wait behind the figures of the one before.
fn learner(rx: Receiver<Job>, tx: Sender<Learnt>, wake: Arc<dyn Fn() + Send + Sync>) {
    let mut current: Option<Current> = None;
    let mut next: Option<Job> = None;
    loop {
        let mut job = match next.take() {
            Some(job) => job,
            None => match rx.recv() {
                Ok(job) => job,
                Err(_) => return,
            },
        };
        // Take the newest job queued (the window already waited for a pause).
        loop {
            match rx.recv_timeout(Duration::from_millis(20)) {
                Ok(newer) => job = newer,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let (project, cache) = match job {
            Job::Forget => {
                current = None;
                continue;
            }
            Job::Project { project, cache } => (project, cache),
        };
        let examples = examples(&project);
        let print = fingerprint(&examples);
        let send = |l: &Learnt| {
            let _ = tx.send(l.clone());
            wake();
        };
        // Where to start: a model whose refinement a newer job stopped (going on where it
        // stopped), a cached one, or a training.
        let (names, start) = match &current {
            Some(c) if c.print == print => {
                send(&c.learnt);
                match (&c.learnt.model, c.stage) {
                    (Some(m), stage) if stage != Stage::Done => {
                        (c.learnt.names.clone(), Start::Resume((**m).clone(), stage))
                    }
                    _ => continue,
                }
            }
            _ if examples.is_empty() => {
                let l = Learnt::bundled();
                send(&l);
                current = Some(Current::new(print, l, Stage::Done));
                continue;
            }
            _ => {
                let start = match cache.as_deref().and_then(|c| load_cache(c, print)) {
                    Some(m) => Start::Cached(m),
                    None => Start::Train,
                };
                (Arc::new(names(&examples)), start)
            }
        };
        let publish = |model: &Model, stage: Stage, send_it: bool| {
            let l = Learnt {
                model: Some(Arc::new(model.clone())),
                names: names.clone(),
            };
            if send_it {
                send(&l);
            }
            Current::new(print, l, stage)
        };
        // Read once for the training, its calibration and its quality.
        let lexicon = lexicon_with(&names);
        let base = bundled();
        let options = options_for(examples.len(), base.is_some());
        let mut training = None;
        let (mut model, stage) = match start {
            Start::Resume(m, stage) => (m, stage),
            Start::Cached(m) => {
                let stage = if m.info().quality.is_some() {
                    Stage::Done
                } else {
                    Stage::Calibrated
                };
                current = Some(publish(&m, stage, true));
                (m, stage)
            }
            Start::Train => {
                let like = current
                    .as_ref()
                    .and_then(|c| c.learnt.model.clone())
                    .filter(|m| !crate::matcher::engines::is_bundled(m));
                let t = Training::new(&examples, &lexicon, base.as_deref());
                let m = t.model(&options, like.as_deref());
                training = Some(t);
                current = Some(publish(&m, Stage::Trained, true));
                (m, Stage::Trained)
            }
        };
        if stage == Stage::Done {
            continue;
        }
        // The refinement, stopped by a newer job (kept for the next round).
        let newer: std::cell::RefCell<Option<Job>> = std::cell::RefCell::new(None);
        let stop = || {
            if newer.borrow().is_some() {
                return true;
            }
            match rx.try_recv() {
                Ok(job) => {
                    *newer.borrow_mut() = Some(job);
                    true
                }
                Err(TryRecvError::Empty) => false,
                Err(TryRecvError::Disconnected) => true,
            }
        };
        if stage == Stage::Trained {
            // The documents as prepared for the training (prepared again on a resumption).
            let training =
                training.unwrap_or_else(|| Training::new(&examples, &lexicon, base.as_deref()));
            let before = model.calibration();
            if !training.calibrate(&mut model, &options, &stop) {
                next = newer.into_inner();
                continue;
            }
            if let Some(c) = &cache {
                let _ = save_cache(c, print, &model);
            }
            current = Some(publish(
                &model,
                Stage::Calibrated,
                model.calibration() != before,
            ));
        }
        if let Some(q) = quality(&examples, &lexicon, base.as_deref(), &options, &stop) {
            model.set_quality(q);
            if let Some(c) = &cache {
                let _ = save_cache(c, print, &model);
            }
            current = Some(publish(&model, Stage::Done, true));
        } else if newer.borrow().is_none() {
            // Too few documents for a quality: nothing more to do.
            if let Some(c) = current.as_mut() {
                c.stage = Stage::Done;
            }
        }
        next = newer.into_inner();
    }
}

/// Where the learner starts on a project handed over.
enum Start {
    /// The model in use, whose refinement a newer job stopped at this stage.
    Resume(Model, Stage),
    /// The model cached beside the project for exactly these examples.
    Cached(Model),
    /// Nothing: train.
    Train,
}

/// How far the learner got with the model in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// Trained, scored with the calibration of the model before it.
    Trained,
    /// Calibrated on its own documents (or too few to calibrate on).
    Calibrated,
    /// And its quality measured (or too few documents to measure it).
    Done,
}

/// The model in use, what it was trained on (`print`), and how far it was refined.
struct Current {
    print: u64,
    learnt: Learnt,
    stage: Stage,
}

impl Current {
    fn new(print: u64, learnt: Learnt, stage: Stage) -> Self {
        Current {
            print,
            learnt,
            stage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, DocId, Mention, Rejection, Span, SpanId};

    fn doc(id: u64, text: &str, status: Status, names: &[(&str, &str)]) -> Document {
        let mut d = Document::new(DocId(id), format!("d{id}"), text);
        for (i, (name, label)) in names.iter().enumerate() {
            let byte = text.find(name).unwrap();
            let start = text[..byte].chars().count();
            d.insert_span(Span::new(
                SpanId(i as u64 + 1),
                CharRange::new(start, start + name.chars().count()),
                *label,
            ));
        }
        d.status = status;
        d
    }

    #[test]
    fn done_documents_count_whole_and_todo_ones_not_at_all() {
        let mut p = Project::new("t");
        let text = "Mara Lind met Oskar Vale in Tromsø.\n\nLater, Vale flew home.";
        p.insert_document(doc(1, text, Status::Done, &[("Mara Lind", "PERSON")]));
        p.insert_document(doc(2, text, Status::Todo, &[("Mara Lind", "PERSON")]));
        let ex = examples(&p);
        assert_eq!(ex.len(), 1);
        assert_eq!(&*ex[0].text, text);
        assert_eq!(ex[0].names, vec![(0, 9, "PERSON".to_string())]);
    }

    #[test]
    fn in_progress_documents_count_up_to_the_paragraph_of_their_last_name() {
        let mut p = Project::new("t");
        let text = "Mara Lind met Oskar Vale.\nThey spoke.\n\nLater, Ines Roth flew home.";
        let mut d = doc(1, text, Status::InProgress, &[("Mara Lind", "PERSON")]);
        // A pronoun mention is not a name.
        let mut she = Span::new(SpanId(9), CharRange::new(26, 30), "PERSON");
        she.mention = Mention::Pronoun;
        d.insert_span(she);
        p.insert_document(d);
        p.verdicts.rejected.push(Rejection {
            doc: DocId(1),
            start: 14,
            end: 24,
            label: "ORG".into(),
            engine: None,
        });
        p.verdicts.never.push(("They".into(), "ORG".into()));
        let ex = examples(&p);
        assert_eq!(ex.len(), 1);
        assert_eq!(&*ex[0].text, "Mara Lind met Oskar Vale.\nThey spoke.\n");
        assert_eq!(ex[0].names.len(), 1, "the pronoun is left out");
        assert_eq!(
            ex[0].rejected,
            vec![(14, 24, "ORG".to_string()), (26, 30, "ORG".to_string())]
        );
    }

    #[test]
    fn fingerprints_follow_what_is_learnt_from() {
        let mut p = Project::new("t");
        let text = "Mara Lind met Oskar Vale in Tromsø.";
        p.insert_document(doc(1, text, Status::Done, &[("Mara Lind", "PERSON")]));
        let a = fingerprint(&examples(&p));
        assert_eq!(a, fingerprint(&examples(&p.clone())));
        p.documents[0].status = Status::Todo;
        assert_ne!(a, fingerprint(&examples(&p)));
    }

    /// Six done documents of a small made-up collection (enough for a quality).
    fn six_documents() -> Project {
        let mut p = Project::new("t");
        let people = [
            ("Mara Lind", "Tromsø"),
            ("Oskar Vale", "Bergen"),
            ("Ines Roth", "Lyon"),
            ("Tomas Berg", "Porto"),
            ("Lena Hart", "Graz"),
            ("Rui Sousa", "Braga"),
        ];
        for (i, (who, place)) in people.iter().enumerate() {
            let text = format!("{who} arrived in {place} on Monday, officials said.");
            p.insert_document(doc(
                i as u64 + 1,
                &text,
                Status::Done,
                &[(who, "PERSON"), (place, "GPE")],
            ));
        }
        p
    }

    /// Tick the learner with `project` at `revision` until `done` holds of its model (or give up
    /// after a minute): the learner waits for a pause after a change, then trains in its thread.
    fn tick_until(
        l: &mut Learner,
        project: &Project,
        revision: u64,
        done: impl Fn(&Model) -> bool,
    ) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(60) {
            l.tick(project, revision, None);
            if l.learnt.model.as_deref().is_some_and(&done) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        false
    }

    #[test]
    fn the_learner_publishes_at_once_then_measures_and_a_change_meanwhile_is_not_lost() {
        let mut l = Learner::new(Arc::new(|| {}));
        let six = six_documents();
        let mut five = six.clone();
        five.documents[5].status = Status::Todo;
        // The model trained on five documents comes first; its quality follows.
        assert!(tick_until(&mut l, &five, 1, |m| m.info().names == 10));
        // A sixth marked done at once, while the five are (likely) still being measured:
        // the refinement stops and the new model comes, then its quality.
        assert!(tick_until(&mut l, &six, 2, |m| m.info().names == 12));
        assert!(tick_until(&mut l, &six, 2, |m| m.info().names == 12
            && m.info().quality.is_some()));
        // A change the model does not learn from (a new revision, the same examples): the
        // same model, measured, stays.
        assert!(tick_until(&mut l, &six, 3, |m| m.info().names == 12
            && m.info().quality.is_some()));
        // Back to five: a model for them, measured, whatever was stopped on the way.
        assert!(tick_until(&mut l, &five, 4, |m| m.info().names == 10
            && m.info().quality.is_some()));
    }

    #[test]
    fn a_stale_or_damaged_cache_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron.model");
        std::fs::write(&path, b"gloss-model 1 00000000000000ff\nrubbish").unwrap();
        assert!(load_cache(&path, 0xff).is_none());
        assert!(load_cache(&path, 0xfe).is_none());
        assert!(load_cache(&dir.path().join("none"), 1).is_none());
    }
}
