//! Long work off the UI thread: importing or exporting thousands of files.
//!
//! A job runs on its own thread with a `Progress` it updates (done, total, what it is doing)
//! and a cancel flag it checks between files. The window polls it once a frame, draws the
//! progress bar, and applies the result — a command for an import, a message for an export —
//! on its own thread, so the project is only ever changed through `Session::execute`.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};

/// Shared between a job and whoever watches it.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
    /// Done and total count bytes (of files being read), not items.
    bytes: AtomicBool,
    stage: Mutex<String>,
}

impl Progress {
    pub fn set_total(&self, n: usize) {
        self.total.store(n, Ordering::Relaxed);
    }

    pub fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    pub fn set_done(&self, n: usize) {
        self.done.store(n, Ordering::Relaxed);
    }

    pub fn set_stage(&self, s: impl Into<String>) {
        if let Ok(mut g) = self.stage.lock() {
            *g = s.into();
        }
    }

    /// (done, total, stage).
    pub fn get(&self) -> (usize, usize, String) {
        let stage = self.stage.lock().map(|g| g.clone()).unwrap_or_default();
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
            stage,
        )
    }

    /// Say that done and total count bytes, so they are shown as sizes.
    pub fn count_bytes(&self) {
        self.bytes.store(true, Ordering::Relaxed);
    }

    pub fn counts_bytes(&self) -> bool {
        self.bytes.load(Ordering::Relaxed)
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// A job running on a thread, producing a `T`.
pub struct Job<T> {
    pub title: String,
    pub progress: Arc<Progress>,
    rx: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Start `work` on a thread; `wake` is called when it finishes (the window repaints).
    pub fn spawn(
        title: impl Into<String>,
        wake: Arc<dyn Fn() + Send + Sync>,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        let progress = Arc::new(Progress::default());
        let (tx, rx) = channel();
        let p = progress.clone();
        std::thread::Builder::new()
            .name("job".into())
            .spawn(move || {
                let out = work(&p);
                let _ = tx.send(out);
                wake();
            })?;
        Ok(Self {
            title: title.into(),
            progress,
            rx,
        })
    }

    /// The result, once the job is done.
    pub fn poll(&self) -> Option<T> {
        self.rx.try_recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_progress_and_can_be_cancelled() {
        let job = Job::spawn("count", Arc::new(|| {}), |p| {
            p.set_total(1_000_000);
            let mut n = 0;
            for _ in 0..1_000_000 {
                if p.is_cancelled() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_micros(10));
                p.tick();
                n += 1;
            }
            n
        })
        .unwrap();
        while job.progress.get().0 < 10 {
            std::thread::yield_now();
        }
        job.progress.cancel();
        let n = loop {
            if let Some(n) = job.poll() {
                break n;
            }
            std::thread::yield_now();
        };
        assert!(n < 1_000_000, "stopped early: {n}");
        assert_eq!(job.progress.get().1, 1_000_000);
    }
}
