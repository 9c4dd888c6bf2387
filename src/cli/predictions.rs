//! `gloss import --as-suggestions` (another tool's predictions stored as suggestions) and
//! `gloss export --with-suggestions` (pending suggestions written as Label Studio predictions
//! or Prodigy spans), over `app::predictions`.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::project::{apply_and_save, open_for_editing, open_for_reading, rejected};
use super::suggest::run_engines;
use super::{CliError, emit};
use crate::app::formats::{self, ExportFormat, ImportOptions};
use crate::app::predictions;
use crate::model::{DocId, Suggestion};
use crate::text::plural;

/// Import `paths` in `format` as suggestions into the project at `path`, as one step.
pub fn import(
    path: &Path,
    paths: &[PathBuf],
    format: formats::ImportFormat,
    options: &ImportOptions,
) -> Result<ExitCode, CliError> {
    if !predictions::reads_suggestions(format) {
        return Err(CliError::Usage(format!(
            "--as-suggestions reads jsonl, doccano, label-studio, prodigy, spacy, conll and brat, not {}",
            format.name()
        )));
    }
    let (session, _) = open_for_editing(path)?;
    let imported =
        match predictions::import_as_suggestions(format, paths, &session.project, options) {
            Ok(i) => i,
            Err(errors) => {
                session.close(false);
                return Err(rejected(format.name(), &errors));
            }
        };
    for line in imported.notices.iter().chain(&imported.skipped) {
        eprintln!("gloss: {line}");
    }
    let (session, saved) = apply_and_save(session, path, imported.command.clone())?;
    session.close(saved);
    emit(&format!("{}\n", imported.summary()))?;
    Ok(if imported.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Export with the pending suggestions: every engine the project has on (outside engines
/// too, as `gloss suggest` runs them) and the stored predictions.
pub fn export(
    path: &Path,
    format: ExportFormat,
    output: &Path,
    options: &formats::ExportOptions,
) -> Result<ExitCode, CliError> {
    if !predictions::carries_suggestions(format) {
        return Err(CliError::Usage(format!(
            "--with-suggestions applies to --format label-studio or prodigy, not {}",
            format.name()
        )));
    }
    let project = open_for_reading(path)?;
    let (found, _) = run_engines(
        &project,
        path,
        0.0,
        false,
        &super::suggest_args::EngineArgs::default(),
    )?;
    let pending: HashMap<DocId, Vec<Suggestion>> = found.into_iter().collect();
    let count: usize = pending.values().map(Vec::len).sum();
    if output == Path::new("-") {
        if options.per_document {
            return Err(CliError::NotToStdout(format.name()));
        }
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let report = predictions::export_to_with(format, &project, options, &pending, &mut out)
            .and_then(|r| {
                out.flush()?;
                Ok(r)
            })
            .map_err(CliError::Stdout)?;
        for line in &report.left_out {
            eprintln!("gloss: left out: {line}");
        }
        eprintln!("gloss: {count} pending suggestions added");
        return Ok(ExitCode::SUCCESS);
    }
    let exported = predictions::export_with(format, &project, options, output, &pending)?;
    for renamed in &exported.renamed {
        eprintln!("gloss: renamed: {renamed}");
    }
    for line in &exported.left_out {
        eprintln!("gloss: left out: {line}");
    }
    emit(&format!(
        "{} (with {count} pending suggestion{})\n",
        exported.summary(format, output),
        plural(count)
    ))?;
    Ok(ExitCode::SUCCESS)
}
