//! File names for exports that write a file (or a pair) per document, made from document names:
//! the one place every folder export (brat, spaCy, CoNLL, Citron, doccano, Label Studio, Prodigy,
//! and `gloss export --per-document` in any format) gets its names from.
//!
//! A name is made safe, cut to fit, and made unique, in that order:
//! - **Safe.** Characters some file system refuses or reads as a separator (`/ \ : * ? " < > |`
//!   and control characters) become `_`; white space and dots are trimmed from the ends (no
//!   hidden files, nothing Windows would trim); Windows' device names (`CON`, `NUL`, `COM1`, …)
//!   get a `_`; a name with nothing left is "untitled".
//! - **Short enough.** At most [`MAX_CHARS`] characters, and at most [`MAX_FILE_NAME`] (223)
//!   bytes of UTF-8 *with the extension*: ext4, XFS, Btrfs and APFS take 255 bytes (NTFS 255
//!   UTF-16 units, never more than the UTF-8 bytes), and the temporary file `write_atomic`
//!   writes beside the real one (`.NAME.XXXXXX.gloss-tmp`, 18 bytes longer) must fit too. 100
//!   CJK characters are 300 bytes and 100 emoji 400, so the byte limit is the one that bites.
//!   A name is cut between grapheme clusters (an emoji with its modifiers stays whole), or
//!   between characters when one cluster alone is too long, never inside one.
//! - **Unique**, ignoring case (a folder may be copied to a file system that ignores case):
//!   the second of two equal names gets `-2`, the third `-3`, …; a name cut to fit is cut further
//!   so that its suffix fits too.
//!
//! Each document whose file name differs from its name is reported as [`Renamed`] (its name and
//! the file it went to) — a rename, not something left out of the export.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use unicode_segmentation::UnicodeSegmentation;

use super::IoError;
use super::interchange::ExportReport;
use crate::model::Document;

/// The longest file name an export writes, in bytes of UTF-8 with the extension: 255 (what
/// file systems take) less 32 bytes of room for `write_atomic`'s temporary name, which adds 18
/// (`.` before, `.XXXXXX.gloss-tmp` after).
pub const MAX_FILE_NAME: usize = 255 - 32;

/// The most characters of a document name a file name keeps, so a listing stays readable.
pub const MAX_CHARS: usize = 100;

/// Characters that are not allowed, or mean something else, in a file name somewhere.
const UNSAFE: &str = "/\\:*?\"<>|";

/// A document written under a file name other than its own name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renamed {
    /// The document's name.
    pub document: String,
    /// The file (or, for brat, files) it was written to, without the folder.
    pub file: String,
}

impl fmt::Display for Renamed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} → {}", self.document, self.file)
    }
}

/// File names for a list of documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileNames {
    /// One stem (the file name without extension) per document, in order.
    pub stems: Vec<String>,
    /// The documents whose stem differs from their name.
    pub renamed: Vec<Renamed>,
}

/// A file stem for each of `names` (see the module doc). `extensions` (without the dot) are
/// every extension a document's files get — brat writes `.txt` and `.ann` — and the longest
/// decides how much room the stem has. Extensions are Gloss's own, a few ASCII letters.
pub fn file_stems<'a>(names: impl IntoIterator<Item = &'a str>, extensions: &[&str]) -> FileNames {
    let room = room_for_stem(extensions);
    let mut used: HashSet<String> = HashSet::new();
    let mut out = FileNames::default();
    for name in names {
        let base = safe_stem(name, room);
        let mut stem = base.clone();
        let mut k = 2;
        while !used.insert(stem.to_lowercase()) {
            let suffix = format!("-{k}");
            let cut = trim_end(cut_to_bytes(&base, room.saturating_sub(suffix.len())));
            stem = format!("{cut}{suffix}");
            k += 1;
        }
        if stem != name {
            out.renamed.push(Renamed {
                document: name.to_string(),
                file: file_list(&stem, extensions),
            });
        }
        out.stems.push(stem);
    }
    out
}

/// Bytes a stem may take when its files get `extensions`.
fn room_for_stem(extensions: &[&str]) -> usize {
    let longest = extensions
        .iter()
        .map(|e| if e.is_empty() { 0 } else { e.len() + 1 })
        .max()
        .unwrap_or(0);
    MAX_FILE_NAME.saturating_sub(longest)
}

/// "a.txt and a.ann", or "a.jsonl", or "a".
fn file_list(stem: &str, extensions: &[&str]) -> String {
    let files: Vec<String> = extensions.iter().map(|e| file_name(stem, e)).collect();
    if files.is_empty() {
        stem.to_string()
    } else {
        files.join(" and ")
    }
}

