"""Which way a bare date points: the tense of the clause it belongs to.

A bare "Thursday", "October" or "Oct. 7" names one of several occurrences;
the verb governing it says which ("said Friday" is last Friday, "will meet
Thursday" the next one). The tagger reads that from marker words
(``resources/temporal/en/patterns/tense_*.txt``), searched in the
expression's own clause before the rest of its sentence. Two layouts move
the governing verb elsewhere: a date heading a chronology entry and a
live-blog stamp (decided before any marker), and a fronted time phrase
("Until Thursday, they had not called him"; "In January, the company
brought in a new chief"), which takes the tense of the main clause after
its comma, not of the preposition or words before it.
"""

from __future__ import annotations

import re
from typing import Protocol

from timeline_app.temporal.chronology import entry_looks_ahead, is_chronology_heading
from timeline_app.temporal.entry_stamps import is_entry_stamp
from timeline_app.temporal.resolver import Tense
from timeline_app.temporal.units import Direction

# A full stop ends a sentence unless it ends a title or abbreviation that
# comes before a name ("Mr. Bush", "Roe vs. Wade", "George W. Bush", "U.S.
# officials"): splitting there would cut a clause from its verb.
_TITLES = "vs Mr Ms Mrs Dr St Gen Sen Rep Gov Sgt Col Lt Jr No Co Corp Inc Ltd Bros Prof Rev"
_TITLES += " Capt Adm Maj Cmdr"
# The checks follow the full stop, so they run only where one was found.
_NOT_AFTER_TITLE = r"(?<!\b[A-Z]\.)" + "".join(rf"(?<!\b{word}\.)" for word in _TITLES.split())
_SENTENCE_END = re.compile(r"(?:[!?]|\." + _NOT_AFTER_TITLE + r")\s+(?=[A-Z\"'(])|\n\s*\n")
_SENTENCE_LOOKAROUND = 250
# A subordinate clause after a comma, or any clause after a semicolon.
_CLAUSE_START = re.compile(
    r"[,;]\s+(?:where|when|while|whereas|after|before|since|because|although|though|as|which|who)\b"
    r"|;\s+",
    re.IGNORECASE,
)
# What may come before a date in a phrase that opens its sentence: quotes,
# conjunctions, prepositions and the modifiers of a date ("And late last
# Friday,", "Until Thursday,", "In January,"); nothing with a verb.
_FRONTED_LEAD = re.compile(
    r"[\s\"'“‘(`]*(?:(?:and|but|also|so|then|even|only|just|again|until|till|since|by|"
    r"on|in|during|through|throughout|after|before|from|at|as of|as early as|late|early|"
    r"last|this|next|the|of|earlier|later|that)\s+){0,4}",
    re.IGNORECASE,
)
_FRONTED_COMMA = re.compile(r"\s*,\s")
# "the fiscal year ended Jan. 31": a period that ended on the date (as a
# verb, "ended" may look ahead: "ended up", but not before a date).
_ENDED_BEFORE = re.compile(r"\bended(?: on)?\s+$", re.IGNORECASE)
_ENDED_REACH = 12
# A deadline: "by December", "until March", "no later than June".
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before|no later than)\s+$", re.IGNORECASE)
_DEADLINE_REACH = 16
# A past perfect before a deadline dates something done ahead of it ("had
# been completed by December").
_PAST_PERFECT = re.compile(r"\b(?:had|'d)\b", re.IGNORECASE)


