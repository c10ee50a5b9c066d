"""Reading TimeML gold files: the raw text, its creation date and its TIMEX3 spans.

Scoring compares character spans, so the raw text must be exactly what a tagger
would see: the character content of ``<TEXT>`` with every tag removed and XML
entities unescaped. Offsets of the gold expressions index that string.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path


class TimeMLError(ValueError):
    """A TimeML file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One annotated TIMEX3 inside ``<TEXT>``; ``start``/``end`` index the raw text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    tid: str = ""  # the TIMEX3's id, which TLINKs refer to


@dataclass(frozen=True, slots=True)
class TmlDocument:
    """A TimeML document reduced to what timex scoring needs."""

    doc_id: str
    dct: date
    text: str
    gold: list[GoldTimex]
    dct_value: str = ""  # the DCT's TIMEX3 value as written (may carry a time of day)


def read_tml(path: str | Path) -> TmlDocument:
    """Parse one ``.tml`` file; raise ``TimeMLError`` naming the file on any problem."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TimeMLError(f"{path}: cannot read ({error.strerror or error})") from error
    return _parse(data, path)


def parse_tml(source: str | bytes, name: str = "<string>") -> TmlDocument:
    """Parse TimeML held in memory (``name`` is used in error messages and as fallback id)."""
    return _parse(source, Path(name))


def _parse(source: str | bytes, path: Path) -> TmlDocument:
    # Files are untrusted: TimeML needs no DTD, and entity declarations are how
    # "billion laughs" documents blow up memory, so refuse them outright.
    head = source[:4096] if isinstance(source, str) else source[:4096].decode("latin-1")
    if "<!ENTITY" in head or "<!entity" in head:
        raise TimeMLError(f"{path}: entity declarations are not allowed in TimeML")
    try:
        root = ET.fromstring(source)
    except ET.ParseError as error:
        raise TimeMLError(f"{path}: not well-formed XML ({error})") from error
    return _document_from_root(root, path)


def iter_tml_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every ``.tml`` file named or found below the given folders, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.tml") if p.is_file())
        elif path.is_file():
            yield path
        else:
            raise TimeMLError(f"{path}: no such file or folder")


def _document_from_root(root: ET.Element, path: Path) -> TmlDocument:
    text_element = root.find(".//TEXT")
    if text_element is None:
        raise TimeMLError(f"{path}: no <TEXT> element")
    dct_value = _creation_time(root, path)
    try:
        dct = date.fromisoformat(dct_value[:10])
    except ValueError as error:
        raise TimeMLError(f"{path}: DCT value {dct_value!r} is not a calendar date") from error
    pieces: list[str] = []
    gold: list[GoldTimex] = []
    _flatten(text_element, pieces, gold, path, offset=0)
    doc_id_element = root.find(".//DOCID")
    doc_id = (doc_id_element.text or "").strip() if doc_id_element is not None else ""
    return TmlDocument(
        doc_id=doc_id or path.stem,
        dct=dct,
        text="".join(pieces),
        gold=gold,
        dct_value=dct_value,
    )


def _creation_time(root: ET.Element, path: Path) -> str:
    """The value of the DCT TIMEX3 (``functionInDocument="CREATION_TIME"`` preferred)."""
    candidates = root.findall(".//DCT/TIMEX3")
    if not candidates:
        candidates = [
            timex
            for timex in root.iter("TIMEX3")
            if timex.get("functionInDocument") == "CREATION_TIME"
        ]
    for timex in candidates:
        if timex.get("functionInDocument", "CREATION_TIME") == "CREATION_TIME":
            value = (timex.get("value") or "").strip()
            if value:
                return value
    raise TimeMLError(f"{path}: no document creation time (<DCT><TIMEX3 value=...>)")


def _flatten(
    element: ET.Element, pieces: list[str], gold: list[GoldTimex], path: Path, offset: int
) -> int:
    """Append the element's character content to ``pieces``; record TIMEX3 spans.

    Returns the offset after the element's content (its tail is the caller's job).
    """
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _flatten(child, pieces, gold, path, offset)
        if child.tag == "TIMEX3":
            gold.append(_gold_timex(child, start, offset, path))
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    return offset


def _gold_timex(element: ET.Element, start: int, end: int, path: Path) -> GoldTimex:
    timex_type = (element.get("type") or "").strip().upper()
    if not timex_type:
        raise TimeMLError(f"{path}: TIMEX3 {element.get('tid', '?')} has no type")
    text = "".join(element.itertext())
    return GoldTimex(
        start=start,
        end=end,
        text=text,
        type=timex_type,
        value=(element.get("value") or "").strip(),
        mod=element.get("mod") or None,
        tid=element.get("tid") or "",
    )
