"""Happenings, their importance and headlines, and key dates, on generated data."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tests.story_library import KEY_DAY, KEY_REPORTS, MINOR_ARTICLES, MINOR_EVENTS_EACH
from timeline_app.events.happenings import ArticleFacts, assess_happenings, happenings_of
from timeline_app.events.importance import DateAttention, precision_weight
from timeline_app.events.key_dates import (
    DayAttention,
    choose_days,
    default_count,
    summarise_day,
)
from timeline_app.events.model import Event, EventKind
from timeline_app.store.repository import Repository
from timeline_app.story import key_dates, refresh_happenings
from timeline_app.temporal.timex import Precision


def _event(
    event_id: int,
    article_id: int,
    day: date,
    *,
    precision: Precision = Precision.DAY,
    kind: EventKind = EventKind.POINT,
    group_id: int | None = None,
    label: str = "Something happened",
    end: datetime | None = None,
) -> Event:
    start = datetime.combine(day, datetime.min.time())
    return Event(
        article_id=article_id,
        start=start,
        end=end or start + timedelta(days=1),
        precision=precision,
        kind=kind,
        timex_start=0,
        timex_end=1,
        expression="x",
        value=day.isoformat(),
        sentence_start=0,
        sentence_end=len(label),
        label=label,
        confidence=0.9,
        explanation="",
        id=event_id,
        group_id=group_id,
    )


def test_the_happening_twelve_articles_report_leads_five_hundred_minor_events(
    story_repo: Repository,
) -> None:
    assert story_repo.event_count() >= KEY_REPORTS + MINOR_ARTICLES * MINOR_EVENTS_EACH
    first, *rest = story_repo.key_events(limit=20)
    assert first.start.date() == KEY_DAY
    assert first.reports == KEY_REPORTS
    assert "Zawara" in first.headline
    assert all(other.importance < first.importance / 2 for other in rest)
    group = [e for e in story_repo.events() if e.group_id == first.group_id]
    assert len(group) == KEY_REPORTS
    assert {(e.importance, e.headline, e.reports) for e in group} == {
        (first.importance, first.headline, KEY_REPORTS)
    }


def test_key_dates_put_the_big_day_first_with_a_summary_from_different_articles(
    story_repo: Repository,
) -> None:
    chosen = key_dates(story_repo, count=5)
    assert len(chosen) == 5
    assert [k.day for k in chosen] == sorted(k.day for k in chosen)
    top = max(chosen, key=lambda k: k.score)
    assert top.day == KEY_DAY
    assert top.reports == KEY_REPORTS
    assert 1 <= len(top.summary) <= 3
    assert len(set(top.summary_articles)) == len(top.summary)
    assert all("Zawara" in sentence for sentence in top.summary)
    # Narrowed to a range without the big day, it is absent.
    later = key_dates(story_repo, count=5, start=datetime(2011, 3, 20))
    assert KEY_DAY not in {k.day for k in later}
    assert all(k.day >= date(2011, 3, 20) for k in later)
    searched = key_dates(story_repo, count=5, search="Zawara")
    assert [k.day for k in searched] == [KEY_DAY]


def test_refresh_is_idempotent_and_a_hidden_member_lowers_reports(
    story_repo: Repository,
) -> None:
    assert refresh_happenings(story_repo) == 0  # nothing changed since the import
    first = story_repo.key_events(limit=1)[0]
    story_repo.hide_event(first.id)
    try:
        assert refresh_happenings(story_repo) > 0
        again = story_repo.key_events(limit=1)[0]
        assert again.reports == KEY_REPORTS - 1
        assert story_repo.event(first.id).importance == 0.0  # hidden: no happening
    finally:
        story_repo.hide_event(first.id, hidden=False)
        refresh_happenings(story_repo)


def test_a_day_beats_a_month_and_a_since_span_is_background() -> None:
    day = _event(1, 1, date(2011, 3, 19))
    month = _event(2, 2, date(2011, 3, 1), precision=Precision.MONTH)
    since = _event(3, 3, date(1914, 1, 1), kind=EventKind.ONGOING, end=datetime(2011, 3, 1))
    assert precision_weight(day) > precision_weight(month) > precision_weight(since)
    facts = assess_happenings([day, month, since], {})
    assert facts[1].importance > facts[2].importance > facts[3].importance


def test_a_month_group_does_not_lift_the_one_day_among_its_members() -> None:
    """ "In March" x 5 with one "March 17" is a month's happening, weighted as one."""
    members = [
        _event(i, i, date(2011, 3, 1), precision=Precision.MONTH, group_id=1) for i in range(1, 6)
    ]
    members.append(_event(6, 6, date(2011, 3, 17), group_id=1))
    day_group = [_event(10 + i, 10 + i, date(2011, 3, 19), group_id=10) for i in range(6)]
    facts = assess_happenings(members + day_group, {})
    assert facts[10].importance > 2 * facts[1].importance


