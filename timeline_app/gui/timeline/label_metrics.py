"""Measuring the canvas's labels: text as drawn (whitespace collapsed, elided), width.

A mixin for ``TimelineView``: layout asks for thousands of widths per zoom
step, so they come from cached per-character advances, not the font engine.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontMetricsF

from timeline_app.events.model import Event
from timeline_app.gui.timeline import paint


class TimelineLabels:
    """Label texts and widths for ``TimelineView`` (which supplies the font and theme)."""

    def _measure(self, event: Event) -> tuple[str, float]:
        """The label as drawn (whitespace collapsed, elided) and its width; cached."""
        cached = self._label_cache.get(event.id)
        if cached is None:
            cached = self._label_cache[event.id] = self._fitted(event.label or event.expression)
        return cached

    def _measure_headline(self, event: Event) -> tuple[str, float]:
        """The happening's headline as the story layer draws it, and its width; cached."""
        cached = self._headline_cache.get(event.id)
        if cached is None:
            text = event.headline or event.label or event.expression
            cached = self._headline_cache[event.id] = self._fitted(text)
        return cached

    def _fitted(self, text: str) -> tuple[str, float]:
        """``text`` with whitespace collapsed, elided to the label width, and its width.

        Widths are sums of cached per-character advances: a few microseconds per
        label instead of a font-engine call, so laying out hundreds of fresh events
        stays within a frame. The row gap absorbs the small kerning error.
        """
        text = " ".join(text.split())
        advances = self._advances
        for char in set(text).difference(advances):
            advances[char] = self._label_metrics.horizontalAdvance(char)
        width = sum(map(advances.__getitem__, text))  # a C-level loop
        limit = self.theme.max_label_px - self._ellipsis_width
        if width > limit:  # cut at the last character that fits, then add "…"
            width = 0.0
            for index, char in enumerate(text):
                if width + advances[char] > limit:
                    text = text[:index].rstrip() + "…"
                    break
                width += advances[char]
            width = sum(map(advances.__getitem__, text[:-1])) + self._ellipsis_width
        return text, width

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._reset_metrics()
            self.reload()
        super().changeEvent(event)

    def _reset_metrics(self) -> None:
        self._label_texts = paint.TextCache(paint.label_font(self.font()), self.theme.label_text)
        self._axis_texts = (
            paint.TextCache(paint.tick_font(self.font()), self.theme.tick_text),
            paint.TextCache(paint.context_font(self.font()), self.theme.context_text),
        )
        self._label_metrics = QFontMetricsF(paint.label_font(self.font()))
        self._ellipsis_width = self._label_metrics.horizontalAdvance("…")
        self._advances: dict[str, float] = {}
        self._label_cache.clear()
        self._headline_cache.clear()
