use crate::cursor::{DataCursor, ScreenCursor};
use crate::textarea::TextArea;
use crate::util::{char_width, num_digits};
use crate::wrap::{WrapMode, WrappedLine, effective_wrap_width, wrapped_rows};
use std::ops::Range;

#[derive(Debug, Clone, Copy)]
pub(crate) struct ScreenLine {
    pub wrapped: WrappedLine,
    pub screen_width: usize,
    pub cursor_max_col: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DataLine {
    pub first_screen_line: usize,
    pub screen_line_count: usize,
    pub pure_ascii: bool,
}

fn is_pure_ascii(line: &str) -> bool {
    line.is_ascii() && !line.contains('\t')
}

fn char_display_width(c: char, col: usize, tab_len: u8, mask: Option<char>) -> usize {
    // A masked line is drawn as one mask character per char, so each char is as wide as the mask.
    if let Some(mask) = mask {
        char_width(mask)
    } else if c == '\t' {
        let tab = tab_len.max(1) as usize;
        let pad = tab - (col % tab);
        pad.max(1)
    } else {
        char_width(c)
    }
}

fn display_width(text: &str, tab_len: u8, mask: Option<char>) -> usize {
    let mut col = 0usize;
    for c in text.chars() {
        col += char_display_width(c, col, tab_len, mask);
    }
    col
}

fn screen_col_for_char_offset(
    text: &str,
    char_offset: usize,
    tab_len: u8,
    mask: Option<char>,
) -> usize {
    let mut col = 0usize;
    for c in text.chars().take(char_offset) {
        col += char_display_width(c, col, tab_len, mask);
    }
    col
}

fn char_offset_for_screen_col(
    text: &str,
    screen_col: usize,
    tab_len: u8,
    mask: Option<char>,
) -> usize {
    let mut col = 0usize;
    let mut chars = 0usize;
    for c in text.chars() {
        if col >= screen_col {
            break;
        }
        let width = char_display_width(c, col, tab_len, mask);
        if col + width > screen_col {
            break;
        }
        col += width;
        chars += 1;
    }
    chars
}

/// The screen line for one fragment of a data line. For a pure-ASCII line without a mask,
/// a char is one cell, so the widths are byte counts; the general path asks every char
/// for its width, which made a key in a 1 MiB text cost ~80M instructions (voxtune patch).
fn screen_line(
    wrapped: WrappedLine,
    fragment: &str,
    pure_ascii: bool,
    tab_len: u8,
    mask: Option<char>,
) -> ScreenLine {
    let char_count = wrapped.end_col.saturating_sub(wrapped.start_col);
    let (screen_width, cursor_max_col) = if pure_ascii && mask.is_none() {
        let last_col = if wrapped.last_in_row {
            fragment.len()
        } else {
            char_count.saturating_sub(1)
        };
        (fragment.len(), last_col)
    } else {
        let last_col = if wrapped.last_in_row {
            display_width(fragment, tab_len, mask)
        } else {
            screen_col_for_char_offset(fragment, char_count.saturating_sub(1), tab_len, mask)
        };
        (display_width(fragment, tab_len, mask), last_col)
    };
    ScreenLine {
        wrapped,
        screen_width,
        cursor_max_col,
    }
}

/// A data line shown unwrapped: one screen line. Pure ASCII counts chars as bytes.
fn unwrapped_row(row: usize, line: &str, pure_ascii: bool) -> WrappedLine {
    WrappedLine {
        row,
        start_byte: 0,
        end_byte: line.len(),
        start_col: 0,
        end_col: if pure_ascii {
            line.len()
        } else {
            line.chars().count()
        },
        first_in_row: true,
        last_in_row: true,
    }
}

/// What the current screen map was built from: a copy of the lines and the settings that
/// shape it (voxtune patch). The next rebuild compares the text with this copy and maps
/// only the rows between the unchanged head and the unchanged tail, so a key in a 1 MiB
/// text costs a comparison of the lines, not a re-measure of every one.
#[derive(Clone, Default)]
pub(crate) struct ScreenMapCache {
    lines: Vec<String>,
    shape: Option<MapShape>,
}

type MapShape = (Option<usize>, WrapMode, u8, Option<char>);

impl std::fmt::Debug for ScreenMapCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ScreenMapCache({} lines)", self.lines.len())
    }
}

