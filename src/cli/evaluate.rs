//! `gloss eval` (one project's annotations scored against another's) and `gloss learn-curve`
//! (how the suggestions improve as a simulated user annotates a gold project).

use std::path::Path;
use std::process::ExitCode;

use super::project::{open_for_reading, rejected};
use super::{CliError, emit, file_stem, plural};
use crate::app::eval::{self, Annotations, SpeakerNotes};
use crate::app::learn_curve;
use crate::io::IoError;
use crate::model::Project;

/// `gloss learn-curve`: the table on stdout, the chart in `plot`.
pub(super) fn learn_curve(
    gold: &Path,
    steps: &[usize],
    options: &eval::Options,
    starting_weights: bool,
    plot: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let (project, _) = eval_side(gold)?;
    let mut steps: Vec<usize> = steps.to_vec();
    steps.sort_unstable();
    steps.dedup();
    let total = project.documents.len();
    if steps.iter().all(|&n| n >= total) {
        return Err(CliError::Io(IoError::Other {
            path: gold.to_path_buf(),
            message: format!(
                "has {total} document{}; every step must leave at least one to score (--steps)",
                plural(total)
            ),
        }));
    }
    let curve = learn_curve::run(&project, &steps, options, starting_weights, |n| {
        eprintln!("gloss: annotating the first {n} of {total} documents…");
    });
    emit(&learn_curve::table(&curve))?;
    if let Some(out) = plot {
        let name = gold.file_stem().unwrap_or_default().to_string_lossy();
        learn_curve::plot(&curve, &name, total, out)?;
        eprintln!("gloss: curve drawn in {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// One side of `gloss eval`: a project file as it stands, or brat files read in memory along
/// with the speakers that only their notes name.
fn eval_side(path: &Path) -> Result<(Project, SpeakerNotes), CliError> {
    if !eval::is_brat(path) {
        return Ok((open_for_reading(path)?, SpeakerNotes::new()));
    }
    let side = eval::read_brat(path, file_stem(path)).map_err(|e| rejected("brat", &e))?;
    for skipped in &side.skipped {
        eprintln!("gloss: {skipped}");
    }
    if side.project.documents.is_empty() {
        return Err(CliError::NothingToImportBrat(path.display().to_string()));
    }
    Ok((side.project, side.speaker_notes))
}

pub(super) fn evaluate(
    gold_path: &Path,
    pred_path: &Path,
    options: &eval::Options,
    json: bool,
) -> Result<ExitCode, CliError> {
    let (gold, gold_notes) = eval_side(gold_path)?;
    let (pred, pred_notes) = eval_side(pred_path)?;
    let gold_side = Annotations {
        project: &gold,
        speaker_notes: gold_notes,
    };
    let pred_side = Annotations {
        project: &pred,
        speaker_notes: pred_notes,
    };
    let report = eval::evaluate(&gold_side, &pred_side, options);
    if report.documents.scored == 0 {
        return Err(CliError::Eval(format!(
            "{} and {} share no document (same name and same text); nothing to score",
            gold_path.display(),
            pred_path.display()
        )));
    }
    let text = if json {
        let mut j = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::Eval(format!("cannot write the report as JSON: {e}")))?;
        j.push('\n');
        j
    } else {
        report.table()
    };
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
