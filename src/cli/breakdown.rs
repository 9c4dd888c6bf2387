//! `gloss stats`' tables of categories and attributes: documents per category value, and quotes
//! per value of their speaker's attributes and their own (`app::breakdown`), over the project
//! and, for each speaker attribute, per document.

use crate::app::breakdown::{self, Breakdown, UNKNOWN};
use crate::model::Project;

fn percent(n: usize, total: usize) -> String {
    if total == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * n as f64 / total as f64)
    }
}

/// One table: value, count, share.
fn breakdown_rows(what: &str, b: &Breakdown) -> Vec<Vec<String>> {
    let total = b.total();
    let mut rows = vec![vec![format!("{what} {}", b.name), "n".into(), "%".into()]];
    for (v, n) in &b.values {
        rows.push(vec![format!("  {v}"), n.to_string(), percent(*n, total)]);
    }
    rows.push(vec![
        format!("  {UNKNOWN}"),
        b.unknown.to_string(),
        percent(b.unknown, total),
    ]);
    rows
}

/// The tables, each preceded by a blank line; empty when the project codes nothing.
pub fn tables(project: &Project, table: impl Fn(&[Vec<String>], &[bool]) -> String) -> String {
    let mut out = String::new();
    let docs = &project.documents;
    for b in breakdown::documents_by_category(project, docs) {
        out.push('\n');
        out.push_str(&table(
            &breakdown_rows("documents by", &b),
            &[false, true, true],
        ));
    }
    for b in breakdown::quotes_by_attribute(project, docs) {
        out.push('\n');
        out.push_str(&table(
            &breakdown_rows("quotes by", &b),
            &[false, true, true],
        ));
        let Some(name) = b.name.strip_prefix("speaker ") else {
            continue;
        };
        if docs.is_empty() {
            continue;
        }
        let mut header = vec!["document".to_string()];
        header.extend(b.values.iter().map(|(v, _)| v.clone()));
        header.push(UNKNOWN.into());
        let mut rows = vec![header];
        for (doc, counts, unknown) in breakdown::quotes_by_speaker_per_document(project, &b, name) {
            let mut row = vec![doc];
            row.extend(counts.iter().map(usize::to_string));
            row.push(unknown.to_string());
            rows.push(row);
        }
        let mut right = vec![true; rows[0].len()];
        right[0] = false;
        out.push_str(&format!("\nquotes by speaker {name}, per document\n"));
        out.push_str(&table(&rows, &right));
    }
    out
}
