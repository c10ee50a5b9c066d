"""End to end: import the seed article with the real pipeline, export CSV, check the dates.

This runs the tagger (A), publication-date inference (B), the import (C) and
events/export (D) together; it is the issue's "done when" test.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from timeline_app import commands
from timeline_app.cli import main
from timeline_app.resources import seeds_dir
from timeline_app.store.repository import Repository

pytestmark = pytest.mark.slow

# (words of the sentence, words of the expression, kind, first day, last day)
EXPECTED = [
    ("drone strike", "Thursday", "point", "2024-01-04", "2024-01-04"),
    ("Sudani said", "Friday", "point", "2024-01-05", "2024-01-05"),
    ("threw its weight", "Monday", "point", "2024-01-08", "2024-01-08"),
    ("Army Day", "2024", "point", "2024-01-06", "2024-01-06"),
    ("fighting erupted", "October 7", "point", "2023-10-07", "2023-10-07"),
    ("deployed since", "2014", "ongoing", "2014-01-01", "2024-01-08"),
]


@pytest.fixture(scope="module")
def seed_rows(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    folder = tmp_path_factory.mktemp("seed")
    database = folder / "seed.db"
    with Repository(database) as repo:
        report = commands.import_paths(repo, [seeds_dir()], workers=1)
    assert report.failures == []
    assert len(report.imported) == len(list(seeds_dir().glob("*.txt")))
    output = folder / "events.csv"
    assert main(["--db", str(database), "export", "--format", "csv", "-o", str(output)]) == 0
    with Path(output).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def find(rows: list[dict[str, str]], sentence: str, expression: str) -> dict[str, str]:
    matching = [r for r in rows if sentence in r["passage"] and expression in r["expression"]]
    shown = [(r["expression"], r["date_start"], r["passage"][:50]) for r in rows]
    assert len(matching) == 1, f"{len(matching)} events for {sentence!r}/{expression!r}: {shown}"
    return matching[0]


@pytest.mark.parametrize(("sentence", "expression", "kind", "first", "last"), EXPECTED)
def test_seed_event_dates(
    seed_rows: list[dict[str, str]],
    sentence: str,
    expression: str,
    kind: str,
    first: str,
    last: str,
) -> None:
    row = find(seed_rows, sentence, expression)
    assert (row["kind"], row["date_start"], row["date_end"]) == (kind, first, last)


def test_seed_attacks_since_mid_october_run_to_publication(seed_rows) -> None:
    row = find(seed_rows, "100 attacks", "October")
    assert row["kind"] == "ongoing"
    assert "2023-10-01" <= row["date_start"] <= "2023-10-31"
    assert row["date_end"] == "2024-01-08"


def test_seed_victory_in_late_2017(seed_rows) -> None:
    row = find(seed_rows, "declared victory", "2017")
    assert "2017-07-01" <= row["date_start"] <= row["date_end"] <= "2017-12-31"


def test_seed_export_is_in_date_order_and_published(seed_rows) -> None:
    starts = [row["date_start"] for row in seed_rows]
    assert starts == sorted(starts)
    assert {row["published"] for row in seed_rows} == {"2024-01-08"}


SECOND_REPORT = """US strike kills militia commander in Baghdad

BAGHDAD, Jan. 4, 2024 (Reuters) - A U.S. drone strike in Baghdad on Thursday killed a \
commander of the Harakat al-Nujaba militia and another member of the faction, Iraqi \
security sources said.

Parliament will meet next week to discuss the budget.
"""


def test_two_articles_reporting_the_strike_are_grouped_after_import(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in seeds_dir().glob("*.txt"):
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "second_report.txt").write_text(SECOND_REPORT, encoding="utf-8")
    with Repository(tmp_path / "two.db") as repo:
        report = commands.import_paths(repo, [folder], workers=1)
        assert report.failures == []
        strikes = [e for e in repo.events() if "drone strike" in e.label]
        assert len(strikes) == 2, [(e.label, e.start) for e in repo.events()]
        assert {e.start.date().isoformat() for e in strikes} == {"2024-01-04"}
        assert strikes[0].group_id is not None
        assert strikes[0].group_id == strikes[1].group_id
        others = [e for e in repo.events() if e.group_id is not None and e not in strikes]
        assert others == []  # nothing else in the two articles is the same happening
        repo.ungroup_event(strikes[1].id)  # the user disagrees: reversible
        assert repo.event(strikes[1].id).group_id is None
