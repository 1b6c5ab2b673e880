//! settings.toml: defaults, errors with positions, environment choice.

use std::fs;

use voxtune::settings::{DEFAULT_BASE_URL, DEFAULT_FILE, Settings, SettingsError};

const FULL: &str = r#"default_env = "staging"
theme = "dark"

[environments.dev]
base_url = "https://dev-voice-api.actualize.ae"
headers = { Authorization = "Bearer ${VOXTUNE_TOKEN}", X-Team = "voice" }
timeout_s = 15
token_pointer = "/data/access_token"
allow_insecure = false

[environments.staging]
base_url = "https://staging.example.com/"
timeout_s = 2.5

[keys]
mint = "ctrl-t"
quit = ["q", "ctrl-c"]
"#;

fn dir_with(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("settings.toml"), text).unwrap();
    dir
}

#[test]
fn fresh_install_has_dev() {
    let dir = tempfile::tempdir().unwrap();
    let s = Settings::load(dir.path()).unwrap();
    assert_eq!(s.default_env, "dev");
    let env = s.resolve_env(None, None, None).unwrap();
    assert_eq!(
        (env.name.as_str(), env.base_url.as_str()),
        ("dev", DEFAULT_BASE_URL)
    );
    assert_eq!(env.timeout_s, 15.0);
    assert!(!env.allow_insecure);
}

#[test]
fn full_file_is_read() {
    let dir = dir_with(FULL);
    let s = Settings::load(dir.path()).unwrap();
    assert_eq!(s.default_env, "staging");
    assert_eq!(s.theme.as_deref(), Some("dark"));
    assert_eq!(s.env_names(), ["dev", "staging"]);
    let dev = s.environment("dev").unwrap();
    assert_eq!(
        dev.headers,
        [
            (
                "Authorization".to_string(),
                "Bearer ${VOXTUNE_TOKEN}".to_string()
            ),
            ("X-Team".to_string(), "voice".to_string())
        ]
    );
    assert_eq!(dev.token_pointer.as_deref(), Some("/data/access_token"));
    assert_eq!(s.environment("staging").unwrap().timeout_s, 2.5);
    assert_eq!(s.keys["mint"].as_str(), Some("ctrl-t"));
    assert!(s.keys["quit"].is_array());
}

#[test]
fn syntax_error_has_line_and_column_and_file_is_kept() {
    let text = "default_env = \"dev\"\n\n[environments.dev]\nbase_url = https://x\n";
    let dir = dir_with(text);
    let err = Settings::load(dir.path()).unwrap_err();
    let SettingsError::Parse {
        line,
        column,
        message,
        path,
    } = &err
    else {
        panic!("expected Parse, got {err:?}");
    };
    assert_eq!((*line, *column), (4, 12), "{message}");
    assert!(path.ends_with("settings.toml"));
    assert!(err.to_string().contains("settings.toml:4:12:"), "{err}");

    assert!(!Settings::write_default_if_missing(dir.path()).unwrap());
    assert_eq!(
        fs::read_to_string(dir.path().join("settings.toml")).unwrap(),
        text
    );
}

#[test]
fn bad_values_are_located_too() {
    let text = "[environments.dev]\nbase_url = \"https://x\"\ntimeout_s = -1\n";
    let err = Settings::load(dir_with(text).path()).unwrap_err();
    assert!(
        matches!(err, SettingsError::Parse { line: 3, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("timeout_s"), "{err}");

    let text = "[environments.dev]\nbase_url = \"ftp://x\"\n";
    let err = Settings::load(dir_with(text).path()).unwrap_err();
    assert!(
        matches!(err, SettingsError::Parse { line: 2, .. }),
        "{err:?}"
    );

    let text = "[environments.dev]\nbase_url = \"https://x\"\ntimeout = 3\n";
    let err = Settings::load(dir_with(text).path()).unwrap_err();
    assert!(
        matches!(err, SettingsError::Parse { line: 3, .. }),
        "a typo is not ignored: {err:?}"
    );
}

#[test]
fn base_url_precedence() {
    let s = Settings::load(dir_with(FULL).path()).unwrap();
    let pick = |flag, var| s.resolve_env(Some("dev"), flag, var).unwrap().base_url;
    assert_eq!(pick(None, None), "https://dev-voice-api.actualize.ae");
    assert_eq!(
        pick(None, Some("http://localhost:8000")),
        "http://localhost:8000"
    );
    assert_eq!(
        pick(Some("https://flag.example"), Some("http://localhost:8000")),
        "https://flag.example"
    );
    assert_eq!(
        pick(None, Some("")),
        "https://dev-voice-api.actualize.ae",
        "an empty variable is unset"
    );
    // The rest of the environment survives an override.
    let env = s
        .resolve_env(Some("dev"), Some("https://flag.example"), None)
        .unwrap();
    assert_eq!(env.token_pointer.as_deref(), Some("/data/access_token"));
}

#[test]
fn env_flag_and_default_env() {
    let s = Settings::load(dir_with(FULL).path()).unwrap();
    assert_eq!(s.resolve_env(None, None, None).unwrap().name, "staging");
    assert_eq!(s.resolve_env(Some("dev"), None, None).unwrap().name, "dev");
}

#[test]
fn unknown_env_lists_known_ones() {
    let s = Settings::load(dir_with(FULL).path()).unwrap();
    let err = s.resolve_env(Some("prod"), None, None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown environment \"prod\"; known: dev, staging"
    );
}

#[test]
fn bad_override_is_refused_naming_its_origin() {
    let s = Settings::default();
    let err = s.resolve_env(None, Some("not a url"), None).unwrap_err();
    assert!(matches!(err, SettingsError::BadBaseUrl { .. }), "{err:?}");
    assert!(err.to_string().starts_with("--base-url:"), "{err}");
    let err = s.resolve_env(None, None, Some("file:///etc")).unwrap_err();
    assert!(err.to_string().starts_with("VOXTUNE_BASE_URL:"), "{err}");
}

#[test]
fn default_file_is_written_once() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("nested/voxtune");
    assert!(Settings::write_default_if_missing(&config).unwrap());
    let path = config.join("settings.toml");
    assert_eq!(fs::read_to_string(&path).unwrap(), DEFAULT_FILE);
    assert_eq!(Settings::load(&config).unwrap(), Settings::default());

    fs::write(&path, "theme = \"mine\"\n").unwrap();
    assert!(!Settings::write_default_if_missing(&config).unwrap());
    assert_eq!(fs::read_to_string(&path).unwrap(), "theme = \"mine\"\n");
    let names: Vec<_> = fs::read_dir(&config)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["settings.toml"], "no temp file left behind");
}
