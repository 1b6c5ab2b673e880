//! Runs the real `voxtune` binary with its config dir in a fresh temp dir.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub cwd: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().unwrap(),
            cwd: tempfile::tempdir().unwrap(),
        }
    }

    pub fn config(&self) -> &Path {
        self.dir.path()
    }

    pub fn profile_path(&self, name: &str) -> PathBuf {
        self.config().join("profiles").join(format!("{name}.json"))
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_voxtune"));
        cmd.args(args)
            .current_dir(self.cwd.path())
            .env("VOXTUNE_CONFIG_DIR", self.config())
            .env_remove("VOXTUNE_BASE_URL")
            .env_remove("VOXTUNE_DATA_DIR")
            .env("NO_COLOR", "1");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, "")
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the voxtune binary runs");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        to_run(child.wait_with_output().unwrap())
    }

    /// Writes a file under the sandbox's working directory and returns its path.
    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.cwd.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    pub fn import_seed(&self, name: &str) -> Run {
        let run = self.run(&[
            "profiles",
            "import",
            &fixture("seed-example.curl"),
            "--name",
            name,
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run
    }
}

fn to_run(out: Output) -> Run {
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The JSON body inside the reference curl command, parsed with key order kept.
pub fn seed_body() -> serde_json::Value {
    let text = std::fs::read_to_string(fixture("seed-example.curl")).unwrap();
    let start = text.find("'\n{").unwrap() + 1;
    let end = text.rfind('\'').unwrap();
    serde_json::from_str(&text[start..end]).unwrap()
}

/// Two values equal including the order of every object's keys.
pub fn same_with_order(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    serde_json::to_string(a).unwrap() == serde_json::to_string(b).unwrap()
}
