"""Page furniture: the parts of a saved page that are not the story.

Texts saved from news pages keep what the page showed around the story:
social widgets ("3:44 pm ET February 11, 2013 RETWEET ..."), a photo caption
and a highlights list before the dateline, lists of other stories ("Weekend
full moon biggest in about 20 years: If the moon ..."), reader comments under
their posting stamps and the comment form's small print. Their dates are
real but date no happening of the story: on CNN's Libya coverage 198 tweet
stamps of the crawl day became events. The text is kept whole (the reader
shows it, dimmed); ``find_furniture`` returns the ranges, the event builder
skips time expressions inside them, and ``furniture_kind_at`` tells where an
offset sits (story or which furniture) for anyone weighing an event.

Everything here is a convention of web pages in general (a stamp followed by
a widget word, a dateline that starts the story, a run of "Headline: teaser"
paragraphs), never a string of one outlet; the word lists are data in
``resources/events/`` (``social_widget_words.txt``, ``comment_form_phrases.txt``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from timeline_app.events.lead import (
    MONTH_NAME,
    OPENING_CHARS,
    read_opening,
    stamp_ending_at,
    time_stamps,
)
from timeline_app.events.opening_promo import promotion_end
from timeline_app.events.word_lists import read_phrases, read_words, word_set


class FurnitureKind(StrEnum):
    """What a marked range of an article is (stored as these strings)."""

    LEAD = "lead"  # byline, photo caption, highlights or time stamp before the dateline
    SOCIAL = "social"  # tweets, share and like widgets
    SIDEBAR = "sidebar"  # lists of other stories, promotions
    COMMENT = "comment"  # reader comments and the comment form
    STAMP = "stamp"  # when the page or a linked story was updated ("Updated: 1:19 a.m. Monday")


@dataclass(frozen=True, slots=True, order=True)
class Furniture:
    """A range ``[start, end)`` of an article's text that is page furniture."""

    start: int
    end: int
    kind: FurnitureKind


def find_furniture(text: str) -> list[Furniture]:
    """The furniture of ``text`` as sorted, non-overlapping ranges."""
    paragraphs = _paragraphs(text)
    found = [
        *_lead(text),
        *_social(text, paragraphs),
        *_sidebars(text, paragraphs),
        *_opening_promo(text, paragraphs),
        *_comments(text, paragraphs),
        *_headed_comments(text, paragraphs),
        *_update_stamps(text),
    ]
    return _without_overlaps(found)


def furniture_kind_at(furniture: Sequence[Furniture], offset: int) -> FurnitureKind | None:
    """The kind of furniture at character ``offset`` (None: the story itself).

    ``furniture`` must be sorted and non-overlapping, as ``find_furniture``
    returns it and the store gives it back.
    """
    index = bisect.bisect_right(furniture, offset, key=lambda item: item.start) - 1
    if index >= 0 and furniture[index].start <= offset < furniture[index].end:
        return furniture[index].kind
    return None


def split_at_furniture(
    text: str, sentences: Sequence[tuple[int, int]], furniture: Sequence[Furniture]
) -> list[tuple[int, int]]:
    """``sentences`` cut where furniture starts or ends (spaces after a cut dropped).

    Pages run a caption or highlights list into the story's first sentence
    with no full stop between ("... says Tripoli, Libya (CNN) -- Forces loyal
    to ..."); an event of the story must not carry the caption as its passage.
    """
    if not furniture:
        return list(sentences)
    bounds = sorted({b for item in furniture for b in (item.start, item.end)})
    result: list[tuple[int, int]] = []
    for start, end in sentences:
        cuts = bounds[bisect.bisect_right(bounds, start) : bisect.bisect_left(bounds, end)]
        for cut in [*cuts, end]:
            while start < cut and text[start].isspace():
                start += 1
            if cut > start:
                result.append((start, cut))
            start = cut
    return result


def _without_overlaps(found: list[Furniture]) -> list[Furniture]:
    result: list[Furniture] = []
    for item in sorted(found):
        if item.end <= item.start:
            continue
        last = result[-1] if result else None
        if last is not None and (
            item.start < last.end or (item.start == last.end and item.kind == last.kind)
        ):
            if item.end > last.end:
                result[-1] = Furniture(last.start, item.end, last.kind)
            continue
        result.append(item)
    return result


_PARAGRAPH = re.compile(r"[^\n]+")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, spaces trimmed."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


# -- the opening: caption, highlights and stamps before the dateline -----------


def _lead(text: str) -> list[Furniture]:
    """Everything between the headline and the dateline ("... (CNN) --").

    A dateline starts the story; a page's caption, highlights list, byline
    and time stamp sit before it. Without a dateline nothing is marked: the
    opening may well be the story's first sentence.
    """
    opening = read_opening(text)
    if opening.dateline is None or opening.dateline[0] > OPENING_CHARS:
        return []
    start = opening.headline[1] if opening.headline else 0
    end = opening.dateline[0]
    if not text[start:end].strip():
        return []
    return [Furniture(start, end, FurnitureKind.LEAD)]


# -- update stamps --------------------------------------------------------------

