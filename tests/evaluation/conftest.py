"""Small TimeML documents written by hand, so expected figures can be checked on paper."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLE_TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>SAMPLE001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08T10:30"
    functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TITLE>Ignored <TIMEX3 tid="t99" type="DATE" value="1998">title</TIMEX3></TITLE>
<TEXT>
Prices <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <TIMEX3 tid="t1" type="DATE"
    value="1998-01-07">yesterday</TIMEX3> at AT&amp;T &lt;sic&gt;.
For <TIMEX3 tid="t2" type="DURATION" value="P1W">a week</TIMEX3> nothing, <TIMEX3 tid="t3"
    type="DATE" value="PRESENT_REF" mod="APPROX">now</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def sample_tml(tmp_path: Path) -> Path:
    path = tmp_path / "sample.tml"
    path.write_text(SAMPLE_TML, encoding="utf-8")
    return path
