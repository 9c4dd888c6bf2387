//! The errors of the file layer, each a single line for the user naming the file.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum IoError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot write: {source} (the previous file, if any, is untouched)")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: written by a newer Gloss (schema {found}; this build reads up to {supported}); update Gloss to open it"
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path}: {}", problems.join("; "))]
    Invalid {
        path: PathBuf,
        problems: Vec<String>,
    },
    #[error(
        "{path}:{line}: not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 and try again"
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        offset: usize,
    },
    /// A project file that is not even text: a photo, an archive, a file saved in another
    /// encoding.
    #[error(
        "{path}:{line}: not a valid Gloss project file (not UTF-8 text: invalid byte at offset {offset})"
    )]
    NotAProject {
        path: PathBuf,
        line: usize,
        offset: usize,
    },
    #[error("{path}: looks like a binary file, not text; skipped")]
    Binary { path: PathBuf },
    #[error("{path}: {message}")]
    Other { path: PathBuf, message: String },
}

impl IoError {
    /// The error for bytes that are not UTF-8, naming the line of the first bad byte.
    pub fn not_utf8(path: &std::path::Path, bytes: &[u8], e: std::str::Utf8Error) -> Self {
        let offset = e.valid_up_to();
        let line = 1 + bytes[..offset].iter().filter(|b| **b == b'\n').count();
        IoError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            offset,
        }
    }

    /// The error for a project file whose bytes are not UTF-8: not a project at all, which
    /// converting it would not change.
    pub fn not_a_project(path: &std::path::Path, bytes: &[u8], e: std::str::Utf8Error) -> Self {
        match Self::not_utf8(path, bytes, e) {
            IoError::NotUtf8 { path, line, offset } => IoError::NotAProject { path, line, offset },
            other => other,
        }
    }

    pub fn path(&self) -> &std::path::Path {
        match self {
            IoError::Read { path, .. }
            | IoError::Write { path, .. }
            | IoError::Parse { path, .. }
            | IoError::NewerSchema { path, .. }
            | IoError::Invalid { path, .. }
            | IoError::NotUtf8 { path, .. }
            | IoError::NotAProject { path, .. }
            | IoError::Binary { path }
            | IoError::Other { path, .. } => path,
        }
    }
}
