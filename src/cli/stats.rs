//! `gloss stats`: counts of documents, spans per label, quotes and entities, overall and per
//! document, as aligned tables.

use std::path::Path;
use std::process::ExitCode;

use super::project::open_for_reading;
use super::{CliError, breakdown, emit, engine_table};
use crate::app::gestures;
use crate::model::{Project, Status};

pub(super) fn stats(path: &Path) -> Result<ExitCode, CliError> {
    let project = open_for_reading(path)?;
    emit(&stats_text(&project, path))?;
    Ok(ExitCode::SUCCESS)
}

/// The `stats` report: totals first, then one line per document.
fn stats_text(project: &Project, path: &Path) -> String {
    let (docs, spans, quotes, entities) = project.counts();
    let status_counts: Vec<String> = Status::ALL
        .iter()
        .map(|s| {
            let n = project.documents.iter().filter(|d| d.status == *s).count();
            format!("{} {n}", s.name())
        })
        .collect();
    let per_label = gestures::label_counts(project);

    let mut totals = vec![
        row(["project", &format!("{} ({})", project.name, path.display())]),
        row([
            "documents",
            &format!("{docs} ({})", status_counts.join(", ")),
        ]),
        row(["spans", &spans.to_string()]),
    ];
    // Every label of the set, in key order, so an unused one shows as 0.
    for name in project.labels.names() {
        let n = per_label.get(name).copied().unwrap_or(0);
        totals.push(row([&format!("  {name}"), &n.to_string()]));
    }
    totals.push(row(["quotes", &quotes.to_string()]));
    totals.push(row(["entities", &entities.to_string()]));
    if let Some(line) = crate::app::predictions::stats_line(project) {
        totals.push(row(["suggestions", &line]));
    }
    let mut text = table(&totals, &[false, false]);
    text.push_str(&breakdown::tables(project, table));
    if let Some(engines) = engine_table::engine_precision(project) {
        text.push('\n');
        text.push_str(&engines);
    }

    if !project.documents.is_empty() {
        let mut rows = vec![row(["document", "status", "spans", "quotes"])];
        for d in &project.documents {
            rows.push(row([
                &d.name,
                d.status.name(),
                &d.spans.len().to_string(),
                &d.quotes.len().to_string(),
            ]));
        }
        text.push('\n');
        text.push_str(&table(&rows, &[false, false, true, true]));
    }
    text
}

pub(super) fn row<const N: usize>(cells: [&str; N]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// Cells padded to their column's width, two spaces apart; `right[i]` right-aligns column i.
pub(super) fn table(rows: &[Vec<String>], right: &[bool]) -> String {
    let width = |i: usize| {
        rows.iter()
            .filter_map(|r| r.get(i))
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..right.len()).map(width).collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = widths[i].saturating_sub(cell.chars().count());
            if right.get(i).copied().unwrap_or(false) {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                if i + 1 < r.len() {
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
