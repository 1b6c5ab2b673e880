//! Drawing only: `draw(&App, &mut Frame)` reads the state and paints it. The one thing
//! it writes back is where it drew tabs, fields and list rows, for mouse clicks.
//!
//! A one-line row is drawn as a `Line`, not a `Paragraph`: the same cells, without the
//! paragraph's wrapping and truncation machinery, which was most of the first frame's
//! drawing (callgrind).

mod editor;
mod form;
mod header;
mod help;
mod keyhints;
mod picker;
mod profiles;
mod prompt;
mod status;
mod tabs;
mod token;

use super::app::{App, HitMap};
use super::popup::Popup;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(app: &App, frame: &mut Frame) {
    {
        // Rebuilt every frame, except the form's scroll offsets.
        let mut hits = app.hits.borrow_mut();
        let form_scroll = std::mem::take(&mut hits.form_scroll);
        *hits = HitMap {
            form_scroll,
            ..HitMap::default()
        };
    }
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return;
    }
    // Four one-line rows around the body, by arithmetic: ratatui's constraint solver
    // cost about as much as the rest of the first frame's layout (the same rects as
    // `Layout::vertical([Length(1), Length(1), Min(1), Length(1), Length(1)])`).
    let row = |y: u16, height: u16| Rect::new(area.x, y, area.width, height);
    let body_height = area.height - 4;
    let (header, tabs) = (row(area.y, 1), row(area.y + 1, 1));
    let body = row(area.y + 2, body_height);
    let status = row(area.y + 2 + body_height, 1);
    let keys = row(area.y + 3 + body_height, 1);
    header::draw(app, frame, header);
    tabs::draw(app, frame, tabs);
    match &app.editor {
        Some(e) if e.is_large() => editor::draw(app, e, frame, body),
        _ => form::draw(app, frame, body),
    }
    status::draw(app, frame, status);
    keyhints::draw(app, frame, keys);
    for popup in &app.popups {
        draw_popup(app, popup, frame, body);
    }
}

fn draw_popup(app: &App, popup: &Popup, frame: &mut Frame, area: Rect) {
    match popup {
        Popup::Help { scroll } => help::draw(app, *scroll, frame, area),
        Popup::Notice(lines) => prompt::notice(app, lines, frame, area),
        Popup::Profiles(p) => profiles::draw(app, p, frame, area),
        Popup::Prompt(p) => prompt::draw(app, p, frame, area),
        Popup::Picker(p) => picker::draw(app, p, frame, area),
        Popup::Token(i) => token::draw(app, *i, frame, area),
        Popup::History { selected } => token::history(app, *selected, frame, area),
        Popup::MintError(f) => token::error(app, f, frame, area),
    }
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("window too small"),
        Line::from(format!(
            "{}×{}: voxtune needs {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
    ];
    let height = (text.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(height) / 2;
    let centered = Rect::new(area.x, y, area.width, height);
    frame.render_widget(
        Paragraph::new(text)
            .style(app.theme.warning)
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(Wrap { trim: true }),
        centered,
    );
}

/// A bordered box of at most `width`×`height` centred in `area`, cleared, with a title.
pub fn popup_box(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    // A column of margin either side, so text behind does not touch the border.
    let margin = Rect::new(
        rect.x.saturating_sub(1).max(area.x),
        rect.y,
        (rect.width + 2).min(area.right() - rect.x.saturating_sub(1).max(area.x)),
        rect.height,
    );
    frame.render_widget(Clear, margin);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.accent)
        .title(format!(" {title} "))
        .title_style(app.theme.accent);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// A popup sized to hold `lines` wrapped at its width (one column of padding each side).
pub fn text_popup(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    width: u16,
    title: &str,
    lines: Vec<Line<'_>>,
) {
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let height = wrapped_rows(&paragraph, width.min(area.width).saturating_sub(4)) + 2;
    let inner = popup_box(app, frame, area, width, height, title);
    let padded = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    frame.render_widget(paragraph, padded);
}

/// The rows `paragraph` takes when ratatui wraps it at `width`: a popup sized by its
/// count of lines loses its last ones when a long line (a long profile name) wraps.
pub fn wrapped_rows(paragraph: &Paragraph, width: u16) -> u16 {
    u16::try_from(paragraph.line_count(width.max(1))).unwrap_or(u16::MAX)
}
