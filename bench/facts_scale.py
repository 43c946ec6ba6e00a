"""Facts at 20,000 articles: extraction, cross-checking, copies and same-story candidates, time
and memory, in a process of their own.

The articles are the 440 real stories of ../shared/data (read the labeller's way, so the
cleaner's time is not counted here: the index benchmarks measure it) repeated with their
numbers changed and their names respelled, so that each repetition is a story of its own with
the same density of figures and names as real news, not a copy."""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import time
from dataclasses import replace

SIZE = 20_000


WORDS = "one two three four five six seven eight nine ten eleven twelve".split()


def _variant(text: str, k: int) -> str:
    """The text with every number (in digits or words) shifted by k and every capitalised word
    respelled, so that no two repetitions state the same figure about the same name."""
    if not k:
        return text
    shift = k * 7 % 97
    text = re.sub(r"\d+", lambda m: str(int(m.group()) + shift), text)
    text = re.sub(
        rf"\b({'|'.join(WORDS)})\b",
        lambda m: str(WORDS.index(m.group(1).lower()) + 1 + shift),
        text,
        flags=re.I,
    )
    tag = ""
    while k:
        k, digit = divmod(k, 26)
        tag += "abcdefghijklmnopqrstuvwxyz"[digit]
    return re.sub(
        r"\b([A-Z])([A-Za-z]{2,})\b",
        lambda m: m.group(1) + (tag.upper() if m.group(2).isupper() else tag) + m.group(2),
        text,
    )


def _articles(count: int):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from tests.support.labels import labelled_documents, read_reference

    base = [read_reference(d).article for d in labelled_documents()]
    out = []
    for n in range(count):
        k, article = divmod(n, len(base))
        source = base[article]
        passages = [replace(p, text=_variant(p.text, k)) for p in source.passages]
        out.append(
            replace(
                source,
                id=f"{Path(source.id).name}-{k}",
                title=_variant(source.title, k),
                passages=passages,
            )
        )
    return out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(count: int) -> dict[str, float]:
    from search.facts.check import check
    from search.facts.extract import extract
    from search.facts.stories import candidates, copy_pairs, shingles, story_terms

    articles = _articles(count)
    words = sum(a.words for a in articles)
    start_rss = _rss_mb()
    started = time.perf_counter()
    facts = {a.id: extract(a) for a in articles}
    extracted = time.perf_counter() - started
    terms = {a.id: story_terms(a) for a in articles}
    grams = {a.id: shingles(a)[:64] for a in articles}
    read_rss = _rss_mb()
    started = time.perf_counter()
    copies = copy_pairs(grams)
    pairs = candidates(terms)
    stories = time.perf_counter() - started
    started = time.perf_counter()
    checked = check(facts, copies=lambda a, b: frozenset((a, b)) in copies)
    checking = time.perf_counter() - started
    links = sum(len(e.links) for entries in checked.values() for e in entries)
    return {
        "articles": count,
        "words": words,
        "facts": sum(len(f) for f in facts.values()),
        "extract_s": extracted,
        "stories_s": stories,
        "check_s": checking,
        "links": links,
        "candidate_pairs": sum(len(p) for p in pairs.values()),
        "start_rss_mb": start_rss,
        "read_rss_mb": read_rss,
        "peak_rss_mb": _rss_mb(),
    }


def run(count: int = SIZE) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "bench.facts_scale", str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    r = json.loads(done.stdout.strip().splitlines()[-1])
    per = r["extract_s"] / r["articles"] * 1000
    return (
        f"## Facts at {r['articles']:,} articles\n\n"
        f"{r['articles']:,} articles ({r['words']:,} words, {r['facts']:,} facts and names): "
        "the real stories of ../shared/data repeated with their numbers changed and names "
        "respelled; read without the cleaner (its time is in the index benchmarks). One "
        "process; memory is its peak resident size.\n\n"
        "| step | time | memory (peak RSS) |\n|---|---:|---:|\n"
        f"| extract every article's facts ({per:.1f} ms an article) | {r['extract_s']:.0f} s "
        f"| {r['read_rss_mb']:.0f} MB (from {r['start_rss_mb']:.0f} MB with the articles) |\n"
        f"| copies and same-story candidates ({r['candidate_pairs']:,} candidate pairs) | "
        f"{r['stories_s']:.1f} s | - |\n"
        f"| cross-check every figure ({r['links']:,} links) | {r['check_s']:.1f} s | "
        f"{r['peak_rss_mb']:.0f} MB |\n\n"
        "The fact store keeps what extraction and checking produce in SQLite beside the "
        "index, so this work is done once; afterwards an article's facts are one row read "
        '(see "Facts: speed").\n'
    )


if __name__ == "__main__":
    print(json.dumps(worker(int(sys.argv[1]) if len(sys.argv) > 1 else SIZE)))
