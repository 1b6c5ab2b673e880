//! The work behind `Effect::Mint`: prepare the request (resolve `${VAR}`s, session id,
//! transport check), send it, and turn the outcome into what the UI shows.

use super::msg::{MintFailure, TokenInfo};
use crate::api::{self, MintError, MintRequest};
use crate::settings::Environment;
use serde_json::Value;

pub async fn mint(
    client: &reqwest::Client,
    env: &Environment,
    body: Value,
    secret_pointers: &[String],
) -> Result<TokenInfo, MintFailure> {
    let url = api::endpoint_url(&env.base_url);
    let pointers: Vec<&str> = secret_pointers.iter().map(String::as_str).collect();
    let req = MintRequest::prepare(env, &body, &pointers, |v| std::env::var(v).ok())
        .map_err(|e| failure(&e, &url))?;
    tracing::info!(url = %req.endpoint, "mint started");
    let outcome = api::mint(client, &req).await.map_err(|e| {
        let failure = failure(&e, &req.endpoint);
        tracing::info!(url = %req.endpoint, "mint failed: {}", failure.message);
        failure
    })?;
    tracing::info!(url = %req.endpoint, status = outcome.status, "mint succeeded");
    let claims = outcome.claims.as_ref();
    Ok(TokenInfo {
        identity: claims.and_then(|c| c.sub.clone()),
        name: claims.and_then(|c| c.name.clone()),
        room: claims.and_then(|c| c.room.clone()),
        expires_at: claims.and_then(|c| c.exp),
        server_url: outcome.server_url.clone(),
        session_id: req.session_id.clone(),
        status: outcome.status,
        token: outcome.token,
    })
}

/// What the UI shows of an error; `api::mint` has already masked the credentials in it.
fn failure(e: &MintError, url: &str) -> MintFailure {
    MintFailure {
        message: e.to_string(),
        url: url.to_string(),
        fields: e
            .field_errors()
            .iter()
            .map(|f| (f.pointer.clone(), f.msg.clone()))
            .collect(),
        focus: match e {
            MintError::MissingVar(m) => m.pointer().map(str::to_string),
            _ => None,
        },
    }
}
