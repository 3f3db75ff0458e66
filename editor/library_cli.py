"""``python main.py library FOLDER… [--search Q] [--state S] [--json]``: the
drafts library on the command line, sorted and searched as the window does."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from editor.errors import ArticleError
from editor.library import Filters, Library, default_index_path
from editor.review import STATES, VIETNAMESE_NAMES


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-12-31") from None


def add_library_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    library = commands.add_parser(
        "library", help="list and search the .article drafts under folders",
        description=("Lists every .article under the folders, best match first (without --search, in Vietnamese "
                     "alphabetical order). Damaged files are listed with the reason; the exit code is still 0. "
                     "The index is kept on this computer, never in the folders."),
    )
    library.add_argument("folders", type=Path, nargs="+", metavar="FOLDER", help="a folder of drafts (local or a network drive)")
    library.add_argument("--search", default="", metavar="Q", help="words each draft must hold; marks are optional (dang bo finds Đảng bộ)")
    library.add_argument("--state", choices=STATES, help="only drafts in this review state")
    library.add_argument("--author", help="only this author")
    library.add_argument("--assignee", help="only drafts assigned to this person")
    library.add_argument("--tag", help="only drafts with this tag")
    library.add_argument("--from", dest="date_from", type=_day, metavar="DATE", help="published on or after DATE (2026-12-01)")
    library.add_argument("--to", dest="date_to", type=_day, metavar="DATE", help="published on or before DATE")
    library.add_argument("--json", action="store_true",
                         help="print a JSON list of {path, title, state, assignee, author, date, modified, open_by, error}")
    library.add_argument("--index", type=Path, help=f"the index file (default: {default_index_path()})")


def run_library(args: argparse.Namespace) -> int:
    missing = [folder for folder in args.folders if not folder.is_dir()]
    if missing:
        raise ArticleError([f"{folder}: not a folder" for folder in missing])
    library = Library(args.index)
    if not library.use_fts:
        print("note: this SQLite has no FTS5; searching by a plain scan (slower)", file=sys.stderr)
    for unreadable in library.rescan(args.folders).unreadable:
        print(f"warning: cannot read the folder {unreadable}; the drafts known in it are listed as last seen", file=sys.stderr)
    filters = Filters(args.state, args.author, args.assignee, args.tag, args.date_from, args.date_to)
    entries = library.search(args.search, args.folders, filters)
    if args.json:
        print(json.dumps([entry.as_json() for entry in entries], ensure_ascii=False, indent=2))
        return 0
    for entry in entries:
        line = f"{VIETNAMESE_NAMES.get(entry.state, '?'):10}  {entry.title}  ({entry.path})"
        if entry.open_by:
            line += f"  [open by {entry.open_by}]"
        if entry.error:
            line += f"  DAMAGED: {entry.error}"
        print(line)
    if not entries:
        print("no drafts found")
    return 0
