use super::support::*;
use crossterm::event::KeyCode;

#[test]
fn down_moves_focus() {
    let mut h = Harness::new();
    assert_eq!(h.app.cursor[0], 0);
    h.key(KeyCode::Down);
    assert_eq!(h.app.cursor[0], 1);
    h.key(KeyCode::Char('j'));
    assert_eq!(h.app.cursor[0], 2);
}
