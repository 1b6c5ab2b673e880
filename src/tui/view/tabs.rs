//! The tab bar: number, title, and a ✗ on tabs with problems.

use super::super::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = vec![Span::raw(" ")];
    let mut x = area.x + 1;
    let mut hits = Vec::new();
    for (i, tab) in app.schema.form.tabs.iter().enumerate() {
        let label = format!("{} {}", i + 1, tab.title);
        let style = if i == app.tab {
            app.theme.tab_active
        } else {
            app.theme.tab_inactive
        };
        let width = label.chars().count() as u16;
        hits.push((Rect::new(x, area.y, width, 1), i));
        spans.push(Span::styled(label, style));
        x += width;
        if app.tab_has_errors(i) {
            spans.push(Span::styled("✗", app.theme.error));
            x += 1;
        }
        spans.push(Span::raw("  "));
        x += 2;
    }
    app.hits.borrow_mut().tabs = hits;
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
