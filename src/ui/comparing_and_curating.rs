//! Comparing and curating annotators' projects in the window: what the Agreement, Curate
//! annotators and Dashboard windows and the Curation panel ask for, carried out on `Workbench`.
//!
//! Reading annotators' files, comparing them and finding the disagreements run as a background
//! `Job` (one at a time, like imports and exports, with the status bar's progress and Cancel):
//! two annotators over 1,000 news articles with 100 spans each take 0.6 s to read and compare,
//! and 0.26 s to find 40,000 disagreements, far more than a frame. Decisions are commands
//! executed through the session, so each is one undo step and journaled; re-reading what is
//! decided after one (`Curation::outcomes`, 24 ms for those 40,000) happens once per change.

use std::path::PathBuf;

use egui::Context;

use super::agreement::AgreementAsk;
use super::annotators;
use super::curation::{Curating, CurationAsk};
use super::curation_setup::SetupAsk;
use super::prompts::After;
use super::workbench::{Running, Workbench};
use crate::app::agreement::{self, Annotator, Report};
use crate::app::curation::{Curation, CurationError, Decision};
use crate::app::dialogs::DialogKind;
use crate::app::jobs::Job;
use crate::app::keymap::Mode;
use crate::app::session::Session;
use crate::model::Project;

/// What reading annotators' projects produced: an agreement report or a curation to start.
pub enum AnnotatorsResult {
    Agreement {
        result: Result<Report, String>,
        notes: Vec<String>,
    },
    Curation(Result<Started, String>),
}

/// A curation ready to start.
pub struct Started {
    curation: Curation,
    /// The new curated project; `None` when resuming in the open project.
    project: Option<Project>,
    notes: Vec<String>,
}

impl Workbench {
    /// Which meaning the mode-dependent keys have now.
    pub(super) fn mode(&self) -> Mode {
        if self.curating.is_some() {
            Mode::Curate
        } else if self.coding.on {
            Mode::Categorise
        } else {
            Mode::Annotate
        }
    }

    /// (decided, total) of the curation in progress (for tests and the title).
    pub fn curation_progress(&self) -> Option<(usize, usize)> {
        self.curating.as_ref().map(|c| (c.decided(), c.total()))
    }

    /// The index of the disagreement shown (for tests).
    pub fn curation_current(&self) -> Option<usize> {
        self.curating.as_ref().map(|c| c.current)
    }

    /// The agreement report shown (for tests).
    pub fn agreement_report(&self) -> Option<&Report> {
        self.agreement.report()
    }

    /// True while annotators are being read and compared.
    fn team_busy(&self) -> bool {
        matches!(self.job, Some(Running::Annotators(_)))
    }

    fn spawn_team(
        &mut self,
        title: String,
        work: impl FnOnce(&crate::app::jobs::Progress) -> AnnotatorsResult + Send + 'static,
    ) {
        if self.job.is_some() {
            self.say("another job is running: wait for it or cancel it first");
            return;
        }
        match Job::spawn(title, self.wake.clone(), work) {
            Ok(job) => self.job = Some(Running::Annotators(job)),
            Err(e) => self.say(format!("could not start: {e}")),
        }
    }

    /// Read the chosen annotators' projects and compute their agreement in the background.
    pub(super) fn start_agreement(&mut self) {
        let sources =
            self.agreement
                .annotators
                .sources(&self.session.project, self.session.path(), true);
        let options = agreement::Options {
            all_mentions: self.agreement.all_mentions,
        };
        let n = sources.len();
        self.spawn_team(format!("comparing {n} annotators"), move |p| {
            p.set_total(n + 1);
            let (loaded, notes) = match annotators::load(sources, p) {
                Ok(x) => x,
                Err(e) => {
                    return AnnotatorsResult::Agreement {
                        result: Err(e),
                        notes: Vec::new(),
                    };
                }
            };
            p.set_stage("comparing");
            let list: Vec<Annotator> = loaded
                .iter()
                .map(|(name, project)| Annotator { name, project })
                .collect();
            let result = agreement::agree(&list, &options).map_err(|e| e.to_string());
            p.tick();
            AnnotatorsResult::Agreement { result, notes }
        });
    }

    /// Read the chosen annotators' projects and find their disagreements in the background.
    pub(super) fn start_curation(&mut self) {
        let resume = self.curation_setup.resume;
        let sources = self.curation_setup.annotators.sources(
            &self.session.project,
            self.session.path(),
            !resume,
        );
        let n = sources.len();
        self.spawn_team(format!("comparing {n} annotators"), move |p| {
            p.set_total(n + 1);
            let result = annotators::load(sources, p).and_then(|(loaded, notes)| {
                p.set_stage("finding disagreements");
                let curation = Curation::new(loaded).map_err(|e| e.to_string())?;
                let project = (!resume).then(|| curation.curated_project("curated"));
                p.tick();
                Ok(Started {
                    curation,
                    project,
                    notes,
                })
            });
            AnnotatorsResult::Curation(result)
        });
    }

