//! Property: any document the schema accepts survives save → load unchanged.

use proptest::prelude::*;
use serde_json::{Map, Value};
use voxtune::schema::validate::is_placeholder;
use voxtune::schema::{Field, Kind, Schema};

fn text() -> impl Strategy<Value = String> {
    "\\PC{0,24}".prop_map(|s| {
        if is_placeholder(&s) {
            format!("x{s}")
        } else {
            s
        }
    })
}

fn number(field: &Field, integer: bool) -> BoxedStrategy<Value> {
    let lo = field.minimum.unwrap_or(-1e6);
    let hi = field.maximum.unwrap_or(1e6);
    if integer {
        (lo.ceil() as i64..=hi.floor() as i64)
            .prop_map(Value::from)
            .boxed()
    } else {
        (lo..=hi).prop_map(Value::from).boxed()
    }
}

fn leaf(field: &Field) -> BoxedStrategy<Value> {
    match &field.kind {
        Kind::Text | Kind::Any => text().prop_map(Value::String).boxed(),
        Kind::Email => ("[a-z0-9.]{1,10}", "[a-z]{1,10}", "[a-z]{2,4}")
            .prop_map(|(l, h, t)| Value::String(format!("{l}@{h}.{t}")))
            .boxed(),
        Kind::Integer => number(field, true),
        Kind::Number => number(field, false),
        Kind::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        Kind::Enum(values) => proptest::sample::select(values.clone()).boxed(),
        Kind::FreeObject => proptest::collection::btree_map("[a-z]{1,8}", text(), 0..4)
            .prop_map(|m| {
                Value::Object(m.into_iter().map(|(k, v)| (k, Value::String(v))).collect())
            })
            .boxed(),
        Kind::Group(_) => unreachable!("groups are built from their leaves"),
    }
}

/// A valid document: every required field, optional ones present or not.
fn document(field: &Field) -> BoxedStrategy<Option<Value>> {
    let value = match &field.kind {
        Kind::Group(children) => {
            let names: Vec<String> = children.iter().map(|c| c.name.clone()).collect();
            let parts: Vec<BoxedStrategy<Option<Value>>> = children.iter().map(document).collect();
            parts
                .prop_map(move |vals| {
                    let map: Map<String, Value> = names
                        .iter()
                        .cloned()
                        .zip(vals)
                        .filter_map(|(k, v)| v.map(|v| (k, v)))
                        .collect();
                    Value::Object(map)
                })
                .boxed()
        }
        _ => leaf(field),
    };
    if field.required {
        value.prop_map(Some).boxed()
    } else {
        proptest::option::weighted(0.8, value).boxed()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn valid_documents_survive_save_then_load(doc in document(&Schema::bundled().root)) {
        let schema = Schema::bundled();
        let doc = doc.unwrap();
        prop_assert!(schema.validate(&doc).is_empty(), "generated an invalid document: {:?}", schema.validate(&doc));
        let dir = tempfile::tempdir().unwrap();
        let store = voxtune::profiles::Store::new(dir.path().join("profiles"), dir.path());
        store.create("p", &doc, &schema, false).unwrap();
        let loaded = store.load("p").unwrap();
        prop_assert_eq!(serde_json::to_string(&loaded.value).unwrap(), serde_json::to_string(&doc).unwrap());
    }
}
