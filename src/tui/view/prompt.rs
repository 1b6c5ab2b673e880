//! Questions (unsaved changes, file changed on disk, save as) and start-up notices.

use super::super::app::App;
use super::super::prompt::{Pending, Prompt};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(app: &App, prompt: &Prompt, frame: &mut Frame, area: Rect) {
    let name = &app.profile.name;
    let (title, lines) = match prompt {
        Prompt::Unsaved(pending) => (
            "Unsaved changes",
            vec![
                Line::from(format!(
                    " `{name}` has unsaved changes. Before {}:",
                    doing(pending)
                )),
                Line::default(),
                choice(app, "s", "save them"),
                choice(app, "d", "discard them"),
                choice(app, "c", "cancel (Esc)"),
            ],
        ),
        Prompt::Conflict { then } => ("Changed on disk", conflict_lines(app, then.as_ref())),
        Prompt::Draft(offer) => super::super::draft_offer::lines(app, offer),
        Prompt::SaveAs { error, .. } => {
            let mut lines = vec![Line::from(
                " Save as a new profile named (Enter saves, Esc goes back):",
            )];
            lines.push(Line::default());
            if let Some(e) = error {
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(format!(" ✗ {e}"), app.theme.error)));
            }
            ("Save as", lines)
        }
    };
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let height = super::wrapped_rows(&paragraph, 70.min(area.width).saturating_sub(2)) + 2;
    let inner = super::popup_box(app, frame, area, 70, height, title);
    frame.render_widget(paragraph, inner);
    if let Prompt::SaveAs { input, .. } = prompt
        && inner.height > 1
    {
        // The name goes on the blank second line; a one-line copy is cheap to style.
        let field = Rect::new(inner.x + 1, inner.y + 1, inner.width.saturating_sub(2), 1);
        let mut area = (**input).clone();
        area.set_style(
            app.theme
                .value
                .add_modifier(ratatui::style::Modifier::UNDERLINED),
        );
        area.set_cursor_style(app.theme.focus);
        frame.render_widget(&area, field);
    }
}

fn doing(pending: &Pending) -> String {
    match pending {
        Pending::Quit => "quitting".to_string(),
        Pending::Open(other) => format!("opening `{other}`"),
    }
}

fn conflict_lines<'a>(app: &App, then: Option<&Pending>) -> Vec<Line<'a>> {
    let name = &app.profile.name;
    let mut lines = vec![
        Line::from(format!(" `{name}` changed on disk since it was loaded")),
        Line::from(" (another editor? git?): saving now would lose those changes."),
    ];
    if let Some(pending) = then {
        lines.push(Line::from(format!(
            " Once your edits are safe, voxtune goes on {}.",
            doing(pending)
        )));
    }
    lines.push(Line::default());
    lines.extend([
        choice(app, "o", "overwrite the file with your version"),
        choice(app, "r", "reload it from disk (drops your edits)"),
        choice(app, "n", "save yours under a new name"),
        choice(app, "c", "cancel (Esc): keep editing, nothing saved"),
    ]);
    lines
}

fn choice(app: &App, key: &str, what: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("   [{key}] "), app.theme.accent),
        Span::styled(what.to_string(), app.theme.text),
    ])
}

pub fn notice(app: &App, lines: &[String], frame: &mut Frame, area: Rect) {
    let mut text: Vec<Line> = Vec::new();
    for l in lines {
        for part in l.split('\n') {
            text.push(Line::from(Span::styled(
                part.to_string(),
                app.theme.warning,
            )));
        }
    }
    text.push(Line::default());
    text.push(Line::from(Span::styled(
        "Esc or Enter closes this.",
        app.theme.dim,
    )));
    super::text_popup(app, frame, area, 84, "Problems at start", text);
}
