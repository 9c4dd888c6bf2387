//! The edit journal: every command is on disk before the user sees it done.
//!
//! The journal lives beside its project as `NAME.ron.journal` (or in the data folder for a
//! project not yet saved). Its first line names the project file and the hash of the file's
//! bytes the journal starts from; each further line is one JSON entry, written and synced
//! before the edit is acknowledged. A save replaces the project atomically and starts a fresh
//! journal. Opening a project whose journal has entries replays them — the edits made after the
//! last save, before a crash. A journal whose hash does not match its project file belongs to
//! another version of the file and is set aside, never replayed onto the wrong text.
//!
//! The journal is Gloss's own file: it is never read or written through a symbolic link, only
//! a regular file is read, and an append that fails (a full disk) is cut back to the last
//! complete entry, so a later append never follows half a line.
//!
//! Entries are generic: the app layer decides what a command is.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::IoError;
use super::atomic::write_atomic_own;
use super::files::{self, Links};

/// First line of every journal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub gloss_journal: u32,
    /// The project file's name, for the user's reference.
    pub project: String,
    /// Hash of the project file's bytes this journal applies to (see `content_hash`).
    pub base: String,
}

/// The journal path for a project path: `a/b.ron` → `a/b.ron.journal`.
pub fn path_for(project: &Path) -> PathBuf {
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".journal");
    project.with_file_name(name)
}

/// FNV-1a 64 of the bytes, as hex: cheap, stable across builds and platforms.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h = ContentHash::new();
    h.update(bytes);
    h.finish()
}

/// `content_hash` fed a block at a time, for files read without holding them whole.
#[derive(Clone, Copy, Debug)]
pub struct ContentHash(u64);

impl ContentHash {
    pub fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    pub fn update(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub fn finish(self) -> String {
        format!("{:016x}", self.0)
    }
}

impl Default for ContentHash {
    fn default() -> Self {
        Self::new()
    }
}

/// An open journal, appending.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    entries: usize,
    /// The file's length after the last complete entry.
    len: u64,
    /// A failed append could not be cut back: nothing more may be appended.
    broken: bool,
}

impl Journal {
    /// Start a fresh journal at `path` (replacing any old one atomically) with this header.
    pub fn create(path: &Path, header: &Header) -> Result<Self, IoError> {
        rewrite::<()>(path, header, &[])
    }

