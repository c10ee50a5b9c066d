"""The window names articles by title and outlet and dims page furniture (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

from timeline_app.commands import import_paths
from timeline_app.events.furniture import find_furniture
from timeline_app.gui.reader import ReaderPanel
from timeline_app.store.repository import Repository

PAGE = (
    "Rebels seize port By the Wire Staff A fighter stands guard on June 13, 2011 in the port."
    "\n\nMisrata, Libya (Agency) -- Rebels seized the port on Wednesday, a spokesman said.\n\n"
    "March 21, 2011 at 4:15 pm | Reply They will fail by April 2.\n"
)
OTHER = "Talks open in Doha\nThe talks opened on Thursday in Doha, diplomats said.\n"


def _library(tmp_path: Path) -> Repository:
    feed = tmp_path / "feed.jsonl"
    records = [
        {"text": PAGE, "published": "2011-03-23", "url": "https://www.example.org/port"},
        {"text": OTHER, "published": "2011-03-23", "source": "Wire"},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    repo = Repository(tmp_path / "lib.db")
    assert import_paths(repo, [feed], workers=1).ok
    return repo


def test_the_legend_names_articles_by_title_and_outlet(qtbot: Any, tmp_path: Path) -> None:
    from timeline_app.gui.timeline.source import RepositoryTimelineSource
    from timeline_app.gui.timeline.view import TimelineView

    with _library(tmp_path) as repo:
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(1400, 400)
        view.set_source(RepositoryTimelineSource(repo))
        view.set_color_mode("article")
        svg = view.export_svg(tmp_path / "a.svg").read_text("utf-8")
        assert "Rebels seize port (example." in svg  # elided to fit the strip
        assert "Talks open in Doha (Wire)" in svg
        assert "article 1" not in svg
        assert "feed.jsonl" not in svg


def test_the_reader_shows_the_title_and_dims_furniture(qtbot: Any, tmp_path: Path) -> None:
    with _library(tmp_path) as repo:
        reader = ReaderPanel()
        qtbot.addWidget(reader)
        article = next(a for a in repo.articles() if a.url)
        text = article.text
        reader.show_article(article, repo.timexes(article.id))
        assert reader.findChild(QLabel, "readerTitle").text() == "Rebels seize port"
        dimmed = reader.highlighted_ranges()["furniture"]
        assert dimmed == [(f.start, f.end) for f in find_furniture(text)]
        assert [text[s:e] for s, e in dimmed if "June 13" in text[s:e]]
        assert [text[s:e] for s, e in dimmed if "April 2" in text[s:e]]
        assert not [text[s:e] for s, e in dimmed if "Wednesday" in text[s:e]]
        # Stored ranges can be given instead; the reader shows exactly those.
        reader.show_article(article, [], furniture=repo.furniture(article.id)[:1])
        assert len(reader.highlighted_ranges()["furniture"]) == 1
