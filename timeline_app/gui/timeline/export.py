"""PNG and SVG export of the timeline canvas, painted by the same code as the screen.

Exports paint text as real text (no cached pixmaps): crisp at any PNG scale,
and searchable, selectable words in the SVG.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter


class PaintableTimeline(Protocol):
    """What an export needs of the canvas: its size, colours, range and painting.

    A protocol rather than an import of the view, so the view can call the
    exporters without the two modules importing each other.
    """

    @property
    def background_colour(self) -> str: ...

    def width(self) -> int: ...

    def height(self) -> int: ...

    def visible_range(self) -> tuple[datetime, datetime]: ...

    def render_timeline(self, painter: QPainter, width: int, height: int) -> None: ...


def export_png(view: PaintableTimeline, path: Path, scale: float = 2.0) -> Path:
    """Write ``view`` as shown to ``path`` at ``scale`` times its size; OSError on failure."""
    if not scale > 0:
        raise ValueError(f"PNG scale must be positive, got {scale}")
    width, height = max(view.width(), 1), max(view.height(), 1)
    image = QImage(
        round(width * scale), round(height * scale), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(scale)
    image.fill(QColor(view.background_colour))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        view.render_timeline(painter, width, height)
    finally:
        painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write PNG to {path}")
    return path


def export_svg(view: PaintableTimeline, path: Path) -> Path:
    """Write ``view`` as shown to ``path`` as SVG; OSError when it cannot be written."""
    from PySide6.QtSvg import QSvgGenerator

    if not path.parent.is_dir():
        raise OSError(f"could not write SVG to {path}: folder does not exist")
    width, height = max(view.width(), 1), max(view.height(), 1)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle("Timeline")
    start, end = view.visible_range()
    generator.setDescription(f"Timeline from {start:%Y-%m-%d} to {end:%Y-%m-%d}")
    painter = QPainter(generator)
    try:
        view.render_timeline(painter, width, height)
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"could not write SVG to {path}")
    return path
