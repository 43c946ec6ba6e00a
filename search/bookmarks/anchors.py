"""Anchors that repair themselves when an article changes, as web annotation does it (W3C
TextQuoteSelector + TextPositionSelector, the Hypothesis client's approach).

An anchor stores the exact quote, PREFIX characters before and after it, the passage and the
character offsets in it, and a hash of the article's text. To find it again:
1. the stored position, valid only when the text there still equals the quote;
2. otherwise, candidates: every exact occurrence of the quote, and the closest fuzzy match
   (rapidfuzz's best-aligned substring) near the old place and in the whole text;
3. each candidate is scored by how alike its quote, prefix and suffix are to the stored ones
   and by its distance from the old place. Unlike Hypothesis, which takes an exact copy
   anywhere first, a lightly edited quote at the old place, with its context intact, beats an
   exact copy far away whose context differs.
A candidate more than half the quote's length of edits (Levenshtein) away from the quote is no
match: the anchor is then orphaned (and kept by its owner, never deleted).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from search.model import Article

PREFIX = 32  # characters of context kept on each side of a quote
MIN_QUOTE = 0.5  # a fuzzy first pass must be this alike (rapidfuzz's ratio) to be refined
MAX_EDITS = 0.5  # a candidate is at most this share of the quote's length of edits away
WEIGHTS = {"quote": 0.55, "prefix": 0.15, "suffix": 0.15, "near": 0.15}
SEPARATOR = "\n\n"  # between passages in the article's text


def article_text(article: Article) -> tuple[str, list[int]]:
    """The article's passages joined, and where each passage starts in that text."""
    starts, offset = [], 0
    for passage in article.passages:
        starts.append(offset)
        offset += len(passage.text) + len(SEPARATOR)
    return SEPARATOR.join(p.text for p in article.passages), starts


def text_hash(article: Article) -> str:
    return hashlib.sha1(article_text(article)[0].encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Anchor:
    quote: str
    prefix: str
    suffix: str
    passage: int
    start: int  # offsets of the quote in its passage
    end: int
    text_hash: str


@dataclass(frozen=True)
class Found:
    status: str  # anchored, moved or orphaned
    passage: int
    start: int
    end: int
    confidence: float


def make_anchor(article: Article, passage: int, start: int = 0, end: int | None = None) -> Anchor:
    """An anchor on characters start:end of a passage (the whole passage by default)."""
    text, starts = article_text(article)
    body = article.passages[passage].text
    end = len(body) if end is None else end
    at, to = starts[passage] + start, starts[passage] + end
    return Anchor(
        quote=body[start:end],
        prefix=text[max(0, at - PREFIX) : at],
        suffix=text[to : to + PREFIX],
        passage=passage,
        start=start,
        end=end,
        text_hash=text_hash(article),
    )


def _similar(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100


SLACK = 24  # characters a fuzzy match's ends may move to fit the quote better


def _refine(text: str, start: int, end: int, anchor: Anchor) -> tuple[int, int]:
    """A fuzzy match's ends moved to the word boundaries nearby where quote, prefix and suffix
    fit best: the aligned window has the quote's length, so words inserted or removed inside
    the quote shift it."""

    def boundaries(lo: int, hi: int, opening: bool) -> list[int]:
        out = []
        for i in range(max(0, lo), min(len(text), hi) + 1):
            before = text[i - 1] if i > 0 else " "
            after = text[i] if i < len(text) else " "
            if (opening and not before.isalnum() and not after.isspace()) or (
                not opening and not after.isalnum() and not before.isspace()
            ):
                out.append(i)
        return out or [lo]

    starts = boundaries(start - SLACK, start + SLACK, True)
    ends = boundaries(end - SLACK, end + SLACK, False)
    scored = ((_score(anchor, text, i, j, i), i, j) for i in starts for j in ends if j > i)
    best = max(scored, default=(0.0, start, end))
    return best[1], best[2]


def _score(anchor: Anchor, text: str, start: int, end: int, old: int) -> float:
    """How well text[start:end] stands for the anchor once at `old` (see WEIGHTS)."""
    return (
        WEIGHTS["quote"] * _similar(anchor.quote, text[start:end])
        + WEIGHTS["prefix"] * _similar(anchor.prefix, text[max(0, start - PREFIX) : start])
        + WEIGHTS["suffix"] * _similar(anchor.suffix, text[end : end + PREFIX])
        + WEIGHTS["near"] * (1 - min(1.0, abs(start - old) / max(len(text), 1)))
    )


def resolve(anchor: Anchor, article: Article) -> Found:
    """Where `anchor` is in `article` now (see the module's notes)."""
    passages = [p.text for p in article.passages]
    here = passages[anchor.passage] if 0 <= anchor.passage < len(passages) else ""
    if here[anchor.start : anchor.end] == anchor.quote:
        return Found("anchored", anchor.passage, anchor.start, anchor.end, 1.0)
    text, starts = article_text(article)
    if not anchor.quote or not text:
        return Found("orphaned", anchor.passage, anchor.start, anchor.end, 0.0)
    old_starts = starts[anchor.passage] if anchor.passage < len(starts) else len(text)
    old = min(len(text), old_starts + anchor.start)
    length = len(anchor.quote)

    spans: set[tuple[int, int]] = set()
    at = text.find(anchor.quote)
    while at >= 0:
        spans.add((at, at + length))
        at = text.find(anchor.quote, at + 1)
    window_from = max(0, old - 2 * length - PREFIX)
    window = text[window_from : old + 3 * length + PREFIX]
    for offset, haystack in ((window_from, window), (0, text)):
        match = fuzz.partial_ratio_alignment(anchor.quote, haystack)
        if match is not None and match.score / 100 >= MIN_QUOTE:
            spans.add(_refine(text, offset + match.dest_start, offset + match.dest_end, anchor))

    best: tuple[float, int, int] | None = None
    most = int(length * MAX_EDITS)
    for start, end in spans:
        if Levenshtein.distance(anchor.quote, text[start:end], score_cutoff=most) > most:
            continue
        score = _score(anchor, text, start, end, old)
        if best is None or score > best[0]:
            best = (score, start, end)
    if best is None:
        return Found("orphaned", anchor.passage, anchor.start, anchor.end, 0.0)
    score, start, end = best
    passage, offset, stop = _clip(start, end, starts, passages)
    return Found("moved", passage, offset, stop, round(score, 3))


def _clip(start: int, end: int, starts: list[int], passages: list[str]) -> tuple[int, int, int]:
    """The passage holding most of text[start:end], and the span's offsets clipped to it (a
    fuzzy match may begin a few characters early, in the passage before)."""
    best = (0, 0, 0, 0)  # overlap, passage, start, end
    for index, (first, body) in enumerate(zip(starts, passages, strict=True)):
        lo, hi = max(start, first), min(end, first + len(body))
        if hi - lo > best[0]:
            best = (hi - lo, index, lo - first, hi - first)
    return best[1], best[2], best[3]
