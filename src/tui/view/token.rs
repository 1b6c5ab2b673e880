//! The token view (what was minted, how it was copied, when it expires), this run's
//! token history, and the error view for a failed mint.

use super::super::app::App;
use super::super::keymap::Action;
use super::super::minting::{elide_middle, expiry_text};
use super::super::msg::MintFailure;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(app: &App, index: usize, frame: &mut Frame, area: Rect) {
    let Some(m) = app.history.get(index) else {
        return;
    };
    let inner = super::popup_box(app, frame, area, 90, 13, "Token minted");
    let width = usize::from(inner.width).saturating_sub(16);
    let info = &m.info;
    let row = |label: &str, value: String, style| {
        Line::from(vec![
            Span::styled(format!(" {label:<13}"), app.theme.label),
            Span::styled(value, style),
        ])
    };
    let or_dash = |v: &Option<String>| {
        v.clone()
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "—".into())
    };
    let expiry = expiry_text(info.expires_at, app.now);
    let expiry_style = if info.expires_at.is_some_and(|e| e <= app.now) {
        app.theme.error
    } else {
        app.theme.ok
    };
    let copied = m.copied.clone().unwrap_or_else(|| "copying…".into());
    let lines = vec![
        row("token", elide_middle(&info.token, width), app.theme.accent),
        row("identity", or_dash(&info.identity), app.theme.value),
        row("name", or_dash(&info.name), app.theme.value),
        row("room", or_dash(&info.room), app.theme.value),
        row("server URL", or_dash(&info.server_url), app.theme.value),
        row("expires", expiry, expiry_style),
        row("session id", or_dash(&info.session_id), app.theme.value),
        row("profile", m.profile.clone(), app.theme.value),
        row(
            "copied",
            super::super::widgets::clip(&copied, width),
            app.theme.dim,
        ),
        Line::default(),
        Line::from(Span::styled(
            format!(
                " {} copy again · {} history · {} close",
                app.keymap.label(Action::CopyToken),
                app.keymap.label(Action::History),
                app.keymap.label(Action::Back)
            ),
            app.theme.dim,
        )),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn history(app: &App, selected: usize, frame: &mut Frame, area: Rect) {
    let height = (app.history.len() as u16 + 4).min(area.height);
    let inner = super::popup_box(app, frame, area, 90, height, "Tokens minted this run");
    let rows = usize::from(inner.height.saturating_sub(1));
    let first = selected.saturating_sub(rows.saturating_sub(1));
    let width = usize::from(inner.width).saturating_sub(50).max(8);
    let mut lines: Vec<Line> = app
        .history
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, m)| {
            let style = if i == selected {
                app.theme.focus
            } else {
                app.theme.text
            };
            Line::from(Span::styled(
                format!(
                    " #{:<3}{:<16}{:<24}{}",
                    i + 1,
                    super::super::widgets::clip(&m.profile, 15),
                    expiry_text(m.info.expires_at, app.now),
                    elide_middle(&m.info.token, width)
                ),
                style,
            ))
        })
        .collect();
    lines.push(Line::from(Span::styled(
        " Enter shows · y copies · Esc closes (kept in memory only)",
        app.theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines), inner);
    app.hits.borrow_mut().list = Some((
        Rect {
            height: rows as u16,
            ..inner
        },
        first,
    ));
}

pub fn error(app: &App, f: &MintFailure, frame: &mut Frame, area: Rect) {
    let mut lines = vec![Line::from(Span::styled(
        "The token could not be minted.",
        app.theme.error,
    ))];
    lines.push(Line::default());
    for part in f.message.split('\n') {
        lines.push(Line::from(Span::styled(part.to_string(), app.theme.text)));
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("URL: ", app.theme.label),
        Span::styled(f.url.clone(), app.theme.value),
    ]));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!(
            "{} closes · {} tries again · nothing in the profile changed",
            app.keymap.label(Action::Back),
            app.keymap.label(Action::Mint)
        ),
        app.theme.dim,
    )));
    super::text_popup(app, frame, area, 84, "Mint failed", lines);
}
