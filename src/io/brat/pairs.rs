//! The files of a brat import: `.ann` and `.txt` pairs named or found in folders, read as UTF-8.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::*;
use crate::io::IoError;

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `.ann` and `.txt` files under `dir`, in name order, each once (see [`files::Walker`]: through
/// links but never round a loop); what cannot be taken is named among the problems.
pub(super) fn walk(dir: &Path, anns: &mut Vec<PathBuf>, texts: &mut Vec<PathBuf>) -> Vec<IoError> {
    use crate::io::files;
    let mut walker = files::Walker::new();
    walker.folder(dir, &files::has_extension(&["ann", "txt"]));
    let found = walker.finish();
    for p in found.files {
        let ann = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ann"));
        if ann {
            anns.push(p);
        } else {
            texts.push(p);
        }
    }
    found.problems
}

impl Reader {
    /// The (`.ann`, `.txt`) pairs `paths` name, in order, each once.
    pub(super) fn find_pairs(&mut self, paths: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
        let mut pairs = Vec::new();
        let mut seen = HashSet::new();
        for path in paths {
            if path.is_dir() {
                let mut anns = Vec::new();
                let mut texts = Vec::new();
                let problems = walk(path, &mut anns, &mut texts);
                self.errors.extend(problems);
                let ann_set: HashSet<PathBuf> = anns.iter().cloned().collect();
                for t in texts {
                    if !ann_set.contains(&t.with_extension("ann")) {
                        self.out.notices.push(format!(
                            "{}: no {} beside it; not imported",
                            t.display(),
                            file_name(&t.with_extension("ann"))
                        ));
                    }
                }
                for ann in anns {
                    let txt = ann.with_extension("txt");
                    if !txt.is_file() {
                        self.errors.push(IoError::Other {
                            path: ann.clone(),
                            message: format!(
                                "no {} beside it; brat keeps the text in a .txt of the same name",
                                file_name(&txt)
                            ),
                        });
                    } else if seen.insert(ann.clone()) {
                        pairs.push((ann, txt));
                    }
                }
                continue;
            }
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let (ann, txt) = match ext.as_str() {
                "ann" => (path.clone(), path.with_extension("txt")),
                "txt" => (path.with_extension("ann"), path.clone()),
                _ => {
                    let message = if path.exists() {
                        "not a brat file: name a NAME.ann, a NAME.txt or a folder"
                    } else {
                        "no such file or folder"
                    };
                    self.errors.push(IoError::Other {
                        path: path.clone(),
                        message: message.into(),
                    });
                    continue;
                }
            };
            for p in [&txt, &ann] {
                if !p.is_file() {
                    self.errors.push(IoError::Other {
                        path: p.clone(),
                        message: "not found; brat needs NAME.txt and NAME.ann side by side".into(),
                    });
                }
            }
            if txt.is_file() && ann.is_file() && seen.insert(ann.clone()) {
                pairs.push((ann, txt));
            }
        }
        pairs
    }

    /// The text of `txt` exactly, and the `.ann` source (a byte-order mark dropped).
    pub(super) fn read_pair(&mut self, ann: &Path, txt: &Path) -> Option<(String, String)> {
        let text = self.read_utf8(txt)?;
        let source = self.read_utf8(ann)?;
        let source = source
            .strip_prefix('\u{feff}')
            .unwrap_or(&source)
            .to_string();
        Some((text, source))
    }

    pub(super) fn read_utf8(&mut self, path: &Path) -> Option<String> {
        use crate::io::files::{self, Links};
        let bytes = match files::read_regular(path, Links::Follow, files::TEXT_CAP) {
            Ok(b) => b,
            Err(e) => {
                self.errors.push(e);
                return None;
            }
        };
        match String::from_utf8(bytes) {
            Ok(s) => Some(s),
            Err(e) => {
                let bytes = e.as_bytes();
                self.errors
                    .push(IoError::not_utf8(path, bytes, e.utf8_error()));
                None
            }
        }
    }
}
