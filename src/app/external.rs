//! The project's engines outside Gloss, from settings to suggestions: which of them run, how
//! each is started (the bundled spaCy engine is `PYTHON -c SCRIPT --model MODEL`, the script
//! compiled into Gloss so no file has to be found at run time), one run over a set of
//! documents (`io::engine_process` starts the process, `matcher::external` checks what it
//! says), choosing engines by name (`gloss suggest --engines`), and what the window's worker
//! keeps: each document's findings per engine, and a status the window shows.
//!
//! An engine run is expensive (a process, often a model to load), and what it finds depends
//! only on the document's text, the project's labels and how the engine is started — never on
//! the annotations. So findings are kept per document text and engine ([`Cache`]): accepting a
//! suggestion, or any other edit, never runs an engine again; a failed or cancelled run is
//! kept too, and is retried only when the user asks.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::io::engine_process::{self, EngineError, Spec};
use crate::matcher::external::{CategorySuggestion, Collector, input_line};
use crate::model::{
    DocId, Document, ExternalEngine, MatcherSettings, Project, SpacyEngine, Suggestion,
};

use super::Command;
use crate::text::plural;

/// The engines inside Gloss, by the names `--engines` and the engine filter know.
pub const BUILT_IN: [&str; 5] = ["gazetteer", "learned", "rules", "model", "quotes"];

/// The bundled spaCy engine's name.
pub const SPACY: &str = "spacy";

/// The bundled spaCy engine (`engines/spacy_engine.py`), run with `python -c`.
pub const SPACY_SCRIPT: &str = include_str!("../../engines/spacy_engine.py");

/// How to start one outside engine, and what to make of its labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Launch {
    pub name: String,
    pub command: String,
    pub args: Vec<String>,
    /// The engine's labels → the project's.
    pub labels: BTreeMap<String, String>,
    pub timeout: Duration,
    /// The command as the user knows it (the spaCy script by its file name, not its text).
    pub shown: String,
}

impl Launch {
    pub fn external(e: &ExternalEngine) -> Self {
        let mut shown = e.command.clone();
        for a in &e.args {
            shown.push(' ');
            shown.push_str(a);
        }
        Self {
            name: e.name.clone(),
            command: e.command.clone(),
            args: e.args.clone(),
            labels: e.labels.clone(),
            timeout: Duration::from_secs(e.timeout_secs.max(1)),
            shown,
        }
    }

    pub fn spacy(s: &SpacyEngine) -> Self {
        Self {
            name: SPACY.into(),
            command: s.python.clone(),
            args: vec![
                "-c".into(),
                SPACY_SCRIPT.into(),
                "--model".into(),
                s.model.clone(),
            ],
            labels: BTreeMap::new(),
            timeout: Duration::from_secs(s.timeout_secs.max(1)),
            shown: format!("{} engines/spacy_engine.py --model {}", s.python, s.model),
        }
    }

    /// True when `other` finds what this one finds on the same text (only the timeout may
    /// differ).
    fn finds_as(&self, other: &Launch) -> bool {
        self.name == other.name
            && self.command == other.command
            && self.args == other.args
            && self.labels == other.labels
    }
}

/// The outside engines that are on, in the order they run: the project's own, then spaCy.
pub fn launches(settings: &MatcherSettings) -> Vec<Launch> {
    let mut out: Vec<Launch> = settings
        .external
        .iter()
        .filter(|e| e.enabled)
        .map(Launch::external)
        .collect();
    if settings.spacy.enabled {
        out.push(Launch::spacy(&settings.spacy));
    }
    out
}

/// What is wrong with the outside engines' settings: a name that is empty, taken (by a
/// built-in engine, spaCy or another engine) or holds `+` (which joins the names of engines
/// that agree), or an empty command. One line each.
pub fn check(settings: &MatcherSettings) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for e in &settings.external {
        let name = e.name.trim();
        if name.is_empty() {
            out.push(format!(
                "an outside engine running “{}” has no name",
                e.command
            ));
        } else if BUILT_IN.contains(&name) || name == SPACY {
            out.push(format!(
                "engine name “{name}” is taken by a built-in engine"
            ));
        } else if name.contains('+') {
            out.push(format!("engine name “{name}”: a name cannot hold “+”"));
        } else if seen.contains(&name) {
            out.push(format!("two outside engines are called “{name}”"));
        }
        if e.command.trim().is_empty() {
            out.push(format!("engine {name}: no command"));
        }
        seen.push(name);
    }
    out
}

