//! The matcher's worker thread: owns the compiled engines, the learned strings of the latest
//! project state it saw and each document's memory for re-suggesting after an edit
//! ([`Incremental`]). It answers an edit twice when it can: at once with the quick patch, then
//! — when no newer request is waiting — with the exact suggestions, which replace it.
//!
//! Outside engines run here too, per request, when what they found in the document's text is
//! not known yet (`app::external::Cache`): the suggestions of the engines inside Gloss are
//! sent first (as a quick answer), then the outside engines run — each a child process the
//! window can cancel — and the exact answer with their findings follows.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

use super::incremental::{Incremental, Layered};
use crate::app::external::{self, Cache, Launch, Monitor};
use crate::app::learning::Learnt;
use crate::matcher::engines::Engines;
use crate::matcher::learned::Learned;
use crate::matcher::lookup::ProjectIndex;
use crate::model::{DocId, Document, Project, Suggestion};

pub(super) enum Request {
    /// New settings or lists: rebuild the engines.
    Configure {
        settings: crate::model::MatcherSettings,
        user_lists: Vec<(String, String)>,
        /// The project's folder, where outside engines run.
        folder: Option<PathBuf>,
    },
    /// Suggestions for one document of this project state.
    Doc {
        doc: DocId,
        revision: u64,
        project: Arc<Project>,
    },
    /// Suggestions for every document (progress reported as they come).
    All {
        revision: u64,
        project: Arc<Project>,
    },
    /// A new model (trained on the project, or the starting weights).
    Model(Learnt),
    /// Run outside engines again where they failed or were cancelled.
    RetryEngines,
}

pub(super) enum Response {
    Doc {
        doc: DocId,
        revision: u64,
        /// How many Configure, Model and RetryEngines requests the worker had taken when it
        /// computed these: an answer from before the newest of them is stale.
        generation: u64,
        items: Layered,
        /// False for a quick answer, which an exact one follows.
        exact: bool,
    },
    Progress {
        done: usize,
        total: usize,
    },
    Problems(Vec<String>),
}

impl Response {
    /// The exact run's suggestions for `doc` (`exact` false: a first answer another follows).
    fn exact_run(
        doc: DocId,
        revision: u64,
        generation: u64,
        base: Arc<Vec<Suggestion>>,
        exact: bool,
    ) -> Self {
        Response::Doc {
            doc,
            revision,
            generation,
            items: Layered {
                base,
                ..Layered::default()
            },
            exact,
        }
    }
}

/// The outside engines as the worker knows them.
struct Outside {
    launches: Vec<Launch>,
    folder: Option<PathBuf>,
    cache: Cache,
    monitor: Arc<Monitor>,
}

impl Outside {
    /// What the engines found in `doc` so far, and the engines still to run there (none
    /// while they are paused after a Cancel).
    fn known(&self, project: &Project, doc: &Document) -> (Vec<Suggestion>, Vec<Launch>) {
        let labels = label_names(project);
        let mut found = Vec::new();
        let mut missing = Vec::new();
        for l in &self.launches {
            match self.cache.get(l, &labels, doc) {
                Some(Some(items)) => found.extend(items.iter().cloned()),
                Some(None) => {}
                None => missing.push(l.clone()),
            }
        }
        if self.monitor.paused() {
            missing.clear();
        }
        (found, missing)
    }

    /// Run `launch` over `docs` and keep what it found in each (a failure is kept as one
    /// for each, so it is not run again on every edit).
    fn run(&mut self, launch: &Launch, project: &Project, docs: &[&Document], wake: &dyn Fn()) {
        let labels = label_names(project);
        let result = self
            .monitor
            .run(launch, project, docs, self.folder.as_deref(), wake);
        match result {
            Ok(mut found) => {
                for d in docs {
                    let items = found.found.remove(&d.id).unwrap_or_default();
                    self.cache.put(launch, &labels, d, Some(items));
                }
            }
            Err(_) => {
                for d in docs {
                    self.cache.put(launch, &labels, d, None);
                }
            }
        }
    }
}

fn label_names(project: &Project) -> Vec<String> {
    project.labels.names().map(String::from).collect()
}

