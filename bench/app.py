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
    from search.index import CorpusIndex

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
