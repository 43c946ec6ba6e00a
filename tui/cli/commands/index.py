"""`dossier index [--rebuild]`: build or update the search index, with progress on a terminal."""

from __future__ import annotations

from argparse import Namespace

from tui.cli.output import progress_bar, report_update, workspace, write


def run(args: Namespace) -> int:
    corpus = workspace(args)
    corpus.scan()  # a missing folder is a one-line error before anything else
    with progress_bar() as progress:
        report = corpus.update_index(rebuild=args.rebuild, progress=progress)
    report_update(report)
    write(f"index of {corpus.root}: {report.summary()}")
    return 0
