"""The opening of a news text: headline, byline, time stamp and dateline.

Texts saved from news pages open with the page's own furniture run together
with the story: "Libyan missile misses Italian warship By the CNN Wire Staff
French aircraft carrier ... sails on June 13, 2011 off the Libyan coast. ...
Tripoli, Libya (CNN) -- Libyan government forces fired ...", or "BAGHDAD |
Fri Apr 22, 2011 5:09 am EDT BAGHDAD (Reuters) - Coalition air strikes ...".
The story itself starts at the dateline; what comes before it is a headline,
a byline, a photo caption, a highlights list or a time stamp. These patterns
are the conventions of English news writing (a byline is "By <Name(s)>" or a
staff line; a dateline is a place and the agency in brackets before a dash),
not of any one outlet; the words that may follow a byline's names ("Health
and Science Editor") are data in ``resources/events/byline_roles.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline_app.events.word_lists import read_words

# How far into a text its opening furniture may reach.
OPENING_CHARS = 1500

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
MONTH_NAME = _MONTH  # for other page conventions (events.furniture's comment headings)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|\.)?"
_CALENDAR_WORD = rf"(?:{_MONTH}|{_WEEKDAY})"
_NAME_WORD = (
    rf"(?!{_CALENDAR_WORD}\b)"
    r"(?:[A-Z][a-z][\w'’.-]*|[A-Z]\.|Mc[A-Z][a-z]+|[A-Z][a-z]?['’][A-Z][a-z]+)"
)
_NAME = (
    rf"{_NAME_WORD}(?:[ \t]+(?:(?:de|van|von|al|bin|la|le|da|di|del)[ \t]+)?{_NAME_WORD}){{0,3}}"
)
_STAFF = (
    r"(?:the[ \t]+)?(?:[A-Z][\w.&-]*[ \t]+){0,3}?(?:Wire[ \t]+)?"
    r"(?:Staff|Staffs|Team|Desk|Correspondents?|Reporters?)\b"
)
_ONE_BY = rf"(?:{_STAFF}|{_NAME})"

_CLOCK = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+[A-Z]{2,4}\b(?!['’]))?"

# "Tue May 12, 2009 8:56 am EDT", "Tuesday 12 May 2009 16.36 BST",
# "3:44 pm ET February 11, 2013", "Updated 1:05 GMT (0905 HKT) March 3, 2011".
TIME_STAMP = re.compile(
    rf"(?:(?i:updated|posted|published|last[ \t]+updated)[ \t:]+)?"
    rf"(?:(?:{_WEEKDAY},?[ \t]+)?(?:{_MONTH}[ \t]+\d{{1,2}},?|\d{{1,2}}[ \t]+{_MONTH})[ \t]+\d{{4}}"
    rf",?[ \t]+(?:at[ \t]+)?{_CLOCK}(?:[ \t]+at[ \t]+{_CLOCK})?"
    rf"|{_CLOCK}[ \t]+{_MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}"
    rf"|{_WEEKDAY},?[ \t]+{_MONTH}[ \t]+\d{{1,2}},?[ \t]+{_CLOCK}"
    rf"|\d{{4}}[-/. ]\d{{1,2}}[-/. ]\d{{1,2}}[ \tT]+{_CLOCK})"
)

_PLACE = r"[A-Z][A-Za-z.'’-]+(?:(?:[ \t]+|\\?/)[A-Z][A-Za-z.'’-]+){0,3}"
# "Tripoli, Libya (CNN) --", "GENEVA, May 26 (Reuters) -", "(CNN) --",
# "LONDON (Reuters Life!)\n\n-", "WASHINGTON |" (a place before a stamp).
DATELINE = re.compile(
    rf"(?:(?P<place>{_PLACE}(?:,[ \t]*{_PLACE}){{0,2}})(?:,?[ \t]*{_MONTH}[ \t]+\d{{1,2}})?[ \t]*)?"
    r"\((?P<agency>[A-Z][\w.&!]*(?:[ \t]+[A-Z][\w.&!]*){0,2})\)\s*(?:-{1,2}|–|—)"
)
# Before a stamp the place is in capitals ("SAN JUAN, Puerto Rico | Mon May 25,
# 2009 ..."), which keeps a headline's last word ("... in Japan TOKYO |") out.
_CAPITALS = r"[A-Z][A-Z'’-]+(?:(?:[ \t]+|\\?/)[A-Z][A-Z'’-]+)*"
_PLACE_BEFORE_STAMP = re.compile(
    rf"{_CAPITALS}(?:,[ \t]*{_PLACE}){{0,2}}(?:,[ \t]*{_MONTH}[ \t]+\d{{1,2}})?[ \t]*\|[ \t]*$"
)


_CLOCK_ONLY = re.compile(r"\d{1,2}[:.]\d{2}")
_STAMP_REACH = 40  # how far a stamp's date may sit from its clock


def time_stamps(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of ``TIME_STAMP`` in ``text[start:end]``, found from their clocks.

    A stamp always has a clock, and a clock is rare; searching the full
    pattern only around clocks is what keeps this fast on long pages.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for clock in _CLOCK_ONLY.finditer(text, start, end):
        if spans and clock.start() < spans[-1][1]:
            continue
        low = max(start, clock.start() - _STAMP_REACH)
        high = min(end, clock.end() + _STAMP_REACH)
        for match in TIME_STAMP.finditer(text, low, high):
            if match.start() <= clock.start() and match.end() >= clock.end():
                spans.append(match.span())
                break
    return spans


def stamp_ending_at(text: str, position: int) -> int | None:
    """Where a time stamp that ends at ``position`` (spaces allowed) starts, if one does."""
    low = max(0, position - 2 * _STAMP_REACH - 10)
    for span in time_stamps(text, low, position):
        if not text[span[1] : position].strip():
            return span[0]
    return None


_BY = re.compile(r"\b(?:By|BY|From)[ \t]")
# The agency in brackets, a dash, and the story's first word, capitalised
# (which "Singapore Airlines (SIA) - the recipient carrier" is not).
_AGENCY = re.compile(r"\([A-Z][^()\n]{0,30}\)\s*(?:-{1,2}|–|—)(?=\s*[\"“‘'A-Z0-9])")
_DATELINE_REACH = 80


@cache
def _highlight_marker() -> re.Pattern[str]:
    """ "NEW:", "UPDATE:": the labels that start a story's highlights list."""
    words = "|".join(sorted(re.escape(w) for _, w in read_words("highlight_markers.txt")))
    return re.compile(rf"(?<![\w'’])(?:{words}):(?=[ \t])")


