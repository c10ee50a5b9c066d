"""Sentence splitting: offsets into the original text, news abbreviations, quotes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline_app.events.sentences import sentence_at, split_sentences


def sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Maj. Gen. Patrick Ryder met Dr. Lee on Jan. 6 at the U.S. State Department. "
        "The No. 2 official left. It moved to the U.S. The talks ended."
    )
    assert sentences_of(text) == [
        "Maj. Gen. Patrick Ryder met Dr. Lee on Jan. 6 at the U.S. State Department.",
        "The No. 2 official left.",
        "It moved to the U.S.",
        "The talks ended.",
    ]


def test_quotes_stay_with_their_sentence() -> None:
    text = '"We are done." He left... to rest. "Why?" he asked. She said: "No!" Then silence.'
    assert sentences_of(text) == [
        '"We are done."',
        "He left... to rest.",
        '"Why?" he asked.',
        'She said: "No!"',
        "Then silence.",
    ]


def test_blank_lines_end_headlines_and_captions() -> None:
    text = "Iran Backs Iraqi Call\n\nSoldiers parade in Baghdad, Jan. 6, 2024.\n\nIran spoke."
    assert sentences_of(text) == [
        "Iran Backs Iraqi Call",
        "Soldiers parade in Baghdad, Jan. 6, 2024.",
        "Iran spoke.",
    ]


def test_single_newline_inside_a_paragraph_does_not_split() -> None:
    assert sentences_of("A strike killed\ntwo people. Then calm.") == [
        "A strike killed\ntwo people.",
        "Then calm.",
    ]


def test_seed_sentences(seed_text: str) -> None:
    found = sentences_of(seed_text)
    assert found[0] == "Iran Backs Iraqi Call to End Presence of US-Led Force"
    assert (
        "A U.S. drone strike Thursday killed a military commander and another member of "
        "Harakat al-Nujaba, a faction of Hashed al-Shaabi — a collection of mainly pro-Iran "
        "former paramilitary units now integrated into Iraq's armed forces."
    ) in found
    assert 'Sudani said Friday he was determined to "put an end" to the anti-jihadi coalition.' in (
        found
    )
    assert not any(s.endswith(("U.S.", "Jan.")) for s in found)


def test_sentence_at_finds_the_containing_sentence() -> None:
    text = "One. Two words. Three."
    spans = split_sentences(text)
    assert sentence_at(spans, text.index("words")) == (5, 15)
    assert sentence_at(spans, 4) is None  # the space between sentences
    assert sentence_at(spans, len(text) + 5) is None


_PIECES = (
    *("U.S.", "Jan.", "Dr.", "No.", "2", "The", "he", "said", '"', "?", "!", ".", "...", "\n\n"),
    *("\n", " ", "  ", "word", "Maj.", "Gen.", "(", ")", "—", "é", "ok."),
)
_pieces = st.sampled_from(_PIECES)


@given(st.lists(_pieces, max_size=40).map(" ".join))
def test_sentences_are_ordered_trimmed_and_cover_every_visible_character(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    covered = set()
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
        covered.update(range(start, end))
        previous_end = end
    visible = {i for i, char in enumerate(text) if not char.isspace()}
    assert visible <= covered
