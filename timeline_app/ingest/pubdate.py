"""Publication dates: read from a dateline, or inferred from the article's own words.

Every relative expression ("on Monday", "last week") is resolved against the
publication date, so getting it right matters more than any single rule. When an
article has no date in its metadata the importer asks, in order:

1. ``find_dateline(text)``: a wire dateline in the opening lines. One without a
   year ("BAGHDAD, Jan. 8 (Reuters) -") has it completed from the article's
   other dates, choosing the year that best explains them.
2. ``infer_publication_date(text, title)``: reasoning over the whole article.

Inference scores candidate days D (a window after each explicit date the text
mentions) by how probable the article's evidence is if it was published on D:

* explicit dates in past-tense sentences are before D, rarely after it; dates
  in future sentences ("will meet on March 5", "notes due March 1, 2011") may
  follow D. How close before D depends on how the date is written: news style
  leaves the current year out ("on Aug. 7"), so a date written with its year
  is mostly history, except in a photo caption ("... in Baghdad, Jan. 6,
  2024."), which is dated the day the picture was taken, days before D; a day
  without a year in the lead is the news itself;
* the first weekday in the lead ("Iran on Monday threw ...") is usually D itself,
  often the day before (stories filed the next morning), rarely anything else;
* bare years are mostly history (the current year goes unsaid), future
  sentences name later ones, "since 2014" any earlier one.

An article may name only old dates while its own goes unsaid, so a guess must
also beat that alternative: the evidence averaged over the candidate days has
to be ``MIN_LIKELIHOOD_RATIO`` times likelier than averaged over days in the
years after the latest date named. Otherwise no date is returned, because a
wrong date silently misplaces every relative expression of the article, while
a missing one is shown as such and can be set by the user.

The likelihoods are round numbers chosen from how news is written and checked
against the distributions seen in the development corpora (the lead weekday is
the publication day in about 60% of articles, the day before in about 25%); they
are not fitted per corpus. The result carries a human-readable reason and a
confidence (the posterior share of the chosen day among the candidates).
Nothing here reads today's clock.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from timeline_app.articles import PublishedSource
from timeline_app.ingest.dateline import (
    WEEKDAYS,
    Cues,
    DayMention,
    WeekdayMention,
    parse_dateline,
    safe_date,
    scan_cues,
)

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


# ----------------------------------------------------------------- the evidence model

# Share of the lead weekday's probability by its distance back from D (0 = same
# day, 1 = the day before, 6 = the day after); the rest is spread evenly.
LEAD_WEEKDAY_SHARE = {0: 0.58, 1: 0.25, 6: 0.05}
LEAD_WEEKDAY_OTHER = (1.0 - sum(LEAD_WEEKDAY_SHARE.values())) / 4
# Explicit days: how much of a mention's probability lies after D, by context.
FUTURE_MASS = {False: 0.08, True: 0.6}
# Of past mentions, the share within about a week of D: for caption dates and
# year-less days in the lead (True), and for every other date (False).
RECENT_SHARE = {True: 0.85, False: 0.15}
RECENT_SCALE_DAYS = 7.0
FUTURE_SCALE_DAYS = 45.0
DISTANT_PAST_DAYS = 3650.0
# How far after an explicit date publication is searched for, and after how many
# of the latest such dates (publication follows the latest; this bounds the work
# on very long texts).
WINDOW_BEFORE, WINDOW_AFTER = 1, 14
MAX_ANCHORS = 24
# Only this much of a text is read for clues: news articles are far shorter, and
# a pasted book must not stall an import.
MAX_TEXT_CHARACTERS = 60_000
LEAD_SENTENCES = 3  # the lead: the opening sentences (title and caption included) ...
LEAD_CHARACTERS = 700  # ... but no further than this
# No single mention may cost more than this probability: one odd date (a typo,
# a historical aside) must not outweigh the rest of the article.
PROBABILITY_FLOOR = 1e-6
# A guess must explain the article this many times better than "some unnamed
# later date" (sampled from UNANCHORED_FROM to _TO days after the latest anchor).
MIN_LIKELIHOOD_RATIO = 100.0
UNANCHORED_FROM_DAYS, UNANCHORED_TO_DAYS, UNANCHORED_STEP_DAYS = 60, 5 * 365, 29
WRONG_WEEKDAY_FACTOR = 0.02  # "Saturday, March 19" read in a year where it is a Tuesday


def _day_probability(
    delta_days: int, future: bool, in_lead: bool = False, since: bool = False
) -> float:
    """P(a mention lies ``delta_days`` from D); negative = before D."""
    if since:  # a lower bound: before D, anywhere in the past
        return 1.0 / DISTANT_PAST_DAYS if delta_days <= 0 else 0.01 / DISTANT_PAST_DAYS
    after = FUTURE_MASS[future]
    if delta_days <= 0:
        share = RECENT_SHARE[in_lead]
        recent = share * math.exp(delta_days / RECENT_SCALE_DAYS) / RECENT_SCALE_DAYS
        return (1 - after) * (recent + (1 - share) / DISTANT_PAST_DAYS)
    return after * math.exp(-delta_days / FUTURE_SCALE_DAYS) / FUTURE_SCALE_DAYS


def _year_probability(difference: int, future: bool, since: bool = False) -> float:
    """P(a bare year is ``difference`` years after D's year).

    A bare year is weak evidence: news style leaves the current year unsaid
    ("on Aug. 7", "this year"), so a year written out is mostly history (two or
    more years back); future sentences name D's year or later ones; "since 2003"
    names any earlier year. Tense is read from a few cue words only, so later
    years keep some probability even in "past" sentences.
    """
    if since:
        return 0.08 if difference <= 0 else 0.005
    if future:
        if difference < 0:
            return 0.03
        return 0.3 if difference <= 1 else 0.3 * 0.5 ** (difference - 1)
    if difference in (0, -1):
        return 0.08
    if difference < -1:
        return 0.1 * 0.9 ** (-difference - 2)
    return 0.1 * 0.5 ** (difference - 1)


def _lead_weekday_probability(candidate: date, weekday: int) -> float:
    back = (candidate.weekday() - weekday) % 7
    return LEAD_WEEKDAY_SHARE.get(back, LEAD_WEEKDAY_OTHER)


@dataclass(frozen=True, slots=True)
class _Evidence:
    cues: Cues
    lead_weekday: WeekdayMention | None
    lead_end: int  # offset where the lead (opening sentences) ends

    @classmethod
    def from_text(cls, text: str, title: str = "") -> _Evidence:
        text = text[:MAX_TEXT_CHARACTERS]
        combined = f"{title.strip()}\n\n{text}" if title.strip() else text
        cues = scan_cues(combined)
        lead_limit = LEAD_CHARACTERS + (len(title) if title else 0)
        sentence_limit = (
            cues.sentence_starts[LEAD_SENTENCES + (1 if title.strip() else 0)]
            if len(cues.sentence_starts) > LEAD_SENTENCES + 1
            else len(combined)
        )
        lead_end = min(lead_limit, sentence_limit)
        lead = next((w for w in cues.weekdays if not w.future and w.start < lead_end), None)
        return cls(cues, lead, lead_end)

    def year_pool(self, bare_years: bool = False) -> set[int]:
        """Years a day written without one ("on Aug. 7") may be read in.

        Full dates propose them: one in a past sentence its year and the next, in
        a future sentence its year and the one before. Bare years only do when
        ``bare_years`` is set (completing a dateline, whose day is known to be
        the publication day): news leaves the current year unsaid, so the years
        it writes out are mostly history, and an arbitrary day read in them
        would date the article years too early. (They always weigh in the
        scoring.)
        """
        pool: set[int] = set()
        for day in self.cues.days:
            if day.year is not None and not day.since:
                pool.update((day.year - 1, day.year) if day.future else (day.year, day.year + 1))
        if bare_years:  # history, so the current year is often a year or two later
            for year in self.cues.years:
                if not year.future and not year.since:
                    pool.update((year.year, year.year + 1, year.year + 2))
        return pool

    def anchors(self) -> set[date]:
        """Explicit past days after which publication is searched.

        Days in future sentences ("will step down on January 15") and "since"
        bounds say little about when the article was written, so they propose
        no candidates (they still count in the scoring).
        """
        pool = self.year_pool()
        anchors: set[date] = set()
        for mention in self.cues.days:
            if mention.since or mention.future:
                continue
            years = [mention.year] if mention.year is not None else sorted(pool)
            for year in years:
                resolved = mention.resolved(year)
                if resolved is not None:
                    anchors.add(resolved)
        return anchors

    def log_likelihood(self, candidate: date) -> float:
        total = 0.0
        for mention in self.cues.days:
            in_lead = mention.caption if mention.year is not None else mention.start < self.lead_end
            probability = _best_day_probability(mention, candidate, in_lead)[0]
            total += math.log(max(probability, PROBABILITY_FLOOR))
        for year in self.cues.years:
            probability = _year_probability(year.year - candidate.year, year.future, year.since)
            total += math.log(max(probability, PROBABILITY_FLOOR))
        if self.lead_weekday is not None:
            total += math.log(_lead_weekday_probability(candidate, self.lead_weekday.weekday))
        return total

    def latest_past_day(self, candidate: date) -> tuple[date, DayMention] | None:
        """The latest explicit day, in a past sentence, on or before ``candidate``."""
        best: tuple[date, DayMention] | None = None
        for mention in self.cues.days:
            if mention.future or mention.since:
                continue
            resolved = _best_day_probability(mention, candidate)[1]
            if resolved is not None and resolved <= candidate and (not best or resolved > best[0]):
                best = (resolved, mention)
        return best


def _best_day_probability(
    mention: DayMention, candidate: date, in_lead: bool = False
) -> tuple[float, date | None]:
    """Probability of a day mention given D; a missing year takes its likeliest value.

    A weekday written with the day ("Saturday, March 19") must agree with the
    resolved date; if it does not, that reading is nearly impossible.
    """
    years = (
        (mention.year,)
        if mention.year is not None
        else (candidate.year - 1, candidate.year, candidate.year + 1)
    )
    best: tuple[float, date | None] = (0.0, None)
    for year in years:
        resolved = mention.resolved(year)
        if resolved is None:
            continue
        delta = (resolved - candidate).days
        probability = _day_probability(delta, mention.future, in_lead, mention.since)
        if mention.weekday is not None and resolved.weekday() != mention.weekday:
            probability *= WRONG_WEEKDAY_FACTOR
        if probability > best[0]:
            best = (probability, resolved)
    return best if best[1] is not None else (1.0, None)


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

    A dateline without a year takes the year, among those the article names (and
    the one after each), under which the article's dates and lead weekday are
    likeliest; with no year anywhere in the article the dateline is not enough
    and None is returned (inference may still succeed from other cues).
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
    evidence = _Evidence.from_text(text)
    years = evidence.year_pool(bare_years=True)
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

    Needs an explicit day ("Jan. 6, 2024", or "June 15" read in the year of a
    full date) that explains the article clearly better than an unsaid later
    date; returns None otherwise rather than guess.
    """
    evidence = _Evidence.from_text(text, title)
    anchors = sorted(evidence.anchors())[-MAX_ANCHORS:]
    candidates = {
        anchor + timedelta(days=offset)
        for anchor in anchors
        for offset in range(-WINDOW_BEFORE, WINDOW_AFTER + 1)
    }
    scored = {day: evidence.log_likelihood(day) for day in candidates}
    ranked = _rank(scored)
    if not ranked:
        return None
    share, day = ranked[0]
    # Is the article better explained by publication soon after its dates than
    # by some later date it leaves unsaid? Both sides are averaged over their
    # days, so a lead weekday (matched somewhere in any fortnight) proves nothing.
    log_ratio = _log_mean_exp(scored.values()) - _unanchored_log_likelihood(evidence, anchors)
    if log_ratio < math.log(MIN_LIKELIHOOD_RATIO):
        return None  # too little evidence to prefer any day: no guess
    confidence = share / (1 + math.exp(-log_ratio))
    return DateFinding(
        day, PublishedSource.INFERRED, _reason(evidence, day), round(min(confidence, 0.95), 3)
    )


def _unanchored_log_likelihood(evidence: _Evidence, anchors: Iterable[date]) -> float:
    """How well the article is explained by a publication date well after every anchor.

    This is the alternative every guess must beat: articles often name only
    older dates (history, last year's events) while their own date goes unsaid.
    It averages the likelihood over days spread across the years that follow.
    """
    latest = max(anchors)
    samples = [
        latest + timedelta(days=days)
        for days in range(UNANCHORED_FROM_DAYS, UNANCHORED_TO_DAYS, UNANCHORED_STEP_DAYS)
    ]
    return _log_mean_exp(evidence.log_likelihood(day) for day in samples)


def _log_mean_exp(values: Iterable[float]) -> float:
    scores = list(values)
    top = max(scores)
    return top + math.log(sum(math.exp(score - top) for score in scores) / len(scores))


def find_publication_date(text: str, title: str = "") -> DateFinding | None:
    """Dateline first, then inference: what an importer without metadata should call."""
    return find_dateline(text) or infer_publication_date(text, title)


def _reason(evidence: _Evidence, day: date) -> str:
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
    return "; ".join(parts) + f" -> {format_day(day)}"


def _shorten(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
