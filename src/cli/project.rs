//! Opening and closing a project for a task, as the session does it (`Session::open_for_task`,
//! `Session::close`), with what is worth knowing printed on stderr: a replayed journal, a wait
//! for another command that holds the project, a rejected import's errors.

use std::fmt::Display;
use std::path::Path;

use super::{CliError, file_stem};
use crate::app::{Command, OpenInfo, Session};
use crate::model::Project;

/// Open the project at `path` for a task that may change it, or start a new one (named after
/// the file) when there is no file yet. The lock is waited for; notices go to stderr.
pub(super) fn open_for_editing(path: &Path) -> Result<(Session, OpenInfo), CliError> {
    open_for_editing_or(path, || Project::new(file_stem(path)))
}

/// [`open_for_editing`], with `new` making the project when the file does not exist.
pub(super) fn open_for_editing_or(
    path: &Path,
    new: impl FnOnce() -> Project,
) -> Result<(Session, OpenInfo), CliError> {
    let (mut session, info) = Session::open_for_task(path, new, waiting_for)?;
    report_notices(&mut session);
    Ok((session, info))
}

/// Tell the user whose turn it is while the project's lock is held by another command.
pub(super) fn waiting_for(holder: &str) {
    eprintln!("gloss: waiting for {holder} to finish with the project…");
}

/// Apply `command` to the project at `path` as one step and save it; the session comes back
/// with whether it was saved (not when there was nothing to apply). A command that does not
/// apply changed nothing: the session is closed and the error returned. A save that fails
/// drops the session without closing it: its journal holds the edit and the next open
/// replays it.
pub(super) fn apply_and_save(
    mut session: Session,
    path: &Path,
    command: Option<Command>,
) -> Result<(Session, bool), CliError> {
    let Some(command) = command else {
        return Ok((session, false));
    };
    if let Err(source) = session.execute(command) {
        session.close(false);
        return Err(CliError::Command {
            path: path.to_path_buf(),
            source,
        });
    }
    report_notices(&mut session);
    session.save()?;
    report_notices(&mut session);
    Ok((session, true))
}

/// The project as it stands, including unsaved edits in its journal, without changing anything
/// on disk: no journal is written or moved and no lock is taken, so this is safe while a
/// window has the project open.
pub(super) fn open_for_reading(path: &Path) -> Result<Project, CliError> {
    let (project, notices) = Session::peek(path)?;
    for notice in notices {
        eprintln!("gloss: {notice}");
    }
    Ok(project)
}

pub(super) fn report_notices(session: &mut Session) {
    for notice in session.take_notices() {
        eprintln!("gloss: {notice}");
    }
}

/// Print every error of an import that took nothing; the returned error is the closing line.
pub(super) fn rejected(format: &'static str, errors: &[impl Display]) -> CliError {
    for e in errors {
        eprintln!("gloss: {e}");
    }
    CliError::ImportRejected {
        format,
        count: errors.len(),
    }
}
