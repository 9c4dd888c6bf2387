//! `gloss new`: an empty project file, with the news labels or the ones given.

use std::path::Path;
use std::process::ExitCode;

use super::project::waiting_for;
use super::{CliError, emit, file_stem};
use crate::app::Session;
use crate::model::{LabelSet, Project, validate};

pub(super) fn new(path: &Path, labels: Option<Vec<String>>) -> Result<ExitCode, CliError> {
    let labels = match labels {
        Some(names) => LabelSet::from_names(names.into_iter().map(|n| n.trim().to_string())),
        None => LabelSet::news(),
    };
    let project = Project::with_labels(file_stem(path), labels);
    if let Some(problem) = validate(&project).into_iter().next() {
        return Err(CliError::Labels(problem.0));
    }
    if !Session::create_file(path, &project, waiting_for)? {
        return Err(CliError::Exists(path.to_path_buf()));
    }
    let names: Vec<&str> = project.labels.names().collect();
    emit(&format!(
        "created {} with labels {}\n",
        path.display(),
        names.join(", ")
    ))?;
    Ok(ExitCode::SUCCESS)
}
