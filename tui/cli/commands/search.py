"""`dossier search QUERY|- [--json] [--limit N]`: passages, best first, terms highlighted; with
'-', one query per line from stdin, one JSON line per query."""

from __future__ import annotations

import json
import sys
from argparse import Namespace

from search.index import SearchResult
from search.safety import visible
from tui.cli.output import console, progress_bar, report_update, warn, workspace, write_json


def print_hits(result: SearchResult) -> None:
    from rich.text import Text

    out = console()
    if result.error:
        warn(f"error: {result.error}")
        return
    heading = f"{result.total} passage{'s' if result.total != 1 else ''} match {result.query!r}"
    out.print(Text(visible(heading), style="bold"))
    if result.suggestion:
        out.print(Text(f"did you mean: {visible(result.suggestion)}", style="yellow"))
    for hit in result.hits:
        where = f"\n{hit.article} · passage {hit.passage + 1} · {hit.score:.2f}"  # 1 first
        out.print(Text(where, style="dim"))
        out.print(Text(visible(hit.title), style="bold"))
        snippet = Text(visible(hit.snippet))
        for start, end in hit.matches:
            snippet.stylize("bold reverse", start, end)
        out.print(snippet)


def run(args: Namespace) -> int:
    corpus = workspace(args)
    corpus.scan()
    with progress_bar() as progress:
        report = corpus.open_index(progress=progress)
    report_update(report)
    if args.query == "-":
        for line in sys.stdin:
            if line.strip():
                result = corpus.search(line.rstrip("\n"), limit=args.limit)
                sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
                sys.stdout.flush()
        return 0
    result = corpus.search(args.query, limit=args.limit)
    if args.json:
        write_json(result.as_json())
    else:
        print_hits(result)
    return 2 if result.error else 0
