//! A session: one open project, its file, its undo history and its journal.
//!
//! Every change goes through `Session::execute` (or undo/redo), which applies the command,
//! writes it to the journal and syncs it before returning: once `execute` returns, the edit
//! survives a crash. `save` writes the project atomically and starts a fresh journal.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::command::{Command, CommandError};
use super::history::History;
use crate::io::journal::{self, Header, Journal};
use crate::io::lock::ProjectLock;
use crate::io::{IoError, project_file, project_stream};
use crate::model::Project;

/// One line of the journal.
///
/// Undo and redo carry the command they applied: after a save the journal starts afresh while
/// the undo history goes on, so an undo may reach back before the journal's start, where only
/// the command itself can replay it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Entry {
    Do(Command),
    Undo(Command),
    Redo(Command),
}

const JOURNAL_VERSION: u32 = 1;

/// The name a project has until it is saved.
pub const UNTITLED: &str = "Untitled";

#[derive(Debug)]
pub struct Session {
    pub project: Project,
    path: Option<PathBuf>,
    history: History,
    journal: Option<Journal>,
    /// Held while the session edits a file, so a second window cannot.
    lock: Option<ProjectLock>,
    saved_position: u64,
    /// Bumped by every change; views cache derived data on it.
    revision: u64,
    /// Things the user must be told (journal replayed, journal failing, …), oldest first.
    notices: Vec<String>,
}

impl Session {
    /// A new, unsaved project. With `recovery`, edits are journaled there until it is saved, so
    /// even a project that was never saved survives a crash.
    pub fn untitled(recovery: Option<&Path>) -> Self {
        let mut s = Self::from_project(Project::new(UNTITLED), None);
        if let Some(path) = recovery {
            match ProjectLock::acquire(path) {
                Ok(lock) => {
                    s.lock = Some(lock);
                    let base = journal::content_hash(project_file::to_ron(&s.project).as_bytes());
                    s.start_journal(path, "(untitled)", base);
                }
                Err(_) => s.notices.push(
                    "another Gloss window keeps its unsaved work in the recovery journal; this window's work is safe once saved"
                        .into(),
                ),
            }
        }
        s
    }

    /// Reopen an untitled project from its recovery journal, if it holds edits.
    pub fn recover_untitled(recovery: &Path) -> Option<Self> {
        let contents = journal::read::<Entry>(recovery).ok().flatten()?;
        if contents.entries.is_empty() {
            return None;
        }
        let lock = ProjectLock::acquire(recovery).ok()?;
        let mut s = Self::from_project(Project::new(UNTITLED), None);
        s.lock = Some(lock);
        let base = journal::content_hash(project_file::to_ron(&s.project).as_bytes());
        if contents.header.base != base {
            return None;
        }
        s.replay(recovery, contents.header, contents.entries);
        Some(s)
    }

    fn from_project(project: Project, path: Option<PathBuf>) -> Self {
        Self {
            project,
            path,
            history: History::default(),
            journal: None,
            lock: None,
            saved_position: 0,
            revision: 0,
            notices: Vec::new(),
        }
    }

    /// Start a session on a project that exists only in memory, to be saved at `path`.
    pub fn with_project(project: Project, path: Option<PathBuf>) -> Self {
        let mut s = Self::from_project(project, path);
        // Not yet on disk: unsaved until the first save.
        s.saved_position = u64::MAX;
        s
    }

    /// The project as it stands in `path` plus any unsaved edits in its journal, without
    /// writing, locking or moving anything: for reading while a window may have it open.
    /// Returns the project and notices about the journal.
    pub fn peek(path: &Path) -> Result<(Project, Vec<String>), IoError> {
        let (project, base) = read_project(path)?;
        let mut s = Self::from_project(project, Some(path.to_path_buf()));
        let jpath = journal::path_for(path);
        match journal::read::<Entry>(&jpath) {
            Ok(Some(c)) if c.header.base == base && !c.entries.is_empty() => {
                let n = c.entries.len();
                let applied = s.apply_entries(c.entries);
                s.notices.push(format!(
                    "{}: includes {applied} of {n} unsaved edits from the journal",
                    path.display()
                ));
            }
            Ok(Some(c)) if c.header.base != base && !c.entries.is_empty() => {
                // Open for editing, the project sets such a journal aside; a read leaves it be,
                // but the reader must know its edits are not in what they see.
                s.notices.push(format!(
                    "{} belongs to another version of {}; its edits are not included",
                    jpath.display(),
                    file_name(path)
                ));
            }
            Ok(_) => {}
            Err(e) => s.notices.push(format!(
                "{e}; the journal was ignored, so its edits are not included"
            )),
        }
        Ok((s.project, s.notices))
    }

