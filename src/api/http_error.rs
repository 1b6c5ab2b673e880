//! Turns a non-success HTTP answer into a `MintError` the user can act on.

use serde_json::Value;

use super::error::{FieldError, MintError, short};
use crate::document::escape_token;

/// What the classifier needs to know about the request, and nothing secret.
pub(crate) struct Sent<'a> {
    pub url: &'a str,
    pub env_name: &'a str,
}

pub(crate) fn classify(status: u16, body: &[u8], location: Option<&str>, sent: &Sent) -> MintError {
    let json: Option<Value> = serde_json::from_slice(body).ok();
    let detail = || detail_text(json.as_ref(), body);
    match status {
        422 => match json.as_ref().and_then(field_errors) {
            Some(errors) => MintError::Validation(errors),
            None => MintError::Http {
                status,
                detail: detail(),
            },
        },
        401 | 403 => MintError::Unauthorized {
            status,
            env: sent.env_name.to_string(),
            url: sent.url.to_string(),
            detail: detail(),
        },
        404 => MintError::NotFound {
            url: sent.url.to_string(),
            detail: detail(),
        },
        300..=399 => MintError::Redirect {
            status,
            url: sent.url.to_string(),
            location: location.unwrap_or("(no Location header)").to_string(),
        },
        500..=599 => MintError::Server {
            status,
            line: detail(),
        },
        _ => MintError::Http {
            status,
            detail: detail(),
        },
    }
}

/// The FastAPI `detail` list as field errors; None when the body has another shape.
fn field_errors(json: &Value) -> Option<Vec<FieldError>> {
    let items = json.get("detail")?.as_array()?;
    if items.is_empty() {
        return None;
    }
    Some(items.iter().map(field_error).collect())
}

fn field_error(item: &Value) -> FieldError {
    let loc = item
        .get("loc")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let (pointer, prefix) = loc_to_pointer(loc);
    let msg = item
        .get("msg")
        .and_then(Value::as_str)
        .unwrap_or("invalid value");
    let expected = item.pointer("/ctx/expected").map(|e| match e {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    FieldError {
        pointer,
        msg: format!("{prefix}{msg}"),
        expected,
        input: item.get("input").cloned(),
    }
}

/// `["body", "a", 0]` → `/a/0`. A loc outside the body (query, header) has no
/// place in the form, so it is named in the message instead.
fn loc_to_pointer(loc: &[Value]) -> (String, String) {
    let part = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match loc.split_first() {
        Some((Value::String(first), rest)) if first == "body" => {
            let pointer = rest
                .iter()
                .map(|p| format!("/{}", escape_token(&part(p))))
                .collect();
            (pointer, String::new())
        }
        Some(_) => {
            let place: Vec<String> = loc.iter().map(part).collect();
            (String::new(), format!("in {}: ", place.join(".")))
        }
        None => (String::new(), String::new()),
    }
}

/// The server's explanation: FastAPI's `detail`, else the first line of text.
fn detail_text(json: Option<&Value>, body: &[u8]) -> String {
    let Some(json) = json else {
        return first_text_line(&String::from_utf8_lossy(body));
    };
    let said = ["detail", "message", "error"]
        .iter()
        .find_map(|k| json.get(k));
    match said.unwrap_or(json) {
        Value::String(s) => short(s, 300),
        Value::Null => String::new(),
        other => short(&other.to_string(), 300),
    }
}

/// The first line that still has text once HTML tags are gone: for a proxy's
/// error page that is its title ("502 Bad Gateway").
pub(crate) fn first_text_line(body: &str) -> String {
    body.lines()
        .map(strip_tags)
        .find(|l| !l.is_empty())
        .map(|l| short(&l, 200))
        .unwrap_or_default()
}

fn strip_tags(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_tag = false;
    for c in line.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = decode_entities(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SENT: Sent = Sent {
        url: "https://h/api/v1/playground/tokens",
        env_name: "dev",
    };

    #[test]
    fn nginx_page_gives_its_title() {
        let page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";
        assert_eq!(first_text_line(page), "502 Bad Gateway");
        let e = classify(502, page.as_bytes(), None, &SENT);
        assert_eq!(e.to_string(), "server error 502: 502 Bad Gateway");
    }

    #[test]
    fn loc_to_pointer_cases() {
        let (p, pre) = loc_to_pointer(&[json!("body"), json!("a/b"), json!(2), json!("c")]);
        assert_eq!((p.as_str(), pre.as_str()), ("/a~1b/2/c", ""));
        let (p, pre) = loc_to_pointer(&[json!("query"), json!("x")]);
        assert_eq!((p.as_str(), pre.as_str()), ("", "in query.x: "));
    }

    #[test]
    fn unprocessable_text_detail() {
        let e = classify(422, br#"{"detail":"bad body"}"#, None, &SENT);
        assert_eq!(
            e.to_string(),
            "request failed (422) — server said: bad body"
        );
        assert!(e.field_errors().is_empty());
    }

    #[test]
    fn secret_inputs_are_redacted() {
        let body = json!({"detail":[{"loc":["body","tts","model","api_key"],"msg":"too short","input":"sk-live-123"}]});
        let e = classify(422, body.to_string().as_bytes(), None, &SENT);
        assert!(!e.to_string().contains("sk-live-123"), "{e}");
    }
}
