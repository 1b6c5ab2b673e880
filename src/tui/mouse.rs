//! Mouse: click a tab or a field, scroll lists and the form. Positions are looked up
//! in the hit map the last frame recorded.

use super::app::App;
use super::msg::Effect;
use super::nav;
use super::popup::Popup;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

pub fn on_mouse(app: &mut App, ev: MouseEvent) -> Vec<Effect> {
    let at = Position::new(ev.column, ev.row);
    match ev.kind {
        MouseEventKind::Down(MouseButton::Left) => click(app, at),
        MouseEventKind::ScrollDown => scroll(app, true),
        MouseEventKind::ScrollUp => scroll(app, false),
        _ => {}
    }
    Vec::new()
}

fn click(app: &mut App, at: Position) {
    let hits = app.hits.borrow().clone();
    if let Some((rect, first)) = hits.list
        && rect.contains(at)
    {
        let index = first + usize::from(at.y - rect.y);
        match app.popups.last_mut() {
            Some(Popup::Picker(p)) if index < p.visible().len() => p.selected = index,
            Some(Popup::Profiles(p)) if index < p.visible.len() => p.selected = index,
            Some(Popup::History { selected }) => {
                *selected = index.min(app.history.len().saturating_sub(1))
            }
            _ => {}
        }
        return;
    }
    if !app.popups.is_empty() || app.editor.as_ref().is_some_and(|e| e.is_large()) {
        return;
    }
    if let Some(&(_, tab)) = hits.tabs.iter().find(|(r, _)| r.contains(at)) {
        app.tab = tab;
        return;
    }
    if let Some(&(_, field)) = hits.fields.iter().find(|(r, _)| r.contains(at)) {
        app.cursor[app.tab] = field;
    }
}

fn scroll(app: &mut App, down: bool) {
    match app.popups.last_mut() {
        Some(Popup::Picker(p)) => p.scroll(down),
        Some(Popup::Profiles(p)) => p.scroll(down),
        Some(Popup::Help { scroll }) => {
            *scroll = if down {
                scroll.saturating_add(1)
            } else {
                scroll.saturating_sub(1)
            }
        }
        Some(_) => {}
        None => match app.editor.as_mut() {
            None => nav::move_focus(app, if down { 1 } else { -1 }),
            Some(editor) => editor.scroll(if down { 3 } else { -3 }),
        },
    }
}
