"""The command line's arguments: one parser for the sub-commands, one for opening the reader.
Errors are one line (exit 2), with a hint for ids that start with '-'."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from tui.cli.names import PROG, SUBCOMMANDS


class UsageError(Exception):
    """Bad arguments: exit 2 with one line."""


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr, exit status 2."""

    def error(self, message: str) -> NoReturn:
        if "required: id" in message or "unrecognized arguments: -" in message:
            message += " (an id that starts with '-' goes after '--': dossier show -- -my-id)"
        raise UsageError(message)


def _corpus_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        metavar="DIR",
        help="corpus folder (default: $DOSSIER_CORPUS, else the bundled articles)",
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def build_parser() -> OneLineParser:
    parser = OneLineParser(
        prog=PROG, description="A keyboard-first reader for a corpus of articles."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    articles = commands.add_parser("articles", help="list the articles of the corpus")
    _corpus_option(articles)
    articles.add_argument("--json", action="store_true", help="print a JSON array")

    show = commands.add_parser("show", help="print one clean article")
    show.add_argument("id", help="article id, or a unique prefix of one")
    _corpus_option(show)
    show.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    show.add_argument("--json", action="store_true", help="same as --format json")

    fix = commands.add_parser(
        "fix", help="correct how an article was cleaned: its details, or lines kept or removed"
    )
    fix.add_argument("id", help="article id, or a unique prefix of one")
    _corpus_option(fix)
    for name, what in (
        ("title", "the title"),
        ("published", "the date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("source", "the source"),
        ("byline", "the byline"),
    ):
        fix.add_argument(f"--{name}", metavar="TEXT", help=f"{what} ('' gives the cleaner's back)")
    fix.add_argument(
        "--restore", type=_positive_int, action="append", default=[], metavar="LINE",
        help="keep this removed line of the file (its number in `dossier show ID --json`)",
    )  # fmt: skip
    fix.add_argument(
        "--remove", type=_positive_int, action="append", default=[], metavar="LINE",
        help="remove this line of the file from the article",
    )  # fmt: skip
    fix.add_argument("--show", action="store_true", help="list this article's corrections")
    fix.add_argument("--reset", action="store_true", help="forget this article's corrections")
    fix.add_argument("--json", action="store_true", help="with --show: print a JSON object")

    index = commands.add_parser("index", help="build or update the search index")
    _corpus_option(index)
    index.add_argument("--rebuild", action="store_true", help="rebuild from scratch")

    search = commands.add_parser("search", help="search the corpus")
    search.add_argument("query", help="the query; '-' reads one query per line from stdin")
    _corpus_option(search)
    search.add_argument(
        "--limit",
        type=_positive_int,
        default=20,
        metavar="N",
        help="at most N articles (or passages)",
    )
    search.add_argument("--json", action="store_true", help="print JSON (JSON Lines for '-')")
    search.add_argument(
        "--passages", action="store_true", help="flat passage hits, best first (for scripts)"
    )

    facts = commands.add_parser("facts", help="figures, dates and names, checked across articles")
    facts.add_argument("id", nargs="?", help="article id or unique prefix (default: every one)")
    _corpus_option(facts)
    facts.add_argument("--json", action="store_true", help="print a JSON array")

    compare = commands.add_parser("compare", help="two articles side by side, paragraphs aligned")
    compare.add_argument("a", help="article id or unique prefix")
    compare.add_argument("b", nargs="?", help="the other article (default: A's closest story)")
    _corpus_option(compare)
    compare.add_argument("--json", action="store_true", help="print a JSON object")

    bookmarks = commands.add_parser("bookmarks", help="passages kept with a note and tags")
    actions = bookmarks.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="bookmark a passage (or a quote in it)")
    add.add_argument("id", help="article id or unique prefix")
    add.add_argument(
        "--passage",
        type=_positive_int,
        required=True,
        metavar="N",
        help="passage number, 1 first, as shown by the app and the plain output",
    )
    add.add_argument("--quote", help="bookmark this text of the passage, not all of it")
    add.add_argument("--note", default="")
    add.add_argument("--tag", action="append", default=[], metavar="T")
    listing = actions.add_parser("list", help="every bookmark of the corpus, re-anchored")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    remove = actions.add_parser("remove", help="remove a bookmark")
    remove.add_argument("bid", help="bookmark id or unique prefix")
    export = actions.add_parser("export", help="print the bookmarks to paste into notes")
    export.add_argument("--format", choices=("markdown", "json"), default="markdown")
    for sub in (add, listing, remove, export):
        _corpus_option(sub)
    return parser


def build_app_parser() -> OneLineParser:
    parser = OneLineParser(
        prog=PROG,
        description="Open the reader. Sub-commands: " + ", ".join(SUBCOMMANDS) + ".",
    )
    parser.add_argument("folder", nargs="?", type=Path, help="corpus folder to open")
    _corpus_option(parser)
    return parser
