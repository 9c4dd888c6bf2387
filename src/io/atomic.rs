//! Atomic replacement of a file: the new content is written to a temporary file in the same
//! folder (`.NAME.XXXXXX.gloss-tmp`, created exclusively), given the old file's permissions and
//! owner, synced to disk, and renamed over the old one; the folder is synced too. Until the
//! rename the old file is intact; after it the new one is complete. A crash in between leaves
//! one or the other, never a mix, plus at most a temporary file that `clean_stale` removes.
//!
//! A user's file (a project, an export) that is a symbolic link is written through: the link
//! stays and its target gets the new content. A read-only file (no write bit at all) is
//! refused, not replaced, even for root. Gloss's own files (the journal) are never written
//! through a link: `write_atomic_own` replaces whatever is at the path.
//!
//! An output the user names that is a character device or a named pipe (`-o /dev/null`, a
//! FIFO another program reads) cannot be replaced and is not a file to keep: `write_atomic`
//! streams into it instead, as any Unix tool would. A pipe no program is reading is refused
//! at once rather than waited on. Block devices, folders and sockets are refused.
//!
//! tempfile gives the exclusive, unpredictable temporary name and removes it on failure; the
//! atomicwrites crate used before could not keep permissions or name its temporary folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::IoError;
use super::files;

/// The suffix of every temporary file a save makes.
const TEMP_SUFFIX: &str = ".gloss-tmp";

/// Replace the user's file at `path` with `bytes` atomically, through a symbolic link, keeping
/// its permissions and owner.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    let real = resolve(path)?;
    if let Ok(meta) = std::fs::symlink_metadata(&real)
        && is_stream(&meta)
    {
        return stream_into(&real, &meta, bytes);
    }
    replace(&real, bytes)
}

/// A character device or a named pipe: written into, never replaced.
fn is_stream(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        t.is_char_device() || t.is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Write `bytes` into a character device or a named pipe. A pipe is opened without waiting,
/// so one that no program reads is refused with a message instead of hanging the command.
fn stream_into(path: &Path, meta: &std::fs::Metadata, bytes: &[u8]) -> Result<(), IoError> {
    let write_err = |source| IoError::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        if meta.file_type().is_fifo() {
            options.custom_flags(libc::O_NONBLOCK);
        }
    }
    #[cfg(not(unix))]
    let _ = meta;
    let mut file = match options.open(path) {
        Ok(f) => f,
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ENXIO) => {
            return Err(IoError::Other {
                path: path.to_path_buf(),
                message:
                    "is a named pipe (FIFO) that no program is reading; start the reader first"
                        .into(),
            });
        }
        Err(e) => return Err(write_err(e)),
    };
    // A non-blocking pipe takes what fits and says "would block" when full: wait for the
    // reader to catch up.
    let mut rest = bytes;
    while !rest.is_empty() {
        match file.write(rest) {
            Ok(0) => return Err(write_err(std::io::ErrorKind::WriteZero.into())),
            Ok(n) => rest = &rest[n..],
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(write_err(e)),
        }
    }
    file.flush().map_err(write_err)
}

/// Replace the project file at `path` atomically, through a symbolic link. Unlike an export,
/// a project is never streamed into a device or a pipe: anything but a regular file is refused.
pub fn write_project(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    let real = resolve(path)?;
    replace(&real, bytes)
}

/// Replace Gloss's own file at `path` (never following a link there) atomically.
pub fn write_atomic_own(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    replace(path, bytes)
}

/// The file `path` names: itself, or for a symbolic link the file it points to. A link to
/// nothing is refused, so no file appears at a dangling link's target.
pub fn resolve(path: &Path) -> Result<PathBuf, IoError> {
    if !files::is_link(path) {
        return Ok(path.to_path_buf());
    }
    std::fs::canonicalize(path).map_err(|_| IoError::Other {
        path: path.to_path_buf(),
        message: "is a symbolic link to a file that does not exist; Gloss will not create files through it".into(),
    })
}

/// Refuse, as a project save would, a file that is read-only or not a regular file (a device
/// or a pipe too); a missing file is fine (a save creates it). For telling the user before any
/// work is done.
pub fn check_writable(path: &Path) -> Result<(), IoError> {
    let real = resolve(path)?;
    match std::fs::metadata(&real) {
        Ok(meta) => replaceable(path, &meta),
        Err(_) => Ok(()),
    }
}

/// What a save refuses to replace: anything but a regular file (a link at the path itself is
/// replaced, never followed), and a read-only file.
fn replaceable(path: &Path, meta: &std::fs::Metadata) -> Result<(), IoError> {
    let message = if meta.file_type().is_symlink() || (meta.is_file() && !read_only(meta)) {
        return Ok(());
    } else if meta.is_file() {
        "is read-only; Gloss will not overwrite it (make it writable, or save under another name)"
            .to_string()
    } else {
        format!(
            "is {}, not a regular file; Gloss will not replace it",
            files::kind_of(meta)
        )
    };
    Err(IoError::Other {
        path: path.to_path_buf(),
        message,
    })
}

fn replace(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    let write_err = |source| IoError::Write {
        path: path.to_path_buf(),
        source,
    };
    let existing = match path.symlink_metadata() {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(write_err(e)),
    };
    if let Some(meta) = &existing {
        replaceable(path, meta)?;
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{name}.");
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets what any program's would (0666 less the umask).
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(write_err)?;
    tmp.write_all(bytes).map_err(write_err)?;
    if let Some(meta) = existing.as_ref().filter(|m| m.is_file()) {
        keep_owner_and_mode(tmp.as_file(), meta).map_err(write_err)?;
    }
    tmp.as_file().sync_all().map_err(write_err)?;
    tmp.persist(path).map_err(|e| write_err(e.error))?;
    sync_dir(dir);
    Ok(())
}

/// A file no one may write to (mode without any write bit).
fn read_only(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o222 == 0
    }
    #[cfg(not(unix))]
    {
        meta.permissions().readonly()
    }
}

