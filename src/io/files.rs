//! Reading the files a user or a project names, safely: only regular files are read (a FIFO, a
//! device such as `/dev/zero`, a socket or a folder is refused by name without blocking), each
//! read is capped so an endless or enormous file cannot take all memory, and Gloss's own files
//! (lock, journal) are opened without following symbolic links.
//!
//! Opening uses `O_NONBLOCK`, so a FIFO opens at once instead of waiting for a writer, and the
//! check is made on the opened file (`fstat`), not on the name, so nothing can be swapped in
//! between the check and the read.
//!
//! Folders are walked here too, once for every importer ([`collect`], [`Walker`]): in name
//! order, through symbolic links but never round a loop, each file once however many names
//! lead to it, and every folder or file that could not be taken named while the walk goes on.

use std::collections::HashSet;
use std::fs::{File, Metadata, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::IoError;

/// The most one text file (an article, a book, an interchange file) may hold: 256 MiB.
pub const TEXT_CAP: u64 = 256 * 1024 * 1024;

/// The most one word list may hold: 64 MiB.
pub const LIST_CAP: u64 = 64 * 1024 * 1024;

/// Whether the last component of a path may be a symbolic link that is followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// A user's own file: a link to a regular file is read through.
    Follow,
    /// Gloss's own file (lock, journal): a link is refused, never read or written through.
    Refuse,
}

/// What kind of thing a non-regular file is, for messages.
pub fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else if meta.file_type().is_symlink() {
        "a symbolic link"
    } else if meta.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

/// The error for a path that is a link where Gloss refuses links.
fn link_refused(path: &Path) -> IoError {
    IoError::Other {
        path: path.to_path_buf(),
        message: "is a symbolic link; Gloss does not read or write its own files through links (remove the link)".into(),
    }
}

/// Open `path` with `options`, `O_NONBLOCK` (a FIFO opens at once) and, unless `follow`,
/// `O_NOFOLLOW`; then refuse anything but a regular file, judged on the opened file. `failed`
/// makes the error of a failed open, `odd` the one for a file that is not regular.
fn open_checked(
    path: &Path,
    options: &mut OpenOptions,
    follow: bool,
    failed: impl FnOnce(std::io::Error) -> IoError,
    odd: impl FnOnce(&std::fs::Metadata) -> IoError,
) -> Result<File, IoError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = libc::O_NONBLOCK;
        if !follow {
            flags |= libc::O_NOFOLLOW;
        }
        options.custom_flags(flags);
    }
    #[cfg(not(unix))]
    let _ = follow;
    let file = options.open(path).map_err(failed)?;
    let meta = file.metadata().map_err(|source| IoError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if !meta.is_file() {
        return Err(odd(&meta));
    }
    Ok(file)
}

/// Open `path` for reading if it is a regular file; never blocks on a FIFO.
pub fn open_regular(path: &Path, links: Links) -> Result<File, IoError> {
    let refuse = links == Links::Refuse;
    open_checked(
        path,
        OpenOptions::new().read(true),
        !refuse,
        |source| {
            if refuse && is_link(path) {
                link_refused(path)
            } else {
                IoError::Read {
                    path: path.to_path_buf(),
                    source,
                }
            }
        },
        |meta| not_regular(path, meta),
    )
}

/// Open one of Gloss's own files (its lock, its journal) with `options`, never through a
/// symbolic link (`O_NOFOLLOW`, so nothing is created at a dangling link's target either) and
/// never blocking on a FIFO; anything but a regular file is refused. `what` names the file in
/// messages ("lock", "journal").
pub fn open_own(path: &Path, options: &mut OpenOptions, what: &str) -> Result<File, IoError> {
    open_checked(
        path,
        options,
        false,
        |source| {
            if is_link(path) {
                IoError::Other {
                    path: path.to_path_buf(),
                    message: format!(
                        "is a symbolic link; Gloss never writes its {what} through a link (remove the link and try again)"
                    ),
                }
            } else {
                IoError::Write {
                    path: path.to_path_buf(),
                    source,
                }
            }
        },
        |meta| IoError::Other {
            path: path.to_path_buf(),
            message: format!(
                "is {}, not Gloss's {what} file; remove it and try again",
                kind_of(meta)
            ),
        },
    )
}

