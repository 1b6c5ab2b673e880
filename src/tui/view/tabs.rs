//! The tab bar: number, title, and a ✗ on tabs with problems. When the full titles do
//! not fit, inactive tabs shorten (then show their number only) so all stay clickable.

use super::super::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let titles: Vec<&str> = app
        .schema
        .form
        .tabs
        .iter()
        .map(|t| t.title.as_str())
        .collect();
    let errors: Vec<bool> = (0..titles.len()).map(|i| app.tab_has_errors(i)).collect();
    let fits = |(limit, gap): (usize, usize)| {
        let width: usize = titles
            .iter()
            .enumerate()
            .map(|(i, t)| {
                label(i, t, i == app.tab, limit).chars().count() + gap + usize::from(errors[i])
            })
            .sum();
        width < usize::from(area.width)
    };
    let (limit, gap) = [(usize::MAX, 2), (usize::MAX, 1), (4, 1), (0, 1)]
        .into_iter()
        .find(|&c| fits(c))
        .unwrap_or((0, 1));
    let mut spans = vec![Span::raw(" ")];
    let mut x = area.x + 1;
    let mut hits = Vec::new();
    for (i, title) in titles.iter().enumerate() {
        let text = label(i, title, i == app.tab, limit);
        let style = if i == app.tab {
            app.theme.tab_active
        } else {
            app.theme.tab_inactive
        };
        let width = text.chars().count() as u16;
        hits.push((Rect::new(x, area.y, width, 1), i));
        spans.push(Span::styled(text, style));
        x += width;
        if errors[i] {
            spans.push(Span::styled("✗", app.theme.error));
            x += 1;
        }
        spans.push(Span::raw(" ".repeat(gap)));
        x += gap as u16;
    }
    app.hits.borrow_mut().tabs = hits;
    frame.render_widget(Line::from(spans), area);
}

/// "3 STT"; inactive tabs keep `limit` characters of their title (0: the number only).
fn label(index: usize, title: &str, active: bool, limit: usize) -> String {
    match (active, limit) {
        (true, _) | (false, usize::MAX) => format!("{} {title}", index + 1),
        (false, 0) => format!("{}", index + 1),
        (false, n) => format!(
            "{} {}",
            index + 1,
            title.chars().take(n).collect::<String>()
        ),
    }
}
