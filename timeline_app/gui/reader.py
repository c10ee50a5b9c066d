"""The reader: an article as plain text with the selected event's passage highlighted.

Article content is untrusted, so it only ever goes through ``setPlainText``:
nothing in it can run, load, or style anything. Highlights are
``ExtraSelections`` over character ranges; page furniture (captions, widgets,
story lists, comments: ``events.furniture``) is dimmed, so the story stands
out. Python indexes text by code point while Qt counts UTF-16 units, so every
offset is translated (``OffsetMap``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from timeline_app.articles import Article
from timeline_app.events.furniture import Furniture, find_furniture
from timeline_app.events.model import Event
from timeline_app.gui.formatting import article_title, event_when, published_how
from timeline_app.temporal.timex import AnchorKind, Timex, TimexType

SENTENCE_BACKGROUND = QColor("#fff4c2")
EXPRESSION_BACKGROUND = QColor("#ffd75e")
OTHER_TIMEX_UNDERLINE = QColor("#4a78a8")
FURNITURE_FOREGROUND = QColor("#9a9a9a")


def display_text(text: str) -> str:
    """The article as the widget shows it, with every character at its original offset.

    Qt treats a lone carriage return as a line break and ``\\r\\n`` as one; replacing
    ``\\r`` keeps one display character per source character.
    """
    return text.replace("\r\n", " \n").replace("\r", "\n")


_OUTSIDE_BMP = re.compile("[\U00010000-\U0010ffff]")


EMPTY_STATE_KEYS = (
    ("← →", "step through the events"),
    ("Enter", "show an event's source here"),
    ("Ctrl+F", "search the library"),
    ("Ctrl+O", "import articles (or drop files)"),
    ("Ctrl+E", "export the events as CSV"),
    ("F1", "all keyboard shortcuts"),
)


class OffsetMap:
    """Translate Python code-point offsets to and from Qt's UTF-16 positions."""

    def __init__(self, text: str) -> None:
        # Code-point offsets of the characters outside the BMP: each takes two UTF-16 units.
        self._wide = [match.start() for match in _OUTSIDE_BMP.finditer(text)]
        # Qt position of the second unit of each of them.
        self._second_units = [offset + k + 1 for k, offset in enumerate(self._wide)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._wide, offset)

    def from_qt(self, position: int) -> int:
        return position - bisect_left(self._second_units, position)


