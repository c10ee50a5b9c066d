"""The undated list: every expression that dates no event is exported, with its reason."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from timeline_app.articles import ParsedArticle
from timeline_app.cli import main
from timeline_app.export import export_undated
from timeline_app.store.repository import Repository
from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex, TimexType

from .conftest import day_timex, store_article

TEXT = (
    "=SUM(A1) He ruled for a decade. They meet every Monday. It rained recently. "
    "The talks on October 7 failed. On Jan. 4, 2024, on Thursday, a strike hit."
)


def bare(expression: str, kind: TimexType, value: str) -> Timex:
    offset = TEXT.index(expression)
    return Timex(offset, offset + len(expression), expression, kind, value)


@pytest.fixture
def repo(tmp_path: Path):
    timexes = [
        bare("a decade", TimexType.DURATION, "P10Y"),
        bare("every Monday", TimexType.SET, "XXXX-WXX-1"),
        bare("recently", TimexType.DATE, "PAST_REF"),
        bare("October 7", TimexType.DATE, "XXXX-10-07"),  # no publication date: unresolved
        day_timex(TEXT, "Jan. 4, 2024", datetime(2024, 1, 4)),
        Timex(
            TEXT.index("Thursday"), TEXT.index("Thursday") + 8, "Thursday", TimexType.DATE,
            "2024-01-04", interval=Interval(datetime(2024, 1, 4), datetime(2024, 1, 5)),
            precision=Precision.DAY, anchor_kind=AnchorKind.NARRATIVE,
        ),
    ]  # fmt: skip
    with Repository(tmp_path / "undated.db") as store:
        store_article(store, ParsedArticle(text=TEXT, title="@title"), timexes)
        yield store


def test_undated_rows_say_why(repo: Repository) -> None:
    stream = io.StringIO()
    assert export_undated(repo, "json", stream) == 4
    records = json.loads(stream.getvalue())
    reasons = {r["expression"]: r["reason"] for r in records}
    assert reasons == {
        "a decade": "a duration, not a date",
        "every Monday": "a repetition, not a date",
        "recently": "a vague reference (PAST_REF)",
        "October 7": "not resolved to a calendar date (no publication date or anchor)",
    }
    assert next(r for r in records if r["expression"] == "October 7")["passage"] == (
        "The talks on October 7 failed."
    )


def test_a_repeated_moment_is_not_undated(repo: Repository) -> None:
    stream = io.StringIO()
    export_undated(repo, "json", stream)
    assert "Thursday" not in {r["expression"] for r in json.loads(stream.getvalue())}


def test_undated_csv_is_neutralised(repo: Repository) -> None:
    stream = io.StringIO(newline="")
    export_undated(repo, "csv", stream, bom=True)
    assert stream.getvalue().startswith("\ufeffexpression,")
    table = list(csv.DictReader(io.StringIO(stream.getvalue()[1:], newline="")))
    assert {row["article"] for row in table} == {"'@title"}
    decade = next(row for row in table if row["expression"] == "a decade")
    assert decade["passage"].startswith("'=SUM(A1)")


def test_undated_cli(repo: Repository, tmp_path: Path, capsys) -> None:
    database = str(repo.path)
    out = tmp_path / "undated.csv"
    assert main(["--db", database, "export", "--undated", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    assert "exported 4 undated expressions" in capsys.readouterr().err
    assert main(["--db", database, "export", "--undated", "--format", "timelinejs"]) == 2
    assert "no dates to draw" in capsys.readouterr().err
    with pytest.raises(ValueError, match="csv or json"):
        export_undated(repo, "timelinejs", io.StringIO())
