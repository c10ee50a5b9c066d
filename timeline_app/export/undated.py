"""The undated list: time expressions that are no events, exported so none is lost.

Durations ("for a decade"), sets ("every Monday"), vague references
("recently") and dates that could not be resolved have no place on the
timeline; a reader still gets them, with the sentence they stand in and the
reason they are not placed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict, dataclass, fields
from typing import Protocol

from timeline_app.articles import Article
from timeline_app.events import is_event_timex
from timeline_app.events.sentences import sentence_at, split_sentences
from timeline_app.temporal.timex import Timex, TimexType


class UndatedSource(Protocol):
    """What the undated export needs from the store (the Repository satisfies it)."""

    def article(self, article_id: int) -> Article: ...

    def undated(self, article_ids: Collection[int] | None = None) -> list[tuple[int, Timex]]: ...


@dataclass(frozen=True, slots=True)
class UndatedRow:
    """One time expression that dates no event; field order is the CSV column order."""

    expression: str
    type: str
    value: str
    reason: str
    passage: str
    article: str
    source: str
    url: str
    published: str
    published_source: str
    article_id: int
    start: int
    end: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


UNDATED_FIELDS: tuple[str, ...] = tuple(field.name for field in fields(UndatedRow))


def undated_reason(timex: Timex) -> str:
    """Why ``timex`` is not on the timeline, in words."""
    if timex.type == TimexType.DURATION:
        return "a duration, not a date"
    if timex.type == TimexType.SET:
        return "a repetition, not a date"
    if timex.value.upper().endswith("_REF"):
        return f"a vague reference ({timex.value.upper()})"
    return "not resolved to a calendar date (no publication date or anchor)"


def undated_rows(
    repo: UndatedSource, article_ids: Collection[int] | None = None
) -> list[UndatedRow]:
    """The undated expressions of the library (or of ``article_ids``), in text order.

    Dated expressions that only repeat another event's moment in the same
    sentence are not undated and are left out.
    """
    articles: dict[int, Article] = {}
    sentences: dict[int, list[tuple[int, int]]] = {}
    result = []
    for article_id, timex in repo.undated(article_ids=article_ids):
        if is_event_timex(timex):
            continue
        if article_id not in articles:
            articles[article_id] = repo.article(article_id)
            sentences[article_id] = split_sentences(articles[article_id].text)
        article = articles[article_id]
        start, end = sentence_at(sentences[article_id], timex.start) or (timex.start, timex.end)
        result.append(
            UndatedRow(
                expression=" ".join(timex.text.split()),
                type=timex.type.value,
                value=timex.value,
                reason=undated_reason(timex),
                passage=" ".join(article.text[start:end].split()),
                article=article.title,
                source=article.source,
                url=article.url,
                published=article.published.isoformat() if article.published else "",
                published_source=article.published_source.value,
                article_id=article_id,
                start=timex.start,
                end=timex.end,
            )
        )
    return result
