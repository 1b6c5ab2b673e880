#![no_main]
//! A server's answer to a mint: any body, read as the token response and as a JWT.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) {
        let _ = voxtune::api::MintOutcome::from_response(200, value.clone(), Some("/data/token"));
        let _ = voxtune::api::MintOutcome::from_response(200, value, None);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Ok(claims) = voxtune::api::jwt::decode(text) {
            let _ = claims.expires_in(0);
        }
    }
});