/// `stem.extension`, or `stem` when the extension is empty.
pub fn file_name(stem: &str, extension: &str) -> String {
    if extension.is_empty() {
        stem.to_string()
    } else {
        format!("{stem}.{extension}")
    }
}

/// `name` made safe and cut to at most `room` bytes (not yet unique).
fn safe_stem(name: &str, room: usize) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || UNSAFE.contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c.is_whitespace() || c == '.');
    let by_chars: String = trimmed.chars().take(MAX_CHARS).collect();
    let mut s = trim_end(cut_to_bytes(&by_chars, room)).to_string();
    if s.is_empty() {
        return "untitled".into();
    }
    let device = s.split('.').next().unwrap_or_default().to_ascii_uppercase();
    let reserved = matches!(device.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((device.starts_with("COM") || device.starts_with("LPT"))
            && device.len() == 4
            && device.as_bytes()[3].is_ascii_digit());
    if reserved {
        if s.len() >= room {
            s = trim_end(cut_to_bytes(&s, room.saturating_sub(1))).to_string();
        }
        s.push('_');
    }
    s
}

/// White space and dots off the end (Windows drops them, and a cut may leave them).
fn trim_end(s: &str) -> &str {
    s.trim_end_matches(|c: char| c.is_whitespace() || c == '.')
}

/// The longest start of `s` of at most `max` bytes that ends between grapheme clusters, or,
/// when the first cluster alone is longer, between characters.
pub fn cut_to_bytes(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = 0;
    for (i, g) in s.grapheme_indices(true) {
        if i + g.len() > max {
            break;
        }
        end = i + g.len();
    }
    if end == 0 {
        end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
    }
    &s[..end]
}

/// What [`write_each`] wrote.
#[derive(Debug, Default)]
pub struct Written {
    /// The files written, in document order.
    pub files: Vec<PathBuf>,
    /// The renderers' reports, merged.
    pub report: ExportReport,
    /// Documents written under another name.
    pub renamed: Vec<Renamed>,
}

/// Write each document to its own file `dir/STEM.extension` (the folder created if missing,
/// each file replaced atomically), named by [`file_stems`]; `render` writes one document.
pub fn write_each<'a>(
    docs: impl IntoIterator<Item = &'a Document>,
    dir: &Path,
    extension: &str,
    render: impl FnMut(&'a Document, &mut Vec<u8>) -> std::io::Result<ExportReport>,
) -> Result<Written, IoError> {
    write_each_while(docs, dir, extension, || true, render)
}

