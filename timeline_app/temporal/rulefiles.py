"""Reading the language knowledge of the tagger from plain files.

The engine is code; what English says about time lives in
``resources/temporal/<lang>/``: named patterns (one regex alternative a line),
normalisation tables (``surface = value``) and rule blocks per TIMEX type.
Everything is validated here so a typo fails at start-up with the file and
line named, not as a wrong value deep inside a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from timeline_app.temporal.timex import TimexType


class RuleFileError(ValueError):
    """A rule, pattern or table file is malformed; the message names file and line."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = Path(path)
        self.line = line


class RuleKind(StrEnum):
    """What a rule does when it wins a span."""

    POSITIVE = "positive"  # emits a timex
    NEGATIVE = "negative"  # consumes the span so that nothing is emitted


@dataclass(frozen=True, slots=True)
class NamedPattern:
    """A named alternation (``%month``) compiled into rule patterns."""

    name: str
    alternatives: tuple[str, ...]
    case_sensitive: bool
    path: Path


@dataclass(frozen=True, slots=True)
class RuleExample:
    """``EXAMPLE`` line: text (with the expected extent in ``[...]``) and expected value."""

    text: str
    extent: str  # the substring the rule should match
    value: str | None  # None for negative rules
    mod: str | None
    dct: date | None
    line: int
    anchored: str | None = None  # ``at=VALUE``: the date an anchored duration ends at


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule block of a rule file."""

    rule_id: str
    kind: RuleKind
    timex_type: TimexType | None
    pattern: str
    value: str
    mod: str
    priority: int
    examples: tuple[RuleExample, ...]
    when: str  # "" (always) or the reading option that enables it ("day_first")
    path: Path
    line: int
    # An anchored duration ("[two years] from now"): ANCHOR is the VALUE-like
    # template of the point it reaches, EXTENT the group that is the expression.
    anchor: str = ""
    extent: str = ""


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Everything read from one language folder."""

    patterns: dict[str, NamedPattern]
    tables: dict[str, dict[str, str]]
    rules: tuple[Rule, ...]
    trigger_words: frozenset[str]
    folder: Path = field(compare=False)


EXAMPLE_DEFAULT_DCT = date(2024, 1, 8)  # a Monday; examples may override with "@YYYY-MM-DD"
_RULE_FIELDS = (
    "RULE",
    "MATCH",
    "VALUE",
    "MOD",
    "TYPE",
    "PRIORITY",
    "WHEN",
    "ANCHOR",
    "EXTENT",
    "EXAMPLE",
)
READING_OPTIONS = ("month_first", "day_first")  # how 01/06/2024 reads; month_first default
_RULE_ID = re.compile(r"[a-z][a-z0-9_.]*\Z")
_TYPE_BY_FILE = {
    "date": TimexType.DATE,
    "time": TimexType.TIME,
    "duration": TimexType.DURATION,
    "set": TimexType.SET,
}


def table_key(surface: str) -> str:
    """Lookup key of a surface form: lower case, single spaces, no trailing period."""
    return " ".join(surface.lower().replace("-", " ").split()).rstrip(".")


