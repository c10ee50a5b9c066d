"""Exports from a real store: CSV safety and shape, JSON, TimelineJS, filters, files."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.export import (
    FIELDS,
    ExportRow,
    export_events,
    neutralise_cell,
    rows,
    write_csv,
)
from timeline_app.export.writers import FORMULA_TRIGGERS, timelinejs_document
from timeline_app.store.repository import Repository

REQUIRED_COLUMNS = (
    "date_start", "date_end", "precision", "timex", "expression", "label", "passage",
    "article", "source", "url", "published", "published_source",
)  # fmt: skip


def csv_cells(repo: Repository, **options) -> list[list[str]]:
    stream = io.StringIO(newline="")
    export_events(repo, "csv", stream, **options)
    return list(csv.reader(io.StringIO(stream.getvalue(), newline="")))


def test_header_has_the_agreed_columns(hostile_repo: Repository) -> None:
    header = csv_cells(hostile_repo)[0]
    assert set(REQUIRED_COLUMNS) <= set(header)
    assert tuple(header) == FIELDS


def test_hostile_cells_are_neutralised(hostile_repo: Repository) -> None:
    table = csv_cells(hostile_repo)
    body = table[1:]
    assert len(body) == 3
    for row in body:
        for cell in row:
            assert not cell.lstrip(" \n").startswith(FORMULA_TRIGGERS), cell
    labels = [row[FIELDS.index("label")] for row in body]
    assert labels[0].startswith("'=HYPERLINK(")
    assert labels[1].startswith("'+cmd|")
    assert labels[2].startswith("'-2+3 votes")
    # The text is kept: only the apostrophe is added.
    assert body[0][FIELDS.index("article")] == '\'=1+1 "quoted", title'
    assert body[0][FIELDS.index("source")] == "'@evil"


def test_rows_are_in_date_order_with_inclusive_day_ends(hostile_repo: Repository) -> None:
    body = csv_cells(hostile_repo)[1:]
    starts = [row[FIELDS.index("date_start")] for row in body]
    assert starts == ["2024-01-04", "2024-01-05", "2024-01-06"]
    assert [row[FIELDS.index("date_end")] for row in body] == starts
    assert {row[FIELDS.index("published")] for row in body} == {"2024-01-08"}
    assert {row[FIELDS.index("published_source")] for row in body} == {"metadata"}


def test_csv_is_rfc4180_with_optional_bom(hostile_repo: Repository, tmp_path: Path) -> None:
    plain, with_bom = tmp_path / "plain.csv", tmp_path / "bom.csv"
    assert export_events(hostile_repo, "csv", plain) == 3
    export_events(hostile_repo, "csv", with_bom, bom=True)
    raw = plain.read_bytes()
    assert raw.count(b"\r\n") == 4  # header + 3 rows, CRLF, no bare LF
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert with_bom.read_bytes() == b"\xef\xbb\xbf" + raw
    assert b'"\'=1+1 ""quoted"", title"' in raw  # quotes doubled, cell quoted


def test_filters_reach_the_store(hostile_repo: Repository) -> None:
    only_fifth = csv_cells(hostile_repo, start=datetime(2024, 1, 5), end=datetime(2024, 1, 6))[1:]
    assert [row[FIELDS.index("date_start")] for row in only_fifth] == ["2024-01-05"]
    searched = csv_cells(hostile_repo, search="votes")[1:]
    assert len(searched) == 1
    assert "votes" in searched[0][FIELDS.index("label")]
    assert csv_cells(hostile_repo, article_ids=[999]) == [list(FIELDS)]


def test_json_has_the_same_fields_unescaped(hostile_repo: Repository) -> None:
    stream = io.StringIO()
    assert export_events(hostile_repo, "json", stream) == 3
    records = json.loads(stream.getvalue())
    assert [tuple(record) for record in records] == [FIELDS] * 3
    assert records[0]["label"].startswith("=HYPERLINK(")  # JSON is data, not a spreadsheet
    assert records[0]["confidence"] == pytest.approx(0.95)


def test_timelinejs_escapes_html_and_drops_unsafe_links(hostile_repo: Repository) -> None:
    document = timelinejs_document(rows(hostile_repo, hostile_repo.events()))
    assert len(document["events"]) == 3
    first = document["events"][0]
    assert first["start_date"] == {"year": "2024", "month": "1", "day": "4"}
    assert "end_date" not in first
    assert "<strong>Jan. 4, 2024</strong>" in first["text"]["text"]
    assert "javascript:" not in json.dumps(document)
    assert "&quot;" in first["group"]  # the hostile title is escaped


def test_unknown_format_is_a_clear_error(hostile_repo: Repository) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        export_events(hostile_repo, "xlsx", io.StringIO())


def test_failed_file_export_leaves_no_partial_file(
    hostile_repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old export", encoding="utf-8")

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("timeline_app.export.writers.csv.writer", broken)
    with pytest.raises(OSError, match="disk full"):
        export_events(hostile_repo, "csv", target)
    assert target.read_text(encoding="utf-8") == "old export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


@given(st.text(max_size=30))
def test_no_neutralised_cell_can_start_a_formula(text: str) -> None:
    cell = neutralise_cell(text)
    assert not cell.lstrip(" \n").startswith(FORMULA_TRIGGERS)
    assert cell in (text, "'" + text)


def test_write_csv_round_trips_any_text_through_a_reader(hostile_repo: Repository) -> None:
    selected = rows(hostile_repo, hostile_repo.events())
    stream = io.StringIO(newline="")
    write_csv(selected, stream)
    parsed = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))
    assert [row["passage"].lstrip("'") for row in parsed] == [r.passage for r in selected]


def test_write_events_exports_exactly_the_given_events(
    hostile_repo: Repository, tmp_path: Path
) -> None:
    from timeline_app.export import write_events

    shown = hostile_repo.events()[1:]  # e.g. what a filtered GUI list shows
    target = tmp_path / "shown.json"
    assert write_events(hostile_repo, reversed(shown), "json", target) == 2
    records = json.loads(target.read_text(encoding="utf-8"))
    assert [r["event_id"] for r in records] == [e.id for e in shown]  # back in date order
    assert target.stat().st_mode & 0o777 == 0o644


def _row(**changes) -> ExportRow:
    base = {name: "" for name in FIELDS}
    base.update(confidence=0.9, event_id=1, article_id=1, group_id=None)
    base.update(changes)
    return ExportRow(**base)


def test_timelinejs_dates_follow_precision_and_kind() -> None:
    ongoing = _row(date_start="2014-01-01", date_end="2024-01-08", precision="year", kind="ongoing")
    month = _row(date_start="2023-10-01", date_end="2023-10-31", precision="month", kind="point")
    minute = _row(
        date_start="2024-01-04T14:05", date_end="2024-01-04T14:06", precision="minute", kind="point"
    )
    first, second, third = timelinejs_document([ongoing, month, minute])["events"]
    assert first["start_date"] == {"year": "2014"}
    assert first["end_date"] == {"year": "2024", "month": "1", "day": "8"}
    assert second["start_date"] == {"year": "2023", "month": "10"}
    assert "end_date" not in second  # the same month at month precision
    assert third["start_date"] == {
        "year": "2024",
        "month": "1",
        "day": "4",
        "hour": "14",
        "minute": "5",
    }


def test_an_inferred_publication_date_exports_how_sure_it_is(tmp_path: Path) -> None:
    from timeline_app.commands import import_paths

    article = tmp_path / "undated.txt"
    article.write_text(
        "Council votes\n\nThe council met on Jan. 6, 2024.\n\n"
        "On Monday it voted to close the bridge.\n",
        encoding="utf-8",
    )
    with Repository(tmp_path / "lib.db") as repo:
        import_paths(repo, [article], workers=1)
        stored = repo.articles()[0]
        cells = csv_cells(repo)
    header, body = cells[0], cells[1:]
    assert stored.published_source.value == "inferred"
    assert stored.published_confidence
    column = header.index("published_confidence")
    assert {row[column] for row in body} == {f"{stored.published_confidence:.2f}"}
    assert 0 < float(body[0][column]) <= 1
