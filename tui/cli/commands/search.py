"""`dossier search QUERY|- [--json] [--passages] [--limit N]`: articles best first, each with its
best passages (terms highlighted) and the copies folded under it; `--passages` gives flat passage
hits for scripts; with '-', one query per line from stdin, one JSON line per query."""

from __future__ import annotations

import json
import sys
from argparse import Namespace

from search.index import SearchResult
from search.safety import visible
from tui.cli.output import console, progress_bar, report_update, warn, workspace, write_json

SHOWN = 2  # passages printed under each article; the rest are counted


def counted(result: SearchResult) -> str:
    """ "13 passages in 4 articles" (about N passages when the count is an upper bound)."""
    about = "" if result.total_exact else "about "
    said = f"{about}{result.total} passage{'' if result.total == 1 else 's'}"
    if result.grouped:
        articles = len(result.articles)
        said += f" in {articles} article{'' if articles == 1 else 's'}"
    return said


def print_result(result: SearchResult) -> None:
    from rich.text import Text

    out = console()
    if result.error:
        warn(f"error: {result.error}")
        return
    out.print(Text(visible(f"{counted(result)} match {result.query!r}"), style="bold"))
    if result.suggestion:
        out.print(Text(f"did you mean: {visible(result.suggestion)}", style="yellow"))
    if result.grouped:
        for article in result.articles:
            out.print(Text(f"\n{visible(article.title)}", style="bold"))
            out.print(Text(f"{article.article} · {article.score:.2f}", style="dim"))
            for hit in article.passages[:SHOWN]:
                _print_passage(out, hit)
            if article.more(SHOWN):
                out.print(Text(f"  +{article.more(SHOWN)} more in this article", style="dim"))
            for copy in article.copies:
                kind = "copy" if copy.identical else "near copy"
                out.print(Text(f"  {kind}: {copy.article} {visible(copy.title)}", style="dim"))
        return
    for hit in result.hits:
        out.print(Text(f"\n{visible(hit.title)}", style="bold"))
        out.print(Text(f"{hit.article} · {hit.score:.2f}", style="dim"))
        _print_passage(out, hit)


def _print_passage(out, hit) -> None:  # type: ignore[no-untyped-def]
    from rich.text import Text

    line = Text(f"  passage {hit.passage + 1}: ", style="dim")
    snippet = Text(visible(hit.snippet))
    for start, end in hit.matches:
        snippet.stylize("bold reverse", start, end)
    out.print(line + snippet)


def run(args: Namespace) -> int:
    corpus = workspace(args)
    corpus.scan()
    with progress_bar() as progress:
        report = corpus.open_index(progress=progress)
    report_update(report)
    find = corpus.search_passages if args.passages else corpus.search
    if args.query == "-":
        for line in sys.stdin:
            if line.strip():
                result = find(line.rstrip("\n"), limit=args.limit)
                sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
                sys.stdout.flush()
        return 0
    result = find(args.query, limit=args.limit)
    if args.json:
        write_json(result.as_json())
    else:
        print_result(result)
    return 2 if result.error else 0
