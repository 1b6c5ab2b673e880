//! The profiles popup: the list (yours and the project's), and its sub-steps.

use super::super::app::App;
use super::super::profiles_popup::{Mode, ProfilesPopup};
use crate::profiles::Origin;
use crate::profiles::presets::PRESETS;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(app: &App, p: &ProfilesPopup, frame: &mut Frame, area: Rect) {
    let show_filter =
        !matches!(p.mode, Mode::Preset { .. }) && (p.is_filtering() || !p.filter.is_empty());
    let rows = match p.mode {
        Mode::Preset { .. } => PRESETS.len() + 1,
        _ => p.visible.len().max(1) + usize::from(show_filter),
    };
    let height = (rows as u16).saturating_add(6).max(10);
    let inner = super::popup_box(app, frame, area, 92, height, "Profiles");
    if inner.height < 4 {
        return;
    }
    let [list, message, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(3),
        Constraint::Length(1),
    ])
    .areas(inner);
    match &p.mode {
        Mode::Preset { selected } => presets(app, *selected, frame, list),
        _ if show_filter && list.height >= 2 => {
            let [line, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(list);
            filter_line(app, p, frame, line);
            entries(app, p, frame, rest);
        }
        _ => entries(app, p, frame, list),
    }
    let msg = match (&p.mode, &p.error) {
        (Mode::Name { purpose, input }, error) => {
            let [title, field, problem] =
                Layout::vertical([Constraint::Length(1); 3]).areas(message);
            frame.render_widget(
                Paragraph::new(Span::styled(
                    format!(" {}:", purpose.title()),
                    app.theme.accent,
                )),
                title,
            );
            if let Some(e) = error {
                frame.render_widget(
                    Paragraph::new(Span::styled(format!(" ✗ {e}"), app.theme.error)),
                    problem,
                );
            }
            let mut area = input.clone();
            area.set_style(
                app.theme
                    .value
                    .add_modifier(ratatui::style::Modifier::UNDERLINED),
            );
            area.set_cursor_style(app.theme.focus);
            frame.render_widget(
                &*area,
                Rect {
                    x: field.x + 1,
                    width: field.width.saturating_sub(2),
                    ..field
                },
            );
            None
        }
        (Mode::ConfirmDelete(name), _) => Some(Line::from(Span::styled(
            format!(
                " Delete profile `{name}`? The file is removed. y deletes, any other key keeps it."
            ),
            app.theme.warning,
        ))),
        (_, Some(e)) => Some(Line::from(Span::styled(format!(" ✗ {e}"), app.theme.error))),
        _ => None,
    };
    if let Some(line) = msg {
        frame.render_widget(
            Paragraph::new(line).wrap(ratatui::widgets::Wrap { trim: true }),
            message,
        );
    }
    let k = |a| app.keymap.first_label(a);
    use super::super::keymap::Action as A;
    let keys = if p.is_filtering() {
        format!(
            " type to filter · ↑/↓ choose · {} open · Tab keep filter · {} clear",
            k(A::Edit),
            k(A::Back)
        )
    } else {
        format!(
            " {} filter · {} open · {} new · {} preset · {} duplicate · {} rename · {} delete · {} {}",
            k(A::ProfileFilter),
            k(A::Edit),
            k(A::ProfileNew),
            k(A::ProfilePreset),
            k(A::ProfileDuplicate),
            k(A::ProfileRename),
            k(A::ProfileDelete),
            k(A::Back),
            if p.filter.is_empty() {
                "close"
            } else {
                "clear"
            }
        )
    };
    frame.render_widget(Paragraph::new(Span::styled(keys, app.theme.dim)), footer);
}

/// `/ pho▏  3 of 10000`: the filter, with a cursor while it is typed.
fn filter_line(app: &App, p: &ProfilesPopup, frame: &mut Frame, area: Rect) {
    let mut spans = vec![
        Span::styled(" / ", app.theme.accent),
        Span::styled(p.filter.clone(), app.theme.value),
    ];
    if p.is_filtering() {
        spans.push(Span::styled("▏", app.theme.accent));
    }
    spans.push(Span::styled(
        format!("  {} of {}", p.visible.len(), p.entries.len()),
        app.theme.dim,
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn entries(app: &App, p: &ProfilesPopup, frame: &mut Frame, area: Rect) {
    if p.entries.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(" no profiles yet: n makes one", app.theme.dim)),
            area,
        );
        return;
    }
    if p.visible.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(" no profile matches `{}`", p.filter),
                app.theme.dim,
            )),
            area,
        );
        app.hits.borrow_mut().list = None;
        return;
    }
    let rows = usize::from(area.height);
    let first = p.selected.saturating_sub(rows.saturating_sub(1));
    let shown = &p.visible[first.min(p.visible.len())..(first + rows).min(p.visible.len())];
    let lines: Vec<Line> = shown
        .iter()
        .enumerate()
        .map(|(row, &index)| (first + row, &p.entries[index]))
        .map(|(i, e)| {
            let current = if e.name == app.profile.name {
                "● "
            } else {
                "  "
            };
            let style = if i == p.selected {
                app.theme.focus
            } else {
                app.theme.text
            };
            let mut spans = vec![Span::styled(format!(" {current}{:<30}", e.name), style)];
            if e.origin == Origin::Project {
                spans.push(Span::styled(" [project]", app.theme.accent));
            } else {
                spans.push(Span::styled(" [user]", app.theme.dim));
            }
            if let Some(problem) = &e.problem {
                spans.push(Span::styled(format!("  ✗ {problem}"), app.theme.error));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    app.hits.borrow_mut().list = Some((area, first));
}

fn presets(app: &App, selected: usize, frame: &mut Frame, area: Rect) {
    let mut lines = vec![Line::from(Span::styled(
        " Start from a preset (Enter picks):",
        app.theme.accent,
    ))];
    for (i, preset) in PRESETS.iter().enumerate() {
        let style = if i == selected {
            app.theme.focus
        } else {
            app.theme.text
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<10}", preset.name), style),
            Span::styled(format!(" {}", preset.description), app.theme.dim),
        ]));
    }
    // One line a preset, cut at the edge: wrapped descriptions pushed the last presets
    // out of a small popup.
    frame.render_widget(Paragraph::new(lines), area);
}
