//! `gloss export`: the project's documents in another tool's format, to a file, a folder or
//! standard output, through `app::formats`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::project::open_for_reading;
use super::{CliError, ExportFormat, emit, predictions, same_file};
use crate::app::formats;

pub(super) fn export(
    path: &Path,
    format: ExportFormat,
    output: &Path,
    options: &formats::ExportOptions,
) -> Result<ExitCode, CliError> {
    let format = match format {
        ExportFormat::Jsonl => formats::ExportFormat::Jsonl,
        ExportFormat::Doccano => formats::ExportFormat::Doccano,
        ExportFormat::Spacy => formats::ExportFormat::Spacy,
        ExportFormat::Conll => formats::ExportFormat::Conll,
        ExportFormat::Brat => formats::ExportFormat::Brat,
        ExportFormat::LabelStudio => formats::ExportFormat::LabelStudio,
        ExportFormat::Prodigy => formats::ExportFormat::Prodigy,
        ExportFormat::QuotesCsv => formats::ExportFormat::QuotesCsv,
        ExportFormat::Citron => formats::ExportFormat::Citron,
    };
    let to_stdout = output == Path::new("-");
    if !to_stdout && same_file(path, output) {
        return Err(CliError::OutputIsProject(output.to_path_buf()));
    }
    if options.with_suggestions {
        return predictions::export(path, format, output, options);
    }
    let project = open_for_reading(path)?;
    if to_stdout {
        if !format.to_stdout_ok() || options.per_document {
            return Err(CliError::NotToStdout(format.name()));
        }
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        match formats::export_to(format, &project, options, &mut out).and_then(|r| {
            out.flush()?;
            Ok(r)
        }) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Stdout(e)),
            Err(_) => Ok(ExitCode::SUCCESS),
            Ok(report) => {
                for line in &report.left_out {
                    eprintln!("gloss: left out: {line}");
                }
                if let Some(config) = formats::write_label_studio_config(&project, options)? {
                    eprintln!("gloss: labelling config written to {}", config.display());
                }
                Ok(ExitCode::SUCCESS)
            }
        }
    } else {
        let exported = formats::export(format, &project, options, output, None)?;
        for renamed in &exported.renamed {
            eprintln!("gloss: renamed: {renamed}");
        }
        for line in &exported.left_out {
            eprintln!("gloss: left out: {line}");
        }
        emit(&format!("{}\n", exported.summary(format, output)))?;
        Ok(ExitCode::SUCCESS)
    }
}
