//! Editors that take the keyboard: a one-line field (text, secret, an exact number),
//! the multi-line editor and the JSON editor. Esc leaves keeping what was typed (one
//! Ctrl-Z undoes it); a number or JSON that does not parse is refused, never applied.

use super::app::{App, Tone};
use super::keymap::{Action, Key};
use super::msg::Effect;
use super::popup::Popup;
use super::widgets::{json_editor, multiline, secret, slider, text_field};
use super::{commands, minting};
use crate::schema::{FormField, Widget};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Text,
    Secret,
    Number,
}

#[derive(Debug)]
pub enum Editor {
    Line {
        pointer: String,
        kind: LineKind,
        area: TextArea<'static>,
        error: Option<String>,
    },
    Multi {
        pointer: String,
        area: TextArea<'static>,
    },
    Json {
        pointer: String,
        area: TextArea<'static>,
        error: Option<String>,
        /// Esc was pressed on invalid JSON once: the next Esc discards.
        armed: bool,
        /// `metadata` must be an object; a field the schema leaves open takes any JSON.
        object_only: bool,
    },
}

impl Editor {
    pub fn pointer(&self) -> &str {
        match self {
            Editor::Line { pointer, .. }
            | Editor::Multi { pointer, .. }
            | Editor::Json { pointer, .. } => pointer,
        }
    }

    pub fn area(&self) -> &TextArea<'static> {
        match self {
            Editor::Line { area, .. } | Editor::Multi { area, .. } | Editor::Json { area, .. } => {
                area
            }
        }
    }

    fn area_mut(&mut self) -> &mut TextArea<'static> {
        match self {
            Editor::Line { area, .. } | Editor::Multi { area, .. } | Editor::Json { area, .. } => {
                area
            }
        }
    }

    /// Scrolls the text (mouse wheel); the cursor follows as the text area does.
    pub fn scroll(&mut self, rows: i16) {
        self.area_mut().scroll((rows, 0));
    }

    /// Whether the editor covers the form (multi-line and JSON) or sits in its row.
    pub fn is_large(&self) -> bool {
        !matches!(self, Editor::Line { .. })
    }
}

/// Opens the editor that suits the field, holding its current value.
pub fn open(app: &mut App, field: &FormField) {
    let value = app.value(&field.pointer).cloned();
    let text = match &value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(v) => v.to_string(),
    };
    let pointer = field.pointer.clone();
    let editor = match &field.widget {
        Widget::MultiLine => Editor::Multi {
            pointer,
            area: multiline::editor(&text),
        },
        Widget::Json => {
            let mut area = multiline::editor(&json_editor::initial_text(value.as_ref()));
            area.set_wrap_mode(ratatui_textarea::WrapMode::None);
            Editor::Json {
                pointer,
                area,
                error: None,
                armed: false,
                object_only: matches!(field.field.kind, crate::schema::Kind::FreeObject),
            }
        }
        Widget::Secret => {
            let mut area = text_field::line(&text);
            if !app.revealed.contains(&pointer) {
                area.set_mask_char(secret::MASK);
            }
            Editor::Line {
                pointer,
                kind: LineKind::Secret,
                area,
                error: None,
            }
        }
        Widget::Slider { .. } => Editor::Line {
            pointer,
            kind: LineKind::Number,
            area: text_field::line(&text),
            error: None,
        },
        _ => Editor::Line {
            pointer,
            kind: LineKind::Text,
            area: text_field::line(&text),
            error: None,
        },
    };
    let mut editor = editor;
    style(&mut editor, &app.theme, &field.label);
    app.editor = Some(editor);
}

/// Styles are set once here, not per frame: drawing a 1 MiB text area must not copy it.
fn style(editor: &mut Editor, theme: &super::theme::Theme, label: &str) {
    use ratatui::style::{Modifier, Style};
    use ratatui::widgets::{Block, BorderType};
    let large = editor.is_large();
    let number = matches!(
        editor,
        Editor::Line {
            kind: LineKind::Number,
            ..
        }
    );
    let area = editor.area_mut();
    area.set_cursor_style(theme.focus);
    area.set_selection_style(theme.focus);
    if large {
        area.set_style(theme.text);
        area.set_cursor_line_style(Style::default());
        area.set_block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme.accent)
                .title(format!(" {label} "))
                .title_style(theme.accent),
        );
    } else {
        area.set_style(theme.value.add_modifier(Modifier::UNDERLINED));
        if number {
            area.set_placeholder_text("type a number, Enter applies");
        }
    }
}

