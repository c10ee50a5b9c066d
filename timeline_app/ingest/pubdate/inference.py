"""Publication dates: read from a dateline, or inferred from the article's own words.

Every relative expression ("on Monday", "last week") is resolved against the
publication date, so getting it right matters more than any single rule. When an
article has no date in its metadata the importer asks, in order:

1. ``find_dateline(text)``: a wire dateline in the opening lines. One without a
   year ("BAGHDAD, Jan. 8 (Reuters) -") has it completed from the article's
   other dates, choosing the year that best explains them.
2. ``infer_publication_date(text, title)``: reasoning over the whole article.

Inference weighs candidate days D by how probable the article's evidence
(``date_cues.scan_cues``) is if it was published on D (the model lives in
``pubdate_model``): explicit dates in past sentences lie shortly or long before
D, in future sentences after it; the first weekday in the lead is usually D or
the day before; bare years are mostly history, but a year in the present
perfect ("has sold more in 2005") is the current one; "last month", "earlier
this month" or "this week" that coincide with a date the article names make
that reading of D likelier; post time stamps ("April 4, 2011 at 7:03 pm")
follow D. Candidates are every day near the explicit dates plus a weekly grid
over the years the evidence allows, refined to single days where the evidence
concentrates; "published in some later year the text never names" is weighed
too, and counts against the confidence of every answer.

Rather than abstain, inference answers whenever the article names any date,
month or year, and says how coarse the answer is: an undated article leaves
every relative expression unresolved and off the timeline, while a flagged
best guess places them roughly and can be corrected (``set-date``). The chosen
day is the likeliest one; when the evidence is flat (e.g. only a year) it is
the middle of the likeliest year. ``confidence`` is the model's probability
that the truth lies within a week of it; when that is under one half the
reason says so ("rough guess from ...: 2009 fits best, month and day are a
guess", or "... but it may have been written well after"). It returns None only when
the text names no date, month or year at all, or only "since" bounds and
deadlines ("due March 1, 2011"), which say nothing of when it was written.
Nothing here reads today's clock.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from datetime import date, timedelta

from timeline_app.articles import PublishedSource
from timeline_app.ingest.pubdate.dateline import WEEKDAYS, parse_dateline, safe_date
from timeline_app.ingest.pubdate.model import Evidence

__all__ = ["DateFinding", "find_dateline", "find_publication_date", "infer_publication_date"]


@dataclass(frozen=True, slots=True)
class DateFinding:
    """A publication date, where it came from, why, and how sure we are (0..1)."""

    date: date
    source: PublishedSource
    reason: str
    confidence: float


def format_day(day: date) -> str:
    """'Sat 6 Jan 2024': short, unambiguous, and shows the weekday the reasoning used."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {day:%b} {day.year}"


# How far after an explicit date publication is searched day by day, and after
# how many of the latest such dates (publication follows the latest; this bounds
# the work on very long texts). Time stamps follow publication instead.
WINDOW_BEFORE, WINDOW_AFTER = 1, 14
STAMP_WINDOW = 14
MAX_ANCHORS = 24
# Elsewhere in the plausible years candidates are a week apart, each standing
# for its week; the most probable region is then refined to single days.
GRID_STEP_DAYS = 7
MAX_CANDIDATE_YEARS = 12  # the latest ones: publication follows what is said
REFINE_DAYS = 10
# "Published in some later year the text never names": weighed over this many
# years after the last candidate year, one sample per step.
UNSAID_YEARS, UNSAID_STEP_DAYS = 10, 61
WEEK_RADIUS = 7  # "within a week": what the confidence is the probability of
COARSE_WORTH = 0.1
EXACT_WORTH = 10.0
MAX_CONFIDENCE = 0.9  # an inference is never as sure as a written date


