"""The cockpit's charts: SVG drawn on the server by pygal, inline in the page, no script at all."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import pygal
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext
from pygal.style import Style

from comptoir.core.money import format_count, format_whole_money

SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#1f1d1a",
    foreground_strong="#1f1d1a",
    foreground_subtle="#ddd5c8",
    opacity=".9",
    opacity_hover="1",
    colors=("#5d4e7b", "#c29a5b", "#8fa39a"),
    font_family="Inter, system-ui, sans-serif",
    label_font_size=11,
    major_label_font_size=11,
    legend_font_size=12,
    value_font_size=11,
)
COMMON = {
    "style": STYLE,
    "js": [],  # pygal links a script from the internet by default: never in the cockpit
    "disable_xml_declaration": True,
    "show_y_guides": True,
    "show_x_guides": False,
    "legend_at_bottom": True,
    "legend_at_bottom_columns": 3,
    "margin": 8,
    "height": 280,
    "width": 860,
    "print_values": False,
    "truncate_label": -1,  # dates are short already; pygal would cut them to « … »
}


def _count(value: float) -> str:
    return format_count(round(value))  # pygal hands axis values as floats; a chart shows whole ones


def _euros(value: float) -> str:
    return format_whole_money(round(value))


def _whole_ticks(top: int) -> list[int]:
    """Whole-number guides from 0 past ``top``, steps of 1, 2, 5, 10, 20, 50…, eight at most."""
    step, factors = 1, (2, 2.5, 2)  # 1 → 2 → 5 → 10 → 20 → 50 …
    index = 0
    while top > step * 8:
        step = int(step * factors[index % 3])
        index += 1
    return list(range(0, max(top, 1) + step, step))


def _day_labels(days: Sequence[date]) -> list[str]:
    step = max(1, len(days) // 10)  # ten labels at most under the bars
    day_format = pgettext("date under a chart's bar, Django date format", "j b")
    return [date_format(day, day_format) if index % step == 0 else "" for index, day in enumerate(days)]


def _render(chart: pygal.graph.graph.Graph) -> SafeString:
    # pygal always writes its tooltip configuration as an inline <script>: without its JavaScript
    # (``js=[]``) that script does nothing, and the cockpit's CSP allows no inline script. Drop it.
    svg = SCRIPT.sub("", chart.render(is_unicode=True))
    return mark_safe(svg)  # noqa: S308 — pygal escapes labels and titles


def revenue_chart(*, days: Sequence[date], series: dict[str, Sequence[Decimal]]) -> SafeString:
    """Stacked bars per day, one colour per door (labels are the series' keys, already translated)."""
    chart = pygal.StackedBar(
        **{**COMMON, "show_legend": False},  # the page names the doors above the chart, with totals
        value_formatter=_euros,
    )
    chart.x_labels = _day_labels(days)
    totals = [0] * len(days)
    for label, amounts in series.items():
        whole = [int(amount.to_integral_value()) for amount in amounts]  # whole euros on a chart
        chart.add(label, whole)
        totals = [total + value for total, value in zip(totals, whole, strict=True)]
    chart.y_labels = _whole_ticks(max(totals, default=0))
    return _render(chart)


def visitors_chart(*, days: Sequence[date], label: str, counts: Sequence[int]) -> SafeString:
    chart = pygal.Line(
        **{**COMMON, "show_legend": False}, fill=True, show_dots=len(days) <= 31, value_formatter=_count
    )
    chart.x_labels = _day_labels(days)
    chart.y_labels = _whole_ticks(max(counts, default=0))
    chart.add(label, list(counts))
    return _render(chart)


def sell_through_chart(*, sizes: Sequence[str], percents: Sequence[int], label: str) -> SafeString:
    chart = pygal.Bar(
        **{**COMMON, "width": 520, "height": 260, "show_legend": False},  # the table gives the figures
        range=(0, 100),
        value_formatter=lambda value: f"{value:.0f} %",
    )
    chart.x_labels = list(sizes)
    chart.add(label, list(percents))
    return _render(chart)
