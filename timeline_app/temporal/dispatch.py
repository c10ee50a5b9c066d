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
from re import _compiler as sre_compile
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


def first_character_class(pattern: str, flags: int = re.IGNORECASE) -> str | None:
    """A regex class (``[...]``) holding every character a match of ``pattern``
    can begin with; None when that cannot be listed (``.``, a negated class) or
    the pattern can match the empty string.

    Used as a lookahead in front of a long alternation scanned with
    ``finditer``: positions whose character no alternative can start with are
    rejected by one class test instead of by trying every alternative. The
    class is compiled with the pattern's own flags, so under IGNORECASE it
    matches exactly the case variants the literals would.
    """
    try:
        pieces, nullable = _first_pieces(sre_parse.parse(pattern, flags))
    except _Unbounded:
        return None
    if nullable or not pieces:
        return None
    return "[" + "".join(sorted(pieces)) + "]"


_CATEGORY_ESCAPES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _class_pieces(argument) -> set[str]:
    pieces = set()
    for op, value in argument:
        if op is sre.LITERAL:
            pieces.add(re.escape(chr(value)))
        elif op is sre.RANGE:
            pieces.add(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
        elif op is sre.CATEGORY and value in _CATEGORY_ESCAPES:
            pieces.add(_CATEGORY_ESCAPES[value])
        else:  # a negated class or an unusual category
            raise _Unbounded
    return pieces


def _first_pieces(items) -> tuple[set[str], bool]:
    """Class pieces of the first consumed character, and whether ``items`` can
    match without consuming any."""
    pieces: set[str] = set()
    for op, argument in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return pieces | {re.escape(chr(argument))}, False
        if op is sre.IN:
            return pieces | _class_pieces(argument), False
        if op is sre.SUBPATTERN:
            inner, nullable = _first_pieces(argument[3])
        elif op is sre.ATOMIC_GROUP:
            inner, nullable = _first_pieces(argument)
        elif op is sre.BRANCH:
            inner, nullable = set(), False
            for branch in argument[1]:
                branch_pieces, branch_nullable = _first_pieces(branch)
                inner |= branch_pieces
                nullable = nullable or branch_nullable
        elif op in _REPEATS:
            low, _, body = argument
            inner, nullable = _first_pieces(body)
            nullable = nullable or low == 0
        else:  # any character, back references, conditionals...
            raise _Unbounded
        pieces |= inner
        if not nullable:
            return pieces, False
    return pieces, True


class WordSpecialiser:
    """Compiles one alternation of rules pruned for each first word it can start at.

    A bucket of rules is tried only where the text begins with one known word
    (``candidate_starts`` looked it up), yet the full regex would still try,
    at that offset, every alternative of every named pattern a rule starts
    with: the thirty number words of ``%number`` before reaching ``\\d``, the
    ``%approx`` prefixes before a digit. Pruning, in the parsed regex, the
    alternatives that cannot begin with that word (and the optional prefixes
    that cannot match there) leaves a regex with exactly the same matches and
    groups at such offsets, tried far faster.

    Pruning reads and rebuilds the stdlib parse tree (``re._parser``,
    ``re._compiler``), as ``first_words`` reads it; should that private API
    change, ``compile_for`` falls back to the unpruned regex.
    """

    def __init__(self, pattern: str, flags: int = re.IGNORECASE):
        self.pattern, self.flags = pattern, flags
        self.tree = sre_parse.parse(pattern, flags)
        self._first_words: dict[int, tuple[object, frozenset[tuple[str, bool]] | None]] = {}

    def compile_for(self, word: str) -> re.Pattern[str]:
        """The regex pruned for offsets where the text's first word is ``word``
        (lower-cased letters, ``DIGIT_START`` or the one character found)."""
        try:
            pruned, _ = self._prune(self.tree, word)
            return sre_compile.compile(pruned, self.flags)
        except (AttributeError, TypeError, ValueError, IndexError, re.error):
            return re.compile(self.pattern, self.flags)

    def _item_states(self, item) -> frozenset[tuple[str, bool]] | None:
        """The (first word, complete) states of one parsed item read alone,
        remembered per item: the items of the tree are shared by every
        word's pruning. None when they cannot be listed."""
        known = self._first_words.get(id(item))
        if known is not None and known[0] is item:
            return known[1]
        try:
            states = frozenset(_walk([item], {("", False)}))
        except _Unbounded:
            states = None
        self._first_words[id(item)] = (item, states)
        return states

    def _can_start_with(self, items, word: str) -> bool:
        """Whether a match of the parsed ``items`` may begin where the text's
        word is ``word``; any doubt keeps it.

        The first item that consumes something decides, read alone: its
        words are compared as prefixes either way, since the next item may
        add letters ("jan" + "uary") or a wide class may follow. An item that
        can consume nothing passes the question on to the next. Non-ASCII
        letters that match ASCII ones case-insensitively (the Kelvin sign)
        are kept too.
        """
        for item in items:
            if item[0] in _ZERO_WIDTH:
                continue
            states = self._item_states(item)
            if states is None:
                return True
            for candidate, complete in states:
                if not candidate and complete:  # a wide class consumed first
                    return True
                if candidate == word or not candidate.isascii():
                    return True
                both_words = candidate.isalpha() and word.isalpha()
                if both_words and (candidate.startswith(word) or word.startswith(candidate)):
                    return True
            if ("", False) not in states:
                return False
        return True

    def _prune(self, sequence, word: str):
        """``sequence`` with the alternatives that cannot begin with ``word``
        removed from its leading items; also whether every path through it
        may still have consumed nothing (then the next item is leading too)."""
        state, items = sequence.state, list(sequence.data)
        out = []
        for index, (op, argument) in enumerate(items):
            rest = items[index + 1 :]
            if op in _ZERO_WIDTH:
                out.append((op, argument))
                continue
            if op is sre.SUBPATTERN:
                group, add_flags, del_flags, body = argument
                inner, consumed_nothing = self._prune(body, word)
                out.append((op, (group, add_flags, del_flags, inner)))
                if consumed_nothing:
                    continue
                return sre_parse.SubPattern(state, out + rest), False
            if op is sre.BRANCH:
                kept = [branch for branch in argument[1] if self._can_start_with(branch.data, word)]
                if not kept:  # cannot match here at all: leave it as it is
                    return sre_parse.SubPattern(state, out + items[index:]), False
                pruned = [self._prune(branch, word) for branch in kept]
                out.append((op, (argument[0], [branch for branch, _ in pruned])))
                if all(consumed_nothing for _, consumed_nothing in pruned):
                    continue
                return sre_parse.SubPattern(state, out + rest), False
            if op is sre.MAX_REPEAT and argument[:2] == (0, 1):
                # Greedy X?REST tries X REST, then REST: the same as
                # (?:X REST|REST), whose two paths can each be pruned.
                body = argument[2]
                paths = [list(body.data) + rest, rest]
                live = [
                    sre_parse.SubPattern(state, path)
                    for path in paths
                    if self._can_start_with(path, word)
                ]
                if not live:
                    return sre_parse.SubPattern(state, out + items[index:]), False
                pruned_paths = [self._prune(path, word)[0] for path in live]
                if len(pruned_paths) == 1:
                    out.extend(pruned_paths[0].data)
                else:
                    out.append((sre.BRANCH, (None, pruned_paths)))
                return sre_parse.SubPattern(state, out), False
            return sre_parse.SubPattern(state, out + items[index:]), False
        return sre_parse.SubPattern(state, out), True
