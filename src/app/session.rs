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
use crate::io::{IoError, atomic, project_file, project_stream};
use crate::model::{DocId, Project, Status};
use crate::text::plural;

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
    /// A journal was beside the project before this session opened it (see
    /// [`Session::open_for_task`]); [`Session::close`] keeps it unless the project was saved.
    had_journal: bool,
}

/// How a project opened for a task was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenInfo {
    /// The project file was there; otherwise the session holds a new project, written by the
    /// first save.
    pub existed: bool,
    /// A journal was beside the project before this run.
    pub had_journal: bool,
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
            had_journal: false,
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
                let (applied, failed) = s.apply_entries(c.entries);
                let skipped = if failed.is_empty() {
                    String::new()
                } else {
                    format!(" ({} did not apply)", entry_list(&failed))
                };
                s.notices.push(format!(
                    "{}: includes {} of {n} unsaved edits from the journal{skipped}",
                    path.display(),
                    applied.len()
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
    /// without saving. The lock is taken before the file is read; a project path that is a
    /// symbolic link opens the file it points to. Fails if another process has it open.
    pub fn open(path: &Path) -> Result<Self, IoError> {
        let path = atomic::resolve(path)?;
        let lock = ProjectLock::acquire(&path)?;
        Self::open_locked(&path, lock)
    }

    /// Open the project at `path` for editing, or — when there is no file there yet — start
    /// `new()` in memory, to be written at `path` by the first save. Either way the lock is
    /// held from before the file is looked at, so a project another process is creating or
    /// changing is seen only as that process saved it. Returns whether the file existed.
    pub fn open_or_new(
        path: &Path,
        new: impl FnOnce() -> Project,
    ) -> Result<(Self, bool), IoError> {
        let path = atomic::resolve(path)?;
        let lock = ProjectLock::acquire(&path)?;
        Self::open_or_new_locked(lock, new)
    }

    /// `open_or_new` with the lock already taken (for the file `lock.target()`, a link
    /// already resolved), for a caller that waits for it in its own way.
    pub fn open_or_new_locked(
        lock: ProjectLock,
        new: impl FnOnce() -> Project,
    ) -> Result<(Self, bool), IoError> {
        let path = lock.target().to_path_buf();
        if path.symlink_metadata().is_ok() {
            return Ok((Self::open_locked(&path, lock)?, true));
        }
        let mut s = Self::with_project(new(), Some(path));
        s.lock = Some(lock);
        Ok((s, false))
    }

    /// Open a project for a task run without the window (the CLI): a read-only project is
    /// refused before anything is done; the project's lock is taken, waiting for another
    /// command that holds it as long as [`crate::io::lock::wait_limit`] allows and telling
    /// `waiting` who it waits for; then the project is opened, replaying its journal, or — when
    /// the file does not exist yet — `new()` is started in memory, written by the first save.
    pub fn open_for_task(
        path: &Path,
        new: impl FnOnce() -> Project,
        waiting: impl FnMut(&str),
    ) -> Result<(Self, OpenInfo), IoError> {
        atomic::check_writable(path)?;
        let real = atomic::resolve(path)?;
        let lock = ProjectLock::acquire_with(&real, crate::io::lock::wait_limit(), waiting)?;
        let had_journal = journal::path_for(&real).symlink_metadata().is_ok();
        let (mut session, existed) = Self::open_or_new_locked(lock, new)?;
        session.had_journal = had_journal;
        Ok((
            session,
            OpenInfo {
                existed,
                had_journal,
            },
        ))
    }

    /// Write `project` as a new file at `path` (`gloss new`), holding the project's lock while
    /// looking and writing, so two processes creating the same file cannot both write.
    /// `Ok(false)`, with nothing written, when something is already there — a dangling
    /// symbolic link too, which a write would follow.
    pub fn create_file(
        path: &Path,
        project: &Project,
        waiting: impl FnMut(&str),
    ) -> Result<bool, IoError> {
        let _lock = ProjectLock::acquire_with(path, crate::io::lock::wait_limit(), waiting)?;
        if path.symlink_metadata().is_ok() {
            return Ok(false);
        }
        project_file::save(path, project)?;
        Ok(true)
    }

    /// End a task's session (see [`Session::open_for_task`]). After a save the journal holds
    /// nothing, and with no journal before this run the fresh one holds nothing either: both
    /// are removed, as closing the window does. A journal that was there before and was not
    /// saved into the project is kept for the window. A session whose save failed is dropped
    /// instead: its journal holds the edits and the next open replays them.
    pub fn close(self, saved: bool) {
        if saved || !self.had_journal {
            self.discard();
        }
    }

    fn open_locked(path: &Path, lock: ProjectLock) -> Result<Self, IoError> {
        let (project, base) = read_project(path)?;
        let mut s = Self::from_project(project, Some(path.to_path_buf()));
        s.lock = Some(lock);
        let name = file_name(path);
        let cleaned = atomic::clean_stale(path);
        if !cleaned.is_empty() {
            s.notices.push(format!(
                "removed {} temporary file{} left by an interrupted save of {name}",
                cleaned.len(),
                plural(cleaned.len())
            ));
        }
        if let Err(e) = atomic::check_writable(path) {
            s.notices.push(format!(
                "{e}; you can read and edit it, but not save it there"
            ));
        }
        let jpath = journal::path_for(path);
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
                        "{}: the last edit in it was only half written (Gloss stopped while writing it) and was never confirmed, so it is not replayed",
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

    /// Apply journal entries in order. An entry that does not apply is skipped and the rest
    /// still applied; returns the entries that applied and the (1-based) numbers of those
    /// that did not.
    fn apply_entries(&mut self, entries: Vec<Entry>) -> (Vec<Entry>, Vec<usize>) {
        let mut applied = Vec::with_capacity(entries.len());
        let mut failed = Vec::new();
        for (i, entry) in entries.into_iter().enumerate() {
            let ok = match &entry {
                Entry::Do(c) => self.apply_recorded(c.clone()).is_ok(),
                // Within the replayed history, walk it, so redo stays possible after recovery;
                // reaching back before it, apply the journaled command as a step of its own.
                Entry::Undo(c) if self.history.next_undo() == Some(c) => {
                    matches!(self.history.undo(&mut self.project), Ok(Some(_)))
                }
                Entry::Redo(c) if self.history.next_redo() == Some(c) => {
                    matches!(self.history.redo(&mut self.project), Ok(Some(_)))
                }
                // Reaching back before the replayed history and forward again (undo past the
                // last save, then redo): the second entry takes back the step the first became,
                // so the project is clean again where it was clean before the crash.
                Entry::Undo(c) | Entry::Redo(c) if self.history.next_undo() == Some(c) => {
                    matches!(self.history.undo(&mut self.project), Ok(Some(_)))
                }
                Entry::Undo(c) | Entry::Redo(c) if self.history.next_redo() == Some(c) => {
                    matches!(self.history.redo(&mut self.project), Ok(Some(_)))
                }
                Entry::Undo(c) | Entry::Redo(c) => self.apply_recorded(c.clone()).is_ok(),
            };
            if ok {
                applied.push(entry);
            } else {
                failed.push(i + 1);
            }
        }
        self.revision += 1;
        (applied, failed)
    }

    /// Apply journal entries to the freshly loaded project, then continue that journal. When
    /// some entries do not apply, the journal as it was is kept aside first (`.orphan`), so
    /// nothing in it is lost, and the user is told which entries were skipped.
    fn replay(&mut self, jpath: &Path, header: Header, entries: Vec<Entry>) {
        let total = entries.len();
        let (applied, failed) = self.apply_entries(entries);
        let n = applied.len();
        if failed.is_empty() {
            self.notices.push(format!(
                "Recovered {n} unsaved edit{} from {} (the last session ended without saving). Save to keep them.",
                plural(n),
                jpath.display()
            ));
        } else {
            let kept = match journal::keep_copy(jpath) {
                Ok(p) => format!("the whole journal is kept as {}", p.display()),
                Err(e) => {
                    // Without a copy, rewriting would lose the skipped entries: leave the
                    // journal as it is and journal nothing more until a save.
                    self.notices.push(format!(
                        "{}: replayed {n} of {total} edits; {} did not apply; {e}, so the journal is left as it was and new edits are not journaled: save now",
                        jpath.display(),
                        entry_list(&failed)
                    ));
                    return;
                }
            };
            self.notices.push(format!(
                "{}: replayed {n} of {total} edits; {} did not apply to this project and {} skipped; {kept}",
                jpath.display(),
                entry_list(&failed),
                if failed.len() == 1 { "was" } else { "were" }
            ));
        }
        // Rewrite the journal with exactly what applied: drops a torn last line and anything
        // that did not apply (kept aside above), so new entries follow clean ones.
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

    /// Apply a command as one undoable step, journaled before returning. The rules that hold for
    /// every edit, from the window, the command line or a test, are applied here: the first
    /// annotation on a document still marked "todo" also marks it "in progress", in the same step.
    pub fn execute(&mut self, command: Command) -> Result<(), CommandError> {
        let command = self.with_status_rule(command);
        let entry = Entry::Do(command.clone());
        self.apply_recorded(command)?;
        self.write_journal(&entry);
        Ok(())
    }

    /// `command`, and when it annotates documents still marked "todo", a batch that also marks
    /// them "in progress" (one undo step, named as the command is).
    fn with_status_rule(&self, command: Command) -> Command {
        let todo: Vec<DocId> = command
            .annotated_docs()
            .into_iter()
            .filter(|d| {
                self.project
                    .document(*d)
                    .is_some_and(|d| d.status == Status::Todo)
            })
            .collect();
        if todo.is_empty() {
            return command;
        }
        let name = command.describe();
        let mut commands = vec![command];
        commands.extend(todo.into_iter().map(|doc| Command::SetStatus {
            doc,
            status: Status::InProgress,
        }));
        Command::Batch { name, commands }
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
            && Some(old.as_path()) != self.journal.as_ref().map(Journal::path)
        {
            let _ = journal::remove(&old);
        }
        Ok(())
    }

    fn save_to(&mut self, path: &Path) -> Result<(), IoError> {
        // A link is saved through: the file it points to is the project.
        let path = &atomic::resolve(path)?;
        // Refuse to write over a project another window is editing; from now on, hold its lock.
        if self.lock.as_ref().map(ProjectLock::target) != Some(path.as_path()) {
            self.lock = Some(ProjectLock::acquire(path)?);
        }
        if self.path.is_none() && self.project.name == UNTITLED {
            self.project.name = file_stem(path);
        }
        let text = project_file::to_ron(&self.project);
        atomic::write_project(path, text.as_bytes())?;
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

/// "entry 4" or "entries 4, 9 and 12".
fn entry_list(numbers: &[usize]) -> String {
    let mut words: Vec<String> = numbers.iter().map(usize::to_string).collect();
    match words.len() {
        0 => String::new(),
        1 => format!("entry {}", words[0]),
        _ => {
            let last = words.pop().unwrap_or_default();
            format!("entries {} and {last}", words.join(", "))
        }
    }
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
