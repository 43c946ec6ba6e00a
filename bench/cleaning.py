"""How long cleaning takes per article, against only decoding the same bytes (a ratio), and per
kilobyte of text on the seeds, the copied pages and the wire stories. With BENCH_BASELINE naming
a copy of another version of Dossier (`git archive f1f5e0e | tar -x -C /tmp/base`), that version's
cleaner is timed on the same files in the same run, side by side."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from search.reading.corpus import scan_corpus
from search.reading.loader import load_article
from search.userdata.locations import bundled_corpus
from tests.support.reading import NEWSWIRE, PAGES

ROUNDS = 30
SAMPLE_ROUNDS = 3
TURNS = 5  # with a baseline: each version timed this many times, in turns

# Run by this interpreter with sys.path[0] set to a checkout: that version's load_article timed
# on the files given, best of a few rounds (the files are the same for every version).
_TIMER = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from search.model import SourceFile
from search.reading.loader import load_article
paths = [Path(p) for p in json.loads(sys.argv[2])]
sources = [SourceFile(p.stem, p.parent, p.name, "text") for p in paths]
for s in sources:
    try:
        load_article(s)
    except Exception:
        pass
best = None
for _ in range(int(sys.argv[3]) * max(1, 2000 // max(1, len(sources)) // 100)):
    start = time.perf_counter()
    for s in sources:
        try:
            load_article(s)
        except Exception:
            pass
    took = time.perf_counter() - start
    best = took if best is None else min(best, took)
print(best)
"""


def _median_ms(work, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _seconds(checkout: Path, files: list[Path]) -> float:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _TIMER,
            str(checkout),
            json.dumps([str(f) for f in files]),
            str(SAMPLE_ROUNDS),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(checkout)},
    )
    return float(done.stdout.strip().splitlines()[-1])


def _samples() -> list[tuple[str, list[Path]]]:
    sets = [("5 bundled seeds", sorted(bundled_corpus().glob("*.txt")))]
    if (PAGES / "text").is_dir():
        sets.append(("90 copied pages", sorted((PAGES / "text").glob("*.txt"))))
    if NEWSWIRE.is_dir():
        sets.append(("350 wire stories", sorted(NEWSWIRE.glob("*.txt"))))
    return sets


def per_kb() -> str:
    here = Path(__file__).resolve().parent.parent
    baseline = os.environ.get("BENCH_BASELINE")
    head = "| files | KB | this version (ms per KB) |"
    rule = "|---|---:|---:|"
    if baseline:
        head += f" baseline {Path(baseline).name} (ms per KB) | ratio |"
        rule += "---:|---:|"
    rows = [head, rule]
    for name, files in _samples():
        kb = sum(f.stat().st_size for f in files) / 1024
        # The versions take turns, and each keeps its best turn: the machine's load changes
        # over minutes, and a fair ratio needs both measured under the same.
        ours = theirs = float("inf")
        for _ in range(TURNS if baseline else 1):
            ours = min(ours, _seconds(here, files) * 1000 / kb)
            if baseline:
                theirs = min(theirs, _seconds(Path(baseline), files) * 1000 / kb)
        row = f"| {name} | {kb:.0f} | {ours:.2f} |"
        if baseline:
            row += f" {theirs:.2f} | {ours / theirs:.2f}x |"
        rows.append(row)
    return "\n".join(rows) + "\n"


def run(corpus: Path | None = None) -> str:
    scan = scan_corpus(corpus or bundled_corpus())
    rows = [
        "| article | bytes | decode only (ms) | load + clean (ms) | ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    load_article(scan.files[0])  # warm imports and caches outside the timing
    for source in scan.files:
        data = source.path.read_bytes()
        decode_ms = _median_ms(lambda d=data: d.decode("utf-8", errors="replace").split("\n"))
        clean_ms = _median_ms(lambda s=source: load_article(s))
        rows.append(
            f"| {source.id} | {len(data)} | {decode_ms:.3f} | {clean_ms:.2f} | "
            f"{clean_ms / max(decode_ms, 1e-6):.0f}x |"
        )
    heading = f"## Cleaning (bundled seeds, median of {ROUNDS} runs)\n\n"
    per = (
        f"\nPer kilobyte of text (best of {SAMPLE_ROUNDS} passes over each set, each version in "
        f"its own process; with a baseline, the two take {TURNS} turns and keep their best):\n\n"
        + per_kb()
    )
    return heading + "\n".join(rows) + "\n" + per