def test_a_date_recalled_by_later_articles_gains_attention() -> None:
    recalled = [_event(i, i, date(2011, 3, 19)) for i in (1, 2)]
    same_day = [_event(i, i, date(2011, 3, 20)) for i in (3, 4)]
    articles = {
        1: ArticleFacts("A", date(2011, 4, 1)),
        2: ArticleFacts("B", date(2011, 5, 1)),
        3: ArticleFacts("A", date(2011, 3, 20)),
        4: ArticleFacts("B", date(2011, 3, 20)),
    }
    attention = DateAttention.of(recalled + same_day, articles)
    assert attention.of_day(date(2011, 3, 19)) > attention.of_day(date(2011, 3, 20)) > 0
    facts = assess_happenings(recalled + same_day, articles)
    assert facts[1].importance > facts[3].importance


def test_more_outlets_count_for_more_than_one_outlet_repeating() -> None:
    events = [_event(i, i, date(2011, 3, 19), group_id=1) for i in (1, 2, 3)]
    events += [_event(i, i, date(2011, 3, 21), group_id=4) for i in (4, 5, 6)]
    articles = {i: ArticleFacts(outlet=f"Outlet{i}") for i in (1, 2, 3)}
    articles |= {i: ArticleFacts(outlet="Same") for i in (4, 5, 6)}
    facts = assess_happenings(events, articles)
    assert facts[1].importance > facts[4].importance


def test_happenings_are_groups_or_lone_events() -> None:
    events = [_event(1, 1, KEY_DAY, group_id=1), _event(2, 2, KEY_DAY, group_id=1)]
    events.append(_event(3, 3, KEY_DAY))
    happenings = sorted(happenings_of(events), key=lambda h: h.key)
    assert [(h.key, h.reports) for h in happenings] == [(1, 2), (3, 1)]


def test_days_need_an_important_happening_and_many_reports() -> None:
    """Score = top importance x (1 + articles): 50, 27, 31, 36."""
    candidates = [
        DayAttention(date(2011, 3, d), importance, reports)
        for d, importance, reports in ((1, 5.0, 9), (2, 9.0, 2), (3, 1.0, 30), (4, 9.0, 3))
    ]
    assert [c.day.day for c in choose_days(candidates, 2)] == [1, 4]
    assert [c.day.day for c in choose_days(candidates, 3)] == [1, 3, 4]
    assert choose_days(candidates, 0) == []


def test_default_count_follows_the_library_size() -> None:
    assert default_count(0) == 0
    assert default_count(3) == 5
    assert default_count(400) == 20
    assert default_count(100_000) == 25


def test_a_summary_takes_each_article_once_and_skips_near_duplicates() -> None:
    sentences = {
        1: "The Security Council voted to impose a no-fly zone over the country on Thursday.",
        2: "On Thursday the Security Council voted to impose a no-fly zone over the country.",
        3: "Crowds in the eastern city celebrated the vote late into the night with fireworks.",
        4: "The Security Council vote came after days of intense negotiations among its members.",
    }
    events = [_event(1, 1, KEY_DAY), _event(2, 2, KEY_DAY)]
    events += [_event(3, 1, KEY_DAY), _event(4, 3, KEY_DAY)]
    chosen = summarise_day(events, sentences, limit=3)
    articles = [article for _, article in chosen]
    assert len(articles) == len(set(articles))
    texts = [text for text, _ in chosen]
    assert not (sentences[1] in texts and sentences[2] in texts)
    assert len(chosen) == 2  # article 1 gave one sentence; 1 and 2 say the same thing


def test_one_outlet_repeating_its_sentence_is_a_template_not_many_reports() -> None:
    # Same day, same outlet, same number of articles: one group is one sentence
    # pasted into four articles, the other four articles in their own words.
    template = "Here is a chronology of the conflict since the protests began"
    pasted = [_event(i, i, date(2011, 2, 15), group_id=1, label=template) for i in (1, 2, 3, 4)]
    own_words = [
        _event(i, i, date(2011, 2, 16), group_id=5, label=f"Protesters marched in town {i}")
        for i in (5, 6, 7, 8)
    ]
    articles = {i: ArticleFacts(outlet="Wire", published=date(2011, 3, 1)) for i in range(1, 9)}
    facts = assess_happenings(pasted + own_words, articles)
    assert facts[5].importance > facts[1].importance
    assert facts[1].reports == facts[5].reports == 4  # still four articles carry it
    # Different outlets printing one sentence (syndication) are still separate reports.
    spread = {i: ArticleFacts(outlet=f"Outlet{i}", published=date(2011, 3, 1)) for i in range(1, 9)}
    facts = assess_happenings(pasted + own_words, spread)
    assert facts[1].importance == facts[5].importance
