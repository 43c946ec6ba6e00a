"""The reader app: first paint against a bare Textual app, on the seeds and on 20k articles;
keystroke-to-results in the search screen; memory of the running app. Each measurement runs in
a fresh process (bench/app_worker.py), alternating between the apps compared."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.search import WORK

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PAINT_RUNS = 9
TYPED_QUERIES = 40  # one- and two-word queries typed into the search screen


def _worker(*args: object) -> dict:
    env = dict(os.environ, BENCH_SPAWNED=repr(time.time()))
    done = subprocess.run(
        [sys.executable, "-m", "bench.app_worker", *map(str, args)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _seed_index() -> Path:
    from search.index.corpus_index import CorpusIndex

    location = WORK / "app-index-seeds"
    CorpusIndex(SEEDS, location=location).update()
    return location


def run(large: int = 20000) -> str:
    corpus, index = WORK / f"corpus-{large}", WORK / f"index-{large}"
    if not index.exists():
        return f"## The reader app\n\nskipped: run the search benchmark at {large:,} first\n"
    seeds_index = _seed_index()
    paints: dict[str, list[float]] = {"bare": [], "seeds": [], "large": []}
    _worker("paint", "dossier", corpus, index)  # warm the file cache once
    for _ in range(PAINT_RUNS):
        paints["bare"].append(_worker("paint", "bare")["first_paint_ms"])
        paints["seeds"].append(_worker("paint", "dossier", SEEDS, seeds_index)["first_paint_ms"])
        paints["large"].append(_worker("paint", "dossier", corpus, index)["first_paint_ms"])
    bare, seeds, big = (statistics.median(paints[k]) for k in ("bare", "seeds", "large"))

    queries = json.loads((WORK / f"queries-{large}.json").read_text())
    typed = (queries["one word"] + queries["two words"])[::2][:TYPED_QUERIES]
    typed_file = WORK / f"typed-{large}.json"
    typed_file.write_text(json.dumps(typed))
    keys = _worker("keys", corpus, index, typed_file)

    return (
        "## The reader app\n\n"
        f"First paint: wall clock from process start to the first frame of the app's own "
        f"screen, headless at 120x36, median of {PAINT_RUNS} runs alternating the three.\n\n"
        "| measure | Dossier | baseline | ratio | target |\n|---|---:|---:|---:|---:|\n"
        f"| first paint, seeds vs a bare app with one Static | {seeds:.0f} ms | {bare:.0f} ms | "
        f"{seeds / bare:.2f}x | <= 1.3x |\n"
        f"| first paint, {large:,} articles vs the seeds | {big:.0f} ms | {seeds:.0f} ms | "
        f"{big / seeds:.2f}x | <= 1.0x (noise aside) |\n"
        f"| keystroke to results in the search screen, {large:,} articles, p50 / p95 "
        f"({keys['queries']} typed queries, Pilot) | {keys['p50_ms']:.0f} / "
        f"{keys['p95_ms']:.0f} ms | - | - | p95 <= 100 ms |\n"
        f"| peak memory of the app after those searches, {large:,} articles | "
        f"{keys['peak_mb']:.0f} MB | - | - | <= 250 MB |\n"
    )


def scale(large: int = 20000) -> str:
    """A first start on `large` articles with no index, then a restart on the built one."""
    import shutil

    corpus, location = WORK / f"corpus-{large}", WORK / f"app-build-{large}"
    if not corpus.exists():
        return f"## A first start at {large:,} articles\n\nskipped: no corpus-{large} yet\n"
    shutil.rmtree(location, ignore_errors=True)
    build = _worker("build", corpus, location)
    restarts = [_worker("restart", corpus, location) for _ in range(3)]
    paint = statistics.median(r["first_paint_ms"] for r in restarts)
    opened = statistics.median(r["index_open_ms"] for r in restarts)
    memory = max(r["peak_mb"] for r in restarts)
    return (
        f"## A first start at {large:,} articles, then a restart\n\n"
        "The first start has no index: the library lists the files at once and the index is "
        "built behind it, its progress in the status line. Meanwhile a Pilot walks the library "
        "with `j` every 200 ms; a key's time is the press's round trip until the screen is "
        "idle again (building competes for the interpreter). The restart (median of 3 fresh "
        "processes) opens the built index.\n\n"
        "| measure | value | target |\n|---|---:|---:|\n"
        f"| first start: library usable after | {build['usable_ms']:.0f} ms | at once |\n"
        f"| first start: index built after | {build['built_s']:.0f} s | in the background |\n"
        f"| first start: library key p50 / p95 during the build ({build['presses']} keys) | "
        f"{build['press_p50_ms']:.0f} / {build['press_p95_ms']:.0f} ms | usable |\n"
        f"| first start: distinct progress lines seen | {build['progress_updates_seen']} | "
        "progress shown |\n"
        f"| first start: peak memory, app / its cleaning processes | {build['peak_mb']:.0f} / "
        f"{build['children_peak_mb']:.0f} MB | <= 250 MB (app) |\n"
        f"| restart: first paint | {paint:.0f} ms | instant |\n"
        f"| restart: index open and up to date | {opened:.0f} ms | instant |\n"
        f"| restart: peak memory | {memory:.0f} MB | <= 250 MB |\n"
    )
