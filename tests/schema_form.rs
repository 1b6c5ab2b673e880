//! The schema → form projection and validation, through the library.

use serde_json::{Value, json};
use voxtune::schema::{IssueKind, Schema, Source, Widget};

fn with_extra_fields() -> Schema {
    let mut doc: Value = serde_json::from_str(voxtune::schema::BUNDLED_SCHEMA).unwrap();
    let schemas = &mut doc["components"]["schemas"];
    schemas["TTSConfig"]["properties"]["pitch"] =
        json!({"type": "number", "minimum": -1, "maximum": 1, "default": 0});
    schemas["AgentConfig"]["properties"]["barge_in_mode"] =
        json!({"type": "string", "enum": ["soft", "hard"], "default": "soft"});
    schemas["PlaygroundTokenRequest"]["properties"]["region"] =
        json!({"type": "string", "default": "eu"});
    Schema::from_text(&doc.to_string(), Source::Bundled).unwrap()
}

#[test]
fn the_bundled_form_has_the_seven_tabs_and_every_leaf() {
    let schema = Schema::bundled();
    let titles: Vec<&str> = schema.form.tabs.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Agent",
            "TTS",
            "STT",
            "LLM",
            "VAD",
            "Turn-taking",
            "Session"
        ]
    );
    let leaves = schema.root.leaves().len();
    assert_eq!(schema.form.fields().count(), leaves);
    assert!(leaves >= 50, "{leaves}");
    assert!(
        schema
            .form
            .tabs
            .iter()
            .all(|t| t.groups.iter().all(|g| g.title != "Other")),
        "the layout names every bundled field"
    );
}

#[test]
fn schema_fields_the_layout_does_not_name_appear_in_their_tabs_other_group() {
    let schema = with_extra_fields();
    for (pointer, tab) in [
        ("/agent_config/tts/pitch", "TTS"),
        ("/agent_config/barge_in_mode", "Turn-taking"),
        ("/region", "Session"),
    ] {
        let t = &schema.form.tabs[schema.form.tab_of(pointer).unwrap()];
        assert_eq!(t.title, tab, "{pointer}");
        let other = t.groups.last().unwrap();
        assert_eq!(other.title, "Other");
        assert!(
            other.fields.iter().any(|f| f.pointer == pointer),
            "{pointer}"
        );
    }
    let barge = schema.form.field("/agent_config/barge_in_mode").unwrap();
    assert_eq!(
        barge.widget,
        Widget::Enum(vec![json!("soft"), json!("hard")])
    );
}

#[test]
fn widgets_follow_the_schema_and_layout() {
    let form = Schema::bundled().form;
    let w = |p: &str| form.field(p).unwrap().widget.clone();
    assert_eq!(w("/agent_config/tts/model/api_key"), Widget::Secret);
    assert_eq!(w("/agent_config/llm/system_prompt"), Widget::MultiLine);
    assert_eq!(
        w("/agent_config/vad/sample_rate"),
        Widget::Enum(vec![json!(8000), json!(16000)])
    );
    assert_eq!(
        w("/agent_config/llm/max_tokens"),
        Widget::Slider { integer: true }
    );
    assert_eq!(
        w("/agent_config/vad/activation_threshold"),
        Widget::Slider { integer: false }
    );
    assert_eq!(w("/agent_config/stt/punctuate"), Widget::Toggle);
    assert_eq!(w("/agent_config/tts/metadata"), Widget::Json);
    assert_eq!(w("/user_info/email"), Widget::Text);
    let t = form.field("/agent_config/llm/temperature").unwrap();
    assert_eq!((t.min, t.max), (Some(0.0), Some(2.0)));
}

fn kinds(schema: &Schema, doc: &Value) -> Vec<(String, IssueKind)> {
    schema
        .validate(doc)
        .into_iter()
        .map(|i| (i.pointer, i.kind))
        .collect()
}

#[test]
fn validation_flags_each_kind_of_problem_by_pointer() {
    let schema = Schema::bundled();
    let mut doc = schema.defaults();
    assert!(schema.validate(&doc).is_empty());
    doc["agent_config"]["tts"]["speed"] = json!("turbo");
    doc["agent_config"]["llm"]["temperature"] = json!(2.5);
    doc["agent_config"]["llm"]["max_tokens"] = json!("sixty");
    doc["agent_config"]["stt"]["metadata"] = json!([1]);
    doc["user_info"]["email"] = json!("not-an-email");
    doc["agent_config"]["agent"]["id"] = json!("<string>");
    doc["agent_config"]["tts"]["model"]
        .as_object_mut()
        .unwrap()
        .remove("provider");
    doc["agent_config"]["vad"]["bogus"] = json!(1);
    let found = kinds(&schema, &doc);
    for expected in [
        ("/agent_config/tts/speed", IssueKind::NotInEnum),
        ("/agent_config/llm/temperature", IssueKind::OutOfRange),
        ("/agent_config/llm/max_tokens", IssueKind::WrongType),
        ("/agent_config/stt/metadata", IssueKind::NotObject),
        ("/user_info/email", IssueKind::BadEmail),
        ("/agent_config/agent/id", IssueKind::Placeholder),
        ("/agent_config/tts/model/provider", IssueKind::Missing),
        ("/agent_config/vad/bogus", IssueKind::Unknown),
    ] {
        assert!(
            found.contains(&(expected.0.to_string(), expected.1)),
            "{expected:?} not in {found:?}"
        );
    }
    assert_eq!(found.len(), 8, "{found:?}");
    let speed = schema
        .validate(&doc)
        .into_iter()
        .find(|i| i.pointer.ends_with("speed"))
        .unwrap();
    assert_eq!(
        speed.to_string(),
        "/agent_config/tts/speed: \"turbo\" — expected one of x-slow, slow, medium, fast, x-fast"
    );
}

#[test]
fn nullable_fields_accept_null_and_others_do_not() {
    let schema = Schema::bundled();
    let mut doc = schema.defaults();
    doc["user_info"]["email"] = Value::Null;
    doc["agent_config"]["tts"]["model"]["base_url"] = Value::Null;
    assert!(schema.validate(&doc).is_empty());
    doc["agent_config"]["llm"]["temperature"] = Value::Null;
    assert_eq!(
        kinds(&schema, &doc),
        [(
            "/agent_config/llm/temperature".to_string(),
            IssueKind::WrongType
        )]
    );
}

#[test]
fn emails_are_checked_plainly() {
    use voxtune::schema::validate::looks_like_email;
    for ok in ["a@b.co", "first.last+tag@example.org"] {
        assert!(looks_like_email(ok), "{ok}");
    }
    for bad in ["", "a@b", "@b.co", "a b@c.de", "a@@b.co", "<string>"] {
        assert!(!looks_like_email(bad), "{bad}");
    }
}

#[test]
fn a_cached_schema_that_names_no_token_endpoint_is_refused() {
    let err = Schema::from_text(
        r#"{"openapi": "3.1.0", "paths": {"/other": {}}}"#,
        Source::Bundled,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("/api/v1/playground/tokens"),
        "{err}"
    );
    let err = Schema::from_text("{\n  nope", Source::Bundled).unwrap_err();
    assert!(err.to_string().contains("line 2"), "{err}");
}