/// Every engine name a project knows: the built-in ones, spaCy, then its outside engines.
pub fn names(settings: &MatcherSettings) -> Vec<String> {
    let mut out: Vec<String> = BUILT_IN.iter().map(|s| s.to_string()).collect();
    out.push(SPACY.into());
    out.extend(settings.external.iter().map(|e| e.name.clone()));
    out
}

/// Switch on exactly the engines `chosen` names (built-in, "spacy", or the project's outside
/// engines) and off every other; an unknown name is an error listing the valid ones.
pub fn select(settings: &mut MatcherSettings, chosen: &[String]) -> Result<(), String> {
    let valid = names(settings);
    let chosen: Vec<&str> = chosen
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let unknown: Vec<&str> = chosen
        .iter()
        .copied()
        .filter(|c| !valid.iter().any(|v| v == c))
        .collect();
    if !unknown.is_empty() {
        return Err(format!(
            "--engines: unknown engine{} {}; the engines are {}",
            plural(unknown.len()),
            unknown.join(", "),
            valid.join(", ")
        ));
    }
    if chosen.is_empty() {
        return Err(format!(
            "--engines: name at least one of {}",
            valid.join(", ")
        ));
    }
    let on = |name: &str| chosen.contains(&name);
    settings.gazetteer = on("gazetteer");
    settings.learned = on("learned");
    settings.rules = on("rules");
    settings.model = on("model");
    settings.quotes = on("quotes");
    settings.spacy.enabled = on(SPACY);
    for e in &mut settings.external {
        e.enabled = on(&e.name);
    }
    Ok(())
}

/// A command line as typed into the window, split into words as a shell splits them: spaces
/// separate, '…' and "…" quote, a backslash takes the next character as it is.
pub fn split_command(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"'), '\\') | (None, '\\') => {
                if let Some(n) = chars.next() {
                    word.push(n);
                }
                in_word = true;
            }
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        out.push(word);
    }
    out
}

