"""The tagging pipeline: prefilter, match, normalise, resolve, anchor.

1. One tokenising scan finds trigger words (month and weekday names, digits,
   time-unit words...) and the few offsets before them where an expression
   can start; nothing else is ever matched, so plain prose costs one scan.
2. At each such offset the combined regex (``compiler.py``) is tried; matches
   do not overlap, and one won by a negative rule yields nothing.
3. The winning rule's VALUE template is rendered (``values.py``) and its
   operation resolved (``resolver.py``) against the DCT or, for narrative
   expressions ("two days later"), the last full date mentioned before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache

from timeline_app.resources import resource_path
from timeline_app.temporal.calendar import VALID_MODS, interval_of, is_well_formed, narrowed
from timeline_app.temporal.compiler import Bucket, CompiledRule, Matcher, compile_rule_set
from timeline_app.temporal.coordination import with_coordinated_days
from timeline_app.temporal.dispatch import DIGIT_START, first_character_class
from timeline_app.temporal.entry_stamps import is_entry_stamp
from timeline_app.temporal.numbered_things import without_named_numbers
from timeline_app.temporal.resolver import Anchors, Tense, literal_argument_problem, resolve
from timeline_app.temporal.rulefiles import RuleFileError, RuleKind, RuleSet, read_rule_set
from timeline_app.temporal.tense import ClauseCues, sentence_tense
from timeline_app.temporal.timex import AnchorKind, Precision, Timex, TimexType
from timeline_app.temporal.values import (
    NoValue,
    RenderContext,
    ValueSpec,
    parse_value_spec,
    render,
)

LOOKBACK_TOKENS = 5  # how many vocabulary tokens before a trigger a match may start
_TOKEN = re.compile(r"([a-z]+|\d+|['’])")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_DURATION_VALUE = re.compile(r"P(?:\d|X|T)")


@dataclass(frozen=True, slots=True)
class Engine:
    """Everything compiled from one language folder; build once, reuse."""

    rule_set: RuleSet
    matcher: Matcher
    specs: dict[str, ValueSpec]
    future_markers: re.Pattern[str]
    past_markers: re.Pattern[str]
    # What joins a bare day to the date before it ("April 24 and 25"); None
    # when the language folder has no ``coordinated_day`` pattern.
    day_joiner: re.Pattern[str] | None = None
    # The ANCHOR of each anchored-duration rule: the point "[two years] from now" reaches.
    anchor_specs: dict[str, ValueSpec] = field(default_factory=dict)


def build_engine(rule_set: RuleSet, day_first: bool = False) -> Engine:
    """Compile a rule set; raises RuleFileError naming file and line on any problem.

    ``day_first`` reads numeric dates like 01/06/2024 as 1 June (rules marked
    ``WHEN day_first``) instead of January 6 (``WHEN month_first``).
    """
    option = "day_first" if day_first else "month_first"
    rule_set = replace(rule_set, rules=tuple(r for r in rule_set.rules if r.when in ("", option)))
    matcher = compile_rule_set(rule_set)
    specs = {
        rule.rule_id: parse_value_spec(rule, rule_set.tables)
        for rule in rule_set.rules
        if rule.kind is RuleKind.POSITIVE
    }
    anchor_specs = {
        rule.rule_id: parse_value_spec(rule, rule_set.tables, rule.anchor)
        for rule in rule_set.rules
        if rule.kind is RuleKind.POSITIVE and rule.anchor
    }
    for rule in rule_set.rules:
        for spec in (specs.get(rule.rule_id), anchor_specs.get(rule.rule_id)):
            problem = spec and spec.op and literal_argument_problem(spec.op, spec.args)
            if problem:
                raise RuleFileError(rule.path, rule.line, problem)

    def markers(name: str) -> re.Pattern[str]:
        alternation = "(?:" + "|".join(rule_set.patterns[name].alternatives) + ")"
        # A lookahead for the characters a marker can begin with spares the
        # alternation at most word boundaries (it matches the same words).
        first = first_character_class(alternation)
        guard = f"(?={first})" if first else ""
        return re.compile(r"\b" + guard + alternation + r"\b", re.IGNORECASE)

    joiner = rule_set.patterns.get("coordinated_day")
    day_joiner = re.compile("|".join(joiner.alternatives), re.IGNORECASE) if joiner else None
    return Engine(
        rule_set,
        matcher,
        specs,
        markers("tense_future"),
        markers("tense_past"),
        day_joiner,
        anchor_specs,
    )


def default_engine(language: str = "en", day_first: bool = False) -> Engine:
    """The engine for the bundled rules of ``language`` (compiled once per process,
    however it is called: ``cache`` alone would build one for ``default_engine()``
    and another for ``default_engine(day_first=False)``)."""
    return _bundled_engine(language, day_first)


@cache
def _bundled_engine(language: str, day_first: bool) -> Engine:
    return build_engine(read_rule_set(resource_path("temporal", language)), day_first)


def candidate_starts(text: str, matcher: Matcher) -> list[tuple[int, Bucket]]:
    """Offsets where a time expression may start, with the rules to try there.

    Every expression contains a trigger (a word of ``triggers.txt`` or a
    number) and is made of rule vocabulary, so it starts at a trigger or at one
    of the up to ``LOOKBACK_TOKENS`` vocabulary tokens running up to it ("the
    past three [years]"), and only where some rule can start with that word.
    """
    # split() with a capturing group alternates separators and tokens, all in
    # C and with no Match objects; offsets are running sums of part lengths,
    # taken only for the few tokens near a trigger.
    parts = _TOKEN.split(text.translate(_ASCII_LOWER))
    words = parts[1::2]
    trigger_words, vocabulary, buckets = matcher.trigger_words, matcher.vocabulary, matcher.buckets
    triggers = [i for i, word in enumerate(words) if word in trigger_words or "0" <= word < ":"]
    chosen: dict[int, Bucket] = {}
    # Runs are visited left to right, each from where the last one ended (the
    # tokens before were chosen already, or were out of reach), so every
    # token is looked at once and its offset summed from the previous one.
    cursor, offset = 0, len(parts[0])  # the next token to visit, and its offset
    for index in triggers:
        first = index  # the run of vocabulary tokens up to the trigger starts here
        while first > max(index - LOOKBACK_TOKENS, cursor, 0):
            earlier = words[first - 1]
            if earlier not in vocabulary and not "0" <= earlier < ":":
                break
            first -= 1
        offset += sum(map(len, parts[2 * cursor + 1 : 2 * first + 1]))
        for position in range(first, index + 1):
            word = words[position]
            bucket = buckets.get(DIGIT_START if "0" <= word < ":" else word)
            if bucket is not None:
                chosen[offset] = bucket
            offset += len(word) + len(parts[2 * position + 2])
        cursor = index + 1
    return sorted(chosen.items(), key=lambda item: item[0])


def _as_date(dct: date | datetime | None) -> date | None:
    if isinstance(dct, datetime):
        return dct.date()
    return dct


def tag_with(engine: Engine, text: str, dct: date | datetime | None) -> list[Timex]:
    """Tag ``text`` with a given engine (``tag`` uses the bundled English one)."""
    anchor = _as_date(dct)
    found: list[Timex] = []
    narrative: tuple[date, Precision] | None = None
    reported_period: tuple[date, Precision] | None = None
    last_named: tuple[date, Precision] | None = None
    covered_until = 0
    for start, bucket in candidate_starts(text, engine.matcher):
        if start < covered_until:
            continue
        attempt = bucket.match(text, start)
        if attempt is None:
            continue
        match, compiled = attempt
        covered_until = match.end()
        if compiled.rule.kind is RuleKind.NEGATIVE:
            continue
        result = _timex_from_match(
            engine, compiled, match, text, anchor, narrative, reported_period, last_named
        )
        if result is None:
            continue
        timex, is_reference_point = result
        if compiled.rule.extent:
            # "[two years] from now": the words after the duration ("now") are
            # expressions of their own.
            covered_until = timex.end
        found.append(timex)
        if timex.interval is not None and timex.precision is not None:
            last_named = (_unmodified_start(timex), timex.precision)
        if _stamps_its_entry(timex, text):
            # A live-blog entry's stamp is the reference time of its entry.
            anchor = timex.interval.start.date()
            narrative = None
        if _is_forecast_period(timex, anchor, engine, text):
            pass
        elif is_reference_point and timex.interval is not None and timex.precision is not None:
            narrative = (_unmodified_start(timex), timex.precision)
            if timex.precision in (Precision.QUARTER, Precision.HALF):
                reported_period = narrative
        elif _is_year_to_date_period(timex):
            # "profit rose in the nine months": the report now covers the year
            # so far, so "a year earlier" means last year, not last quarter.
            year = narrative[0].year if narrative else anchor.year if anchor else None
            if year is not None:
                narrative = reported_period = (date(year, 1, 1), Precision.YEAR)
    # "UNSCR 1973" in a text that says "resolution 1973" is that resolution.
    found = without_named_numbers(text, found, engine.rule_set)
    if engine.day_joiner is not None:
        return with_coordinated_days(text, found, engine.day_joiner)
    return found


def _stamps_its_entry(timex: Timex, text: str) -> bool:
    return (
        timex.type is TimexType.TIME
        and timex.interval is not None
        and timex.anchor_kind is AnchorKind.DCT
        and is_entry_stamp(text, timex.start, timex.end)
    )


def _is_forecast_period(timex: Timex, dct: date | None, engine: Engine, text: str) -> bool:
    """Whether a timex names a reporting period that a forecast looks ahead to
    ("analysts expect losses to continue into the fourth quarter"): an aside,
    not the period the report is about, so later comparisons ("in the
    year-ago period") keep their earlier anchor. A period that has ended, or
    one named in a past-tense sentence (a fiscal quarter just reported), is
    a reference point."""
    if dct is None or timex.interval is None:
        return False
    if timex.precision not in (Precision.QUARTER, Precision.HALF):
        return False
    if timex.interval.start.date() > dct:
        return True
    return timex.interval.end.date() > dct and (
        sentence_tense(text, timex.start, timex.end, engine) is Tense.FUTURE
    )


_YEAR_TO_DATE_ARTICLE = re.compile(r"the\b", re.IGNORECASE)
_MONTHS_DURATION = re.compile(r"P([1-9]|1[01])M")


def _is_year_to_date_period(timex: Timex) -> bool:
    """Whether a duration names a definite reporting period shorter than a
    year ("the nine months", "the first six months"): financial reports use
    it for the year to date, which later comparisons are measured from."""
    return (
        timex.type is TimexType.DURATION
        and _MONTHS_DURATION.fullmatch(timex.value) is not None
        and _YEAR_TO_DATE_ARTICLE.match(timex.text) is not None
    )


def _unmodified_start(timex: Timex) -> date:
    """Start of the period a timex names, ignoring START/MID/END narrowing."""
    spanned = interval_of(timex.value)
    return spanned[0].start.date() if spanned else timex.interval.start.date()


def _timex_from_match(
    engine: Engine,
    compiled: CompiledRule,
    match: re.Match[str],
    text: str,
    dct: date | None,
    narrative: tuple[date, Precision] | None,
    reported_period: tuple[date, Precision] | None = None,
    last_named: tuple[date, Precision] | None = None,
) -> tuple[Timex, bool] | None:
    """The timex a match denotes and whether it is a reference point for the
    narrative anchoring of later expressions; None if it cannot be normalised.

    An anchored duration (a rule with ANCHOR and EXTENT: "[two years] from
    now") is the duration alone, as TimeML marks it, carrying the calendar
    interval of the point it reaches so that events keep that date."""
    rule = compiled.rule
    groups = {name: match.group(index) for name, index in compiled.groups}
    context = RenderContext(groups, engine.rule_set.tables, dct)
    start, end = match.span(compiled.group_index)
    anchors = _Anchoring(engine, text, start, end, dct, narrative, reported_period, last_named)
    try:
        value, anchor_kind, anchor_value, is_reference_point = anchors.value_of(
            engine.specs[rule.rule_id], context
        )
        mod = render(rule.mod, context) or None
        point = None
        if rule.rule_id in engine.anchor_specs:
            point, anchor_kind, anchor_value, is_reference_point = anchors.value_of(
                engine.anchor_specs[rule.rule_id], context
            )
    except (NoValue, ValueError, OverflowError):  # impossible or out-of-calendar dates
        return None
    if not is_well_formed(value) or (mod is not None and mod not in VALID_MODS):
        return None
    timex_type = rule.timex_type or TimexType.DATE
    if timex_type is TimexType.DATE and _DURATION_VALUE.match(value):
        timex_type = TimexType.DURATION  # a date rule resolved to a stretch of time
    interval, precision = None, None
    if point is not None or timex_type in (TimexType.DATE, TimexType.TIME):
        spanned = interval_of(point if point is not None else value)
        if spanned is not None:
            interval, precision = narrowed(spanned[0], mod), spanned[1]
    if rule.extent:
        start, end = match.span(dict(compiled.groups)[rule.extent])
    timex = Timex(
        start=start,
        end=end,
        text=text[start:end],
        type=timex_type,
        value=value,
        mod=mod,
        interval=interval,
        precision=precision,
        rule=rule.rule_id,
        anchor_kind=anchor_kind,
        anchor_value=anchor_value,
    )
    return timex, is_reference_point


@dataclass(frozen=True, slots=True)
class _Anchoring:
    """What a match's operations are resolved against."""

    engine: Engine
    text: str
    start: int
    end: int
    dct: date | None
    narrative: tuple[date, Precision] | None
    reported_period: tuple[date, Precision] | None
    last_named: tuple[date, Precision] | None

    def value_of(
        self, spec: ValueSpec, context: RenderContext
    ) -> tuple[str, AnchorKind, str | None, bool]:
        """A template's TIMEX3 value, what it was anchored to (kind and
        value) and whether it is a reference point for later expressions."""
        value = render(spec.suffix, context)
        if spec.op is None:
            return value, AnchorKind.NONE, None, True
        args = [render(arg, context) for arg in spec.args]
        cues = ClauseCues(self.text, self.start, self.end, self.engine)
        narrative_date, narrative_precision = self.narrative or (None, None)
        anchors = Anchors(
            self.dct,
            narrative_date,
            cues.tense,
            narrative_precision,
            self.reported_period,
            self.last_named,
            cues.settled_direction,
            cues.deadline_direction,
        )
        resolved = resolve(spec.op, args, anchors)
        # A general reference ("a few years ago" -> PAST_REF) takes no suffix.
        is_reference = resolved.value.endswith("_REF")
        value = resolved.value if is_reference else resolved.value + value
        anchor_value = resolved.anchor.isoformat() if resolved.anchor is not None else None
        return value, resolved.anchor_kind, anchor_value, resolved.is_reference_point