class ReaderPanel(QWidget):
    """Shows one article; highlights an event's sentence and emphasises its expression.

    ``timexClicked(article_id, offset)`` fires when the user clicks one of the
    underlined time expressions, so the window can select that event.
    """

    timexClicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self._article: Article | None = None
        self._offsets = OffsetMap("")
        self._timexes: list[Timex] = []
        self._event: Event | None = None
        self._underlines: list[QTextEdit.ExtraSelection] = []
        self._dimmed: list[QTextEdit.ExtraSelection] = []
        self._formats = _highlight_formats()

        self._title = QLabel(self)
        self._title.setObjectName("readerTitle")
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._title.setWordWrap(True)
        self._meta = QLabel(self)
        self._meta.setObjectName("readerMeta")
        self._meta.setTextFormat(Qt.TextFormat.PlainText)
        self._meta.setWordWrap(True)
        self._explanation = QLabel(self)
        self._explanation.setObjectName("readerExplanation")
        self._explanation.setTextFormat(Qt.TextFormat.PlainText)
        self._explanation.setWordWrap(True)
        self._explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._explanation.hide()

        self._text = QPlainTextEdit(self)
        self._text.setObjectName("readerText")
        self._text.setReadOnly(True)
        self._text.setFrameShape(QFrame.Shape.NoFrame)
        self._text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._text.viewport().installEventFilter(self)
        self._text.viewport().setMouseTracking(True)
        self._text.document().setDocumentMargin(14)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = QWidget(self)
        header.setObjectName("readerHeader")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(14, 12, 14, 10)
        header_layout.setSpacing(4)
        header_layout.addWidget(self._title)
        header_layout.addWidget(self._meta)
        header_layout.addWidget(self._explanation)
        layout.addWidget(header)
        layout.addWidget(self._text, 1)
        self._placeholder = _keys_help(self)
        layout.addWidget(self._placeholder, 1)
        self.clear()

    # -- public API -------------------------------------------------------------------------

    def clear(self) -> None:
        """Show the empty state."""
        self._article = None
        self._event = None
        self._timexes = []
        self._timex_starts: list[int] = []
        self._underlines = []
        self._dimmed = []
        self._offsets = OffsetMap("")
        self._title.setText("No event selected")
        self._meta.setText("Click an event on the timeline or in the list to read its source.")
        self._explanation.hide()
        self._text.setPlainText("")
        self._base_cursor = QTextCursor(self._text.document())
        self._text.setExtraSelections([])
        self._text.hide()
        self._placeholder.show()

    def show_article(
        self,
        article: Article,
        timexes: Sequence[Timex],
        furniture: Sequence[Furniture] | None = None,
    ) -> None:
        """Show an article with its time expressions underlined and nothing selected.

        ``furniture`` (default: found in the text) is dimmed, here and in ``show_event``.
        """
        self._load(article, timexes, furniture)
        self._event = None
        self._explanation.hide()
        self._apply_selections()

    def show_event(
        self,
        article: Article,
        event: Event,
        timexes: Sequence[Timex],
        also_reported_in: Sequence[str] = (),
        furniture: Sequence[Furniture] | None = None,
    ) -> None:
        """Show the event's article, highlight its sentence, emphasise and scroll to it.

        ``also_reported_in`` names the other articles reporting the same happening.
        """
        self._load(article, timexes, furniture)
        self._event = event
        timex = next((t for t in self._timexes if t.start == event.timex_start), None)
        text = explain(event, article, timex)
        if also_reported_in:
            text += "\n" + also_reported_line(also_reported_in)
        self._explanation.setText(text)
        self._explanation.show()
        self._apply_selections()
        self.scroll_to(event.timex_start, event.timex_end)

    def show_timex(
        self,
        article: Article,
        timex: Timex,
        timexes: Sequence[Timex],
        furniture: Sequence[Furniture] | None = None,
    ) -> None:
        """Show a time expression that is no event (a duration, a set, "recently")."""
        self._load(article, timexes, furniture)
        self._event = None
        self._explanation.setText(explain_undated(timex))
        self._explanation.show()
        self._apply_selections(emphasis=(timex.start, timex.end))
        self.scroll_to(timex.start, timex.end)

    def _load(
        self,
        article: Article,
        timexes: Sequence[Timex],
        furniture: Sequence[Furniture] | None = None,
    ) -> None:
        """Put the article's text in the widget unless it is already there."""
        self._placeholder.hide()
        self._text.show()
        same_text = self._article is not None and (
            self._article.id == article.id and self._article.text == article.text
        )
        if not same_text:
            self._offsets = OffsetMap(article.text)
            self._text.setPlainText(display_text(article.text))
            self._base_cursor = QTextCursor(self._text.document())
        if not same_text or furniture is not None:
            marked = find_furniture(article.text) if furniture is None else furniture
            self._dimmed = [self._selection(f.start, f.end, "furniture") for f in marked]
        ordered = sorted(timexes, key=lambda t: t.start)
        if not same_text or ordered != self._timexes:
            self._timexes = ordered
            self._timex_starts = [timex.start for timex in ordered]
            self._underlines = [self._selection(t.start, t.end, "other") for t in ordered]
        self._article = article
        self._title.setText(article_title(article))
        self._meta.setText(_meta_line(article))

    def scroll_to(self, start: int, end: int) -> None:
        """Bring a character range into view, centred when possible."""
        cursor = QTextCursor(self._text.document())
        cursor.setPosition(self._position(end))
        cursor.setPosition(self._position(start), QTextCursor.MoveMode.KeepAnchor)
        self._text.setTextCursor(cursor)
        self._text.centerCursor()
        # Keep the selection out of the way: the extra selections carry the meaning.
        cursor.clearSelection()
        self._text.setTextCursor(cursor)

    def focus_text(self) -> None:
        self._text.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- introspection (used by tests and by accessibility) -----------------------------------

    def article(self) -> Article | None:
        return self._article

    def current_event(self) -> Event | None:
        return self._event

    def shown_text(self) -> str:
        return self._text.toPlainText()

    def explanation_text(self) -> str:
        return "" if self._explanation.isHidden() else self._explanation.text()

    def highlighted_ranges(self) -> dict[str, list[tuple[int, int]]]:
        """Article offsets of what is highlighted: 'sentence', 'expression', 'other'
        and dimmed: 'furniture'."""
        ranges: dict[str, list[tuple[int, int]]] = {
            "sentence": [],
            "expression": [],
            "other": [],
            "furniture": [],
        }
        for selection in self._text.extraSelections():
            kind = selection.format.property(QTextFormat.Property.UserProperty)
            start = self._offsets.from_qt(selection.cursor.selectionStart())
            end = self._offsets.from_qt(selection.cursor.selectionEnd())
            ranges.setdefault(str(kind), []).append((start, end))
        return ranges

    def text_widget(self) -> QPlainTextEdit:
        return self._text

    def timex_at_offset(self, offset: int) -> Timex | None:
        """The time expression covering ``offset`` (called on every mouse move: bisect)."""
        index = bisect_right(self._timex_starts, offset) - 1
        if index >= 0 and offset < self._timexes[index].end:
            return self._timexes[index]
        return None

    # -- internals --------------------------------------------------------------------------

    def _apply_selections(self, emphasis: tuple[int, int] | None = None) -> None:
        selections: list[QTextEdit.ExtraSelection] = list(self._dimmed)
        event = self._event
        if event is not None:
            selections.append(self._selection(event.sentence_start, event.sentence_end, "sentence"))
            emphasis = (event.timex_start, event.timex_end)
        if emphasis is not None:
            selections.append(self._selection(*emphasis, "expression"))
        selections += [
            underline
            for timex, underline in zip(self._timexes, self._underlines, strict=True)
            if emphasis is None or timex.start != emphasis[0]
        ]
        self._text.setExtraSelections(selections)

    def _position(self, offset: int) -> int:
        """Qt position of an article offset, kept inside the document (offsets are data)."""
        limit = self._text.document().characterCount() - 1
        return max(0, min(self._offsets.to_qt(offset), limit))

    def _selection(self, start: int, end: int, kind: str) -> QTextEdit.ExtraSelection:
        char_format = self._formats[kind]
        selection = QTextEdit.ExtraSelection()
        selection.format = char_format
        # Copying a cursor is ~8x cheaper than making one on the document (long articles
        # have hundreds of underlined expressions).
        cursor = QTextCursor(self._base_cursor)
        cursor.setPosition(self._position(start))
        cursor.setPosition(self._position(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        return selection

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._text.viewport() and self._article is not None:
            if event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
                over = self._timex_under(event)
                shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
                self._text.viewport().setCursor(shape)
            elif (
                event.type() == QEvent.Type.MouseButtonRelease
                and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton
                and not self._text.textCursor().hasSelection()
            ):
                timex = self._timex_under(event)
                if timex is not None:
                    self.timexClicked.emit(self._article.id, timex.start)
        return super().eventFilter(watched, event)

    def _timex_under(self, event: QMouseEvent) -> Timex | None:
        cursor = self._text.cursorForPosition(event.position().toPoint())
        return self.timex_at_offset(self._offsets.from_qt(cursor.position()))


ALSO_REPORTED_SHOWN = 3


def also_reported_line(titles: Sequence[str]) -> str:
    """'Also reported in: A; B; C and 4 more' (titles de-duplicated, in order)."""
    unique = list(dict.fromkeys(titles))
    shown = "; ".join(f"“{title}”" for title in unique[:ALSO_REPORTED_SHOWN])
    more = len(unique) - ALSO_REPORTED_SHOWN
    return f"Also reported in: {shown}" + (f" and {more} more" if more > 0 else "")


_UNDATED_KINDS = {
    "PAST_REF": "a vague reference to the past",
    "PRESENT_REF": "a reference to the present",
    "FUTURE_REF": "a vague reference to the future",
}


def explain_undated(timex: Timex) -> str:
    """Why a time expression is listed apart instead of drawn on the timeline."""
    if timex.value in _UNDATED_KINDS:
        why = _UNDATED_KINDS[timex.value]
    elif timex.type == TimexType.DURATION:
        why = "a length of time, not a point in time"
    elif timex.type == TimexType.SET:
        why = "a repetition (a set of times), not a single point"
    else:
        why = "its date could not be pinned down"
    return f"“{timex.text}”  →  {timex.value}\nNot on the timeline: {why}."


def _keys_help(parent: QWidget) -> QWidget:
    """The empty reader: the keys that get a first-time user going."""
    box = QWidget(parent)
    box.setObjectName("readerPlaceholder")
    grid = QGridLayout(box)
    grid.setContentsMargins(16, 18, 16, 18)
    grid.setHorizontalSpacing(14)
    grid.setVerticalSpacing(6)
    for row, (keys, meaning) in enumerate(EMPTY_STATE_KEYS):
        key_label = QLabel(keys, box)
        key_label.setObjectName("readerPlaceholderKey")
        text_label = QLabel(meaning, box)
        for label in (key_label, text_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(text_label, row, 1)
    grid.setColumnStretch(1, 1)
    grid.setRowStretch(len(EMPTY_STATE_KEYS), 1)
    return box


def _highlight_formats() -> dict[str, QTextCharFormat]:
    """One character format per kind of highlight (shared by every selection of that kind)."""
    formats = {}
    for kind in ("furniture", "sentence", "expression", "other"):
        char_format = QTextCharFormat()
        char_format.setProperty(QTextFormat.Property.UserProperty, kind)
        formats[kind] = char_format
    formats["sentence"].setBackground(SENTENCE_BACKGROUND)
    formats["expression"].setBackground(EXPRESSION_BACKGROUND)
    formats["expression"].setFontWeight(QFont.Weight.Bold)
    formats["other"].setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    formats["other"].setUnderlineColor(OTHER_TIMEX_UNDERLINE)
    formats["other"].setForeground(OTHER_TIMEX_UNDERLINE)
    formats["furniture"].setForeground(FURNITURE_FOREGROUND)
    return formats


def _meta_line(article: Article) -> str:
    parts = [article.source] if article.source else []
    if article.published is None:
        parts.append("publication date unknown")
    else:
        parts.append(f"published {article.published.isoformat()} ({published_how(article)})")
    return "  ·  ".join(parts)


def explain(event: Event, article: Article, timex: Timex | None = None) -> str:
    """The explanation above the text: expression -> value, how, and what it was anchored to."""
    when = event_when(event)
    headline = f"“{event.expression}”  →  {event.value}"
    if when not in (event.value, f"{event.value} ({(event.mod or '').lower()})"):
        headline += f"   ({when})"
    lines = [headline]
    if event.explanation:
        lines.append(event.explanation)
    if timex is not None and timex.anchor_kind == AnchorKind.DCT:
        if article.published is None:
            lines.append("Anchor: publication date unknown")
        else:
            how = published_how(article)
            reason = f": {article.published_reason}" if article.published_reason else ""
            lines.append(
                f"Anchor: publication date {article.published.isoformat()} ({how}{reason})"
            )
    elif timex is not None and timex.anchor_kind == AnchorKind.NARRATIVE and timex.anchor_value:
        lines.append(f"Anchor: {timex.anchor_value}, a date mentioned earlier in the article")
    return "\n".join(lines)
