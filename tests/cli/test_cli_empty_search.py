"""Empty or blank searches mean "no filter", never "nothing"; wordless ones are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.store.opening import Access
from timeline_app.store.repository import Repository

from .conftest import ARTICLES


def listed(capsys) -> list[str]:
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
def test_articles_blank_search_lists_the_whole_library(library: Path, blank: str, capsys) -> None:
    assert main(["--db", str(library), "articles"]) == 0
    everything = listed(capsys)
    assert len(everything) == ARTICLES
    assert main(["--db", str(library), "articles", "--search", blank]) == 0
    assert listed(capsys) == everything


@pytest.mark.parametrize("blank", ["", "  "])
def test_events_blank_search_shows_every_event(library: Path, blank: str, capsys) -> None:
    assert main(["--db", str(library), "events"]) == 0
    everything = listed(capsys)
    assert len(everything) >= ARTICLES
    assert main(["--db", str(library), "events", "--search", blank]) == 0
    assert listed(capsys) == everything


def test_export_blank_search_exports_every_event(library: Path, tmp_path: Path) -> None:
    whole, searched = tmp_path / "whole.csv", tmp_path / "searched.csv"
    assert main(["--db", str(library), "export", "-o", str(whole)]) == 0
    assert main(["--db", str(library), "export", "--search", "", "-o", str(searched)]) == 0
    assert searched.read_bytes() == whole.read_bytes()
    assert whole.read_text(encoding="utf-8").count("harbour plan") >= ARTICLES


def test_a_search_with_no_words_is_refused_with_a_reason(library: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(library), "articles", "--search", "?!"])
    assert exit_info.value.code == 2
    assert "'?!' has no words to search for" in capsys.readouterr().err


def test_a_real_search_still_filters(library: Path, capsys) -> None:
    assert main(["--db", str(library), "articles", "--search", "r007x"]) == 0
    assert [line.split()[-1] for line in listed(capsys)] == ["7"]


def test_store_treats_blank_searches_as_no_filter(library: Path) -> None:
    """The window's search model and the CLI share these store functions."""
    with Repository(library, access=Access.READ) as repo:
        assert len(repo.articles(" ")) == len(repo.articles()) == ARTICLES
        assert len(repo.events(search="")) == len(repo.events()) > 0