    /// Open a project file for editing, replaying its journal if the last session ended
    /// without saving. Fails if another window has it open.
    pub fn open(path: &Path) -> Result<Self, IoError> {
        let (project, base) = read_project(path)?;
        let lock = ProjectLock::acquire(path)?;
        let mut s = Self::from_project(project, Some(path.to_path_buf()));
        s.lock = Some(lock);
        let jpath = journal::path_for(path);
        let name = file_name(path);
        match journal::read::<Entry>(&jpath) {
            Ok(Some(c)) if c.header.base == base && c.entries.is_empty() && !c.torn_tail => {
                // A journal with nothing after the last save: carry on appending to it.
                match Journal::open_append(&jpath, 0) {
                    Ok(j) => s.journal = Some(j),
                    Err(_) => s.start_journal(&jpath, &name, base),
                }
            }
            Ok(Some(c)) if c.header.base == base => {
                if c.torn_tail {
                    s.notices.push(format!(
                        "{}: the last edit before the crash was only half written and is lost",
                        jpath.display()
                    ));
                }
                s.replay(&jpath, c.header, c.entries);
            }
            Ok(Some(_)) => {
                // Written against another version of the file (e.g. the crash came between the
                // save and the journal reset): its edits are either in the file or belong to
                // text that no longer exists. Keep it, but do not replay it.
                let note = match journal::set_aside(&jpath) {
                    Ok(kept) => format!(
                        "{} belongs to another version of {name}; not replayed, kept as {}",
                        jpath.display(),
                        kept.display()
                    ),
                    Err(e) => e.to_string(),
                };
                s.notices.push(note);
                s.start_journal(&jpath, &name, base);
            }
            Ok(None) => s.start_journal(&jpath, &name, base),
            Err(e) => {
                let kept = journal::set_aside(&jpath)
                    .map(|p| format!("; kept as {}", p.display()))
                    .unwrap_or_default();
                s.notices
                    .push(format!("{e}; the journal was not replayed{kept}"));
                s.start_journal(&jpath, &name, base);
            }
        }
        Ok(s)
    }

    /// Apply journal entries in order, stopping at the first that does not apply; returns how
    /// many applied.
    fn apply_entries(&mut self, entries: Vec<Entry>) -> usize {
        let mut n = 0;
        for entry in entries {
            let ok = match entry {
                Entry::Do(c) => self.apply_recorded(c).is_ok(),
                // Within the replayed history, walk it, so redo stays possible after recovery;
                // reaching back before it, apply the journaled command as a step of its own.
                Entry::Undo(c) if self.history.next_undo() == Some(&c) => {
                    matches!(self.history.undo(&mut self.project), Ok(Some(_)))
                }
                Entry::Redo(c) if self.history.next_redo() == Some(&c) => {
                    matches!(self.history.redo(&mut self.project), Ok(Some(_)))
                }
                // Reaching back before the replayed history and forward again (undo past the
                // last save, then redo): the second entry takes back the step the first became,
                // so the project is clean again where it was clean before the crash.
                Entry::Undo(c) | Entry::Redo(c) if self.history.next_undo() == Some(&c) => {
                    matches!(self.history.undo(&mut self.project), Ok(Some(_)))
                }
                Entry::Undo(c) | Entry::Redo(c) if self.history.next_redo() == Some(&c) => {
                    matches!(self.history.redo(&mut self.project), Ok(Some(_)))
                }
                Entry::Undo(c) | Entry::Redo(c) => self.apply_recorded(c).is_ok(),
            };
            if !ok {
                break;
            }
            n += 1;
        }
        self.revision += 1;
        n
    }

    /// Apply journal entries to the freshly loaded project, then continue that journal.
    fn replay(&mut self, jpath: &Path, header: Header, entries: Vec<Entry>) {
        let total = entries.len();
        let mut applied = entries;
        let n = self.apply_entries(applied.clone());
        applied.truncate(n);
        if n < total {
            self.notices.push(format!(
                "{}: replayed {n} of {total} edits; entry {} does not apply to this project and the rest were dropped",
                jpath.display(),
                n + 1
            ));
        } else {
            self.notices.push(format!(
                "Recovered {n} unsaved edit{} from {} (the last session ended without saving). Save to keep them.",
                if n == 1 { "" } else { "s" },
                jpath.display()
            ));
        }
        // Rewrite the journal with exactly what applied: drops a torn last line and anything
        // that did not apply, so new entries follow clean ones.
        match journal::rewrite(jpath, &header, &applied) {
            Ok(j) => self.journal = Some(j),
            Err(e) => self
                .notices
                .push(format!("{e}; edits are not being journaled")),
        }
    }

