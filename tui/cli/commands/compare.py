"""`dossier compare A [B] [--json]`: passages aligned, and the figures the two disagree on."""

from __future__ import annotations

from argparse import Namespace

from search.safety import visible
from tui.cli.output import console, workspace, write_json


def run(args: Namespace) -> int:
    corpus = workspace(args)
    result = corpus.compare(args.a, args.b)
    if args.json:
        write_json(result.as_json())
        return 0
    from rich.text import Text

    a, b = corpus.article(result.a), corpus.article(result.b)
    out = console()
    out.print(Text(f"A {a.id}: {visible(a.title)}\nB {b.id}: {visible(b.title)}"))
    out.print(f"similarity {result.similarity:.2f}, {len(result.pairs())} pairs")
    for left, right, score in result.pairs():
        sides = [str(x + 1) if x is not None else "-" for x in (left, right)]
        out.print(
            f"  {sides[0]:>4} ~ {sides[1]:<4} {score:.2f}"
            if score
            else f"  {sides[0]:>4} | {sides[1]}"
        )
    for d in result.disagreements:
        line = Text(f"≠ passage {d.a_passage + 1} / {d.b_passage + 1}: ")
        line.append(visible(d.a_text), style="bold")
        line.append(" vs ")
        line.append(visible(d.b_text), style="bold")
        out.print(line)
    return 0
