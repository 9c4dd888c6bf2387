//! `gloss stats`' table of the user's own precision per engine: of each engine's suggestions
//! decided in the project, how many were accepted and rejected, and accepted / decided — the
//! same numbers as the Suggestions tab (`app::engine_stats`).

use crate::app::engine_stats::{decided_total, engine_tallies};
use crate::model::Project;

use super::stats::{row, table};

/// The table, or `None` while no suggestion has been decided in the project.
pub(super) fn engine_precision(project: &Project) -> Option<String> {
    if decided_total(project) == 0 {
        return None;
    }
    let mut rows = vec![row(["engine", "accepted", "rejected", "your precision"])];
    for t in engine_tallies(project) {
        rows.push(row([
            &t.engine,
            &t.accepted.to_string(),
            &t.rejected.to_string(),
            &t.precision_text(),
        ]));
    }
    Some(table(&rows, &[false, true, true, true]))
}
