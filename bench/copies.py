"""Finding copies on an update, at 20,000 synthetic sketches: the JSON file read and written
whole and every article grouped again (before), side by side with the SQLite store that
updates the changed articles' rows and pairs only (search/index/sketches.py).

`python -m bench copies` (the sketches, made from synthetic text as bench/generate.py writes
it, are kept in BENCH_WORK between runs)."""

from __future__ import annotations

import itertools
import json
import random
import shutil
import statistics
import time
import zlib
from collections.abc import Callable
from pathlib import Path

from bench.generate import vocabulary
from bench.search import WORK
from search.index import sketches
from search.index.copies import SHINGLE, SKETCH, copy_groups
from search.index.sketches import OLD_STORE, update_copies
from search.userdata.storage import atomic_write_text

ARTICLES = 20_000
COPIES = 0.02  # share of the articles that are a re-sent copy of another, a few words changed
REPEATS = 5
GROUP_ALL_FROM = sketches.GROUP_ALL_FROM


def _sketches(count: int, seed: int = 7) -> dict[str, dict]:
    """`count` sketches of synthetic articles (300-1,500 Zipf words, as bench/generate.py)."""
    cached = WORK / f"copies-sketches-{count}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = list(itertools.accumulate(1 / (rank**1.07) for rank in range(1, len(words) + 1)))
    texts: list[list[str]] = []
    prints: dict[str, dict] = {}
    for number in range(count):
        if texts and rng.random() < COPIES:  # a copy of an earlier one, a few words changed
            tokens = list(rng.choice(texts))
            for _ in range(3):
                tokens[rng.randrange(len(tokens))] = rng.choice(words)
        else:
            tokens = rng.choices(words, cum_weights=weights, k=rng.randint(300, 1500))
        texts.append(tokens)
        prints[f"article-{number:05d}"] = _fingerprint(tokens)
    WORK.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(prints), encoding="utf-8")
    return prints


def _fingerprint(tokens: list[str]) -> dict:
    """What `fingerprint` makes of an article of these words."""
    import hashlib

    shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    values = sorted({zlib.crc32(s.encode("utf-8")) for s in shingles})[:SKETCH]
    return {"words": hashlib.sha1(" ".join(tokens).encode()).hexdigest()[:16], "sketch": values}


def _before(location: Path, read: dict, gone: set[str], present: set[str]) -> dict:
    """The update as it was: the JSON file read whole, every article grouped, written whole."""
    try:
        kept = json.loads((location / OLD_STORE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        kept = {}
    for article in gone:
        kept.pop(article, None)
    kept.update(read)
    kept = {article: entry for article, entry in kept.items() if article in present}
    atomic_write_text(location / OLD_STORE, json.dumps(kept))
    return {a: [list(p) for p in others] for a, others in copy_groups(kept.items()).items()}


def _timed(run: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def _changed(prints: dict[str, dict], count: int, rng: random.Random) -> dict[str, dict]:
    """`count` articles given the sketch of another text (their files changed)."""
    chosen = rng.sample(sorted(prints), count)
    donors = rng.sample(sorted(prints), count)
    return {article: prints[donor] for article, donor in zip(chosen, donors, strict=True)}


def run(count: int = ARTICLES) -> str:
    prints = _sketches(count)
    present = set(prints)
    folder = WORK / f"copies-{count}"
    shutil.rmtree(folder, ignore_errors=True)
    old, new = folder / "json", folder / "sqlite"
    old.mkdir(parents=True)
    new.mkdir(parents=True)
    first_old, groups_old = _timed(lambda: _before(old, prints, set(), present))
    first_new, groups_new = _timed(lambda: update_copies(new, prints, set(), present))
    assert groups_old == groups_new
    rows = [
        f"## Copies on an update, {count:,} synthetic sketches\n",
        f"Each step read and wrote the copy sketches of {count:,} articles ("
        f"{sum(len(v) for v in groups_new.values()) // 2:,} pairs of copies), then found the "
        "copies again: before, the JSON file read and written whole and every article "
        "grouped (`copy_groups`); now, the SQLite store's rows and pairs of the changed "
        f"articles only (median of {REPEATS}; both give the same groups, checked at each step).\n",
        "| update | before (JSON, group all) | now (SQLite store) | ratio |",
        "|---|---:|---:|---:|",
        f"| first build (all {count:,}) | {first_old * 1000:.0f} ms | {first_new * 1000:.0f} ms "
        f"| {first_new / first_old:.2f}x |",
    ]
    rng = random.Random(3)
    current = dict(prints)
    steps = [(1, False), (10, False), (100, False), (1000, False), (1000, True)]
    for changed, group_all in steps:
        sketches.GROUP_ALL_FROM = 0.0 if group_all else GROUP_ALL_FROM
        times_old, times_new = [], []
        for _ in range(REPEATS):
            read = _changed(current, changed, rng)
            t_old, g_old = _timed(lambda read=read: _before(old, read, set(read), present))
            t_new, g_new = _timed(lambda read=read: update_copies(new, read, set(read), present))
            assert g_old == g_new, "the store's groups differ from copy_groups"
            current.update(read)
            times_old.append(t_old)
            times_new.append(t_new)
        a, b = statistics.median(times_old), statistics.median(times_new)
        how = ", the store grouping all at once" if group_all else ""
        rows.append(
            f"| {changed:,} changed article{'s' if changed > 1 else ''}{how} | {a * 1000:.0f} ms"
            f" | {b * 1000:.1f} ms | {b / a:.3f}x |"
        )
    sketches.GROUP_ALL_FROM = GROUP_ALL_FROM
    size_old = (old / OLD_STORE).stat().st_size / 1e6
    size_new = (new / sketches.STORE).stat().st_size / 1e6
    rows.append(f"\nFiles: JSON {size_old:.1f} MB, SQLite store {size_new:.1f} MB.")
    shutil.rmtree(folder, ignore_errors=True)
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    import sys

    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else ARTICLES))
