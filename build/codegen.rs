//! Rust expressions that rebuild the schema's values: what `build/main.rs` writes for
//! `src/schema/bundled.rs` to include. Each struct is destructured in full, so a field
//! added to one of them fails this build until it is written out here too.

use crate::field::{Field, Kind};
use crate::form::{Form, FormField, Group, Tab, Widget};
use crate::layout::{FieldLayout, GroupLayout, Layout, TabLayout};
use serde_json::Value;

/// A value written as a Rust expression. Strings go through `s` (defined beside the
/// `include!`), floats through their bits so they come back exactly.
pub trait Rust {
    fn rust(&self) -> String;
}

/// `Name { field: value, … }`.
fn literal(name: &str, fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    format!("{name} {{ {} }}", body.join(", "))
}

impl Rust for str {
    fn rust(&self) -> String {
        // `{:?}` of a str is a valid Rust string literal (quotes and escapes included).
        format!("s({self:?})")
    }
}

impl Rust for String {
    fn rust(&self) -> String {
        self.as_str().rust()
    }
}

impl Rust for bool {
    fn rust(&self) -> String {
        self.to_string()
    }
}

impl Rust for f64 {
    fn rust(&self) -> String {
        format!("f64::from_bits({:#x})", self.to_bits())
    }
}

impl<T: Rust> Rust for Option<T> {
    fn rust(&self) -> String {
        match self {
            Some(v) => format!("Some({})", v.rust()),
            None => "None".into(),
        }
    }
}

impl<T: Rust> Rust for Vec<T> {
    fn rust(&self) -> String {
        let items: Vec<String> = self.iter().map(Rust::rust).collect();
        format!("vec![{}]", items.join(", "))
    }
}

impl Rust for Value {
    fn rust(&self) -> String {
        match self {
            Value::Null => "Value::Null".into(),
            Value::Bool(b) => format!("Value::Bool({b})"),
            // The same variant serde_json parses into: u64 when it fits, then i64, else f64.
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => format!("Value::from({u}u64)"),
                (None, Some(i), _) => format!("Value::from({i}i64)"),
                (None, None, Some(f)) => format!("Value::from({})", f.rust()),
                _ => unreachable!("a JSON number is u64, i64 or f64"),
            },
            Value::String(s) => format!("Value::String({})", s.rust()),
            Value::Array(items) => format!("Value::Array({})", items.rust()),
            Value::Object(map) => {
                let entries: Vec<String> = map
                    .iter()
                    .map(|(k, v)| format!("({}, {})", k.rust(), v.rust()))
                    .collect();
                format!("Value::Object(Map::from_iter([{}]))", entries.join(", "))
            }
        }
    }
}

impl Rust for Kind {
    fn rust(&self) -> String {
        match self {
            Kind::Text => "Kind::Text".into(),
            Kind::Email => "Kind::Email".into(),
            Kind::Integer => "Kind::Integer".into(),
            Kind::Number => "Kind::Number".into(),
            Kind::Bool => "Kind::Bool".into(),
            Kind::Enum(values) => format!("Kind::Enum({})", values.rust()),
            Kind::FreeObject => "Kind::FreeObject".into(),
            Kind::Group(children) => format!("Kind::Group({})", children.rust()),
            Kind::Any => "Kind::Any".into(),
        }
    }
}

impl Rust for Field {
    fn rust(&self) -> String {
        let Field {
            pointer,
            name,
            kind,
            default,
            minimum,
            maximum,
            required,
            nullable,
            deprecated,
            title,
            description,
        } = self;
        literal(
            "Field",
            &[
                ("pointer", pointer.rust()),
                ("name", name.rust()),
                ("kind", kind.rust()),
                ("default", default.rust()),
                ("minimum", minimum.rust()),
                ("maximum", maximum.rust()),
                ("required", required.rust()),
                ("nullable", nullable.rust()),
                ("deprecated", deprecated.rust()),
                ("title", title.rust()),
                ("description", description.rust()),
            ],
        )
    }
}

impl Rust for Widget {
    fn rust(&self) -> String {
        match self {
            Widget::Text => "Widget::Text".into(),
            Widget::MultiLine => "Widget::MultiLine".into(),
            Widget::Secret => "Widget::Secret".into(),
            Widget::Toggle => "Widget::Toggle".into(),
            Widget::Enum(values) => format!("Widget::Enum({})", values.rust()),
            Widget::Slider { integer } => format!("Widget::Slider {{ integer: {integer} }}"),
            Widget::Json => "Widget::Json".into(),
        }
    }
}

impl Rust for FormField {
    fn rust(&self) -> String {
        let FormField {
            pointer,
            label,
            help,
            unit,
            widget,
            min,
            max,
            step,
            secret,
            field,
        } = self;
        literal(
            "FormField",
            &[
                ("pointer", pointer.rust()),
                ("label", label.rust()),
                ("help", help.rust()),
                ("unit", unit.rust()),
                ("widget", widget.rust()),
                ("min", min.rust()),
                ("max", max.rust()),
                ("step", step.rust()),
                ("secret", secret.rust()),
                ("field", field.rust()),
            ],
        )
    }
}

impl Rust for Group {
    fn rust(&self) -> String {
        let Group { title, fields } = self;
        literal(
            "Group",
            &[("title", title.rust()), ("fields", fields.rust())],
        )
    }
}

impl Rust for Tab {
    fn rust(&self) -> String {
        let Tab { title, groups } = self;
        literal("Tab", &[("title", title.rust()), ("groups", groups.rust())])
    }
}

impl Rust for Form {
    fn rust(&self) -> String {
        let Form { tabs } = self;
        literal("Form", &[("tabs", tabs.rust())])
    }
}

impl Rust for FieldLayout {
    fn rust(&self) -> String {
        let FieldLayout {
            label,
            help,
            unit,
            min,
            max,
            step,
            multiline,
            secret,
        } = self;
        literal(
            "FieldLayout",
            &[
                ("label", label.rust()),
                ("help", help.rust()),
                ("unit", unit.rust()),
                ("min", min.rust()),
                ("max", max.rust()),
                ("step", step.rust()),
                ("multiline", multiline.rust()),
                ("secret", secret.rust()),
            ],
        )
    }
}

impl Rust for GroupLayout {
    fn rust(&self) -> String {
        let GroupLayout { title, fields } = self;
        literal(
            "GroupLayout",
            &[("title", title.rust()), ("fields", fields.rust())],
        )
    }
}

impl Rust for TabLayout {
    fn rust(&self) -> String {
        let TabLayout {
            title,
            prefixes,
            groups,
        } = self;
        literal(
            "TabLayout",
            &[
                ("title", title.rust()),
                ("prefixes", prefixes.rust()),
                ("groups", groups.rust()),
            ],
        )
    }
}

impl Rust for Layout {
    fn rust(&self) -> String {
        let Layout { tabs, fields } = self;
        // Sorted, so the generated file is the same from build to build.
        let mut entries: Vec<(&String, &FieldLayout)> = fields.iter().collect();
        entries.sort_by_key(|(pointer, _)| *pointer);
        let entries: Vec<String> = entries
            .iter()
            .map(|(k, v)| format!("({}, {})", k.rust(), v.rust()))
            .collect();
        literal(
            "Layout",
            &[
                ("tabs", tabs.rust()),
                (
                    "fields",
                    format!("HashMap::from_iter([{}])", entries.join(", ")),
                ),
            ],
        )
    }
}
