"""What the command line prints: text made visible (no escape reaches the terminal), one-line
warnings on stderr, JSON, a Rich console, and a progress bar while the index is built."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from search.safety import visible
from search.userdata import locations
from tui.cli.names import PROG

if TYPE_CHECKING:
    from argparse import Namespace

    from rich.console import Console

    from search import Workspace
    from search.index import UpdateReport

Progress = Callable[[int, int, str], None]


def write(text: str) -> None:
    sys.stdout.write(visible(text))
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def write_json(data: object) -> None:
    write(json.dumps(data, ensure_ascii=False, indent=2))


def warn(message: str) -> None:
    print(f"{PROG}: {visible(message)}", file=sys.stderr)


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def corpus_root(args: Namespace) -> Path:
    return args.corpus if args.corpus is not None else locations.default_corpus()


def workspace(args: Namespace) -> Workspace:
    """The corpus named by `--corpus` (else the default one), opened as the app opens it."""
    from search import Workspace

    return Workspace(corpus_root(args))


@contextmanager
def progress_bar() -> Iterator[Progress | None]:
    """A progress callback drawing a bar on a terminal's stderr (None elsewhere)."""
    if not sys.stderr.isatty():
        yield None
        return
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

        yield progress


def report_update(report: UpdateReport) -> None:
    """What an index update has to tell: a rebuild, another writer, the files skipped."""
    if report.rebuilt:
        warn(f"notice: {report.rebuilt}: rebuilt the index")
    if report.busy:
        warn("notice: another Dossier is updating the index; results may be a little stale")
    for skipped in report.skipped:
        warn(f"skipped {skipped.path}: {skipped.reason}")
