//! `voxtune curl`: the same request as a curl command line, for sharing and debugging.

use super::args::CurlArgs;
use super::context::Context;
use super::document_cmds::body_for_request;
use crate::api::request::is_secret_header;
use crate::api::{endpoint_url, resolve_refs};
use crate::schema::form::is_secret_name;
use crate::secrets;
use anyhow::Result;

pub fn curl(ctx: &Context, args: &CurlArgs) -> Result<()> {
    let (_, body) = body_for_request(ctx, &[])?;
    let env = ctx.environment()?;
    let body = if args.reveal_secrets {
        body
    } else {
        secrets::redact(&ctx.schema.form, &body)
    };
    let mut lines = vec![
        "curl --request POST".to_string(),
        format!("  --url {}", quote(&endpoint_url(&env.base_url))),
        format!("  --header {}", quote("Content-Type: application/json")),
    ];
    for (name, value) in &env.headers {
        let value = header_value(name, value, args.reveal_secrets)?;
        lines.push(format!("  --header {}", quote(&format!("{name}: {value}"))));
    }
    lines.push(format!(
        "  --data {}",
        quote(&serde_json::to_string_pretty(&body)?)
    ));
    println!("{}", lines.join(" \\\n"));
    Ok(())
}

/// Revealed: references resolved. Otherwise a literal credential is `***`, and a
/// reference stays a reference, for the shell to expand when the command runs.
fn header_value(name: &str, value: &str, reveal: bool) -> Result<String> {
    if reveal {
        return Ok(resolve_refs(value, |v| std::env::var(v).ok())?);
    }
    let credential =
        is_secret_name(&name.to_ascii_lowercase().replace('-', "_")) || is_secret_header(name);
    if credential && !crate::api::resolve::has_refs(value) {
        return Ok(secrets::REDACTED.to_string());
    }
    Ok(value.to_string())
}

/// Single-quotes for the shell, except `${VAR}` references, which are left for the
/// shell to expand so that the secret itself never appears in the command.
fn quote(text: &str) -> String {
    let escaped = text.replace('\'', r"'\''");
    let mut out = String::from("'");
    let mut rest = escaped.as_str();
    while let Some(start) = rest.find("${") {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let reference = &rest[start..=start + len];
        out.push_str(&rest[..start]);
        if secrets::reference_name(reference).is_some() {
            out.push_str(&format!("'\"{reference}\"'"));
        } else {
            out.push_str(reference);
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn references_are_left_for_the_shell_and_quotes_escaped() {
        assert_eq!(quote("a'b"), r"'a'\''b'");
        assert_eq!(quote("Bearer ${TOKEN}"), "'Bearer '\"${TOKEN}\"''");
        assert_eq!(quote("${not a ref}"), "'${not a ref}'");
    }
}
