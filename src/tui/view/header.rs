//! The top line: profile, unsaved marker, where requests go, and a spinner while minting.

use super::super::app::App;
use crate::profiles::Origin;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

const SPINNER: &[&str] = &["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let style = app.theme.header;
    let mut spans = vec![
        Span::styled(
            " voxtune ",
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::styled("│ profile ", style),
        Span::styled(
            app.profile.name.clone(),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
    ];
    if app.profile.origin == Some(Origin::Project) {
        spans.push(Span::styled(" (project)", style));
    }
    if app.is_dirty() {
        spans.push(Span::styled(
            " ● unsaved",
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ));
    }
    spans.push(Span::styled(
        format!(" │ {} {} ", app.env.name, app.env.base_url),
        style,
    ));
    if app.mint.is_some() {
        let frame_char = SPINNER[app.spinner % SPINNER.len()];
        spans.push(Span::styled(format!("│ {frame_char} minting… "), style));
    }
    frame.render_widget(Line::from(spans).style(style), area);
}
