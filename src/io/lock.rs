//! The lock beside an open project (`NAME.ron.lock`), so two processes never edit one project.
//!
//! Two sessions on one file would each journal and save over the other's work. The lock is an
//! operating-system advisory lock (`flock`, through std's `File::try_lock`) on the lock file,
//! held for as long as the session lives and released by the kernel when the process ends, even
//! by SIGKILL: a crash never leaves a lock behind that locks the user out. The file also holds
//! the owner's process id and role ("window", "gloss import"), to name the holder in messages.
//!
//! The lock is taken *before* the project is read, and for a project that does not exist yet
//! too, so a second process sees the first one's saved result, never the file as it was before.
//! The lock file is opened without following links (`O_NOFOLLOW`): a lock path that is a
//! symbolic link is refused, never written through, and no file is created at a dangling
//! link's target. A process that finds the project locked by another command waits for it (up
//! to a limit) and then refuses, naming the holder; one locked by a window refuses at once.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::IoError;
use super::files;

/// What this process is, written into the lock files it holds: "window" unless the CLI said
/// otherwise (`set_role("gloss import")`).
static ROLE: OnceLock<String> = OnceLock::new();

/// The role a window writes into its lock, which other processes do not wait for.
pub const WINDOW: &str = "window";

/// Name what this process is, for others' messages. The first call wins.
pub fn set_role(role: &str) {
    let _ = ROLE.set(role.to_string());
}

fn role() -> &'static str {
    ROLE.get().map(String::as_str).unwrap_or(WINDOW)
}

/// How long to wait for a lock held by a command (not a window): `GLOSS_LOCK_WAIT` seconds,
/// 60 by default for commands and 3 for a window, which must not freeze for long.
pub fn wait_limit() -> Duration {
    if let Some(secs) = std::env::var("GLOSS_LOCK_WAIT")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
    {
        return Duration::from_secs_f64(secs.min(86_400.0));
    }
    if role() == WINDOW {
        Duration::from_secs(3)
    } else {
        Duration::from_secs(60)
    }
}

#[derive(Debug)]
pub struct ProjectLock {
    /// The lock file.
    path: PathBuf,
    /// The file it guards.
    target: PathBuf,
    /// The open lock file; the lock lives as long as it does.
    file: File,
}

/// The lock path for a project path: `a/b.ron` → `a/b.ron.lock`.
pub fn path_for(project: &Path) -> PathBuf {
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    project.with_file_name(name)
}

/// Who holds a lock, as its file says: process id and role.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Holder {
    pid: Option<u32>,
    role: String,
}

impl Holder {
    fn read(file: &mut File) -> Self {
        let mut text = String::new();
        let _ = file.rewind();
        let _ = file.take(256).read_to_string(&mut text);
        let mut parts = text.trim().splitn(2, ' ');
        let pid = parts.next().and_then(|p| p.parse().ok());
        let role = parts.next().unwrap_or_default().trim().to_string();
        Self { pid, role }
    }

    fn describe(&self) -> String {
        let pid = self
            .pid
            .map(|p| format!("process {p}"))
            .unwrap_or_else(|| "another process".into());
        match self.role.as_str() {
            "" => pid,
            WINDOW => format!("a Gloss window ({pid})"),
            r => format!("`{r}` ({pid})"),
        }
    }
}

/// Open (creating if needed) the lock file itself, never through a link.
fn open_lock_file(path: &Path) -> Result<File, IoError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o644);
    }
    files::open_own(path, &mut options, "lock")
}

/// True when the open file is still the one at `path` (not removed or replaced meanwhile).
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), path.symlink_metadata()) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_at(_file: &File, path: &Path) -> bool {
    path.exists()
}

impl ProjectLock {
    /// Take the lock for `project`, waiting for another command to finish, or say who holds it.
    pub fn acquire(project: &Path) -> Result<Self, IoError> {
        Self::acquire_with(project, wait_limit(), |_| {})
    }

