"""Child processes of an index build, stopped cleanly.

A build on many files starts cleaning processes (a ProcessPoolExecutor) and Whoosh's
sub-writers (`MpWriter`). Two things go wrong without care:

* Ctrl-C in a terminal sends SIGINT to the whole foreground process group: every child
  printed its own KeyboardInterrupt traceback. Children ignore SIGINT; the parent, which
  gets it too, stops them.
* Whoosh's `MpWriter.cancel()` only sets a flag on the parent's copy of each sub-writer's
  Process object. The children go on: they crash on the temporary files the cancel deletes
  (a traceback each), or wait forever for the next job and hold the parent's exit (it joins
  non-daemon children). `cancel_writer` terminates them first.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from whoosh.multiproc import MpWriter
from whoosh.writing import IndexWriter


def ignore_interrupt() -> None:
    """A process initializer: leave SIGINT to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def interrupt_ignored() -> Iterator[None]:
    """Processes forked inside inherit SIGINT ignored. Only the main thread may set a
    handler; in any other (the app's build worker) the terminal is raw, and Ctrl-C is a key,
    not a signal, so there is nothing to do."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def start_subwriters(writer: IndexWriter) -> None:
    """Start all of a parallel writer's processes now, with SIGINT ignored (Whoosh would
    start them one by one as documents arrive, each taking the parent's handler)."""
    if isinstance(writer, MpWriter):
        with interrupt_ignored():
            while len(writer.tasks) < writer.procs:
                writer._new_task()  # noqa: SLF001 - whoosh-reloaded is pinned exactly


def cancel_writer(writer: IndexWriter) -> None:
    """Give up a writer's work and release its lock, its child processes stopped first."""
    for task in getattr(writer, "tasks", ()):
        task.terminate()
    for task in getattr(writer, "tasks", ()):
        task.join(timeout=10)
    writer.cancel()
