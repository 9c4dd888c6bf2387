//! The options of `gloss suggest` that choose engines: `--engines LIST` picks them by name, and
//! `--spacy MODEL [--python PYTHON]` adds the bundled spaCy engine to the run. They change the
//! settings of this run only, never the project's.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use clap::Args;

use crate::app::external;
use crate::matcher::external::CategorySuggestion;
use crate::model::{DocId, MatcherSettings, Project, Suggestion};

/// Document categories outside engines suggest, each with its document.
pub type SuggestedCategories = Vec<(DocId, CategorySuggestion)>;

#[derive(Args, Clone, Debug, Default)]
pub struct EngineArgs {
    /// Only these engines (comma-separated): gazetteer, learned, rules, model, quotes, spacy,
    /// and the project's outside engines by name.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub engines: Option<Vec<String>>,
    /// Also run the bundled spaCy engine with this pipeline: an installed one's name
    /// (en_core_web_sm) or the folder of a saved one.
    #[arg(long, value_name = "MODEL")]
    pub spacy: Option<String>,
    /// The Python that has spaCy installed (default: the project's setting, or python3).
    #[arg(long, value_name = "PYTHON")]
    pub python: Option<String>,
}

impl EngineArgs {
    /// The settings of this run: the project's, with the engines chosen here.
    pub fn settings(&self, project: &MatcherSettings) -> Result<MatcherSettings, String> {
        let mut s = project.clone();
        if let Some(model) = &self.spacy {
            s.spacy.model = model.clone();
            s.spacy.enabled = true;
        }
        if let Some(python) = &self.python {
            s.spacy.python = python.clone();
        }
        if let Some(names) = &self.engines {
            external::select(&mut s, names)?;
        }
        let problems = external::check(&s);
        if !problems.is_empty() {
            return Err(problems.join("; "));
        }
        Ok(s)
    }
}

/// Run every outside engine `settings` switch on over every document of `p`, each once, in the
/// project's folder `dir`, with a progress line on a terminal. What they dropped is reported on
/// standard error; a failure stops the command, after the engine's standard error is shown.
/// Returns the suggestions by document, and the document categories suggested.
pub fn run_outside(
    p: &Project,
    settings: &MatcherSettings,
    dir: Option<&Path>,
) -> Result<(HashMap<DocId, Vec<Suggestion>>, SuggestedCategories), String> {
    use std::io::IsTerminal;
    let tty = std::io::stderr().is_terminal();
    let docs: Vec<&crate::model::Document> = p.documents.iter().collect();
    let mut out: HashMap<DocId, Vec<Suggestion>> = HashMap::new();
    let mut categories: SuggestedCategories = Vec::new();
    let never = AtomicBool::new(false);
    for launch in external::launches(settings) {
        let progress = |done: usize, total: usize| {
            if tty {
                eprint!("\r{}: {done} of {total} documents", launch.name);
            }
        };
        let ran = external::run(&launch, p, &docs, dir, &never, progress);
        if tty {
            eprintln!();
        }
        match ran {
            Ok(found) => {
                for line in &found.problems {
                    eprintln!("gloss: {line}");
                }
                for (doc, items) in found.found {
                    out.entry(doc).or_default().extend(items);
                }
                for (doc, items) in found.categories {
                    categories.extend(items.into_iter().map(|c| (doc, c)));
                }
            }
            Err(f) => {
                // The whole of what the engine said (unless the failure's line already
                // quotes all of it), then the one line of the failure.
                let stderr = f.stderr.trim_end();
                let said = stderr.lines().filter(|l| !l.trim().is_empty()).count();
                if said > 1 || (said == 1 && !f.message.contains(stderr.trim())) {
                    eprintln!("gloss: {} wrote on standard error:\n{stderr}", f.engine);
                }
                return Err(f.message);
            }
        }
    }
    let order: HashMap<DocId, usize> = p
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id, i))
        .collect();
    // In the project's order of documents, the best first, so output and accepting are the
    // same every run.
    categories.sort_by(|(a, x), (b, y)| {
        let at = |d: &DocId| order.get(d).copied().unwrap_or(usize::MAX);
        at(a).cmp(&at(b)).then(y.score.total_cmp(&x.score))
    });
    Ok((out, categories))
}