class MarkerSource(Protocol):
    """Anything holding the compiled marker regexes (the tagger's ``Engine``)."""

    @property
    def future_markers(self) -> re.Pattern[str]: ...

    @property
    def past_markers(self) -> re.Pattern[str]: ...


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start:end``, looked for no further than
    ``_SENTENCE_LOOKAROUND`` characters either side."""
    left = max(0, start - _SENTENCE_LOOKAROUND)
    right = min(len(text), end + _SENTENCE_LOOKAROUND)
    sentence_start, sentence_end = left, right
    for boundary in _SENTENCE_END.finditer(text, left, right):
        if boundary.end() <= start:
            sentence_start = boundary.end()
        elif boundary.start() >= end:
            sentence_end = boundary.start()
            break
    return sentence_start, sentence_end


def fronted_phrase_end(text: str, sentence_start: int, start: int, end: int) -> int | None:
    """Where the main clause begins when the expression sits in a time phrase
    opening its sentence ("Until Thursday, they had not ..."), else None."""
    if sentence_start == start - _SENTENCE_LOOKAROUND:
        return None  # no sentence start found within reach
    lead = _FRONTED_LEAD.match(text, sentence_start, start)
    if lead is None or lead.end() != start:
        return None
    comma = _FRONTED_COMMA.match(text, end)
    return comma.end() if comma else None


def sentence_tense(text: str, start: int, end: int, engine: MarkerSource) -> Tense:
    """Past or future, by the marker word nearest the expression in its sentence."""
    return ClauseCues(text, start, end, engine).tense()


def settled_direction(text: str, start: int, end: int, engine: MarkerSource) -> Direction | None:
    """Where a clause about something already over puts the expression
    (``ClauseCues.settled_direction``)."""
    return ClauseCues(text, start, end, engine).settled_direction()


class ClauseCues:
    """What the words around one expression say about its time, each found
    once and only when asked: the sentence, its markers, then the answers."""

    def __init__(self, text: str, start: int, end: int, engine: MarkerSource):
        self._text, self._start, self._end, self._engine = text, start, end, engine
        self._sentence: tuple[int, int, _SentenceMarkers, int | None] | None = None

    def _read_sentence(self) -> tuple[int, int, _SentenceMarkers, int | None]:
        """The sentence's start and end, its markers and where its main clause
        starts if the expression sits in a fronted phrase."""
        if self._sentence is None:
            text, start, end = self._text, self._start, self._end
            sentence_start, sentence_end = sentence_bounds(text, start, end)
            markers = _SentenceMarkers(text, sentence_start, sentence_end, self._engine)
            main_clause = fronted_phrase_end(text, sentence_start, start, end)
            self._sentence = (sentence_start, sentence_end, markers, main_clause)
        return self._sentence

    def tense(self) -> Tense:
        """Past or future, by the marker word nearest the expression in its sentence."""
        text, start, end = self._text, self._start, self._end
        if is_entry_stamp(text, start, end):
            return Tense.STAMP
        if is_chronology_heading(text, start, end):
            return Tense.FUTURE if entry_looks_ahead(text, end) else Tense.PAST
        sentence_start, _, markers, main_clause = self._read_sentence()
        if main_clause is not None:
            tense = markers.first_after(main_clause)
            if tense is not None:
                return tense
        # The verb governing a time expression usually precedes it ("said
        # Friday", "will meet on Thursday"), so the nearest marker on the left
        # decides; failing that the nearest on the right. A subordinate clause
        # has its own verb: in "hoped she would bring aid, where the Aug. 7
        # blasts killed 257" the future marker is not Aug. 7's, so the clause
        # is searched first.
        clause_start = sentence_start
        for boundary in _CLAUSE_START.finditer(text, sentence_start, start):
            clause_start = boundary.end()
        for lower_bound in (clause_start, sentence_start):
            tense = markers.nearest_before(lower_bound, start) or markers.first_after(end)
            if tense is not None:
                return tense
        return Tense.UNKNOWN

    def settled_direction(self) -> Direction | None:
        """Where a month or day without a year lies when its clause dates
        something already over, beyond a past marker somewhere near it: the
        end of a completed period ("the fiscal year ended Jan. 31") is
        before the DCT (PAST); a fronted phrase whose main clause is past ("In
        January, American Medical brought in a new chief"; "As of 26 April,
        Mexico has reported ...") is too, give or take the days a publication
        date may lag its text (OVER). None when the clause does not say: a
        plain past cue does not ("said it will pay Dec. 7"), nor, on news
        outside TBAQ, a past verb before "in"/"on" ("... maybe eliminated in
        favour of an appearance on November 16"; tried and dropped)."""
        text, start = self._text, self._start
        if _ENDED_BEFORE.search(text, max(0, start - _ENDED_REACH), start):
            return Direction.PAST
        _, _, markers, main_clause = self._read_sentence()
        if main_clause is not None and markers.first_after(main_clause) is Tense.PAST:
            return Direction.OVER
        return None

    def deadline_direction(self) -> Direction | None:
        """FUTURE for a month or day without a year after "by", "until" or
        "before" unless a past perfect dates something done ahead of it: a
        deadline is mostly still to come ("deals for 90m doses by December"
        in May is this December, not last). None when there is no deadline."""
        text, start = self._text, self._start
        if not _DEADLINE_BEFORE.search(text, max(0, start - _DEADLINE_REACH), start):
            return None
        sentence_start = self._read_sentence()[0]
        if _PAST_PERFECT.search(text, sentence_start, start):
            return None
        return Direction.FUTURE


class _SentenceMarkers:
    """The tense markers of one sentence, scanned only as far as asked.

    Most expressions are decided by a marker before them, so the scan stops
    at the first marker past the expression instead of running to the end of
    the sentence. The answers are those of scanning the whole sentence with
    each marker regex (same start and end, so the same matches): a word that
    is both ("scheduled") counts as future, and a past marker inside a future
    one ("will be held") is ignored.
    """

    def __init__(self, text: str, sentence_start: int, sentence_end: int, engine: MarkerSource):
        self._scans = {
            Tense.FUTURE: engine.future_markers.finditer(text, sentence_start, sentence_end),
            Tense.PAST: engine.past_markers.finditer(text, sentence_start, sentence_end),
        }
        self._spans: dict[Tense, list[tuple[int, int]]] = {Tense.FUTURE: [], Tense.PAST: []}

    def _scan_one(self, tense: Tense) -> bool:
        """Find the next marker of ``tense``; False when there is none."""
        marker = next(self._scans[tense], None)
        if marker is None:
            return False
        self._spans[tense].append(marker.span())
        return True

    def _scan_to(self, tense: Tense, position: int) -> list[tuple[int, int]]:
        """The markers of ``tense`` found so far, having scanned up to one
        that begins at ``position`` or later (or to the end)."""
        spans = self._spans[tense]
        while (not spans or spans[-1][0] < position) and self._scan_one(tense):
            pass
        return spans

    def _inside_future(self, position: int) -> bool:
        """Whether a future marker covers ``position`` (futures up to it are scanned)."""
        return any(begin <= position < stop for begin, stop in self._spans[Tense.FUTURE])

    def nearest_before(self, lower_bound: int, position: int) -> Tense | None:
        """The tense of the marker in ``[lower_bound, position)`` ending last."""
        best: tuple[int, int] | None = None  # (end, 1 for future: it wins a tie)
        for begin, stop in self._scan_to(Tense.FUTURE, position):
            if lower_bound <= begin and stop <= position:
                best = max(best or (stop, 1), (stop, 1))
        for begin, stop in self._scan_to(Tense.PAST, position):
            if lower_bound <= begin and stop <= position and not self._inside_future(begin):
                best = max(best or (stop, 0), (stop, 0))
        if best is None:
            return None
        return Tense.FUTURE if best[1] else Tense.PAST

    def first_after(self, position: int) -> Tense | None:
        """The tense of the first marker beginning at ``position`` or later."""
        futures = self._scan_to(Tense.FUTURE, position)
        future = next((begin for begin, _ in futures if begin >= position), None)
        pasts = self._scan_to(Tense.PAST, position)
        index = next((i for i, (begin, _) in enumerate(pasts) if begin >= position), len(pasts))
        while index < len(pasts) or self._scan_one(Tense.PAST):
            begin = pasts[index][0]
            if future is not None and begin >= future:
                break
            if not self._inside_future(begin):
                return Tense.PAST
            index += 1
        return Tense.FUTURE if future is not None else None
