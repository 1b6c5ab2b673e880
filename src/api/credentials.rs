//! The credentials a request carries once resolved, kept beside it so that the API layer
//! masks them in everything it reports: some servers quote what they were sent in their
//! errors ("invalid key sk-…"), and that text reaches stderr, the log and the screen.

use std::fmt;

use serde_json::Value;

use super::error::{FieldError, MintError};
use super::request::is_secret_header;
use super::resolve::has_refs;

#[derive(Clone, Default, PartialEq)]
pub struct Credentials(Vec<String>);

/// Hand-written: the values are what must never be printed.
impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Credentials({} values)", self.0.len())
    }
}

impl Credentials {
    /// Headers known to hold credentials and headers filled from `${VAR}`s, as sent
    /// (`resolved`), judged by how settings.toml wrote them (`raw`).
    pub fn of_headers(raw: &[(String, String)], resolved: &[(String, String)]) -> Credentials {
        let mut out = Vec::new();
        for (name, value) in resolved {
            let from_var = raw
                .iter()
                .any(|(n, raw_value)| n == name && has_refs(raw_value));
            if from_var || is_secret_header(name) {
                out.push(value.clone());
                // `Bearer TOKEN`: the token alone, too.
                out.extend(value.split_whitespace().skip(1).map(str::to_string));
            }
        }
        Credentials(out)
    }

    /// Adds the string values of the body's secret fields, as sent.
    pub fn with_body_fields(mut self, body: &Value, pointers: &[&str]) -> Credentials {
        self.0.extend(
            pointers
                .iter()
                .filter_map(|p| body.pointer(p).and_then(Value::as_str))
                .map(str::to_string),
        );
        self
    }

    pub fn scrub(&self, text: &str) -> String {
        crate::secrets::scrub(text, &self.0)
    }

    fn scrub_value(&self, v: &Value) -> Value {
        match v {
            Value::String(s) => Value::String(self.scrub(s)),
            Value::Array(items) => items.iter().map(|i| self.scrub_value(i)).collect(),
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (self.scrub(k), self.scrub_value(v)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    fn scrub_field(&self, e: FieldError) -> FieldError {
        FieldError {
            pointer: e.pointer,
            msg: self.scrub(&e.msg),
            expected: e.expected.map(|x| self.scrub(&x)),
            input: e.input.map(|i| self.scrub_value(&i)),
        }
    }
}

impl MintError {
    /// The same error with every credential in `c` masked in the text it carries.
    pub fn scrubbed(self, c: &Credentials) -> MintError {
        use MintError::*;
        let s = |text: String| c.scrub(&text);
        match self {
            MissingVar(m) => MissingVar(m),
            InsecureTransport { url } => InsecureTransport { url: s(url) },
            InvalidUrl { url, reason } => InvalidUrl {
                url: s(url),
                reason: s(reason),
            },
            InvalidHeader { name, reason } => InvalidHeader { name, reason },
            Validation(errors) => {
                Validation(errors.into_iter().map(|e| c.scrub_field(e)).collect())
            }
            Unauthorized {
                status,
                env,
                url,
                detail,
            } => Unauthorized {
                status,
                env,
                url: s(url),
                detail: s(detail),
            },
            NotFound { url, detail } => NotFound {
                url: s(url),
                detail: s(detail),
            },
            Redirect {
                status,
                url,
                location,
            } => Redirect {
                status,
                url: s(url),
                location: s(location),
            },
            Http { status, detail } => Http {
                status,
                detail: s(detail),
            },
            Server { status, line } => Server {
                status,
                line: s(line),
            },
            InvalidJson { status, snippet } => InvalidJson {
                status,
                snippet: s(snippet),
            },
            TooLarge {
                limit,
                content_length,
            } => TooLarge {
                limit,
                content_length,
            },
            NoToken { response } => NoToken {
                response: c.scrub_value(&response),
            },
            Timeout { url, after } => Timeout { url: s(url), after },
            Connect { url, cause } => Connect {
                url: s(url),
                cause: s(cause),
            },
            Dns { url, cause } => Dns {
                url: s(url),
                cause: s(cause),
            },
            Tls { url, cause } => Tls {
                url: s(url),
                cause: s(cause),
            },
            Network { url, cause } => Network {
                url: s(url),
                cause: s(cause),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const KEY: &str = "sk-live-SENTINEL-1234";

    fn creds() -> Credentials {
        let raw = [("Authorization".to_string(), "Bearer ${TOKEN}".to_string())];
        let resolved = [(
            "Authorization".to_string(),
            "Bearer tok-SENTINEL".to_string(),
        )];
        Credentials::of_headers(&raw, &resolved)
            .with_body_fields(&json!({"llm": {"api_key": KEY}}), &["/llm/api_key"])
    }

    #[test]
    fn every_place_an_error_quotes_the_server_is_masked() {
        let c = creds();
        let errors = [
            MintError::Unauthorized {
                status: 401,
                env: "dev".into(),
                url: "https://x".into(),
                detail: format!("bad key {KEY}"),
            },
            MintError::NoToken {
                response: json!({"echo": {"headers": ["Bearer tok-SENTINEL"], KEY: 1}}),
            },
            MintError::Validation(vec![FieldError {
                pointer: "/llm/api_key".into(),
                msg: format!("{KEY} is not a key"),
                expected: Some(KEY.into()),
                input: Some(json!([KEY])),
            }]),
            MintError::InvalidJson {
                status: 200,
                snippet: format!("<p>tok-SENTINEL {KEY}</p>"),
            },
        ];
        for e in errors {
            let shown = format!("{} {:?}", e.scrubbed(&c), c);
            assert!(!shown.contains("SENTINEL"), "{shown}");
            assert!(shown.contains("***"), "{shown}");
        }
    }

    #[test]
    fn headers_that_are_not_credentials_are_not_masked() {
        let raw = [("X-Trace".to_string(), "trace-1234".to_string())];
        let c = Credentials::of_headers(&raw, &raw);
        assert_eq!(c.scrub("id trace-1234"), "id trace-1234");
    }
}
