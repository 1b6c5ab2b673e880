//! `voxtune mint`: send the profile, print the token alone on stdout.

use super::args::MintArgs;
use super::context::Context;
use super::document_cmds::body_for_request;
use crate::api::{self, MintOutcome, MintRequest};
use crate::clipboard;
use anyhow::{Result, bail};
use serde_json::{Value, json};

pub fn mint(ctx: &Context, args: &MintArgs) -> Result<()> {
    let (name, body) = body_for_request(ctx, &args.set)?;
    refuse_invalid(ctx, &name, &body, args.force)?;
    let env = ctx.environment()?;
    let request = MintRequest::prepare(&env, &body, &ctx.secret_pointers(), |v| {
        std::env::var(v).ok()
    })?;
    let outcome = runtime()?.block_on(async {
        let client = api::build_client_for(&request.endpoint)?;
        api::mint(&client, &request).await
    })?;
    let session = request.session_id.clone().unwrap_or_default();
    eprintln!(
        "minted a token for session {session} from {} ({})",
        request.endpoint, env.name
    );
    if let Some(expiry) = outcome.claims.as_ref().and_then(|c| c.expires_in(now())) {
        eprintln!("  {expiry}");
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&as_json(&outcome, &session))?
        );
    } else {
        println!("{}", outcome.token);
    }
    if args.copy {
        let report = clipboard::copy(&outcome.token);
        eprintln!("{}", report.describe());
        clipboard::release();
    }
    Ok(())
}

/// An invalid body is not sent unless forced: the server would refuse it anyway.
fn refuse_invalid(ctx: &Context, name: &str, body: &Value, force: bool) -> Result<()> {
    let issues = ctx.schema.validate(body);
    if issues.is_empty() || force {
        return Ok(());
    }
    for issue in &issues {
        eprintln!("{issue}");
    }
    bail!(
        "profile `{name}` has {} problem(s); nothing was sent (fix them, or pass --force to send anyway)",
        issues.len()
    )
}

fn as_json(outcome: &MintOutcome, session: &str) -> Value {
    json!({
        "token": outcome.token,
        "server_url": outcome.server_url,
        "session_id": session,
        "status": outcome.status,
        "claims": outcome.claims.as_ref().map(|c| &c.raw),
        "response": outcome.response,
    })
}

pub fn runtime() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?)
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
