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
from functools import cache

from timeline_app.events.mention import Dated
from timeline_app.events.word_lists import read_words

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
# A live-blog entry's clock: "(12:34 a.m. Monday ET, 6:34 a.m. Monday in Libya) ",
# "LIBYA, 3:29 p.m. ET, 10:29 p.m. local: ".
_CLOCK_PREFIX = re.compile(
    r"^(?:\([^()]{0,80}?\d{1,2}[:.]\d{2}[^()]{0,80}\)\s*"
    r"|[^.!?:;\n]{0,40}?\b\d{1,2}[:.]\d{2}\b(?:[^:\n]|:\d\d){0,60}?"
    r"\b(?:[A-Z]{2,4}|local|time)\s*:\s+)"
)
# A subheading in capitals run into the sentence: "PASSENGERS URGED TO COME FORWARD The man ...".
_CAPITALS_HEADING = re.compile(r"^(?:[A-Z][A-Z'’.,-]*\s+){3,}(?=[A-Z][a-z])")
# The first sentence of several: "Rebels enter Tripoli. -- Gaddafi makes ...".
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\"”’]{3})[.!?](?=\s+(?:--\s*)?[\"“A-Z])")
# "France, the United States and Great Britain": the next item, then "and"/"or".
_LIST_GOES_ON = re.compile(r"^[^,;:]{1,40}?\s(?:and|or)\s")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|we|We|we're|We're|my|My|our|Our)\b")
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
        text = _CLOCK_PREFIX.sub("", text)
        text = _CAPITALS_HEADING.sub("", text)
        text = _without_opener(text)
        if text == before:
            break
    return text.strip()


@cache
def _headline_words(section: str) -> frozenset[str]:
    return frozenset(
        word.lower() for part, word in read_words("headline_words.txt") if part == section
    )


def _without_opener(text: str) -> str:
    """``text`` without a leading discourse word ("Earlier, ", "But "), capitalised again."""
    first, _, rest = text.partition(" ")
    word = first.rstrip(",").lower()
    opener = first.endswith(",") and word in _headline_words("openers")
    if rest and (opener or word in _headline_words("conjunctions")):
        rest = rest.lstrip(", ")
        return rest[:1].upper() + rest[1:]
    return text


def _first_sentence(text: str) -> str:
    """The first sentence of ``text`` when it holds several and the first says enough."""
    match = _SENTENCE_END.search(text)
    if match is not None and match.start() >= 25:
        return text[: match.start()]
    return text


def _clause_may_end(text: str, at: int) -> bool:
    """Whether a headline may stop at ``at``: not after a lone dependent clause
    ("Since NATO took over on March 31"), nor inside a list of names ("France, Britain")."""
    opener = text.split(" ", 1)[0].lower()
    if text[at] == "," and opener in _headline_words("subordinators"):
        return False
    following = text[at + 1 :].lstrip(" ,;:—–-")
    in_list = following[:1].isupper() or _LIST_GOES_ON.match(following) is not None
    return not (text[at] == "," and in_list)


def shorten(text: str, limit: int = HEADLINE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, at a clause end if one comes late enough."""
    text = _first_sentence(text).rstrip(" .")
    if len(text) <= limit:
        return text
    window = text[: limit - 1]
    ends = [m.start() for m in _CLAUSE_END.finditer(window) if _clause_may_end(text, m.start())]
    if ends and ends[-1] >= limit // 2:
        return window[: ends[-1]].rstrip(" ,;:")
    cut = window.rfind(" ")
    if cut < limit // 2:
        cut = limit - 1
    return window[:cut].rstrip(" ,;:") + ELLIPSIS


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text) if len(word) > 2}


# A member within this share of the most representative one's score is as good a
# choice; among those, one that fits whole beats one cut off with an ellipsis.
NEAR_BEST = 0.8


def representative(texts: Sequence[str], preferred: Sequence[bool] | None = None) -> int:
    """Index of the text sharing most words with the others (the first one on ties);
    with ``preferred``, a preferred text scoring at least ``NEAR_BEST`` of the best wins."""
    if len(texts) <= 2:
        if preferred is not None and not preferred[0] and len(texts) == 2 and preferred[1]:
            return 1
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

    scores = [shared(index) for index in range(len(texts))]
    pool = range(len(texts))
    if preferred is not None:
        near = [i for i in pool if preferred[i] and scores[i] >= NEAR_BEST * max(scores)]
        pool = near or pool
    return max(pool, key=lambda index: (scores[index], -index))


def choose_headline(events: Sequence[Dated], sentences: Mapping[int, str]) -> str:
    """The headline of the happening these events report."""
    if not events:
        return ""
    texts = [clean_sentence(sentences.get(event.id) or event.label) for event in events]
    candidates = [(text, event) for text, event in zip(texts, events, strict=True) if text]
    if not candidates:
        return shorten(clean_sentence(events[0].label))
    # A reporter's own sentence reads as a headline; a quote or a question does not.
    plain = [(text, event) for text, event in candidates if _reads_as_report(text)]
    candidates = plain or candidates
    texts = [text for text, _ in candidates]
    fits = [len(_first_sentence(text).rstrip(" .")) <= HEADLINE_LIMIT for text in texts]
    return shorten(texts[representative(texts, fits)])


def _reads_as_report(text: str) -> bool:
    """Not a speaker's first-person words, a question, a sentence about the text,
    nor one whose subject is a pronoun for someone named elsewhere."""
    return (
        not _FIRST_PERSON.search(text)
        and not text.rstrip().endswith("?")
        and not _points_at_the_text(text)
        and _subject_word(text).lower() not in _headline_words("pronouns")
    )


# A fronted time or place phrase before the subject: "On April 29 it raised ...".
_FRONTED_PHRASE = re.compile(r"^(?:On|In|At|By)\s+(?:(?:[A-Z][\w'’-]*\.?|\d+\w*),?\s+){1,3}")


def _subject_word(text: str) -> str:
    """The word that is most likely the sentence's subject: its first, after a
    fronted "On April 29" or "In Washington"."""
    fronted = _FRONTED_PHRASE.match(text)
    rest = text[fronted.end() :] if fronted else text
    return rest.split(" ", 1)[0]


_POINTER_VERB = re.compile(r"^(\w+)(?:['’]s|\s+(?:is|are))\b", re.IGNORECASE)


def _points_at_the_text(text: str) -> bool:
    """ "Here is a timeline of ...", "Following are quotes ...": the text introducing itself."""
    match = _POINTER_VERB.match(text)
    return match is not None and match.group(1).lower() in _headline_words("pointers")
