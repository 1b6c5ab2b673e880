//! The proptest twin of fuzz/fuzz_targets/response_parse.rs: whatever a server answers
//! (any bytes, near-valid token responses, mangled JWTs) is read without a panic.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use proptest::prelude::*;

mod mutation;
use mutation::mutated;
use serde_json::{Value, json};
use voxtune::api::{MintOutcome, jwt};

/// What the fuzz target does with one input.
fn read_answer(bytes: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
        let _ = MintOutcome::from_response(200, value.clone(), Some("/data/token"));
        let _ = MintOutcome::from_response(200, value, None);
    }
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(claims) = jwt::decode(text)
    {
        for now in [0, NOW, i64::MAX, i64::MIN] {
            let _ = claims.expires_in(now);
            let _ = voxtune::tui::minting::expiry_text(claims.exp, now);
        }
    }
}

const NOW: i64 = 1_800_000_000;

fn seed_jwt() -> String {
    let part = |v: &Value| URL_SAFE_NO_PAD.encode(v.to_string());
    format!(
        "{}.{}.c2lnbmF0dXJl",
        part(&json!({"alg": "HS256", "typ": "JWT"})),
        part(&json!({"sub": "u", "exp": 1_800_000_000i64, "nbf": 0,
                     "video": {"room": "r", "roomJoin": true}}))
    )
}

fn seed_response() -> String {
    json!({"token": seed_jwt(), "url": "wss://lk.example", "data": {"token": "x"}}).to_string()
}

/// Any JSON value a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        "\\PC{0,40}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("token".to_string()),
                    Just("access_token".to_string()),
                    Just("url".to_string()),
                    Just("data".to_string()),
                    "[a-z_]{1,12}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_bytes_are_read_without_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        read_answer(&bytes);
    }

    #[test]
    fn mutated_token_responses_are_read_without_a_panic(text in mutated(seed_response(), 32)) {
        read_answer(text.as_bytes());
    }

    #[test]
    fn mutated_jwts_are_read_without_a_panic(text in mutated(seed_jwt(), 32)) {
        read_answer(text.as_bytes());
    }

    #[test]
    fn any_json_shape_is_read_without_a_panic(value in any_json()) {
        read_answer(value.to_string().as_bytes());
    }

    /// A token's `exp` is the server's to choose: any i64, read against any clock.
    #[test]
    fn any_expiry_against_any_clock_is_shown_without_a_panic(exp in any::<i64>(), now in any::<i64>()) {
        let part = |v: &Value| URL_SAFE_NO_PAD.encode(v.to_string());
        let token = format!("{}.{}.c2ln", part(&json!({"alg": "none"})), part(&json!({"exp": exp})));
        read_answer(token.as_bytes());
        let claims = jwt::decode(&token).unwrap();
        prop_assert!(claims.expires_in(now).is_some());
        let _ = voxtune::tui::minting::expiry_text(Some(exp), now);
    }
}

#[test]
fn expiries_at_the_ends_of_time_are_shown_not_overflowed() {
    for exp in [i64::MIN, i64::MIN + 1, -1, 0, i64::MAX] {
        for now in [i64::MIN, 0, NOW, i64::MAX] {
            let part = |v: &Value| URL_SAFE_NO_PAD.encode(v.to_string());
            let token = format!("a.{}.c", part(&json!({"exp": exp})));
            let text = jwt::decode(&token).unwrap().expires_in(now).unwrap();
            assert!(text.starts_with("expire"), "{text}");
            let shown = voxtune::tui::minting::expiry_text(Some(exp), now);
            assert!(shown.starts_with("expire"), "{shown}");
        }
    }
}

#[test]
fn the_seeds_are_real_answers() {
    let outcome =
        MintOutcome::from_response(200, serde_json::from_str(&seed_response()).unwrap(), None)
            .unwrap();
    assert_eq!(outcome.token, seed_jwt());
    assert_eq!(outcome.claims.and_then(|c| c.room), Some("r".to_string()));
}
