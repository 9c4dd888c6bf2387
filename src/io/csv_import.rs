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
//! All or nothing, like the other interchange imports: a missing column (the message lists the
//! header's columns), a row with more cells than the header, or a cell that is not UTF-8 fails
//! the import with file and line. A row whose text is empty is reported as skipped.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use super::IoError;
use super::interchange::{self, Builder, Import, Place, Rejected};
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
    let mut b = Builder::new(project, FORMAT);
    let files = interchange::collect_files(paths, &["csv", "tsv"], &mut b.errors);
    for path in files {
        if b.errors.len() >= MAX_ERRORS {
            break;
        }
        match File::open(&path) {
            Ok(f) => read_one(
                &mut b,
                &path,
                BufReader::with_capacity(SNIFF_BYTES, f),
                options,
            ),
            Err(source) => b.errors.push(IoError::Read {
                path: path.clone(),
                source,
            }),
        }
    }
    b.finish()
}

/// Read CSV already in memory; `path` names it in messages (and its extension says TSV).
pub fn read_str(
    path: &Path,
    source: &str,
    project: &Project,
    options: &Options,
) -> Result<Import, Rejected> {
    let mut b = Builder::new(project, FORMAT);
    read_one(&mut b, path, source.as_bytes(), options);
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

/// The line a csv error is on (1 when it has none).
fn line_of(e: &csv::Error) -> usize {
    e.position().map_or(1, |p| p.line() as usize)
}

fn read_one<R: BufRead>(b: &mut Builder, path: &Path, mut input: R, options: &Options) {
    let head = match input.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(source) => {
            b.errors.push(IoError::Read {
                path: path.to_path_buf(),
                source,
            });
            return;
        }
    };
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&head);
    let delimiter = delimiter_for(path, head, options);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(input);
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let h = if i == 0 {
                    h.strip_prefix('\u{feff}').unwrap_or(h)
                } else {
                    h
                };
                h.to_string()
            })
            .collect(),
        Err(e) => {
            b.error(path, Place::Line(line_of(&e)), format!("header: {e}"));
            return;
        }
    };
    if headers.iter().all(|h| h.trim().is_empty()) {
        b.error(
            path,
            Place::Line(1),
            "no header row; the first row must name the columns",
        );
        return;
    }
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
            return;
        }
    };
    let keys: Vec<String> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| match h.trim() {
            "" => format!("column {}", i + 1),
            k => k.to_string(),
        })
        .collect();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "untitled".into());
    let mut record = csv::StringRecord::new();
    let mut row = 0usize;
    loop {
        if b.errors.len() >= MAX_ERRORS {
            b.error(
                path,
                Place::Line(line_of_record(&record)),
                format!("stopped after {MAX_ERRORS} errors"),
            );
            return;
        }
        match reader.read_record(&mut record) {
            Ok(false) => return,
            Ok(true) => {}
            Err(e) => {
                row += 1;
                let message = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => format!(
                        "row {row} is not UTF-8 text; save the file as UTF-8 and import it again"
                    ),
                    csv::ErrorKind::Io(io) => format!("cannot read: {io}"),
                    _ => e.to_string(),
                };
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                b.error(path, Place::Line(line_of(&e)), message);
                if fatal {
                    return;
                }
                continue;
            }
        }
        row += 1;
        let line = line_of_record(&record);
        if record.len() > headers.len() {
            b.error(
                path,
                Place::Line(line),
                format!(
                    "row {row} has {} cells but the header has {} columns (a separator inside an unquoted cell?)",
                    record.len(),
                    headers.len()
                ),
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

fn line_of_record(record: &csv::StringRecord) -> usize {
    record.position().map_or(1, |p| p.line() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn opts(text: &str, name: Option<&str>) -> Options {
        Options {
            text_column: Some(text.into()),
            name_column: name.map(Into::into),
            delimiter: None,
        }
    }

    fn errors(r: Result<Import, Rejected>) -> Vec<String> {
        match r {
            Ok(_) => panic!("the import should fail"),
            Err(r) => r.errors.iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn columns_become_text_name_and_meta() {
        let src = "\u{feff}id,outlet,date,url,text\r\n\
                   art-1,Daily Planet,2025-03-01,https://example.org/1,\"Merkel met Macron.\r\n\r\n\u{201c}We agree,\u{201d} she said.\"\r\n\
                   art-2,\"The Sun, Inc.\",2025-03-02,,\"Boris said \"\"no deal\"\".\"\r\n";
        let i = read_str(
            Path::new("news.csv"),
            src,
            &Project::new("t"),
            &opts("text", Some("id")),
        )
        .unwrap();
        assert!(i.skipped.is_empty(), "{:?}", i.skipped);
        let d = &i.documents;
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].name, "art-1");
        assert_eq!(
            &*d[0].text,
            "Merkel met Macron.\r\n\r\n\u{201c}We agree,\u{201d} she said."
        );
        assert_eq!(d[1].name, "art-2");
        assert_eq!(&*d[1].text, "Boris said \"no deal\".");
        assert_eq!(d[1].meta["outlet"], "The Sun, Inc.");
        assert_eq!(d[1].meta["date"], "2025-03-02");
        // The empty url cell is no value; id and text are not metadata.
        assert_eq!(d[1].meta.len(), 2);
        assert_eq!(d[0].meta["url"], "https://example.org/1");
        assert_eq!(d[0].source.as_deref(), Some("news.csv"));
    }

    #[test]
    fn semicolons_and_tabs_are_sniffed_and_tsv_is_tab() {
        let p = Project::new("t");
        let semi = "Titel;Text;Ressort\nA;Ein Satz, mit Komma.;Politik\n";
        let i = read_str(Path::new("a.csv"), semi, &p, &Options::default()).unwrap();
        assert_eq!(&*i.documents[0].text, "Ein Satz, mit Komma.");
        assert_eq!(i.documents[0].name, "a-1");
        assert_eq!(i.documents[0].meta["Titel"], "A");
        let tab = "body\tsection\nOne; two, three.\tworld\n";
        let i = read_str(Path::new("b.txt"), tab, &p, &Options::default()).unwrap();
        assert_eq!(&*i.documents[0].text, "One; two, three.");
        // A .tsv file is tab-separated whatever its header says.
        let tsv = "text\tnote\nA, b; c\tx, y\n";
        let i = read_str(Path::new("c.tsv"), tsv, &p, &Options::default()).unwrap();
        assert_eq!(i.documents[0].meta["note"], "x, y");
        // An explicit separator wins.
        let o = Options {
            delimiter: Some(b'|'),
            ..Options::default()
        };
        let i = read_str(Path::new("d.csv"), "TEXT|a,b\nhello|1,2\n", &p, &o).unwrap();
        assert_eq!(&*i.documents[0].text, "hello");
        assert_eq!(i.documents[0].meta["a,b"], "1,2");
    }

    #[test]
    fn a_missing_column_lists_the_headers_and_empty_texts_are_skipped() {
        let p = Project::new("t");
        let src = "id,body\n1,x\n";
        let errs = errors(read_str(Path::new("n.csv"), src, &p, &opts("text", None)));
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(
            errs[0].contains("n.csv:1:1: no column \"text\" for the text; the header's columns are \"id\", \"body\""),
            "{errs:?}"
        );
        let errs = errors(read_str(
            Path::new("n.csv"),
            "id,title\n1,x\n",
            &p,
            &Options::default(),
        ));
        assert!(errs[0].contains("--text-column"), "{errs:?}");
        let errs = errors(read_str(
            Path::new("n.csv"),
            src,
            &p,
            &opts("body", Some("slug")),
        ));
        assert!(
            errs[0].contains("no column \"slug\" for the names"),
            "{errs:?}"
        );
        let src = "id,text\n1,first\n2,\n3,\"  \"\n4,\"two\nlines\"\n5,a,b\n";
        let errs = errors(read_str(Path::new("n.csv"), src, &p, &opts("text", None)));
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].contains("n.csv:7:1: row 5 has 3 cells"), "{errs:?}");
        let src = "id,text\n1,first\n2,\n3,\"  \"\n4,\"two\nlines\"\n";
        let i = read_str(Path::new("n.csv"), src, &p, &opts("text", Some("id"))).unwrap();
        let names: Vec<_> = i.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["1", "4"]);
        let skipped: Vec<String> = i.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(
            skipped,
            [
                "n.csv:3: row 2: the text column \"text\" is empty; not imported",
                "n.csv:4: row 3: the text column \"text\" is empty; not imported"
            ]
        );
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.csv");
        std::fs::write(&path, b"text,x\nok,1\nbad \xff,2\n").unwrap();
        let errs = errors(read_paths(&[path], &Project::new("t"), &Options::default()));
        assert!(
            errs[0].contains("bad.csv:3:1: row 2 is not UTF-8"),
            "{errs:?}"
        );
    }

    #[test]
    fn thousands_of_rows_stream_from_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        let mut f = std::io::BufWriter::new(File::create(&path).unwrap());
        writeln!(f, "id;outlet;text").unwrap();
        let n = 5000;
        for i in 0..n {
            writeln!(
                f,
                "a{i};Outlet {};\"Row {i} says \"\"hi\"\";\nand goes on, 👀.\"",
                i % 7
            )
            .unwrap();
        }
        drop(f);
        let i = read_paths(
            &[dir.path().to_path_buf()],
            &Project::new("t"),
            &opts("text", Some("id")),
        )
        .unwrap();
        assert_eq!(i.documents.len(), n);
        let last = &i.documents[n - 1];
        assert_eq!(last.name, format!("a{}", n - 1));
        assert_eq!(
            &*last.text,
            format!("Row {} says \"hi\";\nand goes on, 👀.", n - 1)
        );
        assert_eq!(last.meta["outlet"], format!("Outlet {}", (n - 1) % 7));
        let ids: std::collections::HashSet<_> = i.documents.iter().map(|d| d.id).collect();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn a_row_already_in_the_project_is_not_added_twice() {
        let p = Project::new("t");
        let src = "id,text\n1,same\n1,same\n";
        let i = read_str(Path::new("n.csv"), src, &p, &opts("text", Some("id"))).unwrap();
        assert_eq!(i.documents.len(), 1);
        assert_eq!(i.notices.len(), 1);
    }
}
