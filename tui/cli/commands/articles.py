"""`dossier articles [--json]`: every article of the corpus, one row each; the JSON names the
articles that tell the same story, with the similarity `dossier compare` reports."""

from __future__ import annotations

from argparse import Namespace

from search.render import article_summary
from search.safety import visible
from tui.cli.output import console, warn, workspace, write_json

COLUMNS = ("id", "title", "source", "published", "words")


def run(args: Namespace) -> int:
    corpus = workspace(args)
    articles, skipped = corpus.read_all()
    for item in skipped:
        warn(f"skipped {item.path}: {item.reason}")
    rows = [article_summary(a) for a in articles]
    if args.json:
        partners = corpus.partners()  # compare's similarity, from the facts cache
        for row in rows:
            row["same_story"] = [
                {"id": other, "score": round(score, 3)}
                for other, score in partners.get(str(row["id"]), [])
            ]
        write_json(rows)
        return 0
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False, pad_edge=False, header_style="bold", expand=True)
    table.add_column("id", no_wrap=True, max_width=24)
    table.add_column("title", no_wrap=True, overflow="ellipsis", ratio=1)
    table.add_column("source", no_wrap=True, overflow="ellipsis", max_width=16)
    table.add_column("published", no_wrap=True)
    table.add_column("words", justify="right", no_wrap=True)
    for row in rows:
        table.add_row(*(Text(visible(str(row[k] or ""))) for k in COLUMNS))
    console().print(table)
    return 0
