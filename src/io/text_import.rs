//! Plain-text import: files and folders become documents, one per file.
//!
//! A document's text is the file's text exactly (line ends included), so offsets computed by
//! other tools on the same file still match. A UTF-8 byte-order mark is dropped; UTF-16 with a
//! byte-order mark is decoded. Files that are not text (invalid UTF-8, half a UTF-16 code
//! unit, a NUL byte anywhere) or hold nothing but white space are reported by name and skipped,
//! whatever their encoding: the rest of the batch still comes in.
//!
//! Saved web pages (`.html`, `.htm`, or any file with [`Kind::Html`]) come in through the same
//! path: decoded by the same rules, then reduced to the article's text and metadata by
//! [`super::html_import`]. A page with no article text is skipped and named.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::IoError;
use super::files::{self, Links};

/// One file read as text, ready to become a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextFile {
    /// The file name without extension: the document's name.
    pub name: String,
    pub path: PathBuf,
    pub text: String,
    /// Something the user should know about the conversion (e.g. "decoded from UTF-16").
    pub note: Option<String>,
    /// The document's metadata (title, byline, date… of a web page; empty for plain text).
    pub meta: BTreeMap<String, String>,
}

/// How the files of an import are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// By extension: `.html` and `.htm` as web pages, everything else as plain text; folders
    /// are walked for `.txt`, `.html` and `.htm` files.
    #[default]
    Auto,
    /// Every file as a web page; folders are walked for `.html` and `.htm` files.
    Html,
}

impl Kind {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Kind::Auto => &["txt", "html", "htm"],
            Kind::Html => &["html", "htm"],
        }
    }
}

/// Whether a path names a web page by its extension.
pub fn is_html(path: &Path) -> bool {
    files::has_extension(&["html", "htm"])(path)
}

/// What a batch import found: the texts to add, and each file skipped with the reason.
#[derive(Debug, Default)]
pub struct Batch {
    pub files: Vec<TextFile>,
    pub skipped: Vec<IoError>,
}

/// Read every text file named in `paths`; folders are walked for `*.txt` (and web pages) in
/// name order.
pub fn read_paths(paths: &[PathBuf]) -> Batch {
    read_paths_with(paths, |_, _| true).unwrap_or_default()
}

/// [`read_paths`] read as `kind`.
pub fn read_paths_as(paths: &[PathBuf], kind: Kind) -> Batch {
    read_paths_with_as(paths, kind, |_, _| true).unwrap_or_default()
}

/// The files `paths` name: files as given, folders walked for `*.txt` in name order (see
/// [`files::Walker`]: each file once, through links but never round a loop). What cannot be
/// taken (a folder that cannot be read, a FIFO, a device, a broken link) is reported by name.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IoError>) {
    collect_as(paths, Kind::Auto)
}

/// [`collect`] for files read as `kind`.
pub fn collect_as(paths: &[PathBuf], kind: Kind) -> (Vec<PathBuf>, Vec<IoError>) {
    let found = files::collect(paths, &files::has_extension(kind.extensions()));
    (found.files, found.problems)
}

/// `read_paths`, telling `progress(done, total)` after each file; it returns false to cancel,
/// and then nothing is returned.
pub fn read_paths_with(
    paths: &[PathBuf],
    progress: impl FnMut(usize, usize) -> bool,
) -> Option<Batch> {
    read_paths_with_as(paths, Kind::Auto, progress)
}

/// [`read_paths_with`] read as `kind`.
pub fn read_paths_with_as(
    paths: &[PathBuf],
    kind: Kind,
    mut progress: impl FnMut(usize, usize) -> bool,
) -> Option<Batch> {
    let (found, skipped) = collect_as(paths, kind);
    let mut batch = Batch {
        files: Vec::with_capacity(found.len()),
        skipped,
    };
    let total = found.len();
    for (i, file) in found.iter().enumerate() {
        let read = if kind == Kind::Html || is_html(file) {
            read_html_file(file)
        } else {
            read_text_file(file)
        };
        match read {
            Ok(t) => batch.files.push(t),
            Err(e) => batch.skipped.push(e),
        }
        if !progress(i + 1, total) {
            return None;
        }
    }
    Some(batch)
}

