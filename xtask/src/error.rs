//! What can stop a task, each with the detail a developer needs to act.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum XtaskError {
    #[error("cannot run `{command}`: {source}")]
    Spawn {
        command: String,
        source: std::io::Error,
    },
    #[error("`{command}` failed ({status})")]
    Failed { command: String, status: String },
    #[error("cannot read or write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Setup(String),
    #[error("{name} did not become healthy at {url} within {seconds} s (logs: {logs})")]
    NotHealthy {
        name: &'static str,
        url: String,
        seconds: u64,
        logs: String,
    },
    #[error("{name} exited early ({status})")]
    Exited { name: &'static str, status: String },
    #[error("cannot install the Ctrl-C handler: {0}")]
    Signal(#[from] ctrlc::Error),
    /// Already reported by the summary line.
    #[error("some tests failed")]
    TestsFailed,
}

impl XtaskError {
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| XtaskError::Io { path, source }
    }
}
