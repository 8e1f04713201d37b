//! A throw-away PostgreSQL cluster for the tests: Debian's PostgreSQL
//! (installed with apt where missing), `initdb` in a temporary folder with
//! trust authentication on loopback and a free port, run as an
//! unprivileged user (the `postgres` account when this runs as root:
//! `initdb` refuses root), stopped and deleted when dropped. Durability is
//! off: nothing in it outlives the run.

use crate::error::XtaskError;
use crate::process;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The role the tests connect as (made by `initdb -U`).
const ROLE: &str = "shop";

pub struct Cluster {
    folder: PathBuf,
    bin: PathBuf,
    as_postgres: bool,
    /// `postgres://shop@127.0.0.1:<port>/postgres`.
    pub url: String,
}

impl Cluster {
    /// Durability off: the tests' cluster, and `cargo xtask cluster`'s.
    pub fn start() -> Result<Self, XtaskError> {
        Self::start_with(false)
    }

    /// `durable`: every commit flushed to disk, as a shop runs it (the
    /// bench's, whose figures are the database's writes).
    pub fn start_with(durable: bool) -> Result<Self, XtaskError> {
        let bin = server_binaries()?;
        let as_postgres =
            process::output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
        let folder = std::env::temp_dir().join(format!("shop-postgres-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).map_err(XtaskError::io(&folder))?;
        let mut cluster = Self {
            url: String::new(),
            folder,
            bin,
            as_postgres,
        };
        if as_postgres {
            process::run(
                Command::new("chown")
                    .args(["postgres:postgres"])
                    .arg(&cluster.folder),
            )?;
        }
        let data = cluster.folder.join("data");
        process::run(
            cluster
                .tool("initdb")
                .args([
                    "-A",
                    "trust",
                    "-U",
                    ROLE,
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-sync",
                    "-D",
                ])
                .arg(&data),
        )?;
        let port = free_port()?;
        let mut settings = format!(
            "-c listen_addresses=127.0.0.1 -p {port} -k {} -c max_connections=400",
            cluster.folder.display()
        );
        if !durable {
            settings.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        process::run(
            cluster
                .tool("pg_ctl")
                .args(["start", "-w", "-t", "60", "-D"])
                .arg(&data)
                .args(["-o", &settings, "-l"])
                .arg(cluster.folder.join("server.log")),
        )?;
        cluster.url = format!("postgres://{ROLE}@127.0.0.1:{port}/postgres");
        Ok(cluster)
    }

    /// One SQL statement's answer, unaligned and without headers
    /// (`psql -At`): the bench reads the database's own counters.
    pub fn query(&self, sql: &str) -> Result<String, XtaskError> {
        let mut psql = self.tool("psql");
        psql.args(["-X", "-A", "-t", "-d", &self.url, "-c", sql]);
        process::output(&mut psql)
            .map(|answer| answer.trim().to_owned())
            .ok_or_else(|| XtaskError::Setup(format!("psql could not answer {sql:?}")))
    }

    fn tool(&self, name: &str) -> Command {
        let program = self.bin.join(name);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if !self.url.is_empty() {
            let _ = process::run(
                self.tool("pg_ctl")
                    .args(["stop", "-m", "immediate", "-D"])
                    .arg(self.folder.join("data")),
            );
        }
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// The newest PostgreSQL's server programs (`initdb`, `pg_ctl`), which
/// Debian keeps off `PATH` in a versioned folder.
fn server_binaries() -> Result<PathBuf, XtaskError> {
    if let Some(found) = newest_installed(Path::new("/usr/lib/postgresql")) {
        return Ok(found);
    }
    crate::setup::apt_install(&["postgresql"])?;
    newest_installed(Path::new("/usr/lib/postgresql")).ok_or_else(|| {
        XtaskError::Setup("PostgreSQL installed, yet no /usr/lib/postgresql/*/bin/initdb".into())
    })
}

fn newest_installed(root: &Path) -> Option<PathBuf> {
    std::fs::read_dir(root)
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version: u32 = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .max_by_key(|(version, _)| *version)
        .map(|(_, bin)| bin)
}

fn free_port() -> Result<u16, XtaskError> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|error| XtaskError::Setup(format!("no free port for PostgreSQL: {error}")))?;
    listener
        .local_addr()
        .map(|address| address.port())
        .map_err(|error| XtaskError::Setup(format!("no free port for PostgreSQL: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_versioned_folder_with_initdb_wins() {
        let root = tempfile::TempDir::new().unwrap();
        for version in ["13", "15", "16"] {
            std::fs::create_dir_all(root.path().join(version).join("bin")).unwrap();
        }
        for version in ["13", "15"] {
            std::fs::write(root.path().join(version).join("bin/initdb"), "").unwrap();
        }
        std::fs::create_dir_all(root.path().join("common")).unwrap();
        assert_eq!(
            newest_installed(root.path()),
            Some(root.path().join("15").join("bin"))
        );
        assert_eq!(newest_installed(&root.path().join("none")), None);
    }
}
