//! The help overlay: every action with the keys actually bound to it.

use super::super::app::App;
use super::super::keymap::Action;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(app: &App, scroll: u16, frame: &mut Frame, area: Rect) {
    let inner = super::popup_box(app, frame, area, 78, area.height, "Keys (Esc closes)");
    let tabs = app.schema.form.tabs.len() as u8;
    let mut lines = Vec::new();
    for &action in Action::ALL {
        let (keys, what) = match action {
            // One line for all the tab keys, as bound.
            Action::Tab(1) => (
                (1..=tabs)
                    .map(|n| app.keymap.first_label(Action::Tab(n)))
                    .collect::<Vec<_>>()
                    .join(" "),
                format!("go to tab 1–{tabs}"),
            ),
            Action::Tab(_) => continue,
            _ => (app.keymap.label(action), action.describe()),
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {keys:<22}"), app.theme.accent),
            Span::styled(what, app.theme.text),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        " In text editors",
        app.theme.accent,
    )));
    for (keys, what) in [
        ("Enter", "apply a one-line field; a new line in long text"),
        (
            "Esc",
            "leave, keeping the text (invalid JSON or numbers are not applied)",
        ),
        ("Ctrl-A / Ctrl-E", "start / end of line"),
        ("Ctrl-K / Ctrl-W", "delete to end of line / the word before"),
        ("Paste", "lands as text (bracketed paste)"),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!(" {keys:<22}"), app.theme.accent),
            Span::styled(what, app.theme.text),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        " Mouse: click a tab or a field; the wheel scrolls lists and fields.",
        app.theme.dim,
    )));
    lines.push(Line::from(Span::styled(
        " Rebind any action in settings.toml, e.g. [keys] mint = \"f5\".",
        app.theme.dim,
    )));
    let max = (lines.len() as u16).saturating_sub(inner.height);
    frame.render_widget(Paragraph::new(lines).scroll((scroll.min(max), 0)), inner);
}
