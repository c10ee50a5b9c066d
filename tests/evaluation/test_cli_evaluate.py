"""``timeline-app evaluate`` called in-process through the real entry point."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import timeline_app.temporal
from timeline_app.cli import main
from timeline_app.temporal.timex import Timex, TimexType


def _fake_tagger(text: str, dct: date | None) -> list[Timex]:
    """Finds 'yesterday' right and 'a week' with a wrong value; nothing else."""
    found = []
    for word, type_, value in (("yesterday", "DATE", "1998-01-07"), ("a week", "DURATION", "P2W")):
        start = text.index(word)
        found.append(Timex(start, start + len(word), word, TimexType(type_), value, rule="fake"))
    return found


def test_prints_tempeval_figures(
    sample_tml: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(timeline_app.temporal, "tag", _fake_tagger)
    assert main(["evaluate", str(sample_tml), "--errors", "--summary-errors"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert (output["gold"], output["system"], output["matched"]) == (3, 2, 2)
    assert output["relaxed_p"] == pytest.approx(1.0)
    assert output["relaxed_r"] == pytest.approx(2 / 3)
    assert output["value_f1"] == pytest.approx(0.8 * 0.5)
    kinds = sorted(e["kind"] for e in output["errors"])
    assert kinds == ["miss", "wrong_value"]
    assert {g["kind"] for g in output["error_summary"]} == {"miss", "wrong_value"}


def test_kind_filter(
    sample_tml: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(timeline_app.temporal, "tag", _fake_tagger)
    assert main(["evaluate", str(sample_tml), "--errors", "--kind", "miss"]) == 0
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert [e["text"] for e in errors] == ["now"]


def test_real_tagger_runs(sample_tml: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(sample_tml), "--per-document"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["gold"] == 3
    assert output["documents"][0]["doc"] == "SAMPLE001"


def test_bad_file_gives_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML>", encoding="utf-8")
    assert main(["evaluate", str(path)]) == 2
    assert "bad.tml" in capsys.readouterr().err
