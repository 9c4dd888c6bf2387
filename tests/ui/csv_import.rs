//! File › Import › CSV / TSV: the dialog previews the first rows, the columns are chosen in
//! it, and the import runs with a progress bar; Esc, Cancel and a broken file import nothing.

use std::path::{Path, PathBuf};

use egui::{Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gloss::app::dialogs::ScriptedDialogs;
use gloss::ui::Workbench;

use crate::support::*;

/// A `;`-separated export with a byte-order mark and a text broken over two lines.
const NEWS: &str = "\u{feff}slug;outlet;text;full\r\n\
    a1;Daily Planet;Floods in Cologne;\"Rain fell for days in Cologne.\r\nThe Rhine rose, officials said.\"\r\n\
    a2;\"The Sun; Ltd\";Rail strike;Workers walked out and trains stopped across the north.\r\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The app on the test project, its file dialog answering `files` in turn, with the CSV
/// import dialog open on the first.
fn dialog_on_each(files: &[&Path]) -> (tempfile::TempDir, Harness<'static, Workbench>) {
    let dialogs = ScriptedDialogs::new();
    for file in files {
        dialogs.answer(vec![file.to_path_buf()]);
    }
    let (dir, path) = project_file();
    let mut h = harness_for(Some(&path), dialogs);
    open_dialog(&mut h);
    (dir, h)
}

fn dialog_on(file: &Path) -> (tempfile::TempDir, Harness<'static, Workbench>) {
    dialog_on_each(&[file])
}

/// File › Import › CSV / TSV, and the file dialog's answer previewed.
fn open_dialog(h: &mut Harness<'_, Workbench>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import").click();
    h.run();
    h.get_by_label("CSV / TSV (one article per row)").click();
    h.run();
    h.get_by_label("Import CSV / TSV");
}

fn choose(h: &mut Harness<'_, Workbench>, combo: &str, item: &str) {
    h.get_by_label(combo).click();
    h.run();
    h.get_by_role_and_label(Role::Button, item).click();
    h.run();
}

fn value(h: &Harness<'_, Workbench>, combo: &str) -> String {
    h.get_by_label(combo).value().unwrap_or_default()
}

#[test]
fn the_preview_picks_columns_and_the_import_keeps_the_rest_as_metadata() {
    let files = tempfile::tempdir().unwrap();
    let csv = write(files.path(), "news.csv", NEWS.as_bytes());
    let (_d, mut h) = dialog_on(&csv);

    // The first rows, split on the `;` found, the BOM gone from the first header.
    h.get_by_label("slug");
    h.get_by_label("Daily Planet");
    h.get_by_label("The Sun; Ltd");
    // The quoted line break is one cell, on one line, cut short; the whole text on hover.
    assert!(h.query_by_label_contains("Rain fell for days").is_some());
    assert!(value(&h, "Separator").contains("semicolon"));
    // The text column is guessed by its name; documents are named by row until told.
    assert_eq!(value(&h, "Text column"), "text");
    assert_eq!(value(&h, "Name column"), "(row number)");
    h.get_by_label("Metadata from the other columns: slug, outlet, full.");

    choose(&mut h, "Text column", "full");
    choose(&mut h, "Name column", "slug");
    assert_eq!(value(&h, "Text column"), "full");
    assert_eq!(value(&h, "Name column"), "slug");
    h.get_by_label("Metadata from the other columns: outlet, text.");

    // Enter imports; the dialog closes once the documents are in.
    h.key_press(Key::Enter);
    h.run();
    wait_for_job(&mut h);
    assert!(h.query_by_label("Import CSV / TSV").is_none());
    let status = h.state().status().unwrap_or_default().to_string();
    assert!(status.starts_with("added 2 documents"), "{status}");
    let project = &h.state().session.project;
    assert_eq!(project.documents.len(), 4);
    let a1 = project.documents.iter().find(|d| d.name == "a1").unwrap();
    assert_eq!(
        &*a1.text,
        "Rain fell for days in Cologne.\r\nThe Rhine rose, officials said."
    );
    assert_eq!(a1.meta["outlet"], "Daily Planet");
    assert_eq!(a1.meta["text"], "Floods in Cologne");
    assert_eq!(a1.meta.len(), 2);
    let a2 = project.documents.iter().find(|d| d.name == "a2").unwrap();
    assert_eq!(a2.meta["outlet"], "The Sun; Ltd");
    // The first new document is open, and the import is one undo step.
    assert_eq!(h.state().editing.doc, Some(a1.id));
    key_mod(&mut h, egui::Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().session.project.documents.len(), 2);
}

#[test]
fn esc_cancels_with_nothing_imported_and_a_new_separator_splits_again() {
    let files = tempfile::tempdir().unwrap();
    let csv = write(files.path(), "news.csv", NEWS.as_bytes());
    let (_d, mut h) = dialog_on(&csv);
    // Split on commas the header is one column and a row has two cells: the dialog says
    // where, and will not import.
    choose(&mut h, "Separator", "Comma ,");
    assert!(h.query_by_label("Daily Planet").is_none());
    assert!(
        h.query_by_label_contains("news.csv:3:1: row 2 has 2 cells but the header has 1")
            .is_some()
    );
    assert!(h.get_by_label("Import").accesskit_node().is_disabled());
    choose(&mut h, "Separator", "Semicolon ;");
    h.get_by_label("Daily Planet");

    key(&mut h, Key::Escape);
    assert!(h.query_by_label("Import CSV / TSV").is_none());
    assert!(!h.state().job_running());
    assert_eq!(h.state().session.project.documents.len(), 2);
    assert!(!h.state().session.is_dirty());
}

#[test]
fn a_broken_file_shows_its_error_in_the_dialog_and_imports_nothing() {
    let files = tempfile::tempdir().unwrap();
    // Not UTF-8 on line 3: the preview itself cannot be read.
    let bad = write(files.path(), "bad.csv", b"text;x\nok;1\nbad \xff;2\n");
    let (_d, mut h) = dialog_on(&bad);
    assert!(
        h.query_by_label_contains("bad.csv:3:1: row 2 is not UTF-8")
            .is_some()
    );
    assert!(h.get_by_label("Import").accesskit_node().is_disabled());
    key(&mut h, Key::Enter);
    assert!(!h.state().job_running());
    key(&mut h, Key::Escape);
    assert!(h.query_by_label("Import CSV / TSV").is_none());
    assert_eq!(h.state().session.project.documents.len(), 2);

    // Broken past the rows shown: the import finds it, says where, and the dialog stays.
    let mut late = String::from("id;text\n");
    for i in 1..=20 {
        late.push_str(&format!("{i};Row {i}.\n"));
    }
    late.push_str("21;Row 21.;extra\n");
    let late = write(files.path(), "late.csv", late.as_bytes());
    let (_d, mut h) = dialog_on(&late);
    h.get_by_label("Import").click();
    h.run();
    wait_for_job(&mut h);
    h.get_by_label("Import CSV / TSV");
    h.get_by_label("Nothing imported: 1 error");
    assert!(
        h.query_by_label_contains("late.csv:22:1: row 21 has 3 cells")
            .is_some()
    );
    assert_eq!(h.state().session.project.documents.len(), 2);
    assert!(!h.state().session.is_dirty());
}

/// `rows` rows of news in the shape of a scraper's export, with quoted line breaks.
fn news_rows(path: &Path, rows: usize) {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(f, "id,outlet,date,text").unwrap();
    for i in 0..rows {
        writeln!(
            f,
            "n{i},Outlet {},2025-01-{:02},\"Report {i}: the council met, and \"\"agreed\"\".\nMore follows on a second line of the article.\"",
            i % 9,
            1 + i % 28
        )
        .unwrap();
    }
}

#[test]
fn a_big_file_shows_how_far_it_has_read_and_cancel_imports_nothing() {
    let files = tempfile::tempdir().unwrap();
    let big = files.path().join("big.csv");
    news_rows(&big, 100_000);
    let mid = files.path().join("mid.csv");
    news_rows(&mid, 20_000);
    let (_d, mut h) = dialog_on_each(&[&big, &mid]);
    h.get_by_label("The first 8 rows; more follow.");
    h.get_by_label("Import").click();
    // The dialog waits with a bar counting the file's megabytes.
    let mut seen = None;
    for _ in 0..200 {
        h.step();
        if let Some(bar) = h.query_all_by_label_contains("importing csv: ").next() {
            let text = bar.accesskit_node().label().unwrap_or_default();
            if text.contains(" MB") && !text.starts_with("importing csv: 0.0") {
                seen = Some(text);
                break;
            }
        }
    }
    let seen = seen.expect("a progress bar in megabytes");
    assert!(seen.ends_with(" MB"), "{seen}");
    assert!(h.state().job_running(), "still reading: {seen}");
    // Esc (or Cancel) stops it.
    key(&mut h, Key::Escape);
    assert!(h.query_by_label("Import CSV / TSV").is_none());
    wait_for_job(&mut h);
    let status = h.state().status().unwrap_or_default().to_string();
    assert_eq!(status, "import cancelled: nothing was added");
    assert_eq!(h.state().session.project.documents.len(), 2);
    assert!(!h.state().session.is_dirty());

    // Another, left to the status bar: every row arrives, in one step.
    open_dialog(&mut h);
    h.get_by_label("Import").click();
    // The dialog's progress bar keeps repainting while the import runs.
    h.run_steps(2);
    let before = h.get_by_label("In background").rect();
    h.run_steps(2);
    assert_eq!(
        h.get_by_label("In background").rect(),
        before,
        "the buttons stay put"
    );
    h.get_by_label("In background").click();
    h.run_steps(2);
    assert!(h.query_by_label("Import CSV / TSV").is_none());
    wait_for_job(&mut h);
    let status = h.state().status().unwrap_or_default().to_string();
    assert!(status.starts_with("added 20000 documents"), "{status}");
    let project = &h.state().session.project;
    assert_eq!(project.documents.len(), 20_002);
    let last = project.documents.last().unwrap();
    assert_eq!(last.name, "mid-20000");
    assert_eq!(last.meta["id"], "n19999");
    assert_eq!(last.meta["date"], "2025-01-08");
    assert_eq!(
        &*last.text,
        "Report 19999: the council met, and \"agreed\".\nMore follows on a second line of the article."
    );
}
