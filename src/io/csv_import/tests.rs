//! Tests of the CSV/TSV reader: separators, quoting, BOMs, line numbers, metadata columns.

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
        errs[0].contains(
            "n.csv:1:1: no column \"text\" for the text; the header's columns are \"id\", \"body\""
        ),
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
fn lines_are_counted_right_with_windows_line_ends_and_blank_lines() {
    let p = Project::new("t");
    let src = "id,text\r\n1,first\r\n2,\r\n\r\n3,\"two\r\nlines\"\r\n4,\r\n5,a,b\r\n";
    let errs = errors(read_str(Path::new("w.csv"), src, &p, &opts("text", None)));
    assert!(errs[0].contains("w.csv:8:1: row 5 has 3 cells"), "{errs:?}");
    let src = "id,text\r\n1,first\r\n2,\r\n\r\n3,\"two\r\nlines\"\r\n4,\r\n";
    let i = read_str(Path::new("w.csv"), src, &p, &opts("text", None)).unwrap();
    let skipped: Vec<String> = i.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(
        skipped,
        [
            "w.csv:3: row 2: the text column \"text\" is empty; not imported",
            "w.csv:7: row 4: the text column \"text\" is empty; not imported"
        ]
    );
    assert_eq!(&*i.documents[1].text, "two\r\nlines");
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

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_preview_shows_the_first_rows_and_guesses_the_separator_and_text_column() {
    let dir = tempfile::tempdir().unwrap();
    let src = "\u{feff}\"id\";outlet;body\r\n\
               a1;Daily Planet;\"Merkel met Macron;\r\nthey agreed.\"\r\n\
               a2;The Sun;Short.\r\n\
               a3;Le Monde;Third.\r\n";
    let path = write(&dir, "news.csv", src.as_bytes());
    let p = preview(&path, None, 2).unwrap();
    assert_eq!(p.delimiter, b';');
    assert_eq!(p.headers, ["id", "outlet", "body"], "the BOM is dropped");
    assert_eq!(p.rows.len(), 2);
    assert_eq!(p.rows[0][2], "Merkel met Macron;\r\nthey agreed.");
    assert_eq!(p.rows[1], ["a2", "The Sun", "Short."]);
    assert!(p.more, "a third row follows");
    assert_eq!(p.text_column, 2, "called body");
    assert!(p.text_column_named());
    // All rows, nothing more; a separator asked for wins over the guess.
    let p = preview(&path, None, 8).unwrap();
    assert_eq!((p.rows.len(), p.more), (3, false));
    let p = preview(&path, Some(b','), 8).unwrap();
    assert_eq!(p.delimiter, b',');
    assert_eq!(p.headers.len(), 1);
}

#[test]
fn without_a_text_name_the_longest_column_is_guessed_and_long_cells_are_cut() {
    let dir = tempfile::tempdir().unwrap();
    let long = "word ".repeat(PREVIEW_CELL_CHARS);
    let src = format!("slug\ttitle\tstory\tdate\nx\tA title\t{long}\t2025\ny\tB\tshort\t2024\n");
    let path = write(&dir, "gdelt.tsv", src.as_bytes());
    let p = preview(&path, None, 8).unwrap();
    assert_eq!(p.delimiter, b'\t');
    assert_eq!(p.text_column, 2);
    assert!(!p.text_column_named());
    let cell = &p.rows[0][2];
    assert_eq!(cell.chars().count(), PREVIEW_CELL_CHARS + 1);
    assert!(cell.ends_with('…'));
    assert_eq!(meta_key(1, " title "), "title");
    assert_eq!(meta_key(4, ""), "column 5");
}

#[test]
fn a_preview_of_a_broken_file_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(&dir, "bad.csv", b"text,x\nok,1\nbad \xff,2\n");
    let e = preview(&bad, None, 8).unwrap_err().to_string();
    assert!(e.contains("bad.csv:3:1: row 2 is not UTF-8"), "{e}");
    let wide = write(&dir, "wide.csv", b"text,x\nok,1\nno,2,3\n");
    let e = preview(&wide, None, 8).unwrap_err().to_string();
    assert!(e.contains("wide.csv:3:1: row 2 has 3 cells"), "{e}");
    // Windows line ends count the same.
    let crlf = write(
        &dir,
        "crlf.csv",
        b"text,x\r\nok,1\r\n\"two\r\nlines\",1\r\nno,2,3\r\n",
    );
    let e = preview(&crlf, None, 8).unwrap_err().to_string();
    assert!(e.contains("crlf.csv:5:1: row 3 has 3 cells"), "{e}");
    let binary = write(&dir, "photo.csv", b"\x89PNG\r\n\x1a\n\x00\xff\xfe");
    let e = preview(&binary, None, 8).unwrap_err().to_string();
    assert!(
        e.contains("photo.csv:1:1") && e.contains("not UTF-8"),
        "{e}"
    );
    let empty = write(&dir, "empty.csv", b"");
    let e = preview(&empty, None, 8).unwrap_err().to_string();
    assert!(e.contains("empty.csv:1:1: no header row"), "{e}");
    let e = preview(&dir.path().join("missing.csv"), None, 8)
        .unwrap_err()
        .to_string();
    assert!(e.contains("missing.csv: cannot read"), "{e}");
}

#[test]
fn a_preview_reads_a_bounded_start_of_an_unclosed_quote() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("open.csv");
    let mut f = std::io::BufWriter::new(File::create(&path).unwrap());
    write!(f, "id,text\n1,\"never closed ").unwrap();
    for _ in 0..(2 * PREVIEW_BYTES / 64) {
        f.write_all(&[b'x'; 64]).unwrap();
    }
    drop(f);
    let p = preview(&path, None, 8).unwrap();
    assert_eq!(p.rows.len(), 1);
    assert!(p.rows[0][1].ends_with('…'));
}

#[test]
fn progress_counts_bytes_and_rows_and_a_cancel_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut src = String::from("id,text\n");
    for i in 0..1000 {
        src.push_str(&format!("{i},\"Row {i}\nof text.\"\n"));
    }
    let path = write(&dir, "rows.csv", src.as_bytes());
    let p = Project::new("t");
    let mut seen = Vec::new();
    let i = read_paths_with(std::slice::from_ref(&path), &p, &Options::default(), |r| {
        seen.push(r);
        true
    })
    .unwrap();
    assert_eq!(i.documents.len(), 1000);
    let last = seen.last().copied().unwrap_or_default();
    assert_eq!(last.total, src.len() as u64);
    assert_eq!((last.bytes, last.rows), (src.len() as u64, 1000));
    assert!(seen.len() > 3, "reported along the way: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0].bytes <= w[1].bytes));
    // Stopping half way imports nothing.
    let errs = errors(read_paths_with(&[path], &p, &Options::default(), |r| {
        r.rows < 500
    }));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].contains("cancelled"), "{errs:?}");
}
