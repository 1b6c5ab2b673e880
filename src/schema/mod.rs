//! The schema in force (bundled, or cached by `schema sync`), its field tree, the form
//! laid out from it, defaults and validation.

mod bundled;
pub mod defaults;
pub mod diff;
pub mod field;
pub mod form;
pub mod layout;
pub mod load;
pub mod validate;

pub use field::{Field, Kind};
pub use form::{Form, FormField, Widget};
pub use load::SchemaError;
pub use validate::{Issue, IssueKind};

use serde_json::Value;
use std::path::{Path, PathBuf};

pub const BUNDLED_SCHEMA: &str = include_str!("../../assets/openapi.json");
pub const CACHE_FILE: &str = "openapi.json";

#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Bundled,
    Cached(PathBuf),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Schema {
    pub source: Source,
    pub root: Field,
    pub form: Form,
    /// Why a cached schema was passed over, when it was.
    pub warning: Option<String>,
}

impl Schema {
    /// The schema built into the binary: constructed from what the build script made
    /// of `assets/`, with no parsing (equal to `from_text(BUNDLED_SCHEMA, Bundled)`,
    /// checked by tests).
    pub fn bundled() -> Schema {
        Schema {
            source: Source::Bundled,
            root: bundled::root(),
            form: bundled::form(),
            warning: None,
        }
    }

    /// A schema from an OpenAPI document's text (a synced one), laid out by the
    /// bundled `form.toml`.
    pub fn from_text(text: &str, source: Source) -> Result<Schema, SchemaError> {
        let root = load::parse_document(text)?;
        let form = Form::build(&root, &layout::Layout::bundled());
        Ok(Schema {
            source,
            root,
            form,
            warning: None,
        })
    }

    /// The cached schema in `data_dir` when there is one that loads, else the bundled one.
    pub fn load(data_dir: &Path) -> Schema {
        let path = data_dir.join(CACHE_FILE);
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Schema::bundled();
        };
        match Schema::from_text(&text, Source::Cached(path.clone())) {
            Ok(schema) => schema,
            Err(e) => Schema {
                warning: Some(format!(
                    "the cached schema {} was not used: {e} (run `voxtune schema reset` or `schema sync`)",
                    path.display()
                )),
                ..Schema::bundled()
            },
        }
    }

    pub fn field(&self, pointer: &str) -> Option<&Field> {
        self.root.find(pointer)
    }

    pub fn validate(&self, doc: &Value) -> Vec<Issue> {
        validate::validate(&self.root, doc)
    }

    /// A fresh document from the schema's defaults.
    pub fn defaults(&self) -> Value {
        defaults::default_value(&self.root).unwrap_or_else(|| Value::Object(Default::default()))
    }

    /// The document with keys in schema order.
    pub fn order(&self, doc: &Value) -> Value {
        defaults::order_like_schema(&self.root, doc)
    }
}
