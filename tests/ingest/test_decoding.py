"""Untrusted bytes: size limits before reading, careful decoding, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.ingest.decoding import declared_charset, decode, read_limited
from timeline_app.ingest.errors import ReaderError


def test_utf8_with_and_without_bom() -> None:
    assert decode("Café – naïve".encode()) == "Café – naïve"
    assert decode(b"\xef\xbb\xbfCaf\xc3\xa9") == "Café"


def test_utf16_with_bom() -> None:
    assert decode("Zürich".encode("utf-16")) == "Zürich"


def test_declared_charset_is_used_before_cp1252() -> None:
    data = '<meta charset="koi8-r"><p>Москва</p>'.encode("koi8-r")
    assert declared_charset(data) == "koi8-r"
    assert "Москва" in decode(data, declared_charset(data))


def test_cp1252_fallback_for_smart_quotes() -> None:
    data = "“Quoted” — text".encode("cp1252")
    assert decode(data) == "“Quoted” — text"


def test_undecodable_bytes_are_an_error() -> None:
    # 0x81 and 0x9d are undefined in cp1252 and invalid as UTF-8 here.
    with pytest.raises(ReaderError, match="undecodable bytes"):
        decode(b"abc \x81\x9d def")


def test_binary_content_is_refused() -> None:
    with pytest.raises(ReaderError, match="binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_line_ends_and_control_characters_are_cleaned() -> None:
    assert decode(b"a\r\nb\rc\x07d\x1b[31m") == "a\nb\ncd[31m"


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ReaderError, match="empty file"):
        read_limited(path)


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # sparse: 200 MB on paper, nothing on disk
        stream.truncate(200 * 1024 * 1024)
    with pytest.raises(ReaderError, match=r"200\.0 MB, above the 50\.0 MB size limit"):
        read_limited(path)
    assert read_limited(_small(tmp_path), max_bytes=10) == b"0123456789"
    with pytest.raises(ReaderError, match="size limit"):
        read_limited(_small(tmp_path), max_bytes=9)


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "small.txt"
    path.write_bytes(b"0123456789")
    return path


@given(st.binary(max_size=300))
def test_decode_returns_text_or_a_reader_error(data: bytes) -> None:
    try:
        text = decode(data)
    except ReaderError:
        return
    assert isinstance(text, str)
    assert "\x00" not in text
    assert "\r" not in text


def test_undeclared_non_latin_encodings_are_detected_not_mojibake() -> None:
    russian = "Москва заявила в понедельник, что переговоры продолжатся в среду."
    assert decode(russian.encode("koi8-r")) == russian
    assert decode(russian.encode("cp1251")) == russian
    japanese = "東京で月曜日に会議が開かれ、水曜日に再開される予定だと発表した。"
    assert decode(japanese.encode("shift_jis")) == japanese


def test_western_text_stays_cp1252_whatever_detection_thinks() -> None:
    for text in ("café", "Zürich — “naïve” résumé on Monday, said Müller and Ødegaard."):
        assert decode(text.encode("cp1252")) == text
