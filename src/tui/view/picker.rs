//! The enum list: the filter being typed and the matching values.

use super::super::app::App;
use super::super::widgets::{enum_picker::Picker, plain};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(app: &App, p: &Picker, frame: &mut Frame, area: Rect) {
    let visible = p.visible();
    let height = (visible.len() as u16 + 4).clamp(6, area.height);
    let inner = super::popup_box(app, frame, area, 44, height, &p.label);
    if inner.height < 2 {
        return;
    }
    let filter = Line::from(vec![
        Span::styled(" filter: ", app.theme.dim),
        Span::styled(p.filter.clone(), app.theme.value),
        Span::styled("▏", app.theme.accent),
    ]);
    frame.render_widget(Paragraph::new(filter), Rect { height: 1, ..inner });
    let list = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    let rows = usize::from(list.height);
    let first = p.selected.saturating_sub(rows.saturating_sub(1));
    let current = app.value(&p.pointer);
    let lines: Vec<Line> = visible
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, &v)| {
            let value = &p.values[v];
            let mark = if Some(value) == current { "● " } else { "  " };
            let style = if i == p.selected {
                app.theme.focus
            } else {
                app.theme.text
            };
            Line::from(Span::styled(format!(" {mark}{}", plain(value)), style))
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(" nothing matches", app.theme.dim)),
            list,
        );
    } else {
        frame.render_widget(Paragraph::new(lines), list);
    }
    app.hits.borrow_mut().list = Some((list, first));
}