    /// `acquire`, waiting at most `limit` for a command's lock, telling `waiting` once (with a
    /// description of the holder) when it starts to wait.
    pub fn acquire_with(
        project: &Path,
        limit: Duration,
        mut waiting: impl FnMut(&str),
    ) -> Result<Self, IoError> {
        let path = path_for(project);
        let start = Instant::now();
        let mut told = false;
        loop {
            let mut file = open_lock_file(&path)?;
            match file.try_lock() {
                Ok(()) => {
                    // The holder we waited for may have removed the file as it let go, and a
                    // third process made a new one: a lock on a removed file guards nothing.
                    if !still_at(&file, &path) {
                        continue;
                    }
                    let write_err = |source| IoError::Write {
                        path: path.clone(),
                        source,
                    };
                    file.set_len(0).map_err(write_err)?;
                    file.rewind().map_err(write_err)?;
                    writeln!(file, "{} {}", std::process::id(), role()).map_err(write_err)?;
                    return Ok(Self {
                        path,
                        target: project.to_path_buf(),
                        file,
                    });
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    let holder = Holder::read(&mut file);
                    drop(file);
                    if holder.role == WINDOW || start.elapsed() >= limit {
                        let message = if holder.role == WINDOW {
                            format!("is open in {}; close it there first", holder.describe())
                        } else {
                            format!(
                                "is being changed by {}; waited {} s for it to finish (try again when it has)",
                                holder.describe(),
                                start.elapsed().as_secs()
                            )
                        };
                        return Err(IoError::Other {
                            path: project.to_path_buf(),
                            message,
                        });
                    }
                    if !told {
                        told = true;
                        waiting(&holder.describe());
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(std::fs::TryLockError::Error(source)) => {
                    return Err(IoError::Write { path, source });
                }
            }
        }
    }

    /// The file this lock guards.
    pub fn target(&self) -> &Path {
        &self.target
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Removed while still held, so no one can lock the old file and think it guards the
        // project; the lock itself goes when the file closes.
        if still_at(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_refuses_naming_the_holder_and_is_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        let first = ProjectLock::acquire_with(&project, Duration::ZERO, |_| {}).unwrap();
        let mut told = String::new();
        let err = ProjectLock::acquire_with(&project, Duration::from_millis(100), |h| {
            told = h.to_string()
        })
        .unwrap_err()
        .to_string();
        let me = std::process::id().to_string();
        assert!(err.contains(&me), "{err}");
        // In a test the role is the window's, which nobody waits for.
        assert!(err.contains("close it there first"), "{err}");
        assert!(told.is_empty());
        drop(first);
        assert!(!path_for(&project).exists(), "released on drop");
        let again = ProjectLock::acquire_with(&project, Duration::ZERO, |_| {});
        assert!(again.is_ok());
    }

    #[test]
    fn a_stale_lock_file_from_a_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        // What a killed process leaves: the file, but no lock on it.
        std::fs::write(path_for(&project), "4294967295 gloss import\n").unwrap();
        let lock = ProjectLock::acquire_with(&project, Duration::ZERO, |_| {}).unwrap();
        let text = std::fs::read_to_string(path_for(&project)).unwrap();
        assert!(text.starts_with(&std::process::id().to_string()), "{text}");
        drop(lock);
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_path_that_is_a_link_is_refused_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious\n").unwrap();
        std::os::unix::fs::symlink(&victim, path_for(&project)).unwrap();
        let err = ProjectLock::acquire_with(&project, Duration::ZERO, |_| {})
            .unwrap_err()
            .to_string();
        assert!(err.contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");

        // A dangling link: nothing is created where it points.
        let project = dir.path().join("q.ron");
        let nowhere = dir.path().join("nowhere.txt");
        std::os::unix::fs::symlink(&nowhere, path_for(&project)).unwrap();
        assert!(ProjectLock::acquire_with(&project, Duration::ZERO, |_| {}).is_err());
        assert!(!nowhere.exists());
    }

    #[test]
    fn holders_are_described_by_role() {
        let h = Holder {
            pid: Some(7),
            role: "gloss import".into(),
        };
        assert_eq!(h.describe(), "`gloss import` (process 7)");
        let w = Holder {
            pid: Some(8),
            role: WINDOW.into(),
        };
        assert_eq!(w.describe(), "a Gloss window (process 8)");
    }
}
