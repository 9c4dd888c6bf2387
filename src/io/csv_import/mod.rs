//! CSV and TSV import: one document per row, the shape of Media Cloud, GDELT, newspaper-archive
//! and scraper exports.
//!
//! The first row is the header. One column holds the article's text (`--text-column`; without
//! it a column called `text`, `body`, `content` or `article`), another may name the document
//! (`--name-column`; without it rows are named `FILE-ROW`, ROW counting data rows from 1), and
//! every other column becomes the document's metadata (empty cells are no value). Column names
//! match exactly, else ignoring case and surrounding spaces.
//!
//! Rows are streamed with the `csv` crate, so files of any length work: fields may be quoted and
//! hold separators, doubled quotes and newlines; a UTF-8 byte-order mark is dropped. The
//! separator is the one given, else a tab for `.tsv` files, else whichever of `,` `;` and tab
//! the header line uses most (outside quotes). Texts are kept exactly as the cells hold them.
//!
//! Big files report how far they have read ([`read_paths_with`]: bytes of the files' size,
//! and rows) and stop when asked, importing nothing. [`preview`] reads only a file's first
//! rows (a few megabytes at most) so the window can show them and guess the text column
//! before anything is imported.
//!
//! All or nothing, like the other interchange imports: a missing column (the message lists the
//! header's columns), a row with more cells than the header, or a cell that is not UTF-8 fails
//! the import with file and line. A row whose text is empty is reported as skipped.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use super::IoError;
use super::interchange::{self, Import, ImportBuilder, Place, Rejected, error_at};
use super::meta::Meta;
use crate::model::Project;

/// The format's name in `Origin::Imported` and in messages.
pub const FORMAT: &str = "csv";

/// Columns tried, in order, for the text when none is named.
const TEXT_COLUMNS: [&str; 4] = ["text", "body", "content", "article"];

/// More errors than this in one import stop it; the rest would be more of the same.
const MAX_ERRORS: usize = 100;

/// How much of a file's start the separator is guessed from.
const SNIFF_BYTES: usize = 64 * 1024;

/// The choices a CSV import needs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The column holding each document's text; `None` looks for `text`, `body`, `content` or
    /// `article`.
    pub text_column: Option<String>,
    /// The column naming each document; `None` names rows `FILE-ROW`.
    pub name_column: Option<String>,
    /// The field separator; `None` guesses it (a tab for `.tsv`, else from the header line).
    pub delimiter: Option<u8>,
}

/// Read the CSV or TSV files `paths` name (folders are walked for `.csv` and `.tsv`) for
/// adding to `project`. Either everything comes back, or `Rejected` lists every error.
pub fn read_paths(
    paths: &[PathBuf],
    project: &Project,
    options: &Options,
) -> Result<Import, Rejected> {
    read_paths_with(paths, project, options, |_| true)
}

/// The CSV and TSV files `paths` name, folders walked, as an import would read them (a path
/// that is not there is left out: the import names it).
pub fn files(paths: &[PathBuf]) -> Vec<PathBuf> {
    interchange::collect_files(paths, &["csv", "tsv"], &mut Vec::new())
}

/// Read CSV already in memory; `path` names it in messages (and its extension says TSV).
pub fn read_str(
    path: &Path,
    source: &str,
    project: &Project,
    options: &Options,
) -> Result<Import, Rejected> {
    let mut b = ImportBuilder::new(project, FORMAT);
    read_one(&mut b, path, source.as_bytes(), options, &mut |_, _| true);
    b.finish()
}

/// The separator for `path` whose first bytes are `head`.
fn delimiter_for(path: &Path, head: &[u8], options: &Options) -> u8 {
    if let Some(d) = options.delimiter {
        return d;
    }
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
    {
        return b'\t';
    }
    sniff(head)
}

/// The separator the first line of `head` uses most, outside quotes (`,` when none).
fn sniff(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &c in head {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3).fold(0, |best, i| if counts[i] > counts[best] { i } else { best });
    candidates[best]
}

/// Where header column `wanted` is: an exact match, else the only one equal ignoring case and
/// surrounding spaces.
fn column(headers: &[String], wanted: &str) -> Option<usize> {
    if let Some(i) = headers.iter().position(|h| h == wanted) {
        return Some(i);
    }
    let loose: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| h.trim().eq_ignore_ascii_case(wanted.trim()))
        .map(|(i, _)| i)
        .collect();
    match loose[..] {
        [i] => Some(i),
        _ => None,
    }
}

