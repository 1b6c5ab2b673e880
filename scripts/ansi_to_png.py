#!/usr/bin/python3
"""Renders `tmux capture-pane -e -p` output (text with SGR colour codes) as a PNG.

Used to make the README screenshot of the real app in a real terminal:

    tmux capture-pane -e -p -t t > shot.ansi
    /usr/bin/python3 scripts/ansi_to_png.py shot.ansi assets/screenshot.png

Needs Pillow and DejaVu Sans Mono; neither is a build dependency of voxtune.
"""
import re
import sys
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SIZE = 16
FG, BG = (0xD0, 0xD0, 0xD0), (0x1C, 0x1C, 0x1C)
BASIC = [(0x1C, 0x1C, 0x1C), (0xE0, 0x6C, 0x75), (0x98, 0xC3, 0x79), (0xE5, 0xC0, 0x7B),
         (0x61, 0xAF, 0xEF), (0xC6, 0x78, 0xDD), (0x56, 0xB6, 0xC2), (0xAB, 0xB2, 0xBF),
         (0x5C, 0x63, 0x70), (0xFF, 0x7B, 0x86), (0xB5, 0xE8, 0x90), (0xFF, 0xD8, 0x8A),
         (0x8C, 0xC8, 0xFF), (0xE0, 0x9C, 0xF5), (0x7F, 0xE0, 0xEA), (0xFF, 0xFF, 0xFF)]


def xterm256(n):
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + 10 * (n - 232)
    return (v, v, v)


def parse(text):
    rows = []
    for line in text.rstrip("\n").split("\n"):
        cells, state = [], {"fg": None, "bg": None, "bold": False, "rev": False, "ul": False}
        i = 0
        while i < len(line):
            m = re.match(r"\x1b\[([0-9;]*)m", line[i:])
            if m:
                apply(state, [int(p) if p else 0 for p in m.group(1).split(";")])
                i += m.end()
                continue
            cells.append((line[i], dict(state)))
            i += 1
        rows.append(cells)
    return rows


def apply(state, params):
    it = iter(params)
    for p in it:
        if p == 0:
            state.update(fg=None, bg=None, bold=False, rev=False, ul=False)
        elif p == 1:
            state["bold"] = True
        elif p == 22:
            state["bold"] = False
        elif p == 4:
            state["ul"] = True
        elif p == 24:
            state["ul"] = False
        elif p == 7:
            state["rev"] = True
        elif p == 27:
            state["rev"] = False
        elif 30 <= p <= 37:
            state["fg"] = BASIC[p - 30]
        elif 90 <= p <= 97:
            state["fg"] = BASIC[p - 90 + 8]
        elif 40 <= p <= 47:
            state["bg"] = BASIC[p - 40]
        elif 100 <= p <= 107:
            state["bg"] = BASIC[p - 100 + 8]
        elif p == 39:
            state["fg"] = None
        elif p == 49:
            state["bg"] = None
        elif p in (38, 48):
            kind = next(it)
            colour = xterm256(next(it)) if kind == 5 else (next(it), next(it), next(it))
            state["fg" if p == 38 else "bg"] = colour


def render(rows, out):
    font, bold = ImageFont.truetype(FONT, SIZE), ImageFont.truetype(BOLD, SIZE)
    cw = round(font.getlength("M"))
    ch = SIZE + 4
    width = max(len(r) for r in rows)
    pad = 12
    img = Image.new("RGB", (width * cw + 2 * pad, len(rows) * ch + 2 * pad), BG)
    draw = ImageDraw.Draw(img)
    for y, row in enumerate(rows):
        for x, (c, s) in enumerate(row):
            fg, bg = s["fg"] or FG, s["bg"] or BG
            if s["rev"]:
                fg, bg = bg, fg
            px, py = pad + x * cw, pad + y * ch
            draw.rectangle([px, py, px + cw, py + ch], fill=bg)
            if c != " ":
                draw.text((px, py + 1), c, font=bold if s["bold"] else font, fill=fg)
            if s["ul"]:
                draw.line([px, py + ch - 2, px + cw, py + ch - 2], fill=fg)
    img.save(out)


if __name__ == "__main__":
    render(parse(open(sys.argv[1], encoding="utf-8").read()), sys.argv[2])
