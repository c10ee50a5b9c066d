"""``timeline-app key-dates`` through the real entry point, in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.story_library import KEY_DAY, KEY_REPORTS
from timeline_app.cli import main


def test_json_lists_key_dates_by_date_with_the_documented_fields(story_db: Path, capsys) -> None:
    assert main(["--db", str(story_db), "key-dates", "--count", "4", "--format", "json"]) == 0
    days = json.loads(capsys.readouterr().out)
    assert len(days) == 4
    assert [d["date"] for d in days] == sorted(d["date"] for d in days)
    for day in days:
        assert {"date", "score", "reports", "summary", "happenings"} <= set(day)
        assert isinstance(day["score"], float)
        assert all(isinstance(sentence, str) for sentence in day["summary"])
        for happening in day["happenings"]:
            assert {"headline", "event_ids", "articles"} <= set(happening)
            assert all(isinstance(i, int) for i in happening["event_ids"])
    top = max(days, key=lambda d: d["score"])
    assert (top["date"], top["reports"]) == (KEY_DAY.isoformat(), KEY_REPORTS)
    assert len(top["happenings"][0]["articles"]) == KEY_REPORTS
    assert "Zawara" in top["happenings"][0]["headline"]
    assert [s["title"] for s in top["sources"]] == [
        s["title"] for s in top["sources"] if s["title"].startswith("Report")
    ]


def test_text_names_each_day_its_reports_and_summary(story_db: Path, capsys) -> None:
    assert main(["key-dates", "--count", "3", "--from", "2011-03-19", "--to", "2011-03-19",
                 "--db", str(story_db)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith(f"{KEY_DAY.isoformat()}  {KEY_REPORTS} articles")
    assert out.count("    - ") == 3


def test_csv_is_one_neutralised_row_per_key_date(story_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "key.csv"
    assert main(["--db", str(story_db), "key-dates", "--count", "3", "--format", "csv",
                 "-o", str(target)]) == 0  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 3
    assert set(rows[0]) == {"date", "score", "reports", "summary", "headlines", "event_ids",
                            "articles"}  # fmt: skip
    assert KEY_DAY.isoformat() in [row["date"] for row in rows]


def test_timelinejs_is_a_curated_story_one_slide_per_key_date(story_db: Path, capsys) -> None:
    assert main(["--db", str(story_db), "key-dates", "--count", "5", "--format", "timelinejs"]) == 0
    story = json.loads(capsys.readouterr().out)
    slides = story["events"]
    assert len(slides) == 5  # not one per event (the library has over 500)
    assert len({slide["unique_id"] for slide in slides}) == 5
    big = next(s for s in slides if s["unique_id"] == f"key-date-{KEY_DAY.isoformat()}")
    assert big["start_date"] == {"year": "2011", "month": "3", "day": "19"}
    assert "Zawara" in big["text"]["headline"]
    assert f"{KEY_REPORTS} articles report this day" in big["text"]["text"]


def test_timelinejs_escapes_untrusted_text_and_keeps_only_web_links() -> None:
    from timeline_app.events.key_dates import KeyDate, KeyHappening
    from timeline_app.export.key_dates import ArticleRef, timelinejs_story

    key = KeyDate(
        day=KEY_DAY,
        score=1.0,
        reports=2,
        summary=("<script>alert(1)</script> rebels advanced",),
        summary_articles=(1, 2),
        happenings=(KeyHappening("<b>bold</b>", (1,), (1,), 1.0),),
    )
    articles = {
        1: ArticleRef(1, "Good", "Wire", "https://example.org/a?x=1&y=2"),
        2: ArticleRef(2, "Bad", "Wire", "javascript:alert(1)"),
    }
    slide = timelinejs_story([key], articles)["events"][0]
    assert "<script>" not in slide["text"]["text"]
    assert slide["text"]["headline"] == "&lt;b&gt;bold&lt;/b&gt;"
    assert 'href="https://example.org/a?x=1&amp;y=2"' in slide["text"]["text"]
    assert "javascript:" not in slide["text"]["text"]


def test_count_must_be_positive(story_db: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(story_db), "key-dates", "--count", "0"])
    assert exit_.value.code == 2
    assert "at least 1" in capsys.readouterr().err
