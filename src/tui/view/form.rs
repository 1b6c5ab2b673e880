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
use ratatui::widgets::Paragraph;

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
    let offset = scroll_offset(focus_range, rows.len(), height);
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
                Paragraph::new(other_row(app, row, label_width, usize::from(area.width))),
                rect,
            );
        }
    }
    app.hits.borrow_mut().fields = hits;
}

/// The first row to show so the focused field, its problems and help are visible.
fn scroll_offset(focus: (usize, usize), total: usize, height: usize) -> usize {
    if total <= height {
        return 0;
    }
    let (start, end) = focus;
    // Keep a line of context above (the group title) when there is room.
    let want_end = end.saturating_sub(height);
    let top = start.saturating_sub(1);
    want_end.max(top.min(total - height)).min(start)
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
    frame.render_widget(Paragraph::new(Line::from(spans)), rect);
    if let Some(editor) = editing {
        let value_rect = Rect::new(rect.x + value_x, rect.y, value_width, 1);
        draw_line_editor(frame, editor, value_rect);
    }
}

fn draw_line_editor(frame: &mut Frame, editor: &Editor, rect: Rect) {
    frame.render_widget(editor.area(), rect);
}
