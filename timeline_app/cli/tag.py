"""``timeline-app tag``: print the time expressions of a text."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "tag",
        help="find and resolve the time expressions in a text",
        description="Find the time expressions in FILE (or standard input) and resolve "
        "them against the document creation time.",
    )
    parser.add_argument("file", nargs="?", default="-", help="text file, or - for stdin")
    parser.add_argument("--dct", type=date.fromisoformat, help="publication date YYYY-MM-DD")
    parser.add_argument("--format", choices=["json", "timeml"], default="json")
    parser.add_argument("--jsonl", metavar="IN.jsonl", help="batch mode: one document a line")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from timeline_app.temporal import tag

    text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    print(json.dumps([t.as_dict() for t in tag(text, args.dct)], ensure_ascii=False, indent=1))
    return 0
