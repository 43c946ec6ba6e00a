"""One measurement of the reader app in a fresh process, printed as a JSON object:

- `python -m bench.app_worker paint bare` — a bare Textual app showing one `Static`;
- `python -m bench.app_worker paint dossier CORPUS INDEX` — the reader on a corpus;
- `python -m bench.app_worker keys CORPUS INDEX QUERIES.json` — keystroke-to-results in the
  search screen, driven by Pilot, and the memory of the running app;
- `python -m bench.app_worker build CORPUS INDEX` — a first start with no index: when the
  library is usable, how the library answers keys while the index builds in the background,
  how often progress shows, how long the build takes, and memory;
- `python -m bench.app_worker restart CORPUS INDEX` — a second start: first paint, and the
  time until the index is open and up to date.

"First paint" is the wall-clock time from the parent starting the process (passed in the
environment as BENCH_SPAWNED) to the end of the first screen update that shows the app's own
screen: interpreter start, imports and the first layout all count, as a user would feel them.
The app runs headless at 120x36.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

SIZE = (120, 36)


def _since_spawn() -> float:
    return (time.time() - float(os.environ["BENCH_SPAWNED"])) * 1000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def paint_bare() -> dict:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[float]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

        def post_display_hook(self) -> None:
            if self.is_running and self.screen.query(Static):
                self.exit(_since_spawn())

    return {"first_paint_ms": Bare().run(headless=True, size=SIZE)}


def paint_dossier(corpus: Path, location: Path) -> dict:
    from tui.app import create_app
    from tui.screens.reader import ReaderScreen

    app = create_app(corpus, index_location=location)
    painted: list[float] = []
    original = app.post_display_hook

    def hook() -> None:
        original()
        if not painted and isinstance(app.screen, ReaderScreen):
            painted.append(_since_spawn())
            app.exit()

    app.post_display_hook = hook  # type: ignore[method-assign]
    app.run(headless=True, size=SIZE)
    return {"first_paint_ms": painted[0]}


async def _keys(corpus: Path, location: Path, queries: list[str]) -> dict:
    from textual.widgets import Input

    from tui.app import create_app
    from tui.screens.search import SearchScreen

    app = create_app(corpus, index_location=location)
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.to_thread(app.workspace.index_ready.wait, 600)
        await pilot.pause()
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        field = screen.query_one("#search-input", Input)
        for query in queries:
            field.value = ""
            await pilot.pause()
            # Type all but the last key, let those searches finish, then time the last key.
            for char in query[:-1]:
                await pilot.press(char)
            await app.workers.wait_for_complete()
            await pilot.pause()
            before = screen.shown_at
            started = time.perf_counter()
            await pilot.press(query[-1])
            while screen.shown_at == before:
                await asyncio.sleep(0.001)
            times.append((screen.shown_at - started) * 1000)
        peak = _peak_mb()
    ordered = sorted(times)
    return {
        "p50_ms": statistics.median(ordered),
        "p95_ms": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
        "queries": len(times),
        "peak_mb": peak,
    }


async def _build(corpus: Path, location: Path) -> dict:
    from textual.widgets import Static

    from tui.app import create_app
    from tui.widgets.library import LibraryList

    app = create_app(corpus, index_location=location)
    started = time.perf_counter()
    presses: list[float] = []
    progress: set[str] = set()
    usable_at = None
    async with app.run_test(size=SIZE) as pilot:
        while not app.workspace.index_ready.is_set():
            library = app.screen.query(LibraryList)
            if usable_at is None and library and library.first().rows:
                usable_at = time.perf_counter() - started
            if usable_at is not None:  # walk the library as a user would, and time each key
                pressed = time.perf_counter()
                await pilot.press("j")
                presses.append((time.perf_counter() - pressed) * 1000)
                status = str(app.screen.query_one("#status", Static).render())
                if status.startswith("Indexing"):
                    progress.add(status)
            await asyncio.sleep(0.2)
        built = time.perf_counter() - started
        peak = _peak_mb()
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    ordered = sorted(presses) or [0.0]
    return {
        "usable_ms": (usable_at or 0) * 1000,
        "built_s": built,
        "presses": len(presses),
        "press_p50_ms": statistics.median(ordered),
        "press_p95_ms": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
        "progress_updates_seen": len(progress),
        "peak_mb": peak,
        "children_peak_mb": children,
    }


def restart(corpus: Path, location: Path) -> dict:
    import threading

    from tui.app import create_app
    from tui.screens.reader import ReaderScreen

    app = create_app(corpus, index_location=location)
    times: dict[str, float] = {}
    original = app.post_display_hook

    def hook() -> None:
        original()
        if "first_paint_ms" not in times and isinstance(app.screen, ReaderScreen):
            times["first_paint_ms"] = _since_spawn()

    def wait_for_index() -> None:
        app.workspace.index_ready.wait(600)
        times["index_open_ms"] = _since_spawn()
        app.call_from_thread(app.exit)

    app.post_display_hook = hook  # type: ignore[method-assign]
    threading.Thread(target=wait_for_index, daemon=True).start()
    app.run(headless=True, size=SIZE)
    return times | {"peak_mb": _peak_mb()}


def main(argv: list[str]) -> dict:
    mode = argv[0]
    if mode == "paint" and argv[1] == "bare":
        return paint_bare()
    if mode == "paint":
        return paint_dossier(Path(argv[2]), Path(argv[3]))
    if mode == "build":
        return asyncio.run(_build(Path(argv[1]), Path(argv[2])))
    if mode == "restart":
        return restart(Path(argv[1]), Path(argv[2]))
    queries = json.loads(Path(argv[3]).read_text())
    return asyncio.run(_keys(Path(argv[1]), Path(argv[2]), queries))


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
