"""Page furniture: recognised, kept in the text, making no events (issue 13)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from timeline_app.commands import analyse
from timeline_app.events.furniture import FurnitureKind, find_furniture, furniture_kind_at

PUBLISHED = date(2011, 8, 3)

LEAD = (
    "Libyan missile misses warship By the Wire Staff A frigate sails on June 13, 2011 off"
    " the coast.\n\nThe missile fell into the sea Officials say no one was hurt"
    " Tripoli, Libya (Agency) -- Government forces fired a missile at a warship on Wednesday,"
    " a spokesman said.\n\nThe ship continued on its mission.\n"
)
SOCIAL = (
    "Rebels took the port on Tuesday.\n\n"
    "Try the weekly quiz to find out: bit.\n\n"
    "ly/11C7KM4 3:44 pm ET February 11, 2013 RETWEET Poor sanitation costs billions.\n\n"
    "The talks resume on Friday.\n"
)
STORY_LIST = (
    "Rebels advanced on Sunday, officials said.\n\n"
    "Weekend full moon biggest in years: If the moon looks bigger on Saturday, here is why.\n\n"
    "Star dons superhero costume: About a month after March 3 she took the role.\n\n"
    "Storm hits coast: Heavy rain fell on Monday across the region.\n\n"
    "The ceasefire held until Thursday.\n"
)
COMMENTS = (
    "The vote is on Monday.\n\n"
    "I think the vote on March 17, 2011 mattered most.\n\n"
    "March 21, 2011 at 4:15 pm | Report abuse | Right, and April 2 will show it.\n\n"
    "March 22, 2011 at 9:01 am | Reply\n\n"
    "Comments are not pre-screened before they post.\n"
)
PROMOTION = (
    "Get To Know Piers Morgan Tonight: Donny Deutsch Guest Hosts This evening"
    ' "Piers Morgan Tonight" welcomes the return of Donny Deutsch, as the brand guru is back'
    " as guest host Last night Piers Morgan asked the envoy about the raids on Monday.\n\n"
    "The envoy met rebels on Tuesday.\n"
)


LINK_ONLY = (
    "Rebels took the port on Tuesday.\n\n"
    "Try the weekly quiz to find out: bit.\n\n"
    "ly/11C7KM4 Poor sanitation costs billions, the bank said on Monday.\n\n"
    "The talks resume on Friday.\n"
)
UPDATED = (
    "Rebels took the port on Tuesday.\n\n"
    "Gadhafi accepts terms updated: Sun Apr 10 2011 18:58:00 Leaders met.\n\n"
    "TIMELINE: Six days in Libya (Updated: 1:19 a.m. Monday, Libya; 6:19 p.m. Sunday ET)\n"
)


def _expressions(text: str) -> list[str]:
    return [event.expression for event in analyse(text, PUBLISHED)[1]]


@pytest.mark.parametrize(
    ("text", "kind", "furniture_dates", "story_dates"),
    [
        (LEAD, FurnitureKind.LEAD, ["June 13, 2011"], ["Wednesday"]),
        (SOCIAL, FurnitureKind.SOCIAL, ["February 11, 2013"], ["Tuesday", "Friday"]),
        (STORY_LIST, FurnitureKind.SIDEBAR, ["Saturday", "March 3", "Monday"], ["Sunday"]),
        (COMMENTS, FurnitureKind.COMMENT, ["April 2"], ["Monday"]),
        (LINK_ONLY, FurnitureKind.SOCIAL, ["Monday"], ["Tuesday", "Friday"]),
        (PROMOTION, FurnitureKind.SIDEBAR, ["This evening"], ["Monday", "Tuesday"]),
        (UPDATED, FurnitureKind.STAMP, ["Sun Apr 10 2011", "1:19 a.m. Monday"], ["Tuesday"]),
    ],
)
def test_furniture_is_kept_in_the_text_but_makes_no_event(
    text: str, kind: FurnitureKind, furniture_dates: list[str], story_dates: list[str]
) -> None:
    furniture = find_furniture(text)
    assert kind in {item.kind for item in furniture}
    expressions = _expressions(text)
    for expression in furniture_dates:
        offset = text.index(expression)
        assert furniture_kind_at(furniture, offset) == kind, expression
        assert expression not in expressions
    for expression in story_dates:
        assert furniture_kind_at(furniture, text.index(expression)) is None, expression
        assert expression in expressions


def test_a_comment_runs_from_the_stamp_before_it_and_the_form_is_marked() -> None:
    furniture = find_furniture(COMMENTS)
    comment = COMMENTS.index("Right, and April 2")
    form = COMMENTS.index("Comments are not")
    assert furniture_kind_at(furniture, comment) == FurnitureKind.COMMENT
    assert furniture_kind_at(furniture, form) == FurnitureKind.COMMENT
    # The first comment has no stamp before it: only its stamp's paragraph is
    # marked, never the story above it.
    assert furniture_kind_at(furniture, COMMENTS.index("The vote is on")) is None


def test_the_headline_before_the_byline_is_no_furniture() -> None:
    furniture = find_furniture(LEAD)
    assert furniture_kind_at(furniture, 0) is None
    assert furniture_kind_at(furniture, LEAD.index("By the Wire")) == FurnitureKind.LEAD
    assert furniture_kind_at(furniture, LEAD.index("Government forces")) is None


def test_plain_news_has_no_furniture() -> None:
    text = (
        "WASHINGTON (Reuters) - The Senate voted on Tuesday to extend the program.\n\n"
        "The prime minister applauded Singapore Airlines (SIA) - the carrier - on Monday.\n\n"
        "Ministers: the talks will resume on Friday, officials said.\n"
    )
    assert find_furniture(text) == []


def test_prose_with_tweet_and_share_words_is_no_widget() -> None:
    text = (
        "Share prices fell on Monday.\n\n"
        "In a tweet on Tuesday, the minister said he would Like to stay.\n\n"
        "HAS MEXICO SEEN AN OUTBREAK LIKE THIS SINCE 1918?\n"
    )
    assert find_furniture(text) == []
    assert _expressions(text) == ["Monday", "Tuesday", "1918"]


def test_kind_at_answers_for_any_offset() -> None:
    furniture = find_furniture(SOCIAL)
    kinds = {furniture_kind_at(furniture, offset) for offset in range(-1, len(SOCIAL) + 2)}
    assert kinds == {None, FurnitureKind.SOCIAL}
    assert furniture == sorted(furniture)
    assert all(a.end <= b.start for a, b in itertools.pairwise(furniture))


def test_a_story_sentence_run_into_the_highlights_starts_at_the_dateline() -> None:
    events = analyse(LEAD, PUBLISHED)[1]
    (wednesday,) = [e for e in events if e.expression == "Wednesday"]
    passage = LEAD[wednesday.sentence_start : wednesday.sentence_end]
    assert passage.startswith("Tripoli, Libya (Agency) -- Government forces")


HEADED_COMMENTS = (
    "Schools in the district closed on Tuesday, officials said.\n\n"
    "Comments\n\n"
    "Keep calm... At 16:35 30th Apr 2009, calmreader wrote: Another over reaction?\n"
    "Last week on Friday there were fewer cases.\n\n"
    "At 00:36 am on 29 May 2009, sceptic55 wrote: This started on May 2, I think.\n"
)


def test_comments_under_a_wrote_heading_are_marked_and_make_no_events() -> None:
    furniture = find_furniture(HEADED_COMMENTS)
    for comment in ("Another over", "Last week on Friday", "This started on May 2"):
        position = HEADED_COMMENTS.index(comment)
        assert furniture_kind_at(furniture, position) == FurnitureKind.COMMENT, comment
    assert furniture_kind_at(furniture, HEADED_COMMENTS.index("Schools")) is None
    _timexes, events = analyse(HEADED_COMMENTS, date(2009, 5, 30))
    texts = [HEADED_COMMENTS[e.sentence_start : e.sentence_end] for e in events]
    assert any("Schools" in text for text in texts)
    assert not any("wrote" in text or "May 2" in text for text in texts)


@pytest.mark.parametrize(
    "text",
    [
        # a story's own "Label: Title" headline on its own line
        "Libya Live Blog Today: Rebels Advance on Tripoli Tonight\n\nRebels advanced, he said.\n",
        # a label and title whose sentence ends before any lost sentence end
        "Inside The Rebel Camp: Fighters Wait. They expect an attack on Friday from Gadhafi.\n",
        # a label before ordinary prose, not a promoted title
        "Here Is What Happened: the rebels took the port as night fell Gadhafi fled it.\n",
    ],
)
def test_an_opening_that_is_the_story_is_no_promotion(text: str) -> None:
    assert FurnitureKind.SIDEBAR not in {item.kind for item in find_furniture(text)}
