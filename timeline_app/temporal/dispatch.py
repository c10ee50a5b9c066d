"""First-word dispatch: which rules can start at a given word.

Python's ``re`` tries the alternatives of an alternation one after another, so
trying a hundred rules at every candidate offset is the whole cost of tagging.
A rule can only start with a few words (``%month`` with "january", "jan"...;
``(?:the )?%ordinal quarter`` with "the", "first", ...), so the compiler builds
one smaller alternation per group of first words and the tagger picks it by
the word at the offset. The first words are read from the parsed regex, so
they are exact, not guessed.

Inside each alternation, the same reading prunes what cannot start at those
words (``compile_pruned``: the number words of ``%number`` where a digit
starts), and ``first_character_class`` gives the tense-marker scan a cheap
guard. Both change how fast a regex fails, never what it matches.
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


def compile_pruned(
    pattern: str, words: frozenset[str], flags: int = re.IGNORECASE
) -> re.Pattern[str]:
    """``pattern`` compiled for offsets where the text begins with one of ``words``.

    A bucket of rules is tried only where the text begins with one of its
    first words (``candidate_starts`` looked it up), yet the full regex would
    still try there every alternative of every named pattern a rule starts
    with: the thirty number words of ``%number`` before reaching ``\\d``, the
    ``%approx`` prefixes before a digit. Pruning, in the parsed regex, the
    alternatives that cannot begin with any of those words (and the optional
    prefixes that cannot match there) leaves a regex with exactly the same
    matches and groups at such offsets, tried far faster.

    Pruning reads and rebuilds the stdlib parse tree (``re._parser``,
    ``re._compiler``), as ``first_words`` reads it; should that private API
    change, the unpruned regex is returned.
    """
    flags = int(flags)  # as re.compile does: RegexFlag arithmetic is slow in the compiler
    try:
        tree = sre_parse.parse(pattern, flags)
        pruned, _ = _Pruner(words).prune(tree)
        return sre_compile.compile(tree if pruned is None else pruned, flags)
    except (AttributeError, TypeError, ValueError, IndexError, re.error):
        return re.compile(pattern, flags)


class _Pruner:
    """Prunes the leading alternatives of parsed regexes for some first words."""

    def __init__(self, words: frozenset[str]):
        self._words = words
        self._states: dict[int, tuple[object, frozenset[tuple[str, bool]] | None]] = {}

    def _item_states(self, item) -> frozenset[tuple[str, bool]] | None:
        """The (first word, complete) states of one parsed item read alone,
        remembered per item (an item can be asked about on several paths).
        None when they cannot be listed."""
        known = self._states.get(id(item))
        if known is not None and known[0] is item:
            return known[1]
        try:
            states = frozenset(_walk([item], {("", False)}))
        except _Unbounded:
            states = None
        self._states[id(item)] = (item, states)
        return states

    def _fits(self, candidate: str) -> bool:
        """Whether a first word read from the regex fits one of the words:
        compared as prefixes either way, since the next item may add letters
        ("jan" + "uary") or a wide class may follow; non-ASCII letters that
        match ASCII ones case-insensitively (the Kelvin sign) always fit."""
        if candidate in self._words or not candidate.isascii():
            return True
        if not candidate.isalpha():
            return False
        return any(
            word.isalpha() and (candidate.startswith(word) or word.startswith(candidate))
            for word in self._words
        )

    def can_start(self, items) -> bool:
        """Whether a match of the parsed ``items`` may begin at one of the
        words; any doubt keeps it. The first item that consumes something
        decides; an item that can consume nothing passes the question on."""
        for item in items:
            if item[0] in _ZERO_WIDTH:
                continue
            states = self._item_states(item)
            if states is None:
                return True
            for candidate, complete in states:
                if (complete and not candidate) or (candidate and self._fits(candidate)):
                    return True  # (a wide class consumed first, or a fitting word)
            if ("", False) not in states:
                return False
        return True

    def prune(self, sequence):
        """``sequence`` with the alternatives that cannot begin with the words
        removed from its leading items, or None when none can; also whether
        every path through it consumes nothing (then the next item leads too).

        Groups and alternations are pruned from the inside; any other item
        (a character, a class, a repetition) is read by ``can_start``, so
        each is read once however deep it sits.
        """
        state, items = sequence.state, list(sequence.data)
        out = []
        for index, (op, argument) in enumerate(items):
            rest = items[index + 1 :]
            if op in _ZERO_WIDTH:
                out.append((op, argument))
                continue
            if op is sre.SUBPATTERN:
                group, add_flags, del_flags, body = argument
                inner, consumes_nothing = self.prune(body)
                if inner is None:
                    return None, False
                out.append((op, (group, add_flags, del_flags, inner)))
                if consumes_nothing:
                    continue
                return sre_parse.SubPattern(state, out + rest), False
            if op is sre.BRANCH:
                pruned = [self.prune(branch) for branch in argument[1]]
                live = [(branch, empty) for branch, empty in pruned if branch is not None]
                if not live:
                    return None, False
                out.append((op, (argument[0], [branch for branch, _ in live])))
                if all(empty for _, empty in live):
                    continue
                return sre_parse.SubPattern(state, out + rest), False
            if op is sre.MAX_REPEAT and argument[:2] == (0, 1):
                # Greedy X?REST tries X REST, then REST: the same as
                # (?:X REST|REST), whose two paths can each be pruned.
                paths = [list(argument[2].data) + rest, rest]
                pruned_paths = [self.prune(sre_parse.SubPattern(state, path))[0] for path in paths]
                live = [path for path in pruned_paths if path is not None]
                if not live:
                    return None, False
                out += live[0].data if len(live) == 1 else [(sre.BRANCH, (None, live))]
                return sre_parse.SubPattern(state, out), False
            if not self.can_start([(op, argument)]):
                return None, False
            return sre_parse.SubPattern(state, out + items[index:]), False
        return sre_parse.SubPattern(state, out), True