/// Screen lines and data pointers for `lines`, which start at data row `first_row`.
/// `first_screen_line`s count from the first screen line returned.
fn map_rows(
    lines: &[String],
    first_row: usize,
    shape: MapShape,
) -> (Vec<ScreenLine>, Vec<DataLine>) {
    let (wrap_width, mode, tab_len, mask) = shape;
    let mut screen_lines = Vec::with_capacity(lines.len());
    let mut data_lines = vec![DataLine::default(); lines.len()];
    let mut push = |wrapped: WrappedLine, ascii: Option<bool>| {
        let line = &lines[wrapped.row];
        let data = &mut data_lines[wrapped.row];
        if data.screen_line_count == 0 {
            data.first_screen_line = screen_lines.len();
            data.pure_ascii = ascii.unwrap_or_else(|| is_pure_ascii(line));
        }
        data.screen_line_count += 1;
        let fragment = &line[wrapped.start_byte..wrapped.end_byte];
        let mut screen = screen_line(wrapped, fragment, data.pure_ascii, tab_len, mask);
        screen.wrapped.row += first_row;
        screen_lines.push(screen);
    };
    match wrap_width {
        Some(width) => wrapped_rows(lines, mode, width, tab_len, mask)
            .into_iter()
            .for_each(|wrapped| push(wrapped, None)),
        None => lines.iter().enumerate().for_each(|(row, line)| {
            let ascii = is_pure_ascii(line);
            push(unwrapped_row(row, line, ascii), Some(ascii))
        }),
    }
    (screen_lines, data_lines)
}

/// Rows equal at the start of both texts, and then at the end (not overlapping the start).
fn unchanged_rows(old: &[String], new: &[String]) -> (usize, usize) {
    let head = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let most = old.len().min(new.len()) - head;
    let tail = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(most)
        .take_while(|(a, b)| a == b)
        .count();
    (head, tail)
}

