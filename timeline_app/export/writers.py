"""CSV (RFC 4180, formula-safe), JSON and TimelineJS writers for export rows.

Article text is untrusted and ends up in cells and web pages. In CSV a cell
that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run
as a formula by spreadsheets (CSV injection), so such cells get a leading
apostrophe, which spreadsheets show as text. TimelineJS renders its text
fields as HTML, so everything is escaped and only http(s) links are kept.
"""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Iterable, Sequence
from typing import Protocol, TextIO
from urllib.parse import urlsplit

from timeline_app.export.rows import FIELDS, ExportRow

# Characters that make a spreadsheet treat a cell as a formula (with the
# full-width forms some spreadsheets normalise).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
BOM = "\ufeff"


def neutralise_cell(value: object) -> str:
    """A cell value a spreadsheet will show, never execute."""
    text = "" if value is None else str(value)
    # Leading spaces or line breaks do not stop some spreadsheets from evaluating.
    if text.lstrip(" \n").startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


class _Row(Protocol):
    def as_dict(self) -> dict[str, object]: ...


def write_table(
    header: Sequence[str], rows: Iterable[_Row], stream: TextIO, bom: bool = False
) -> None:
    """RFC 4180 CSV of any rows: header row, CRLF line ends, quoted where needed,
    every cell neutralised. ``bom`` writes a byte-order mark so Excel reads UTF-8.

    Open files with ``newline=""`` so the CRLFs are written as they are.
    """
    if bom:
        stream.write(BOM)
    writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        values = row.as_dict()
        writer.writerow([neutralise_cell(values[name]) for name in header])


def write_csv(rows: Sequence[ExportRow], stream: TextIO, bom: bool = False) -> None:
    """The events as RFC 4180 CSV with the ``FIELDS`` columns (see ``write_table``)."""
    write_table(FIELDS, rows, stream, bom=bom)


def write_json(rows: Sequence[_Row], stream: TextIO) -> None:
    """A JSON array of objects with the CSV's fields (numbers stay numbers)."""
    json.dump([row.as_dict() for row in rows], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _date_parts(iso: str, precision: str) -> dict[str, str]:
    """TimelineJS date object, no finer than the event's precision."""
    date_part, _, time_part = iso.partition("T")
    year, month, day = date_part.split("-")
    parts = {"year": str(int(year))}
    coarse = {"millennium", "century", "decade", "year", "half", "quarter", "season"}
    if precision in coarse:
        return parts
    parts["month"] = str(int(month))
    if precision == "month":
        return parts
    parts["day"] = str(int(day))
    if time_part:
        hour, minute = time_part.split(":")[:2]
        parts["hour"], parts["minute"] = str(int(hour)), str(int(minute))
    return parts


def _safe_link(url: str) -> str:
    """An escaped http(s) link, or empty for anything else (javascript:, data:...)."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return ""
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'


def _timelinejs_text(row: ExportRow) -> str:
    passage = html.escape(row.passage)
    expression = html.escape(" ".join(row.expression.split()))
    if expression and expression in passage:
        passage = passage.replace(expression, f"<strong>{expression}</strong>", 1)
    source = " · ".join(html.escape(part) for part in (row.article, row.source) if part)
    link = _safe_link(row.url)
    pieces = [f"<p>{passage}</p>", f"<p><small>{html.escape(row.explanation)}</small></p>"]
    if source or link:
        pieces.append(f"<p>{source}{' ' if source and link else ''}{link}</p>")
    return "".join(pieces)


def timelinejs_document(rows: Sequence[ExportRow], title: str = "Timeline") -> dict[str, object]:
    """The TimelineJS 3 JSON document (``{"title": ..., "events": [...]}``)."""
    events = []
    for row in rows:
        event: dict[str, object] = {
            "start_date": _date_parts(row.date_start, row.precision),
            "text": {"headline": html.escape(row.label), "text": _timelinejs_text(row)},
            "unique_id": f"event-{row.event_id}",
        }
        if row.kind != "point" or row.date_end != row.date_start:
            # An ongoing event ends on the publication day, whatever its start's precision.
            end_precision = "day" if row.kind == "ongoing" else row.precision
            end = _date_parts(row.date_end, end_precision)
            if end != event["start_date"]:
                event["end_date"] = end
        if row.article:
            event["group"] = html.escape(row.article)
        events.append(event)
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": events}


def write_timelinejs(rows: Sequence[ExportRow], stream: TextIO, title: str = "Timeline") -> None:
    """TimelineJS 3 JSON (load it with ``new TL.Timeline(id, url)``)."""
    json.dump(timelinejs_document(rows, title), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
