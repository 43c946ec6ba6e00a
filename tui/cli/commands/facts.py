"""`dossier facts [ID] [--json]`: figures, dates and names, marked ✓ corroborated, ≠ in
conflict, · alone; a figure stated several times is one line with its count, and the other
articles are named by their title."""

from __future__ import annotations

from argparse import Namespace

from search import CorpusError, LoadError
from search.facts import FactGroup, article_name, group_facts
from search.render import FACT_MARKS
from search.safety import visible
from tui.cli.output import console, workspace, write_json


def run(args: Namespace) -> int:
    corpus = workspace(args)
    if args.id:
        try:
            by_article = {corpus.source(args.id).id: corpus.facts_of(args.id)}
        except LoadError as error:
            raise CorpusError(str(error)) from error
    else:
        by_article = corpus.facts()
    if args.json:
        write_json([e.as_json() for entries in by_article.values() for e in entries])
        return 0
    groups: dict[str, list[FactGroup]] = {a: group_facts(e) for a, e in by_article.items()}
    linked = {aid for rows in groups.values() for g in rows for aid in g.linked_articles()}
    infos = corpus.linked_articles(sorted(linked)) if linked else {}
    from rich.text import Text

    out = console()
    for article_id, rows in groups.items():
        if not args.id:
            out.print(Text(visible(article_id), style="bold underline"))
        for group in rows:
            fact = group.first.fact
            line = Text(f"{FACT_MARKS[group.status]} {fact.kind:8} ")
            line.append(visible(fact.text), style="bold")
            if group.count > 1:
                line.append(f"  ×{group.count}", style="dim")
            out.print(line)
            for link in group.links:
                sign = {"corroborates": "  ✓ also in", "conflicts": "  ≠ in"}.get(
                    link.relation, f"  {link.relation}:"
                )
                detail = Text(f"{sign} {visible(article_name(link.article, infos))}", style="dim")
                if link.relation == "conflicts":
                    detail.append(f": {visible(link.text)}")
                out.print(detail)
    return 0
