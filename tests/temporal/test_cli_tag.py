"""``timeline-app tag`` through the real entry point, in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline_app.cli import main


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "article.txt"
    source.write_text("He resigned last week, on Jan. 4, 2024.", encoding="utf-8")
    assert main(["tag", "--dct", "2024-01-08", str(source)]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(t["text"], t["value"]) for t in found] == [
        ("last week", "2024-W01"),
        ("Jan. 4, 2024", "2024-01-04"),
    ]


def test_timeml_output_escapes_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "article.txt"
    source.write_text("R&D <b> grew in late 2017.", encoding="utf-8")
    assert main(["tag", "--format", "timeml", str(source)]) == 0
    out = capsys.readouterr().out
    assert out.strip() == (
        'R&amp;D &lt;b&gt; grew in <TIMEX3 tid="t1" type="DATE" value="2017" mod="END">'
        "late 2017</TIMEX3>."
    )


def test_jsonl_batch_keeps_order(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        {"doc": "b", "dct": "2024-01-08", "text": "It rained yesterday."},
        {"doc": "a", "dct": None, "text": "It rained yesterday."},
    ]
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    assert main(["tag", "--jsonl", str(source), "-o", str(target)]) == 0
    results = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["doc"] for r in results] == ["b", "a"]
    assert results[0]["timexes"][0]["value"] == "2024-01-07"
    assert results[1]["timexes"][0]["value"] == "XXXX-XX-XX"
    assert set(results[0]["timexes"][0]) == {"start", "end", "text", "type", "value", "mod"}


def test_jsonl_bad_line_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"doc": 1, "text": "ok"}\n{not json\n', encoding="utf-8")
    assert main(["tag", "--jsonl", str(source)]) == 2
    assert f"{source}:2: not valid JSON" in capsys.readouterr().err


def test_jsonl_bad_dct_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"doc": 1, "dct": "yesterday", "text": "ok"}\n', encoding="utf-8")
    assert main(["tag", "--jsonl", str(source)]) == 2
    assert f"{source}:1: 'dct' is not a YYYY-MM-DD date" in capsys.readouterr().err


def test_missing_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tag", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_stdin_and_day_first(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Filed 01/06/2024."))
    assert main(["tag", "--day-first", "-"]) == 0
    assert [t["value"] for t in json.loads(capsys.readouterr().out)] == ["2024-06-01"]


def test_bad_dct_is_rejected_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["tag", "--dct", "yesterday", "-"])
    assert "not a YYYY-MM-DD date" in capsys.readouterr().err
