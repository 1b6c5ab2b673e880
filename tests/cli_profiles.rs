//! `voxtune profiles …` and its bad inputs, through the real binary.

mod cli_support;
use cli_support::*;

#[test]
fn new_copy_rename_delete_round_trip() {
    let sb = Sandbox::new();
    assert_eq!(sb.run(&["profiles", "new", "a"]).code, 0);
    assert_eq!(sb.run(&["profiles", "copy", "a", "b"]).code, 0);
    assert_eq!(sb.run(&["profiles", "rename", "b", "c"]).code, 0);
    assert!(!sb.profile_path("b").exists() && sb.profile_path("c").is_file());
    let list = sb.run(&["profiles", "list"]).stdout;
    assert!(
        list.contains("a ") && list.contains("c ") && list.contains("default"),
        "{list}"
    );
    assert_eq!(sb.run(&["profiles", "delete", "c"]).code, 0);
    assert!(!sb.profile_path("c").exists());
    let gone = sb.run(&["profiles", "show", "c"]);
    assert_eq!(gone.code, 1);
    assert!(
        gone.stderr.contains("no profile named `c`"),
        "{}",
        gone.stderr
    );
}

#[test]
fn new_from_profile_and_from_preset() {
    let sb = Sandbox::new();
    sb.import_seed("seed");
    assert_eq!(sb.run(&["profiles", "new", "s2", "--from", "seed"]).code, 0);
    assert_eq!(
        std::fs::read(sb.profile_path("s2")).unwrap(),
        std::fs::read(sb.profile_path("seed")).unwrap()
    );
    let run = sb.run(&["profiles", "new", "ph", "--preset", "phone"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ph: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sb.profile_path("ph")).unwrap()).unwrap();
    assert_eq!(ph["agent_config"]["vad"]["sample_rate"], 8000);
    assert_eq!(sb.run(&["validate", "--profile", "ph"]).code, 0);
    let bad = sb.run(&["profiles", "new", "x", "--preset", "nope"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("phone"),
        "lists the presets: {}",
        bad.stderr
    );
}

#[test]
fn every_preset_validates() {
    let sb = Sandbox::new();
    let names = sb.run(&["profiles", "presets"]).stdout;
    let names: Vec<&str> = names
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(names.len() >= 2, "{names:?}");
    for name in names {
        assert_eq!(sb.run(&["profiles", "new", name, "--preset", name]).code, 0);
        let v = sb.run(&["validate", "--profile", name]);
        assert_eq!(v.code, 0, "preset {name}: {}", v.stdout);
    }
}

#[test]
fn bad_profile_names_are_refused_with_the_reason() {
    let sb = Sandbox::new();
    for (name, reason) in [
        ("", "cannot be empty"),
        ("a/b", "cannot contain `/`"),
        ("a..b", "cannot contain `..`"),
        (".hidden", "cannot start with `.`"),
        ("nul\u{1}x", "control character"),
    ] {
        let run = sb.run(&["profiles", "new", name]);
        assert_eq!(run.code, 1, "{name:?}");
        assert!(run.stderr.contains(reason), "{name:?}: {}", run.stderr);
    }
    // A NUL cannot even reach argv; the name check refuses it all the same.
    assert!(voxtune::profiles::name::check("a\0b").is_err());
    let files: Vec<_> = std::fs::read_dir(sb.config().join("profiles"))
        .unwrap()
        .collect();
    assert_eq!(files.len(), 1, "only the default profile exists");
}

#[test]
fn existing_names_are_refused_unless_forced() {
    let sb = Sandbox::new();
    sb.run(&["profiles", "new", "a"]);
    sb.import_seed("b");
    for args in [
        vec!["profiles", "new", "b"],
        vec!["profiles", "copy", "a", "b"],
        vec!["profiles", "rename", "a", "b"],
    ] {
        let run = sb.run(&args);
        assert_eq!(run.code, 1, "{args:?}");
        assert!(
            run.stderr.contains("already exists") && run.stderr.contains("--force"),
            "{}",
            run.stderr
        );
    }
    let seed_bytes = std::fs::read(sb.profile_path("b")).unwrap();
    assert_eq!(std::fs::read(sb.profile_path("b")).unwrap(), seed_bytes);
    let mut forced = vec!["profiles", "copy", "a", "b", "--force"];
    assert_eq!(sb.run(&forced).code, 0);
    assert_eq!(
        std::fs::read(sb.profile_path("b")).unwrap(),
        std::fs::read(sb.profile_path("a")).unwrap()
    );
    forced[1] = "rename";
    assert_eq!(sb.run(&forced).code, 0);
    assert!(!sb.profile_path("a").exists());
}

#[test]
fn a_corrupt_profile_is_listed_as_unreadable_and_never_rewritten() {
    let sb = Sandbox::new();
    sb.run(&["profiles", "new", "good"]);
    let broken = sb.profile_path("broken");
    std::fs::write(&broken, "{\n  \"agent_config\": {,\n}").unwrap();
    let list = sb.run(&["profiles", "list"]);
    assert_eq!(list.code, 0);
    assert!(
        list.stdout.contains("good") && list.stdout.contains("default"),
        "{}",
        list.stdout
    );
    let line = list.stdout.lines().find(|l| l.contains("broken")).unwrap();
    assert!(
        line.contains("UNREADABLE") && line.contains("line 2"),
        "{line}"
    );
    let show = sb.run(&["profiles", "show", "broken"]);
    assert_eq!(show.code, 1);
    assert!(show.stderr.contains("line 2, column 20"), "{}", show.stderr);
    for args in [
        ["validate", "--profile", "broken"],
        ["payload", "--profile", "broken"],
    ] {
        assert_eq!(sb.run(&args).code, 1);
    }
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "{\n  \"agent_config\": {,\n}"
    );
}

