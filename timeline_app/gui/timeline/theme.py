"""The canvas's look in one place: colours, metrics and fonts; no painting."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont

from timeline_app.gui.timeline.placing import MARKER_RADIUS

# Tableau 10: distinct, colour-blind-considerate, calm on white.
CATEGORY_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours and metrics of the canvas (one place to restyle it)."""

    background: str = "#ffffff"
    grid: str = "#eef0f3"
    grid_major: str = "#d9dee5"
    axis_line: str = "#b8c0cb"
    tick_text: str = "#5b6472"
    context_text: str = "#1f2933"
    label_text: str = "#1f2933"
    muted_text: str = "#8a94a3"
    selection: str = "#1d4ed8"
    selection_fill: str = "#dbeafe"
    density: str = "#7c8a9e"
    density_hover: str = "#334155"
    row_height: float = 24.0
    axis_height: float = 46.0
    top_margin: float = 24.0  # header strip for notes; no event is drawn under it
    marker_radius: float = MARKER_RADIUS
    bar_height: float = 16.0
    max_label_px: float = 280.0


def label_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(9.0)
    return font


def tick_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(8.5)
    return font


def context_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(9.0)
    font.setWeight(QFont.Weight.DemiBold)
    return font
