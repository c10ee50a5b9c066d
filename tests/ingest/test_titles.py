"""A title for every article: metadata, else the opening headline, else the first sentence."""

from __future__ import annotations

import json

import pytest

from tests.conftest import require_corpus
from timeline_app.ingest.titles import TITLE_LIMIT, article_title, title_from_text


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (  # headline run into a staff byline, a caption and a dateline
            "Libyan missile misses Italian warship By the Wire Staff A carrier sails on June 13."
            "\n\nTripoli, Libya (Agency) -- Forces fired a missile on Wednesday.",
            "Libyan missile misses Italian warship",
        ),
        (  # headline run into a personal byline with a role
            "Virus spreads to new countries By Maggie Fox, Health and Science Editor"
            " WASHINGTON (Reuters) - The virus spread on Monday.",
            "Virus spreads to new countries",
        ),
        (  # headline run into a place and a time stamp
            "Libyan ground forces degraded by up to 40 percent: U.S. BAGHDAD | Fri Apr 22,"
            " 2011 5:09 am EDT BAGHDAD (Reuters) - Coalition air strikes have degraded forces.",
            "Libyan ground forces degraded by up to 40 percent: U.S.",
        ),
        (  # headline and a standfirst before a time stamp
            "School closes after pupil falls ill Tuesday 12 May 2009 16.36 BST A school"
            " closed today.",
            "School closes after pupil falls ill",
        ),
        (  # after a byline, the headline before the highlights list
            "By the Wire Staff Kids help refurbish weapons NEW: A fresh attack killed five"
            " Tripoli (Agency) -- More.",
            "Kids help refurbish weapons",
        ),
        (  # a headline run into the story without a full stop (line breaks lost)
            "Mexico to re-test swine flu cases The widow of a victim first heard of it. More.",
            "Mexico to re-test swine flu cases",
        ),
        (  # a byline and stamp before the story are not cut off as its headline
            "Jane Roe | 16:45 UK time, Monday, 22 June 2009 A sharp increase in cases. More.",
            "Jane Roe | 16:45 UK time, Monday, 22 June 2009 A sharp increase in cases.",
        ),
        (  # "The Hague" mid-sentence is a name, not a new sentence
            "Ministers met in The Hague on Monday to discuss the plan. More follows.",
            "Ministers met in The Hague on Monday to discuss the plan.",
        ),
        (  # a short first line of its own
            "Swine flu: How serious a threat?\nThe 1918 flu killed millions of people.",
            "Swine flu: How serious a threat?",
        ),
    ],
)
def test_the_headline_a_text_opens_with_is_its_title(text: str, title: str) -> None:
    assert title_from_text(text) == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (  # a dateline and stamp first: the story's first sentence, without them
            "HONG KONG | Tue May 12, 2009 8:56 am EDT HONG KONG (Reuters) - A leading virologist"
            " said the virus would spread. He spoke on Tuesday.",
            "A leading virologist said the virus would spread.",
        ),
        (  # a byline first
            "By the Wire Staff NATO acknowledged Sunday that a strike hit homes. More follows.",
            "NATO acknowledged Sunday that a strike hit homes.",
        ),
        (  # names and an organisation in capitals, with a role
            "By Jane Rizzo, ABC National Security Producer The drone is one of the resources."
            " It flies high.",
            "The drone is one of the resources.",
        ),
        (  # "From" names with their organisation
            "From Elise Roe and Jill Doe, XYZ Rebels carry the coffin in Benghazi. More.",
            "Rebels carry the coffin in Benghazi.",
        ),
        (  # "From" without an organisation is the story
            "From Monday the talks resume. Officials said so.",
            "From Monday the talks resume.",
        ),
        (  # a stamp without a year, then a dateline without a comma
            "Thu, Sep 15 10:57 AM BST LONDON (Reuters) - Oil prices rose on tight supplies. More.",
            "Oil prices rose on tight supplies.",
        ),
        (  # an update stamp in lower case; an outlet's possessive is no time zone
            "updated: Thu May 03 2012 06:46:00 ABC's host speaks with the minister. More.",
            "ABC's host speaks with the minister.",
        ),
        (  # a numeric stamp, a byline, a dateline with two places
            "2009 04 25 08:50 JST By Al Bell MEXICO CITY/GENEVA (Reuters) - A strain of flu"
            " killed 60 people. More.",
            "A strain of flu killed 60 people.",
        ),
        (  # "By <name> for ORG"
            "By Barry Neild for XYZ Refugees rest in a village. More.",
            "Refugees rest in a village.",
        ),
        (  # a page's date before its stamp and dateline is no headline
            "Sept 21 | Wed Sep 21, 2011 5:53 pm BST Sept 21 (Agency) - Here is a timeline of"
            " the war. More.",
            "Here is a timeline of the war.",
        ),
        (  # a page's date before the byline
            "July 20, 2011 | By Ivan Roe, XYZ Rebels carry the coffin in Benghazi. More.",
            "Rebels carry the coffin in Benghazi.",
        ),
        (  # a date alone before the dateline
            "Aug 21 (Agency) - Rebels entered the capital on Sunday. More.",
            "Rebels entered the capital on Sunday.",
        ),
        (  # "By" starting a sentence is no byline
            "By Tuesday the rebels had taken the port. Officials confirmed it.",
            "By Tuesday the rebels had taken the port.",
        ),
    ],
)
def test_without_a_headline_the_first_sentence_names_the_article(text: str, title: str) -> None:
    assert title_from_text(text) == title


def test_a_long_first_sentence_is_cut_at_a_word_boundary() -> None:
    text = (
        "People in the capital have been wearing masks as a precaution against the new virus"
        " which has spread to more than forty countries around the world since April, officials"
        " said on Monday."
    )
    title = title_from_text(text)
    assert len(title) <= TITLE_LIMIT + 1
    assert title.endswith("…")
    assert text.startswith(title[:-1])
    assert text[len(title) - 1] == " "  # the cut falls between words


def test_a_title_from_metadata_wins_and_is_one_line() -> None:
    assert article_title("By the Wire Staff Text.", "  A given\n title ") == "A given title"
    assert article_title("Headline here By Jane Doe The story.", "  ") == "Headline here"


def test_no_timeline17_text_is_left_untitled() -> None:
    folder = require_corpus("timeline17")
    paths = [*sorted(folder.glob("*.jsonl")), *sorted(folder.glob("more_outlets/*.jsonl"))]
    texts = [json.loads(line)["text"] for path in paths for line in path.open(encoding="utf-8")]
    texts = [text for text in texts if text.strip()]  # two empty records: import refuses them
    assert len(texts) > 1000
    titles = [title_from_text(text) for text in texts]
    assert all(title.strip() for title in titles)
    assert all(len(title) <= TITLE_LIMIT + 1 for title in titles)
    assert not any(title.startswith(("By ", "(CNN)", "(Reuters)")) for title in titles)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "\\* Sees 70 percent chance of vaccine hitting market \\* Sees vaccines as key"
            " \\* Profits up\n\nSINGAPORE, May 12 (Reuters) - The drug maker said on Tuesday.",
            "Sees 70 percent chance of vaccine hitting market",
        ),
        ("• Rebels take the port • Talks stall\n\nThe rebels said.", "Rebels take the port"),
    ],
)
def test_a_text_opening_with_a_bulleted_list_is_titled_by_its_first_item(
    text: str, title: str
) -> None:
    assert title_from_text(text) == title


def test_a_star_inside_a_title_is_no_bullet() -> None:
    assert title_from_text("Rates rose 5*3 * times\n\nMore text follows here.") == (
        "Rates rose 5*3 * times"
    )