fn list(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| format!("{h:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the csv reader reads, with its line ends noted, so that a record's line is exact.
///
/// The csv crate gives a record the position where reading it began. After a `\r\n` line end
/// that is before the `\n` (and before any blank lines that follow), so with Windows line ends
/// its line number names the line above. Runs of line-end bytes are noted here as they pass,
/// and a record's line is counted past the run its position falls in. Only the runs since the
/// last record asked about are kept: memory is bounded by the longest record.
struct Lines<R> {
    inner: R,
    /// Bytes read so far.
    read: u64,
    /// `\n` bytes read so far.
    newlines: u64,
    runs: std::collections::VecDeque<Run>,
}

/// A run of `\r` and `\n` bytes: `start..end` in the input.
#[derive(Clone, Copy, Debug)]
struct Run {
    start: u64,
    end: u64,
    /// `\n` bytes before the run, and in it.
    newlines_before: u64,
    newlines_in: u64,
}

impl<R> Lines<R> {
    fn new(inner: R) -> Self {
        Self {
            inner,
            read: 0,
            newlines: 0,
            runs: Default::default(),
        }
    }

    /// The 1-based line of the first byte at or after `offset` that is not a line end.
    /// Offsets asked about only grow (records are read in order).
    fn line_at(&mut self, offset: u64) -> usize {
        while self.runs.front().is_some_and(|r| r.end < offset) {
            self.runs.pop_front();
        }
        let before = match self.runs.front() {
            Some(r) if r.start <= offset => r.newlines_before + r.newlines_in,
            Some(r) => r.newlines_before,
            None => self.newlines,
        };
        usize::try_from(before).map_or(usize::MAX, |n| n + 1)
    }
}

impl<R: std::io::Read> std::io::Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for i in memchr::memchr2_iter(b'\r', b'\n', &buf[..n]) {
            let newline = u64::from(buf[i] == b'\n');
            let at = self.read + i as u64;
            match self.runs.back_mut() {
                Some(r) if r.end == at => {
                    r.end += 1;
                    r.newlines_in += newline;
                }
                _ => self.runs.push_back(Run {
                    start: at,
                    end: at + 1,
                    newlines_before: self.newlines,
                    newlines_in: newline,
                }),
            }
            self.newlines += newline;
        }
        self.read += n as u64;
        Ok(n)
    }
}

/// The line at csv position `pos` (1 when there is none).
fn line_at<R: std::io::Read>(
    reader: &mut csv::Reader<Lines<R>>,
    pos: Option<&csv::Position>,
) -> usize {
    pos.map_or(1, |p| reader.get_mut().line_at(p.byte()))
}

/// An open file: its csv reader, header row and separator.
type Opened<R> = (csv::Reader<Lines<R>>, Vec<String>, u8);

/// A csv reader over `input` (a UTF-8 byte-order mark dropped, the separator as given or
/// guessed from the first bytes), with the header row it read and the separator it uses.
fn open<R: BufRead>(
    path: &Path,
    mut input: R,
    delimiter: Option<u8>,
) -> Result<Opened<R>, IoError> {
    let head = input.fill_buf().map_err(|source| IoError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let bom = head.starts_with(b"\xef\xbb\xbf");
    let head = if bom { &head[3..] } else { head };
    let delimiter = delimiter_for(
        path,
        head,
        &Options {
            delimiter,
            ..Options::default()
        },
    );
    if bom {
        input.consume(3);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(Lines::new(input));
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => {
            return Err(error_at(
                path,
                Place::Line(line_at(&mut reader, e.position())),
                format!("header: {}", row_error(&e, 0).0),
            ));
        }
    };
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(error_at(
            path,
            Place::Line(1),
            "no header row; the first row must name the columns",
        ));
    }
    Ok((reader, headers, delimiter))
}

/// What a row that could not be read says, and whether reading must stop there.
fn row_error(e: &csv::Error, row: usize) -> (String, bool) {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } if row == 0 => (
            "not UTF-8 text; save the file as UTF-8 and import it again".into(),
            false,
        ),
        csv::ErrorKind::Utf8 { .. } => (
            format!("row {row} is not UTF-8 text; save the file as UTF-8 and import it again"),
            false,
        ),
        csv::ErrorKind::Io(io) => (format!("cannot read: {io}"), true),
        _ => (e.to_string(), false),
    }
}

/// The message for a row with more cells than the header has columns.
fn too_many_cells(row: usize, cells: usize, columns: usize) -> String {
    format!(
        "row {row} has {cells} cells but the header has {columns} columns (a separator inside an unquoted cell?)"
    )
}

/// The metadata key of header column `index` (a blank header is "column N").
pub fn meta_key(index: usize, header: &str) -> String {
    match header.trim() {
        "" => format!("column {}", index + 1),
        k => k.to_string(),
    }
}

