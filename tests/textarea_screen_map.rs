//! The vendored ratatui-textarea updates its screen map incrementally after each edit
//! (vendor/ratatui-textarea/VOXTUNE-PATCH.md). Whatever the edits, an editor must then
//! look and move exactly like a fresh editor built from the same text: same cells drawn,
//! same cursor on screen, same answers from the screen ↔ text mapping.
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

#[derive(Debug, Clone)]
enum Op {
    Char(char),
    Newline,
    Backspace,
    Delete,
    Paste(String),
    Undo,
    Redo,
    Move(CursorMove),
    KillToEnd,
    DeleteWord,
    CutAll,
}

fn op() -> impl Strategy<Value = Op> {
    let chars = prop::sample::select(vec!['a', 'b', ' ', '界', '\t', 'é', '-']);
    let moves = prop::sample::select(vec![
        CursorMove::Up,
        CursorMove::Down,
        CursorMove::Back,
        CursorMove::Forward,
        CursorMove::Head,
        CursorMove::End,
        CursorMove::Top,
        CursorMove::Bottom,
    ]);
    prop_oneof![
        6 => chars.prop_map(Op::Char),
        2 => Just(Op::Newline),
        2 => Just(Op::Backspace),
        1 => Just(Op::Delete),
        2 => "[a-c 界\t\n]{0,8}".prop_map(Op::Paste),
        1 => Just(Op::Undo),
        1 => Just(Op::Redo),
        3 => moves.prop_map(Op::Move),
        1 => Just(Op::KillToEnd),
        1 => Just(Op::DeleteWord),
        1 => Just(Op::CutAll),
    ]
}

fn apply(area: &mut TextArea, op: &Op) {
    match op {
        Op::Char(c) => area.insert_char(*c),
        Op::Newline => area.insert_newline(),
        Op::Backspace => drop(area.delete_char()),
        Op::Delete => drop(area.delete_next_char()),
        Op::Paste(s) => drop(area.insert_str(s)),
        Op::Undo => drop(area.undo()),
        Op::Redo => drop(area.redo()),
        Op::Move(m) => area.move_cursor(*m),
        Op::KillToEnd => drop(area.delete_line_by_end()),
        Op::DeleteWord => drop(area.delete_word()),
        Op::CutAll => {
            area.select_all();
            area.cut();
        }
    }
}

/// At most 270 chars are typed into a test text (30 to start, then up to 8 per op).
const MOST_CHARS: u16 = 270;

/// Large enough that every test text fits, so both editors draw from the top row and
/// their scroll state cannot differ. Unwrapped text scrolls sideways to follow the
/// cursor, so its area is as wide as the widest possible line (a tab takes 4 cells) and
/// only as tall as the text, to keep the buffers small.
fn area_for(text: &TextArea, wrap: WrapMode, narrow: u16) -> Rect {
    match wrap {
        WrapMode::None => Rect::new(0, 0, MOST_CHARS * 4 + 1, text.lines().len() as u16 + 1),
        _ => Rect::new(0, 0, narrow, MOST_CHARS + 1),
    }
}

fn draw(area: &TextArea, rect: Rect) -> Buffer {
    let mut buf = Buffer::empty(rect);
    area.render(rect, &mut buf);
    buf
}

fn fresh(like: &TextArea, wrap: WrapMode, rect: Rect) -> TextArea<'static> {
    let mut area = TextArea::new(like.lines().to_vec());
    area.set_wrap_mode(wrap);
    draw(&area, rect);
    let ratatui_textarea::DataCursor(row, col) = like.cursor();
    area.move_cursor(CursorMove::Jump(row as u16, col as u16));
    area
}

fn assert_same(edited: &TextArea, wrap: WrapMode, rect: Rect, after: &[Op]) {
    let model = fresh(edited, wrap, rect);
    assert_eq!(edited.cursor(), model.cursor(), "cursor after {after:?}");
    assert_eq!(
        edited.screen_cursor(),
        model.screen_cursor(),
        "screen cursor after {after:?}"
    );
    assert_eq!(
        draw(edited, rect),
        draw(&model, rect),
        "cells after {after:?}"
    );
    for row in 0..4 {
        for col in [0, 3, 9] {
            assert_eq!(
                edited.screen_to_data(row, col),
                model.screen_to_data(row, col),
                "screen ({row}, {col}) after {after:?}"
            );
        }
    }
}

fn wraps() -> impl Strategy<Value = WrapMode> {
    prop::sample::select(vec![
        WrapMode::None,
        WrapMode::Glyph,
        WrapMode::Word,
        WrapMode::WordOrGlyph,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn an_edited_editor_matches_a_fresh_one(
        start in "[a-c 界\n]{0,30}",
        ops in prop::collection::vec(op(), 1..30),
        wrap in wraps(),
        narrow in 4u16..14,
    ) {
        let mut area = TextArea::new(start.split('\n').map(str::to_string).collect());
        area.set_wrap_mode(wrap);
        draw(&area, area_for(&area, wrap, narrow));
        for (i, op) in ops.iter().enumerate() {
            apply(&mut area, op);
            let rect = area_for(&area, wrap, narrow);
            draw(&area, rect);
            assert_same(&area, wrap, rect, &ops[..=i]);
        }
    }
}

/// A change of width re-wraps every line, not only the edited ones.
#[test]
fn a_new_width_rewraps_lines_that_were_not_edited() {
    let mut area = TextArea::new(vec!["alpha beta gamma".into(), "delta epsilon".into()]);
    area.set_wrap_mode(WrapMode::Word);
    draw(&area, Rect::new(0, 0, 30, 10));
    area.insert_char('x');
    let narrow = Rect::new(0, 0, 8, 10);
    draw(&area, narrow);
    assert_same(&area, WrapMode::Word, narrow, &[Op::Char('x')]);
}
