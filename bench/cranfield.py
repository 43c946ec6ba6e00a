"""Relevance on the Cranfield collection through the same code path as `dossier search`:
each of the 1,400 documents is a file of its own corpus; nDCG@10 (gain 5 - code) and MAP
over the 225 queries."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from pathlib import Path

from search.index.corpus_index import CorpusIndex

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "cranfield"
RANKED = 1000  # passages asked for per query: enough to rank every matching document


def _records(path: Path) -> list[dict[str, str]]:
    records: list[dict[str, str]] = []
    field = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(".I "):
            records.append({"id": line[3:].strip()})
            field = None
        elif re.fullmatch(r"\.[A-Z]", line.strip()):
            field = line.strip()[1]
            records[-1][field] = ""
        elif field:
            records[-1][field] += line.strip() + "\n"
    return records


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for record in _records(SHARED / "cran.all.1400"):
        title = " ".join(record.get("T", "").split())
        text = record.get("W", "").strip()
        body = text if text else title
        (folder / f"{int(record['id']):04d}.txt").write_text(f"{title}\n\n{body}\n", "utf-8")
    return folder


def judgements() -> dict[int, dict[str, int]]:
    relevant: dict[int, dict[str, int]] = defaultdict(dict)
    for line in (SHARED / "cranqrel").read_text().splitlines():
        parts = line.split()
        if len(parts) >= 3:
            query, doc, code = int(parts[0]), f"{int(parts[1]):04d}", int(parts[2])
            if 1 <= code <= 4:
                relevant[query][doc] = 5 - code
    return relevant


def _ndcg10(ranking: list[str], gains: dict[str, int]) -> float:
    dcg = sum(gains.get(doc, 0) / math.log2(i + 2) for i, doc in enumerate(ranking[:10]))
    ideal = sorted(gains.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def _average_precision(ranking: list[str], gains: dict[str, int]) -> float:
    found, total = 0, 0.0
    for i, doc in enumerate(ranking, start=1):
        if doc in gains:
            found += 1
            total += found / i
    return total / len(gains) if gains else 0.0


def run(work: Path) -> str:
    if not SHARED.is_dir():
        return "## Cranfield\n\nskipped: ../shared/data/cranfield is not beside the repo\n"
    corpus = write_corpus(work / "cranfield")
    index = CorpusIndex(corpus, location=work / "cranfield-index")
    index.open()
    queries = [r.get("W", "").replace("\n", " ").strip() for r in _records(SHARED / "cran.qry")]
    relevant = judgements()
    ndcg, ap = [], []
    for number, text in enumerate(queries, start=1):
        result = index.search(text, limit=RANKED)
        ranking: list[str] = []
        for hit in result.hits:
            if hit.article not in ranking:
                ranking.append(hit.article)
        ndcg.append(_ndcg10(ranking, relevant.get(number, {})))
        ap.append(_average_precision(ranking, relevant.get(number, {})))
    return (
        "## Relevance on Cranfield (225 queries, 1,400 documents)\n\n"
        "| measure | Dossier | plain BM25 | BM25 + Porter | target |\n|---|---:|---:|---:|---:|\n"
        f"| nDCG@10 | {sum(ndcg) / len(ndcg):.3f} | 0.336 | 0.353 | >= 0.36 |\n"
        f"| MAP | {sum(ap) / len(ap):.3f} | 0.272 | 0.295 | >= 0.30 |\n"
    )
