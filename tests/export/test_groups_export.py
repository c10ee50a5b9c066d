"""Grouped events in exports: named in every row, or merged into one row."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.cli import main
from timeline_app.events import group_events
from timeline_app.export import export_events
from timeline_app.store.repository import Repository

from .conftest import day_timex, store_article

FIRST = "A U.S. drone strike on Jan. 4, 2024 killed a militia commander in Baghdad."
SECOND = "An American drone strike killed the militia commander in Baghdad on Jan. 4, 2024."
THIRD = "Parliament debated the budget on Jan. 4, 2024 in a long session."


@pytest.fixture
def grouped_repo(tmp_path: Path):
    with Repository(tmp_path / "groups.db") as repo:
        for title, source, text in [
            ("Strike in Baghdad", "AFP", FIRST),
            ("US strike kills commander", "AP", SECOND),
            ("Budget debate", "AP", THIRD),
        ]:
            store_article(
                repo,
                ParsedArticle(
                    text=text,
                    title=title,
                    source=source,
                    published=date(2024, 1, 5),
                    published_source=PublishedSource.METADATA,
                ),
                [day_timex(text, "Jan. 4, 2024", datetime(2024, 1, 4))],
            )
        events = repo.events()
        texts = {article.id: article.text for article in repo.articles()}
        repo.set_groups(group_events(events, texts))
        yield repo


def exported(repo: Repository, **options) -> list[dict]:
    stream = io.StringIO()
    export_events(repo, "json", stream, **options)
    return json.loads(stream.getvalue())


def test_the_strike_is_grouped_and_every_row_names_the_other_source(grouped_repo) -> None:
    records = exported(grouped_repo)
    assert len(records) == 3
    strike = [r for r in records if "strike" in r["label"]]
    assert len({r["group_id"] for r in strike}) == 1
    assert strike[0]["group_id"] is not None
    assert {r["also_reported_by"] for r in strike} == {
        "US strike kills commander (AP)",
        "Strike in Baghdad (AFP)",
    }
    budget = next(r for r in records if "budget" in r["label"])
    assert (budget["group_id"], budget["also_reported_by"]) == (None, "")


def test_merge_groups_gives_one_row_per_happening(grouped_repo) -> None:
    records = exported(grouped_repo, merge_groups=True)
    assert len(records) == 2
    assert sum("strike" in r["label"] for r in records) == 1


def test_ungrouping_by_the_user_splits_the_row_again(grouped_repo) -> None:
    strike_id = next(r["event_id"] for r in exported(grouped_repo) if "strike" in r["label"])
    grouped_repo.ungroup_event(strike_id)
    records = exported(grouped_repo, merge_groups=True)
    assert len(records) == 3
    grouped_repo.regroup_event(strike_id)
    assert len(exported(grouped_repo, merge_groups=True)) == 2


def test_cli_merge_groups(grouped_repo, capsys) -> None:
    assert main(["--db", str(grouped_repo.path), "export", "--merge-groups"]) == 0
    out = capsys.readouterr().out
    assert len(out.strip().splitlines()) == 1 + 2
