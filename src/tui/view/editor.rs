//! The large editors (multi-line text, JSON) over the form, with their hint or error.

use super::super::app::App;
use super::super::editing::Editor;
use super::super::keymap::Action;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(app: &App, editor: &Editor, frame: &mut Frame, area: Rect) {
    let [text, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    frame.render_widget(editor.area(), text);
    let line = match editor {
        Editor::Json {
            error: Some(e),
            armed,
            ..
        } => {
            let then = if *armed {
                "Esc again discards it"
            } else {
                "not applied until it parses"
            };
            Line::from(Span::styled(
                format!(" ✗ invalid JSON at {e} — {then}"),
                app.theme.error,
            ))
        }
        _ => {
            let k = |a| app.keymap.label(a);
            let ratatui_textarea::DataCursor(row, col) = editor.area().cursor();
            Line::from(vec![
                Span::styled(format!(" ln {} col {} ·", row + 1, col + 1), app.theme.dim),
                Span::styled(
                    format!(
                        " {} done (keeps the text) · {}/{} undo/redo typing · {} mint · {} save",
                        k(Action::Back),
                        k(Action::Undo),
                        k(Action::Redo),
                        k(Action::Mint),
                        k(Action::Save)
                    ),
                    app.theme.dim,
                ),
            ])
        }
    };
    frame.render_widget(Paragraph::new(line), hint);
}