    fn start_journal(&mut self, jpath: &Path, project: &str, base: String) {
        let header = Header {
            gloss_journal: JOURNAL_VERSION,
            project: project.to_string(),
            base,
        };
        match Journal::create(jpath, &header) {
            Ok(j) => self.journal = Some(j),
            Err(e) => {
                self.journal = None;
                self.notices
                    .push(format!("{e}; edits are not being journaled, so save often"));
            }
        }
    }

    fn apply_recorded(&mut self, command: Command) -> Result<(), CommandError> {
        let description = command.describe();
        let inverse = command.apply(&mut self.project)?;
        self.history.record(inverse, description);
        self.revision += 1;
        Ok(())
    }

    fn write_journal(&mut self, entry: &Entry) {
        if let Some(j) = &mut self.journal
            && let Err(e) = j.append(entry)
        {
            self.notices
                .push(format!("{e}; this edit is only in memory, save now"));
        }
    }

    /// Apply a command as one undoable step, journaled before returning.
    pub fn execute(&mut self, command: Command) -> Result<(), CommandError> {
        let entry = Entry::Do(command.clone());
        self.apply_recorded(command)?;
        self.write_journal(&entry);
        Ok(())
    }

    /// Undo one step; returns what was undone.
    pub fn undo(&mut self) -> Result<Option<String>, CommandError> {
        let Some((description, applied)) = self.history.undo(&mut self.project)? else {
            return Ok(None);
        };
        self.revision += 1;
        self.write_journal(&Entry::Undo(applied));
        Ok(Some(description))
    }

    /// Redo one step; returns what was redone.
    pub fn redo(&mut self) -> Result<Option<String>, CommandError> {
        let Some((description, applied)) = self.history.redo(&mut self.project)? else {
            return Ok(None);
        };
        self.revision += 1;
        self.write_journal(&Entry::Redo(applied));
        Ok(Some(description))
    }

    /// Save to the current path. Untitled sessions need `save_as`.
    pub fn save(&mut self) -> Result<(), IoError> {
        let Some(path) = self.path.clone() else {
            return Err(IoError::Other {
                path: PathBuf::from(UNTITLED),
                message: "has no file yet; choose where to save it".into(),
            });
        };
        self.save_to(&path)
    }

    /// Save to `path` and make it the session's file from now on.
    pub fn save_as(&mut self, path: &Path) -> Result<(), IoError> {
        let old_journal = self.journal.as_ref().map(|j| j.path().to_path_buf());
        self.save_to(path)?;
        if let Some(old) = old_journal
            && old != journal::path_for(path)
        {
            let _ = journal::remove(&old);
        }
        Ok(())
    }

    fn save_to(&mut self, path: &Path) -> Result<(), IoError> {
        // Refuse to write over a project another window is editing; from now on, hold its lock.
        if self.lock.as_ref().map(ProjectLock::target) != Some(path) {
            self.lock = Some(ProjectLock::acquire(path)?);
        }
        if self.path.is_none() && self.project.name == UNTITLED {
            self.project.name = file_stem(path);
        }
        let text = project_file::to_ron(&self.project);
        crate::io::write_atomic(path, text.as_bytes())?;
        self.path = Some(path.to_path_buf());
        self.saved_position = self.history.position();
        let jpath = journal::path_for(path);
        self.journal = None;
        self.start_journal(
            &jpath,
            &file_name(path),
            journal::content_hash(text.as_bytes()),
        );
        Ok(())
    }

    /// Close the session without saving: the journal is removed, its edits discarded.
    pub fn discard(mut self) {
        if let Some(j) = self.journal.take() {
            let _ = journal::remove(j.path());
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_dirty(&self) -> bool {
        self.history.position() != self.saved_position
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// Take the notices gathered since the last call.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// The title for the window: project name, file, and a mark when unsaved.
    pub fn title(&self) -> String {
        let file = self
            .path
            .as_deref()
            .map(file_name)
            .unwrap_or_else(|| "not saved".into());
        let dirty = if self.is_dirty() { "● " } else { "" };
        format!("{dirty}{} ({file}) — Gloss", self.project.name)
    }
}

/// Read and parse a project file; also returns the hash of its bytes, the journal's `base`.
fn read_project(path: &Path) -> Result<(Project, String), IoError> {
    project_stream::load_hashed(path)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| UNTITLED.into())
}