#[test]
fn malformed_json_import_reports_line_and_column_and_writes_nothing() {
    let sb = Sandbox::new();
    let file = sb.file(
        "bad.json",
        "{\n  \"agent_id\": \"x\",\n  \"ttl\": 12 3\n}\n",
    );
    let run = sb.run(&["profiles", "import", file.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("line 3, column"), "{}", run.stderr);
    assert!(!sb.profile_path("bad").exists());
}

#[test]
fn malformed_curl_import_reports_where_and_writes_nothing() {
    let sb = Sandbox::new();
    let unclosed = sb.file(
        "unclosed.curl",
        "curl --request POST \\\n  --url https://x/api \\\n  --data '{\"a\": 1}\n",
    );
    let run = sb.run(&["profiles", "import", unclosed.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("line 3, column 10"), "{}", run.stderr);
    let bad_body = sb.file(
        "badbody.curl",
        "curl https://x/api \\\n  --data '\n{\n\"a\": ,\n}'\n",
    );
    let run = sb.run(&["profiles", "import", bad_body.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("invalid JSON at line 4"),
        "{}",
        run.stderr
    );
    let no_data = sb.file("nodata.curl", "curl https://x/api -H 'A: b'\n");
    let run = sb.run(&["profiles", "import", no_data.to_str().unwrap()]);
    assert!(run.stderr.contains("no body"), "{}", run.stderr);
    let files: Vec<_> = std::fs::read_dir(sb.config().join("profiles"))
        .unwrap()
        .collect();
    assert_eq!(files.len(), 1, "only the default profile exists");
}

#[test]
fn unknown_fields_in_an_import_are_kept_and_reported() {
    let sb = Sandbox::new();
    let run = sb.run_with_stdin(
        &["profiles", "import", "-", "--name", "extra"],
        r#"{"agent_config": {"agent": {}, "tts": {"model": {"provider": "p", "model": "m"}}, "stt": {"model": {"provider": "p", "model": "m"}}, "llm": {"model": {"provider": "p", "model": "m"}}, "shiny_new": 1}, "zeta": true}"#,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v = sb.run(&["validate", "--profile", "extra"]);
    assert_eq!(v.code, 1);
    assert!(
        v.stdout
            .contains("/agent_config/shiny_new: 1 — unknown field"),
        "{}",
        v.stdout
    );
    assert!(
        v.stdout.contains("/zeta: true — unknown field"),
        "{}",
        v.stdout
    );
    let shown = sb.run(&["profiles", "show", "extra"]).stdout;
    assert!(
        shown.contains("\"shiny_new\": 1") && shown.contains("\"zeta\": true"),
        "{shown}"
    );
}

#[test]
fn export_redacts_literal_secrets_but_keeps_references() {
    let sb = Sandbox::new();
    sb.run(&["profiles", "new", "ph", "--preset", "phone"]);
    sb.import_seed("seed");
    let ph = sb.run(&["profiles", "export", "ph"]).stdout;
    assert!(ph.contains("${CARTESIA_API_KEY}"), "{ph}");
    let seed = sb.run(&["profiles", "export", "seed"]).stdout;
    assert!(
        seed.contains("\"api_key\": \"***\"") && !seed.contains("\"api_key\": \"<string>\""),
        "{seed}"
    );
    let revealed = sb
        .run(&["profiles", "export", "seed", "--reveal-secrets"])
        .stdout;
    assert!(revealed.contains("\"api_key\": \"<string>\""));
}

#[cfg(unix)]
#[test]
fn literal_secrets_make_the_file_private() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    sb.run(&["profiles", "new", "ph", "--preset", "phone"]);
    let seed = sb.import_seed("seed");
    assert!(seed.stderr.contains("0600"), "{}", seed.stderr);
    let mode = |n: &str| {
        std::fs::metadata(sb.profile_path(n))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("seed"), 0o600);
    assert_eq!(mode("ph"), 0o644);
    let dir_mode = std::fs::metadata(sb.config().join("profiles"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(dir_mode, 0o700);
}

#[test]
fn project_profiles_are_listed_beside_the_users_and_marked() {
    let sb = Sandbox::new();
    let project = sb.cwd.path().join(".voxtune/profiles");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(
        project.join("team.json"),
        serde_json::to_string_pretty(&seed_body()).unwrap(),
    )
    .unwrap();
    let nested = sb.cwd.path().join("src/deep");
    std::fs::create_dir_all(&nested).unwrap();
    let out = sb
        .command(&["profiles", "list"])
        .current_dir(&nested)
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    let team = list
        .lines()
        .find(|l| l.contains("team"))
        .expect("team listed");
    assert!(team.contains("project"), "{team}");
    assert!(
        list.lines()
            .any(|l| l.contains("default") && l.contains("user")),
        "{list}"
    );
    let shown = sb
        .command(&["payload", "--profile", "team", "--reveal-secrets"])
        .current_dir(&nested)
        .output()
        .unwrap();
    assert!(shown.status.success());
}

#[test]
fn profile_files_are_the_request_body_in_schema_order() {
    let sb = Sandbox::new();
    // Keys given out of order are written back in schema order; nothing added.
    let run = sb.run_with_stdin(
        &["profiles", "import", "-", "--name", "o"],
        r#"{"ttl": 60, "agent_id": "a"}"#,
    );
    assert_eq!(run.code, 0);
    assert_eq!(
        std::fs::read_to_string(sb.profile_path("o")).unwrap(),
        "{\n  \"agent_id\": \"a\",\n  \"ttl\": 60\n}\n"
    );
}

#[test]
fn last_used_profile_is_the_default_for_commands() {
    let sb = Sandbox::new();
    sb.import_seed("seed");
    std::fs::create_dir_all(sb.config().join("data")).unwrap();
    std::fs::write(
        sb.config().join("data/state.json"),
        r#"{"last_profile": "seed"}"#,
    )
    .unwrap();
    assert_eq!(
        sb.run(&["validate"]).code,
        1,
        "validates seed, the last used"
    );
    let list = sb.run(&["profiles", "list"]).stdout;
    assert!(list.lines().any(|l| l.starts_with("* seed")), "{list}");
}

#[test]
fn profiles_set_persists_fields_and_names_problems() {
    let sb = Sandbox::new();
    let run = sb.run(&[
        "profiles",
        "set",
        "default",
        "agent_config.llm.temperature=0.25",
        "/ttl=0",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("/ttl"), "{}", run.stderr);
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sb.profile_path("default")).unwrap()).unwrap();
    assert_eq!(v["agent_config"]["llm"]["temperature"], 0.25);
    assert_eq!(v["ttl"], 0);
}

#[test]
fn a_profile_changed_on_disk_since_it_was_loaded_is_not_overwritten() {
    use voxtune::profiles::{ProfileError, Store};
    use voxtune::schema::Schema;
    let dir = tempfile::tempdir().unwrap();
    let schema = Schema::bundled();
    let store = Store::new(dir.path().join("profiles"), dir.path());
    store
        .create("p", &schema.defaults(), &schema, false)
        .unwrap();
    let loaded = store.load("p").unwrap();
    // Someone else (an editor, git pull, another voxtune) writes the file meanwhile.
    std::fs::write(&loaded.path, "{\"agent_id\": \"theirs\"}\n").unwrap();
    let mut mine = loaded.value.clone();
    mine["agent_id"] = "mine".into();
    let err = store
        .save("p", &mine, &schema, Some(loaded.fingerprint))
        .unwrap_err();
    assert!(matches!(err, ProfileError::Conflict { .. }), "{err}");
    assert!(err.to_string().contains("changed on disk") && err.to_string().contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&loaded.path).unwrap(),
        "{\"agent_id\": \"theirs\"}\n"
    );
    // Forcing (no expected fingerprint) writes; a fresh fingerprint comes back for the next save.
    let fp = store.save("p", &mine, &schema, None).unwrap();
    assert!(store.save("p", &mine, &schema, Some(fp)).is_ok());
}

#[cfg(unix)]
#[test]
fn a_private_profile_stays_private_when_its_secret_is_removed() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    sb.import_seed("seed");
    let run = sb.run(&[
        "profiles",
        "set",
        "seed",
        "agent_config.tts.model.api_key=${K}",
        "agent_config.stt.model.api_key=${K}",
        "agent_config.llm.model.api_key=${K}",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mode = std::fs::metadata(sb.profile_path("seed"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "a rewrite never loosens permissions");
}

// The profile index (`<data>/profile-index/`): listing reads only files changed since
// they were checked. Here every listing follows a change at once, so these hold through
// whichever guard catches it (the file's change time, inode or size, or a change too
// recent to trust); `src/profiles/listing.rs` tests the index answering for old files.

fn index_files(sb: &Sandbox) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(sb.config().join("data/profile-index")) {
        Ok(dir) => dir.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

fn list_ok(sb: &Sandbox) -> String {
    let run = sb.run(&["profiles", "list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run.stdout
}

fn line_of<'a>(list: &'a str, name: &str) -> Option<&'a str> {
    list.lines()
        .find(|l| l.split_whitespace().nth(usize::from(l.starts_with('*'))) == Some(name))
}

/// Breaks a profile in place, keeping its length, inode and mtime: `{` becomes `[`.
fn break_in_place(path: &std::path::Path) {
    let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, text.replacen('{', "[", 1)).unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(mtime).unwrap();
    assert_eq!(std::fs::metadata(path).unwrap().modified().unwrap(), mtime);
}

#[test]
fn listing_twice_answers_the_same_and_the_index_keeps_no_profile_text() {
    let sb = Sandbox::new();
    sb.run(&["profiles", "new", "good"]);
    std::fs::write(
        sb.profile_path("broken"),
        "{\"api_key\": \"sk-test-123\" \"x\": 1}",
    )
    .unwrap();
    let first = list_ok(&sb);
    assert!(
        line_of(&first, "broken").unwrap().contains("UNREADABLE"),
        "{first}"
    );
    assert_eq!(list_ok(&sb), first);
    let index = index_files(&sb);
    assert_eq!(index.len(), 1, "{index:?}");
    let text = std::fs::read_to_string(&index[0]).unwrap();
    assert!(
        text.contains("\"broken\"") && !text.contains("sk-test-123"),
        "{text}"
    );
    let mut profiles: Vec<String> = std::fs::read_dir(sb.config().join("profiles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    profiles.sort();
    assert_eq!(profiles, ["broken.json", "default.json", "good.json"]);
}

#[test]
fn a_profile_broken_after_a_listing_is_unreadable_in_the_next() {
    let sb = Sandbox::new();
    sb.run(&["profiles", "new", "same"]);
    sb.run(&["profiles", "new", "swapped"]);
    assert!(!list_ok(&sb).contains("UNREADABLE"));
    break_in_place(&sb.profile_path("same"));
    // Replaced by a rename, as editors and git do: another inode, same length.
    let swapped = sb.profile_path("swapped");
    let text = std::fs::read_to_string(&swapped).unwrap();
    let tmp = swapped.with_extension("tmp");
    std::fs::write(&tmp, text.replacen('{', "[", 1)).unwrap();
    std::fs::rename(&tmp, &swapped).unwrap();
    let list = list_ok(&sb);
    for name in ["same", "swapped"] {
        let line = line_of(&list, name).unwrap();
        assert!(line.contains("UNREADABLE: line 2"), "{line}");
    }
    assert!(!line_of(&list, "default").unwrap().contains("UNREADABLE"));
}

#[test]
fn a_fixed_profile_is_no_longer_unreadable() {
    let sb = Sandbox::new();
    list_ok(&sb);
    std::fs::write(sb.profile_path("p"), "{\"a\": }").unwrap();
    assert!(line_of(&list_ok(&sb), "p").unwrap().contains("UNREADABLE"));
    std::fs::write(sb.profile_path("p"), "{\"a\": 1}").unwrap();
    let list = list_ok(&sb);
    assert!(
        !line_of(&list, "p").unwrap().contains("UNREADABLE"),
        "{list}"
    );
}

#[test]
fn a_damaged_index_is_ignored_and_rebuilt() {
    let sb = Sandbox::new();
    sb.run(&["profiles", "new", "good"]);
    std::fs::write(sb.profile_path("broken"), "{,}").unwrap();
    let first = list_ok(&sb);
    let index = index_files(&sb).pop().unwrap();
    let good = std::fs::read_to_string(&index).unwrap();
    for damage in [
        "garbage".to_string(),
        good[..good.len() / 2].to_string(),
        good.replace("\"version\":1", "\"version\":99"),
        String::new(),
    ] {
        std::fs::write(&index, &damage).unwrap();
        assert_eq!(list_ok(&sb), first, "with {damage:?}");
    }
    let rebuilt: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&index).unwrap()).unwrap();
    assert_eq!(rebuilt["files"].as_array().unwrap().len(), 3, "{rebuilt}");
}

#[test]
fn deleted_profiles_leave_the_list_and_the_index() {
    let sb = Sandbox::new();
    sb.run(&["profiles", "new", "a"]);
    sb.run(&["profiles", "new", "b"]);
    list_ok(&sb);
    assert_eq!(sb.run(&["profiles", "delete", "a"]).code, 0);
    std::fs::remove_file(sb.profile_path("b")).unwrap();
    let list = list_ok(&sb);
    assert!(
        line_of(&list, "a").is_none() && line_of(&list, "b").is_none(),
        "{list}"
    );
    let index = std::fs::read_to_string(index_files(&sb).pop().unwrap()).unwrap();
    assert!(
        !index.contains("[\"a\"") && !index.contains("[\"b\""),
        "{index}"
    );
}

#[test]
fn project_profiles_have_their_own_index_and_are_checked_again_when_changed() {
    let sb = Sandbox::new();
    let project = sb.cwd.path().join(".voxtune/profiles");
    std::fs::create_dir_all(&project).unwrap();
    let team = project.join("team.json");
    std::fs::write(&team, serde_json::to_string_pretty(&seed_body()).unwrap()).unwrap();
    assert!(!list_ok(&sb).contains("UNREADABLE"));
    assert_eq!(index_files(&sb).len(), 2, "one index per profiles dir");
    let in_project: Vec<_> = std::fs::read_dir(&project).unwrap().collect();
    assert_eq!(
        in_project.len(),
        1,
        "nothing written beside the project's profiles"
    );
    break_in_place(&team);
    let list = list_ok(&sb);
    let line = line_of(&list, "team").unwrap();
    assert!(
        line.contains("project") && line.contains("UNREADABLE"),
        "{line}"
    );
}

/// A profile too large to open is not listed as fine: the list says why, as opening it
/// does.
#[test]
fn a_profile_too_large_to_open_is_listed_as_unreadable() {
    let sb = Sandbox::new();
    list_ok(&sb); // the first run makes the profiles dir
    let big = format!("{{\"notes\": \"{}\"}}", "x".repeat(17 * 1024 * 1024));
    std::fs::write(sb.profile_path("huge"), big).unwrap();
    let list = list_ok(&sb);
    let line = line_of(&list, "huge").unwrap();
    assert!(
        line.contains("UNREADABLE") && line.contains("over 16 MiB"),
        "{line}"
    );
    let show = sb.run(&["profiles", "show", "huge"]);
    assert_eq!(show.code, 1);
    assert!(show.stderr.contains("over 16 MiB"), "{}", show.stderr);
}
