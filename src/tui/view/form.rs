//! The focused tab's fields, grouped: label, value, unit, problems inline, and a help
//! line under the focused field. Only the rows that fit are drawn; the view scrolls to
//! keep the focused field on screen.

use super::super::app::App;
use super::super::editing::Editor;
use super::super::widgets;
use crate::schema::FormField;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// One screen line of the form.
enum Row<'a> {
    Group(&'a str),
    Field(usize, &'a FormField),
    Help(&'a str),
    Problem(String),
    EditorError(String),
    Blank,
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(tab) = app.schema.form.tabs.get(app.tab) else {
        return;
    };
    let focused = app.cursor[app.tab];
    let mut rows = Vec::new();
    let mut focus_range = (0, 0);
    let mut index = 0;
    for (g, group) in tab.groups.iter().enumerate() {
        if g > 0 {
            rows.push(Row::Blank);
        }
        rows.push(Row::Group(&group.title));
        for field in &group.fields {
            let start = rows.len();
            rows.push(Row::Field(index, field));
            let problems = app.problems(&field.pointer);
            if index == focused {
                for p in &problems {
                    rows.push(Row::Problem(p.clone()));
                }
                if let Some(Editor::Line { error: Some(e), .. }) = &app.editor {
                    rows.push(Row::EditorError(e.clone()));
                }
                if !field.help.is_empty() {
                    rows.push(Row::Help(&field.help));
                }
                focus_range = (start, rows.len());
            } else if let Some(first) = problems.first() {
                let more = if problems.len() > 1 {
                    format!(" (+{} more)", problems.len() - 1)
                } else {
                    String::new()
                };
                rows.push(Row::Problem(format!("{first}{more}")));
            }
            index += 1;
        }
    }
    let height = usize::from(area.height);
    let previous = app
        .hits
        .borrow()
        .form_scroll
        .get(app.tab)
        .copied()
        .unwrap_or(0);
    let offset = scroll_offset(previous, focus_range, rows.len(), height);
    {
        let mut hits = app.hits.borrow_mut();
        let tabs = app.schema.form.tabs.len();
        hits.form_scroll.resize(tabs, 0);
        hits.form_scroll[app.tab] = offset;
    }
    let label_width = tab
        .fields()
        .map(|f| f.label.chars().count())
        .max()
        .unwrap_or(10)
        .clamp(8, 26)
        + 2;
    let mut hits = Vec::new();
    for (line, row) in rows.iter().skip(offset).take(height).enumerate() {
        let y = area.y + line as u16;
        let rect = Rect::new(area.x, y, area.width, 1);
        if let Row::Field(i, field) = row {
            hits.push((rect, *i));
            draw_field(app, frame, rect, field, *i == focused, label_width);
        } else {
            frame.render_widget(
                other_row(app, row, label_width, usize::from(area.width)),
                rect,
            );
        }
    }
    app.hits.borrow_mut().fields = hits;
}

/// The first row to show: the last frame's, moved only as far as it takes to show the
/// focused field with its problems and help (and a line of context above when it moves
/// up), so moving within what is visible does not scroll.
fn scroll_offset(previous: usize, focus: (usize, usize), total: usize, height: usize) -> usize {
    if total <= height {
        return 0;
    }
    let (start, end) = focus;
    let mut offset = previous.min(total - height);
    if start <= offset {
        offset = start.saturating_sub(1);
    }
    if end > offset + height {
        offset = (end - height).min(start);
    }
    offset
}

fn other_row(app: &App, row: &Row, label_width: usize, width: usize) -> Line<'static> {
    let indent = " ".repeat(label_width + 4);
    match row {
        Row::Group(title) => Line::from(vec![
            Span::styled(" ── ", app.theme.border),
            Span::styled(title.to_string(), app.theme.accent),
            Span::styled(" ──", app.theme.border),
        ]),
        Row::Help(text) => Line::from(vec![
            Span::raw(indent),
            Span::styled(
                widgets::clip(text, width.saturating_sub(label_width + 4)),
                app.theme.dim,
            ),
        ]),
        Row::Problem(text) => Line::from(vec![
            Span::raw(indent),
            Span::styled(format!("✗ {text}"), app.theme.error),
        ]),
        Row::EditorError(text) => Line::from(vec![
            Span::raw(indent),
            Span::styled(
                format!("✗ {text}  (Enter retries, Esc keeps the old value)"),
                app.theme.error,
            ),
        ]),
        Row::Blank | Row::Field(..) => Line::default(),
    }
}

fn draw_field(
    app: &App,
    frame: &mut Frame,
    rect: Rect,
    field: &FormField,
    focused: bool,
    label_width: usize,
) {
    let has_problem = !app.problems(&field.pointer).is_empty();
    let marker = match (focused, has_problem) {
        (_, true) => Span::styled(" ✗ ", app.theme.error),
        (true, false) => Span::styled(" ▸ ", app.theme.accent),
        (false, false) => Span::raw("   "),
    };
    let label_style = if focused {
        app.theme.focus
    } else {
        app.theme.label
    };
    let label = format!(
        "{:<width$}",
        widgets::clip(&field.label, label_width - 1),
        width = label_width
    );
    let value_x = 3 + label_width as u16 + 1;
    let value_width = rect.width.saturating_sub(value_x + 1);
    let unit = field
        .unit
        .as_ref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let editing = app
        .editor
        .as_ref()
        .filter(|e| !e.is_large() && focused && e.pointer() == field.pointer);
    let mut spans = vec![marker, Span::styled(label, label_style), Span::raw(" ")];
    if editing.is_none() {
        let room = usize::from(value_width).saturating_sub(unit.chars().count());
        let revealed = app.revealed.contains(&field.pointer);
        spans.extend(widgets::value_spans(
            field,
            app.value(&field.pointer),
            revealed,
            room,
            &app.theme,
        ));
        spans.push(Span::styled(unit, app.theme.dim));
    }
    frame.render_widget(Line::from(spans), rect);
    if let Some(editor) = editing {
        let value_rect = Rect::new(rect.x + value_x, rect.y, value_width, 1);
        draw_line_editor(frame, editor, value_rect);
    }
}

fn draw_line_editor(frame: &mut Frame, editor: &Editor, rect: Rect) {
    frame.render_widget(editor.area(), rect);
}

#[cfg(test)]
mod tests {
    use super::scroll_offset;

    #[test]
    fn scrolling_is_sticky() {
        // 30 rows, 10 visible.
        assert_eq!(scroll_offset(0, (3, 5), 30, 10), 0, "visible: no scroll");
        assert_eq!(
            scroll_offset(0, (9, 11), 30, 10),
            1,
            "just enough to show its end"
        );
        assert_eq!(
            scroll_offset(5, (5, 7), 30, 10),
            4,
            "a line of context above"
        );
        assert_eq!(scroll_offset(25, (0, 2), 30, 10), 0);
        assert_eq!(scroll_offset(0, (2, 20), 30, 10), 2, "too tall: its start");
        assert_eq!(scroll_offset(7, (1, 3), 5, 10), 0, "everything fits");
    }
}