    /// A team job finished.
    pub(super) fn finish_team(&mut self, result: AnnotatorsResult) {
        match result {
            AnnotatorsResult::Agreement { result, notes } => {
                match &result {
                    Ok(r) => self.say(format!(
                        "compared {} documents of {} annotators",
                        r.documents.compared.len(),
                        r.annotators.len()
                    )),
                    Err(e) => self.say(e.clone()),
                }
                self.agreement.set_result(result, notes);
            }
            AnnotatorsResult::Curation(Err(e)) => {
                self.say(e.clone());
                self.prompt = Some(super::prompts::Prompt::Notice {
                    title: "Cannot curate".into(),
                    message: e,
                });
            }
            AnnotatorsResult::Curation(Ok(started)) => {
                for n in &started.notes {
                    self.say(n.clone());
                }
                self.curation_setup.open = false;
                match started.project {
                    Some(project) => {
                        self.pending_curation = Some((started.curation, project));
                        self.confirm_unsaved(After::Curate);
                    }
                    None => self.resume_curation(started.curation),
                }
            }
        }
    }

    /// Ask where the new curated project goes (after the unsaved-changes question).
    pub(super) fn ask_where_to_curate(&mut self) {
        if self.pending_curation.is_some() {
            self.request_dialog(DialogKind::SaveCurated, Some("curated.ron".into()));
        }
    }

    /// Save the new curated project at `path`, open it and start curating.
    pub(super) fn begin_curation_at(&mut self, path: PathBuf) {
        let Some((curation, mut project)) = self.pending_curation.take() else {
            return;
        };
        let path = if path.extension().is_none() {
            path.with_extension("ron")
        } else {
            path
        };
        if let Some(stem) = path.file_stem() {
            project.name = stem.to_string_lossy().into_owned();
        }
        let mut session = Session::with_project(project, Some(path.clone()));
        if let Err(e) = session.save() {
            self.say(e.to_string());
            return;
        }
        self.prefs.remember(&path);
        self.replace_session(session);
        self.start_curating(curation);
        self.say(format!(
            "curating into {}: {}",
            path.display(),
            self.curation_summary()
        ));
    }

    fn resume_curation(&mut self, curation: Curation) {
        let p = &self.session.project;
        let shared = curation
            .documents()
            .compared
            .iter()
            .any(|name| p.documents.iter().any(|d| &d.name == name));
        if !shared {
            self.say("the open project has none of the annotators' documents: start a new curated project instead");
            return;
        }
        self.start_curating(curation);
        self.say(format!(
            "curating the open project: {}",
            self.curation_summary()
        ));
    }

    fn start_curating(&mut self, curation: Curation) {
        let mut c = Curating::new(curation);
        c.refresh(&self.session.project, self.session.revision());
        c.current = c.first_open().unwrap_or(0);
        self.curating = Some(c);
        // The curator decides between annotators: the matcher's outlines would only be in
        // the way (H shows them again).
        self.review.hidden = true;
        self.focus_disagreement();
    }

    fn curation_summary(&self) -> String {
        match self.curation_progress() {
            Some((_, 0)) => "the annotators agree on everything".into(),
            Some((d, t)) => format!(
                "{d} of {t} disagreements decided; 1…9 take an annotator's, A all, X neither, N/P move"
            ),
            None => String::new(),
        }
    }

    /// Open the current disagreement's document, scrolled to it.
    pub(super) fn focus_disagreement(&mut self) {
        let Some((name, start)) = self
            .curating
            .as_ref()
            .and_then(|c| c.disagreement())
            .map(|d| (d.document.clone(), d.range.start))
        else {
            return;
        };
        let doc = self
            .session
            .project
            .documents
            .iter()
            .find(|d| d.name == name)
            .map(|d| d.id);
        if doc.is_some() {
            self.editing.open_doc(doc);
            self.editing.selection = None;
            self.editing.selected_span = None;
            self.editing.selected_quote = None;
            self.editing.scroll_to = Some(start);
        }
    }

    /// Once a frame while curating: re-read what is decided (an undo may have reopened a
    /// disagreement: go back to it) and mark the current region in the text.
    pub(super) fn refresh_curation(&mut self) {
        self.editing.highlight = None;
        let revision = self.session.revision();
        let Some(c) = &mut self.curating else { return };
        if let Some(i) = c.refresh(&self.session.project, revision) {
            c.current = i;
            self.focus_disagreement();
        }
        let Some(c) = &self.curating else { return };
        if let Some(d) = c.disagreement() {
            let open = self
                .editing
                .doc
                .and_then(|id| self.session.project.document(id));
            if open.is_some_and(|doc| doc.name == d.document) {
                self.editing.highlight = Some(d.range);
            }
        }
    }

