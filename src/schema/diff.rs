//! What one schema adds to or removes from another: fields, and enum values.

use super::field::{Field, Kind};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    FieldAdded(String),
    FieldRemoved(String),
    ValuesAdded(String, Vec<Value>),
    ValuesRemoved(String, Vec<Value>),
    KindChanged(String, String, String),
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |v: &[Value]| super::field::list_values(v);
        match self {
            Change::FieldAdded(p) => write!(f, "+ field {p}"),
            Change::FieldRemoved(p) => write!(f, "- field {p}"),
            Change::ValuesAdded(p, v) => write!(f, "+ {p} accepts {}", list(v)),
            Change::ValuesRemoved(p, v) => write!(f, "- {p} no longer accepts {}", list(v)),
            Change::KindChanged(p, a, b) => write!(f, "~ {p} was {a}, now {b}"),
        }
    }
}

/// Changes from `base` to `new`, in `new`'s field order then removals.
pub fn diff(base: &Field, new: &Field) -> Vec<Change> {
    let base_leaves = base.leaves();
    let new_leaves = new.leaves();
    let mut changes = Vec::new();
    for n in &new_leaves {
        match base_leaves.iter().find(|b| b.pointer == n.pointer) {
            None => changes.push(Change::FieldAdded(n.pointer.clone())),
            Some(b) => changes.extend(compare(b, n)),
        }
    }
    for b in &base_leaves {
        if !new_leaves.iter().any(|n| n.pointer == b.pointer) {
            changes.push(Change::FieldRemoved(b.pointer.clone()));
        }
    }
    changes
}

fn compare(base: &Field, new: &Field) -> Vec<Change> {
    match (&base.kind, &new.kind) {
        (Kind::Enum(old), Kind::Enum(now)) => {
            let added: Vec<Value> = now.iter().filter(|v| !old.contains(v)).cloned().collect();
            let removed: Vec<Value> = old.iter().filter(|v| !now.contains(v)).cloned().collect();
            let mut out = Vec::new();
            if !added.is_empty() {
                out.push(Change::ValuesAdded(new.pointer.clone(), added));
            }
            if !removed.is_empty() {
                out.push(Change::ValuesRemoved(new.pointer.clone(), removed));
            }
            out
        }
        (a, b) if std::mem::discriminant(a) != std::mem::discriminant(b) => {
            vec![Change::KindChanged(
                new.pointer.clone(),
                base.expected(),
                new.expected(),
            )]
        }
        _ => Vec::new(),
    }
}