/// Read one file as text, or say why it is not text. Only a regular file is read (a FIFO or a
/// device is refused without blocking), and none larger than [`files::TEXT_CAP`].
pub fn read_text_file(path: &Path) -> Result<TextFile, IoError> {
    let bytes = files::read_regular(path, Links::Follow, files::TEXT_CAP)?;
    let (text, note) = decode(path, &bytes)?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "untitled".into());
    Ok(TextFile {
        name,
        path: path.to_path_buf(),
        text,
        note,
        meta: BTreeMap::new(),
    })
}

/// Read one saved web page: its article text and metadata (see [`super::html_import`]). The
/// same checks as [`read_text_file`] hold for the file and its bytes, except that a page that
/// is not UTF-8 but declares windows-1252 or ISO-8859-1 is decoded as such; a page with no
/// article text is refused.
pub fn read_html_file(path: &Path) -> Result<TextFile, IoError> {
    let bytes = files::read_regular(path, Links::Follow, files::TEXT_CAP)?;
    let (html, note) = match decode(path, &bytes) {
        Ok(decoded) => decoded,
        // Older pages declare a Western single-byte charset rather than UTF-8.
        Err(IoError::NotUtf8 { .. }) if super::html_import::declares_windows_1252(&bytes) => (
            super::html_import::decode_windows_1252(&bytes),
            Some("decoded from windows-1252 (the page's declared charset)".to_string()),
        ),
        Err(e) => return Err(e),
    };
    let page = super::html_import::extract(&html);
    if page.text.trim().is_empty() {
        return Err(IoError::Other {
            path: path.to_path_buf(),
            message: "a web page with no article text found; nothing to import".into(),
        });
    }
    Ok(TextFile {
        name: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "untitled".into()),
        path: path.to_path_buf(),
        text: page.text,
        note,
        meta: page.meta,
    })
}

/// Bytes to text by the rules in the module doc. `path` names the file in errors.
///
/// The same checks hold whatever the encoding: a file with a NUL byte anywhere is binary, and
/// one with no text, or only white space, has nothing to import. UTF-16 must come in whole
/// code units; a file cut in the middle of one is refused rather than padded.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<(String, Option<String>), IoError> {
    let other = |message: &str| IoError::Other {
        path: path.to_path_buf(),
        message: message.to_string(),
    };
    if bytes.is_empty() {
        return Err(other("empty file; nothing to import"));
    }
    let (text, note) = match utf16_units(bytes) {
        Some(Utf16::Units(units)) => {
            let text = String::from_utf16(&units).map_err(|_| {
                other("starts with a UTF-16 byte-order mark but is not valid UTF-16")
            })?;
            if text.contains('\0') {
                return Err(IoError::Binary {
                    path: path.to_path_buf(),
                });
            }
            (text, Some("decoded from UTF-16".to_string()))
        }
        Some(Utf16::OddLength) => {
            return Err(other(
                "UTF-16 text that ends in half a character (an odd number of bytes: cut short?); skipped",
            ));
        }
        None => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            // A NUL anywhere, not only near the start: a preallocated or half-written file
            // has a text head and zeros after it.
            if body.contains(&0) {
                return Err(IoError::Binary {
                    path: path.to_path_buf(),
                });
            }
            let text = std::str::from_utf8(body).map_err(|e| IoError::not_utf8(path, body, e))?;
            (text.to_string(), None)
        }
    };
    if text.is_empty() {
        return Err(other("empty file; nothing to import"));
    }
    if text.trim().is_empty() {
        return Err(other("holds only white space; nothing to import"));
    }
    Ok((text, note))
}

/// What a UTF-16 byte-order mark at the start of a file leads to.
enum Utf16 {
    /// The code units after the mark.
    Units(Vec<u16>),
    /// An odd number of bytes after the mark: the last code unit is cut in half.
    OddLength,
}

