//! `gloss import --as-suggestions` (another tool's predictions stored as suggestions) and
//! `gloss export --with-suggestions` (pending suggestions written as Label Studio predictions
//! or Prodigy spans), over `app::predictions`.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, Opened, close, emit, open_for_reading, report_notices, run_engines};
use crate::app::formats::{self, ExportFormat, ImportOptions};
use crate::app::predictions;
use crate::model::{DocId, Suggestion};

/// The app's name for a format the command line names.
pub fn app_format(format: super::ImportFormat) -> formats::ImportFormat {
    use super::ImportFormat as C;
    use formats::ImportFormat as A;
    match format {
        C::Txt => A::Txt,
        C::Html => A::Html,
        C::Csv | C::Tsv => A::Csv,
        C::Jsonl => A::Jsonl,
        C::Brat => A::Brat,
        C::Doccano => A::Doccano,
        C::Conll => A::Conll,
        C::LabelStudio => A::LabelStudio,
        C::Prodigy => A::Prodigy,
        C::Spacy => A::Spacy,
    }
}

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
    let Opened {
        mut session,
        had_journal,
        ..
    } = Opened::for_editing(path)?;
    let imported =
        match predictions::import_as_suggestions(format, paths, &session.project, options) {
            Ok(i) => i,
            Err(errors) => {
                close(session, had_journal, false);
                for e in &errors {
                    eprintln!("gloss: {e}");
                }
                return Err(CliError::ImportRejected {
                    format: format.name(),
                    count: errors.len(),
                });
            }
        };
    for line in imported.notices.iter().chain(&imported.skipped) {
        eprintln!("gloss: {line}");
    }
    let mut saved = false;
    if let Some(command) = imported.command.clone() {
        if let Err(source) = session.execute(command) {
            close(session, had_journal, false);
            return Err(CliError::Command {
                path: path.to_path_buf(),
                source,
            });
        }
        session.save()?;
        report_notices(&mut session);
        saved = true;
    }
    close(session, had_journal, saved);
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
        if count == 1 { "" } else { "s" }
    ))?;
    Ok(ExitCode::SUCCESS)
}
