"""First-word dispatch: which rules can start at a given word.

Python's ``re`` tries the alternatives of an alternation one after another, so
trying a hundred rules at every candidate offset is the whole cost of tagging.
A rule can only start with a few words (``%month`` with "january", "jan"...;
``(?:the )?%ordinal quarter`` with "the", "first", ...), so the compiler builds
one smaller alternation per group of first words and the tagger picks it by
the word at the offset. The first words are read from the parsed regex, so
they are exact, not guessed.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parse tree of the stdlib regex engine
from re import _parser as sre_parse

_LARGE_RANGE = 300  # a class wider than this counts as "any character"


def _class(argument) -> set[str] | None:
    chars: set[str] = set()
    for op, value in argument:
        if op is sre.LITERAL:
            chars.add(chr(value).lower())
        elif op is sre.RANGE:
            low, high = value
            if high - low > _LARGE_RANGE:
                return None
            chars |= {chr(code).lower() for code in range(low, high + 1)}
        elif op is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
            chars |= set("0123456789")
        else:  # negation, \w, \s and other wide categories
            return None
    return chars


DIGIT_START = "<digit>"  # key of rules that can start with a digit
_MAX_PREFIXES = 4000


class _Unbounded(Exception):
    """The first word of a pattern cannot be listed (e.g. ``[a-z]+``)."""


def first_words(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """The lower-cased first words a match of ``pattern`` can begin with.

    A word is a run of ASCII letters; a match starting with a digit yields
    ``DIGIT_START``, one starting with another character yields that
    character. None when the set cannot be listed (the rule is then tried
    everywhere). Computed from the parsed regex, so it is exact.
    """
    try:
        states = _walk(sre_parse.parse(pattern, flags), {("", False)})
    except _Unbounded:
        return None
    return frozenset(word for word, _ in states)


def _extend(states: set[tuple[str, bool]], char: str) -> set[tuple[str, bool]]:
    result = set()
    for word, done in states:
        if done:
            result.add((word, done))
        elif char.isascii() and char.isalpha():
            result.add((word + char.lower(), False))
        elif word:
            result.add((word, True))
        else:
            result.add((DIGIT_START if char.isdigit() else char, True))
    if len(result) > _MAX_PREFIXES:
        raise _Unbounded
    return result


def _walk(items, states: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    for op, argument in items:
        if all(done for _, done in states):
            return states
        states = _walk_item(op, argument, states)
    return states


def _walk_item(op, argument, states: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    if op is sre.LITERAL:
        return _extend(states, chr(argument))
    if op is sre.IN:
        chars = _class(argument)
        if chars is None:
            if any(not done and word for word, done in states):
                return {(word, True) if not done else (word, done) for word, done in states}
            raise _Unbounded
        result: set[tuple[str, bool]] = set()
        for char in chars:
            result |= _extend(states, char)
        return result
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return states
    if op is sre.SUBPATTERN:
        return _walk(argument[3], states)
    if op is sre.ATOMIC_GROUP:
        return _walk(argument, states)
    if op is sre.BRANCH:
        result = set()
        for branch in argument[1]:
            result |= _walk(branch, states)
        return result
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = argument
        once = _walk(body, states)
        if high > 1 and any(not done for _, done in once) and once != states:
            twice = _walk(body, once)
            if any(not done and (word, False) not in once for word, done in twice):
                raise _Unbounded  # a repeated run of letters: e.g. [a-z]+
        return (states | once) if low == 0 else once
    raise _Unbounded