/// The error for a path that is there but is not a regular file.
pub fn not_regular(path: &Path, meta: &std::fs::Metadata) -> IoError {
    IoError::Other {
        path: path.to_path_buf(),
        message: format!(
            "is {}, not a regular file; Gloss reads only regular files",
            kind_of(meta)
        ),
    }
}

/// True when `path` itself (not what it points to) is a symbolic link.
pub fn is_link(path: &Path) -> bool {
    path.symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
}

/// Read a regular file whole, refusing one larger than `cap` bytes (even one that grows while
/// it is read).
pub fn read_regular(path: &Path, links: Links, cap: u64) -> Result<Vec<u8>, IoError> {
    let file = open_regular(path, links)?;
    let too_big = |size: u64| IoError::Other {
        path: path.to_path_buf(),
        message: format!(
            "is {}, more than the {} one file may hold; split it and try again",
            human_size(size),
            human_size(cap)
        ),
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > cap {
        return Err(too_big(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| IoError::Read {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > cap {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The files a walk (or a list of names) found, in order, each once, and every path it could
/// not take, named with the reason.
#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<PathBuf>,
    pub problems: Vec<IoError>,
}

/// Which file a path leads to, whatever the name: two names of one file (a link, a link to a
/// folder holding it, a hard link) have the same identity.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn file_id(_path: &Path, meta: &Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path, _meta: &Metadata) -> Option<FileId> {
    std::fs::canonicalize(path).ok()
}

/// Collects files from names and folders, each file once however many ways it is reached.
///
/// Folders are walked in name order, following symbolic links: a link back to a folder being
/// walked (a loop) is not entered, a folder or file already seen through another name is not
/// taken again, and a folder or entry that cannot be read is named among the problems while
/// the walk goes on. Only regular files are collected; a FIFO, device or socket that would
/// have been is named and skipped.
#[derive(Debug, Default)]
pub struct Walker {
    seen_files: HashSet<FileId>,
    seen_dirs: HashSet<FileId>,
    found: Found,
}

impl Walker {
    pub fn new() -> Self {
        Self::default()
    }

    /// Take a file named directly (any name: the folder filter does not apply). A path that is
    /// not there or not a regular file is a problem; a file already taken is not taken again.
    pub fn file(&mut self, path: &Path) {
        match std::fs::metadata(path) {
            Err(source) => self.found.problems.push(IoError::Read {
                path: path.to_path_buf(),
                source,
            }),
            Ok(meta) if !meta.is_file() => self.found.problems.push(not_regular(path, &meta)),
            Ok(meta) => self.take(path.to_path_buf(), &meta),
        }
    }

    /// Walk `dir` for the files `wanted` accepts (it sees each file's path).
    pub fn folder(&mut self, dir: &Path, wanted: &dyn Fn(&Path) -> bool) {
        let mut it = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        // The folder last entered: an error naming it is a failure to list it.
        let mut entered: Option<PathBuf> = None;
        while let Some(next) = it.next() {
            let entry = match next {
                Ok(entry) => entry,
                Err(e) => {
                    if e.loop_ancestor().is_some() {
                        // A link back into the folders being walked: everything behind it is
                        // walked once already.
                        continue;
                    }
                    let path = e.path().unwrap_or(dir).to_path_buf();
                    let folder = entered.as_deref() == Some(path.as_path()) || path.is_dir();
                    self.walk_error(path, folder, e.into_io_error(), wanted);
                    continue;
                }
            };
            let path = entry.path();
            let is_dir = entry.file_type().is_dir();
            if is_dir {
                entered = Some(path.to_path_buf());
            } else if !wanted(path) {
                continue;
            }
            let meta = match entry.metadata() {
                Ok(meta) => meta,
                Err(e) => {
                    if is_dir {
                        it.skip_current_dir();
                    }
                    self.walk_error(path.to_path_buf(), is_dir, e.into_io_error(), wanted);
                    continue;
                }
            };
            if is_dir {
                // A folder reached again through a link: its files are already taken.
                let first = file_id(path, &meta).is_none_or(|id| self.seen_dirs.insert(id));
                if !first {
                    it.skip_current_dir();
                }
            } else if meta.is_file() {
                self.take(path.to_path_buf(), &meta);
            } else {
                self.found.problems.push(not_regular(path, &meta));
            }
        }
    }

    /// Everything taken, and every problem, in the order met.
    pub fn finish(self) -> Found {
        self.found
    }

    fn take(&mut self, path: PathBuf, meta: &Metadata) {
        if file_id(&path, meta).is_none_or(|id| self.seen_files.insert(id)) {
            self.found.files.push(path);
        }
    }

    /// A folder that could not be listed, or an entry that could not be looked at. A broken
    /// entry the filter would not have taken anyway is not worth a word; anything else is
    /// named.
    fn walk_error(
        &mut self,
        path: PathBuf,
        folder: bool,
        source: Option<std::io::Error>,
        wanted: &dyn Fn(&Path) -> bool,
    ) {
        if !folder && !wanted(&path) {
            return;
        }
        let reason = match source {
            Some(io) => io.to_string(),
            None => "cannot be walked".to_string(),
        };
        let message = if folder {
            format!("cannot read this folder: {reason}; the files in it were not imported")
        } else if is_link(&path) && !path.exists() {
            "is a link to nothing (its target is gone); not imported".to_string()
        } else {
            format!("cannot read: {reason}; not imported")
        };
        self.found.problems.push(IoError::Other { path, message });
    }
}

/// The files `paths` name: a folder is walked for the files `wanted` accepts, any other path
/// is taken as named (and must be a regular file). Each file comes once.
pub fn collect(paths: &[PathBuf], wanted: &dyn Fn(&Path) -> bool) -> Found {
    let mut walker = Walker::new();
    for path in paths {
        if path.is_dir() {
            walker.folder(path, wanted);
        } else {
            walker.file(path);
        }
    }
    walker.finish()
}

/// A filter for [`collect`] and [`Walker::folder`]: file names ending in `.EXT` for one of
/// `extensions` (given without the dot), whatever the case.
pub fn has_extension<'a>(extensions: &'a [&'a str]) -> impl Fn(&Path) -> bool + 'a {
    move |path: &Path| {
        path.extension().is_some_and(|e| {
            let e = e.to_string_lossy();
            extensions.iter().any(|x| e.eq_ignore_ascii_case(x))
        })
    }
}

/// Bytes for people: "512 KB", "3.2 MB", "256 MB".
pub fn human_size(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let b = bytes as f64;
    if b >= MB {
        let mb = b / MB;
        if mb >= 10.0 || mb.fract() == 0.0 {
            format!("{mb:.0} MB")
        } else {
            format!("{mb:.1} MB")
        }
    } else {
        format!("{:.0} KB", (b / 1024.0).ceil())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_read_and_caps_hold() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"hello").unwrap();
        assert_eq!(read_regular(&p, Links::Follow, 10).unwrap(), b"hello");
        let err = read_regular(&p, Links::Follow, 3).unwrap_err().to_string();
        assert!(err.contains("a.txt") && err.contains("more than"), "{err}");
        let err = read_regular(dir.path(), Links::Follow, 10)
            .unwrap_err()
            .to_string();
        assert!(err.contains("a folder"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_fifos_and_refused_links_are_named_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_regular(Path::new("/dev/zero"), Links::Follow, TEXT_CAP)
            .unwrap_err()
            .to_string();
        assert!(err.contains("a device"), "{err}");
        let fifo = dir.path().join("f.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        let err = read_regular(&fifo, Links::Follow, TEXT_CAP)
            .unwrap_err()
            .to_string();
        assert!(err.contains("FIFO"), "{err}");

        let target = dir.path().join("t.txt");
        std::fs::write(&target, b"x").unwrap();
        let link = dir.path().join("l.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(read_regular(&link, Links::Follow, 10).unwrap(), b"x");
        let err = read_regular(&link, Links::Refuse, 10)
            .unwrap_err()
            .to_string();
        assert!(err.contains("symbolic link"), "{err}");
    }

    fn names(found: &Found, root: &Path) -> Vec<String> {
        found
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect()
    }

    fn put(dir: &Path, name: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, name).unwrap();
        p
    }

    #[test]
    fn a_walk_is_in_name_order_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.TXT", "sub/c.txt", "notes.md", "z/y.txt"] {
            put(dir.path(), name);
        }
        let found = collect(&[dir.path().to_path_buf()], &has_extension(&["txt"]));
        assert_eq!(
            names(&found, dir.path()),
            ["a.TXT", "b.txt", "sub/c.txt", "z/y.txt"]
        );
        assert!(found.problems.is_empty(), "{:?}", found.problems);
    }

    #[cfg(unix)]
    #[test]
    fn links_loops_and_files_reached_twice_are_walked_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        put(&root, "a.txt");
        put(&root, "sub/b.txt");
        // A self link, a loop back to the top, a second name for a folder and for a file.
        symlink(".", root.join("self")).unwrap();
        symlink("..", root.join("sub/up")).unwrap();
        symlink("sub", root.join("again")).unwrap();
        symlink("a.txt", root.join("also-a.txt")).unwrap();
        let start = std::time::Instant::now();
        let found = collect(
            &[root.clone(), root.join("a.txt")],
            &has_extension(&["txt"]),
        );
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(names(&found, &root), ["a.txt", "again/b.txt"]);
        assert!(found.problems.is_empty(), "{:?}", found.problems);
    }

    #[cfg(unix)]
    #[test]
    fn fifos_devices_and_broken_links_are_named_and_the_walk_goes_on() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        put(root, "a.txt");
        put(root, "z.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(root.join("f.txt"))
            .status();
        assert!(made.unwrap().success());
        symlink("/dev/zero", root.join("r.txt")).unwrap();
        symlink("gone.txt", root.join("broken.txt")).unwrap();
        symlink("gone.md", root.join("broken.md")).unwrap();
        let found = collect(&[root.to_path_buf()], &has_extension(&["txt"]));
        assert_eq!(names(&found, root), ["a.txt", "z.txt"]);
        let problems: Vec<String> = found.problems.iter().map(|e| e.to_string()).collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].contains("broken.txt: is a link to nothing"),
            "{problems:?}"
        );
        assert!(
            problems[1].contains("f.txt: is a named pipe"),
            "{problems:?}"
        );
        assert!(problems[2].contains("r.txt: is a device"), "{problems:?}");

        // Named directly, the same.
        let found = collect(
            &[root.join("f.txt"), root.join("r.txt"), root.join("a.txt")],
            &has_extension(&["txt"]),
        );
        assert_eq!(names(&found, root), ["a.txt"]);
        assert_eq!(found.problems.len(), 2, "{:?}", found.problems);
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_folder_is_named_and_the_walk_goes_on() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        put(root, "a.txt");
        put(root, "locked/b.txt");
        put(root, "z/c.txt");
        let locked = root.join("locked");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads any folder whatever its mode: there is nothing to test then.
        let readable = std::fs::read_dir(&locked).is_ok();
        let found = collect(&[root.to_path_buf()], &has_extension(&["txt"]));
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        if readable {
            assert_eq!(names(&found, root), ["a.txt", "locked/b.txt", "z/c.txt"]);
            return;
        }
        assert_eq!(names(&found, root), ["a.txt", "z/c.txt"]);
        assert_eq!(found.problems.len(), 1, "{:?}", found.problems);
        let message = found.problems[0].to_string();
        assert!(
            message.contains("locked: cannot read this folder") && message.contains("not imported"),
            "{message}"
        );
    }

    /// Folders nested under `dir` deeper than a path may name (4096 bytes), made from inside
    /// so no long path is ever needed; a text file at the bottom.
    #[cfg(unix)]
    fn too_deep(dir: &Path) {
        let name = "d".repeat(200);
        let script = format!(
            "i=0; while [ $i -lt 25 ]; do mkdir {name} && cd {name} || exit 1; i=$((i+1)); done; echo deep > deep.txt"
        );
        let made = std::process::Command::new("bash")
            .args(["-c", &script])
            .current_dir(dir)
            .status();
        assert!(made.unwrap().success());
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_too_deep_to_read_is_named_and_the_walk_goes_on() {
        // A folder that cannot be listed even by root: its path is longer than the system
        // allows. The walk used to stop there, and every file after it was dropped unnamed.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        put(root, "a.txt");
        std::fs::create_dir(root.join("deep")).unwrap();
        too_deep(&root.join("deep"));
        put(root, "z.txt");
        let found = collect(&[root.to_path_buf()], &has_extension(&["txt"]));
        assert_eq!(names(&found, root), ["a.txt", "z.txt"]);
        assert_eq!(found.problems.len(), 1, "{:?}", found.problems);
        let message = found.problems[0].to_string();
        assert!(
            message.contains("cannot read this folder") && message.contains("not imported"),
            "{message}"
        );
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(256 * 1024 * 1024), "256 MB");
        assert_eq!(human_size(1536 * 1024), "1.5 MB");
        assert_eq!(human_size(100), "1 KB");
    }
}
