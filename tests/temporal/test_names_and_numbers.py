"""Issue 11: numbers that are not years and time words inside names.

Each "not a time" case was tagged before the negative rules for it; each
"still a time" case guards the other side of the same mechanism, so a rule
that swallowed every bare number or capitalised word would fail here.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.temporal import tag

PUBLISHED = date(2011, 3, 22)  # a Tuesday


def _found(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, PUBLISHED)]


@pytest.mark.parametrize(
    "text",
    [
        # a number between capitalised words is part of a name
        "The Russell 2000 Index of smaller companies dropped.",
        "Thomson Reuters 2013 All rights reserved.",
        "She flew during the Lavex 2009 Airshow at the base.",
        # a number named as a thing's number
        "NATO wasn't mentioned in resolutions 1970 or 1973.",
        "The Security Council resolutions 1970 and 1973, read together, allow it.",
        "If (resolution) 1973 (on Libya) is abused, the bar will be raised.",
        "The second resolution, 1973, would permit it.",
        # an old number with no year cue is a quantity
        "1600 provides you with an ALL ACCESS PASS inside the gates.",
        # a count joined to a year-sized number
        "Misrata had already lost between 1000 and 2000, they said.",
        "ComRes interviewed 2028 British adults online.",
        # capitalised time words inside names and titles
        "Get To Know Piers Morgan Tonight: a guest hosts the show.",
        "This is VOA Today.",
        "He told Russia Today television it was over.",
        "He saw the film ``High Noon.''",
        "The ``Spring of Life'' demonstrations were held.",
        "She watched Good Morning America with him.",
        "The Communist Party daily Granma published a letter.",
        "The London-based daily Asharq al-Awsat said so.",
        "He said so on BBC Radio 4's Today programme.",
        "The Today program's presenter became frantic.",
        "It was one of the exercises, such as Winter Willow, they ran.",
    ],
)
def test_not_a_time(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 1994 he left Cuba.", [("1994", "1994")]),
        ("Guatemala 1954 * Indonesia 1958", [("1954", "1954"), ("1958", "1958")]),
        ("like West Germany 1960 and less like Beirut 1984.", [("1960", "1960"), ("1984", "1984")]),
        ("the US 2009 military budget", [("2009", "2009")]),
        (
            "OBAMA 2012 June 15, 2011 at 1:16 pm",
            [("2012", "2012"), ("June 15, 2011 at 1:16 pm", "2011-06-15T13:16")],
        ),
        ("They passed the resolution, 2011 was a hard year.", [("2011", "2011")]),
        ("Since 1949 it has grown.", [("1949", "1949")]),
        ("A 1996 law named for him was passed.", [("1996", "1996")]),
        ("One 2004 order marked the delivery of rifles.", [("2004", "2004")]),
        ("QUICK COLLAPSE EVOKES IRAQ'S 2003 DEFEAT", [("2003", "2003")]),
        ("He was Prime Minister 1985: a busy year.", [("1985", "1985")]),
        ("He was re-elected to the Rajya Sabha 1996 onwards.", [("1996", "1996")]),
        ("the Vienna 1976-80 posting", [("1976", "1976")]),
        ("Christmas 1998 was cold.", [("Christmas 1998", "1998-12-25")]),
        ("Fiscal 1990 results were weak.", [("Fiscal 1990", "1990")]),
        ("He left in December 1989.", [("December 1989", "1989-12")]),
        # old years with a cue
        ("The War of 1812 began.", [("1812", "1812")]),
        ("The union has made a blockade; it is 1861.", [("1861", "1861")]),
        ("Napoleon's 1812 campaign failed.", [("1812", "1812")]),
        ("The French came in 1806.", [("1806", "1806")]),
        ("1848: revolutions everywhere.", [("1848", "1848")]),
        ("Darwin (1809-1882) wrote it.", [("1809", "1809"), ("1882", "1882")]),
        ("The flu raged between 1918 and 1920.", [("1918", "1918"), ("1920", "1920")]),
        ("Since 2003 British troops have served there.", [("2003", "2003")]),
        # time words that open speech or follow function words stay times
        ('"Today Misrata witnessed the toughest day," he said.', [("Today", "2011-03-22")]),
        ("It rained. Today Misrata is calm.", [("Today", "2011-03-22")]),
        ("He said Yesterday I reported it.", [("Yesterday", "2011-03-21")]),
        (
            "posted 8:03 pm | Reply Today the weapons arrived",
            [("8:03 pm", "2011-03-22T20:03"), ("Today", "2011-03-22")],
        ),
        ("They could break their daily Ramadan fast.", [("daily", "P1D")]),
        ("| Reply Today Sky News showed the rebels", [("Today", "2011-03-22")]),
        ("With daily AK-47 fire", [("daily", "P1D")]),
        ("Monday Morning the bomb went off.", [("Monday Morning", "2011-03-21TMO")]),
        ("Christmas Day was quiet.", [("Christmas Day", "2010-12-25")]),
        ("weekly Friday prayers", [("weekly", "P1W"), ("Friday", "2011-03-18")]),
        ("Two 12-hour shifts run daily.", [("12-hour", "PT12H"), ("daily", "P1D")]),
    ],
)
def test_still_a_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def test_a_number_the_text_names_a_thing_by_is_no_year_anywhere_in_it() -> None:
    text = (
        "The UN Security Council passed resolution 1973 on Thursday. "
        "The deployment is fully within the terms of UNSCR 1973. "
        "It does not violate U.N. Security Council 1973, which authorized action. "
        "The 1973 War Powers Resolution gives Congress a say; Gaddafi came to power in 1969."
    )
    assert _found(text) == [("Thursday", "2011-03-17"), ("1973", "1973"), ("1969", "1969")]


def test_without_the_thing_named_the_same_bare_number_stays_a_year() -> None:
    assert _found("The deployment is fully within the terms of the 1973 accord.") == [
        ("1973", "1973")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The deployment is fully within the terms of UNSCR 1973.",
        "It does not violate U.N. Security Council 1973, which authorized action.",
        "All of them abstained from the SCR 1973 vote.",
    ],
)
def test_a_resolution_abbreviation_or_the_council_names_its_number_alone(text: str) -> None:
    # issue 11: in a text that never writes "resolution 1973" these were years
    assert _found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Photojournalist of the Year: Toby Melville for his photographs.",
        "Euromoney Award, Finance Minister of the Year.",
        "The Daily Monitor newspaper reports that the message was a hoax.",
        "Askham told the Daily Record that they were sure.",
        "There was no China Daily then.",
        "Its latest headline reads: Daily Mail headline on swine flu.",
        "During the Seven Years War the French attacked.",
        "The cases included five Year Seven pupils at the school.",
    ],
)
def test_time_words_inside_names_and_titles_are_no_times(text: str) -> None:
    # issue 11: each of these made a date, a set or a duration
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Daily claims of rebel successes indicate progress.", [("Daily", "P1D")]),
        ("He won the award of the year.", [("the year", "2011")]),
        ("It lasted seven years.", [("seven years", "P7Y")]),
        ("Five Years After the war, they met.", [("Five Years", "P5Y")]),
    ],
)
def test_the_same_words_outside_names_keep_their_time(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(text) == expected
