//! `form.toml`: how the schema is laid out for people (tabs, groups, labels, help).

use serde::Deserialize;
use std::collections::HashMap;

pub const BUNDLED_LAYOUT: &str = include_str!("../../assets/form.toml");

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Layout {
    #[serde(default)]
    pub tabs: Vec<TabLayout>,
    #[serde(default)]
    pub fields: HashMap<String, FieldLayout>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct TabLayout {
    pub title: String,
    /// Schema fields under these prefixes that no group names land in this tab.
    #[serde(default)]
    pub prefixes: Vec<String>,
    #[serde(default)]
    pub groups: Vec<GroupLayout>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct GroupLayout {
    pub title: String,
    #[serde(default)]
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct FieldLayout {
    pub label: Option<String>,
    pub help: Option<String>,
    pub unit: Option<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub step: Option<f64>,
    #[serde(default)]
    pub multiline: bool,
    #[serde(default)]
    pub secret: bool,
}

impl Layout {
    /// What the build script does with `form.toml`; the program takes the result from
    /// `Layout::bundled` (schema/bundled.rs).
    pub fn parse(text: &str) -> Result<Layout, toml::de::Error> {
        toml::from_str(text)
    }
}