    /// Continue appending to an existing journal that already holds `entries` entries.
    pub fn open_append(path: &Path, entries: usize) -> Result<Self, IoError> {
        let mut options = OpenOptions::new();
        options.append(true);
        let file = files::open_own(path, &mut options, "journal")?;
        let meta = file.metadata().map_err(|source| IoError::Write {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Self {
            path: path.to_path_buf(),
            file,
            entries,
            len: meta.len(),
            broken: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn entries(&self) -> usize {
        self.entries
    }

    /// Append one entry and sync it to disk; only then is the edit safe. If the write or the
    /// sync fails, the file is cut back to the last complete entry (so the next append starts
    /// on a clean line); if even that fails, the journal refuses every later append.
    pub fn append<T: Serialize>(&mut self, entry: &T) -> Result<(), IoError> {
        let path = self.path.clone();
        let err = |source| IoError::Write {
            path: path.clone(),
            source,
        };
        if self.broken {
            return Err(err(std::io::Error::other(
                "an earlier write failed and could not be undone, so nothing more is journaled",
            )));
        }
        let mut line =
            serde_json::to_string(entry).map_err(|e| err(std::io::Error::other(e.to_string())))?;
        line.push('\n');
        let written = self
            .file
            .write_all(line.as_bytes())
            .and_then(|()| self.file.sync_data());
        if let Err(e) = written {
            if self
                .file
                .set_len(self.len)
                .and_then(|()| self.file.sync_data())
                .is_err()
            {
                self.broken = true;
            }
            return Err(err(e));
        }
        self.len += line.len() as u64;
        self.entries += 1;
        Ok(())
    }

    /// True once a failed append could not be cut back.
    pub fn is_broken(&self) -> bool {
        self.broken
    }
}

/// Replace the journal at `path` with `header` and `entries` in one atomic write, and keep
/// appending to it.
pub fn rewrite<T: Serialize>(
    path: &Path,
    header: &Header,
    entries: &[T],
) -> Result<Journal, IoError> {
    let to_line = |v: serde_json::Result<String>| {
        v.map(|mut l| {
            l.push('\n');
            l
        })
        .map_err(|e| IoError::Other {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
    };
    let mut text = to_line(serde_json::to_string(header))?;
    for e in entries {
        text.push_str(&to_line(serde_json::to_string(e))?);
    }
    write_atomic_own(path, text.as_bytes())?;
    Journal::open_append(path, entries.len())
}

/// What a journal on disk holds.
#[derive(Debug)]
pub struct Contents<T> {
    pub header: Header,
    pub entries: Vec<T>,
    /// The last line was cut short (the process died while writing it). That edit was never
    /// acknowledged, so it is dropped.
    pub torn_tail: bool,
}

/// Read a journal. `Ok(None)` when there is none.
pub fn read<T: DeserializeOwned>(path: &Path) -> Result<Option<Contents<T>>, IoError> {
    if path
        .symlink_metadata()
        .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    {
        return Ok(None);
    }
    let file = files::open_regular(path, Links::Refuse)?;
    let parse_err = |line: usize, message: String| IoError::Parse {
        path: path.to_path_buf(),
        line,
        column: 1,
        message,
    };
    let mut lines = Vec::new();
    let mut reader = BufReader::new(file);
    loop {
        let mut buf = Vec::new();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|source| IoError::Read {
                path: path.to_path_buf(),
                source,
            })?;
        if n == 0 {
            break;
        }
        lines.push(buf);
    }
    let Some(first) = lines.first() else {
        return Err(parse_err(1, "empty journal (no header line)".into()));
    };
    let header: Header = serde_json::from_slice(first)
        .map_err(|e| parse_err(1, format!("not a Gloss journal header: {e}")))?;
    let mut entries = Vec::new();
    let mut torn_tail = false;
    for (i, raw) in lines.iter().enumerate().skip(1) {
        // Only the last line can lack its newline: the process died while writing it, so the
        // edit was never acknowledged and is dropped.
        if raw.last() != Some(&b'\n') {
            torn_tail = true;
            break;
        }
        let entry = serde_json::from_slice::<T>(raw)
            .map_err(|e| parse_err(i + 1, format!("unreadable journal entry: {e}")))?;
        entries.push(entry);
    }
    Ok(Some(Contents {
        header,
        entries,
        torn_tail,
    }))
}

/// Move a journal that cannot be replayed out of the way, keeping it for the user.
pub fn set_aside(path: &Path) -> Result<PathBuf, IoError> {
    let dest = orphan_name(path);
    std::fs::rename(path, &dest).map_err(|source| IoError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(dest)
}

/// Keep a copy of a journal beside it (`NAME.journal.STAMP.orphan`) before it is rewritten
/// with fewer entries, so no entry is ever deleted unseen.
pub fn keep_copy(path: &Path) -> Result<PathBuf, IoError> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut files::open_regular(path, Links::Refuse)?, &mut bytes)
        .map_err(|source| IoError::Read {
            path: path.to_path_buf(),
            source,
        })?;
    let dest = orphan_name(path);
    let mut out = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&dest)
        .map_err(|source| IoError::Write {
            path: dest.clone(),
            source,
        })?;
    out.write_all(&bytes)
        .and_then(|()| out.sync_all())
        .map_err(|source| IoError::Write {
            path: dest.clone(),
            source,
        })?;
    Ok(dest)
}

/// A name for a set-aside journal that is not taken yet.
fn orphan_name(path: &Path) -> PathBuf {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut n = 0;
    loop {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        if n == 0 {
            name.push(format!(".{stamp}.orphan"));
        } else {
            name.push(format!(".{stamp}-{n}.orphan"));
        }
        let dest = path.with_file_name(name);
        if dest.symlink_metadata().is_err() {
            return dest;
        }
        n += 1;
    }
}

/// Delete a journal (after a save made it redundant). Missing is fine.
pub fn remove(path: &Path) -> Result<(), IoError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(IoError::Write {
            path: path.to_path_buf(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header {
            gloss_journal: 1,
            project: "p.ron".into(),
            base: content_hash(b"base"),
        }
    }

    #[test]
    fn entries_round_trip_and_torn_tail_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron.journal");
        let mut j = Journal::create(&path, &header()).unwrap();
        j.append(&vec![1, 2]).unwrap();
        j.append(&vec![3]).unwrap();
        drop(j);
        let c = read::<Vec<u32>>(&path).unwrap().unwrap();
        assert_eq!(c.header, header());
        assert_eq!(c.entries, vec![vec![1, 2], vec![3]]);
        assert!(!c.torn_tail);

        // A crash halfway through writing a line.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"[4, 5").unwrap();
        let c = read::<Vec<u32>>(&path).unwrap().unwrap();
        assert_eq!(c.entries.len(), 2);
        assert!(c.torn_tail);
    }

    #[test]
    fn damage_in_the_middle_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron.journal");
        let head = serde_json::to_string(&header()).unwrap();
        std::fs::write(&path, format!("{head}\n[1]\nxx\n[2]\n")).unwrap();
        let err = read::<Vec<u32>>(&path).unwrap_err().to_string();
        assert!(err.contains("p.ron.journal:3"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_append_is_cut_back_or_stops_all_later_appends() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron.journal");
        let mut j = Journal::create(&path, &header()).unwrap();
        j.append(&vec![1]).unwrap();
        // A write that fails part-way (a full disk) and cannot be cut back: /dev/full takes no
        // byte and cannot be truncated. Nothing more is appended after it.
        let good = std::fs::read(&path).unwrap();
        j.file = OpenOptions::new().write(true).open("/dev/full").unwrap();
        assert!(j.append(&vec![2]).is_err());
        assert!(j.is_broken());
        let err = j.append(&vec![3]).unwrap_err().to_string();
        assert!(err.contains("nothing more is journaled"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), good);

        // A half line left by a failed write is cut back before the next entry.
        let mut j = Journal::open_append(&path, 1).unwrap();
        let len = j.len;
        j.file.write_all(b"[2, 2").unwrap();
        j.file.set_len(len).unwrap();
        j.append(&vec![4]).unwrap();
        let c = read::<Vec<u32>>(&path).unwrap().unwrap();
        assert_eq!(c.entries, vec![vec![1], vec![4]]);
        assert!(!c.torn_tail);
    }

    #[cfg(unix)]
    #[test]
    fn a_journal_that_is_a_link_or_a_fifo_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        let path = dir.path().join("p.ron.journal");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        let err = read::<u32>(&path).unwrap_err().to_string();
        assert!(err.contains("symbolic link"), "{err}");
        let err = Journal::open_append(&path, 0).unwrap_err().to_string();
        assert!(err.contains("symbolic link"), "{err}");
        // Rewriting replaces the link itself, never its target.
        Journal::create(&path, &header()).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        let fifo = dir.path().join("f.journal");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let err = read::<u32>(&fifo).unwrap_err().to_string();
        assert!(err.contains("FIFO"), "{err}");
    }

    #[test]
    fn missing_journal_is_none_and_paths_are_beside_the_project() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read::<u32>(&dir.path().join("none")).unwrap().is_none());
        assert_eq!(
            path_for(Path::new("/a/b.ron")),
            PathBuf::from("/a/b.ron.journal")
        );
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
    }
}
