//! The token client: from an edited body and an environment to a minted token.

pub mod client;
pub mod credentials;
pub mod error;
mod http_error;
pub mod jwt;
pub mod request;
pub mod resolve;
pub mod response;

pub use client::{MAX_BODY_BYTES, build_client, build_client_for, fetch_text, mint};
pub use credentials::Credentials;
pub use error::{FieldError, MintError};
pub use jwt::Claims;
pub use request::{MintRequest, check_transport, endpoint_url, ensure_session_id};
pub use resolve::{MissingVar, UsedAt, resolve_refs, resolve_value};
pub use response::MintOutcome;
