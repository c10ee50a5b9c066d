"""Give a read article its publication date: its own metadata, else its dateline, else its text.

This is what the importer (and re-dating after a correction) calls; the
finding itself lives in ``inference`` (dateline and reasoning over the text)
and the reading of metadata date strings in ``metadata``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from timeline_app.articles import ParsedArticle
from timeline_app.ingest.pubdate.inference import find_publication_date
from timeline_app.ingest.pubdate.metadata import ALTERNATIVE_KEY

NO_DATE_REASON = "no date in metadata, dateline or text"

_INSTEAD = "dated from the text instead: "


def published_problem_of(reason: str) -> str:
    """The unusable-header note a stored reason starts with ("header 'Date:
    2024-02-30' is not a real date ..."), or "" when it has none; re-dating an
    article keeps saying why its file's own date was not used."""
    for tail in (f"; {_INSTEAD}", f"; {NO_DATE_REASON}"):
        if tail in reason:
            return reason.split(tail, 1)[0]
    return ""


def with_publication_date(parsed: ParsedArticle) -> ParsedArticle:
    """Fill in a missing publication date: the dateline first, then inference from the text.

    A metadata date that reads two ways ("03-02-2009") is settled the same
    way: the reading nearer the date the text itself suggests wins.
    """
    if parsed.published is not None:
        alternative = parsed.extra.get(ALTERNATIVE_KEY)
        if not alternative:
            return parsed
        return _settle_day_month(parsed, date.fromisoformat(alternative))

    finding = find_publication_date(parsed.text, parsed.title)
    # A header that held no real date is named first: the reason must say why
    # the file's own date was not used.
    prefix = f"{parsed.published_problem}; " if parsed.published_problem else ""
    if finding is None:
        return replace(parsed, published_reason=prefix + NO_DATE_REASON)
    if prefix:
        prefix += _INSTEAD
    return replace(
        parsed,
        published=finding.date,
        published_source=finding.source,
        published_reason=prefix + finding.reason,
        published_confidence=finding.confidence,
    )


def _settle_day_month(parsed: ParsedArticle, day_first: date) -> ParsedArticle:
    month_first = parsed.published
    assert month_first is not None
    extra = {k: v for k, v in parsed.extra.items() if k != ALTERNATIVE_KEY}
    finding = find_publication_date(parsed.text, parsed.title)
    if finding is None:
        reason = (
            f"{parsed.published_reason}; day and month could be swapped "
            f"({day_first.isoformat()}), nothing in the text decides: month first kept"
        )
        return replace(parsed, published_reason=reason, extra=extra)
    chosen = min(
        (month_first, day_first),
        key=lambda day: (abs((day - finding.date).days), day != month_first),
    )
    other = day_first if chosen == month_first else month_first
    reason = (
        f"{parsed.published_reason}; read as {chosen.isoformat()} rather than "
        f"{other.isoformat()}, nearer the date the text suggests ({finding.reason})"
    )
    return replace(parsed, published=chosen, published_reason=reason, extra=extra)
