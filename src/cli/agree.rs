//! `gloss agree`: how far two or more annotators' projects agree, as tables or JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use super::project::open_for_reading;
use super::{CliError, emit};
use crate::app::agreement;
use crate::model::Project;

pub(super) fn agree(
    paths: &[PathBuf],
    all_mentions: bool,
    by_document: bool,
    json: bool,
) -> Result<ExitCode, CliError> {
    let projects = paths
        .iter()
        .map(|p| open_for_reading(p))
        .collect::<Result<Vec<Project>, CliError>>()?;
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let annotators: Vec<agreement::Annotator> = names
        .iter()
        .zip(&projects)
        .map(|(name, project)| agreement::Annotator { name, project })
        .collect();
    let options = agreement::Options { all_mentions };
    let mut report =
        agreement::agree(&annotators, &options).map_err(|e| CliError::Agree(e.to_string()))?;
    let text = if json {
        if !by_document {
            report.by_document.clear();
        }
        let mut j = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::Agree(format!("cannot write the report as JSON: {e}")))?;
        j.push('\n');
        j
    } else {
        report.table(by_document)
    };
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