_UPDATED = re.compile(r"\b(?:[Uu]pdated|UPDATED|[Pp]osted|POSTED)\b[ \t]*:?[ \t]*")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
_STAMP_PARENTHESIS = 100


def _update_stamps(text: str) -> list[Furniture]:
    """ "Updated: Sun Apr 10 2011 18:58:00", "(Updated: 1:19 a.m. Monday, Libya; ...)".

    When a page or a linked story was last changed: a time, not a happening.
    """
    marked: list[Furniture] = []
    for match in _UPDATED.finditer(text):
        stamps = time_stamps(text, match.end(), match.end() + 60)
        if stamps and stamps[0][0] - match.end() <= 2:
            marked.append(Furniture(match.start(), stamps[0][1], FurnitureKind.STAMP))
            continue
        if match.start() > 0 and text[match.start() - 1] == "(":
            close = text.find(")", match.end(), match.end() + _STAMP_PARENTHESIS)
            if close > 0 and _CLOCK.search(text, match.end(), close):
                marked.append(Furniture(match.start() - 1, close + 1, FurnitureKind.STAMP))
    return marked


# -- social widgets --------------------------------------------------------------


@cache
def _widget_words() -> re.Pattern[str]:
    """A widget word: after a stamp ("... 2013 RETWEET") or in capitals, as prose never is."""
    words = [w for _, w in read_words("social_widget_words.txt")]
    alternatives = "|".join(sorted({re.escape(w) for w in words} | {w.upper() for w in words}))
    return re.compile(rf"(?<![\w'’])(?:{alternatives})(?![\w'’])")


def _widget_positions(text: str) -> list[int]:
    """Where widget words stand: in capitals, or right after a time stamp."""
    positions = []
    for match in _widget_words().finditer(text):
        word = match.group()
        alone = word.isupper() and len(word) > 2 and not _in_capitals(text, *match.span())
        if alone or stamp_ending_at(text, match.start()) is not None:
            positions.append(match.start())
    return positions


_CAPITAL_WORD = re.compile(r"[A-Z]{2,}[A-Z'’]*")


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of a line in capitals
    ("HAS MEXICO EVER SEEN AN OUTBREAK LIKE THIS"), not a widget's label."""
    before = text[max(0, start - 30) : start].split()
    after = text[end : end + 30].split()
    neighbours = [before[-1] if before else "", after[0] if after else ""]
    return any(_CAPITAL_WORD.fullmatch(word.strip("?!.,:;\"'")) for word in neighbours)


# What is left of a shortened link that the sentence splitter cut at its dot:
# "... take on GPS: bit." + "ly/11C7KM4 Poor sanitation ..."
_LINK_TAIL = re.compile(r"[a-z]{2,5}\\?/[A-Za-z0-9_-]{4,}")
_LINK_HEAD = re.compile(r"(?:^|\s)[a-z]{2,5}\.$")
_SHORT_PARAGRAPH = 280


def _social(text: str, paragraphs: list[tuple[int, int]]) -> list[Furniture]:
    marked: list[Furniture] = []
    starts = [start for start, _ in paragraphs]
    widgets = {bisect.bisect_right(starts, position) - 1 for position in _widget_positions(text)}
    for index, (start, end) in enumerate(paragraphs):
        link_tail = _LINK_TAIL.match(text, start, end)
        if not (link_tail or index in widgets):
            continue
        marked.append(Furniture(start, end, FurnitureKind.SOCIAL))
        if link_tail and index > 0:
            before = paragraphs[index - 1]
            previous = text[before[0] : before[1]]
            if len(previous) <= _SHORT_PARAGRAPH and _LINK_HEAD.search(previous):
                marked.append(Furniture(before[0], before[1], FurnitureKind.SOCIAL))
    return marked


# -- lists of other stories --------------------------------------------------------

# "Weekend full moon biggest in about 20 years: If the moon looks ...": a short
# headline, a colon, then a teaser sentence. A story's own paragraphs rarely
# open so three times in a row; a speaker's name in capitals ("AZUZ:") is a
# transcript, not a list.
_TEASER = re.compile(r"^(?P<head>[^.:!?\n]{6,90}?):[ \t]+[\"“‘'A-Z0-9]")
_MIN_LIST = 3


def _is_teaser(paragraph: str) -> bool:
    match = _TEASER.match(paragraph)
    if match is None:
        return False
    head = match.group("head")
    words = head.split()
    if not 2 <= len(words) <= 14 or head.upper() == head:
        return False
    return head[:1].isupper() or head[:1].isdigit()


def _sidebars(text: str, paragraphs: list[tuple[int, int]]) -> list[Furniture]:
    marked: list[Furniture] = []
    run: list[tuple[int, int]] = []
    for start, end in [*paragraphs, (len(text), len(text))]:
        if start < len(text) and _is_teaser(text[start:end]):
            run.append((start, end))
            continue
        if len(run) >= _MIN_LIST:
            marked.append(Furniture(run[0][0], run[-1][1], FurnitureKind.SIDEBAR))
        run = []
    return marked


