#![no_main]
//! A profile file's bytes: parse, then validate what parsed against the schema.
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static SCHEMA: OnceLock<voxtune::schema::Schema> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    if let Ok(value) = voxtune::profiles::parse(std::path::Path::new("fuzz.json"), bytes) {
        let schema = SCHEMA.get_or_init(voxtune::schema::Schema::bundled);
        let _ = schema.validate(&value);
        let _ = voxtune::secrets::redact(&schema.form, &value);
    }
});
