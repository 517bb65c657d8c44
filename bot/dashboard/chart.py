"""Deliveries per hour as an inline SVG bar chart, drawn on the server: no chart library, no
script, readable by screen readers through its title and the table beside it."""

from __future__ import annotations

from datetime import datetime, timedelta

from markupsafe import Markup, escape

WIDTH, HEIGHT = 720, 180
LEFT, BOTTOM, TOP = 36, 26, 12


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
        if value <= step * 4:
            return step * 4
    return value


def hourly_chart(counts: list[int], now: datetime, *, label: str) -> Markup:
    top = _nice_max(max(counts, default=0))
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    slot = plot_w / max(1, len(counts))
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-labelledby="chart-title" preserveAspectRatio="xMidYMid meet">',
             f'<title id="chart-title">{escape(label)}</title>']
    for tick in range(5):
        value = top * tick // 4
        y = TOP + plot_h - plot_h * tick / 4
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - 8}" y1="{y:.1f}" '
                     f'y2="{y:.1f}"/><text class="axis" x="{LEFT - 6}" y="{y + 4:.1f}" '
                     f'text-anchor="end">{value}</text>')
    start = now - timedelta(hours=len(counts))
    for index, count in enumerate(counts):
        height = plot_h * count / top if top else 0
        x = LEFT + index * slot + 2
        hour = start + timedelta(hours=index + 1)
        parts.append(f'<rect class="bar" x="{x:.1f}" y="{TOP + plot_h - height:.1f}" '
                     f'width="{max(1.0, slot - 4):.1f}" height="{height:.1f}">'
                     f'<title>{count} sent in the hour to {hour:%H:%M} UTC</title></rect>')
        if index % 4 == 3:
            parts.append(f'<text class="axis" x="{x + slot / 2 - 2:.1f}" y="{HEIGHT - 8}" '
                         f'text-anchor="middle">{hour:%H:%M}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