pub fn on_key(app: &mut App, key: Key, ev: KeyEvent) -> Vec<Effect> {
    let Some(mut editor) = app.editor.take() else {
        return Vec::new();
    };
    // Global keys work while typing, but a plain character is always text.
    let plain_char = matches!(key.code, KeyCode::Char(_))
        && !key
            .mods
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let globals = [
        Action::Undo,
        Action::Redo,
        Action::Mint,
        Action::Save,
        Action::Profiles,
        Action::QuitAnywhere,
        Action::Help,
    ];
    let global = if plain_char {
        None
    } else {
        app.keymap.find(&key, &globals)
    };
    match global {
        Some(Action::Undo) => {
            editor.area_mut().undo();
            after_input(&mut editor);
            app.editor = Some(editor);
            return Vec::new();
        }
        Some(Action::Redo) => {
            editor.area_mut().redo();
            after_input(&mut editor);
            app.editor = Some(editor);
            return Vec::new();
        }
        Some(Action::Mint) => {
            // Mint what is on screen: apply the editor first when it is valid.
            let kept = commit_keep_open(app, editor);
            app.editor = kept;
            return minting::start(app);
        }
        Some(Action::Save) => {
            let kept = commit_keep_open(app, editor);
            app.editor = kept;
            return commands::save(app);
        }
        Some(Action::Profiles) => {
            app.editor = finish(app, editor, true);
            if app.editor.is_none() {
                commands::open_profiles(app);
            }
            return Vec::new();
        }
        Some(Action::QuitAnywhere) => {
            app.editor = finish(app, editor, true);
            if app.editor.is_none() {
                return commands::quit(app);
            }
            return Vec::new();
        }
        Some(Action::Help) => {
            app.editor = Some(editor);
            commands::open_help(app);
            return Vec::new();
        }
        _ => {}
    }
    if app.key_matches(Action::Back, &key) {
        app.editor = finish(app, editor, false);
        return Vec::new();
    }
    if key.code == KeyCode::Enter && matches!(editor, Editor::Line { .. }) {
        app.editor = finish(app, editor, true);
        return Vec::new();
    }
    // In a one-line field, moving on (↑ ↓ Tab) applies it and moves, as in a form.
    let moves_on = matches!(
        key.code,
        KeyCode::Up | KeyCode::Down | KeyCode::Tab | KeyCode::BackTab
    );
    if moves_on && matches!(editor, Editor::Line { .. }) {
        app.editor = finish(app, editor, true);
        if app.editor.is_none() {
            return super::nav::on_key(app, key);
        }
        return Vec::new();
    }
    editor.area_mut().input(ev);
    after_input(&mut editor);
    app.editor = Some(editor);
    Vec::new()
}

/// Keeps the JSON editor's error line current as the user types.
fn after_input(editor: &mut Editor) {
    match editor {
        Editor::Json {
            area,
            error,
            armed,
            object_only,
            ..
        } => {
            *error = json_editor::parse(&area.lines().join("\n"), *object_only).err();
            *armed = false;
        }
        Editor::Line { error, .. } => *error = None,
        Editor::Multi { .. } => {}
    }
}

/// Leaves the editor: applies a valid value. `confirm` is Enter (a bad number stays
/// open with its message); Esc on a bad number drops the typing and keeps the old value.
/// Returns the editor when it must stay open.
fn finish(app: &mut App, editor: Editor, confirm: bool) -> Option<Editor> {
    match editor {
        Editor::Line {
            pointer,
            kind: LineKind::Number,
            area,
            ..
        } => {
            let text = text_field::text(&area);
            let field = app.schema.form.field(&pointer).cloned()?;
            match slider::parse(&field, &text) {
                Ok(v) => {
                    app.set_value(&pointer, Some(v));
                    None
                }
                Err(e) if confirm => Some(Editor::Line {
                    pointer,
                    kind: LineKind::Number,
                    area,
                    error: Some(e),
                }),
                Err(e) => {
                    app.say(Tone::Bad, e);
                    None
                }
            }
        }
        Editor::Line { pointer, area, .. } => {
            apply_text(app, &pointer, text_field::text(&area));
            None
        }
        Editor::Multi { pointer, area } => {
            apply_text(app, &pointer, area.lines().join("\n"));
            None
        }
        Editor::Json {
            pointer,
            area,
            armed,
            object_only,
            ..
        } => match json_editor::parse(&area.lines().join("\n"), object_only) {
            Ok(v) => {
                app.set_value(&pointer, Some(v));
                None
            }
            Err(_) if armed => {
                app.say(Tone::Info, "invalid JSON discarded; the old value is kept");
                None
            }
            Err(e) => {
                app.say(
                    Tone::Bad,
                    "invalid JSON is not applied: fix it, or press Esc again to discard it",
                );
                Some(Editor::Json {
                    pointer,
                    area,
                    error: Some(e),
                    armed: true,
                    object_only,
                })
            }
        },
    }
}