def _content_lines(path: Path) -> list[tuple[int, str]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(path, 0, f"cannot read ({error})") from error
    lines = []
    for number, line in enumerate(raw.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            lines.append((number, stripped))
    return lines


def read_pattern_file(path: Path, tables: dict[str, dict[str, str]]) -> NamedPattern:
    """A pattern file: one regex alternative a line; ``!case`` makes it case-sensitive;
    ``@table NAME`` adds every surface form of a normalisation table."""
    alternatives: list[str] = []
    case_sensitive = False
    for number, line in _content_lines(path):
        if line == "!case":
            case_sensitive = True
        elif line.startswith("@table "):
            table_name = line.split(None, 1)[1]
            if table_name not in tables:
                raise RuleFileError(path, number, f"unknown normalisation table {table_name!r}")
            for surface in tables[table_name]:
                words = [re.escape(word) for word in surface.split()]
                alternatives.append(r"[-\s]+".join(words))
        else:
            try:
                re.compile(re.sub(r"%[a-z_0-9]+", "x", line))
            except re.error as error:
                raise RuleFileError(path, number, f"bad regular expression: {error}") from error
            alternatives.append(line)
    if not alternatives:
        raise RuleFileError(path, 1, "pattern file has no alternatives")
    # Longest first, so "Sept." is tried before "Sep".
    alternatives.sort(key=len, reverse=True)
    return NamedPattern(path.stem, tuple(dict.fromkeys(alternatives)), case_sensitive, path)


def read_table_file(path: Path) -> dict[str, str]:
    """A normalisation table: ``surface form = value`` a line."""
    table: dict[str, str] = {}
    for number, line in _content_lines(path):
        surface, sep, value = line.rpartition(" = ")
        if not sep or not surface.strip() or not value.strip():
            raise RuleFileError(path, number, "expected 'surface form = value'")
        key = table_key(surface)
        if key in table and table[key] != value.strip():
            raise RuleFileError(path, number, f"{surface!r} is already mapped to {table[key]!r}")
        table[key] = value.strip()
    if not table:
        raise RuleFileError(path, 1, "table is empty")
    return table


def _parse_example(path: Path, number: int, body: str, kind: RuleKind) -> RuleExample:
    dct = EXAMPLE_DEFAULT_DCT
    if body.startswith("@"):
        stamp, _, body = body.partition(" ")
        if stamp == "@none":
            dct = None
        else:
            try:
                dct = date.fromisoformat(stamp[1:])
            except ValueError as error:
                raise RuleFileError(path, number, f"bad example DCT {stamp!r}") from error
    text, sep, expected = body.partition(" => ")
    if kind is RuleKind.POSITIVE and not sep:
        raise RuleFileError(path, number, "EXAMPLE needs 'text => value'")
    value, mod, anchored = None, None, None
    if sep:
        value, _, mod_part = expected.strip().partition(" mod=")
        mod = mod_part.strip() or None
        value, _, anchored_part = value.partition(" at=")
        anchored = anchored_part.strip() or None
    bracket = re.search(r"\[([^\]]+)\]", text)
    extent = bracket.group(1) if bracket else text
    plain = text.replace("[", "").replace("]", "") if bracket else text
    return RuleExample(plain, extent, value, mod, dct, number, anchored)


def read_rule_file(path: Path) -> list[Rule]:
    """Rule blocks separated by blank lines; see resources/temporal/README.md."""
    kind = RuleKind.NEGATIVE if path.stem == "negative" else RuleKind.POSITIVE
    default_type = _TYPE_BY_FILE.get(path.stem)
    if kind is RuleKind.POSITIVE and default_type is None:
        raise RuleFileError(path, 0, "rule files are date, time, duration, set or negative")
    blocks: list[list[tuple[int, str, str]]] = [[]]
    for number, line in _content_lines(path):
        keyword, _, rest = line.partition(" ")
        if keyword not in _RULE_FIELDS:
            raise RuleFileError(path, number, f"unknown field {keyword!r}")
        if keyword == "RULE" and blocks[-1]:
            blocks.append([])
        blocks[-1].append((number, keyword, rest.strip()))
    return [_rule_from_block(path, block, kind, default_type) for block in blocks if block]


def _rule_from_block(
    path: Path,
    block: list[tuple[int, str, str]],
    kind: RuleKind,
    default_type: TimexType | None,
) -> Rule:
    first_line, first_keyword, rule_id = block[0]
    if first_keyword != "RULE":
        raise RuleFileError(path, first_line, "a rule block must start with RULE")
    if not _RULE_ID.match(rule_id):
        raise RuleFileError(path, first_line, f"bad rule id {rule_id!r} (use a-z0-9_.)")
    fields: dict[str, str] = {}
    examples: list[RuleExample] = []
    for number, keyword, rest in block[1:]:
        if keyword == "EXAMPLE":
            examples.append(_parse_example(path, number, rest, kind))
        elif keyword in fields or keyword == "RULE":
            raise RuleFileError(path, number, f"{keyword} given twice in rule {rule_id}")
        else:
            fields[keyword] = rest
    if "MATCH" not in fields:
        raise RuleFileError(path, first_line, f"rule {rule_id} has no MATCH")
    if kind is RuleKind.POSITIVE and "VALUE" not in fields:
        raise RuleFileError(path, first_line, f"rule {rule_id} has no VALUE")
    if not examples:
        raise RuleFileError(path, first_line, f"rule {rule_id} has no EXAMPLE")
    timex_type = default_type
    if "TYPE" in fields:
        try:
            timex_type = TimexType(fields["TYPE"])
        except ValueError as error:
            raise RuleFileError(path, first_line, f"bad TYPE {fields['TYPE']!r}") from error
    try:
        priority = int(fields.get("PRIORITY", "0"))
    except ValueError as error:
        raise RuleFileError(path, first_line, "PRIORITY must be an integer") from error
    extent = fields.get("EXTENT", "")
    if extent and not re.search(
        rf"\(\?P<{extent}>|%[a-z_0-9]+:{extent}\b|%{extent}\b", fields["MATCH"]
    ):
        raise RuleFileError(path, first_line, f"EXTENT {extent!r} is no group of the MATCH")
    if ("ANCHOR" in fields) != bool(extent):
        raise RuleFileError(path, first_line, "ANCHOR and EXTENT go together")
    return Rule(
        rule_id=rule_id,
        kind=kind,
        timex_type=timex_type,
        pattern=fields["MATCH"],
        value=fields.get("VALUE", ""),
        mod=fields.get("MOD", ""),
        priority=priority,
        when=_when(path, first_line, fields.get("WHEN", "")),
        examples=tuple(examples),
        path=path,
        line=first_line,
        anchor=fields.get("ANCHOR", ""),
        extent=extent,
    )


def read_trigger_file(path: Path, tables: dict[str, dict[str, str]]) -> frozenset[str]:
    """Trigger words: one a line, or ``@table NAME`` for the last word of each key."""
    words: set[str] = set()
    for number, line in _content_lines(path):
        if line.startswith("@table "):
            name = line.split(None, 1)[1]
            if name not in tables:
                raise RuleFileError(path, number, f"unknown normalisation table {name!r}")
            # The last word of each surface form: the whole form is matched, so
            # its last word is in the text, and it is the content word
            # ("the day before yesterday", "right now").
            for key in tables[name]:
                words.update(re.findall(r"[^\W\d_]+", key)[-1:])
        elif re.fullmatch(r"[^\W\d_]+", line):
            words.add(line.lower())
        else:
            raise RuleFileError(path, number, f"a trigger is one word of letters, not {line!r}")
    return frozenset(words)


def _when(path: Path, line: int, option: str) -> str:
    if option and option not in READING_OPTIONS:
        raise RuleFileError(path, line, f"WHEN must be one of {', '.join(READING_OPTIONS)}")
    return option


def read_rule_set(folder: Path) -> RuleSet:
    """Read a language folder (``normalization/``, ``patterns/``, ``rules/``)."""
    if not folder.is_dir():
        raise RuleFileError(folder, 0, "rule folder not found")
    tables = {p.stem: read_table_file(p) for p in sorted((folder / "normalization").glob("*.txt"))}
    patterns = {
        p.stem: read_pattern_file(p, tables) for p in sorted((folder / "patterns").glob("*.txt"))
    }
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for path in sorted((folder / "rules").glob("*.txt")):
        for rule in read_rule_file(path):
            if rule.rule_id in seen:
                raise RuleFileError(path, rule.line, f"rule id {rule.rule_id} is used twice")
            seen[rule.rule_id] = rule
            rules.append(rule)
    trigger_words = read_trigger_file(folder / "triggers.txt", tables)
    return RuleSet(patterns, tables, tuple(rules), trigger_words, folder)
