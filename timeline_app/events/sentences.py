"""Sentence splitting with character offsets, tuned for news prose.

Events point back at the sentence they came from, so the splitter must return
offsets into the original text (never a cleaned copy) and must not break at the
full stops of "U.S.", "Jan. 6", "Maj. Gen." or "No. 2". The abbreviation lists
are data (``resources/events/``) so new ones need no code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline_app.events.word_lists import read_words

# A sentence-final mark: one or more of . ! ? (or an ellipsis), then any closing
# quotes or brackets, then whitespace.
_END_MARK = re.compile(r"(?:[.!?]+|…)[\"'”’)\]»]*(?=\s)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")
_OPENERS = "\"'“‘([«"
_FIRST_VISIBLE = re.compile(r"\s*(\S)")
_NEXT_WORD = re.compile(r"\s*[" + re.escape(_OPENERS) + r"]*(\w+)")


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """The three kinds of abbreviation the splitter knows (see the data file)."""

    titles: frozenset[str]
    before_numbers: frozenset[str]
    others: frozenset[str]
    sentence_starters: frozenset[str]


@cache
def abbreviations() -> Abbreviations:
    """The abbreviation lists from ``resources/events/`` (read once)."""
    by_section: dict[str, set[str]] = {"title": set(), "number": set(), "other": set()}
    for section, word in read_words("abbreviations.txt"):
        if section not in by_section:
            raise ValueError(f"abbreviations.txt: unknown section [{section}]")
        by_section[section].add(word)
    starters = frozenset(word for _, word in read_words("sentence_starters.txt"))
    return Abbreviations(
        titles=frozenset(by_section["title"]),
        before_numbers=frozenset(by_section["number"]),
        others=frozenset(by_section["other"]),
        sentence_starters=starters,
    )


def _word_before(text: str, dot: int, floor: int) -> str:
    """The token that the full stop at ``dot`` ends ("U.S" for "the U.S.")."""
    start = dot
    while start > floor and not text[start - 1].isspace() and text[start - 1] not in _OPENERS:
        start -= 1
    return text[start:dot]


def _next_word(text: str, position: int, limit: int) -> str:
    """The word starting at ``position`` after skipping spaces and opening quotes."""
    match = _NEXT_WORD.match(text, position, limit)
    return match.group(1) if match else ""


def _is_break(
    text: str, mark: re.Match[str], paragraph: tuple[int, int], lists: Abbreviations
) -> bool:
    """Whether the end mark ``mark`` really closes a sentence of ``paragraph``."""
    floor, limit = paragraph
    after = mark.end()
    following = _FIRST_VISIBLE.match(text, after, limit)
    if following is None:
        return True
    first = following.group(1)
    next_word = _next_word(text, after, limit)
    if first in _OPENERS:
        # A new quotation or parenthesis: a break unless a lowercase word follows.
        return not (next_word and next_word[0].islower())
    if first.islower() or not first.isalnum():
        return False
    marks = mark.group(0).rstrip("\"'”’)]»")
    if marks != ".":
        return True  # "?", "!" and "..." before a capital or digit end the sentence
    word = _word_before(text, mark.start(), floor).lstrip("\"'“‘([«")
    if word in lists.titles:
        return False
    if word in lists.before_numbers:
        return not first.isdigit()
    if word in lists.others or _INITIALS.match(word):
        return next_word in lists.sentence_starters
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences of ``text`` as ``(start, end)`` offsets, whitespace trimmed.

    Blank lines always end a sentence (headlines and captions carry no full
    stop); inside a paragraph a sentence ends at ``.``, ``!``, ``?`` or an
    ellipsis followed by a capital, a digit or an opening quote, unless the full
    stop belongs to a known abbreviation or to initials.
    """
    lists = abbreviations()
    sentences: list[tuple[int, int]] = []
    for paragraph_start, paragraph_end in _paragraphs(text):
        start = paragraph_start
        for mark in _END_MARK.finditer(text, paragraph_start, paragraph_end):
            if _is_break(text, mark, (paragraph_start, paragraph_end), lists):
                _append_trimmed(text, start, mark.end(), sentences)
                start = mark.end()
        _append_trimmed(text, start, paragraph_end, sentences)
    return sentences


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return spans


def _append_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def sentence_at(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The sentence containing character ``offset`` (binary search), if any."""
    low, high = 0, len(sentences)
    while low < high:
        middle = (low + high) // 2
        start, end = sentences[middle]
        if offset < start:
            high = middle
        elif offset >= end:
            low = middle + 1
        else:
            return sentences[middle]
    return None
