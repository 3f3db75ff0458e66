"""The command line: ``python main.py export INPUT -o OUT``.

Exit codes, the same for every subcommand:
0 done; 1 done, with findings that are errors (``check``); 2 unusable
input, arguments or target: one line per problem on stderr, each naming
the file, never a traceback.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from editor.article_format import load_site_profile
from editor.draft import SUFFIX, save_draft
from editor.errors import ArticleError, ExportError
from editor.export import ExportOptions, TargetKind, export_article, target_kind
from editor.images import DEFAULT_MAX_SIZE
from editor.inputs import load_article, read_raw_article_data
from editor.model import Article, SiteProfile
from editor.site import effective_site, load_saved_profile
from editor.subcommands import SELF_CHECK, SUBCOMMANDS
from editor.version import VERSION

# Each command imports what only it needs (the checks, the Word reader, the
# PDF printer) when it runs: an export does not wait for the others' imports.

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2



class _Parser(argparse.ArgumentParser):
    """Reports a bad argument in one line and exits 2, like every other problem."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_UNUSABLE, f"{self.prog}: {message} (see --help)\n")


def _positive_size(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of pixels") from None
    if not 16 <= value <= 10_000:
        raise argparse.ArgumentTypeError(f"{value} is outside 16–10000 pixels")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="toa-soan", description="Tòa Soạn: write and export news articles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {VERSION}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    export = commands.add_parser(
        "export",
        help="export an article as a web bundle, a zip, one HTML file or article.json",
        description=(
            "The output kind follows the name: NAME.zip, NAME.html (one file, photos inside), NAME.pdf "
            "(A4, the print view; needs Qt's web engine), DIR/article.json (interchange form), "
            "anything else a folder with index.html and images/."
        ),
    )
    export.add_argument("input", type=Path, help="an .article draft, an article.json, or a folder holding one")
    export.add_argument("-o", "--output", type=Path, required=True, help="where to export")
    export.add_argument("--site", type=Path, help="a site profile JSON file; it overrides the article's own site")
    export.add_argument("--max-size", type=_positive_size, default=DEFAULT_MAX_SIZE,
                        help=f"fit photos within this many pixels (default {DEFAULT_MAX_SIZE})")
    export.add_argument("--force", action="store_true", help="replace the output if it exists")
    export.add_argument("--package", action="store_true",
                        help="a publish package for a portal with no API (NAME.zip): body.html, the photos, "
                             "the cover and a sheet of the fields (sheet.html, sheet.json)")
    check = commands.add_parser(
        "check", help="check an article before publication",
        description="Prints the findings, one a line; exits 0 with no error, 1 with errors, 2 when the input is unusable.",
    )
    check.add_argument("input", type=Path, help="an .article draft, an article.json, or a folder holding one")
    check.add_argument("--json", action="store_true",
                       help="print a JSON list of {id, severity, message, location, field, block}; blocks count from 1")
    check.add_argument("--lang", choices=("vi", "en"), help="language of the messages (default: the article's)")
    check.add_argument("--site", type=Path, help="the site profile JSON the page will use (as for export)")
    word = commands.add_parser(
        "import", help="import a Word document (.docx) as an article draft",
        description="Prints what the importer was unsure of, one note a line.",
    )
    word.add_argument("input", type=Path, help="a .docx file")
    word.add_argument("-o", "--output", type=Path, required=True, help="the .article draft to write (NAME.article)")
    word.add_argument("--force", action="store_true", help="replace the output if it exists")
    publish = commands.add_parser(
        "publish", help="publish an article to the portal's WordPress over its REST API",
        description=(
            "Prints “published: POST_ID LINK”; exits 0 when done, 1 when checklist errors stop it, 2 on any refusal "
            "or failure (the post changed on the server, a role that may not, no network, a wrong password). "
            "Publishing again updates the same post and uploads only new photos."
        ),
    )
    publish.add_argument("input", type=Path, help="an .article draft (what was published is kept in it)")
    publish.add_argument("--site", type=Path, help="a site profile JSON with the \"cms\" to publish to "
                         "(default: this computer's profile)")
    publish.add_argument("--status", choices=("draft", "pending", "publish", "future"), default="",
                         help="draft, pending (submit for review), publish, or future (scheduled); by default the "
                              "profile's \"cms\" \"status\", else draft")
    publish.add_argument("--force", action="store_true", help="overwrite the post even if it was edited on the server")
    publish.add_argument("--no-photos", action="store_true", help="send the text only (for a contributor's review)")

    from editor.library_cli import add_library_parser

    add_library_parser(commands)
    # Run by main.py itself (it needs Qt, which the command line never loads); listed here for --help.
    commands.add_parser(
        SELF_CHECK, help="check that this installation works: open the example offscreen and read the preview back",
        description="Prints what the preview showed; exits 0 when it shows the example's title and first photo, "
                    "1 when not. Needs no display.",
    )
    return parser


