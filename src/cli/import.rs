//! `gloss import`: files in any format Gloss reads added to a project as one step, through
//! `app::formats` (the window's road too); or, with `--as-suggestions`, stored as suggestions
//! (`predictions.rs`), or with `--split-annotators`, one project per annotator
//! (`split_annotators.rs`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::project::{apply_and_save, open_for_editing, rejected};
use super::{CliError, ImportFormat, emit, import_args, plural, predictions, split_annotators};
use crate::app::formats::Annotator;
use crate::app::formats::{self, BratCounts, Imported};

/// Check the options against the format, then import.
pub(super) fn run(args: import_args::ImportArgs) -> Result<ExitCode, CliError> {
    let import_args::ImportArgs {
        project,
        paths,
        format,
        annotator,
        split_annotators,
        csv,
        as_suggestions,
    } = args;
    let format = match format {
        Some(format) => format,
        None => import_args::format_by_extension(&paths).map_err(CliError::Usage)?,
    };
    let split = split_annotators.is_some();
    if (annotator.is_some() || split) && format != ImportFormat::LabelStudio {
        let option = if split {
            "--split-annotators"
        } else {
            "--annotator"
        };
        return Err(CliError::Usage(format!(
            "{option} applies to --format label-studio only"
        )));
    }
    if let Some(dir) = split_annotators {
        return split_annotators::split(&project, &paths, &dir);
    }
    let tsv = format == ImportFormat::Tsv;
    if csv.any() && !tsv && format != ImportFormat::Csv {
        return Err(CliError::Usage(
            "--text-column, --name-column and --delimiter apply to --format csv or tsv only".into(),
        ));
    }
    let csv = csv.options(tsv);
    let annotator = annotator.map_or(Annotator::First, Annotator::Named);
    let options = formats::ImportOptions { annotator, csv };
    let format = app_format(format);
    if as_suggestions {
        return predictions::import(&project, &paths, format, &options);
    }
    import(&project, &paths, format, &options)
}

/// The app's name for a format the command line names.
pub(super) fn app_format(format: ImportFormat) -> formats::ImportFormat {
    use ImportFormat as C;
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

/// Read `paths` in `format` and add what they hold to the project at `path` as one step, then
/// save. Text: a file that cannot be read is named and skipped, the rest added; a file whose
/// name and text are already in the project is not added again. Other formats: all or
/// nothing; what the model cannot hold is reported by file and line. Either way the exit
/// status is 1 when anything was skipped.
fn import(
    path: &Path,
    paths: &[PathBuf],
    format: formats::ImportFormat,
    options: &formats::ImportOptions,
) -> Result<ExitCode, CliError> {
    let (session, info) = open_for_editing(path)?;
    let imported = match formats::import_with(format, paths, &session.project, options) {
        Ok(i) => i,
        Err(errors) => {
            session.close(false);
            return Err(rejected(format.name(), &errors));
        }
    };
    let text = matches!(
        format,
        formats::ImportFormat::Txt | formats::ImportFormat::Html
    );
    report(&imported, text, path);
    let (session, saved) = apply_and_save(session, path, imported.command.clone())?;
    let labels: Vec<String> = session.project.labels.names().map(String::from).collect();
    session.close(saved);

    let list = || {
        let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        list.join(", ")
    };
    let found_nothing = if text {
        imported.documents == 0 && imported.already.is_empty() && imported.skipped.is_empty()
    } else {
        imported.documents == 0 && imported.notices.is_empty()
    };
    if found_nothing {
        return Err(match format {
            _ if text => CliError::NothingToImport(list()),
            formats::ImportFormat::Brat => CliError::NothingToImportBrat(list()),
            _ => CliError::NothingToImportFormat {
                format: format.name(),
                paths: list(),
            },
        });
    }
    let new_project = if saved && !info.existed {
        "new project "
    } else {
        ""
    };
    let (n, skipped) = (imported.documents, imported.skipped.len());
    let head = format!(
        "added {n} document{} to {new_project}{}",
        plural(n),
        path.display()
    );
    let summary = match &imported.brat {
        _ if text => {
            let mut s = format!("{head} ({skipped} skipped");
            if !imported.already.is_empty() {
                s.push_str(&format!(", {} already there", imported.already.len()));
            }
            s.push(')');
            if !saved && !info.existed {
                s.push_str("; nothing added, so the project was not created");
            }
            s.push('\n');
            s
        }
        Some(counts) => format!(
            "{head} ({skipped} annotation{} skipped)\n{}",
            plural(skipped),
            brat_summary(counts, &labels)
        ),
        None => format!(
            "{head} ({} spans, {} quotes; {skipped} skipped)\n",
            imported.spans, imported.quotes
        ),
    };
    emit(&summary)?;
    Ok(if skipped > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// What an import read but did not add, and what is worth knowing, on stderr: for text, files
/// skipped, then notes, then files already in the project; for other formats notices, then
/// annotations skipped.
fn report(imported: &Imported, text: bool, project: &Path) {
    let lines: Vec<&String> = if text {
        imported.skipped.iter().chain(&imported.notices).collect()
    } else {
        imported.notices.iter().chain(&imported.skipped).collect()
    };
    for line in lines {
        eprintln!("gloss: {line}");
    }
    for a in &imported.already {
        eprintln!(
            "gloss: {}: already in {} as {:?}; not added again",
            a.path.display(),
            project.display(),
            a.name
        );
    }
}

/// The counts of a brat import, a line per kind of thing, names in label-set order.
fn brat_summary(c: &BratCounts, labels: &[String]) -> String {
    let mut names: Vec<String> = labels
        .iter()
        .filter_map(|l| c.names.get(l).map(|n| format!("{l} {n}")))
        .collect();
    names.extend(
        c.names
            .iter()
            .filter(|(l, _)| !labels.contains(l))
            .map(|(l, n)| format!("{l} {n}")),
    );
    let total: usize = c.names.values().sum();
    let mut out = if total == 0 {
        "  names: 0\n".to_string()
    } else {
        format!("  names: {total} ({})\n", names.join(", "))
    };
    if c.pronouns + c.descriptions > 0 {
        out.push_str(&format!(
            "  speaker mentions: {} ({} pronoun{}, {} description{})\n",
            c.pronouns + c.descriptions,
            c.pronouns,
            plural(c.pronouns),
            c.descriptions,
            plural(c.descriptions)
        ));
    }
    out.push_str(&format!(
        "  quotes: {} ({} direct, {} indirect, {} mixed); {} with a cue, {} with a speaker mention, {} with a speaker named only in a note\n",
        c.quotes, c.direct, c.indirect, c.mixed, c.cues, c.speakers, c.speaker_notes
    ));
    out.push_str(&format!(
        "  entities: {} new; {} mention{} linked\n",
        c.new_entities,
        c.linked,
        plural(c.linked)
    ));
    out
}
