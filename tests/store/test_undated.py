"""The undated list is exactly the timexes that can date no event, nothing more or less."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.commands import analyse
from timeline_app.events import is_event_timex
from timeline_app.store.repository import Repository
from timeline_app.temporal.timex import Interval, Precision, Timex, TimexType

REPEATED = "Trading on Jan. 8, 2024 was heavy and on Jan. 8, 2024 prices also fell for two days."


def add(repo: Repository, text: str, published: date | None = date(2024, 1, 10)) -> int:
    article, _ = repo.add_article(
        ParsedArticle(
            text=text,
            title="t",
            published=published,
            published_source=PublishedSource.METADATA if published else PublishedSource.UNKNOWN,
        )
    )
    return article.id


def test_a_dated_expression_repeating_a_moment_is_not_undated() -> None:
    with Repository(":memory:") as repo:
        article_id = add(repo, REPEATED)
        timexes, events = analyse(REPEATED, date(2024, 1, 10))
        repo.replace_analysis(article_id, timexes, events)
        dated = [t.text for t in timexes if is_event_timex(t)]
        covered = {(e.timex_start, e.timex_end) for e in events}
        # The premise: one dated expression gives no event of its own.
        assert any((t.start, t.end) not in covered for t in timexes if is_event_timex(t)), dated
        undated = [t.text for _, t in repo.undated()]
        assert undated == ["two days"]


def test_unresolved_dates_without_a_publication_date_are_undated() -> None:
    text = "Talks resumed on Friday and ended in March 2020."
    with Repository(":memory:") as repo:
        article_id = add(repo, text, published=None)
        repo.replace_analysis(article_id, *analyse(text, None))
        assert [t.text for _, t in repo.undated()] == ["Friday"]
        assert repo.undated(article_ids=[article_id + 1]) == []


VALUES = ("2024-01-08", "PAST_REF", "present_ref", "FUTURE_REF", "P3D", "XXXX-WXX-1", "PRE_REF")


@st.composite
def timexes(draw) -> list[Timex]:
    result = []
    for index in range(draw(st.integers(min_value=0, max_value=12))):
        resolved = draw(st.booleans())
        start = datetime(2024, 1, 1) + timedelta(days=draw(st.integers(0, 30)))
        precision = draw(st.sampled_from([None, Precision.DAY, Precision.YEAR]))
        result.append(
            Timex(
                start=index * 2,
                end=index * 2 + 1,
                text="x",
                type=draw(st.sampled_from(list(TimexType))),
                value=draw(st.sampled_from(VALUES)),
                interval=Interval(start, start + timedelta(days=1)) if resolved else None,
                precision=precision,
                rule="generated",
            )
        )
    return result


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(timexes())
def test_undated_is_exactly_the_rejected_timexes(generated: list[Timex]) -> None:
    with Repository(":memory:") as repo:
        article_id = add(repo, "x " * 12)
        repo.replace_analysis(article_id, generated, [])
        expected = [(t.start, t.type, t.value) for t in generated if not is_event_timex(t)]
        listed = [(t.start, t.type, t.value) for _, t in repo.undated()]
        assert listed == expected