/// UTF-16 code units if the bytes start with a UTF-16 byte-order mark.
fn utf16_units(bytes: &[u8]) -> Option<Utf16> {
    let (le, body) = match bytes {
        [0xFF, 0xFE, body @ ..] => (true, body),
        [0xFE, 0xFF, body @ ..] => (false, body),
        _ => return None,
    };
    if body.len() % 2 != 0 {
        return Some(Utf16::OddLength);
    }
    Some(Utf16::Units(
        body.chunks_exact(2)
            .map(|c| {
                let pair = [c[0], c[1]];
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn bom_is_dropped_and_crlf_kept() {
        let (t, note) = decode(Path::new("a.txt"), b"\xEF\xBB\xBFHi\r\nthere").unwrap();
        assert_eq!(t, "Hi\r\nthere");
        assert_eq!(note, None);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Zoë 👋".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let (t, note) = decode(Path::new("a.txt"), &bytes).unwrap();
        assert_eq!(t, "Zoë 👋");
        assert!(note.is_some());
    }

    #[test]
    fn bad_files_are_named_and_explained() {
        let e = decode(Path::new("x/bad.txt"), b"ok\nstill ok\n\xff\xfe\xfd").unwrap_err();
        assert!(e.to_string().starts_with("x/bad.txt:3: not UTF-8"), "{e}");
        let e = decode(Path::new("img.txt"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap_err();
        assert!(matches!(e, IoError::Binary { .. }), "{e}");
        let e = decode(Path::new("empty.txt"), b"").unwrap_err();
        assert!(e.to_string().contains("empty.txt: empty file"), "{e}");
    }

    #[test]
    fn utf16_is_held_to_the_same_rules_as_utf8() {
        // fuzz/artifacts/text_decode/crash-d62636d8…: a byte-order mark and nothing else came
        // in as an empty document.
        let e = decode(Path::new("bom.txt"), &[0xFF, 0xFE]).unwrap_err();
        assert_eq!(e.to_string(), "bom.txt: empty file; nothing to import");
        let e = decode(Path::new("be.txt"), &[0xFE, 0xFF, 0, b' ', 0, b'\n']).unwrap_err();
        assert!(e.to_string().contains("only white space"), "{e}");
        let e = decode(Path::new("nul.txt"), &[0xFF, 0xFE, b'A', 0, 0, 0]).unwrap_err();
        assert!(matches!(e, IoError::Binary { .. }), "{e}");
        let e = decode(Path::new("cut.txt"), &[0xFF, 0xFE, b'A', 0, b'B']).unwrap_err();
        assert!(e.to_string().starts_with("cut.txt: UTF-16"), "{e}");
    }

    #[test]
    fn a_nul_byte_far_into_a_file_makes_it_binary() {
        let mut bytes = b"text ".repeat(10_000);
        bytes.push(0);
        let e = decode(Path::new("late.txt"), &bytes).unwrap_err();
        assert!(matches!(e, IoError::Binary { .. }), "{e}");
    }

    #[test]
    fn folders_are_walked_in_order_and_bad_files_skipped() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "b.txt", b"Second.");
        write(dir.path(), "a.txt", b"First.");
        write(dir.path(), "sub/c.TXT", b"Third.");
        write(dir.path(), "notes.md", b"ignored: not .txt");
        write(dir.path(), "z.txt", b"\xff\xff");
        let batch = read_paths(&[dir.path().to_path_buf()]);
        let names: Vec<_> = batch.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert_eq!(batch.skipped.len(), 1);
        assert!(batch.skipped[0].to_string().contains("z.txt"));
    }

    #[cfg(unix)]
    #[test]
    fn links_fifos_and_devices_are_read_once_or_named_never_waited_on() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "a.txt", b"First.");
        write(root, "sub/b.txt", b"Second.");
        symlink(".", root.join("self")).unwrap();
        symlink("..", root.join("sub/up")).unwrap();
        symlink("/dev/zero", root.join("r.txt")).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(root.join("f.txt"))
            .status();
        assert!(made.unwrap().success());
        let batch = read_paths(&[root.to_path_buf(), root.join("f.txt")]);
        let names: Vec<_> = batch.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        let skipped: Vec<String> = batch.skipped.iter().map(|e| e.to_string()).collect();
        assert_eq!(skipped.len(), 3, "{skipped:?}");
        assert!(skipped[0].contains("f.txt: is a named pipe"), "{skipped:?}");
        assert!(skipped[1].contains("r.txt: is a device"), "{skipped:?}");
        assert!(skipped[2].contains("f.txt: is a named pipe"), "{skipped:?}");
    }
}
