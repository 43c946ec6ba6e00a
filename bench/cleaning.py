"""How long cleaning takes per article, against only decoding the same bytes (a ratio)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from search.reading.corpus import scan_corpus
from search.reading.loader import load_article
from search.userdata.locations import bundled_corpus

ROUNDS = 30


def _median_ms(work, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


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
    return heading + "\n".join(rows) + "\n"
