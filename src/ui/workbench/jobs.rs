//! Work on a worker thread: imports, exports and reading annotators' projects, one at a time,
//! with the status bar's progress and Cancel. `poll_job` takes a finished job's result.

use std::sync::Arc;

use egui::Context;

use super::Workbench;
use crate::app::jobs::Job;

/// Long work in progress.
pub(in crate::ui) enum Running {
    /// An import: the command to apply, or every error.
    Import(Job<Result<crate::ui::import_dialog::ImportDone, Vec<String>>>),
    Export(Job<Result<String, String>>),
    /// Reading and comparing annotators' projects.
    Annotators(Job<crate::ui::comparing_and_curating::AnnotatorsResult>),
}

impl Workbench {
    /// Take a finished job's result; keep the progress bar moving while one runs.
    pub(super) fn poll_job(&mut self, ctx: &Context) {
        let Some(running) = &self.job else { return };
        match running {
            Running::Import(job) => {
                if let Some(result) = job.poll() {
                    let cancelled = job.progress.is_cancelled();
                    self.job = None;
                    self.import_finished(result, cancelled);
                    return;
                }
            }
            Running::Export(job) => {
                if let Some(result) = job.poll() {
                    self.job = None;
                    self.export_finished(result);
                    return;
                }
            }
            Running::Annotators(job) => {
                if let Some(result) = job.poll() {
                    let cancelled = job.progress.is_cancelled();
                    self.job = None;
                    if cancelled {
                        self.say("cancelled");
                    } else {
                        self.finish_team(result);
                    }
                    return;
                }
            }
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
    }

    /// The running job's title and progress, for the status bar.
    pub(in crate::ui) fn job_progress(&self) -> Option<(String, Arc<crate::app::jobs::Progress>)> {
        let (title, progress) = match self.job.as_ref()? {
            Running::Import(job) => (&job.title, &job.progress),
            Running::Export(job) => (&job.title, &job.progress),
            Running::Annotators(job) => (&job.title, &job.progress),
        };
        Some((title.clone(), progress.clone()))
    }

    /// True while an import or export runs in the background (for tests).
    pub fn job_running(&self) -> bool {
        self.job.is_some()
    }

    /// Cancel the running import or export (the Cancel button; for tests).
    pub fn cancel_running_job(&mut self) {
        self.cancel_job();
    }

    /// Cancel the running job.
    pub(in crate::ui) fn cancel_job(&mut self) {
        match &self.job {
            Some(Running::Import(job)) => job.progress.cancel(),
            Some(Running::Export(job)) => job.progress.cancel(),
            Some(Running::Annotators(job)) => job.progress.cancel(),
            None => {}
        }
    }
}
