//! The bottom line: the keys that matter where the focus is, as actually bound, most
//! important first; what does not fit is left off whole (the help overlay has it all).

use super::super::app::App;
use super::super::editing::{Editor, LineKind};
use super::super::keymap::Action;
use super::super::popup::Popup;
use crate::schema::Widget;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (keys, what) in hints(app) {
        let sep = if spans.len() > 1 { 3 } else { 0 };
        let width = sep + keys.chars().count() + 1 + what.chars().count();
        if used + width > usize::from(area.width) {
            break;
        }
        used += width;
        if sep > 0 {
            spans.push(Span::styled(" · ", app.theme.dim));
        }
        spans.push(Span::styled(keys, app.theme.accent));
        spans.push(Span::styled(format!(" {what}"), app.theme.dim));
    }
    frame.render_widget(Line::from(spans), area);
}

fn hints(app: &App) -> Vec<(String, String)> {
    let k = |a: Action| app.keymap.first_label(a);
    let h = |keys: String, what: &str| (keys, what.to_string());
    let pair = |a: Action, b: Action| format!("{}/{}", k(a), k(b));
    if app.mint.is_some() {
        return vec![
            h(k(Action::Back), "cancel the mint"),
            h(k(Action::Mint), "mint again"),
        ];
    }
    if let Some(top) = app.popups.last() {
        return match top {
            Popup::Help { .. } => vec![
                h(k(Action::Back), "close"),
                h(pair(Action::Up, Action::Down), "scroll"),
            ],
            Popup::Notice(_) | Popup::MintError(_) => {
                vec![
                    h(k(Action::Back), "close"),
                    h(k(Action::Mint), "mint again"),
                ]
            }
            Popup::Profiles(p) if p.is_filtering() => vec![
                h("type".into(), "filter"),
                h(k(Action::Edit), "open"),
                h(k(Action::Back), "clear"),
            ],
            Popup::Profiles(_) => vec![
                h(k(Action::Edit), "open"),
                h(k(Action::ProfileFilter), "filter"),
                h(k(Action::Back), "close"),
            ],
            // The draft offer must be answered: Esc does not dismiss it.
            Popup::Prompt(super::super::prompt::Prompt::Draft(_)) => {
                vec![
                    h("r".into(), "restore"),
                    h("d".into(), "discard"),
                    h("q".into(), "quit"),
                ]
            }
            Popup::Prompt(_) => vec![h("letter".into(), "answer"), h(k(Action::Back), "cancel")],
            Popup::Picker(_) => vec![
                h("type".into(), "filter"),
                h("↑/↓".into(), "choose"),
                h("Enter".into(), "pick"),
                h(k(Action::Back), "close"),
            ],
            Popup::Token(_) => vec![
                h(k(Action::CopyToken), "copy again"),
                h(k(Action::History), "history"),
                h(k(Action::Back), "close"),
                h(k(Action::Mint), "mint again"),
            ],
            Popup::History { .. } => vec![
                h(k(Action::Edit), "show"),
                h(k(Action::CopyToken), "copy"),
                h(k(Action::Back), "close"),
            ],
        };
    }
    if let Some(editor) = &app.editor {
        let mut out = match editor {
            Editor::Line {
                kind: LineKind::Number,
                ..
            } => {
                vec![
                    h("Enter".into(), "apply"),
                    h(k(Action::Back), "keep old value"),
                ]
            }
            Editor::Line { .. } => vec![h("Enter".into(), "apply"), h(k(Action::Back), "done")],
            _ => vec![h(k(Action::Back), "done")],
        };
        out.push(h(k(Action::Undo), "undo typing"));
        out.push(h(k(Action::Mint), "mint"));
        out.push(h(k(Action::Save), "save"));
        return out;
    }
    let mut out = Vec::new();
    if let Some(field) = app.focused() {
        match &field.widget {
            Widget::Enum(_) => {
                out.push(h(pair(Action::Decrease, Action::Increase), "change"));
                out.push(h(k(Action::Edit), "list"));
            }
            Widget::Slider { .. } => {
                out.push(h(pair(Action::Decrease, Action::Increase), "step"));
                out.push(h(k(Action::IncreaseMore), "×10"));
                out.push(h(k(Action::Edit), "type"));
            }
            Widget::Toggle => out.push(h(k(Action::Toggle), "toggle")),
            Widget::Secret => {
                out.push(h(k(Action::Edit), "edit"));
                out.push(h(k(Action::Reveal), "reveal"));
            }
            _ => out.push(h(k(Action::Edit), "edit")),
        }
    }
    out.push(h(k(Action::Mint), "mint"));
    out.push(h(k(Action::Save), "save"));
    out.push(h(k(Action::Help), "help"));
    out.push(h(k(Action::NextTab), "next tab"));
    out.push(h(k(Action::Profiles), "profiles"));
    out.push(h(k(Action::Undo), "undo"));
    out.push(h(k(Action::Quit), "quit"));
    out
}