def _run_publish(args: argparse.Namespace) -> int:
    from editor.publish.command import publish_draft
    from editor.publish.publisher import PublishOptions

    options = PublishOptions(status=args.status, force=args.force, photos=not args.no_photos)
    outcome = publish_draft(args.input, args.site, options)
    if outcome.result is None:
        for finding in outcome.findings:
            if finding.severity == "error":
                print(f"{finding.severity}: {finding.location.describe()}: {finding.message(outcome.language)} [{finding.id}]",
                      file=sys.stderr)
        print("not published: fix the errors above first", file=sys.stderr)
        return EXIT_FINDINGS
    for note in outcome.result.notes:
        print(f"note: {note}")
    print(f"published: {outcome.result.post_id} {outcome.result.link}")
    return EXIT_OK


def _run_import(args: argparse.Namespace) -> int:
    from editor.word_import import import_docx

    if args.output.suffix.lower() != SUFFIX:
        raise ExportError(f"an import writes an article draft: give a name ending in {SUFFIX} "
                          "(export it afterwards to make a page)", path=args.output)
    if os.path.lexists(args.output) and not args.force:  # a dangling link is something there too
        raise ExportError("already exists; choose another name, or replace it with --force", path=args.output)
    result = import_docx(args.input)
    save_draft(result.article, args.output)
    for note in result.notes:
        print(f"note: {note}")
    print(f"imported: {args.output}")
    return EXIT_OK


def _site_for(article: Article, args: argparse.Namespace) -> SiteProfile:
    override = load_site_profile(args.site) if args.site else None
    return effective_site(article, override, load_saved_profile())


def _run_check(args: argparse.Namespace) -> int:
    from editor.checks import CheckInput, check_article, has_errors, raw_texts

    article = load_article(args.input, require_media=False)
    given = CheckInput(raw_texts=raw_texts(read_raw_article_data(args.input), article), site=_site_for(article, args))
    findings = check_article(article, given)
    language = args.lang or article.language
    if args.json:
        print(json.dumps([finding.as_json(language) for finding in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(f"{finding.severity}: {finding.location.describe()}: {finding.message(language)} [{finding.id}]")
        if not findings:
            print("không có gì cần sửa" if language == "vi" else "nothing to fix")
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def _run_export(args: argparse.Namespace) -> int:
    article = load_article(args.input)
    if args.package:
        from editor.publish.package import write_package

        write_package(article, args.output, max_size=args.max_size, force=args.force)
        print(f"exported package: {args.output}")
        return EXIT_OK
    site = _site_for(article, args)
    options = ExportOptions(max_size=args.max_size, force=args.force)
    if target_kind(args.output) is TargetKind.PDF:
        from editor.pdf import export_pdf

        export_pdf(article, site, args.output, options)
        print(f"exported pdf: {args.output}")
        return EXIT_OK
    kind = export_article(article, site, args.output, options)
    print(f"exported {kind.value}: {args.output}")
    return EXIT_OK


def refuse_unknown_command(word: str) -> int:
    """The first argument is neither a subcommand, an option nor a file."""
    parser = build_parser()
    commands = (*SUBCOMMANDS, SELF_CHECK)
    close = difflib.get_close_matches(word, commands, n=1)
    hint = f"; did you mean “{close[0]}”?" if close else ""
    sys.stderr.write(parser.format_usage())
    sys.stderr.write(f"{parser.prog}: “{word}” is not a command ({', '.join(commands)}) nor a file{hint}\n")
    return EXIT_UNUSABLE


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "export":
            return _run_export(args)
        if args.command == "check":
            return _run_check(args)
        if args.command == "import":
            return _run_import(args)
        if args.command == "publish":
            return _run_publish(args)
        if args.command == "library":
            from editor.library_cli import run_library

            return run_library(args)
        if args.command == SELF_CHECK:
            print(f"{SELF_CHECK} needs the window's program: run “toa-soan {SELF_CHECK}” (python main.py {SELF_CHECK})",
                  file=sys.stderr)
    except ArticleError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        print("interrupted; nothing was written", file=sys.stderr)
        return EXIT_UNUSABLE
    except OSError as error:  # a name over the file system's limit, met while looking at a path
        print(f"{error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return EXIT_UNUSABLE
    return EXIT_UNUSABLE


if __name__ == "__main__":
    sys.exit(main())
