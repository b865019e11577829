"""Charts as SVG drawn on the server, and the table of their numbers: pure functions, no
JavaScript, no inline style (the CSP allows neither), colours as presentation attributes.

Every chart is an image to assistive technology (role="img") named by its <title> and
described by its <desc>; the numbers it draws are in a table beside it (`table`), which is
what a screen reader user reads. Text (titles, labels, formatted values) comes in already
translated and formatted; everything is escaped here.

A hand-written module rather than a charting library: the ones for Python either draw with
JavaScript in the browser or embed a <style> element in the SVG (pygal), which the store's
Content-Security-Policy (style-src 'self') refuses, and none of them marks charts up for
assistive technology as above. Two kinds of chart cover the dashboard: columns over time and
horizontal bars for named things.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

Number = int | float | Decimal
Format = Callable[[Number], str]

INK = "#1f1b16"
MUTED = "#5c544a"
LINE = "#e4dccf"
FILL = "#24694c"
FONT_SIZE = 12
#: width of the drawing in its own units (it scales to the page's width)
WIDTH = 720


@dataclass(frozen=True)
class Scale:
    """A value axis from 0 to `top`, with a grid line every `step`."""

    top: Number
    step: Number

    @property
    def ticks(self) -> list[Number]:
        count = round(self.top / self.step)
        return [self.step * n for n in range(count + 1)]

    def fraction(self, value: Number) -> float:
        """Where `value` sits between 0 (bottom) and 1 (top)."""
        return float(value) / float(self.top) if self.top else 0.0


def nice_scale(largest: Number, ticks: int = 4) -> Scale:
    """A scale from 0 that holds `largest`, with at most `ticks` steps of 1, 2 or 5 × 10ⁿ
    (whole steps for whole numbers). Nothing, or only zeros, to show: 0 to 1."""
    if ticks < 1:
        raise ValueError("at least one step")
    value = Decimal(str(largest)) if isinstance(largest, float) else Decimal(largest)
    if value < 0:
        raise ValueError("charts here show amounts and counts, never below zero")
    if value == 0:
        return Scale(1, 1)
    rough = value / ticks
    power = Decimal(1).scaleb(rough.adjusted())
    step = next(f * power for f in (1, 2, 5, 10) if f * power * ticks >= value)
    if isinstance(largest, int):
        step = max(step, Decimal(1))  # counts and whole dollars: no half an order
    count = math.ceil(value / step)
    if step == step.to_integral_value():
        return Scale(int(step) * count, int(step))
    return Scale(step * count, step)


def _text(x: float, y: float, content: str, anchor: str = "start", fill: str = MUTED) -> Markup:
    return Markup(
        '<text x="{:.1f}" y="{:.1f}" text-anchor="{}" fill="{}" font-size="{}">{}</text>'
    ).format(x, y, anchor, fill, FONT_SIZE, content)


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str = LINE) -> Markup:
    return Markup('<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}"/>').format(
        x1, y1, x2, y2, stroke
    )


def _rect(x: float, y: float, width: float, height: float, fill: str = FILL) -> Markup:
    return Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"/>').format(
        x, y, width, height, fill
    )


def _svg(chart_id: str, title: str, description: str, height: int, body: list[Markup]) -> Markup:
    return Markup(
        '<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
        "{body}</svg>"
    ).format(
        id=chart_id,
        width=WIDTH,
        height=height,
        title=title,
        description=description,
        body=Markup("").join(body),
    )


def _empty(chart_id: str, title: str, description: str, empty_text: str) -> Markup:
    height = 80
    frame = Markup('<rect x="0.5" y="0.5" width="{}" height="{}" fill="none" stroke="{}"/>').format(
        WIDTH - 1, height - 1, LINE
    )
    middle = _text(WIDTH / 2, height / 2 + FONT_SIZE / 3, empty_text, "middle")
    return _svg(chart_id, title, description, height, [frame, middle])


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def columns(
    chart_id: str,
    title: str,
    description: str,
    points: Sequence[tuple[str, Number]],
    fmt: Format = str,
    empty_text: str = "",
    labels: int = 8,
) -> Markup:
    """Vertical columns, one per point (label, value), in the order given (days, left to
    right); about `labels` of the labels are written under the axis."""
    if not points:
        return _empty(chart_id, title, description, empty_text)
    height, left, right, top, bottom = 260, 72, 8, 12, 36
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    scale = nice_scale(max(value for _label, value in points))
    body = []
    for tick in scale.ticks:
        y = top + plot_h * (1 - scale.fraction(tick))
        body.append(_line(left, y, WIDTH - right, y))
        body.append(_text(left - 6, y + FONT_SIZE / 3, fmt(tick), "end"))
    slot = plot_w / len(points)
    every = max(1, math.ceil(len(points) / labels))
    for index, (label, value) in enumerate(points):
        bar_h = plot_h * scale.fraction(value)
        body.append(_rect(left + slot * (index + 0.1), top + plot_h - bar_h, slot * 0.8, bar_h))
        if index % every == 0:
            centre = left + slot * (index + 0.5)
            body.append(_text(centre, height - bottom + FONT_SIZE + 6, label, "middle"))
    body.append(_line(left, top + plot_h, WIDTH - right, top + plot_h, MUTED))
    return _svg(chart_id, title, description, height, body)


def bars(
    chart_id: str,
    title: str,
    description: str,
    points: Sequence[tuple[str, Number]],
    fmt: Format = str,
    empty_text: str = "",
) -> Markup:
    """Horizontal bars, one per point (label, value), top to bottom in the order given, each
    with its value written after it."""
    if not points:
        return _empty(chart_id, title, description, empty_text)
    row, left, right, top = 28, 180, 96, 8
    height = top * 2 + row * len(points)
    plot_w = WIDTH - left - right
    scale = nice_scale(max(value for _label, value in points))
    body = []
    for index, (label, value) in enumerate(points):
        y = top + row * index
        width = plot_w * scale.fraction(value)
        middle = y + row / 2 + FONT_SIZE / 3
        body.append(_text(left - 8, middle, _shorten(label, 26), "end", INK))
        body.append(_rect(left, y + 4, width, row - 8))
        body.append(_text(left + width + 6, middle, fmt(value), "start", INK))
    body.append(_line(left, top, left, height - top, MUTED))
    return _svg(chart_id, title, description, height, body)


def table(
    caption: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    empty_text: str = "",
) -> Markup:
    """The numbers of a chart: the first cell of each row heads it, the others are figures
    (already formatted). A table without rows says `empty_text` instead."""
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(h) for h in headers)
    body = []
    for first, *rest in rows:
        cells = Markup("").join(Markup('<td class="num">{}</td>').format(c) for c in rest)
        body.append(Markup('<tr><th scope="row">{}</th>{}</tr>').format(first, cells))
    if not rows:
        body.append(Markup('<tr><td colspan="{}">{}</td></tr>').format(len(headers), empty_text))
    return Markup(
        '<table class="data"><caption>{}</caption><thead><tr>{}</tr></thead>'
        "<tbody>{}</tbody></table>"
    ).format(caption, head, Markup("").join(body))
