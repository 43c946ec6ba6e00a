"""The fact store brought up to date in a process of its own, as the reader app does it for a
large corpus.

Reading every article's facts and checking them across a corpus is long and large (20,000
articles: minutes of processor time and over a gigabyte at its peak, bench/REPORT.md "Facts at
20,000 articles"). In the app's own process it would hold the memory for as long as the app
runs and slow every keystroke (the GIL); in a child process the memory goes back when it ends,
and the app then reads one article's row at a time (`FactStore.checked_for`).

The child is `python -m search.facts.apart ROOT LOCATION`, a plain subprocess: it reports on
its standard output, one line each ("progress DONE TOTAL", "done", "error MESSAGE").
(multiprocessing cannot start a child from the app: Textual replaces sys.stderr with an
object without a file descriptor, which multiprocessing hands to the child.)
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.25  # how often the parent looks whether it was cancelled
PROGRESS_EVERY = 0.5  # seconds between two progress reports from the child


class FactsFailed(RuntimeError):
    """The child process could not bring the store up to date (the message says why)."""


def refresh_apart(
    root: Path,
    location: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> bool:
    """Bring the fact store of the corpus at `root` (kept in `location`) up to date in a child
    process. Returns False when `cancelled()` turned true first (the child is stopped);
    raises FactsFailed when the child failed or died."""
    package_home = str(Path(__file__).resolve().parents[2])  # where `search` is importable
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in (package_home, os.environ.get("PYTHONPATH")) if p),
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "search.facts.apart", str(root), str(location)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
        start_new_session=True,  # Ctrl-C in the terminal is the parent's to handle
    )
    assert child.stdout is not None
    try:
        while True:
            ready, _, _ = select.select([child.stdout], [], [], POLL_SECONDS)
            if cancelled():
                return False
            if not ready:
                continue
            line = child.stdout.readline()
            if not line:  # the child ended without saying done
                child.wait(timeout=10)
                raise FactsFailed(f"the facts process stopped (exit code {child.returncode})")
            kind, _, rest = line.rstrip("\n").partition(" ")
            if kind == "progress" and progress is not None:
                done, total = (int(n) for n in rest.split())
                progress(done, total)
            elif kind == "error":
                raise FactsFailed(rest)
            elif kind == "done":
                return True
    finally:
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        child.stdout.close()


def main(argv: list[str]) -> int:
    """The child: refresh the store, reporting progress, then done (or the error, in one
    line; never a traceback)."""
    root, location = Path(argv[0]), Path(argv[1])
    last = 0.0

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_EVERY or done == total:
            last = now
            say(f"progress {done} {total}")

    try:
        from search.facts.store import FactStore

        FactStore(root, location=location).refresh(progress).close()
    except Exception as error:
        from search.errors import CorpusError

        text = str(error) if isinstance(error, CorpusError) else f"{type(error).__name__}: {error}"
        say("error " + " ".join(text.split()))
        return 1
    say("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
