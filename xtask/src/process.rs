//! Running other programs with the project's tool folders on `PATH`, and
//! echoing each command so that a developer can rerun it by hand.

use crate::error::XtaskError;
use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Where `cargo install` puts binaries.
pub fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// `PATH` with npm's and cargo's tool folders first, so that Trunk finds the
/// pinned wasm-bindgen and wasm-opt instead of downloading its own.
pub fn tool_path(root: &Path) -> OsString {
    let mut dirs = vec![root.join("node_modules").join(".bin"), cargo_bin_dir()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// A command in `root` with the tool `PATH`.
pub fn command(root: &Path, program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root).env("PATH", tool_path(root));
    command
}

pub fn describe(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|part| part.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs to completion with inherited output; an exit other than 0 is an error.
pub fn run(command: &mut Command) -> Result<(), XtaskError> {
    let description = describe(command);
    println!("$ {description}");
    let status = command.status().map_err(|source| XtaskError::Spawn {
        command: description.clone(),
        source,
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(XtaskError::Failed {
            command: description,
            status: status.to_string(),
        })
    }
}

/// Runs and returns standard output, or `None` when the program is missing
/// or fails (used to ask a tool for its version).
pub fn output(command: &mut Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Runs with standard output echoed line by line and handed to `on_line`
/// (to count test results) while it runs.
pub fn run_streaming(
    command: &mut Command,
    mut on_line: impl FnMut(&str),
) -> Result<bool, XtaskError> {
    let description = describe(command);
    println!("$ {description}");
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|source| XtaskError::Spawn {
            command: description.clone(),
            source,
        })?;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            on_line(&line);
        }
    }
    let status = child.wait().map_err(|source| XtaskError::Spawn {
        command: description,
        source,
    })?;
    Ok(status.success())
}
