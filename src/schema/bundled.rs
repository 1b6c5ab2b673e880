//! The bundled schema, its form and the form layout, as the build script wrote them
//! (`build/main.rs`): Rust that constructs them, so start-up parses no JSON or TOML.
//! Tests check that each equals what parsing `assets/` at run time gives.

use super::field::{Field, Kind};
use super::form::{Form, FormField, Group, Tab, Widget};
use super::layout::{FieldLayout, GroupLayout, Layout, TabLayout};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The generated code's one helper: short calls keep the generated file small.
fn s(text: &str) -> String {
    text.to_owned()
}

include!(concat!(env!("OUT_DIR"), "/bundled_schema.rs"));

impl Layout {
    /// `assets/form.toml`, as `Layout::parse` reads it.
    pub fn bundled() -> Layout {
        layout()
    }
}

#[cfg(test)]
mod tests {
    use super::super::{BUNDLED_SCHEMA, Schema, Source};
    use super::*;

    #[test]
    fn the_bundled_layout_is_form_toml_parsed() {
        let parsed = Layout::parse(super::super::layout::BUNDLED_LAYOUT).unwrap();
        assert_eq!(Layout::bundled(), parsed);
    }

    #[test]
    fn the_bundled_schema_is_the_bundled_document_parsed() {
        let parsed = Schema::from_text(BUNDLED_SCHEMA, Source::Bundled).unwrap();
        assert_eq!(Schema::bundled(), parsed);
    }
}
