"""PNG and SVG export of the timeline canvas, painted by the same code as the screen.

Exports paint text as real text (no cached pixmaps): crisp at any PNG scale,
and searchable, selectable words in the SVG.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

if TYPE_CHECKING:
    from timeline_app.gui.timeline_view import TimelineView


def export_png(view: TimelineView, path: Path, scale: float = 2.0) -> Path:
    """Write ``view`` as shown to ``path`` at ``scale`` times its size; OSError on failure."""
    if not scale > 0:
        raise ValueError(f"PNG scale must be positive, got {scale}")
    width, height = max(view.width(), 1), max(view.height(), 1)
    image = QImage(
        round(width * scale), round(height * scale), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(scale)
    image.fill(QColor(view.theme.background))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        view.render_timeline(painter, width, height)
    finally:
        painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write PNG to {path}")
    return path


def export_svg(view: TimelineView, path: Path) -> Path:
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
