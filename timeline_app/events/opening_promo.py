"""A promotion glued to the start of a saved page's text.

"Get To Know Piers Morgan Tonight: Donny Deutsch Guest Hosts This evening
... as guest host Who is the man ...?": a page can open with a promotion of
another page ("Label: Title blurb") run into the story without a full stop.
Its dates ("This evening") are the promoted show's, no happening of the
story. A convention of web pages, not of one outlet: the label and title are
in Title Case and the end is found by the shape of the words
(``promotion_end``); ``furniture`` marks the range as a sidebar.
"""

from __future__ import annotations

import re

from timeline_app.events.word_lists import word_set

# The promotion ends
# at the first place where an ordinary lower-case word runs into a capital
# ("host Who"), as only a lost sentence end does; after a function word or a
# reporting verb (stopwords.txt) a capital is a name ("the return of Donny").
# Only a Title Case label before a title ("Get To Know ...: Donny Deutsch
# ...") and only without a dateline (before one, ``_lead`` marks the opening).
# A paragraph that ends before such a place (a headline on its own line,
# "Libya live blog: Rebels advance on Tripoli") or a teaser with a sentence
# end before it is left alone: that is the story's own headline or text.
_GLUED_SENTENCE = re.compile(r"\b(?P<word>[a-z][a-z'’-]*)[ \t]+[A-Z][a-z]")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?[ \t]")
_MIN_PROMO_WORDS = 8
_MIN_STORY_WORDS = 5


def promotion_end(text: str, start: int, end: int) -> int | None:
    """Where a promotion opening the paragraph ``[start, end)`` ends, or None.

    The paragraph is known to open "Head: teaser" (``furniture._is_teaser``).
    """
    teaser_start = text.index(":", start) + 1
    if not _is_title(text[start : teaser_start - 1]) or not _opens_title(text[teaser_start:end]):
        return None
    stop_words = word_set("stopwords.txt")
    for glue in _GLUED_SENTENCE.finditer(text, teaser_start, end):
        if glue.group("word") in stop_words:
            continue
        promo_end = glue.end("word")
        if _SENTENCE_END.search(text, start, promo_end):
            return None
        promo_words = len(text[start:promo_end].split())
        story_words = len(text[promo_end:end].split())
        if promo_words < _MIN_PROMO_WORDS or story_words < _MIN_STORY_WORDS:
            return None
        return promo_end
    return None


def _is_title(words: str) -> bool:
    """Title case: three or more words, each longer than three letters capitalised."""
    split = words.split()
    return len(split) >= 3 and all(w[:1].isupper() for w in split if len(w) > 3)


def _opens_title(teaser: str) -> bool:
    """The teaser opens with the title it promotes ("Donny Deutsch Guest Hosts")."""
    first_words = teaser.split()[:2]
    return len(first_words) == 2 and all(w[:1].isupper() for w in first_words)
