//! A lock file beside an open project (`NAME.ron.lock`), so two windows never edit one project.
//!
//! Two sessions on one file would each journal and save over the other's work. The lock holds
//! the process id of its owner; a lock whose process is gone (a crash) is stale and taken over.
//! Read-only use (`gloss stats`, `gloss export`) needs no lock.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::IoError;

#[derive(Debug)]
pub struct ProjectLock {
    /// The lock file.
    path: PathBuf,
    /// The file it guards.
    target: PathBuf,
}

/// The lock path for a project path: `a/b.ron` → `a/b.ron.lock`.
pub fn path_for(project: &Path) -> PathBuf {
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    project.with_file_name(name)
}

/// True when process `pid` is running (a killed process not yet reaped, a zombie, is not).
/// Where this cannot be known (no /proc), a lock is taken as stale rather than locking the
/// user out of their project.
fn alive(pid: u32) -> bool {
    let stat = Path::new("/proc").join(pid.to_string()).join("stat");
    let Ok(stat) = std::fs::read_to_string(stat) else {
        return false;
    };
    // The state letter follows the parenthesised command name.
    let state = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.trim_start().chars().next());
    !matches!(state, None | Some('Z') | Some('X'))
}

impl ProjectLock {
    /// Take the lock for `project`, or say which process holds it.
    pub fn acquire(project: &Path) -> Result<Self, IoError> {
        let path = path_for(project);
        let me = std::process::id();
        if let Ok(text) = std::fs::read_to_string(&path)
            && let Ok(pid) = text.trim().parse::<u32>()
            && pid != me
            && alive(pid)
        {
            return Err(IoError::Other {
                path: project.to_path_buf(),
                message: format!(
                    "is open in another Gloss window (process {pid}); close it there first, or delete {} if that process is not Gloss",
                    path.display()
                ),
            });
        }
        let mut f = std::fs::File::create(&path).map_err(|source| IoError::Write {
            path: path.clone(),
            source,
        })?;
        f.write_all(me.to_string().as_bytes())
            .map_err(|source| IoError::Write {
                path: path.clone(),
                source,
            })?;
        Ok(Self {
            path,
            target: project.to_path_buf(),
        })
    }

    /// The file this lock guards.
    pub fn target(&self) -> &Path {
        &self.target
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_foreign_lock_refuses_and_a_stale_one_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        // PID 1 is always running on Linux.
        std::fs::write(path_for(&project), "1").unwrap();
        if alive(1) {
            let err = ProjectLock::acquire(&project).unwrap_err().to_string();
            assert!(err.contains("another Gloss window"), "{err}");
        }
        // A process id that cannot exist.
        std::fs::write(path_for(&project), "4294967295").unwrap();
        let lock = ProjectLock::acquire(&project).unwrap();
        assert!(path_for(&project).exists());
        drop(lock);
        assert!(!path_for(&project).exists(), "released on drop");
    }
}
