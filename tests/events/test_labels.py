"""Labels: short, readable, around the time expression, cut at word boundaries."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline_app.events.labels import ELLIPSIS, LABEL_LIMIT, make_label


def label_for(text: str, expression: str) -> str:
    start = text.index(expression)
    return make_label(text, (0, len(text)), (start, start + len(expression)))


def test_short_sentence_is_its_own_label() -> None:
    text = "  Sudani said Friday he was determined\nto end it.  "
    assert label_for(text, "Friday") == "Sudani said Friday he was determined to end it."


def test_long_sentence_gives_the_clause_with_its_subject() -> None:
    text = (
        "U.S. and other coalition forces in Iraq, deployed since 2014 in the fight against the "
        "Islamic State group (IS), have come under regular attack since the fighting erupted on "
        "October 7 between Israel and Iran-backed Palestinian group Hamas."
    )
    assert label_for(text, "2014") == (
        "U.S. and other coalition forces in Iraq, deployed since 2014 in the fight against the "
        "Islamic State group (IS)"
    )
    october = label_for(text, "October 7")
    assert "October 7" in october
    # The sentence's subject stays in front of the elided middle.
    assert october.startswith(f"U.S. and other coalition forces {ELLIPSIS} ")
    assert len(october) <= LABEL_LIMIT


def test_no_head_when_the_window_reaches_the_sentence_start() -> None:
    text = "On Monday the minister spoke " + "at length " * 20 + "to reporters."
    label = label_for(text, "Monday")
    assert label.startswith("On Monday the minister spoke")
    assert label.count(ELLIPSIS) == 1


def test_clause_loses_its_joining_word() -> None:
    text = (
        "His government relies on support from Tehran-aligned parties across the whole region, "
        "and he has repeatedly said in recent weeks he would like to see foreign troops leave."
    )
    assert label_for(text, "recent weeks").startswith("he has repeatedly said in recent weeks")


def test_commas_inside_the_date_do_not_cut_it() -> None:
    text = (
        "Iraqi Army soldiers drive their armored vehicles under the Victory Arch during a parade "
        "marking the Army Day in Baghdad, Jan. 6, 2024."
    )
    assert label_for(text, "Jan. 6, 2024").endswith("Baghdad, Jan. 6, 2024.")


@given(
    st.lists(st.sampled_from(["word", "longerword", ",", ";", "—", "and", "x" * 30]), max_size=60),
    st.integers(min_value=0, max_value=59),
)
def test_label_fits_keeps_the_expression_and_whole_words(words: list[str], pick: int) -> None:
    words = [*words, "2014"]
    text = " ".join(words)
    index = pick % len(words)
    start = sum(len(w) + 1 for w in words[:index])
    expression = words[index]
    label = make_label(text, (0, len(text)), (start, start + len(expression)))
    assert len(label) <= LABEL_LIMIT
    if expression.strip(",;—"):
        assert expression in label
    for piece in label.replace(ELLIPSIS, " ").split():
        assert piece in words


def test_no_head_that_would_show_another_date() -> None:
    text = (
        "As of May 24 farmers had planted most of the crop, and "
        + "very " * 15
        + "heavy spring rains in the eastern Corn Belt delayed the rest of the planting by weeks."
    )
    label = label_for(text, "spring")
    assert "May 24" not in label
    assert label.startswith(ELLIPSIS)
