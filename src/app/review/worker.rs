//! The matcher's worker thread: owns the compiled engines, the learned strings of the latest
//! project state it saw and each document's memory for re-suggesting after an edit
//! ([`Incremental`]). It answers an edit twice when it can: at once with the quick patch, then
//! — when no newer request is waiting — with the exact suggestions, which replace it.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

use super::incremental::{Incremental, Layered};
use crate::app::learning::Learnt;
use crate::matcher::engines::Engines;
use crate::matcher::learned::Learned;
use crate::matcher::lookup::ProjectIndex;
use crate::model::{DocId, Project};

pub(super) enum Request {
    /// New settings or lists: rebuild the engines.
    Configure {
        settings: crate::model::MatcherSettings,
        user_lists: Vec<(String, String)>,
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
}

pub(super) enum Response {
    Doc {
        doc: DocId,
        revision: u64,
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

pub(super) fn worker(
    rx: Receiver<Request>,
    tx: Sender<Response>,
    wake: Arc<dyn Fn() + Send + Sync>,
) {
    let mut engines: Option<Engines> = None;
    let mut model = Learnt::default();
    let mut learned: Option<(u64, Arc<Learned>)> = None;
    let mut memory = Incremental::default();
    let mut pending: Vec<Request> = Vec::new();
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
                Request::Configure { .. } | Request::Model(_) => {}
            }
            latest.push(r);
        }
        for r in latest {
            match r {
                Request::Configure {
                    settings,
                    user_lists,
                } => {
                    let (mut e, problems) = Engines::new(&settings, &user_lists);
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
                    if let Some(items) = memory.quick(d, &l) {
                        let _ = tx.send(Response::Doc {
                            doc,
                            revision,
                            items,
                            exact: false,
                        });
                        wake();
                        // A newer edit waiting: answer it quickly too; the exact run waits.
                        if let Ok(r) = rx.try_recv() {
                            pending.push(r);
                            continue;
                        }
                    }
                    let items = memory.exact(e, &project, d, l);
                    let _ = tx.send(Response::Doc {
                        doc,
                        revision,
                        items: Layered {
                            base: items,
                            ..Layered::default()
                        },
                        exact: true,
                    });
                }
                Request::All { revision, project } => {
                    let Some(e) = &engines else { continue };
                    let l = learned_for(&mut learned, revision, &project);
                    let index = ProjectIndex::new(&project);
                    let total = project.documents.len();
                    for (i, d) in project.documents.iter().enumerate() {
                        let items = e.suggest_in(&index, d, Some(&l));
                        let _ = tx.send(Response::Doc {
                            doc: d.id,
                            revision,
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
