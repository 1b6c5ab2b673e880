//! Reads a token's claims for display. No signature check: the client has no
//! key, and the claims are shown to help the user, not trusted for anything.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub struct Claims {
    pub sub: Option<String>,
    pub name: Option<String>,
    /// LiveKit's `video.room` grant.
    pub room: Option<String>,
    pub iss: Option<String>,
    pub nbf: Option<i64>,
    pub exp: Option<i64>,
    /// LiveKit metadata is a string (often JSON); other shapes are shown as JSON.
    pub metadata: Option<String>,
    pub raw: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JwtError {
    #[error("not a JWT: expected three dot-separated parts")]
    Shape,
    #[error("JWT payload is not base64url")]
    Base64,
    #[error("JWT payload is not a JSON object")]
    Json,
}

/// Decodes the payload (second part) of a compact JWS.
pub fn decode(token: &str) -> Result<Claims, JwtError> {
    let parts: Vec<&str> = token.trim().split('.').collect();
    let [_, payload, _] = parts.as_slice() else {
        return Err(JwtError::Shape);
    };
    // Some issuers keep the padding; the no-pad engine rejects it.
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| JwtError::Base64)?;
    let raw: Value = serde_json::from_slice(&bytes).map_err(|_| JwtError::Json)?;
    if !raw.is_object() {
        return Err(JwtError::Json);
    }
    Ok(Claims::from_raw(raw))
}

impl Claims {
    fn from_raw(raw: Value) -> Claims {
        let text = |p: &str| raw.pointer(p).and_then(Value::as_str).map(str::to_string);
        let time = |p: &str| raw.pointer(p).and_then(as_unix_seconds);
        let metadata = raw.get("metadata").and_then(|m| match m {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        });
        Claims {
            sub: text("/sub"),
            name: text("/name"),
            room: text("/video/room"),
            iss: text("/iss"),
            nbf: time("/nbf"),
            exp: time("/exp"),
            metadata,
            raw,
        }
    }

    /// "expires in 59m 58s" or "expired 3m ago"; None when the token has no `exp`.
    pub fn expires_in(&self, now_unix: i64) -> Option<String> {
        // `exp` is whatever the server wrote: any i64, so no plain subtraction.
        let exp = self.exp?;
        Some(if exp > now_unix {
            format!(
                "expires in {}",
                human_duration(exp.saturating_sub(now_unix))
            )
        } else {
            format!(
                "expired {} ago",
                human_duration(now_unix.saturating_sub(exp))
            )
        })
    }
}

fn as_unix_seconds(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_f64().map(|f| f as i64))
}

/// The two largest non-zero units, which is as precise as a glance needs.
pub fn human_duration(secs: i64) -> String {
    let units = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)];
    let mut rest = secs.max(0);
    let parts: Vec<String> = units
        .iter()
        .filter_map(|&(label, size)| {
            let n = rest / size;
            rest %= size;
            (n > 0).then(|| format!("{n}{label}"))
        })
        .take(2)
        .collect();
    if parts.is_empty() {
        "0s".to_string()
    } else {
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn jwt(payload: &Value) -> String {
        let enc = |v: &Value| URL_SAFE_NO_PAD.encode(v.to_string());
        format!(
            "{}.{}.c2ln",
            enc(&json!({"alg":"HS256","typ":"JWT"})),
            enc(payload)
        )
    }

    #[test]
    fn decodes_livekit_claims() {
        let c = decode(&jwt(&json!({
            "sub": "user-1", "name": "Ada", "iss": "APIkey", "nbf": 100, "exp": 3700,
            "video": {"room": "r1", "roomJoin": true}, "metadata": "{\"a\":1}"
        })))
        .unwrap();
        assert_eq!(c.sub.as_deref(), Some("user-1"));
        assert_eq!(c.room.as_deref(), Some("r1"));
        assert_eq!(c.metadata.as_deref(), Some("{\"a\":1}"));
        assert_eq!((c.nbf, c.exp), (Some(100), Some(3700)));
        assert_eq!(c.expires_in(102).unwrap(), "expires in 59m 58s");
        assert_eq!(c.expires_in(3880).unwrap(), "expired 3m ago");
    }

    #[test]
    fn rejects_non_jwts() {
        assert_eq!(decode("abc"), Err(JwtError::Shape));
        assert_eq!(decode("a.!!!.c"), Err(JwtError::Base64));
        assert_eq!(
            decode(&format!("a.{}.c", URL_SAFE_NO_PAD.encode("[1]"))),
            Err(JwtError::Json)
        );
    }

    #[test]
    fn durations() {
        assert_eq!(human_duration(0), "0s");
        assert_eq!(human_duration(45), "45s");
        assert_eq!(human_duration(3600 + 120 + 5), "1h 2m");
        assert_eq!(human_duration(2 * 86_400 + 3 * 3600), "2d 3h");
    }
}
