//! The status line: how many problems the document has, and the last message.

use super::super::app::{App, Tone};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let base = app.theme.status;
    let count = app.error_count();
    let mut spans = vec![if count == 0 {
        Span::styled(" ✓ valid ", base.patch(app.theme.ok))
    } else {
        Span::styled(
            format!(" ✗ {count} problem{} ", if count == 1 { "" } else { "s" }),
            base.patch(app.theme.error),
        )
    }];
    if let Some(status) = &app.status {
        let tone = match status.tone {
            Tone::Info => base,
            Tone::Good => base.patch(app.theme.ok),
            Tone::Bad => base.patch(app.theme.error),
        };
        spans.push(Span::styled("│ ", base));
        let width = usize::from(area.width).saturating_sub(14);
        spans.push(Span::styled(
            super::super::widgets::clip(&status.text, width),
            tone,
        ));
    }
    frame.render_widget(Line::from(spans).style(base), area);
}
