"""Search speed at 1k and 20k articles, Dossier side by side with SQLite FTS5 (as ratios)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate, sample_queries

WORK = Path(os.environ.get("BENCH_WORK", Path(tempfile.gettempdir()) / "dossier-bench"))
QUERIES_PER_CLASS = 50


def _worker(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench.worker", *map(str, args)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.1f}x" if theirs > 0 else "n/a"


def run_size(count: int) -> str:
    corpus = generate(count, WORK / f"corpus-{count}")
    location, database = WORK / f"index-{count}", WORK / f"fts-{count}.sqlite"
    queries_file = WORK / f"queries-{count}.json"
    queries_file.write_text(json.dumps(sample_queries(corpus, QUERIES_PER_CLASS)))
    shutil.rmtree(location, ignore_errors=True)

    ours_build = _worker("dossier", "build", corpus, location)
    theirs_build = _worker("fts5", "build", corpus, database)
    changed = corpus / "article-00000.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nOne more sentence was added here.\n"
    )
    time.sleep(0.01)
    update = _worker("dossier", "update", corpus, location)
    ours = _worker("dossier", "query", corpus, location, queries_file)
    theirs = _worker("fts5", "query", corpus, database, queries_file)

    rate = ours_build["passages"] / ours_build["seconds"]
    fts_rate = theirs_build["passages"] / theirs_build["seconds"]
    rows = [
        f"## {count:,} articles ({ours_build['passages']:,} passages)\n",
        "| measure | Dossier (Whoosh) | SQLite FTS5 | ratio |",
        "|---|---:|---:|---:|",
        f"| full build | {ours_build['seconds']:.1f} s ({rate:,.0f} passages/s) | "
        f"{theirs_build['seconds']:.1f} s ({fts_rate:,.0f}/s) | "
        f"{_ratio(ours_build['seconds'], theirs_build['seconds'])} |",
        f"| full build, processor time (all processes) | {ours_build['cpu_seconds']:.1f} s | "
        f"{theirs_build['cpu_seconds']:.1f} s | "
        f"{_ratio(ours_build['cpu_seconds'], theirs_build['cpu_seconds'])} |",
        f"| index size | {_size_mb(location):.1f} MB | {_size_mb(database):.1f} MB | "
        f"{_ratio(_size_mb(location), _size_mb(database))} |",
        f"| open (up to date) | {ours['open_ms']:.0f} ms | {theirs['open_ms']:.1f} ms | "
        f"{_ratio(ours['open_ms'], theirs['open_ms'])} |",
        f"| update one changed file (finding copies) | {update['seconds'] * 1000:.0f} ms "
        f"({update.get('copies_seconds', 0) * 1000:.0f} ms) | - | - |",
        f"| build peak memory | {ours_build['peak_mb']:.0f} MB | "
        f"{theirs_build['peak_mb']:.0f} MB | "
        f"{_ratio(ours_build['peak_mb'], theirs_build['peak_mb'])} |",
        f"| search process peak memory | {ours['peak_mb']:.0f} MB | {theirs['peak_mb']:.0f} MB | "
        f"{_ratio(ours['peak_mb'], theirs['peak_mb'])} |",
    ]
    for kind in ("one word", "two words", "phrase", "prefix", "question", "as you type"):
        a, b = ours[kind], theirs[kind]
        rows.append(
            f"| {kind}, top 20 with snippets, p50 / p95 | {a['p50']:.1f} / {a['p95']:.1f} ms | "
            f"{b['p50']:.1f} / {b['p95']:.1f} ms | {_ratio(a['p95'], b['p95'])} (p95) |"
        )
    rows.append(
        "\nDossier: the best 20 articles, each once, with its best passage's snippet; FTS5: "
        "the best 20 passages with snippets. As you type: every keystroke of 20 one-word and "
        "20 two-word queries."
    )
    return "\n".join(rows) + "\n"


TRIED = """What was tried (issue 19), each measured at the time; build costs in processor
seconds on 300 synthetic articles (2,986 passages), query costs in processor ms at 20,000
articles (the machine was shared: wall times were unusable):
- Build: dropping the unstemmed `exact` field (positions, every word) took indexing from ~8.1
  to ~4.5 s; dropping positions from the stemmed text too, to ~3.0 s (quoted phrases are now
  the passages with all their words, checked as typed against the stored text); storing
  only article, passage, kind and text (titles come from the manifest), and no unique `pid`
  or numeric `passage` terms; a writing codec that reads field lengths once into memory
  (-5%); the copy sketches made in the cleaning processes and kept in a file of their own
  (the writer process went from ~29 to ~7 processor s at 20k). zlib level 1: no gain.
  At 20k: 361 processor s in all (cleaning ~70, Whoosh's sub-writers ~280).
- Queries: `len(results)` re-ran every query to count its matches (Whoosh's `count()`):
  the total is now counted from what was scored, or estimated; snippets are made only for
  the passages shown; the coordination bonus (`OrGroup.factory(0.9)`) made Whoosh count the
  matching words of every passage (two words 91 -> 208 ms) for no gain in relevance, and
  was in fact dropped whenever a query was rewritten (Whoosh's `Query.apply` loses an OR's
  scale); the title bonus as an `AndMaybe` looked up the title postings for every matching
  passage (a third of a two-word query), now added per article from the titles in memory
  (questions 337 -> 69 ms p50); the whole article's BM25 read for the articles found only
  (adds ~25 ms p50 to questions); 2-4 word queries run as AND first (fast) then OR; filters
  run as Whoosh filters kept per searcher; results of recent queries are remembered; "did
  you mean" compares stems of a near length only. Fetching 8 passages per article asked
  for: 2 is enough (prefix p50 63 -> 35 ms).
- Left: a very common word (70k of 200k passages) still costs Whoosh ~2 us per passage to
  score (its block bounds rarely let it skip); quoted phrases of common words check
  thousands of candidates; a word-pair field would answer them from one posting list but
  doubles the build."""


def profile_section(count: int) -> str:
    """Where the time of the slowest queries goes, per class, at `count` articles."""
    corpus, location = WORK / f"corpus-{count}", WORK / f"index-{count}"
    result = _worker("dossier", "profile", corpus, location, WORK / f"queries-{count}.json")
    lines = [
        f"## Where the time goes at {count:,} articles (cProfile, own time)\n",
        "Opening the index, then for each class its slowest "
        f"{len(result['one word']['queries'])} queries together:\n",
    ]
    for kind in ("open", "one word", "two words", "phrase", "prefix", "question"):
        entry = result[kind]
        top = entry if kind == "open" else entry["top"]
        shown = "" if kind == "open" else " (" + ", ".join(entry["queries"]) + ")"
        lines.append(
            f"- **{kind}**{shown}: "
            + "; ".join(
                f"`{where}` {seconds * 1000:.0f} ms ({share:.0%})" for where, seconds, share in top
            )
        )
    return "\n".join(lines) + "\n\n" + TRIED + "\n"


def run(sizes: list[int]) -> str:
    WORK.mkdir(parents=True, exist_ok=True)
    return "\n".join([*(run_size(n) for n in sizes), profile_section(max(sizes))])