def _opening_promo(text: str, paragraphs: list[tuple[int, int]]) -> list[Furniture]:
    """A promotion glued to the story's start (``opening_promo.promotion_end``)."""
    if not paragraphs:
        return []
    start, end = paragraphs[0]
    if not _is_teaser(text[start:end]) or read_opening(text).dateline is not None:
        return []  # a dateline: what precedes it is the lead's
    promo_end = promotion_end(text, start, end)
    return [] if promo_end is None else [Furniture(start, promo_end, FurnitureKind.SIDEBAR)]


# -- reader comments ------------------------------------------------------------------


@cache
def _separator() -> re.Pattern[str]:
    """A separator and an optional action and bar after it: "| Reply", "| Report abuse |"."""
    separators = "|".join(sorted(map(re.escape, word_set("stamp_separators.txt"))))
    return re.compile(rf"[ \t]*(?:{separators})(?:[ \t]*[A-Z][\w ]{{0,20}}(?:{separators}))?")


@cache
def _separator_char() -> re.Pattern[str]:
    return re.compile("[" + "".join(map(re.escape, word_set("stamp_separators.txt"))) + "]")


def _posting_stamps(text: str) -> list[tuple[int, int]]:
    """Full dates and times followed by a separator: "March 21, 2011 at 4:15 pm | Reply"."""
    stamps: list[tuple[int, int]] = []
    separator = _separator()
    for candidate in _separator_char().finditer(text):
        position = candidate.start()
        while position > 0 and text[position - 1] in " \t":
            position -= 1
        match = separator.match(text, position)
        if match is None or (stamps and position < stamps[-1][1]):
            continue
        start = stamp_ending_at(text, match.start())
        if start is not None and (not stamps or start >= stamps[-1][1]):
            stamps.append((start, match.end()))
    return stamps


# Stamps further apart than this are no two comments in a row.
_LONGEST_COMMENT = 4000


def _comments(text: str, paragraphs: list[tuple[int, int]]) -> list[Furniture]:
    """Each comment runs from the previous posting stamp to its own.

    The first comment of a page has no stamp before it: only the paragraph
    holding its stamp is marked, so the story above is never taken for one.
    Paragraphs of the comment form's small print are marked too.
    """
    marked: list[Furniture] = []
    starts = [start for start, _ in paragraphs]
    previous_end: int | None = None
    for stamp_start, stamp_end in _posting_stamps(text):
        index = bisect.bisect_right(starts, stamp_start) - 1
        paragraph_start = paragraphs[index][0] if index >= 0 else 0
        after_previous = previous_end is not None and stamp_start - previous_end <= _LONGEST_COMMENT
        start = min(previous_end, paragraph_start) if after_previous else paragraph_start
        marked.append(Furniture(start, stamp_end, FurnitureKind.COMMENT))
        previous_end = stamp_end
    if previous_end is not None:
        index = bisect.bisect_right(starts, previous_end - 1) - 1
        if index >= 0 and paragraphs[index][1] > previous_end:
            marked.append(Furniture(previous_end, paragraphs[index][1], FurnitureKind.COMMENT))
    lowered = text.lower()
    for phrase in _comment_form():
        position = lowered.find(phrase)
        while position >= 0:
            index = bisect.bisect_right(starts, position) - 1
            if index >= 0:
                marked.append(Furniture(*paragraphs[index], FurnitureKind.COMMENT))
            position = lowered.find(phrase, position + len(phrase))
    return marked


# A comment's heading before its text, as blog pages print it: "At 16:35 30th Apr
# 2009, overreactagain wrote:" (a posting time, the reader's handle, "wrote").
_ORDINAL = "(?:st|nd|rd|th)?"
_WROTE = re.compile(
    r"\bAt[ \t]+\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+on)?[ \t]+"
    rf"(?:\d{{1,2}}{_ORDINAL}[ \t]+{MONTH_NAME}|{MONTH_NAME}[ \t]+\d{{1,2}}{_ORDINAL},?)"
    r"[ \t]+\d{4},[ \t]*[^\s,:]{1,40}(?:[ \t]+[^\s,:]{1,40}){0,2}[ \t]+wrote\b:?"
)


def _headed_comments(text: str, paragraphs: list[tuple[int, int]]) -> list[Furniture]:
    """Comments under a "At <time>, <handle> wrote:" heading: each runs from its
    heading to the next one; the last to the end of the page when that is near,
    else to the end of its paragraph."""
    headings = [match.start() for match in _WROTE.finditer(text)]
    if not headings:
        return []
    marked: list[Furniture] = []
    starts = [begin for begin, _ in paragraphs]
    for index, start in enumerate(headings):
        following = headings[index + 1] if index + 1 < len(headings) else len(text)
        if following - start > _LONGEST_COMMENT:
            paragraph = bisect.bisect_right(starts, start) - 1
            following = paragraphs[paragraph][1] if paragraph >= 0 else following
        marked.append(Furniture(start, following, FurnitureKind.COMMENT))
    return marked


@cache
def _comment_form() -> tuple[str, ...]:
    """The comment-form phrases in lower case (``str.find`` beats a regex here)."""
    return tuple(sorted({p.lower() for p in read_phrases("comment_form_phrases.txt")}))
