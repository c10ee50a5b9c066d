"""A title for every article: the file's own, else the headline its text opens with,
else its first sentence.

Many saved texts carry no title field but open with the page's headline run
into a byline, time stamp or dateline ("Libyan missile misses Italian warship
By the CNN Wire Staff ...", "Libyan ground forces degraded by up to 40
percent: U.S. BAGHDAD | Fri Apr 22, 2011 5:09 am EDT BAGHDAD (Reuters) -").
``events.lead`` finds those markers; what stands before the first of them is
the headline. A text that opens with a short line of its own ("Swine flu: How
serious a threat?") is headed by it. Otherwise the first sentence of the story
(after any leading byline, stamp or dateline) names the article, cut at a word
boundary: a reader recognises an article by its opening far better than by
"(untitled)" or a file path.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import cache

from timeline_app.events.lead import read_opening
from timeline_app.events.sentences import split_sentences
from timeline_app.events.word_lists import read_words

# Titles longer than this are cut at a word boundary (with an ellipsis).
TITLE_LIMIT = 100
# A first line this short, followed by more text, is the article's headline.
HEADLINE_LINE_WORDS = 15
_LOOK_AHEAD = 800
_SENTENCES_TRIED = 6


def article_title(text: str, given: str = "") -> str:
    """The title to show for an article: ``given`` when it says anything, else one from ``text``."""
    cleaned = _one_line(given)
    if cleaned:
        return cleaned
    return title_from_text(text)


def title_from_text(text: str, avoid: Collection[str] = ()) -> str:
    """The headline ``text`` opens with, else its first sentence, cut to ``TITLE_LIMIT``.

    A candidate in ``avoid`` is passed over for the next sentence: a line
    that many articles of a library open with ("2 men charged in ... event.")
    is a page's teaser, not their title. Empty only for a text with no words.
    """
    fallback = ""
    for candidate in _candidates(text):
        title = _shortened(_first_item(_headline_before_story(candidate)))
        if title and title not in avoid:
            return title
        fallback = fallback or title
    return fallback


def _candidates(text: str) -> Iterator[str]:
    """Possible titles, best first: headline, short first line, then sentences."""
    opening = read_opening(text)
    if opening.headline is not None:
        yield _one_line(text[opening.headline[0] : opening.headline[1]])
    start = opening.story_start
    line_end = text.find("\n", start, start + _LOOK_AHEAD)
    if line_end > start and text[line_end:].strip():
        line = _one_line(text[start:line_end])
        if 2 <= len(line.split()) <= HEADLINE_LINE_WORDS and _starts_like_title(line):
            yield line
    window = text[start : start + _LOOK_AHEAD]
    for sentence_start, sentence_end in split_sentences(window)[:_SENTENCES_TRIED]:
        yield _one_line(window[sentence_start:sentence_end])
    yield _one_line(text)


def _starts_like_title(line: str) -> bool:
    return line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"'‘“"


_SPACE = re.compile(r"\s+")
# A list bullet as saved texts carry them ("* ", an escaped "\\* ", "• ").
_BULLET = re.compile(r"(?:^|\s)(?:\\?\*|[•▪‣])(?=\s)")


# How far into a candidate a headline run into the story may end, in words.
_RUN_ON_WORDS = 18
_WORD_SPAN = re.compile(r"\S+")
_CLOCK = re.compile(r"\d[:.]\d\d")


@cache
def _story_starters() -> frozenset[str]:
    """Capitalised words that begin a sentence ("The", "A", "His"): ``sentence_starters.txt``."""
    return frozenset(word for _, word in read_words("sentence_starters.txt")) - {"I"}


def _headline_before_story(line: str) -> str:
    """A headline run into the story's first sentence without a full stop
    ("Mexico to re-test swine flu cases The widow of a victim ..."), cut where a
    sentence starter follows a lower-case word and is followed by one; else ``line``.

    Saved texts whose line breaks were lost read this way. Mid-sentence, a
    capitalised "The" before a lower-case word is rare ("The Hague" is not).
    """
    words = list(_WORD_SPAN.finditer(line))
    for index in range(3, min(len(words) - 1, _RUN_ON_WORDS)):
        word, before, after = words[index].group(), words[index - 1].group(), words[index + 1]
        if word in _story_starters() and _ends_a_word(before) and after.group()[:1].islower():
            headline = line[: words[index - 1].end()]
            if not _CLOCK.search(headline):  # "Fergus Walsh | 16:45 UK time, Monday ..."
                return headline
            break
    return line


def _ends_a_word(word: str) -> bool:
    """Ends in a lower-case letter or a digit: no sentence end, quote or colon before."""
    return word[-1:].islower() or word[-1:].isdigit()


def _first_item(line: str) -> str:
    """A line that opens a bulleted list ("* Sees 70 percent chance ... * Sees vaccines
    as key ...") is titled by its first item, without the bullet."""
    if not _BULLET.match(line):
        return line
    items = [item.strip() for item in _BULLET.split(line)]
    return next((item for item in items if item), "")


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip(" |-–—:")


def _shortened(title: str, limit: int = TITLE_LIMIT) -> str:
    """``title`` cut at the last word boundary before ``limit`` characters, with "…"."""
    if len(title) <= limit:
        return title
    cut = title.rfind(" ", 0, limit)
    if cut < limit // 2:
        cut = limit
    return title[:cut].rstrip(" ,;:-–—") + "…"
