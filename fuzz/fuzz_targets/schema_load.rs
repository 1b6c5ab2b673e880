#![no_main]
//! A server's OpenAPI document (what `schema sync` caches): load, build the form, and
//! validate the schema's own defaults against it.
use libfuzzer_sys::fuzz_target;
use voxtune::schema::{Schema, Source};

fuzz_target!(|text: &str| {
    if let Ok(schema) = Schema::from_text(text, Source::Bundled) {
        let _ = schema.validate(&schema.defaults());
    }
});