@cache
def _byline() -> re.Pattern[str]:
    roles = "|".join(
        sorted((re.escape(w) for _, w in read_words("byline_roles.txt")), key=len, reverse=True)
    )
    role = rf"(?:[A-Z][a-z]+[ \t]+(?:and[ \t]+|&[ \t]+)?){{0,4}}(?:{roles})\b"
    names = rf"{_ONE_BY}(?:[ \t]*(?:,|and|&)[ \t]*{_ONE_BY}){{0,3}}"
    # ", CNN", ", AP Staff Writer": an organisation in capitals after the names.
    suffix = (
        rf"(?:,[ \t]*[A-Z]{{2,6}}\b(?:[ \t]+{role})?|[ \t]+for[ \t]+[A-Z]{{2,6}}\b"
        rf"|,?[ \t]+(?:{role}|(?:{roles})\b))"
    )
    # "From Jane Doe and John Roe, CNN" is a byline only with its organisation
    # or role, unlike "From Monday ...".
    return re.compile(rf"\b(?:(?:By|BY)[ \t]+{names}{suffix}?|From[ \t]+{names}{suffix})")


@dataclass(frozen=True, slots=True)
class Opening:
    """Where the parts of a text's opening are (character offsets, end exclusive).

    ``story_start`` is where the story's own words begin: after a leading
    byline, time stamp or dateline. ``dateline`` is None when the opening has
    none; ``headline`` is None when the text does not open with one.
    """

    headline: tuple[int, int] | None
    dateline: tuple[int, int] | None
    story_start: int
    markers: tuple[tuple[int, int, str], ...]  # (start, end, "byline" | "stamp" | "dateline")