    /// Carry out a decision on the current disagreement, then move to the next open one.
    /// Take annotator `a`'s choice for category (or, with `attribute`, attribute)
    /// disagreement `i` (one undo step).
    pub(super) fn curate_code(&mut self, i: usize, a: usize, attribute: bool) {
        let Some(c) = &self.curating else { return };
        let project = &self.session.project;
        let decided = if attribute {
            c.curation.decide_attribute(project, i, a)
        } else {
            c.curation.decide_category(project, i, a)
        };
        match decided {
            Ok(command) => {
                let what = command.describe();
                self.execute(command);
                self.say(what);
            }
            Err(CurationError::NothingToDo) => self.say("already decided that way"),
            Err(e) => self.say(e.to_string()),
        }
        let revision = self.session.revision();
        if let Some(c) = &mut self.curating {
            c.refresh(&self.session.project, revision);
        }
    }

    pub(super) fn curate(&mut self, decision: Decision) {
        let Some(c) = &self.curating else {
            return;
        };
        let i = c.current;
        let n = c.curation.annotators().len();
        if let Decision::Take(a) = decision
            && a >= n
        {
            self.say(format!("there are {n} annotators: keys 1 to {n}"));
            return;
        }
        let result = c.curation.decide(&self.session.project, i, decision);
        match result {
            Ok(command) => {
                let what = command.describe();
                self.execute(command);
                self.say(what);
            }
            Err(CurationError::NothingToDo) => self.say("already decided that way"),
            Err(e) => {
                self.say(e.to_string());
                return;
            }
        }
        let revision = self.session.revision();
        let Some(c) = &mut self.curating else { return };
        c.refresh(&self.session.project, revision);
        if c.all_decided() {
            let total = c.total();
            self.say(format!(
                "all {total} disagreements are decided: save the curated project with Ctrl+S"
            ));
        } else if let Some(next) = c.step(true) {
            c.current = next;
        }
        self.focus_disagreement();
    }

    /// N or P: the next or previous undecided disagreement.
    pub(super) fn curate_step(&mut self, forward: bool) {
        let Some(c) = &mut self.curating else { return };
        match c.step(forward) {
            Some(i) => {
                c.current = i;
                let note = if c.all_decided() {
                    " (all are decided)"
                } else {
                    ""
                };
                let text = format!("disagreement {} of {}{note}", i + 1, c.total());
                self.focus_disagreement();
                self.say(text);
            }
            None => self.say("no disagreements"),
        }
    }

    /// The Curation panel at the bottom of the window, while curating.
    pub(super) fn curation_panel(&mut self, ui: &mut egui::Ui) {
        let Some(c) = &self.curating else { return };
        let mut ask = None;
        egui::Panel::bottom("curation")
            .resizable(true)
            .min_size(210.0)
            .default_size(260.0)
            .show(ui, |ui| ask = c.ui(ui));
        match ask {
            Some(CurationAsk::Decide(d)) => self.curate(d),
            Some(CurationAsk::DecideCategory(i, a)) => self.curate_code(i, a, false),
            Some(CurationAsk::DecideAttribute(i, a)) => self.curate_code(i, a, true),
            Some(CurationAsk::Step(forward)) => self.curate_step(forward),
            Some(CurationAsk::Stop) => {
                self.curating = None;
                self.editing.highlight = None;
                self.review.hidden = false;
                self.say("curation stopped; the curated project stays open");
            }
            None => {}
        }
    }

    /// The team windows (Agreement, Curate annotators, Dashboard) and what they ask for.
    pub(super) fn team_windows(&mut self, ctx: &Context) {
        let busy = self.team_busy();
        // The open project as the annotator lists name it: by its file, else its name.
        let name = self
            .session
            .path()
            .and_then(|p| p.file_name())
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.session.project.name.clone());
        for ask in self.agreement.show(ctx, &name, busy) {
            match ask {
                AgreementAsk::AddFiles => self.request_dialog(DialogKind::CompareProjects, None),
                AgreementAsk::Compare => self.start_agreement(),
                AgreementAsk::OpenDocument(doc) => {
                    let id = self
                        .session
                        .project
                        .documents
                        .iter()
                        .find(|d| d.name == doc)
                        .map(|d| d.id);
                    match id {
                        Some(id) => {
                            self.editing.open_doc(Some(id));
                            self.say(format!("opened {doc}"));
                        }
                        None => self.say(format!("“{doc}” is not in the open project")),
                    }
                }
            }
        }
        match self.curation_setup.show(ctx, &name, busy) {
            Some(SetupAsk::AddFiles) => self.request_dialog(DialogKind::CurateProjects, None),
            Some(SetupAsk::Start) => self.start_curation(),
            None => {}
        }
        let revision = self.session.revision();
        if let Some(doc) = self.dashboard.show(ctx, &self.session.project, revision) {
            self.editing.open_doc(Some(doc));
        }
    }

    /// Annotators' files picked in a dialog (or typed).
    pub(super) fn add_annotators(&mut self, kind: DialogKind, paths: Vec<PathBuf>) {
        let open = self.session.path().map(PathBuf::from);
        let list = match kind {
            DialogKind::CurateProjects => &mut self.curation_setup.annotators,
            _ => &mut self.agreement.annotators,
        };
        list.add(paths, open.as_deref());
    }
}
