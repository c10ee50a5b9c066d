"""Reading TimeML: raw text, offsets, DCT, and clear errors on bad files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import require_corpus
from timeline_app.evaluation.timeml import (
    TimeMLError,
    iter_tml_paths,
    parse_tml,
    read_tml,
)


def test_raw_text_has_tags_removed_and_entities_unescaped(sample_tml: Path) -> None:
    document = read_tml(sample_tml)
    assert document.doc_id == "SAMPLE001"
    assert "<EVENT" not in document.text
    assert "</TIMEX3>" not in document.text
    assert "AT&T <sic>." in document.text
    assert "Prices fell yesterday" in document.text


def test_gold_offsets_index_the_raw_text(sample_tml: Path) -> None:
    document = read_tml(sample_tml)
    assert [g.text for g in document.gold] == ["yesterday", "a week", "now"]
    for gold in document.gold:
        assert document.text[gold.start : gold.end] == gold.text
    assert document.gold[1].type == "DURATION"
    assert document.gold[1].value == "P1W"
    assert document.gold[2].mod == "APPROX"


def test_gold_timexes_keep_the_tids_links_refer_to(sample_tml: Path) -> None:
    # TLINKs name a timex by its tid (evaluation.tense_cue joins them on it).
    document = read_tml(sample_tml)
    assert [g.tid for g in document.gold] == ["t1", "t2", "t3"]


def test_dct_is_read_from_the_creation_time_and_not_counted_as_gold(sample_tml: Path) -> None:
    document = read_tml(sample_tml)
    assert document.dct == date(1998, 1, 8)
    assert document.dct_value == "1998-01-08T10:30"
    assert all(g.value != "1998" for g in document.gold)  # the TITLE timex is outside TEXT


def test_malformed_file_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.tml"
    path.write_text("<TimeML><TEXT>unclosed</TimeML>", encoding="utf-8")
    with pytest.raises(TimeMLError, match=r"broken\.tml.*not well-formed"):
        read_tml(path)


def test_missing_dct_is_an_error() -> None:
    with pytest.raises(TimeMLError, match=r"nodct\.tml: no document creation time"):
        parse_tml("<TimeML><TEXT>x</TEXT></TimeML>", "nodct.tml")


def test_missing_text_is_an_error() -> None:
    with pytest.raises(TimeMLError, match="no <TEXT>"):
        parse_tml("<TimeML><DCT/></TimeML>", "x.tml")


def test_bad_dct_value_is_an_error() -> None:
    source = (
        '<TimeML><DCT><TIMEX3 type="DATE" value="PRESENT_REF" '
        'functionInDocument="CREATION_TIME">now</TIMEX3></DCT><TEXT>x</TEXT></TimeML>'
    )
    with pytest.raises(TimeMLError, match="not a calendar date"):
        parse_tml(source, "x.tml")


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match="no such file"):
        list(iter_tml_paths([tmp_path / "absent"]))


def test_folders_are_searched_recursively(tmp_path: Path, sample_tml: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "other.tml").write_text(sample_tml.read_text(encoding="utf-8"), encoding="utf-8")
    (nested / "notes.txt").write_text("not timeml", encoding="utf-8")
    found = list(iter_tml_paths([tmp_path]))
    assert [p.name for p in found] == ["other.tml", "sample.tml"]


@pytest.mark.slow
def test_every_tbaq_document_reads_with_consistent_offsets() -> None:
    corpus = require_corpus("tbaq")
    documents = [read_tml(path) for path in iter_tml_paths([corpus])]
    assert len(documents) >= 250
    total = 0
    for document in documents:
        assert 1980 < document.dct.year < 2010, document.doc_id
        for gold in document.gold:
            assert document.text[gold.start : gold.end] == gold.text, document.doc_id
            assert gold.type in {"DATE", "TIME", "DURATION", "SET"}
        starts = [g.start for g in document.gold]
        assert starts == sorted(starts)
        total += len(document.gold)
    assert total > 1500


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.tml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE TimeML [<!ENTITY lol "lol">]>'
        "<TimeML><TEXT>&lol;</TEXT></TimeML>",
        encoding="utf-8",
    )
    with pytest.raises(TimeMLError, match=r"laughs\.tml: entity declarations"):
        read_tml(path)


def test_non_utf8_file_with_declared_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.tml"
    source = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><TimeML><DCT><TIMEX3 type="DATE" '
        'value="1998-01-08" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'
        '<TEXT>Caf\xe9 opened <TIMEX3 type="DATE" value="1998-01-07">yesterday</TIMEX3>.'
        "</TEXT></TimeML>"
    )
    path.write_bytes(source.encode("latin-1"))
    document = read_tml(path)
    assert document.text.startswith("Café opened")
    (gold,) = document.gold
    assert document.text[gold.start : gold.end] == "yesterday"
