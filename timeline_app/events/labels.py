"""Short event labels: the clause that carries the event, trimmed at word boundaries.

A timeline has room for about one line per event, so the label must let a
reader recognise the happening at a glance. Whole sentences are used when they
are short; otherwise the clause around the time expression (clauses end at
";", ":", dashes, parentheses and commas), widened by neighbouring clauses
while it fits, and finally trimmed word by word with an ellipsis.
"""

from __future__ import annotations

import re

LABEL_LIMIT = 120
MIN_CLAUSE = 50  # a clause shorter than this is widened with its neighbours
HEAD_WORDS, HEAD_CHARS = 5, 36  # the sentence opening kept before an elided middle
ELLIPSIS = "…"

# Where a clause may end: after these marks when followed by a space.
_CLAUSE_BREAK = re.compile(r"(?:[,;:]|\s[—–-]{1,2})\s+")
_LEADING_JOINER = re.compile(r"^(?:and|but|or|while|whereas|so)\s+(?=\S)", re.IGNORECASE)
_SEPARATORS = ",;:"
_DASHES = "—–-"


def _clause_boundaries(sentence: str, protect: tuple[int, int]) -> list[int]:
    """Offsets (within the sentence) where clauses start, protecting the timex itself."""
    cuts = [0]
    for match in _CLAUSE_BREAK.finditer(sentence):
        if protect[0] < match.end() and match.start() < protect[1]:
            continue  # "Jan. 6, 2024": the comma belongs to the date
        cuts.append(match.end())
    cuts.append(len(sentence))
    return sorted(set(cuts))


def _clean(fragment: str) -> str:
    """Whitespace-normalised, without clause punctuation left at either end.

    ", and then -" loses its comma and dash; "-2+3 votes" keeps its minus sign
    (a dash only goes when a space or the edge separates it from the words).
    """
    text = " ".join(fragment.split())
    while text:
        if text[0] in _SEPARATORS:
            text = text[1:].lstrip()
            continue
        rest = text.lstrip(_DASHES)
        if rest != text and (not rest or rest[0] == " "):
            text = rest.lstrip()
            continue
        break
    while text:
        if text[-1] in _SEPARATORS:
            text = text[:-1].rstrip()
            continue
        rest = text.rstrip(_DASHES)
        if rest != text and (not rest or rest[-1] == " "):
            text = rest.rstrip()
            continue
        break
    return text


def make_label(
    text: str,
    sentence: tuple[int, int],
    timex: tuple[int, int],
    limit: int = LABEL_LIMIT,
) -> str:
    """Label for the event whose time expression ``timex`` lies in ``sentence``.

    Both are ``(start, end)`` offsets into ``text``. The result is at most
    ``limit`` characters, whitespace-normalised, and always contains the time
    expression (unless the expression alone is longer than ``limit``).
    """
    s_start, s_end = sentence
    body = text[s_start:s_end]
    if len(_clean(body)) <= limit:
        return _clean(body)
    t_start = max(0, timex[0] - s_start)
    t_end = min(len(body), max(t_start, timex[1] - s_start))
    cuts = _clause_boundaries(body, (t_start, t_end))
    # The clause containing the expression: from the last cut at or before it
    # to the first cut after it.
    left = max(i for i, cut in enumerate(cuts) if cut <= t_start)
    right = min(i for i, cut in enumerate(cuts) if cut >= t_end and i > left)
    # Widen by whole clauses, subject side first, while the result fits.
    while True:
        if left > 0 and len(_clean(body[cuts[left - 1] : cuts[right]])) <= limit:
            left -= 1
        elif right < len(cuts) - 1 and len(_clean(body[cuts[left] : cuts[right + 1]])) <= limit:
            right += 1
        else:
            break
    start, end = cuts[left], cuts[right]
    clause = _clean(body[start:end])
    if start > 0:
        # A clause cut from mid-sentence reads better without its joining word.
        clause = _LEADING_JOINER.sub("", clause, count=1)
    if MIN_CLAUSE <= len(clause) <= limit:
        return clause
    if len(clause) > limit:
        # Too long even as one clause: grow from the expression itself.
        start, end = max(start, t_start), min(end, max(t_end, t_start + 1))
    return _word_window(body, start, end, limit)


def _sentence_head(body: str, words: list[tuple[int, int]]) -> int:
    """How many leading words name the sentence's subject ("The Pentagon said").

    0 when the opening holds a number: "As of May 24 … spring rains" would
    show a second date beside the event's own.
    """
    count = 0
    for index, (word_start, word_end) in enumerate(words[:HEAD_WORDS]):
        if word_end - words[0][0] > HEAD_CHARS:
            break
        if any(char.isdigit() for char in body[word_start:word_end]):
            return 0
        count = index + 1
        if body[word_end - 1] in ",;:" or body[word_start:word_end] in ("—", "–", "-"):
            break
    return count


def _word_window(body: str, start: int, end: int, limit: int) -> str:
    """Grow ``body[start:end]`` word by word, both sides in turn, up to ``limit``.

    When the window cannot reach the sentence start, the sentence's first
    words (its subject, usually) are kept in front of an ellipsis:
    "U.S. and other coalition forces … since the fighting erupted on October 7".
    """
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", body)]
    # Indices of the first and last word overlapping [start, end).
    inside = [i for i, (ws, we) in enumerate(words) if we > start and ws < end]
    if not inside:
        return _clean(body)[:limit]
    first, last = inside[0], inside[-1]
    plain = _grow(body, words, first, last, limit, head=0)
    if plain.startswith(ELLIPSIS):
        head = _sentence_head(body, words)
        if 0 < head < first:
            with_head = _grow(body, words, first, last, limit, head=head)
            if ELLIPSIS in with_head[1:]:
                return with_head
    return plain


def _grow(
    body: str, words: list[tuple[int, int]], first: int, last: int, limit: int, head: int
) -> str:
    def render(a: int, b: int) -> str:
        core = _clean(body[words[a][0] : words[b][1]])
        if a <= head:
            prefix = ""
        elif head:
            prefix = _clean(body[words[0][0] : words[head - 1][1]]) + f" {ELLIPSIS} "
        else:
            prefix = ELLIPSIS
        suffix = ELLIPSIS if b < len(words) - 1 else ""
        return prefix + core + suffix

    if len(render(first, last)) > limit:
        return render(first, last)[: limit - 1].rstrip() + ELLIPSIS
    grew = True
    while grew:
        grew = False
        # Prefer the left (the subject usually comes before the date), then right.
        if first > head and len(render(first - 1, last)) <= limit:
            first -= 1
            grew = True
        if last < len(words) - 1 and len(render(first, last + 1)) <= limit:
            last += 1
            grew = True
    return render(first, last)
