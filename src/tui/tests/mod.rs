//! Tests of `update` (no terminal) and snapshots of whole screens (TestBackend).

mod conflict_tests;
mod draft_tests;
mod size_tests;
mod support;
mod update_tests;
mod view_tests;
