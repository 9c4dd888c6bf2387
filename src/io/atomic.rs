//! Atomic replacement of a file: the new content is written to a temporary file in the same
//! folder, synced to disk, and renamed over the old one; the folder is synced too. Until the
//! rename the old file is intact; after it the new one is complete. A crash in between leaves
//! one or the other, never a mix.

use std::io::Write;
use std::path::Path;

use atomicwrites::{AllowOverwrite, AtomicFile};

use super::IoError;

/// Replace `path` with `bytes` atomically (atomicwrites does temp + fsync + rename + dir fsync).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    AtomicFile::new(path, AllowOverwrite)
        .write(|f| f.write_all(bytes))
        .map_err(|e| IoError::Write {
            path: path.to_path_buf(),
            source: match e {
                atomicwrites::Error::Internal(e) | atomicwrites::Error::User(e) => e,
            },
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "temporary files left behind");
    }

    #[test]
    fn failure_names_the_file_and_keeps_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no/such/dir/a.ron");
        let err = write_atomic(&missing, b"x").unwrap_err();
        assert!(err.to_string().contains("a.ron"), "{err}");
    }
}
