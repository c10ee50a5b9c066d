"""Events from real news (Wikinews, 90 articles) with the real tagger: well formed, none lost."""

from __future__ import annotations

import pytest

from tests.conftest import require_corpus
from timeline_app.articles import ParsedArticle
from timeline_app.events import EventKind, build_events, is_event_timex
from timeline_app.events.labels import LABEL_LIMIT
from timeline_app.events.non_happenings import names_no_happening
from timeline_app.events.sentences import sentence_at, split_sentences
from timeline_app.events.stamps import is_posting_stamp
from timeline_app.ingest.readers import read_path
from timeline_app.temporal import tag

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analysed() -> list[tuple[str, list, list]]:
    path = require_corpus("wikinews", "articles.jsonl")
    result = []
    for article in read_path(path):  # the import's own reader parses the dates
        assert isinstance(article, ParsedArticle), article
        timexes = tag(article.text, article.published)
        events = build_events(article.text, timexes, article.published)
        result.append((article.text, timexes, events))
    assert len(result) == 90
    return result


def test_every_dated_timex_is_in_an_event_or_repeats_one_of_its_sentence(analysed) -> None:
    lost = []
    for text, timexes, events in analysed:
        for timex in filter(is_event_timex, timexes):
            if is_posting_stamp(text, timex):
                continue  # a comment's posting time: no event by design
            if names_no_happening(
                text, timex, sentence_at(split_sentences(text), timex.start) or (0, 0)
            ):
                continue  # a name ("February 17 Revolution") or a condition: by design
            covering = [e for e in events if e.timex_start <= timex.start < e.timex_end]
            same_sentence = [e for e in events if e.sentence_start <= timex.start < e.sentence_end]
            if not covering and not same_sentence:
                lost.append((timex.text, text[max(0, timex.start - 40) : timex.end + 40]))
    assert lost == []


def test_events_are_well_formed(analysed) -> None:
    for text, _timexes, events in analysed:
        for event in events:
            assert event.start < event.end
            assert text[event.timex_start : event.timex_end] == event.expression
            assert event.sentence_start <= event.timex_start
            assert event.timex_end <= event.sentence_end
            assert 0 < len(event.label) <= LABEL_LIMIT
            assert 0 < event.confidence <= 1


def test_all_three_kinds_occur_in_real_news(analysed) -> None:
    kinds = {event.kind for _text, _timexes, events in analysed for event in events}
    assert kinds == set(EventKind)