#[cfg(unix)]
fn keep_owner_and_mode(file: &std::fs::File, old: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    // The owner first: changing it may clear set-id bits, which the mode then restores. Only
    // root may give a file away; anyone else keeps what they may (their own group).
    let (uid, gid) = (old.uid(), old.gid());
    if std::os::unix::fs::fchown(file, Some(uid), Some(gid)).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(gid));
    }
    file.set_permissions(std::fs::Permissions::from_mode(old.mode() & 0o7777))
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &std::fs::File, old: &std::fs::Metadata) -> std::io::Result<()> {
    file.set_permissions(old.permissions())
}

/// Make the rename durable. Failure here cannot be acted on: the rename happened.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Remove the temporary files killed saves of `path` (and of its journal) left in its folder,
/// and old `atomicwrites` folders (from Gloss before this module) holding only such files.
/// Call with the project's lock held, so no save of it is under way. Returns what was removed.
pub fn clean_stale(path: &Path) -> Vec<PathBuf> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let ours = |file: &str| {
        [format!(".{name}."), format!(".{name}.journal.")]
            .iter()
            .any(|p| file.starts_with(p.as_str()))
            && file.ends_with(TEMP_SUFFIX)
    };
    let mut removed = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return removed;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if meta.is_file() && ours(&file) {
            if std::fs::remove_file(entry.path()).is_ok() {
                removed.push(entry.path());
            }
        } else if meta.is_dir() && file.starts_with(".atomicwrite") && old_enough(&meta) {
            // atomicwrites named its folder only by a random suffix: remove one only when it
            // holds nothing but this project's or journal's half-written copy.
            let project_like = |f: &str| f == name || f == format!("{name}.journal");
            let Ok(inside) = std::fs::read_dir(entry.path()) else {
                continue;
            };
            let inside: Vec<_> = inside.flatten().collect();
            if inside
                .iter()
                .all(|e| project_like(&e.file_name().to_string_lossy()))
                && std::fs::remove_dir_all(entry.path()).is_ok()
            {
                removed.push(entry.path());
            }
        }
    }
    removed
}

/// Older than ten minutes: no save takes that long, so nothing is writing there.
fn old_enough(meta: &std::fs::Metadata) -> bool {
    meta.modified()
        .ok()
        .and_then(|m| m.elapsed().ok())
        .is_some_and(|age| age.as_secs() > 600)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;

    #[cfg(unix)]
    #[test]
    fn devices_and_read_pipes_are_written_into_not_replaced() {
        write_atomic(Path::new("/dev/null"), b"gone").unwrap();
        // A project is never a device.
        assert!(check_writable(Path::new("/dev/null")).is_err());
        assert!(write_project(Path::new("/dev/null"), b"x").is_err());
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.jsonl");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        // No reader: refused at once, by name, instead of hanging.
        let e = write_atomic(&fifo, b"x").unwrap_err().to_string();
        assert!(
            e.contains("out.jsonl") && e.contains("no program is reading"),
            "{e}"
        );
        // A reader that reads everything: it gets all of it, more than a pipe holds at once.
        let reader_path = fifo.clone();
        let reader = std::thread::spawn(move || std::fs::read(reader_path).unwrap());
        let big = vec![b'a'; 300_000];
        let mut tries = 0;
        loop {
            match write_atomic(&fifo, &big) {
                Ok(()) => break,
                // The reader may not have opened its end yet.
                Err(e) if e.to_string().contains("no program is reading") && tries < 500 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!(reader.join().unwrap().len(), big.len());
        assert!(fifo.symlink_metadata().unwrap().file_type().is_fifo());
    }

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

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_and_read_only_files_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        std::fs::write(&p, b"one").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, b"two").unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o600);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
        let err = write_atomic(&p, b"three").unwrap_err().to_string();
        assert!(err.contains("read-only"), "{err}");
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_file_is_written_through_and_a_dangling_link_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        let target = dir.path().join("real/p.ron");
        std::fs::write(&target, b"old").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(files::is_link(&link), "the link stays a link");
        assert_eq!(std::fs::read(&target).unwrap(), b"new");

        let dangling = dir.path().join("d.ron");
        let nowhere = dir.path().join("nowhere.ron");
        std::os::unix::fs::symlink(&nowhere, &dangling).unwrap();
        assert!(write_atomic(&dangling, b"x").is_err());
        assert!(!nowhere.exists());

        // Gloss's own files replace a link rather than follow it.
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, b"precious").unwrap();
        let journal = dir.path().join("p.ron.journal");
        std::os::unix::fs::symlink(&victim, &journal).unwrap();
        write_atomic_own(&journal, b"entries").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
        assert!(!files::is_link(&journal));
    }

    #[test]
    fn stale_temporary_files_of_the_project_are_cleaned_and_others_left() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("p.ron");
        std::fs::write(&p, b"x").unwrap();
        let stale = dir.path().join(".p.ron.a1b2c3.gloss-tmp");
        let stale_j = dir.path().join(".p.ron.journal.zz.gloss-tmp");
        let other = dir.path().join(".q.ron.a1b2c3.gloss-tmp");
        for f in [&stale, &stale_j, &other] {
            std::fs::write(f, b"half").unwrap();
        }
        let removed = clean_stale(&p);
        assert_eq!(removed.len(), 2, "{removed:?}");
        assert!(!stale.exists() && !stale_j.exists() && other.exists() && p.exists());
    }
}