/// Applies a valid editor's content but keeps it open (mint or save while typing).
fn commit_keep_open(app: &mut App, editor: Editor) -> Option<Editor> {
    match &editor {
        Editor::Line {
            pointer,
            kind: LineKind::Number,
            area,
            ..
        } => {
            if let Some(field) = app.schema.form.field(pointer).cloned()
                && let Ok(v) = slider::parse(&field, &text_field::text(area))
            {
                app.set_value(pointer, Some(v));
            }
        }
        Editor::Line { pointer, area, .. } => {
            let (p, t) = (pointer.clone(), text_field::text(area));
            apply_text(app, &p, t);
        }
        Editor::Multi { pointer, area } => {
            let (p, t) = (pointer.clone(), area.lines().join("\n"));
            apply_text(app, &p, t);
        }
        Editor::Json {
            pointer,
            area,
            object_only,
            ..
        } => {
            if let Ok(v) = json_editor::parse(&area.lines().join("\n"), *object_only) {
                let p = pointer.clone();
                app.set_value(&p, Some(v));
            } else {
                app.say(
                    Tone::Bad,
                    "the JSON being edited is invalid and was not applied",
                );
            }
        }
    }
    Some(editor)
}

/// Text into a string field. Emptying a nullable field sets null (the server's default).
fn apply_text(app: &mut App, pointer: &str, text: String) {
    let nullable = app
        .schema
        .form
        .field(pointer)
        .is_some_and(|f| f.field.nullable);
    let current = app.value(pointer);
    let value = if text.is_empty() && nullable {
        match current {
            None => return,
            Some(_) => Value::Null,
        }
    } else {
        Value::String(text)
    };
    app.set_value(pointer, Some(value));
}

/// Bracketed paste: text lands in the open editor as text; on a text field with no
/// editor open, the editor opens and takes it.
pub fn on_paste(app: &mut App, text: String) -> Vec<Effect> {
    match app.popups.last_mut() {
        Some(Popup::Picker(p)) => {
            p.filter.push_str(text.lines().next().unwrap_or(""));
            p.selected = 0;
            return Vec::new();
        }
        Some(_) => {
            app.say(Tone::Info, "paste ignored: close the popup first");
            return Vec::new();
        }
        None => {}
    }
    if app.editor.is_none() {
        let Some(field) = app.focused().cloned() else {
            return Vec::new();
        };
        if matches!(field.widget, Widget::Toggle | Widget::Enum(_)) {
            app.say(Tone::Info, "paste ignored: this field is not text");
            return Vec::new();
        }
        open(app, &field);
        if let Some(editor) = app.editor.as_mut() {
            editor.area_mut().move_cursor(CursorMove::Bottom);
            editor.area_mut().move_cursor(CursorMove::End);
        }
    }
    let Some(editor) = app.editor.as_mut() else {
        return Vec::new();
    };
    let text = multiline::normalize(&text);
    match editor {
        Editor::Line { area, .. } => text_field::paste_line(area, &text),
        Editor::Multi { area, .. } | Editor::Json { area, .. } => {
            area.insert_str(&text);
            let size: usize = area.lines().iter().map(|l| l.len() + 1).sum();
            if size > multiline::WRAP_LIMIT {
                area.set_wrap_mode(ratatui_textarea::WrapMode::None);
            }
        }
    }
    after_input(editor);
    let chars = text.chars().count();
    app.say(Tone::Info, format!("pasted {chars} characters"));
    Vec::new()
}
