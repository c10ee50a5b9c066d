"""A headline for a happening: one short clean clause a reader can scan.

Drawn from the happening's most representative sentence (the member sentence
sharing most words with the others), cleaned of what news pages wrap around
sentences (bylines, posting time stamps, datelines such as
"TRIPOLI, Libya (CNN) --", leading ellipses) and cut to about 90 characters at
a clause or word boundary.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from timeline_app.events.mention import Dated

HEADLINE_LIMIT = 90
ELLIPSIS = "…"

# Everything up to a news agency's mark and its dash, early in the sentence:
# "TRIPOLI, Libya (CNN) -- ", "WASHINGTON | Wed Mar 2, 2011 12:06 pm EST WASHINGTON (Reuters) - ".
_DATELINE = re.compile(r"^[^.!?()]{0,120}?\([A-Z][A-Za-z .&'’-]{0,30}\)\s*(?:--|—|–|-|:)\s*")
# A bare agency mark ending the text: "RABAT Feb 26 (Reuters)" is a dateline and nothing else.
_DATELINE_ONLY = re.compile(r"^[^.!?()]{0,120}?\([A-Z][A-Za-z .&'’-]{0,30}\)\s*$")
# "By John Smith, CNN", "By the CNN Wire Staff"
_BYLINE = re.compile(
    r"^\s*By\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}(?:Staff|Writer|Correspondent|Reporter)?"
    r"(?:,\s*[A-Z][\w ]{0,30})?\s*(?=[A-Z])"
)
# "Updated 1423 GMT (2223 HKT)", "Posted 10:15 a.m.", "Wed Oct 12, 2011 8:59 am EDT"
_STAMP = re.compile(
    r"^\s*(?:(?:Updated|Posted|Published)\b[^A-Za-z]*(?:GMT|UTC|[ap]\.?m\.?)?[^A-Za-z]*"
    r"(?:\([^)]*\))?\s*)+",
    re.IGNORECASE,
)
_WEEKDAY_STAMP = re.compile(
    r"^\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
    r"(?:\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?(?:\s+[A-Z]{2,4}\b)?\s*"
)
# A chronology entry's date: "March 17 - The Security Council votes", "17 March: ..."
_LEADING_DATE = re.compile(
    r"^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:/\d{1,2})?|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"(?:,?\s+\d{4})?\s*(?:--|—|–|-|:)\s+(?=\S)"
)
# A photo caption or credit in parentheses opening the text: "(Photo: ...)".
_CAPTION = re.compile(r"^\((?:Photo|Image|Video|Picture)s?\b[^)]*\)?\s*", re.IGNORECASE)
_LEADING_JUNK = re.compile(r"^[\s.…·•|>*\"'“”‘’—–-]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CLAUSE_END = re.compile(r"[,;:]\s|\s[—–-]{1,2}\s")


def clean_sentence(sentence: str) -> str:
    """A sentence without bylines, time stamps, datelines or leading marks, spaces normalised."""
    text = " ".join(sentence.split())
    for _ in range(3):  # they may come in any order: "By X -- TRIPOLI, Libya (CNN) --"
        before = text
        if _DATELINE_ONLY.match(text) or _CAPTION.match(text):
            return ""
        text = _LEADING_JUNK.sub("", text)
        text = _STAMP.sub("", text)
        text = _WEEKDAY_STAMP.sub("", text)
        text = _BYLINE.sub("", text)
        text = _DATELINE.sub("", text)
        text = _LEADING_DATE.sub("", text)
        if text == before:
            break
    return text.strip()


def shorten(text: str, limit: int = HEADLINE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, at a clause end if one comes late enough."""
    text = text.rstrip(" .")
    if len(text) <= limit:
        return text
    window = text[: limit - 1]
    ends = [match.start() for match in _CLAUSE_END.finditer(window)]
    if ends and ends[-1] >= limit // 2:
        return window[: ends[-1]].rstrip(" ,;:")
    cut = window.rfind(" ")
    if cut < limit // 2:
        cut = limit - 1
    return window[:cut].rstrip(" ,;:") + ELLIPSIS


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text) if len(word) > 2}


def representative(texts: Sequence[str]) -> int:
    """Index of the text sharing most words with the others (the first one on ties)."""
    if len(texts) <= 2:
        return 0
    word_sets = [_words(text) for text in texts]
    counts: dict[str, int] = {}
    for words in word_sets:
        for word in words:
            counts[word] = counts.get(word, 0) + 1

    def shared(index: int) -> float:
        words = word_sets[index]
        if not words:
            return 0.0
        # Words also used by other members, per word: long rambling sentences gain nothing.
        return sum(counts[word] - 1 for word in words) / len(words) ** 0.5

    return max(range(len(texts)), key=lambda index: (shared(index), -index))


def choose_headline(events: Sequence[Dated], sentences: Mapping[int, str]) -> str:
    """The headline of the happening these events report."""
    if not events:
        return ""
    texts = [clean_sentence(sentences.get(event.id) or event.label) for event in events]
    candidates = [(text, event) for text, event in zip(texts, events, strict=True) if text]
    if not candidates:
        return shorten(clean_sentence(events[0].label))
    best = representative([text for text, _ in candidates])
    return shorten(candidates[best][0])
