"""Headlines read as one clean clause: what news pages wrap around sentences is dropped."""

from __future__ import annotations

import pytest

from timeline_app.events.headlines import HEADLINE_LIMIT, choose_headline, clean_sentence, shorten
from timeline_app.events.mention import Mention
from timeline_app.events.model import EventKind
from timeline_app.temporal.timex import Precision


def headline(sentence: str) -> str:
    return shorten(clean_sentence(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "(12:34 a.m. Monday ET, 6:34 a.m. Monday in Libya) A coalition official said"
            " the strikes hit air defences",
            "A coalition official said the strikes hit air defences",
        ),
        (
            "LIBYA, 3:29 p.m. ET, 10:29 p.m. local: The leader is still in the country",
            "The leader is still in the country",
        ),
        (
            "PASSENGERS URGED TO COME FORWARD The man arrived from Mexico on Friday",
            "The man arrived from Mexico on Friday",
        ),
        (
            "Earlier, fighter jets fired at a military vehicle on Saturday",
            "Fighter jets fired at a military vehicle on Saturday",
        ),
        ("But the rebels held the port on Sunday", "The rebels held the port on Sunday"),
        (
            "Rebels enter the capital with little resistance. -- The leader makes audio"
            " addresses over state television",
            "Rebels enter the capital with little resistance",
        ),
        (
            "Wed Oct 12, 2011 8:59 am EDT (Reuters) - Fighters captured most of the town",
            "Fighters captured most of the town",
        ),
    ],
)
def test_page_wrapping_is_dropped(sentence: str, expected: str) -> None:
    assert headline(sentence) == expected


def test_a_time_in_the_story_is_kept() -> None:
    assert headline("At 10:30 the minister said: we will go") == (
        "At 10:30 the minister said: we will go"
    )
    assert headline("Earlier today, rebels advanced on the town").startswith("Earlier today")


def test_a_long_sentence_is_not_cut_after_a_dependent_clause_or_inside_a_list() -> None:
    dependent = headline(
        "Since the alliance took over the operation on March 31, the United States has flown"
        " more than two thousand sorties over the country"
    )
    assert dependent.startswith("Since the alliance took over the operation on March 31, the")
    listed = headline(
        "An international coalition including France, the United States and Great Britain"
        " attacked air-defence targets on Saturday night in an operation to enforce a no-fly zone"
    )
    assert "the United States" in listed
    for text in (dependent, listed):
        assert len(text) <= HEADLINE_LIMIT


def test_a_clause_end_still_cuts_a_long_sentence() -> None:
    text = headline(
        "Government forces shelled the western town for a third straight day, residents said,"
        " as rebels dug in around the hills to the south of the town"
    )
    assert (
        text
        == "Government forces shelled the western town for a third straight day, residents said"
    )


def _mention(event_id: int, sentence: str) -> Mention:
    from datetime import datetime

    start = datetime(2011, 3, 19)
    return Mention(
        event_id, event_id, start, start, Precision.DAY, EventKind.POINT, 0.9, 1, sentence, 0, 0
    )


def test_a_reporters_sentence_beats_a_quote_and_a_question() -> None:
    sentences = {
        1: "I will reiterate what the president said about the strikes yesterday",
        2: "Coalition strikes hit air defences around the capital yesterday",
        3: "Will the strikes on the capital stop yesterday's advance?",
    }
    events = [_mention(i, text) for i, text in sentences.items()]
    assert choose_headline(events, sentences) == sentences[2]


def test_an_opening_word_that_starts_its_own_clause_stays() -> None:
    assert headline("So far, the company has received five orders") == (
        "So far, the company has received five orders"
    )


def test_a_sentence_that_fits_whole_beats_a_nearly_as_central_long_one() -> None:
    long = (
        "Coalition warplanes struck air defences around the capital Tripoli on Saturday night"
        " after the council vote, officials said, and the strikes on air defences would"
        " continue for days"
    )
    fitting = [
        "Coalition warplanes struck air defences around the capital on Saturday",
        "Warplanes struck air defences around Tripoli after the council vote, officials said",
        "The strikes on air defences around the capital would continue for days, officials said",
    ]
    sentences = dict(enumerate([long, *fitting], 1))
    events = [_mention(i, text) for i, text in sentences.items()]
    assert choose_headline(events, sentences) in fitting
    # A short sentence far less central than the rest does not win for its length.
    unrelated = {1: long, 2: "Markets were calm", 3: long, 4: long}
    events = [_mention(i, text) for i, text in unrelated.items()]
    assert choose_headline(events, unrelated).startswith("Coalition warplanes struck")


def test_a_sentence_introducing_the_text_is_no_headline() -> None:
    # A factbox's opening points at the list below it; the happening is what
    # the other articles report.
    sentences = {
        1: "Here is a timeline of the uprising since protests against the leader began",
        2: "Protests against the leader began on February 15 in the eastern city",
        3: "Following are the main events since protests against the leader began",
    }
    events = [_mention(i, text) for i, text in sentences.items()]
    assert choose_headline(events, sentences) == sentences[2]


def test_a_sentence_whose_subject_is_a_pronoun_yields_to_one_that_names_it() -> None:
    sentences = {
        1: "He was a calligrapher before the uprising began in Libya last February",
        2: "The Libyan uprising began in February, when opposition forces began fighting",
        3: "It began Thursday when people were killed in the uprising in Libya",
    }
    events = [_mention(i, text) for i, text in sentences.items()]
    assert choose_headline(events, sentences) == sentences[2]
    # With no other sentence, the pronoun's sentence is still the headline.
    assert choose_headline(events[:1], sentences) == sentences[1]


def test_a_pronoun_after_a_fronted_date_is_still_a_pronoun_subject() -> None:
    sentences = {
        1: "On April 29 it raised its pandemic alert to level 5 on a 6-level scale",
        2: "The health agency raised its pandemic alert to level 5 on Wednesday",
    }
    events = [_mention(i, text) for i, text in sentences.items()]
    assert choose_headline(events, sentences) == sentences[2]
    # A fronted date before a named subject is a fine headline.
    named = {1: sentences[1].replace(" it ", " the agency "), 2: sentences[2]}
    assert choose_headline([_mention(i, t) for i, t in named.items()], named) == named[1]
