"""`dossier facts [ID] [--json]`: figures, dates and names, marked ✓ corroborated, ≠ in
conflict, · alone."""

from __future__ import annotations

from argparse import Namespace

from search import CorpusError, LoadError
from search.render import FACT_MARKS
from search.safety import visible
from tui.cli.output import console, workspace, write_json


def run(args: Namespace) -> int:
    corpus = workspace(args)
    if args.id:
        try:
            entries = corpus.facts_of(args.id)
        except LoadError as error:
            raise CorpusError(str(error)) from error
    else:
        entries = [entry for facts in corpus.facts().values() for entry in facts]
    if args.json:
        write_json([e.as_json() for e in entries])
        return 0
    from rich.text import Text

    out = console()
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
        out.print(line)
    return 0
