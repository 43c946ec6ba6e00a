"""Snippets of a passage around the terms a query matched, with the character offsets of
every highlighted term inside the snippet (Whoosh's own highlighter only returns markup)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache

from whoosh.analysis import Analyzer

from search.index.analysis import TOKEN_PATTERN, exact_analyzer, stemmed_analyzer

# One analyzer of each kind for every highlight, so the stemmer's word cache lasts (a new
# analyzer per passage stemmed every word afresh: 86% of a search's time went there). Whoosh's
# filters keep state while they run, so the shared pair is used under a lock.
_STEMMED, _EXACT = stemmed_analyzer(), exact_analyzer()
_ANALYZING = threading.Lock()

SNIPPET_CHARS = 240
LEAD_CHARS = 60  # context kept before the first highlighted term
ELLIPSIS = "…"


def term_spans(text: str, terms: set[str], analyzer: Analyzer) -> list[tuple[int, int]]:
    """(start, end) of every token of `text` that the analyzer turns into one of `terms`."""
    if not terms:
        return []
    spans = []
    for token in analyzer(text, chars=True, mode="index", removestops=False):
        if token.text in terms and not getattr(token, "stopped", False):
            spans.append((token.startchar, token.endchar))
    return spans


@lru_cache(maxsize=256)
def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    words = re.findall(TOKEN_PATTERN, phrase.replace("’", "'"))
    if not words:
        return None
    parts = [re.escape(word).replace("'", "['’]") for word in words]
    return re.compile(r"(?<!\w)" + r"\W+".join(parts) + r"(?!\w)", re.IGNORECASE)


def phrase_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """(start, end) of each place where `text` holds the words of `phrase` as typed (any
    case), side by side: only spaces or punctuation between them."""
    pattern = _phrase_pattern(phrase)
    return [match.span() for match in pattern.finditer(text)] if pattern else []


def has_phrase(text: str, phrase: str) -> bool:
    """Whether `text` holds the words of `phrase` as typed (`phrase_spans`, first one only)."""
    pattern = _phrase_pattern(phrase)
    return pattern is not None and pattern.search(text) is not None


def query_spans(text: str, terms: dict[str, set[str]]) -> list[tuple[int, int]]:
    """(start, end) of every word of `text` that a query's terms (by field, as
    `ParsedQuery.terms` gives them) match: stemmed words, and quoted phrases as typed."""
    stemmed = terms.get("text", set()) | terms.get("title", set())
    with _ANALYZING:
        spans = term_spans(text, stemmed, _STEMMED)
        spans += term_spans(text, terms.get("exact", set()), _EXACT)
    for phrase in terms.get("phrase", ()):
        spans += phrase_spans(text, phrase)
    return merge_spans(spans)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlaps joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """The stretch of `text` of about `width` characters holding the most spans."""
    if len(text) <= width:
        return 0, len(text)
    best_start, best_count = 0, -1
    for first, _ in spans or [(0, 0)]:
        start = max(0, first - LEAD_CHARS)
        count = sum(1 for s, e in spans if s >= start and e <= start + width)
        if count > best_count:
            best_start, best_count = start, count
    start = best_start
    if start > 0:  # begin on a word
        space = text.find(" ", start)
        if 0 <= space < (spans[0][0] if spans else start + 20):
            start = space + 1
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start:
            end = space
    return start, end


def snippet(
    text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS
) -> tuple[str, list[tuple[int, int]]]:
    """A snippet of `text` around `spans`, and the spans' offsets within the snippet."""
    spans = merge_spans(spans)
    start, end = _window(text, spans, width)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    inside = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return prefix + text[start:end] + suffix, inside