def _markers(text: str, limit: int) -> list[tuple[int, int, str]]:
    """Bylines, time stamps and datelines in ``text[:limit]``, in text order."""
    window = text[:limit]
    found: list[tuple[int, int, str]] = []
    for by in _BY.finditer(window):
        match = _byline().match(window, by.start())
        if match is not None:
            found.append((match.start(), match.end(), "byline"))
    for start, end in time_stamps(window):
        before = _PLACE_BEFORE_STAMP.search(window, max(0, start - _DATELINE_REACH), start)
        if before is not None:
            start = before.start()  # "BAGHDAD | Fri Apr 22, 2011 5:09 am EDT"
        found.append((start, end, "stamp"))
    for match in _highlight_marker().finditer(window):
        found.append((match.start(), match.end(), "highlights"))
    for agency in _AGENCY.finditer(window):
        low = max(0, agency.start() - _DATELINE_REACH)
        for match in DATELINE.finditer(window, low, agency.end()):
            if match.end() == agency.end():
                found.append((match.start(), match.end(), "dateline"))
                break
    found.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if merged and start < merged[-1][1]:
            # "..., Health and Science Editor WASHINGTON (Reuters) -": the later
            # marker keeps only what the earlier one did not take.
            start = merged[-1][1]
            while start < end and window[start] in " \t":
                start += 1
            if end - start < 3:
                continue
        merged.append((start, end, kind))
    return merged


_WORD = re.compile(r"[\w'’-]+")
_PLAIN_WORD = re.compile(rf"(?!{_CALENDAR_WORD}\b)[A-Za-z][a-z'’-]+")
HEADLINE_MAX_WORDS = 25


def _looks_like_headline(candidate: str) -> bool:
    words = _WORD.findall(candidate)
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS:
        return False
    if sum(1 for word in words if _PLAIN_WORD.fullmatch(word)) < 2:
        return False  # "Thu, Sep 15 10:57": a stamp, not a headline
    return candidate[:1].isupper() or candidate[:1].isdigit() or candidate[:1] in "\"'‘“"


# Text made of calendar words and numbers only ("Sept 21 |", "July 20, 2011 |"):
# a date heading the page, part of its stamp, never a headline or the story.
_CALENDAR_ONLY = re.compile(
    rf"[\s|,.:/–—-]*(?:(?:{_CALENDAR_WORD}|\d{{1,4}}(?:st|nd|rd|th)?)\b[\s|,.:/–—-]*)+"
)
_OPENING_PUNCTUATION = " \t\n|-–—:"


def _only_furniture_between(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` says nothing but punctuation and calendar words."""
    between = text[start:end].strip(_OPENING_PUNCTUATION)
    return not between or _CALENDAR_ONLY.fullmatch(between) is not None


def read_opening(text: str) -> Opening:
    """Headline, dateline and where the story starts, from the opening of ``text``."""
    limit = min(len(text), OPENING_CHARS)
    markers = _markers(text, limit)
    dateline = next(((s, e) for s, e, kind in markers if kind == "dateline"), None)
    start = len(text) - len(text.lstrip())
    if markers and start < markers[0][0] and _only_furniture_between(text, start, markers[0][0]):
        start = markers[0][0]  # "Sept 21 | Wed Sep 21, 2011 5:53 pm BST ..."
    paragraph_end = text.find("\n", start, limit)
    if paragraph_end < 0:
        paragraph_end = limit
    headline = None
    if markers and start < markers[0][0] < paragraph_end:
        candidate = text[start : markers[0][0]].rstrip(" \t|-–—:")
        if _looks_like_headline(candidate):
            headline = (start, start + len(candidate))
    # The story starts after the run of markers that follows the headline (if any).
    position = headline[1] if headline else start
    following = None
    for marker in markers:
        if marker[0] < position:
            continue
        if not _only_furniture_between(text, position, marker[0]):
            following = marker
            break
        position = marker[1]
    story_start = _skip_space(text, position)
    if headline is None and following is not None and following[2] == "highlights":
        # "By the Wire Staff Kids help refurbish weapons NEW: A fresh attack ...":
        # after a byline, the headline stands before the highlights list.
        candidate = text[story_start : following[0]].rstrip(" \t|-–—:")
        if (
            "\n" not in candidate
            and not candidate.endswith(".")
            and _looks_like_headline(candidate)
        ):
            headline = (story_start, story_start + len(candidate))
    return Opening(headline, dateline, story_start, tuple(markers))


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\n\r|-–—:":
        position += 1
    return position
