"""Relevance at the article level, through the same code path as `dossier search`: nDCG@10
and MAP of the articles a query returns, on Cranfield (bench/cranfield.py) and on the 30
judged newswire queries (tests/fixtures/search: judged before any ranking was seen).

A hit that names copies of its article stands for them too: they are counted right after
it, in the order the hit names them (a reader sees them there)."""

from __future__ import annotations

import json
import math
import shutil
from collections.abc import Callable
from pathlib import Path

from search.index.corpus_index import CorpusIndex

ROOT = Path(__file__).resolve().parent.parent
NEWSWIRE = ROOT.parent / "shared" / "data" / "newswire"
JUDGED = ROOT / "tests" / "fixtures" / "search" / "queries.json"
DEPTH = 1000  # articles ranked per query: enough to rank every matching one


def ndcg10(ranking: list[str], gains: dict[str, int]) -> float:
    dcg = sum(gains.get(doc, 0) / math.log2(i + 2) for i, doc in enumerate(ranking[:10]))
    ideal = sorted(gains.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def average_precision(ranking: list[str], gains: dict[str, int]) -> float:
    found, total = 0, 0.0
    for i, doc in enumerate(ranking, start=1):
        if doc in gains:
            found += 1
            total += found / i
    return total / len(gains) if gains else 0.0


def article_ranking(index: CorpusIndex, text: str, depth: int = DEPTH) -> list[str]:
    """The articles `text` finds, best first, copies after the article that names them."""
    result = index.search(text, limit=depth)
    ranking: list[str] = []
    articles = getattr(result, "articles", None)
    if articles is not None and getattr(result, "grouped", False):
        for article in articles:
            for name in [article.article, *(copy.article for copy in article.copies)]:
                if name not in ranking:
                    ranking.append(name)
        return ranking
    for hit in result.hits:  # an older core: passages, an article at its first passage
        if hit.article not in ranking:
            ranking.append(hit.article)
    return ranking


Judged = list[tuple[str, dict[str, int]]]  # (query, {article: gain})


def evaluate(index: CorpusIndex, judged: Judged) -> tuple[float, float]:
    """Mean nDCG@10 and MAP over the judged queries."""
    ndcg, ap = [], []
    for text, gains in judged:
        ranking = article_ranking(index, text)
        ndcg.append(ndcg10(ranking, gains))
        ap.append(average_precision(ranking, gains))
    return sum(ndcg) / len(ndcg), sum(ap) / len(ap)


def newswire(work: Path) -> tuple[CorpusIndex, Judged] | None:
    """The newswire stories as a corpus of their own (without the folder's README), opened,
    and the judged queries."""
    if not NEWSWIRE.is_dir():
        return None
    corpus = work / "newswire"
    if not corpus.is_dir():
        corpus.mkdir(parents=True)
        for story in sorted(NEWSWIRE.glob("*.txt")):
            shutil.copy2(story, corpus / story.name)
    index = CorpusIndex(corpus, location=work / "newswire-index")
    index.open()
    judged = [
        (q["query"], {Path(name).stem: grade for name, grade in q["relevant"].items()})
        for q in json.loads(JUDGED.read_text(encoding="utf-8"))
    ]
    return index, judged


def sweep(
    sets: dict[str, tuple[CorpusIndex, Judged]], setting: Callable[[float], None], values: list
) -> list[str]:
    """Rows of a table: each value of a setting, nDCG@10 / MAP on each set."""
    rows = []
    for value in values:
        setting(value)
        cells = []
        for index, judged in sets.values():
            index.close()  # a fresh searcher for each setting
            ndcg, mean_ap = evaluate(index, judged)
            cells.append(f"{ndcg:.3f} / {mean_ap:.3f}")
        rows.append(f"| {value} | " + " | ".join(cells) + " |")
    return rows
