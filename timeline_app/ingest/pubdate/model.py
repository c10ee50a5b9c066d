"""The evidence model behind publication-date inference: P(article's date cues | published on D).

Each cue (``date_cues``) contributes an independent likelihood term; the terms
are round numbers chosen from how news is written and checked against the
distributions of cue-to-publication distances in the development corpora
(wikinews, timeline17), not fitted per corpus or article:

* an explicit day in a past sentence lies within about a week before D in
  the lead or a photo caption, anywhere in the past otherwise; in a future
  sentence mostly after D; a deadline ("due March 1, 2011") far after it; a
  post time stamp ("April 3, 2011 at 7:03 pm") on or shortly after D
  (comments follow the article);
* a month with its year the same, at month resolution;
* a bare year in a past sentence is D's year or one to a few before (news
  leaves the current year unsaid as often as not); in a future sentence D's
  year or a few after; in the present perfect or with "so far" D's year;
* the first weekday in the lead is D in about 60% of articles, the day before
  in 25%;
* a relative phrase ("last year", "earlier this month", "yesterday") that,
  resolved against D, lands on a period the article also names explicitly
  makes D likelier: articles talk about a few periods, naming them both ways.

No single mention may cost more than ``PROBABILITY_FLOOR``: one odd date (a typo,
a historical aside) must not outweigh the rest of the article. Identical
mentions count once: a date repeated twenty times is one piece of evidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline_app.ingest.pubdate.cues import (
    Cues,
    DayMention,
    MonthMention,
    RelativeMention,
    WeekdayMention,
    YearMention,
    scan_cues,
)

# Share of the lead weekday's probability by its distance back from D (0 = same
# day, 1 = the day before, 6 = the day after); the rest is spread evenly.
LEAD_WEEKDAY_SHARE = {0: 0.58, 1: 0.25, 6: 0.05}
LEAD_WEEKDAY_OTHER = (1.0 - sum(LEAD_WEEKDAY_SHARE.values())) / 4
# Explicit days: how much of a mention's probability lies after D, by context.
FUTURE_MASS = {False: 0.08, True: 0.6}
TERM_FUTURE_MASS, TERM_SCALE_DAYS = 0.7, 1000.0
# Of past mentions, the share within about a week of D: for caption dates and
# year-less days in the lead (True), and for every other date (False).
RECENT_SHARE = {True: 0.85, False: 0.15}
RECENT_SCALE_DAYS = 7.0
FUTURE_SCALE_DAYS = 45.0
DISTANT_PAST_DAYS = 3650.0
# Time stamps: mostly on or after D (comments), a few before (edits, quotes).
STAMP_AFTER_MASS, STAMP_SCALE_DAYS = 0.9, 10.0
# How much likelier a relative phrase lands on a period the article also names
# when read against the true publication date than against a wrong one, by
# (unit, offset). Rounded from the development corpora, where "this month",
# "last month" and "this week" coincide with named dates three times as often
# under the true date, "this year"/"last year" half again as often; "yesterday",
# "last week" and the "next" phrases showed no such tie, so they count nothing.
RELATIVE_MATCH_FACTOR = {
    ("month", 0): 3.0,
    ("month", -1): 3.0,
    ("week", 0): 2.0,
    ("year", 0): 1.5,
    ("year", -1): 1.5,
}
# Only this much of a text is read for clues: news articles are far shorter, and
# a pasted book must not stall an import.
MAX_TEXT_CHARACTERS = 60_000
LEAD_SENTENCES = 3  # the lead: the opening sentences (title and caption included) ...
LEAD_CHARACTERS = 700  # ... but no further than this
PROBABILITY_FLOOR = 1e-6
PAST_REACH_YEARS = 4  # how many years after a past date publication is still weighed
# Years written in past sentences are history more often than not (in timeline17
# most lie six or more years back): the tail of old years stays this likely.
HISTORY_YEAR_PROBABILITY = 0.01
WRONG_WEEKDAY_FACTOR = 0.02  # "Saturday, March 19" read in a year where it is a Tuesday


def day_probability(
    delta_days: int, future: bool, in_lead: bool = False, since: bool = False
) -> float:
    """P(a day mention lies ``delta_days`` from D); negative = before D."""
    if since:  # a lower bound: before D, anywhere in the past
        return 1.0 / DISTANT_PAST_DAYS if delta_days <= 0 else 0.01 / DISTANT_PAST_DAYS
    after = FUTURE_MASS[future]
    if delta_days <= 0:
        share = RECENT_SHARE[in_lead]
        recent = share * math.exp(delta_days / RECENT_SCALE_DAYS) / RECENT_SCALE_DAYS
        return (1 - after) * (recent + (1 - share) / DISTANT_PAST_DAYS)
    return after * math.exp(-delta_days / FUTURE_SCALE_DAYS) / FUTURE_SCALE_DAYS


def term_probability(delta_days: int) -> float:
    """A deadline or term ("due March 1, 2011", "year ending June 30"): often years ahead."""
    if delta_days > 0:
        return TERM_FUTURE_MASS * math.exp(-delta_days / TERM_SCALE_DAYS) / TERM_SCALE_DAYS
    return (1 - TERM_FUTURE_MASS) * math.exp(delta_days / 365.0) / 365.0


def stamp_probability(delta_days: int) -> float:
    """A post or comment time stamp: on the publication day or in the days after."""
    if delta_days >= 0:
        return STAMP_AFTER_MASS * math.exp(-delta_days / STAMP_SCALE_DAYS) / STAMP_SCALE_DAYS
    return (1 - STAMP_AFTER_MASS) * math.exp(delta_days / 3.0) / 3.0


def month_probability(months_after: int, future: bool, since: bool = False) -> float:
    """P(a month-with-year mention lies ``months_after`` months after D's month).

    News names the current month without its year ("this month", "in June"),
    so a month written with its year in a past sentence is mostly history
    (in the corpora four in five lie more than a year back) and almost never
    the current month: it bounds D from below more than it places it.
    """
    if since:
        return 1 / 120 if months_after <= 0 else 0.01 / 120
    after = FUTURE_MASS[future]
    if months_after <= 0:
        recent = 0.005 if months_after == 0 else (0.15 / 12 if months_after >= -12 else 0.0)
        return (1 - after) * (recent + 0.8 / 120)
    return after * 0.1 * 0.9 ** (months_after - 1)  # spread over the coming year or so


def year_probability(difference: int, mention: YearMention) -> float:
    """P(a bare year is ``difference`` years after D's year), by its sentence's tense.

    In the corpora, years in past sentences are D's year or the one or two
    before about as often as older ones (history); later years in "past"
    sentences are tense misreadings ("by 2020"), so they keep a little weight.
    """
    if mention.since:
        return 0.08 if difference <= 0 else 0.005
    if mention.future:
        if difference < 0:
            return 0.03
        return (
            (0.15, 0.2, 0.15, 0.1)[difference] if difference < 4 else 0.1 * 0.8 ** (difference - 3)
        )
    if mention.current:
        return {0: 0.6, -1: 0.1}.get(difference, 0.02)
    if difference > 0:
        return 0.04 * 0.5 ** (difference - 1)
    if difference > -3:
        return (0.1, 0.12, 0.1)[-difference]
    return max(0.09 * 0.85 ** (-difference - 3), HISTORY_YEAR_PROBABILITY)


def lead_weekday_probability(candidate: date, weekday: int) -> float:
    back = (candidate.weekday() - weekday) % 7
    return LEAD_WEEKDAY_SHARE.get(back, LEAD_WEEKDAY_OTHER)


def _unique(items, key):  # type: ignore[no-untyped-def]
    seen: set[object] = set()
    kept = []
    for item in items:
        marker = key(item)
        if marker not in seen:
            seen.add(marker)
            kept.append(item)
    return tuple(kept)


@dataclass(frozen=True, slots=True)
class Evidence:
    """An article's date cues, deduplicated, and where its lead ends."""

    cues: Cues
    lead_weekday: WeekdayMention | None
    lead_end: int  # offset where the lead (opening sentences) ends
    days: tuple[DayMention, ...]
    months: tuple[MonthMention, ...]
    years: tuple[YearMention, ...]
    relatives: tuple[RelativeMention, ...]
    month_cache: dict[tuple[int, int], float] = field(default_factory=dict, compare=False)

    @classmethod
    def from_text(cls, text: str, title: str = "") -> Evidence:
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
        days = _unique(
            cues.days,
            lambda d: (d.month, d.day, d.year, d.weekday, d.future, d.since, d.caption,
                       d.term, d.stamp, d.year is None and d.start < lead_end),
        )  # fmt: skip
        months = _unique(cues.months, lambda m: (m.month, m.year, m.future, m.since))
        years = _unique(cues.years, lambda y: (y.year, y.future, y.since, y.current))
        relatives = _unique(
            (r for r in cues.relatives if (r.unit, r.offset) in RELATIVE_MATCH_FACTOR),
            lambda r: (r.unit, r.offset),
        )
        return cls(cues, lead, lead_end, days, months, years, relatives)

    def is_empty(self) -> bool:
        """No day, month or year to reason from (weekdays and "yesterday" alone fix no date)."""
        return not (self.days or self.months or self.years)

    def year_pool(self, bare_years: bool = False) -> set[int]:
        """Years a day written without one ("on Aug. 7") may be read in.

        Full dates propose them: one in a past sentence its year and the next, in
        a future sentence its year and the one before. Bare years only do when
        ``bare_years`` is set (completing a dateline, or when the article names
        no full date): years written out are often history, so reading a day in
        them is a weaker guess. (They always weigh in the scoring.)
        """
        pool: set[int] = set()
        for day in self.days:
            if day.year is not None and not day.since and not day.term:
                pool.update((day.year - 1, day.year) if day.future else (day.year, day.year + 1))
        if bare_years:  # history, so the current year is often a year or two later
            for year in self.years:
                if not year.future and not year.since:
                    pool.update((year.year, year.year + 1, year.year + 2))
        return pool

    def candidate_years(self) -> set[int]:
        """Every year the evidence leaves plausible for publication.

        A past date may be history, written years before: past mentions open
        the years up to ``PAST_REACH_YEARS`` later, so that "published long
        after" is weighed against "published soon after" rather than ignored.
        """
        years: set[int] = set()
        reach = range(PAST_REACH_YEARS + 1)
        dated = [(d.year, d.future, d.since or d.term) for d in self.days if d.year is not None]
        dated += [(m.year, m.future, m.since) for m in self.months]
        for year, future, bound in dated:
            if not bound:  # tense is read from cue words: a "future" date may be past
                years.update(range(year - 2, year + 3) if future else (year + o for o in reach))
        for mention in self.years:
            if mention.since:
                continue
            if mention.future:
                years.update(range(mention.year - 3, mention.year + 2))
            elif mention.current:
                years.add(mention.year)
            else:
                years.update(mention.year + offset for offset in reach)
        return years

    def anchors(self) -> set[date]:
        """Explicit past days after which publication is searched day by day.

        Days in future sentences, terms and "since" bounds say little about when
        the article was written; time stamps are anchors too (the publication
        lies shortly before them, see ``STAMP_WINDOW``).
        """
        pool = self.year_pool() or self.year_pool(bare_years=True)
        anchors: set[date] = set()
        for mention in self.days:
            if mention.since or mention.future or mention.term:
                continue
            years = [mention.year] if mention.year is not None else sorted(pool)
            for year in years:
                resolved = mention.resolved(year)
                if resolved is not None:
                    anchors.add(resolved)
        return anchors

    def log_likelihood(self, candidate: date, stands_for_week: bool = False) -> float:
        """log P(evidence | published on ``candidate``).

        A candidate that ``stands_for_week`` (a weekly grid point) takes the
        lead weekday's probability averaged over its week: grid points all fall
        on one weekday, which must not favour or penalise the whole grid.
        """
        total = 0.0
        for mention in self.days:
            in_lead = mention.caption if mention.year is not None else mention.start < self.lead_end
            probability = best_day_probability(mention, candidate, in_lead)[0]
            total += math.log(max(probability, PROBABILITY_FLOOR))
        total += self._month_and_year_terms(candidate.year, candidate.month)
        if self.lead_weekday is not None:
            total += (
                math.log(1 / 7)
                if stands_for_week
                else math.log(lead_weekday_probability(candidate, self.lead_weekday.weekday))
            )
        for relative in self.relatives:
            if self.relative_matches(relative, candidate):
                total += math.log(RELATIVE_MATCH_FACTOR[relative.unit, relative.offset])
        return total

    def _month_and_year_terms(self, year: int, month: int) -> float:
        """The month and year mentions' log-likelihood, the same for a whole month (cached)."""
        key = (year, month)
        cached = self.month_cache.get(key)
        if cached is not None:
            return cached
        total = 0.0
        candidate_month = year * 12 + month - 1
        for mention in self.months:
            difference = mention.year * 12 + mention.month - 1 - candidate_month
            probability = month_probability(difference, mention.future, mention.since)
            total += math.log(max(probability, PROBABILITY_FLOOR))
        for mention in self.years:
            probability = year_probability(mention.year - year, mention)
            total += math.log(max(probability, PROBABILITY_FLOOR))
        self.month_cache[key] = total
        return total

    def relative_matches(self, relative: RelativeMention, candidate: date) -> bool:
        """Whether ``relative`` read against ``candidate`` names a period the text also names."""
        if relative.unit == "year":
            target = candidate.year + relative.offset
            return any(y.year == target for y in self.years if not y.since) or any(
                m.year == target for m in self.months
            ) or any(d.year == target for d in self.days)  # fmt: skip
        if relative.unit == "month":
            index = candidate.year * 12 + candidate.month - 1 + relative.offset
            year, month = divmod(index, 12)
            return any(m.year == year and m.month == month + 1 for m in self.months) or any(
                d.month == month + 1 and d.year in (None, year) for d in self.days
            )
        if relative.unit == "week":
            monday = (
                candidate - timedelta(days=candidate.weekday()) + timedelta(weeks=relative.offset)
            )
            return any(
                (resolved := best_day_probability(d, candidate)[1]) is not None
                and 0 <= (resolved - monday).days < 7
                for d in self.days
            )
        target_day = candidate + timedelta(days=relative.offset)
        return any(best_day_probability(d, candidate)[1] == target_day for d in self.days)

    def latest_past_day(self, candidate: date) -> tuple[date, DayMention] | None:
        """The latest explicit day, in a past sentence, on or before ``candidate``."""
        best: tuple[date, DayMention] | None = None
        for mention in self.days:
            if mention.future or mention.since or mention.term:
                continue
            resolved = best_day_probability(mention, candidate)[1]
            if resolved is not None and resolved <= candidate and (not best or resolved > best[0]):
                best = (resolved, mention)
        return best


def best_day_probability(
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
    # Start below zero: a reading whose probability underflows to 0.0 (a date
    # decades away) is still the reading, and must cost the floor, not nothing.
    best: tuple[float, date | None] = (-1.0, None)
    for year in years:
        resolved = mention.resolved(year)
        if resolved is None:
            continue
        delta = (resolved - candidate).days
        if mention.stamp:
            probability = stamp_probability(delta)
        elif mention.term:
            probability = term_probability(delta)
        else:
            probability = day_probability(delta, mention.future, in_lead, mention.since)
        if mention.weekday is not None and resolved.weekday() != mention.weekday:
            probability *= WRONG_WEEKDAY_FACTOR
        if probability > best[0]:
            best = (probability, resolved)
    return best if best[1] is not None else (1.0, None)