/// How far an import has read, for a progress bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// Bytes read so far, over all the files.
    pub bytes: u64,
    /// The files' size together, in bytes.
    pub total: u64,
    /// Data rows read so far, over all the files.
    pub rows: usize,
}

/// Progress is reported after this many rows (and at the end of each file).
const REPORT_EVERY: usize = 200;

/// [`read_paths`], telling `on_progress` how far it has read now and then; when it answers
/// `false` the import stops and fails ("cancelled"), so nothing is imported.
pub fn read_paths_with(
    paths: &[PathBuf],
    project: &Project,
    options: &Options,
    mut on_progress: impl FnMut(Reading) -> bool,
) -> Result<Import, Rejected> {
    let mut b = ImportBuilder::new(project, FORMAT);
    let files = interchange::collect_files(paths, &["csv", "tsv"], &mut b.errors);
    let total = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let mut done = Reading {
        total,
        ..Reading::default()
    };
    if !on_progress(done) {
        return cancelled(b, paths.first().map_or(Path::new(""), PathBuf::as_path));
    }
    for path in files {
        if b.errors.len() >= MAX_ERRORS {
            break;
        }
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(source) => {
                b.errors.push(IoError::Read {
                    path: path.clone(),
                    source,
                });
                continue;
            }
        };
        let before = done;
        let input = BufReader::with_capacity(SNIFF_BYTES, file);
        let going = read_one(&mut b, &path, input, options, &mut |bytes, rows| {
            done = Reading {
                bytes: before.bytes + bytes,
                rows: before.rows + rows,
                total,
            };
            on_progress(done)
        });
        if !going {
            return cancelled(b, &path);
        }
    }
    b.finish()
}

/// An import stopped by the user: it fails, so nothing of it is imported.
fn cancelled(mut b: ImportBuilder, path: &Path) -> Result<Import, Rejected> {
    b.errors.push(IoError::Other {
        path: path.to_path_buf(),
        message: "import cancelled; nothing was imported".into(),
    });
    b.finish()
}

/// Read one file's rows into `b`. `progress` hears (bytes, rows) read of this file now and
/// then; false from it stops the reading, and then this returns false.
fn read_one<R: BufRead>(
    b: &mut ImportBuilder,
    path: &Path,
    input: R,
    options: &Options,
    progress: &mut dyn FnMut(u64, usize) -> bool,
) -> bool {
    let (mut reader, headers, _) = match open(path, input, options.delimiter) {
        Ok(r) => r,
        Err(e) => {
            b.errors.push(e);
            return true;
        }
    };
    let text_col = match &options.text_column {
        Some(name) => column(&headers, name).ok_or_else(|| {
            format!(
                "no column {name:?} for the text; the header's columns are {}",
                list(&headers)
            )
        }),
        None => TEXT_COLUMNS
            .iter()
            .find_map(|n| column(&headers, n))
            .ok_or_else(|| {
                format!(
                    "which column holds the text? None is called text, body, content or article; the header's columns are {} (choose one with --text-column)",
                    list(&headers)
                )
            }),
    };
    let name_col = match &options.name_column {
        Some(name) => column(&headers, name).map(Some).ok_or_else(|| {
            format!(
                "no column {name:?} for the names; the header's columns are {}",
                list(&headers)
            )
        }),
        None => Ok(None),
    };
    let (text_col, name_col) = match (text_col, name_col) {
        (Ok(t), Ok(n)) => (t, n),
        (t, n) => {
            for e in [t.err(), n.err()].into_iter().flatten() {
                b.error(path, Place::Line(1), e);
            }
            return true;
        }
    };
    let keys: Vec<String> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| meta_key(i, h))
        .collect();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "untitled".into());
    let mut record = csv::StringRecord::new();
    let mut row = 0usize;
    loop {
        if row.is_multiple_of(REPORT_EVERY) && !progress(reader.position().byte(), row) {
            return false;
        }
        if b.errors.len() >= MAX_ERRORS {
            b.error(
                path,
                Place::Line(line_at(&mut reader, record.position())),
                format!("stopped after {MAX_ERRORS} errors"),
            );
            return true;
        }
        match reader.read_record(&mut record) {
            Ok(false) => return progress(reader.position().byte(), row),
            Ok(true) => {}
            Err(e) => {
                row += 1;
                let (message, fatal) = row_error(&e, row);
                let line = line_at(&mut reader, e.position());
                b.error(path, Place::Line(line), message);
                if fatal {
                    return true;
                }
                continue;
            }
        }
        row += 1;
        let line = line_at(&mut reader, record.position());
        if record.len() > headers.len() {
            b.error(
                path,
                Place::Line(line),
                too_many_cells(row, record.len(), headers.len()),
            );
            continue;
        }
        let text = record.get(text_col).unwrap_or("");
        if text.trim().is_empty() {
            b.skip(
                path,
                Place::Line(line),
                format!(
                    "row {row}: the text column {:?} is empty",
                    headers[text_col]
                ),
            );
            continue;
        }
        let name = name_col
            .and_then(|c| record.get(c))
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map_or_else(|| format!("{stem}-{row}"), str::to_string);
        let meta: Meta = record
            .iter()
            .enumerate()
            .filter(|&(i, v)| i != text_col && Some(i) != name_col && !v.is_empty())
            .map(|(i, v)| (keys[i].clone(), v.to_string()))
            .collect();
        let mut doc = b.document(name, text.to_string(), path);
        doc.meta = meta;
        b.push(doc, path, Place::Line(line));
    }
}

