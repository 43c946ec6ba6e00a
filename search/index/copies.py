"""Copies of one article in several files: identical text (the same words, whatever the
markup or spacing) or near-identical text (a few words or a sentence changed, as wire
services re-send a story), found from a small sketch of each article made while indexing.

The sketch is a bottom-k sample of the article's word 3-shingles (the k smallest of their
CRC32 hashes): two sketches estimate how much of their shingles two articles share (the
Jaccard resemblance). Articles that share at least NEAR of them are copies of one another.
Exact copies also share a hash of their whole word sequence.

Measured on the 350 newswire stories (../shared/data/newswire): the re-sent wire items (a
title word, a sentence or a few words changed) resemble each other 0.77-1.0; the next closest
pairs, different stories on one subject or updates of a story, 0.17 and less.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from search.model import Article

SKETCH = 64  # hashes kept per article
SHINGLE = 3  # words per shingle
NEAR = 0.6  # estimated resemblance from which two articles are copies
# A sketch value shared by more articles than this is a common phrase, not a sign of copies:
# pairs are looked for among the articles that share rarer ones (at 200, the pairs of a
# synthetic corpus of 20k articles took 140 s; copies share most of their values anyway).
COMMON = 16
FIRST = 16  # the smallest values of a sketch, by which articles that may be copies are found
SHARED_FIRST = 4  # of the FIRST values, shared by two articles before comparing them
MIN_WORDS = 12  # shorter articles (briefs, headline only) are compared word for word only
_WORD = re.compile(r"\w+")


def fingerprint(article: Article) -> dict[str, object]:
    """What the manifest keeps of an article to find its copies: a hash of its words and
    the sketch of its shingles."""
    words = _WORD.findall(" ".join([article.title, article.body_text()]).lower())
    text_hash = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:16]
    if len(words) < MIN_WORDS:
        return {"words": text_hash, "sketch": []}
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    sketch = heapq.nsmallest(SKETCH, {zlib.crc32(s.encode("utf-8")) for s in shingles})
    return {"words": text_hash, "sketch": sketch}


def resemblance(a: list[int], b: list[int]) -> float:
    """The estimated share of shingles two sketched articles have in common."""
    if not a or not b:
        return 0.0
    union = heapq.nsmallest(SKETCH, set(a) | set(b))
    common = set(a) & set(b)
    return sum(1 for value in union if value in common) / len(union)


def copy_groups(prints: Iterable[tuple[str, dict]]) -> dict[str, list[tuple[str, bool]]]:
    """For every article that has copies, the others: [(article, identical)], in id order.

    Candidates share a word hash or one of their sketch values; near copies are then
    confirmed on the whole sketch."""
    by_words: dict[str, list[str]] = defaultdict(list)
    by_value: dict[int, list[str]] = defaultdict(list)
    sketches: dict[str, list[int]] = {}
    words_of: dict[str, str] = {}
    for article, entry in prints:
        words_of[article] = str(entry.get("words", ""))
        by_words[words_of[article]].append(article)
        sketch = list(entry.get("sketch") or [])
        sketches[article] = sketch
        for value in sketch[:FIRST]:  # the smallest values: near copies share most of them
            by_value[value].append(article)
    pairs: dict[str, dict[str, bool]] = defaultdict(dict)
    for group in by_words.values():
        for a in group:
            for b in group:
                if a != b:
                    pairs[a][b] = True
    shared: Counter[tuple[str, str]] = Counter()
    for group in by_value.values():
        if 2 <= len(group) <= COMMON:  # (a value many articles share is a common phrase)
            shared.update(itertools.combinations(group, 2))
    for (a, b), count in shared.items():
        # Copies share most of their smallest values; two articles that share one or two
        # have a common phrase, not a common text.
        near = count >= SHARED_FIRST and b not in pairs[a]
        if near and resemblance(sketches[a], sketches[b]) >= NEAR:
            pairs[a][b] = pairs[b][a] = words_of[a] == words_of[b]
    return {a: sorted(others.items()) for a, others in pairs.items() if others}
