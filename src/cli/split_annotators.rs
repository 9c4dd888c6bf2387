//! `gloss import P.ron export.json --format label-studio --split-annotators DIR`: one project
//! per annotator, so that a Label Studio project several people annotated can be measured with
//! `gloss agree DIR/*.ron`.
//!
//! Each annotator named by a `completed_by` in the files gets `DIR/annotator-ID.ron` (their
//! user id, else their e-mail, made safe as a file name), made with P's labels and matcher
//! settings, and holding the tasks they annotated, read as `--annotator ID` reads them. Tasks
//! an annotator did not annotate are left out of their project rather than brought in empty:
//! `gloss agree` compares the documents everyone has and lists the rest, where an empty copy
//! would count as "found nothing". Every project is opened, locked and saved as any import's
//! project is (the journal, the lock, the atomic save), and one that exists is added to.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::project::{apply_and_save, open_for_editing_or, open_for_reading, rejected};
use super::{CliError, emit, file_stem, plural};
use crate::app::formats::{self, Annotator, ImportFormat, ImportOptions};
use crate::io::{IoError, file_names};
use crate::model::Project;

/// Write one project per annotator into `dir` (see the module doc).
pub(super) fn split(project: &Path, paths: &[PathBuf], dir: &Path) -> Result<ExitCode, CliError> {
    let template = if project.symlink_metadata().is_ok() {
        open_for_reading(project)?
    } else {
        Project::new(file_stem(project))
    };
    let (names, nameless) = formats::annotators_in(paths)
        .map_err(|errors| rejected(ImportFormat::LabelStudio.name(), &errors))?;
    if names.is_empty() {
        let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(CliError::Usage(format!(
            "no annotator named in {} (no annotation with a completed_by); import without \
             --split-annotators",
            list.join(", ")
        )));
    }
    if nameless > 0 {
        eprintln!(
            "gloss: left out of every project: {nameless} annotation{} naming no annotator \
             (no completed_by)",
            plural(nameless)
        );
    }
    std::fs::create_dir_all(dir).map_err(|source| IoError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let stems: Vec<String> = names.iter().map(|n| format!("annotator-{n}")).collect();
    let stems = file_names::file_stems(stems.iter().map(String::as_str), &["ron"]).stems;
    let mut failed = false;
    for (who, stem) in names.iter().zip(&stems) {
        let out = dir.join(file_names::file_name(stem, "ron"));
        failed |= write_one(&template, paths, who, &out)?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `template`'s labels and matcher settings under a new name, without documents or entities.
fn seeded(template: &Project, name: String) -> Project {
    let mut p = Project::with_labels(name, template.labels.clone());
    p.matcher = template.matcher.clone();
    p
}

/// Import `who`'s annotations into `out`; true when something was skipped.
fn write_one(
    template: &Project,
    paths: &[PathBuf],
    who: &str,
    out: &Path,
) -> Result<bool, CliError> {
    let (session, info) = open_for_editing_or(out, || seeded(template, file_stem(out)))?;
    let options = ImportOptions {
        annotator: Annotator::Only(who.to_string()),
        ..ImportOptions::default()
    };
    let format = ImportFormat::LabelStudio;
    let imported = match formats::import_with(format, paths, &session.project, &options) {
        Ok(i) => i,
        Err(errors) => {
            session.close(false);
            return Err(rejected(format.name(), &errors));
        }
    };
    for line in imported.notices.iter().chain(&imported.skipped) {
        eprintln!("gloss: {}: {line}", out.display());
    }
    let (session, saved) = apply_and_save(session, out, imported.command.clone())?;
    session.close(saved);
    let existed = info.existed;
    let verb = match (saved, existed) {
        (true, false) => "wrote",
        (true, true) => "added to",
        (false, _) => "nothing new for",
    };
    emit(&format!(
        "{verb} {}: annotator {who}, {} document{} ({} spans, {} quotes; {} skipped)\n",
        out.display(),
        imported.documents,
        plural(imported.documents),
        imported.spans,
        imported.quotes,
        imported.skipped.len()
    ))?;
    Ok(!imported.skipped.is_empty())
}
