//! How the window starts, as the command line asks for it: the project to open and the
//! screenshot to take. The CLI builds it without knowing the window; `ui::run` takes it.

use std::path::PathBuf;

/// How the window starts.
#[derive(Debug, Default, Clone)]
pub struct WindowLaunch {
    /// A project to open; `None` opens a new untitled project (or recovers one).
    pub project: Option<PathBuf>,
    /// Save a screenshot of the first settled frame to this PNG, then quit.
    pub screenshot: Option<PathBuf>,
}
