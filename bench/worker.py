"""One measurement in a fresh process (so that memory and start-up are its own):
`python -m bench.worker MODE CORPUS INDEX [QUERIES.json]` prints a JSON object."""

from __future__ import annotations

import cProfile
import json
import pstats
import resource
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """Processor time of this process and its children (cleaning processes, sub-writers):
    what a build costs whatever else the machine runs."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _percentiles(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"p50": statistics.median(ordered), "p95": p95}


def _timed_queries(
    run_query: Callable[[str], object], opened_s: float, queries: dict[str, list[str]]
) -> dict:
    """Open time, first-query time, then p50/p95 of each class of queries, and peak memory."""
    first = time.perf_counter()
    run_query("amazon")
    result: dict = {
        "open_ms": opened_s * 1000,
        "first_query_ms": (time.perf_counter() - first) * 1000,
    }
    for kind, texts in queries.items():
        times = []
        for text in texts:
            start = time.perf_counter()
            run_query(text)
            times.append((time.perf_counter() - start) * 1000)
        result[kind] = _percentiles(times)
    forget = getattr(getattr(run_query, "index", None), "_recent", None)
    if forget is not None:  # typed anew: a query of the classes above is not remembered
        forget.clear()
    typing = []  # each keystroke of the one- and two-word queries, as a search box sends them
    for text in queries.get("one word", [])[:20] + queries.get("two words", [])[:20]:
        for end in range(1, len(text) + 1):
            if text[:end].strip():
                start = time.perf_counter()
                run_query(text[:end])
                typing.append((time.perf_counter() - start) * 1000)
    if typing:
        result["as you type"] = _percentiles(typing)
    result["peak_mb"] = _peak_mb()
    return result


def dossier(mode: str, corpus: Path, location: Path, queries: dict[str, list[str]]) -> dict:
    from search.index.corpus_index import CorpusIndex

    started = time.perf_counter()
    index = CorpusIndex(corpus, location=location)
    if mode == "build":
        report = index.update(rebuild=True)
        return {
            "seconds": time.perf_counter() - started,
            "cpu_seconds": _cpu_seconds(),
            "passages": report.passages,
            "peak_mb": _peak_mb(),
        }
    if mode == "update":
        copies = _time_copies()
        report = index.update()
        seconds = time.perf_counter() - started
        return {"seconds": seconds, "changed": report.changed, "copies_seconds": sum(copies)}
    if mode == "profile":
        return _profile(index, queries)
    index.open()
    opened = time.perf_counter() - started

    def run_query(text: str) -> list[str]:
        return shown(index.search(text, limit=20))

    run_query.index = index  # type: ignore[attr-defined]
    return _timed_queries(run_query, opened, queries)


def _time_copies() -> list[float]:
    """The time each update spends finding copies (search/index/sketches.py), as it goes."""
    from search.index import building

    spent: list[float] = []
    update_copies = building.update_copies

    def timed(*args: object) -> object:
        start = time.perf_counter()
        try:
            return update_copies(*args)  # type: ignore[arg-type]
        finally:
            spent.append(time.perf_counter() - start)

    building.update_copies = timed  # type: ignore[assignment]
    return spent


def shown(result) -> list[str]:  # type: ignore[no-untyped-def]
    """What a results list draws: each article's title and its best passage's snippet, with
    the matched words (snippets are made when asked for, as a list asks)."""
    return [
        f"{article.title} {article.passages[0].snippet} {article.passages[0].matches}"
        for article in result.articles
    ]


PROFILED = 3  # the slowest queries of each class, profiled together
TOP_FUNCTIONS = 4


def _top(profile: cProfile.Profile) -> list[list]:  # type: ignore[type-arg]
    """The functions with the most time of their own: [where, seconds, share of the total]."""
    stats = pstats.Stats(profile)
    total = stats.total_tt or 1.0  # type: ignore[attr-defined]
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:TOP_FUNCTIONS]  # type: ignore[attr-defined]
    return [
        [f"{Path(file).parent.name}/{Path(file).name}:{line} {name}", tt, tt / total]
        for (file, line, name), (_, _, tt, _, _) in rows
    ]


def _profile(index, queries: dict[str, list[str]]) -> dict:  # type: ignore[no-untyped-def]
    """Where the time goes: opening the index, and each class's slowest queries."""
    profile = cProfile.Profile()
    profile.runcall(index.open)
    result: dict = {"open": _top(profile)}
    for kind, texts in queries.items():
        timed = []
        for text in texts:
            start = time.perf_counter()
            index.search(text, limit=20)
            timed.append((time.perf_counter() - start, text))
        slowest = [text for _, text in sorted(timed)[-PROFILED:]]
        profile = cProfile.Profile()
        index._recent.clear()  # profiled anew, not answered from the recent results
        for text in slowest:
            profile.runcall(index.search, text, limit=20)
        result[kind] = {"queries": slowest, "top": _top(profile)}
    return result


def _fts_query(text: str) -> str:
    """The same query in FTS5 syntax: OR-grouped words, phrases and prefixes as they are."""
    if text.startswith('"') or text.endswith("*"):
        return text
    words = [w for w in text.split() if w.isalnum()]
    return " OR ".join(words) or '""'


def fts5(mode: str, corpus: Path, database: Path, queries: dict[str, list[str]]) -> dict:
    started = time.perf_counter()
    if mode == "build":
        database.unlink(missing_ok=True)
        db = sqlite3.connect(database)
        db.execute(
            "CREATE VIRTUAL TABLE passages USING fts5(article, passage, title, text, "
            "tokenize='porter unicode61')"
        )
        count = 0
        for path in sorted(corpus.glob("*.txt")):
            title, _, body = path.read_text(encoding="utf-8").partition("\n\n")
            rows = [(path.stem, i, title, p) for i, p in enumerate(body.split("\n\n")) if p.strip()]
            db.executemany("INSERT INTO passages VALUES (?, ?, ?, ?)", rows)
            count += len(rows)
        db.commit()
        db.close()
        return {
            "seconds": time.perf_counter() - started,
            "cpu_seconds": _cpu_seconds(),
            "passages": count,
            "peak_mb": _peak_mb(),
        }
    db = sqlite3.connect(database)
    db.execute("SELECT count(*) FROM passages").fetchone()
    opened = time.perf_counter() - started
    sql = (
        "SELECT article, passage, snippet(passages, 3, '[', ']', '…', 40) FROM passages "
        "WHERE passages MATCH ? ORDER BY bm25(passages, 0, 0, 2.0, 1.0) LIMIT 20"
    )
    return _timed_queries(
        lambda text: db.execute(sql, (_fts_query(text),)).fetchall(), opened, queries
    )


def main(argv: list[str]) -> int:
    engine, mode, corpus, target = argv[:4]
    queries = json.loads(Path(argv[4]).read_text()) if len(argv) > 4 else {}
    run = dossier if engine == "dossier" else fts5
    print(json.dumps(run(mode, Path(corpus), Path(target), queries)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
