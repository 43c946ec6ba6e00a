"""The `dossier` command: sub-commands over the corpus, or the reader app when none is given.

No traceback reaches the user: bad arguments and unknown ids exit 2 with one line on stderr,
any other failure exits 1 with one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from search import (
    Article,
    CorpusError,
    IndexBusy,
    LoadError,
    PassageKind,
    UnknownArticle,
    UnknownBookmark,
)
from search.index import SearchResult, UpdateReport
from search.reading import load_corpus, scan_corpus
from search.userdata import locations

if TYPE_CHECKING:
    from search.index import CorpusIndex
from search.safety import one_line, visible
from search.userdata import UserFileError

PROG = "dossier"
SUBCOMMANDS = ("articles", "show", "index", "search", "facts", "compare", "bookmarks")


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

    index = commands.add_parser("index", help="build or update the search index")
    _corpus_option(index)
    index.add_argument("--rebuild", action="store_true", help="rebuild from scratch")

    search = commands.add_parser("search", help="search the corpus")
    search.add_argument("query", help="the query; '-' reads one query per line from stdin")
    _corpus_option(search)
    search.add_argument("--limit", type=_positive_int, default=20, metavar="N")
    search.add_argument("--json", action="store_true", help="print JSON (JSON Lines for '-')")

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
        "--passage", type=int, required=True, metavar="N", help="passage index (0 first)"
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


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def build_app_parser() -> OneLineParser:
    parser = OneLineParser(
        prog=PROG,
        description="Open the reader. Sub-commands: " + ", ".join(SUBCOMMANDS) + ".",
    )
    parser.add_argument("folder", nargs="?", type=Path, help="corpus folder to open")
    _corpus_option(parser)
    return parser


# --- output -------------------------------------------------------------------------------------


def article_summary(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "byline": article.byline,
        "published": article.published,
        "words": article.words,
        "passages": len(article.passages),
        "path": str(article.path),
    }


def article_json(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "byline": article.byline,
        "attribution": article.attribution,
        "published": article.published,
        "url": article.url,
        "passages": [
            {
                "index": p.index,
                "kind": p.kind.value,
                "text": p.text,
                "lines": list(p.lines) if p.lines else None,
            }
            for p in article.passages
        ],
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in article.removed],
        "encoding": article.encoding,
        "repairs": article.repairs,
    }


def article_markdown(article: Article) -> str:
    details = " · ".join(
        part for part in (article.source, article.byline, article.published) if part
    )
    out = [f"# {article.title}", ""]
    if details:
        out += [f"*{details}*", ""]
    for passage in article.passages:
        if passage.kind is PassageKind.HEADING:
            out.append(f"{'#' * max(2, passage.level)} {passage.text}")
        elif passage.kind is PassageKind.LIST_ITEM:
            out.append(f"- {passage.text}")
        elif passage.kind is PassageKind.QUOTE:
            out.append(f"> {passage.text}")
        else:
            out.append(passage.text)
        out.append("")
    return "\n".join(out)


def article_text(article: Article) -> str:
    details = " · ".join(
        part for part in (article.source, article.byline, article.published) if part
    )
    out = [article.title, "=" * min(len(article.title), 72)]
    if details:
        out.append(details)
    out.append("")
    for passage in article.passages:
        prefix = "• " if passage.kind is PassageKind.LIST_ITEM else ""
        prefix = "│ " if passage.kind is PassageKind.QUOTE else prefix
        out += [prefix + passage.text, ""]
    return "\n".join(out)


def _write(text: str) -> None:
    sys.stdout.write(visible(text))
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def _warn(message: str) -> None:
    print(f"{PROG}: {visible(message)}", file=sys.stderr)


# --- commands -----------------------------------------------------------------------------------


def _corpus_root(args: argparse.Namespace) -> Path:
    return args.corpus if args.corpus is not None else locations.default_corpus()


def cmd_articles(args: argparse.Namespace) -> int:
    corpus = load_corpus(_corpus_root(args))
    for skipped in corpus.skipped:
        _warn(f"skipped {skipped.path}: {skipped.reason}")
    rows = [article_summary(a) for a in corpus.articles]
    if args.json:
        _write(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False, pad_edge=False, header_style="bold", expand=True)
    table.add_column("id", no_wrap=True, max_width=24)
    table.add_column("title", no_wrap=True, overflow="ellipsis", ratio=1)
    table.add_column("source", no_wrap=True, overflow="ellipsis", max_width=16)
    table.add_column("published", no_wrap=True)
    table.add_column("words", justify="right", no_wrap=True)
    columns = ("id", "title", "source", "published", "words")
    for row in rows:
        table.add_row(*(Text(visible(str(row[k] or ""))) for k in columns))
    Console().print(table)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from search.reading import load_article

    scan = scan_corpus(_corpus_root(args))
    source = scan.resolve(args.id)
    try:
        article = load_article(source)
    except LoadError as error:
        raise CorpusError(f"{source.path}: {error}") from error
    if args.format == "json" or args.json:
        _write(json.dumps(article_json(article), ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        _write(article_markdown(article))
    else:
        _write(article_text(article))
    return 0


def _open_index(
    root: Path, *, rebuild: bool = False, searching: bool = False
) -> tuple[CorpusIndex, UpdateReport]:
    """Update the corpus's index, with a progress bar when stderr is a terminal. To search,
    an index that another process is updating is searched as it is; to index, that is an
    error (IndexBusy)."""
    from search.index import CorpusIndex  # Whoosh: imported by the commands that search

    index = CorpusIndex(root)

    def bring_up_to_date(progress=None) -> UpdateReport:  # type: ignore[no-untyped-def]
        if searching:
            return index.open(progress)
        return index.update(rebuild=rebuild, progress=progress)

    if not sys.stderr.isatty():
        return index, bring_up_to_date()
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("indexing", total=None)

        def progress(done: int, total: int, what: str) -> None:
            bar.update(task, completed=done, total=total, description=what)

        report = bring_up_to_date(progress)
    return index, report


def _report_update(report: UpdateReport) -> None:
    if report.rebuilt:
        _warn(f"notice: {report.rebuilt}: rebuilt the index")
    if report.busy:
        _warn("notice: another Dossier is updating the index; results may be a little stale")
    for skipped in report.skipped:
        _warn(f"skipped {skipped.path}: {skipped.reason}")


def cmd_index(args: argparse.Namespace) -> int:
    root = _corpus_root(args)
    scan_corpus(root)
    _, report = _open_index(root, rebuild=args.rebuild)
    _report_update(report)
    _write(f"index of {root}: {report.summary()}")
    return 0


def _print_hits(result: SearchResult) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    if result.error:
        _warn(f"error: {result.error}")
        return
    heading = f"{result.total} passage{'s' if result.total != 1 else ''} match {result.query!r}"
    console.print(Text(visible(heading), style="bold"))
    if result.suggestion:
        console.print(Text(f"did you mean: {visible(result.suggestion)}", style="yellow"))
    for hit in result.hits:
        console.print(
            Text(f"\n{hit.article} · passage {hit.passage} · {hit.score:.2f}", style="dim")
        )
        console.print(Text(visible(hit.title), style="bold"))
        snippet = Text(visible(hit.snippet))
        for start, end in hit.matches:
            snippet.stylize("bold reverse", start, end)
        console.print(snippet)


def cmd_search(args: argparse.Namespace) -> int:
    root = _corpus_root(args)
    scan_corpus(root)
    index, report = _open_index(root, searching=True)
    _report_update(report)
    if args.query == "-":
        for line in sys.stdin:
            if line.strip():
                result = index.search(line.rstrip("\n"), limit=args.limit)
                sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
                sys.stdout.flush()
        return 0
    result = index.search(args.query, limit=args.limit)
    if args.json:
        _write(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        _print_hits(result)
    return 2 if result.error else 0


FACT_MARKS = {"corroborated": "✓", "conflict": "≠", "alone": "·"}


def cmd_facts(args: argparse.Namespace) -> int:
    from search.facts import FactStore

    root = _corpus_root(args)
    scan = scan_corpus(root)
    wanted = scan.resolve(args.id).id if args.id else None
    store = FactStore(root)
    checked = store.checked()
    if wanted is not None and wanted in store.skipped:
        raise CorpusError(f"{wanted}: {store.skipped[wanted]}")
    entries = [e for aid, facts in checked.items() if wanted in (None, aid) for e in facts]
    if args.json:
        _write(json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    for entry in entries:
        fact = entry.fact
        line = Text(f"{FACT_MARKS[entry.status]} {fact.article[:12]:12} {fact.kind:8} ")
        line.append(visible(fact.text), style="bold")
        if fact.kind == "entity":
            line.append(f"  ×{fact.mentions}", style="dim")
        if entry.corroborated_by:
            line.append(f"  also in {', '.join(a[:12] for a in entry.corroborated_by)}", "dim")
        for conflict in entry.conflicts:
            line.append(f"  ≠ {conflict.article[:12]}: {visible(conflict.text)}")
        console.print(line)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from search import Workspace

    workspace = Workspace(_corpus_root(args))
    result = workspace.compare(args.a, args.b)
    if args.json:
        _write(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.text import Text

    a, b = workspace.article(result.a), workspace.article(result.b)
    console = Console(highlight=False)
    console.print(Text(f"A {a.id}: {visible(a.title)}\nB {b.id}: {visible(b.title)}"))
    console.print(f"similarity {result.similarity:.2f}, {len(result.pairs())} pairs")
    for left, right, score in result.pairs():
        sides = [str(x + 1) if x is not None else "-" for x in (left, right)]
        console.print(
            f"  {sides[0]:>4} ~ {sides[1]:<4} {score:.2f}"
            if score
            else f"  {sides[0]:>4} | {sides[1]}"
        )
    for d in result.disagreements:
        line = Text(f"≠ passage {d.a_passage + 1} / {d.b_passage + 1}: ")
        line.append(visible(d.a_text), style="bold")
        line.append(" vs ")
        line.append(visible(d.b_text), style="bold")
        console.print(line)
    return 0


def cmd_bookmarks(args: argparse.Namespace) -> int:
    from search import Workspace
    from search.bookmarks import BookmarkStore, export_markdown, new_bookmark

    root = _corpus_root(args)
    if args.action == "add":
        article = Workspace(root).article(args.id)
        bookmark = new_bookmark(
            root, article, args.passage, quote=args.quote, note=args.note, tags=tuple(args.tag)
        )
        BookmarkStore().add(bookmark)
        print(f"bookmarked passage {args.passage} of {article.id} as {bookmark.id}")
        return 0
    if args.action == "remove":
        removed = BookmarkStore().remove(args.bid)
        print(f"removed {removed.id} ({removed.article}, passage {removed.anchor.passage})")
        return 0
    workspace = Workspace(root)
    located, articles = workspace.bookmarks()
    for notice in workspace.bookmark_store.notices:
        print(f"dossier: {one_line(notice)}", file=sys.stderr)
    if args.action == "list" and not args.json:
        for b in located:
            status = b.status if b.status != "moved" else f"moved {b.found.confidence:.2f}"
            quote = one_line(b.anchor.quote)[:60]
            print(f"{b.id}  {b.article[:12]:12} {b.passage:>4}  {status:12} {quote}")
        return 0
    if args.action == "export" and args.format == "markdown":
        _write(export_markdown(located, articles))
        return 0
    _write(json.dumps([b.as_json() for b in located], ensure_ascii=False, indent=2))
    return 0


def run_app(argv: Sequence[str]) -> int:
    args = build_app_parser().parse_args(list(argv))
    from search.userdata import default_corpus, load_config

    config = load_config()
    root = args.folder or args.corpus or default_corpus(config)
    scan_corpus(root)  # a missing folder is a one-line error before the screen opens
    from tui.app import create_app

    create_app(corpus=root, config=config).run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in {"-h", "--help"}):
            return run_app(argv)
        args = build_parser().parse_args(argv)
        handlers = {
            "articles": cmd_articles,
            "show": cmd_show,
            "index": cmd_index,
            "search": cmd_search,
            "facts": cmd_facts,
            "compare": cmd_compare,
            "bookmarks": cmd_bookmarks,
        }
        handler = handlers[args.command]
        return handler(args)
    except (UsageError, UnknownArticle, UnknownBookmark) as error:
        _warn(f"error: {error}")
        return 2
    except UserFileError as error:
        _warn(f"error: {error}")
        return 1
    except CorpusError as error:
        _warn(f"error: {error}")
        return 2
    except IndexBusy as error:
        _warn(f"error: {error}")
        return 1
    except KeyboardInterrupt:  # writes are atomic: what was on disk before is intact
        _warn("interrupted")
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader of our output went away (| head): not an error
        return 0
    except Exception as error:  # the promise: no traceback ever reaches the user
        _warn(f"error: {type(error).__name__}: {error}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
