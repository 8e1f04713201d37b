//! Installs what the tasks need and skips what is already there: the wasm
//! target, Trunk, the wasm-bindgen CLI matching `Cargo.lock`, npm packages
//! from `package-lock.json` (wasm-opt, Playwright, Lighthouse), for tests
//! Debian's Chromium with its driver, and for the bench Debian's wrk. Every tool comes from a package registry,
//! never from a download that a closed network would refuse.

use crate::error::XtaskError;
use crate::process::{self, command};
use std::path::Path;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Building and running the shop.
    Build,
    /// Also a browser, for the tests.
    Browser,
}

pub fn ensure(root: &Path, needs: Needs) -> Result<(), XtaskError> {
    ensure_wasm_target(root)?;
    let bindgen = wasm_bindgen_version(root)?;
    check_trunk_toml(root, &bindgen)?;
    ensure_cargo_tool(root, "trunk", "trunk", TRUNK_VERSION, &["--locked"])?;
    // No `--locked`: the CLI's own lock file names a crate version that the
    // registry no longer serves.
    ensure_cargo_tool(root, "wasm-bindgen", "wasm-bindgen-cli", &bindgen, &[])?;
    ensure_npm_packages(root)?;
    if needs == Needs::Browser {
        ensure_chromium()?;
    }
    Ok(())
}

fn ensure_wasm_target(root: &Path) -> Result<(), XtaskError> {
    const TARGET: &str = "wasm32-unknown-unknown";
    let installed =
        process::output(command(root, "rustup").args(["target", "list", "--installed"]));
    match installed {
        Some(list) if list.lines().any(|line| line.trim() == TARGET) => Ok(()),
        Some(_) => process::run(command(root, "rustup").args(["target", "add", TARGET])),
        None => {
            println!("xtask: rustup not found; assuming the toolchain has {TARGET}");
            Ok(())
        }
    }
}

/// The exact `wasm-bindgen` version in `Cargo.lock`: the CLI must match it.
pub fn wasm_bindgen_version(root: &Path) -> Result<String, XtaskError> {
    let path = root.join("Cargo.lock");
    let lock = std::fs::read_to_string(&path).map_err(XtaskError::io(&path))?;
    locked_version(&lock, "wasm-bindgen").ok_or_else(|| {
        XtaskError::Setup(
            "Cargo.lock has no wasm-bindgen package; run `cargo generate-lockfile`".into(),
        )
    })
}

fn locked_version(lock: &str, package: &str) -> Option<String> {
    let wanted = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines.next()?.trim().strip_prefix("version = \"")?;
            return Some(version.trim_end_matches('"').to_owned());
        }
    }
    None
}

/// Trunk runs offline with the tools on `PATH` only when `Trunk.toml` names
/// their exact versions.
fn check_trunk_toml(root: &Path, bindgen: &str) -> Result<(), XtaskError> {
    let path = root.join("Trunk.toml");
    let trunk_toml = std::fs::read_to_string(&path).map_err(XtaskError::io(&path))?;
    let expected = format!("wasm_bindgen = \"{bindgen}\"");
    if trunk_toml.lines().any(|line| line.trim() == expected) {
        Ok(())
    } else {
        Err(XtaskError::Setup(format!(
            "Trunk.toml must say `{expected}` under [tools] to match Cargo.lock"
        )))
    }
}

fn ensure_cargo_tool(
    root: &Path,
    binary: &str,
    krate: &str,
    version: &str,
    extra: &[&str],
) -> Result<(), XtaskError> {
    let installed = process::output(command(root, binary).arg("--version"));
    if installed
        .as_deref()
        .is_some_and(|text| text.split_whitespace().any(|word| word == version))
    {
        return Ok(());
    }
    println!("xtask: installing {krate} {version} (a few minutes, once)");
    process::run(
        command(root, "cargo")
            .args(["install", krate, "--version", &format!("={version}")])
            .args(extra),
    )
}

/// `npm ci` when `node_modules` was not installed from this exact
/// `package-lock.json`.
fn ensure_npm_packages(root: &Path) -> Result<(), XtaskError> {
    let lock_path = root.join("package-lock.json");
    let stamp_path = root.join("node_modules").join(".xtask-package-lock.json");
    let lock = std::fs::read(&lock_path).map_err(XtaskError::io(&lock_path))?;
    if std::fs::read(&stamp_path).is_ok_and(|stamp| stamp == lock) {
        return Ok(());
    }
    process::run(command(root, "npm").args(["ci", "--no-audit", "--no-fund"]))?;
    std::fs::write(&stamp_path, lock).map_err(XtaskError::io(&stamp_path))
}

fn ensure_chromium() -> Result<(), XtaskError> {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return Ok(());
    }
    println!("xtask: installing Debian's chromium and chromium-driver");
    apt_install(&["chromium", "chromium-driver"])
}

/// The HTTP load generator of `cargo xtask bench`.
pub fn ensure_wrk() -> Result<(), XtaskError> {
    if on_path("wrk") {
        return Ok(());
    }
    println!("xtask: installing Debian's wrk");
    apt_install(&["wrk"])
}

/// Debian's HAProxy, the load balancer of `cargo xtask cluster`.
pub const HAPROXY: &str = "/usr/sbin/haproxy";

pub fn ensure_haproxy() -> Result<(), XtaskError> {
    if std::path::Path::new(HAPROXY).is_file() {
        return Ok(());
    }
    println!("xtask: installing Debian's haproxy");
    apt_install(&["haproxy"])
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// `apt-get update` then `apt-get install`, through `sudo -n` unless root.
pub(crate) fn apt_install(packages: &[&str]) -> Result<(), XtaskError> {
    let as_root = process::output(std::process::Command::new("id").arg("-u"))
        .is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut apt = if as_root {
            std::process::Command::new("apt-get")
        } else {
            let mut sudo = std::process::Command::new("sudo");
            sudo.args(["-n", "apt-get"]);
            sudo
        };
        apt.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        process::run(&mut apt)
    };
    apt(&["update"])?;
    apt(&[&["install", "-y", "--no-install-recommends"], packages].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_locked_version_of_a_package() {
        let lock = "[[package]]\nname = \"wasm-bindgen-shared\"\nversion = \"9.9.9\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(lock, "leptos"), None);
    }

    #[test]
    fn trunk_toml_names_the_locked_wasm_bindgen() {
        let root = crate::workspace_root();
        let version = wasm_bindgen_version(&root).unwrap();
        check_trunk_toml(&root, &version).unwrap();
    }
}