/// The command and its arguments as one line that [`split_command`] splits back.
pub fn join_command(command: &str, args: &[String]) -> String {
    let quoted = |w: &str| {
        let plain = !w.is_empty()
            && !w
                .chars()
                .any(|c| c.is_whitespace() || matches!(c, '\'' | '"' | '\\'));
        if plain {
            w.to_string()
        } else {
            format!("'{}'", w.replace('\'', "'\"'\"'"))
        }
    };
    std::iter::once(command)
        .chain(args.iter().map(String::as_str))
        .map(quoted)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A label mapping as typed: `PERSON=PER, GPE=LOC` (commas or spaces between pairs).
/// Returns the pairs, or the first piece that is not one.
pub fn parse_mapping(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for piece in text.split([',', ' ', '\n', '\t']).filter(|p| !p.is_empty()) {
        match piece.split_once(['=', '→']) {
            Some((from, to)) if !from.trim().is_empty() && !to.trim().is_empty() => {
                out.insert(from.trim().to_string(), to.trim().to_string());
            }
            _ => return Err(format!("“{piece}” is not ENGINE=PROJECT")),
        }
    }
    Ok(out)
}

/// A label mapping as [`parse_mapping`] reads it.
pub fn show_mapping(mapping: &BTreeMap<String, String>) -> String {
    mapping
        .iter()
        .map(|(a, b)| format!("{a}={b}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What one run found, by document, and what it dropped or skipped (one line per kind).
#[derive(Debug, Default)]
pub struct Found {
    pub found: HashMap<DocId, Vec<Suggestion>>,
    /// The document categories it suggests, by document.
    pub categories: HashMap<DocId, Vec<CategorySuggestion>>,
    pub problems: Vec<String>,
}

/// The command that accepts a suggested category for `doc`: for a scheme of one value it
/// replaces the value, for one of several it adds it. `None` when the document has it already,
/// or the scheme, value or document is gone.
pub fn accept_category(project: &Project, doc: DocId, s: &CategorySuggestion) -> Option<Command> {
    let scheme = project.scheme(&s.scheme)?;
    scheme.value(&s.value)?;
    let d = project.document(doc)?;
    let now = d.categories.get(&s.scheme).cloned().unwrap_or_default();
    if now.contains(&s.value) {
        return None;
    }
    let values = if scheme.multiple {
        let mut v = now;
        v.push(s.value.clone());
        v
    } else {
        vec![s.value.clone()]
    };
    Some(Command::SetCategories {
        doc,
        scheme: s.scheme.clone(),
        values,
    })
}

/// A run that failed: one line for the user and what the engine wrote on standard error.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub engine: String,
    pub message: String,
    pub stderr: String,
    /// Stopped by the user, not by a fault.
    pub cancelled: bool,
}

/// The commands that accept every suggested category in `items` (document, suggestion; the
/// best of a document first): a scheme of several values gains each one, a scheme of one takes
/// the first suggested. Returns them and how many values they set.
pub fn accept_categories(
    project: &Project,
    items: &[(DocId, CategorySuggestion)],
) -> (Vec<Command>, usize) {
    let mut chosen: BTreeMap<(DocId, String), Vec<String>> = BTreeMap::new();
    let mut count = 0;
    for (doc, s) in items {
        let Some(def) = project.scheme(&s.scheme) else {
            continue;
        };
        let Some(d) = project.document(*doc) else {
            continue;
        };
        if def.value(&s.value).is_none() {
            continue;
        }
        let key = (*doc, s.scheme.clone());
        let changed = chosen.contains_key(&key);
        let values = chosen
            .entry(key)
            .or_insert_with(|| d.categories.get(&s.scheme).cloned().unwrap_or_default());
        if values.contains(&s.value) || (changed && !def.multiple) {
            continue;
        }
        if !def.multiple {
            values.clear();
        }
        values.push(s.value.clone());
        count += 1;
    }
    let commands = chosen
        .into_iter()
        .filter(|((doc, scheme), values)| {
            project
                .document(*doc)
                .and_then(|d| d.categories.get(scheme))
                != Some(values)
        })
        .map(|((doc, scheme), values)| Command::SetCategories {
            doc,
            scheme,
            values,
        })
        .collect();
    (commands, count)
}

/// Run `launch` once over `docs` (documents of `project`), in the folder `dir`. `progress` is
/// told (documents given to the engine, of how many) as it goes; `cancel` stops it.
pub fn run(
    launch: &Launch,
    project: &Project,
    docs: &[&Document],
    dir: Option<&Path>,
    cancel: &AtomicBool,
    mut progress: impl FnMut(usize, usize),
) -> Result<Found, Failure> {
    let labels: Arc<Vec<String>> = Arc::new(project.labels.names().map(String::from).collect());
    let input: Vec<(u64, String, Arc<str>)> = docs
        .iter()
        .map(|d| (d.id.0, d.name.clone(), d.text.clone()))
        .collect();
    let given = labels.clone();
    let lines = input
        .into_iter()
        .map(move |(n, name, text)| input_line(n, &name, &text, &given));
    let mut collector = Collector::new(
        &launch.name,
        docs.iter().map(|d| (d.id.0, *d)),
        &launch.labels,
        &project.labels,
        &project.schemes,
    );
    let spec = Spec {
        name: &launch.name,
        command: &launch.command,
        args: &launch.args,
        dir: dir.filter(|d| !d.as_os_str().is_empty()),
        timeout: launch.timeout,
    };
    let total = docs.len();
    progress(0, total);
    let ran = engine_process::run(
        &spec,
        lines,
        cancel,
        |n, line| collector.line(n, line),
        |p| progress(p.written, total),
    );
    let failure = |e: EngineError| Failure {
        engine: launch.name.clone(),
        message: e.to_string(),
        stderr: e.stderr().to_string(),
        cancelled: matches!(e, EngineError::Cancelled { .. }),
    };
    let finished = ran.map_err(failure)?;
    let collected = collector.finish().map_err(|e| Failure {
        engine: launch.name.clone(),
        message: e.to_string(),
        stderr: finished.stderr.clone(),
        cancelled: false,
    })?;
    Ok(Found {
        found: collected
            .found
            .into_iter()
            .map(|(n, items)| (DocId(n), items))
            .collect(),
        categories: collected
            .categories
            .into_iter()
            .map(|(n, items)| (DocId(n), items))
            .collect(),
        problems: collected.report.messages(&launch.name),
    })
}

/// One document's findings by one engine, for one text and label set.
struct Entry {
    launch: Launch,
    labels: Vec<String>,
    text: Arc<str>,
    /// `None` when the run failed or was cancelled.
    found: Option<Arc<Vec<Suggestion>>>,
}

/// What outside engines found in each document (see the module doc).
#[derive(Default)]
pub struct Cache {
    docs: HashMap<DocId, Vec<Entry>>,
}

impl Cache {
    /// What `launch` found in `doc` with these project labels: `Some(None)` when it failed
    /// there, `None` when it has not run on this text.
    pub fn get(
        &self,
        launch: &Launch,
        labels: &[String],
        doc: &Document,
    ) -> Option<Option<&Arc<Vec<Suggestion>>>> {
        self.docs.get(&doc.id)?.iter().find_map(|e| {
            let same = e.launch.finds_as(launch)
                && e.labels == labels
                && (Arc::ptr_eq(&e.text, &doc.text) || *e.text == *doc.text);
            same.then_some(e.found.as_ref())
        })
    }

    /// Remember what `launch` found in `doc` (`None`: it failed), replacing what it found in
    /// an earlier text of the document.
    pub fn put(
        &mut self,
        launch: &Launch,
        labels: &[String],
        doc: &Document,
        found: Option<Vec<Suggestion>>,
    ) {
        let entries = self.docs.entry(doc.id).or_default();
        entries.retain(|e| !e.launch.finds_as(launch));
        entries.push(Entry {
            launch: launch.clone(),
            labels: labels.to_vec(),
            text: doc.text.clone(),
            found: found.map(Arc::new),
        });
    }

    /// Forget the failures, so those engines run again.
    pub fn forget_failures(&mut self) {
        for entries in self.docs.values_mut() {
            entries.retain(|e| e.found.is_some());
        }
    }

    /// Forget engines no longer among `launches`.
    pub fn keep_only(&mut self, launches: &[Launch]) {
        for entries in self.docs.values_mut() {
            entries.retain(|e| launches.iter().any(|l| l.finds_as(&e.launch)));
        }
        self.docs.retain(|_, e| !e.is_empty());
    }
}

/// An engine at work, for the window.
#[derive(Clone, Debug)]
pub struct Running {
    pub engine: String,
    /// Documents given to it so far, of how many.
    pub done: usize,
    pub total: usize,
    pub since: Instant,
}

/// What the window shows about outside engines.
#[derive(Clone, Debug, Default)]
pub struct Status {
    pub running: Option<Running>,
    /// Each engine's last failure, until it next runs well.
    pub failures: Vec<Failure>,
    /// What each engine's last run dropped or skipped.
    pub reports: Vec<(String, Vec<String>)>,
    /// After a Cancel, no engine runs until the user asks again.
    pub paused: bool,
}

/// The status shared by the worker (which runs engines) and the window (which shows them and
/// may cancel).
#[derive(Default)]
pub struct Monitor {
    cancel: AtomicBool,
    status: Mutex<Status>,
    /// The document categories the engines' last runs suggest, by document.
    categories: Mutex<HashMap<DocId, Vec<CategorySuggestion>>>,
}

impl Monitor {
    fn lock(&self) -> std::sync::MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The categories outside engines suggest for `doc`, best first.
    pub fn categories(&self, doc: DocId) -> Vec<CategorySuggestion> {
        let all = self.categories.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = all.get(&doc).cloned().unwrap_or_default();
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }

    /// A copy of the status, to draw.
    pub fn status(&self) -> Status {
        self.lock().clone()
    }

    /// Stop the engine running now; engines then wait until [`Monitor::resume`].
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
        self.lock().paused = true;
    }

    pub fn paused(&self) -> bool {
        self.lock().paused
    }

    /// Let engines run again, and forget their failures.
    pub fn resume(&self) {
        let mut s = self.lock();
        s.paused = false;
        s.failures.clear();
    }

    /// Forget what is known of engines no longer among `launches`.
    pub fn keep_only(&self, launches: &[Launch]) {
        let mut s = self.lock();
        let known = |name: &str| launches.iter().any(|l| l.name == name);
        s.failures.retain(|f| known(&f.engine));
        s.reports.retain(|(e, _)| known(e));
        drop(s);
        let mut c = self.categories.lock().unwrap_or_else(|e| e.into_inner());
        for items in c.values_mut() {
            items.retain(|i| known(&i.engine));
        }
        c.retain(|_, items| !items.is_empty());
    }

    /// Run `launch` over `docs` as [`run`] does, showing its progress, and record how it went.
    pub fn run(
        &self,
        launch: &Launch,
        project: &Project,
        docs: &[&Document],
        dir: Option<&Path>,
        wake: &dyn Fn(),
    ) -> Result<Found, Failure> {
        self.cancel.store(false, Ordering::Relaxed);
        let since = Instant::now();
        let show = |done: usize, total: usize| {
            self.lock().running = Some(Running {
                engine: launch.name.clone(),
                done,
                total,
                since,
            });
            wake();
        };
        let result = run(launch, project, docs, dir, &self.cancel, show);
        if let Ok(found) = &result {
            let mut c = self.categories.lock().unwrap_or_else(|e| e.into_inner());
            for d in docs {
                let items = c.entry(d.id).or_default();
                items.retain(|i| i.engine != launch.name);
                items.extend(found.categories.get(&d.id).into_iter().flatten().cloned());
            }
            c.retain(|_, items| !items.is_empty());
        }
        {
            let mut s = self.lock();
            s.running = None;
            s.failures.retain(|f| f.engine != launch.name);
            s.reports.retain(|(e, _)| *e != launch.name);
            match &result {
                Ok(found) if !found.problems.is_empty() => {
                    s.reports
                        .push((launch.name.clone(), found.problems.clone()));
                }
                Ok(_) => {}
                Err(f) => {
                    if f.cancelled {
                        s.paused = true;
                    }
                    s.failures.push(f.clone());
                }
            }
        }
        wake();
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engines_are_chosen_by_name_and_unknown_names_listed() {
        let mut s = MatcherSettings::default();
        s.external.push(ExternalEngine::new("my-ner", "ner"));
        s.external.push(ExternalEngine::new("other", "other"));
        select(
            &mut s,
            &["gazetteer".into(), " my-ner".into(), "spacy".into()],
        )
        .unwrap();
        assert!(s.gazetteer && !s.learned && !s.rules && !s.model && !s.quotes);
        assert!(s.spacy.enabled && s.external[0].enabled && !s.external[1].enabled);
        let names: Vec<String> = launches(&s).into_iter().map(|l| l.name).collect();
        assert_eq!(names, ["my-ner", "spacy"]);
        let e = select(&mut s, &["gazeteer".into(), "rules".into()]).unwrap_err();
        assert_eq!(
            e,
            "--engines: unknown engine gazeteer; the engines are gazetteer, learned, rules, model, quotes, spacy, my-ner, other"
        );
    }

    #[test]
    fn command_lines_and_mappings_read_back() {
        let words = split_command(r#"python3 "my engine.py" --model 'en core' a\ b"#);
        assert_eq!(
            words,
            ["python3", "my engine.py", "--model", "en core", "a b"]
        );
        let line = join_command(&words[0], &words[1..]);
        assert_eq!(line, "python3 'my engine.py' --model 'en core' 'a b'");
        assert_eq!(split_command(&line), words);
        assert_eq!(split_command(r#"x '' "it's""#), ["x", "", "it's"]);
        assert_eq!(
            split_command(&join_command("x", &["it's".into()])),
            ["x", "it's"]
        );
        let m = parse_mapping("PERSON=PER, GPE=LOC ORG→ORGANIZATION").unwrap();
        assert_eq!(m.len(), 3);
        assert_eq!(show_mapping(&m), "GPE=LOC, ORG=ORGANIZATION, PERSON=PER");
        assert_eq!(
            parse_mapping("PERSON").unwrap_err(),
            "“PERSON” is not ENGINE=PROJECT"
        );
        assert!(parse_mapping(" ").unwrap().is_empty());
    }

    #[test]
    fn bad_engine_names_are_reported() {
        let mut s = MatcherSettings::default();
        for (name, command) in [
            ("rules", "a"),
            ("a+b", "b"),
            ("x", ""),
            ("x", "c"),
            ("", "d"),
        ] {
            s.external.push(ExternalEngine::new(name, command));
        }
        let problems = check(&s);
        assert_eq!(problems.len(), 5, "{problems:#?}");
    }

    #[test]
    fn the_spacy_engine_runs_the_bundled_script() {
        let l = Launch::spacy(&SpacyEngine::default());
        assert_eq!(l.command, "python3");
        assert_eq!(l.args[0], "-c");
        assert!(l.args[1].contains("def main()"));
        assert_eq!(l.args[2..], ["--model", "en_core_web_sm"]);
        assert_eq!(
            l.shown,
            "python3 engines/spacy_engine.py --model en_core_web_sm"
        );
    }

    #[test]
    fn suggested_categories_replace_one_value_and_add_to_several() {
        use crate::model::{CategoryScheme, CategoryValue, Color};
        let scheme = |name: &str, multiple| CategoryScheme {
            name: name.into(),
            multiple,
            values: ["a", "b", "c"]
                .map(|n| CategoryValue {
                    name: n.into(),
                    key: None,
                    color: Color([0, 0, 0]),
                })
                .into(),
            description: String::new(),
        };
        let mut p = Project::new("p");
        p.schemes = vec![scheme("one", false), scheme("many", true)];
        let mut d = Document::new(DocId(1), "d", "Text.");
        d.categories.insert("one".into(), vec!["a".into()]);
        d.categories.insert("many".into(), vec!["a".into()]);
        p.insert_document(d);
        let s = |scheme: &str, value: &str| CategorySuggestion {
            scheme: scheme.into(),
            value: value.into(),
            score: 0.5,
            engine: "e".into(),
        };
        let set = |c: Option<Command>| match c {
            Some(Command::SetCategories { values, .. }) => values,
            other => panic!("{other:?}"),
        };
        assert_eq!(set(accept_category(&p, DocId(1), &s("one", "b"))), ["b"]);
        assert_eq!(
            set(accept_category(&p, DocId(1), &s("many", "b"))),
            ["a", "b"]
        );
        assert!(accept_category(&p, DocId(1), &s("one", "a")).is_none());
        assert!(accept_category(&p, DocId(1), &s("one", "z")).is_none());
        let items: Vec<(DocId, CategorySuggestion)> = [
            s("one", "c"),
            s("one", "b"),
            s("many", "c"),
            s("many", "b"),
            s("many", "a"),
        ]
        .into_iter()
        .map(|c| (DocId(1), c))
        .collect();
        let (commands, count) = accept_categories(&p, &items);
        assert_eq!(count, 3);
        let values: Vec<Vec<String>> = commands.into_iter().map(|c| set(Some(c))).collect();
        assert_eq!(values, [vec!["a", "c", "b"], vec!["c"]]);
    }

    #[test]
    fn findings_are_kept_per_text_and_engine() {
        let mut cache = Cache::default();
        let a = Launch::external(&ExternalEngine::new("a", "a"));
        let mut slower = a.clone();
        slower.timeout = Duration::from_secs(999);
        let labels = vec!["PERSON".to_string()];
        let d = Document::new(DocId(1), "d", "Text one.");
        assert!(cache.get(&a, &labels, &d).is_none());
        cache.put(&a, &labels, &d, Some(Vec::new()));
        assert!(matches!(cache.get(&slower, &labels, &d), Some(Some(_))));
        assert!(cache.get(&a, &["ORG".to_string()], &d).is_none());
        let changed = Document::new(DocId(1), "d", "Text two.");
        assert!(cache.get(&a, &labels, &changed).is_none());
        cache.put(&a, &labels, &changed, None);
        assert!(matches!(cache.get(&a, &labels, &changed), Some(None)));
        assert!(cache.get(&a, &labels, &d).is_none(), "replaced");
        cache.forget_failures();
        assert!(cache.get(&a, &labels, &changed).is_none());
    }
}