// ------------------------------------------------------------------------------ the preview

/// At most this much of a file is read for a preview, however its rows are shaped (a quote
/// that never closes would otherwise make the first row the whole file).
const PREVIEW_BYTES: u64 = 4 * 1024 * 1024;

/// A previewed cell longer than this many characters is cut, ending in "…".
pub const PREVIEW_CELL_CHARS: usize = 2000;

/// The first rows of a CSV or TSV file, to choose its columns from before importing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// The separator the rows were split on: the one asked for, else the one guessed.
    pub delimiter: u8,
    /// The header row (a byte-order mark dropped).
    pub headers: Vec<String>,
    /// The first data rows, cells as the file has them; a cell longer than
    /// [`PREVIEW_CELL_CHARS`] is cut there and ends in "…". A row may have fewer cells than
    /// the header.
    pub rows: Vec<Vec<String>>,
    /// The column an import without `--text-column` would take (one called text, body,
    /// content or article), else the one with the longest cells in these rows.
    pub text_column: usize,
    /// Whether the file goes on after the rows shown.
    pub more: bool,
}

impl Preview {
    /// Whether column `i` is one an import finds by its name alone.
    pub fn text_column_named(&self) -> bool {
        TEXT_COLUMNS
            .iter()
            .any(|n| column(&self.headers, n) == Some(self.text_column))
    }
}

/// Read the header and up to `rows` data rows of `path` (no more than a few megabytes
/// whatever the file's size), split on `delimiter` or, when `None`, on the separator an import
/// would guess. Fails, naming the file and line, where the import would fail on those rows:
/// no header, text that is not UTF-8, a row with more cells than the header.
pub fn preview(path: &Path, delimiter: Option<u8>, rows: usize) -> Result<Preview, IoError> {
    use std::io::Read as _;
    let file = File::open(path).map_err(|source| IoError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let input = BufReader::with_capacity(SNIFF_BYTES, file.take(PREVIEW_BYTES));
    let (mut reader, headers, delimiter) = open(path, input, delimiter)?;
    let mut lengths = vec![0usize; headers.len()];
    let mut shown = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut more = false;
    while shown.len() <= rows {
        let row = shown.len() + 1;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) if shown.len() == rows => {
                more = true;
                break;
            }
            Ok(true) => {}
            Err(e) => {
                let line = line_at(&mut reader, e.position());
                return Err(error_at(path, Place::Line(line), row_error(&e, row).0));
            }
        }
        if record.len() > headers.len() {
            let line = line_at(&mut reader, record.position());
            let message = too_many_cells(row, record.len(), headers.len());
            return Err(error_at(path, Place::Line(line), message));
        }
        for (i, cell) in record.iter().enumerate() {
            lengths[i] += cell.chars().count();
        }
        shown.push(record.iter().map(cut).collect());
    }
    let text_column = TEXT_COLUMNS
        .iter()
        .find_map(|n| column(&headers, n))
        .unwrap_or_else(|| {
            // The longest cells; the first such column on a tie.
            (0..lengths.len()).fold(
                0,
                |best, i| {
                    if lengths[i] > lengths[best] { i } else { best }
                },
            )
        });
    Ok(Preview {
        delimiter,
        headers,
        rows: shown,
        text_column,
        more,
    })
}

/// A cell as a preview keeps it: whole, or cut at [`PREVIEW_CELL_CHARS`] with "…".
fn cut(cell: &str) -> String {
    match cell.char_indices().nth(PREVIEW_CELL_CHARS) {
        Some((at, _)) => format!("{}…", &cell[..at]),
        None => cell.to_string(),
    }
}

#[cfg(test)]
mod tests;
