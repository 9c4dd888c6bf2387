//! `gloss suggest`: every engine over every document; the suggestions written as JSONL for
//! review, or accepted into the project as one step.

use std::path::Path;
use std::process::ExitCode;

use super::project::{apply_and_save, open_for_editing, open_for_reading};
use super::{CliError, emit, suggest_args};
use crate::app::{gestures, review};
use crate::io::write_atomic;
use crate::model::{DocId, Project, Proposal, Suggestion};

/// `gloss suggest`: run the engines over every document; store or accept the suggestions.
pub(super) fn suggest(
    path: &Path,
    accept_all: bool,
    min_score: f32,
    output: Option<&Path>,
    allow_outside_lists: bool,
    engines: &suggest_args::EngineArgs,
) -> Result<ExitCode, CliError> {
    // The word table the rules and the model read unpacks while the project loads (unless
    // `--engines` leaves both out; the project's own settings are read after it loads).
    let chosen = |e: &str| {
        engines
            .engines
            .as_ref()
            .is_none_or(|v| v.iter().any(|x| x == e))
    };
    if chosen("rules") || chosen("model") {
        crate::matcher::model::warm_up();
    }
    if accept_all {
        let (session, _) = open_for_editing(path)?;
        let (found, categories) = match run_engines(
            &session.project,
            path,
            min_score,
            allow_outside_lists,
            engines,
        ) {
            Ok(found) => found,
            Err(e) => {
                session.close(false);
                return Err(e);
            }
        };
        let (total, summary) = summarise(&found);
        let accepted = gestures::accept_all(&session.project, &found, &categories);
        let (session, saved) = apply_and_save(session, path, accepted.command)?;
        println!(
            "accepted {total} suggestions in {} ({summary})",
            path.display()
        );
        if accepted.categories > 0 {
            println!("set {} suggested document categories", accepted.categories);
        }
        session.close(saved);
        return Ok(ExitCode::SUCCESS);
    }

    let p = open_for_reading(path)?;
    let (found, categories) = run_engines(&p, path, min_score, allow_outside_lists, engines)?;
    let (total, summary) = summarise(&found);
    let mut jsonl = String::new();
    for (doc, c) in &categories {
        let Some(d) = p.document(*doc) else { continue };
        let score = (f64::from(c.score) * 1000.0).round() / 1000.0;
        let line = serde_json::json!({
            "doc": d.name, "category": {c.scheme.as_str(): c.value}, "score": score,
            "engine": c.engine,
        });
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    for (doc, items) in &found {
        let Some(d) = p.document(*doc) else { continue };
        for s in items {
            let (start, end) = s.range();
            let name_of = |e: Option<crate::model::EntityId>| {
                e.and_then(|e| p.entity(e)).map(|e| e.name.as_str())
            };
            let mut line = Line {
                content: None,
                cue: None,
                doc: &d.name,
                end,
                engine: &s.engine,
                entity: None,
                kind: None,
                label: s.label(),
                reason: &s.reason,
                rule: &s.rule,
                // Scores to three places: an f32 printed as f64 would read 0.8999999761581421.
                score: (f64::from(s.score) * 1000.0).round() / 1000.0,
                speaker: None,
                speaker_entity: None,
                start,
                text: d.slice(start, end),
            };
            match &s.proposal {
                Proposal::Span {
                    entity, new_entity, ..
                } => line.entity = name_of(*entity).or(new_entity.as_deref()),
                Proposal::Quote {
                    content,
                    cue,
                    speaker,
                    speaker_entity,
                    speaker_new_entity,
                    kind,
                    ..
                } => {
                    line.content = Some(content);
                    line.cue = Some(*cue);
                    line.speaker = Some(*speaker);
                    line.speaker_entity =
                        Some(name_of(*speaker_entity).or(speaker_new_entity.as_deref()));
                    line.kind = Some(kind.name());
                }
            }
            // A struct of plain fields cannot fail to serialise.
            jsonl.push_str(&serde_json::to_string(&line).unwrap_or_default());
            jsonl.push('\n');
        }
    }
    let out = match output {
        Some(o) => o.to_path_buf(),
        None => {
            let mut name = path.file_stem().unwrap_or_default().to_os_string();
            name.push(".suggestions.jsonl");
            path.with_file_name(name)
        }
    };
    if out == Path::new("-") {
        emit(&jsonl)?;
    } else {
        if out == path {
            return Err(CliError::OutputIsProject(out));
        }
        write_atomic(&out, jsonl.as_bytes())?;
        println!(
            "{total} suggestions{} in {} documents written to {} ({summary})",
            if categories.is_empty() {
                String::new()
            } else {
                format!(" and {} suggested categories", categories.len())
            },
            found.len(),
            out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// One suggestion as a line of the JSONL file: its fields in alphabetical order, as the lines
/// have always been written; a quote's own fields only on a quote's line. Written from a
/// struct rather than a `serde_json::Value` per line (a map of owned keys and values), which
/// took a measurable share of a 1,000-document run.
#[derive(serde::Serialize)]
struct Line<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<&'a [(usize, usize)]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<Option<(usize, usize)>>,
    doc: &'a str,
    end: usize,
    engine: &'a str,
    entity: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    label: &'a str,
    reason: &'a str,
    rule: &'a str,
    score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<Option<(usize, usize)>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker_entity: Option<Option<&'a str>>,
    start: usize,
    text: &'a str,
}

/// What the engines found: suggestions by document, and suggested document categories.
type Engined = (
    Vec<(DocId, Vec<Suggestion>)>,
    suggest_args::SuggestedCategories,
);

/// Every engine over every document, with a progress line on a terminal; suggestions below
/// `min_score` dropped; problems with the project's own lists reported on stderr. Lists outside
/// the project's folder are read only with `allow_outside_lists`; otherwise each is named as
/// skipped, with how to allow it. The engines are the project's, as `engines` chooses them;
/// outside engines run first, in the project's folder.
pub(super) fn run_engines(
    p: &Project,
    path: &Path,
    min_score: f32,
    allow_outside_lists: bool,
    engines: &suggest_args::EngineArgs,
) -> Result<Engined, CliError> {
    use std::io::IsTerminal;
    let settings = engines.settings(&p.matcher).map_err(CliError::Usage)?;
    let (outside, mut categories) =
        suggest_args::run_outside(p, &settings, path.parent()).map_err(CliError::Engine)?;
    categories.retain(|(_, c)| c.score >= min_score);
    let read = review::read_user_lists(&settings, path.parent(), |_| allow_outside_lists);
    let (lists, mut problems) = (read.lists, read.problems);
    for o in &read.outside {
        problems.push(format!(
            "word list {}: outside the project's folder (it leads to {}); skipped: run with --allow-outside-lists to use it",
            o.name,
            o.path.display()
        ));
    }
    let tty = std::io::stderr().is_terminal();
    // The model learns from the project's annotations (cached beside it), or starts from the
    // weights shipped with Gloss.
    let model = if !settings.model {
        Default::default()
    } else if p.matcher.model {
        crate::app::learning::model_for(p, Some(path))
    } else {
        // Chosen with --engines in a project that has it off.
        let mut on = p.clone();
        on.matcher.model = true;
        crate::app::learning::model_for(&on, Some(path))
    };
    let progress = |done, total| {
        if tty {
            eprint!("\rmatching: {done} of {total} documents");
            if done == total {
                eprintln!();
            }
        }
    };
    let (mut found, list_problems) =
        review::suggest_project_with(p, &settings, &lists, model, &outside, progress);
    problems.extend(list_problems);
    for pr in &problems {
        eprintln!("gloss: {pr}");
    }
    for (_, items) in &mut found {
        items.retain(|s| s.score >= min_score);
    }
    Ok((found, categories))
}

/// The total and a per-label line ("GPE 12, PERSON 30").
fn summarise(found: &[(DocId, Vec<Suggestion>)]) -> (usize, String) {
    let mut per_label: std::collections::BTreeMap<&str, usize> = Default::default();
    for s in found.iter().flat_map(|(_, items)| items) {
        *per_label.entry(s.label()).or_insert(0) += 1;
    }
    let total = per_label.values().sum();
    let line = per_label
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    (total, line)
}
