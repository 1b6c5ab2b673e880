//! The schema in force (bundled, or cached by `schema sync`), its field tree, the form
//! laid out from it, defaults and validation.

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

#[derive(Debug, Clone)]
pub struct Schema {
    pub source: Source,
    pub document: Value,
    pub root: Field,
    pub form: Form,
    /// Why a cached schema was passed over, when it was.
    pub warning: Option<String>,
}

impl Schema {
    pub fn bundled() -> Schema {
        Schema::from_text(BUNDLED_SCHEMA, Source::Bundled)
            .expect("the bundled schema parses (checked by tests)")
    }

    pub fn from_text(text: &str, source: Source) -> Result<Schema, SchemaError> {
        // Both halves are on every start path: the layout (TOML) is parsed on a second
        // thread while this one parses the OpenAPI document (JSON) and builds its tree.
        let (parsed, layout) = std::thread::scope(|s| {
            let layout = std::thread::Builder::new()
                .name("voxtune-layout".into())
                .spawn_scoped(s, layout::Layout::bundled)
                .ok();
            let parsed = load::parse_document(text);
            let layout = match layout.map(|h| h.join()) {
                Some(Ok(layout)) => layout,
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                None => layout::Layout::bundled(),
            };
            (parsed, layout)
        });
        let (document, root) = parsed?;
        Ok(Schema::assemble(source, document, root, &layout))
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

    fn assemble(source: Source, document: Value, root: Field, layout: &layout::Layout) -> Schema {
        let form = Form::build(&root, layout);
        Schema {
            source,
            document,
            root,
            form,
            warning: None,
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
