//! A panic on request, for tests of what a crash does: with `VOXTUNE_TEST_PANIC` set,
//! F12 panics inside the event loop. Without the variable F12 does nothing here.

use super::msg::Msg;
use crossterm::event::KeyCode;

pub fn check(msg: &Msg) {
    if let Msg::Key(k) = msg
        && k.code == KeyCode::F(12)
        && std::env::var_os("VOXTUNE_TEST_PANIC").is_some()
    {
        panic!("VOXTUNE_TEST_PANIC: F12 pressed");
    }
}