impl TextArea<'_> {
    fn wrap_width(&self) -> Option<usize> {
        if self.wrap_mode() == WrapMode::None {
            return None;
        }
        let width = self.area.get().width;
        if width == 0 {
            return None;
        }
        let line_number_len = self
            .line_number_style()
            .map(|_| num_digits(self.lines.len()));
        Some(effective_wrap_width(width, line_number_len))
    }

    /// Brings the map from data lines to screen lines up to date with the text. It runs
    /// after every edit; only the rows that changed since the last run are mapped again
    /// (voxtune patch: the release re-measured every char of the whole text each time).
    pub(crate) fn screen_map_load(&self) {
        let shape = (
            self.wrap_width(),
            self.wrap_mode(),
            self.tab_length(),
            self.mask_char(),
        );
        let mut cache = self.screen_map_cache.borrow_mut();
        if cache.shape != Some(shape) {
            let (screen_lines, data_pointers) = map_rows(&self.lines, 0, shape);
            *self.screen_lines.borrow_mut() = screen_lines;
            *self.data_pointers.borrow_mut() = data_pointers;
            cache.lines = self.lines.clone();
            cache.shape = Some(shape);
            return;
        }
        let (head, tail) = unchanged_rows(&cache.lines, &self.lines);
        let old_rows = head..cache.lines.len() - tail;
        let new_rows = head..self.lines.len() - tail;
        self.remap_rows(old_rows.clone(), new_rows.clone(), shape);
        cache
            .lines
            .splice(old_rows, self.lines[new_rows].iter().cloned());
    }

    /// Replaces the mapping of the old data rows `old` by that of the current rows `new`,
    /// and moves the rows after them by the difference in rows and screen lines.
    fn remap_rows(&self, old: Range<usize>, new: Range<usize>, shape: MapShape) {
        let mut screen_lines = self.screen_lines.borrow_mut();
        let mut data_pointers = self.data_pointers.borrow_mut();
        let first_screen = |row: usize| {
            data_pointers
                .get(row)
                .map_or(screen_lines.len(), |d| d.first_screen_line)
        };
        let old_screens = first_screen(old.start)..first_screen(old.end);
        let (screens, mut datas) = map_rows(&self.lines[new.clone()], new.start, shape);
        datas
            .iter_mut()
            .for_each(|d| d.first_screen_line += old_screens.start);
        let moved_screens_from = old_screens.start + screens.len();
        let screen_shift = screens.len() as isize - old_screens.len() as isize;
        let row_shift = new.len() as isize - old.len() as isize;
        screen_lines.splice(old_screens, screens);
        data_pointers.splice(old, datas);
        if row_shift != 0 {
            for screen in &mut screen_lines[moved_screens_from..] {
                screen.wrapped.row = screen.wrapped.row.wrapping_add_signed(row_shift);
            }
        }
        if screen_shift != 0 {
            for data in &mut data_pointers[new.end..] {
                data.first_screen_line = data.first_screen_line.wrapping_add_signed(screen_shift);
            }
        }
    }

    pub(crate) fn screen_lines_count(&self) -> usize {
        self.screen_lines.borrow().len()
    }

    pub(crate) fn screen_line_width(&self, row: usize) -> usize {
        self.screen_lines.borrow()[row].screen_width
    }

    pub(crate) fn screen_line_max_cursor_col(&self, row: usize) -> usize {
        self.screen_lines.borrow()[row].cursor_max_col
    }

    pub(crate) fn screen_line(&self, row: usize) -> ScreenLine {
        self.screen_lines.borrow()[row]
    }

    pub(crate) fn screen_to_array(&self, screen: ScreenCursor) -> DataCursor {
        if let Some(dc) = screen.dc {
            return dc;
        }

        let line = self.screen_line(screen.row);
        let fragment =
            &self.lines[line.wrapped.row][line.wrapped.start_byte..line.wrapped.end_byte];
        let char_offset =
            char_offset_for_screen_col(fragment, screen.col, self.tab_length(), self.mask_char());
        DataCursor(line.wrapped.row, line.wrapped.start_col + char_offset)
    }

    pub(crate) fn array_to_screen(&self, array: DataCursor) -> ScreenCursor {
        let data_line = &self.data_pointers.borrow()[array.0];
        let screen_lines = self.screen_lines.borrow();

        let mut screen_idx = data_line.first_screen_line;
        for idx in
            data_line.first_screen_line..data_line.first_screen_line + data_line.screen_line_count
        {
            let line = screen_lines[idx];
            let contains = if line.wrapped.last_in_row {
                line.wrapped.start_col <= array.1 && array.1 <= line.wrapped.end_col
            } else {
                line.wrapped.start_col <= array.1 && array.1 < line.wrapped.end_col
            };
            if contains {
                screen_idx = idx;
                break;
            }
        }

        let line = screen_lines[screen_idx];
        let fragment = &self.lines[array.0][line.wrapped.start_byte..line.wrapped.end_byte];
        let char_offset = array.1.saturating_sub(line.wrapped.start_col);
        let col =
            screen_col_for_char_offset(fragment, char_offset, self.tab_length(), self.mask_char());

        ScreenCursor {
            row: screen_idx,
            col,
            char: self.lines[array.0].chars().nth(array.1),
            dc: Some(array),
        }
    }

    pub(crate) fn data_cursor(&self, screen: ScreenCursor) -> DataCursor {
        screen.to_array_cursor(self)
    }

    pub(crate) fn increment_screen_cursor(&self, screen: ScreenCursor) -> ScreenCursor {
        let dc = self.data_cursor(screen);
        self.array_to_screen(DataCursor(dc.0, dc.1 + 1))
    }

    pub(crate) fn decrement_screen_cursor(&self, screen: ScreenCursor) -> ScreenCursor {
        let dc = self.data_cursor(screen);
        self.array_to_screen(DataCursor(dc.0, dc.1 - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui_core::layout::Rect;

    fn make_textarea(lines: &[&str], wrap_mode: WrapMode, width: u16) -> TextArea<'static> {
        let mut textarea = TextArea::from(lines.iter().copied());
        textarea.set_wrap_mode(wrap_mode);
        textarea.area.set(Rect {
            x: 0,
            y: 0,
            width,
            height: 40,
        });
        textarea.screen_map_load();
        textarea
    }

    fn assert_round_trips(textarea: &TextArea<'_>) {
        for (row, line) in textarea.lines.iter().enumerate() {
            for col in 0..=line.chars().count() {
                let dc = DataCursor(row, col);
                let sc = textarea.array_to_screen(dc);
                assert_eq!(textarea.screen_to_array(sc), dc);

                let detached = ScreenCursor { dc: None, ..sc };
                assert_eq!(textarea.screen_to_array(detached), dc);
                assert_eq!(
                    textarea.array_to_screen(textarea.screen_to_array(detached)),
                    sc
                );
            }
        }
    }

    #[test]
    fn screen_map_round_trips_ascii_word_wrap() {
        let textarea = make_textarea(
            &[
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
                "Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
            ],
            WrapMode::Word,
            24,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_cjk_glyph_wrap() {
        let textarea = make_textarea(
            &["混合中文字符和ASCIIabc来验证屏幕坐标与数据坐标的往返转换。"],
            WrapMode::Glyph,
            12,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_multilingual_word_or_glyph_wrap() {
        let textarea = make_textarea(
            &[
                "ASCII and русский текст can share one buffer.",
                "第二行 mixed-width 内容 with English words.",
            ],
            WrapMode::WordOrGlyph,
            18,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }
}
