//! The form: the schema's leaves arranged by the layout into tabs and groups, each
//! with the widget that edits it. A leaf the layout does not name still appears, in
//! the "Other" group of the tab whose prefix holds it.

use super::field::{Field, Kind, is_within};
use super::layout::{FieldLayout, Layout};
use serde_json::Value;
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq)]
pub enum Widget {
    Text,
    MultiLine,
    Secret,
    Toggle,
    Enum(Vec<Value>),
    Slider { integer: bool },
    Json,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormField {
    pub pointer: String,
    pub label: String,
    pub help: String,
    pub unit: Option<String>,
    pub widget: Widget,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub step: f64,
    pub secret: bool,
    pub field: Field,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub title: String,
    pub fields: Vec<FormField>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tab {
    pub title: String,
    pub groups: Vec<Group>,
}

impl Tab {
    pub fn fields(&self) -> impl Iterator<Item = &FormField> {
        self.groups.iter().flat_map(|g| g.fields.iter())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub tabs: Vec<Tab>,
}

pub const OTHER_GROUP: &str = "Other";

/// Names that mark a value as a secret wherever it appears.
pub fn is_secret_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
        "api_key",
        "apikey",
        "token",
        "secret",
        "password",
        "authorization",
    ]
    .iter()
    // `n` is the word itself or ends in `_word` (no string built per word).
    .any(|s| {
        n.strip_suffix(s)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with('_'))
    })
}

impl Form {
    pub fn build(root: &Field, layout: &Layout) -> Form {
        let leaves = root.leaves();
        let mut used = HashSet::new();
        let mut tabs: Vec<Tab> = layout
            .tabs
            .iter()
            .map(|t| Tab {
                title: t.title.clone(),
                groups: t
                    .groups
                    .iter()
                    .map(|g| Group {
                        title: g.title.clone(),
                        fields: g
                            .fields
                            .iter()
                            .flat_map(|p| leaves.iter().filter(move |l| is_within(&l.pointer, p)))
                            .filter(|l| used.insert(l.pointer.clone()))
                            .map(|l| form_field(l, layout))
                            .collect(),
                    })
                    .filter(|g| !g.fields.is_empty())
                    .collect(),
            })
            .collect();
        if tabs.is_empty() {
            tabs.push(Tab {
                title: "Fields".into(),
                groups: Vec::new(),
            });
        }
        for leaf in leaves.iter().filter(|l| !used.contains(&l.pointer)) {
            let tab = home_tab(layout, &leaf.pointer).min(tabs.len() - 1);
            other_group(&mut tabs[tab])
                .fields
                .push(form_field(leaf, layout));
        }
        Form { tabs }
    }

    pub fn fields(&self) -> impl Iterator<Item = &FormField> {
        self.tabs.iter().flat_map(Tab::fields)
    }

    pub fn field(&self, pointer: &str) -> Option<&FormField> {
        self.fields().find(|f| f.pointer == pointer)
    }

    /// Which tab shows the field at `pointer` (or the field holding it).
    pub fn tab_of(&self, pointer: &str) -> Option<usize> {
        self.tabs
            .iter()
            .position(|t| t.fields().any(|f| is_within(pointer, &f.pointer)))
    }

    /// Whether the value at `pointer` is a secret: marked so in the layout, or named like one.
    pub fn is_secret(&self, pointer: &str) -> bool {
        self.field(pointer).is_some_and(|f| f.secret)
            || pointer.rsplit('/').next().is_some_and(is_secret_name)
    }
}

/// The tab whose longest prefix holds `pointer`; the last tab when none does.
fn home_tab(layout: &Layout, pointer: &str) -> usize {
    layout
        .tabs
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.prefixes.iter().map(move |p| (i, p)))
        .filter(|(_, p)| is_within(pointer, p))
        .max_by_key(|(_, p)| p.len())
        .map_or(layout.tabs.len().saturating_sub(1), |(i, _)| i)
}

fn other_group(tab: &mut Tab) -> &mut Group {
    if tab.groups.last().is_none_or(|g| g.title != OTHER_GROUP) {
        tab.groups.push(Group {
            title: OTHER_GROUP.into(),
            fields: Vec::new(),
        });
    }
    tab.groups.last_mut().expect("just pushed")
}

fn form_field(field: &Field, layout: &Layout) -> FormField {
    let none = FieldLayout::default();
    let fl = layout.fields.get(&field.pointer).unwrap_or(&none);
    let secret = fl.secret || is_secret_name(&field.name);
    let (min, max) = (fl.min.or(field.minimum), fl.max.or(field.maximum));
    FormField {
        pointer: field.pointer.clone(),
        label: label(field, fl),
        help: fl
            .help
            .clone()
            .or_else(|| field.description.clone())
            .unwrap_or_default(),
        unit: fl.unit.clone(),
        widget: widget(field, fl, secret),
        step: fl.step.unwrap_or_else(|| default_step(field, min, max)),
        min,
        max,
        secret,
        field: field.clone(),
    }
}

fn label(field: &Field, fl: &FieldLayout) -> String {
    fl.label
        .clone()
        .or_else(|| field.title.clone())
        .unwrap_or_else(|| field.name.replace('_', " "))
}

fn widget(field: &Field, fl: &FieldLayout, secret: bool) -> Widget {
    match &field.kind {
        _ if secret => Widget::Secret,
        Kind::Text if fl.multiline => Widget::MultiLine,
        Kind::Text | Kind::Email => Widget::Text,
        Kind::Integer => Widget::Slider { integer: true },
        Kind::Number => Widget::Slider { integer: false },
        Kind::Bool => Widget::Toggle,
        Kind::Enum(values) => Widget::Enum(values.clone()),
        Kind::FreeObject | Kind::Any | Kind::Group(_) => Widget::Json,
    }
}

fn default_step(field: &Field, min: Option<f64>, max: Option<f64>) -> f64 {
    match (&field.kind, min, max) {
        (Kind::Integer, _, _) => 1.0,
        (_, Some(lo), Some(hi)) if hi > lo => ((hi - lo) / 100.0).max(f64::EPSILON),
        _ => 0.1,
    }
}

#[cfg(test)]
mod tests {
    use super::is_secret_name;

    #[test]
    fn secret_names_are_the_word_or_end_in_underscore_word() {
        for name in [
            "token",
            "API_KEY",
            "livekit_api_secret",
            "db_password",
            "Authorization",
        ] {
            assert!(is_secret_name(name), "{name}");
        }
        for name in [
            "tokens",
            "xtoken",
            "secretive",
            "token_count",
            "apikeys",
            "",
        ] {
            assert!(!is_secret_name(name), "{name}");
        }
    }
}