@dataclass(frozen=True, slots=True)
class _Posterior:
    """Candidate days with their posterior mass, in date order."""

    days: tuple[date, ...]
    mass: tuple[float, ...]
    exact: frozenset[date]  # evaluated day by day (the rest stand for a week)

    @classmethod
    def from_scores(
        cls,
        scores: dict[date, tuple[float, int]],
        exact: set[date],
        unsaid: list[tuple[float, int]] = (),  # type: ignore[assignment]
    ) -> _Posterior:
        """Normalise; ``unsaid`` scores share the total but can never be chosen."""
        days = sorted(scores)
        top = max(score for score, _ in (*scores.values(), *unsaid))
        weights = [math.exp(scores[day][0] - top) * scores[day][1] for day in days]
        total = sum(weights) + sum(math.exp(score - top) * weight for score, weight in unsaid)
        return cls(tuple(days), tuple(w / total for w in weights), frozenset(exact))

    def mass_within(self, day: date, radius: int) -> float:
        ordinals = [d.toordinal() for d in self.days]
        low = bisect.bisect_left(ordinals, day.toordinal() - radius)
        high = bisect.bisect_right(ordinals, day.toordinal() + radius)
        return sum(self.mass[low:high])

    def mass_where(self, keep) -> float:  # type: ignore[no-untyped-def]
        return sum(m for d, m in zip(self.days, self.mass, strict=True) if keep(d))

    def best_day(self) -> date:
        """The day with the most expected worth to a reader.

        Worth counts being exactly right (``EXACT_WORTH`` times over, so the
        likeliest day wins whenever the evidence singles one out), within a
        week, and (weighted down by ``COARSE_WORTH``) in the right month and
        year: each resolves some relative expressions. With evidence that only
        tells the year, that is the likeliest year, and within it the day
        nearest the year's posterior median, which minimises the expected error.
        """
        ordinals = [d.toordinal() for d in self.days]
        prefix = [0.0]
        for value in self.mass:
            prefix.append(prefix[-1] + value)
        by_year = self._mass_by(lambda day: day.year, 365)
        by_month = self._mass_by(lambda day: (day.year, day.month), 30)
        medians = self._medians_by_year()
        best_key: tuple[float, int] | None = None
        best_day = self.days[0]
        for index, (day, ordinal) in enumerate(zip(self.days, ordinals, strict=True)):
            low = bisect.bisect_left(ordinals, ordinal - WEEK_RADIUS)
            high = bisect.bisect_right(ordinals, ordinal + WEEK_RADIUS)
            per_day = self.mass[index] / (1 if day in self.exact else GRID_STEP_DAYS)
            worth = (
                EXACT_WORTH * per_day
                + prefix[high]
                - prefix[low]
                + COARSE_WORTH * (by_month[day.year, day.month] + by_year[day.year])
            )
            key = (round(worth, 6), -abs(ordinal - medians[day.year]))
            if best_key is None or key > best_key:
                best_key, best_day = key, day
        return best_day

    def _mass_by(self, period, length: int) -> dict:  # type: ignore[no-untyped-def]
        """Posterior mass per period, as density times ``length`` days.

        Summing samples directly would favour months that happen to hold five
        weekly grid points over those holding four.
        """
        mass: dict[object, float] = {}
        days: dict[object, int] = {}
        for day, value in zip(self.days, self.mass, strict=True):
            key = period(day)
            mass[key] = mass.get(key, 0.0) + value
            days[key] = days.get(key, 0) + (1 if day in self.exact else GRID_STEP_DAYS)
        return {key: mass[key] / days[key] * length for key in mass}

    def _medians_by_year(self) -> dict[int, int]:
        """The ordinal of the posterior median within each year."""
        totals: dict[int, float] = {}
        for day, mass in zip(self.days, self.mass, strict=True):
            totals[day.year] = totals.get(day.year, 0.0) + mass
        medians: dict[int, int] = {}
        running: dict[int, float] = {}
        for day, mass in zip(self.days, self.mass, strict=True):
            running[day.year] = running.get(day.year, 0.0) + mass
            if day.year not in medians and running[day.year] >= totals[day.year] / 2:
                medians[day.year] = day.toordinal()
        return medians


def _score(evidence: Evidence, days: set[date], weight: int, scores: dict) -> None:  # type: ignore[type-arg]
    for day in days:
        if day not in scores:
            scores[day] = (evidence.log_likelihood(day, stands_for_week=weight > 1), weight)


