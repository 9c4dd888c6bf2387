//! The annotators to compare or curate: project files picked in a dialog (several at once),
//! and the open project, which can count as one of them.
//!
//! The open project counts as it stands in the window, unsaved edits included — the usual
//! case is an annotator comparing their own work with a colleague's file. Picking the open
//! project's own file adds nothing twice: it ticks "the open project" instead. Files are read
//! as `gloss agree` reads them (`Session::peek`: their journal's unsaved edits included, no
//! lock taken), so a file open in another window can be compared too.

use std::path::{Path, PathBuf};

use egui::Ui;

use crate::app::jobs::Progress;
use crate::app::session::Session;
use crate::model::Project;
use crate::text::plural;

/// The annotators chosen so far.
#[derive(Debug, Default)]
pub struct Annotators {
    pub files: Vec<PathBuf>,
    /// Count the open project (as it is now) as an annotator.
    pub include_open: bool,
}

/// Where one annotator's project comes from, for a background job.
pub enum Source {
    File(PathBuf),
    /// The open project, as it was when the job started.
    Open(Box<Project>),
}

/// What the list asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Ask {
    /// Pick more project files.
    AddFiles,
}

impl Annotators {
    /// Add picked files, skipping ones already listed and the open project's own file.
    pub fn add(&mut self, paths: Vec<PathBuf>, open_path: Option<&Path>) {
        for p in paths {
            if open_path.is_some_and(|o| same_file(o, &p)) {
                self.include_open = true;
            } else if !self.files.iter().any(|f| same_file(f, &p)) {
                self.files.push(p);
            }
        }
    }

    /// How many annotators are chosen; the open project counts only when `open_allowed`.
    pub fn count(&self, open_allowed: bool) -> usize {
        self.files.len() + usize::from(open_allowed && self.include_open)
    }

    /// The chosen annotators' names and sources, the open project first.
    pub fn sources(
        &self,
        open: &Project,
        open_path: Option<&Path>,
        open_allowed: bool,
    ) -> Vec<(String, Source)> {
        let mut paths: Vec<&Path> = Vec::new();
        let with_open = open_allowed && self.include_open;
        if with_open {
            paths.push(open_path.unwrap_or(Path::new("")));
        }
        paths.extend(self.files.iter().map(PathBuf::as_path));
        let mut names = names(&paths);
        if with_open && open_path.is_none() {
            names[0] = format!("{} (open)", open.name);
        }
        let mut out = Vec::new();
        let mut names = names.into_iter();
        if with_open {
            let name = names.next().unwrap_or_default();
            out.push((name, Source::Open(Box::new(open.clone()))));
        }
        for (f, name) in self.files.iter().zip(names) {
            out.push((name, Source::File(f.clone())));
        }
        out
    }

    /// The list with its buttons. `open_name` is the open project's name; with `open_allowed`
    /// false (resuming a curation in the open project) it cannot be an annotator.
    pub fn ui(&mut self, ui: &mut Ui, open_name: &str, open_allowed: bool) -> Option<Ask> {
        let mut ask = None;
        ui.add_enabled_ui(open_allowed, |ui| {
            ui.checkbox(
                &mut self.include_open,
                format!("The open project ({open_name}), unsaved edits included"),
            );
        });
        let mut remove = None;
        for (i, f) in self.files.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .small_button("×")
                    .on_hover_text("Leave this project out")
                    .clicked()
                {
                    remove = Some(i);
                }
                ui.label(f.display().to_string());
            });
        }
        if let Some(i) = remove {
            self.files.remove(i);
        }
        ui.horizontal(|ui| {
            if ui
                .button("Add projects…")
                .on_hover_text("Pick one or more annotators' .ron project files")
                .clicked()
            {
                ask = Some(Ask::AddFiles);
            }
            let n = self.count(open_allowed);
            let text = format!("{n} annotator{} chosen", plural(n));
            if n < 2 {
                ui.weak(format!("{text}; at least 2 needed"));
            } else {
                ui.weak(text);
            }
        });
        ask
    }
}

/// Every annotator's name and project, and what reading the files said.
pub type Loaded = (Vec<(String, Project)>, Vec<String>);

/// Read every annotator's project (on a worker thread), ticking `progress` per file; with
/// what reading said (a journal's unsaved edits included, …).
pub fn load(sources: Vec<(String, Source)>, progress: &Progress) -> Result<Loaded, String> {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    for (name, source) in sources {
        if progress.is_cancelled() {
            return Err("cancelled".into());
        }
        let project = match source {
            Source::Open(p) => *p,
            Source::File(path) => {
                progress.set_stage(format!("reading {}", path.display()));
                let (project, notices) = Session::peek(&path).map_err(|e| e.to_string())?;
                notes.extend(notices);
                project
            }
        };
        progress.tick();
        out.push((name, project));
    }
    Ok((out, notes))
}

/// Short names for annotators' files: the file name without `.ron`, or more of the path where
/// two would read the same (`alice/news.ron`, `bob/news.ron`).
pub fn names(paths: &[&Path]) -> Vec<String> {
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| p.display().to_string())
    };
    let short: Vec<String> = paths.iter().map(|p| stem(p)).collect();
    short
        .iter()
        .zip(paths)
        .map(|(s, p)| {
            if short.iter().filter(|x| *x == s).count() == 1 {
                return s.clone();
            }
            match p.parent().and_then(|d| d.file_name()) {
                Some(dir) => format!("{}/{s}", dir.to_string_lossy()),
                None => p.display().to_string(),
            }
        })
        .collect()
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (a.canonicalize(), b.canonicalize()),
            (Ok(x), Ok(y)) if x == y
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_file_stems_unless_two_read_the_same() {
        let a = Path::new("/x/alice/news.ron");
        let b = Path::new("/x/bob/news.ron");
        let c = Path::new("/x/carol.ron");
        assert_eq!(names(&[a, b, c]), ["alice/news", "bob/news", "carol"]);
    }

    #[test]
    fn the_open_projects_file_is_not_added_twice() {
        let mut a = Annotators::default();
        let open = Path::new("/x/mine.ron");
        a.add(
            vec![
                PathBuf::from("/x/mine.ron"),
                PathBuf::from("/x/b.ron"),
                PathBuf::from("/x/b.ron"),
            ],
            Some(open),
        );
        assert!(a.include_open);
        assert_eq!(a.files, [PathBuf::from("/x/b.ron")]);
        assert_eq!(a.count(true), 2);
        assert_eq!(a.count(false), 1);
        let p = Project::new("mine");
        let names: Vec<String> = a
            .sources(&p, Some(open), true)
            .into_iter()
            .map(|s| s.0)
            .collect();
        assert_eq!(names, ["mine", "b"]);
    }
}
