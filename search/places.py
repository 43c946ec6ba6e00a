"""Places in an article that the interfaces go to: a passage with spans to mark, the occurrences
of a text (find in article), and the statements of one fact across the corpus."""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.facts import CheckedFact, Fact, overlap, same_value
from search.model import Article

Span = tuple[int, int]


@dataclass(frozen=True)
class Place:
    """Where to go: an article, a passage, and the spans to mark in it."""

    article: str
    passage: int
    spans: tuple[Span, ...] = ()
    needle: str = ""  # or: mark every occurrence of this text in the passage

    def spans_in(self, text: str) -> list[Span]:
        if self.spans or not self.needle:
            return list(self.spans)
        return [m.span() for m in re.finditer(re.escape(self.needle), text, re.IGNORECASE)]


def find_spans(article: Article, needle: str) -> list[tuple[int, int, int]]:
    """Every case-insensitive occurrence of `needle`: (passage, start, end), in reading order."""
    if not needle.strip():
        return []
    pattern = re.compile(re.escape(needle.strip()), re.IGNORECASE)
    return [
        (p.index, m.start(), m.end()) for p in article.passages for m in pattern.finditer(p.text)
    ]


def spans_by_passage(spans: list[tuple[int, int, int]]) -> dict[int, list[Span]]:
    """(passage, start, end) triples grouped by passage, in order."""
    grouped: dict[int, list[Span]] = {}
    for passage, start, end in spans:
        grouped.setdefault(passage, []).append((start, end))
    return grouped


def statements(entry: CheckedFact, corpus: dict[str, list[CheckedFact]]) -> list[tuple[Fact, bool]]:
    """The fact itself, then each other article's statement of it: (fact, same value?)."""
    rows = [(entry.fact, True)]
    for article in entry.corroborated_by:
        mine = [
            e.fact
            for e in corpus.get(article, [])
            if e.fact.kind == entry.fact.kind and same_value(e.fact, entry.fact)
        ]
        if mine:
            rows.append((max(mine, key=lambda f: overlap(f.context, entry.fact.context)), True))
    for conflict in entry.conflicts:
        theirs = [
            e.fact
            for e in corpus.get(conflict.article, [])
            if (e.fact.passage, e.fact.start) == (conflict.passage, conflict.start)
        ]
        if theirs:
            rows.append((theirs[0], False))
    return rows


def term_spans(article: Article, terms: dict[str, set[str]]) -> dict[int, list[Span]]:
    """Where a search's terms (by index field) are in each passage of the article: analysing
    every passage takes a while on a long article, so callers run it off the UI thread."""
    from search.index import query_spans  # Whoosh's analyzers: loaded on first use

    found = {p.index: query_spans(p.text, terms) for p in article.passages}
    return {index: spans for index, spans in found.items() if spans}
