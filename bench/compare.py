"""Time to compare two articles of about 5,000 words each: every seed's passages in one article,
against a second version with every fifth passage dropped, one inserted and figures changed."""

from __future__ import annotations

import statistics
import time
from dataclasses import replace

from bench.facts import _long_article
from search.compare import compare
from search.facts.check import check
from search.facts.extract import extract

RUNS = 9


def _second_version(article):  # type: ignore[no-untyped-def]
    passages = [p for i, p in enumerate(article.passages) if i % 5 != 4]
    passages.insert(10, replace(passages[10], text="A paragraph that only this version has."))
    passages = [
        replace(p, index=i, text=p.text.replace("billion", "million"))
        for i, p in enumerate(passages)
    ]
    return replace(article, id="long-b", passages=passages)


def _median_ms(call) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def run() -> str:
    a = _long_article()
    b = _second_version(a)
    checked = check({a.id: extract(a), b.id: extract(b)})
    result = compare(a, b, checked)  # warm up
    cached = _median_ms(lambda: compare(a, b, checked))
    cold = _median_ms(lambda: compare(a, b))
    return (
        "## Compare\n\n"
        f"Two articles of {a.words:,} and {b.words:,} words ({len(a.passages)} and "
        f"{len(b.passages)} passages), median of {RUNS} runs: {len(result.rows)} rows, "
        f"{len(result.disagreements)} disagreements, similarity {result.similarity:.2f}. The "
        "app and `dossier compare` pass the corpus's facts from the cache; without them, the "
        "comparison extracts both articles' facts itself.\n\n"
        "| measure | time | target |\n|---|---:|---:|\n"
        f"| compare, facts from the cache (as the app does) | {cached:.0f} ms | < 200 ms |\n"
        f"| compare, extracting both articles' facts | {cold:.0f} ms | - |\n"
    )


if __name__ == "__main__":
    print(run())