def _posterior(evidence: Evidence) -> _Posterior | None:
    anchors = sorted(evidence.anchors())[-MAX_ANCHORS:]
    stamps = {d.resolved() for d in evidence.days if d.stamp and d.year is not None}
    exact: set[date] = set()
    for anchor in anchors:
        if anchor in stamps:
            exact.update(anchor - timedelta(days=back) for back in range(STAMP_WINDOW + 1))
        else:
            exact.update(
                anchor + timedelta(days=o) for o in range(-WINDOW_BEFORE, WINDOW_AFTER + 1)
            )
    years = sorted(evidence.candidate_years() | {d.year for d in exact})[-MAX_CANDIDATE_YEARS:]
    exact = {d for d in exact if years and d.year >= years[0]}
    covered = {day.toordinal() + o for day in exact for o in range(-3, 4)}
    grid = {
        day
        for year in years
        for offset in range(3, 366, GRID_STEP_DAYS)
        if (day := date(year, 1, 1) + timedelta(days=offset)).year == year
        and day.toordinal() not in covered
    }
    if not exact and not grid:
        return None
    scores: dict[date, tuple[float, int]] = {}
    _score(evidence, exact, 1, scores)
    _score(evidence, grid, GRID_STEP_DAYS, scores)
    unsaid = _unsaid_scores(evidence, max(years))
    coarse = _Posterior.from_scores(scores, exact, unsaid)
    # Refine: single days around the densest week replace the grid points there.
    focus = coarse.best_day()
    refined = {focus + timedelta(days=o) for o in range(-REFINE_DAYS, REFINE_DAYS + 1)}
    for day in list(scores):
        if day in grid and abs((day - focus).days) <= REFINE_DAYS - 3:
            del scores[day]
    _score(evidence, refined - set(scores), 1, scores)
    return _Posterior.from_scores(scores, exact | refined, unsaid)


def _unsaid_scores(evidence: Evidence, last_year: int) -> list[tuple[float, int]]:
    """The evidence under publication in the years after all it names.

    Articles often name only older dates (history, last year's events) while
    their own year goes unsaid. That alternative cannot be answered (no day in
    it is better than another), but its probability must count against every
    answer's confidence: it is the honest share of "we cannot tell".
    """
    start = date(last_year + 1, 1, 1)
    samples = range(0, UNSAID_YEARS * 365, UNSAID_STEP_DAYS)
    return [
        (evidence.log_likelihood(start + timedelta(days=d), stands_for_week=True), UNSAID_STEP_DAYS)
        for d in samples
    ]


def _rank(scored: dict[date, float], prefer_later: bool = False) -> list[tuple[float, date]]:
    """Candidates with their posterior share, best first (ties: the earlier day, or later)."""
    if not scored:
        return []
    top = max(scored.values())
    weights = [(math.exp(score - top), day) for day, score in scored.items()]
    total = sum(weight for weight, _ in weights)
    ranked = [(weight / total, day) for weight, day in weights]
    ranked.sort(
        key=lambda item: (
            -round(item[0], 9),
            -item[1].toordinal() if prefer_later else item[1].toordinal(),
        )
    )
    return ranked


# ----------------------------------------------------------------- public functions


def find_dateline(text: str) -> DateFinding | None:
    """The date of a news dateline in the opening lines, or None.

    A dateline without a year takes the year, among those the article's dates,
    months and years leave plausible, under which they and the lead weekday are
    likeliest; with no year anywhere in the article the dateline is not enough
    and None is returned.
    """
    dateline = parse_dateline(text)
    if dateline is None:
        return None
    quoted = f"dateline '{_shorten(dateline.text)}'"
    if dateline.year is not None:
        day = date(dateline.year, dateline.month, dateline.day)
        if dateline.weekday is not None and dateline.weekday != day.weekday():
            reason = f"{quoted}; but {format_day(day)} is not a {WEEKDAYS[dateline.weekday]}"
            return DateFinding(day, PublishedSource.DATELINE, reason, 0.6)
        return DateFinding(day, PublishedSource.DATELINE, quoted, 0.95)
    evidence = Evidence.from_text(text)
    years = evidence.candidate_years()
    candidates = {
        day
        for year in years
        if (day := safe_date(year, dateline.month, dateline.day)) is not None
        and (dateline.weekday is None or day.weekday() == dateline.weekday)
    }
    # On a tie the later year wins: the article names last year's events and
    # leaves the current year unsaid more often than the reverse.
    ranked = _rank({day: evidence.log_likelihood(day) for day in candidates}, prefer_later=True)
    if not ranked:
        return None
    share, day = ranked[0]
    reason = f"{quoted}; year {day.year} fits the article's other dates best -> {format_day(day)}"
    return DateFinding(day, PublishedSource.DATELINE, reason, round(0.85 * share, 3))


def infer_publication_date(text: str, title: str = "") -> DateFinding | None:
    """Infer when an undated article was published from its own time expressions.

    Answers whenever the text names a date, a month with its year, or a year,
    with a reason that says how coarse the answer is and a ``confidence`` (the
    model's probability that the truth is within a week of the answer). None
    only when there is nothing to go on.
    """
    evidence = Evidence.from_text(text, title)
    if evidence.is_empty():
        return None
    posterior = _posterior(evidence)
    if posterior is None:
        return None
    day = posterior.best_day()
    within_week = posterior.mass_within(day, WEEK_RADIUS)
    confidence = round(MAX_CONFIDENCE * within_week, 3)
    reason = _reason(evidence, posterior, day, within_week)
    return DateFinding(day, PublishedSource.INFERRED, reason, confidence)