pub(super) fn worker(
    rx: Receiver<Request>,
    tx: Sender<Response>,
    wake: Arc<dyn Fn() + Send + Sync>,
    monitor: Arc<Monitor>,
) {
    let mut outside = Outside {
        launches: Vec::new(),
        folder: None,
        cache: Cache::default(),
        monitor,
    };
    let mut engines: Option<Engines> = None;
    let mut model = Learnt::default();
    let mut learned: Option<(u64, Arc<Learned>)> = None;
    let mut memory = Incremental::default();
    let mut pending: Vec<Request> = Vec::new();
    let mut generation: u64 = 0;
    loop {
        if pending.is_empty() {
            match rx.recv() {
                Ok(r) => pending.push(r),
                Err(_) => return,
            }
        }
        // Take everything queued, keep only the newest request per document: an older project
        // state is not worth computing.
        pending.extend(rx.try_iter());
        let mut latest: Vec<Request> = Vec::new();
        for r in pending.drain(..) {
            match &r {
                Request::Doc { doc, .. } => {
                    latest.retain(|x| !matches!(x, Request::Doc { doc: d, .. } if d == doc));
                }
                Request::All { .. } => latest.retain(|x| !matches!(x, Request::All { .. })),
                Request::Configure { .. } | Request::Model(_) | Request::RetryEngines => {}
            }
            latest.push(r);
        }
        for r in latest {
            // Counted as `Review::restart` counts them: answers carry the count they were
            // computed under, and the window drops older ones.
            if matches!(
                r,
                Request::Configure { .. } | Request::Model(_) | Request::RetryEngines
            ) {
                generation += 1;
            }
            match r {
                Request::Configure {
                    settings,
                    user_lists,
                    folder,
                } => {
                    outside.launches = external::launches(&settings);
                    outside.cache.keep_only(&outside.launches);
                    outside.monitor.keep_only(&outside.launches);
                    outside.folder = folder;
                    let (mut e, mut problems) = Engines::new(&settings, &user_lists);
                    problems.extend(external::check(&settings));
                    e.set_model(model.model.clone(), &model.names);
                    engines = Some(e);
                    learned = None;
                    memory.clear();
                    if !problems.is_empty() {
                        let _ = tx.send(Response::Problems(problems));
                    }
                }
                Request::Model(m) => {
                    model = m;
                    if let Some(e) = &mut engines {
                        e.set_model(model.model.clone(), &model.names);
                    }
                    memory.clear();
                }
                Request::RetryEngines => {
                    outside.cache.forget_failures();
                    outside.monitor.resume();
                }
                Request::Doc {
                    doc,
                    revision,
                    project,
                } => {
                    let Some(e) = &engines else { continue };
                    let l = learned_for(&mut learned, revision, &project);
                    let Some(d) = project.document(doc) else {
                        continue;
                    };
                    let (mut found, missing) = outside.known(&project, d);
                    let mut answered = false;
                    if let Some(items) = memory.quick(d, &l) {
                        let _ = tx.send(Response::Doc {
                            doc,
                            revision,
                            generation,
                            items,
                            exact: false,
                        });
                        wake();
                        answered = true;
                        // A newer edit waiting: answer it quickly too; the exact run waits.
                        if let Ok(r) = rx.try_recv() {
                            pending.push(r);
                            continue;
                        }
                    }
                    if !missing.is_empty() {
                        // The engines inside Gloss answer first: an outside one may take long.
                        if !answered {
                            let items = memory.exact(e, &project, d, l.clone(), &found);
                            let _ = tx
                                .send(Response::exact_run(doc, revision, generation, items, false));
                            wake();
                        }
                        for launch in &missing {
                            outside.run(launch, &project, &[d], &*wake);
                        }
                        found = outside.known(&project, d).0;
                    }
                    let items = memory.exact(e, &project, d, l, &found);
                    let _ = tx.send(Response::exact_run(doc, revision, generation, items, true));
                }
                Request::All { revision, project } => {
                    let Some(e) = &engines else { continue };
                    let l = learned_for(&mut learned, revision, &project);
                    let index = ProjectIndex::new(&project);
                    let total = project.documents.len();
                    // Each outside engine runs once over every document it has not seen.
                    for launch in outside.launches.clone() {
                        if outside.monitor.paused() {
                            break;
                        }
                        let docs: Vec<&Document> = project
                            .documents
                            .iter()
                            .filter(|d| outside.known(&project, d).1.contains(&launch))
                            .collect();
                        if !docs.is_empty() {
                            outside.run(&launch, &project, &docs, &*wake);
                        }
                    }
                    for (i, d) in project.documents.iter().enumerate() {
                        let found = outside.known(&project, d).0;
                        let items = e.suggest_with(&index, d, Some(&l), &found);
                        let _ = tx.send(Response::Doc {
                            doc: d.id,
                            revision,
                            generation,
                            items: Layered::whole(items),
                            exact: true,
                        });
                        let _ = tx.send(Response::Progress { done: i + 1, total });
                        wake();
                        // A newer request (the user edited) goes first.
                        if let Ok(r) = rx.try_recv() {
                            pending.push(r);
                            if pending.iter().any(|r| matches!(r, Request::All { .. })) {
                                break;
                            }
                        }
                    }
                }
            }
            wake();
        }
    }
}

fn learned_for(
    cache: &mut Option<(u64, Arc<Learned>)>,
    revision: u64,
    p: &Project,
) -> Arc<Learned> {
    match cache {
        Some((r, l)) if *r == revision => l.clone(),
        _ => {
            let l = Arc::new(Learned::from_project(p, p.matcher.min_learned_len));
            *cache = Some((revision, l.clone()));
            l
        }
    }
}
