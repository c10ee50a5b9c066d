"""Which way a bare weekday or month points: the cues of its own clause.

Each case failed before its cue existed (issue 11): a failure with "could
not", a refusal with "would not say", a clause after a semicolon, a fronted
time phrase that takes the tense of its main clause, a period that "ended"
on the date, a sentence not cut at "vs." or "Mr.", a quarter told in the
past (January's "fourth quarter" is last year's), "this quarter's" results
in a report, and "the previous Friday" after the day the story is at. The
UNCHANGED cases hold what must not move, some from held-out news (Wikinews,
Timeline17).
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.temporal import tag
from timeline_app.temporal.tagger import default_engine
from timeline_app.temporal.tense import sentence_bounds, settled_direction

CASES = [
    # (DCT, text, expression, value)
    ("2024-01-08", "Until Friday, the police had not named a suspect.", "Friday", "2024-01-05"),
    ("2024-01-08", "On Friday, the council will vote on the budget.", "Friday", "2024-01-12"),
    ("2024-01-08", "The minister could not be reached Wednesday.", "Wednesday", "2024-01-03"),
    ("2024-01-08", "Neither aide could be located Tuesday.", "Tuesday", "2024-01-02"),
    ("2024-01-08", "A vote could be held Tuesday.", "Tuesday", "2024-01-09"),
    ("2024-01-08", "In an interview Sunday, he would not rule out a deal.", "Sunday", "2024-01-07"),
    ("2011-03-10", "Chavez wants a good will envoy; the UN over the weekend voted.", "the weekend",
     "2011-W09-WE"),
    ("2013-11-04", "In the fiscal year ended Jan. 31, sales rose 4%.", "Jan. 31", "2013-01-31"),
    ("2013-10-25", "In January, the board brought in a new chairman.", "January", "2013-01"),
    ("2013-10-25", "In January, the board will bring in a new chairman.", "January", "2014-01"),
    ("2013-10-25", "In January, after Roe vs. Wade was cited, a bomb hit.", "January", "2013-01"),
    ("1998-01-26", "Profit fell in the fourth quarter.", "the fourth quarter", "1997-Q4"),
    ("1989-11-01", "Net fell in the third quarter. This quarter's loss", "This quarter", "1989-Q3"),
    ("1989-10-30", "Oct. 27: down from the previous Friday.", "the previous Friday", "1989-10-20"),
    # "to be" after a verb of seeming or saying reports a state (Timeline17, H1N1).
    ("2009-05-03", "The outbreak appeared to be easing on Saturday.", "Saturday", "2009-05-02"),
    ("2011-03-22", "The city was reported to be calm late Sunday.", "late Sunday", "2011-03-20"),
    # "is to be held" looks ahead: its "held" is no past marker.
    ("2009-05-03", "The summit is to be held on Saturday.", "Saturday", "2009-05-09"),
    ("2009-05-03", "Leaflets are to be sent from Tuesday.", "Tuesday", "2009-05-05"),
]  # fmt: skip

# A past verb alone does not put a month in the past: these stay the nearest one.
UNCHANGED = [
    ("2013-10-25", "The bonus would be paid on a date set in January.", "January", "2014-01"),
    ("2013-10-25", "He said the hearing is scheduled in January.", "January", "2014-01"),
    ("2013-10-25", "The company said it is calling the notes on Dec. 7.", "Dec. 7", "2013-12-07"),
    ("2013-10-25", "The offer was extended to Nov. 16.", "Nov. 16", "2013-11-16"),
    # A publication date may lag its text by a few days (Timeline17, H1N1).
    ("2009-04-25", "As of 26 April, Mexico has reported 18 cases.", "26 April", "2009-04-26"),
    ("2013-10-25", "The company said the dividend is payable Dec. 7.", "Dec. 7", "2013-12-07"),
    ("2013-10-25", "The fiscal year ending June 30 will show a loss.", "June 30", "2014-06-30"),
    # A plan in the past perfect may have been called off before its day
    # (Timeline17: "Eton had been due to re-open on Sunday", a Thursday story).
    ("2009-05-28", "The school had been due to re-open on Sunday.", "Sunday", "2009-05-31"),
    # Held-out news (Wikinews): a past verb before "on" does not settle it.
    ("2005-11-05", "It was cut in favour of a visit on November 16.", "November 16", "2005-11-16"),
    # "has announced closures during the fourth quarter" in August: this year's.
    ("2006-08-19", "Ford announced cuts in the fourth quarter.", "the fourth quarter", "2006-Q4"),
]  # fmt: skip


def value_of(dct: str, text: str, expression: str) -> str:
    found = [t.value for t in tag(text, date.fromisoformat(dct)) if t.text == expression]
    assert len(found) == 1, (text, tag(text, date.fromisoformat(dct)))
    return found[0]


@pytest.mark.parametrize(("dct", "text", "expression", "value"), CASES + UNCHANGED)
def test_the_clause_decides_the_direction(dct, text, expression, value) -> None:
    assert value_of(dct, text, expression) == value


def test_a_title_before_a_name_does_not_end_the_sentence() -> None:
    text = "He met Mr. Smith on Friday. Then he left."
    friday = text.index("Friday")
    assert sentence_bounds(text, friday, friday + 6) == (0, text.index(". Then"))


def test_a_past_verb_far_from_a_fronted_phrase_does_not_count() -> None:
    engine = default_engine()
    text = "In January, the company will move. It moved offices last year."
    january = text.index("January")
    assert settled_direction(text, january, january + 7, engine) is None


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        # issue 11: a Sunday's "this weekend" is the one ending today
        (date(2011, 3, 20), "Protesters will march this weekend, he said.", "2011-W11-WE"),
        (date(2011, 3, 20), "Rebels recaptured the city this weekend.", "2011-W11-WE"),
        # a Saturday's future weekend is the one under way (was the next)
        (date(2011, 3, 19), "The full moon this weekend will look close.", "2011-W11-WE"),
        # a Friday without a tense: the coming one (was the last)
        (date(2011, 3, 18), "Snap a great photo this weekend?", "2011-W11-WE"),
        # early in the week without a tense: the one just over
        (date(2011, 2, 21), "The violence seen this weekend prompted a call.", "2011-W07-WE"),
        (date(2011, 3, 25), "NATO this weekend is expected to take over.", "2011-W12-WE"),
    ],
)
def test_this_weekend_is_the_nearest_one_the_one_under_way_included(
    published: date, text: str, expected: str
) -> None:
    assert [t.value for t in tag(text, published) if "weekend" in t.text] == [expected]


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        # issue 11: a deadline without a past verb is the coming one (was last year's)
        (
            date(2009, 5, 28),
            "The UK government has deals in place for up to 90m doses by December.",
            "2009-12",
        ),
        (date(2011, 3, 31), "We should start wrapping up our operations by July.", "2011-07"),
        # a past clause keeps the nearest one
        (date(2009, 5, 20), "The work had been completed by December.", "2008-12"),
        (date(2011, 4, 7), "Business was good before February.", "2011-02"),
    ],
)
def test_a_deadline_month_leans_to_the_coming_one_unless_the_clause_is_past(
    published: date, text: str, expected: str
) -> None:
    assert [t.value for t in tag(text, published)] == [expected]


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        # issue 11: "then" between "will" and "be" hid the future; "-ed" read as past
        (date(2009, 5, 1), "Each egg will then be incubated over the weekend.", "2009-W18-WE"),
        (date(2011, 3, 18), "The plan will then be announced on Monday.", "2011-03-21"),
    ],
)
def test_an_adverb_after_will_keeps_the_future(published: date, text: str, expected: str) -> None:
    assert [t.value for t in tag(text, published)] == [expected]
