"""Where the time of an index build goes: cleaning against Whoosh's indexing, profiled."""

from __future__ import annotations

import cProfile
import io
import pstats
import tempfile
import time
from pathlib import Path

from whoosh import index as windex

from search.index.schema import make_schema, passage_documents
from search.reading.corpus import scan_corpus
from search.reading.loader import load_article

ARTICLES = 300


def run(corpus: Path) -> str:
    sources = scan_corpus(corpus).files[:ARTICLES]
    started = time.perf_counter()
    articles = [load_article(source) for source in sources]
    cleaning = time.perf_counter() - started
    passages = sum(len(a.passages) for a in articles)

    def index_all(profiler: cProfile.Profile | None = None) -> float:
        with tempfile.TemporaryDirectory() as folder:
            ix = windex.create_in(folder, make_schema())
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            writer = ix.writer(limitmb=128)
            for article in articles:
                for document in passage_documents(article):
                    writer.add_document(**document)
            writer.commit()
            if profiler:
                profiler.disable()
            return time.perf_counter() - started

    indexing = index_all()  # timed without the profiler's overhead
    profiler = cProfile.Profile()
    index_all(profiler)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(6)
    top = [line.strip() for line in out.getvalue().splitlines() if "{" in line or ".py:" in line]
    total = cleaning + indexing
    lines = [
        f"## Where a build's time goes ({ARTICLES} synthetic articles, {passages} passages, "
        "one process)\n",
        f"- cleaning: {cleaning:.2f} s ({cleaning / total:.0%}), "
        f"{passages / cleaning:,.0f} passages/s",
        f"- Whoosh indexing (add + commit): {indexing:.2f} s ({indexing / total:.0%}), "
        f"{passages / indexing:,.0f} passages/s",
        "- Whoosh's costliest functions (tottime):",
        "",
        "```",
        *top[:6],
        "```",
    ]
    return "\n".join(lines) + "\n"
