"""Relevance on the Cranfield collection through the same code path as `dossier search`:
each of the 1,400 documents is a file of its own corpus; nDCG@10 (gain 5 - code) and MAP
over the 225 queries (bench/relevance.py)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from bench import relevance
from search.index.corpus_index import CorpusIndex

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "cranfield"


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


def judged_queries() -> list[tuple[str, dict[str, int]]]:
    """The 225 queries with their judged documents (gain 5 - code)."""
    queries = [r.get("W", "").replace("\n", " ").strip() for r in _records(SHARED / "cran.qry")]
    relevant = judgements()
    return [(text, relevant.get(number, {})) for number, text in enumerate(queries, start=1)]


def cranfield(work: Path) -> tuple[CorpusIndex, list[tuple[str, dict[str, int]]]]:
    corpus = write_corpus(work / "cranfield")
    index = CorpusIndex(corpus, location=work / "cranfield-index")
    index.open()
    return index, judged_queries()


def run(work: Path) -> str:
    if not SHARED.is_dir():
        return "## Cranfield\n\nskipped: ../shared/data/cranfield is not beside the repo\n"
    sets = {"Cranfield": cranfield(work)}
    wire = relevance.newswire(work)
    if wire is not None:
        sets["newswire (judged)"] = wire
    scores = {name: relevance.evaluate(index, judged) for name, (index, judged) in sets.items()}
    c_ndcg, c_map = scores["Cranfield"]
    out = [
        "## Relevance on Cranfield (225 queries, 1,400 documents)\n",
        "Article level: each article once, ranked as `dossier search` ranks them.\n",
        "| measure | Dossier | plain BM25 | BM25 + Porter | target |\n|---|---:|---:|---:|---:|",
        f"| nDCG@10 | {c_ndcg:.3f} | 0.336 | 0.353 | >= 0.38 |",
        f"| MAP | {c_map:.3f} | 0.272 | 0.295 | >= 0.31 |\n",
    ]
    if wire is not None:
        w_ndcg, w_map = scores["newswire (judged)"]
        out += [
            "## Relevance on the judged newswire queries (30 queries, 350 stories)\n",
            "Graded 0-2 before any ranking was seen (tests/fixtures/search/README.md); article "
            "level, a hit's copies counted right after it.\n",
            "| measure | Dossier |\n|---|---:|",
            f"| nDCG@10 | {w_ndcg:.3f} |",
            f"| MAP | {w_map:.3f} |\n",
        ]
        out += blend_section(sets)
    return "\n".join(out) + "\n"


def blend_section(sets: dict) -> list[str]:
    """How an article's score weighs the whole article against its best passage."""
    from search.index import searching

    chosen = searching.WHOLE_ARTICLE

    def setting(value: float) -> None:
        searching.WHOLE_ARTICLE = value

    try:
        rows = relevance.sweep(sets, setting, [0.0, 0.3, 0.5, 0.7, 1.0])
    finally:
        searching.WHOLE_ARTICLE = chosen
    return [
        "## Choosing the article score (nDCG@10 / MAP)\n",
        "An article scores this share of the BM25 of the whole article (its passages' words "
        "and lengths added up) and the rest of its best passage's, plus its title's bonus; "
        f"the code uses {chosen}.\n",
        "| whole article | " + " | ".join(sets) + " |",
        "|---:|" + "---:|" * len(sets),
        *rows,
        "",
    ]