def find_publication_date(text: str, title: str = "") -> DateFinding | None:
    """Dateline first, then inference: what an importer without metadata should call."""
    return find_dateline(text) or infer_publication_date(text, title)


# ----------------------------------------------------------------- reasons

# Below this probability of being within a week, the reason says the day is a guess.
DAY_LEVEL_SHARE = 0.5


def _reason(evidence: Evidence, posterior: _Posterior, day: date, within_week: float) -> str:
    if within_week >= DAY_LEVEL_SHARE:
        return "; ".join(_day_parts(evidence, day)) + f" -> {format_day(day)}"
    latest = evidence.latest_past_day(day)
    if latest is not None and (day - latest[0]).days <= WEEK_RADIUS * 2:
        parts = [*_day_parts(evidence, day), "but it may have been written well after"]
        return "; ".join(parts) + f" -> {format_day(day)}"
    summary = "; ".join(_coarse_parts(evidence, day)) or "dates named in passing"
    same_month = posterior.mass_where(lambda d: (d.year, d.month) == (day.year, day.month))
    same_year = posterior.mass_where(lambda d: d.year == day.year)
    if same_month >= DAY_LEVEL_SHARE:
        verdict = f"{day:%B %Y} fits best, the day is a guess"
    elif same_year >= DAY_LEVEL_SHARE:
        verdict = f"{day.year} fits best, month and day are a guess"
    else:
        verdict = f"no year stands out, {day.year} is the likeliest"
    return f"rough guess from {summary}: {verdict} -> {format_day(day)}"


def _day_parts(evidence: Evidence, day: date) -> list[str]:
    parts: list[str] = []
    latest = evidence.latest_past_day(day)
    if latest is not None:
        resolved, mention = latest
        if mention.year is None:
            parts.append(
                f"latest date mentioned '{_shorten(mention.text)}' = {format_day(resolved)}"
            )
        else:
            parts.append(f"latest explicit date {format_day(resolved)}")
    stamps = sorted(
        resolved
        for mention in evidence.days
        if mention.stamp and (resolved := mention.resolved()) is not None and resolved >= day
    )
    if stamps and (stamps[0] - day).days <= STAMP_WINDOW:
        parts.append(f"earliest post time stamp {format_day(stamps[0])}")
    lead = evidence.lead_weekday
    if lead is not None:
        back = (day.weekday() - lead.weekday) % 7
        if back == 0:
            parts.append(f"'{lead.text}' in the lead")
        elif back == 1:
            parts.append(f"'{lead.text}' in the lead, reported the day after")
        else:
            parts.append(f"'{lead.text}' in the lead does not fit the dates")
    else:
        parts.append("no weekday in the lead")
    parts.extend(_relative_parts(evidence, day))
    return parts


def _relative_parts(evidence: Evidence, day: date) -> list[str]:
    return [
        f"'{relative.text}' fits the dates named"
        for relative in evidence.relatives
        if evidence.relative_matches(relative, day)
    ][:2]


def _coarse_parts(evidence: Evidence, day: date) -> list[str]:
    """The few cues a coarse answer rested on, as a reader would check them."""
    parts: list[str] = []
    latest = evidence.latest_past_day(day)
    if latest is not None:
        parts.append(f"latest date named '{_shorten(latest[1].text)}'")
    upcoming = [d for d in evidence.days if (d.future or d.term) and d.year is not None]
    if upcoming:
        parts.append(f"future date '{_shorten(upcoming[0].text)}'")
    if evidence.months:
        parts.append("months " + ", ".join(f"'{m.text}'" for m in evidence.months[:3]))
    if evidence.years:
        parts.append("years named " + ", ".join(_year_label(y) for y in evidence.years[:5]))
    lead = evidence.lead_weekday
    if lead is not None and day.weekday() == lead.weekday:
        parts.append(f"'{lead.text}' in the lead")
    parts.extend(_relative_parts(evidence, day))
    return parts


def _year_label(mention) -> str:  # type: ignore[no-untyped-def]
    if mention.since:
        return f"since {mention.year}"
    if mention.future:
        return f"{mention.year} (future)"
    if mention.current:
        return f"{mention.year} (ongoing)"
    return str(mention.year)


def _shorten(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