/// As [`write_each`], asking `go_on` before each document and stopping when it says no (an
/// export the user cancelled): the files written so far stay, each of them whole.
pub fn write_each_while<'a>(
    docs: impl IntoIterator<Item = &'a Document>,
    dir: &Path,
    extension: &str,
    mut go_on: impl FnMut() -> bool,
    mut render: impl FnMut(&'a Document, &mut Vec<u8>) -> std::io::Result<ExportReport>,
) -> Result<Written, IoError> {
    let docs: Vec<&Document> = docs.into_iter().collect();
    std::fs::create_dir_all(dir).map_err(|source| IoError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let names = file_stems(docs.iter().map(|d| d.name.as_str()), &[extension]);
    let mut written = Written {
        renamed: names.renamed,
        ..Written::default()
    };
    for (doc, stem) in docs.into_iter().zip(&names.stems) {
        if !go_on() {
            break;
        }
        let path = dir.join(file_name(stem, extension));
        let mut bytes = Vec::new();
        let report = render(doc, &mut bytes).map_err(|source| IoError::Write {
            path: path.clone(),
            source,
        })?;
        super::write_atomic(&path, &bytes)?;
        written.report.merge(report);
        written.files.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn stems(names: &[&str], ext: &[&str]) -> FileNames {
        file_stems(names.iter().copied(), ext)
    }

    fn longest_file(stem: &str, ext: &[&str]) -> usize {
        ext.iter()
            .map(|e| file_name(stem, e).len())
            .max()
            .unwrap_or(stem.len())
    }

    #[test]
    fn names_are_safe_and_unique_ignoring_case() {
        let names = [
            "a/b",
            "A_b",
            "  .hidden. ",
            "",
            "CON",
            "com1.txt",
            "x\ny",
            "ok",
        ];
        let f = stems(&names, &["txt", "ann"]);
        assert_eq!(
            f.stems,
            [
                "a_b",
                "A_b-2",
                "hidden",
                "untitled",
                "CON_",
                "com1.txt_",
                "x_y",
                "ok"
            ]
        );
        assert_eq!(f.renamed.len(), 7);
        assert_eq!(
            f.renamed[0],
            Renamed {
                document: "a/b".into(),
                file: "a_b.txt and a_b.ann".into()
            }
        );
        assert_eq!(f.renamed[0].to_string(), "\"a/b\" → a_b.txt and a_b.ann");
    }

    #[test]
    fn a_hundred_cjk_characters_are_cut_by_bytes_with_the_extension() {
        let name = "東".repeat(100);
        let f = stems(&[&name], &["jsonl"]);
        let file = file_name(&f.stems[0], "jsonl");
        assert!(file.len() <= MAX_FILE_NAME, "{} bytes", file.len());
        assert!(file.len() > MAX_FILE_NAME - 3, "cut no further than needed");
        assert!(file.ends_with(".jsonl"));
        assert!(name.starts_with(&f.stems[0]));
        assert_eq!(f.renamed.len(), 1);
        assert_eq!(f.renamed[0].file, file);
    }

    #[test]
    fn a_hundred_and_twenty_emoji_are_cut_between_emoji() {
        // Each a family: four people joined by zero-width joiners, 25 bytes, one cluster.
        let family = "👩\u{200d}👩\u{200d}👧\u{200d}👦";
        let name = family.repeat(120);
        let f = stems(&[&name], &["txt", "ann"]);
        let stem = &f.stems[0];
        assert!(longest_file(stem, &["txt", "ann"]) <= MAX_FILE_NAME);
        assert_eq!(stem.len() % family.len(), 0, "no family cut in half");
        assert!(!stem.is_empty());
        // Plain emoji: 4 bytes each.
        let f = stems(&[&"😀".repeat(120)], &["csv"]);
        assert!(file_name(&f.stems[0], "csv").len() <= MAX_FILE_NAME);
        assert!(f.stems[0].chars().all(|c| c == '😀'));
    }

    #[test]
    fn names_equal_once_cut_get_suffixes_that_fit() {
        let a = format!("{}甲", "東".repeat(99));
        let b = format!("{}乙", "東".repeat(99));
        let c = "東".repeat(100).to_uppercase();
        let f = stems(&[&a, &b, &c], &["jsonl"]);
        assert_eq!(f.stems.len(), 3);
        let unique: HashSet<String> = f.stems.iter().map(|s| s.to_lowercase()).collect();
        assert_eq!(unique.len(), 3, "{:?}", f.stems);
        assert!(f.stems[1].ends_with("-2") && f.stems[2].ends_with("-3"));
        for s in &f.stems {
            assert!(file_name(s, "jsonl").len() <= MAX_FILE_NAME);
        }
    }

    #[test]
    fn one_cluster_longer_than_the_room_is_cut_between_characters() {
        let name = format!("e{}", "\u{301}".repeat(200));
        let f = stems(&[&name], &["conll"]);
        assert!(file_name(&f.stems[0], "conll").len() <= MAX_FILE_NAME);
        assert!(f.stems[0].starts_with('e'));
    }

    #[test]
    fn the_longest_name_can_be_written_atomically() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["東".repeat(100), "😀".repeat(120), "a".repeat(400)] {
            let d = Document::new(crate::model::DocId(1), name, "text");
            let w = write_each([&d], dir.path(), "spacy", |_, buf| {
                buf.extend_from_slice(b"x");
                Ok(ExportReport::default())
            })
            .unwrap();
            assert_eq!(std::fs::read(&w.files[0]).unwrap(), b"x");
            assert_eq!(w.renamed.len(), 1);
        }
    }

    proptest! {
        #[test]
        fn stems_fit_are_unique_and_keep_their_extension(
            names in proptest::collection::vec(
                prop_oneof![
                    "[a-zA-Z ./]{0,300}",
                    "[東京😀👩\u{200d}\u{301}e. ]{0,150}",
                    Just("東".repeat(100)),
                    Just("😀".repeat(120)),
                ],
                1..12,
            ),
            ext in prop_oneof![Just(vec!["jsonl"]), Just(vec!["txt", "ann"]), Just(vec!["csv"])],
        ) {
            let f = file_stems(names.iter().map(String::as_str), &ext);
            prop_assert_eq!(f.stems.len(), names.len());
            let mut seen = HashSet::new();
            for s in &f.stems {
                prop_assert!(!s.is_empty());
                prop_assert!(longest_file(s, &ext) <= MAX_FILE_NAME, "{} bytes", s.len());
                prop_assert!(longest_file(s, &ext) <= 255);
                prop_assert!(seen.insert(s.to_lowercase()), "{:?} twice", s);
                for e in &ext {
                    let file = file_name(s, e);
                    let dotted = format!(".{e}");
                    prop_assert!(file.ends_with(&dotted));
                }
            }
            let renamed = names.iter().zip(&f.stems).filter(|(n, s)| n != s).count();
            prop_assert_eq!(renamed, f.renamed.len());
        }
    }
}
