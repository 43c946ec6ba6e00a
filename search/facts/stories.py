"""Which articles tell the same story, and which are copies of one text.

Same story is decided by one measure, the one `dossier compare` reports: the similarity of the
two articles' aligned passages (search.compare.similarity_of). Comparing every pair would cost
too much on a large corpus, so candidates come first from a cheap TF-IDF cosine of the
articles' content words (an inverted index, not pair by pair): each article's CANDIDATES
closest with a cosine of at least CANDIDATE_AT. Their compare similarity decides: SAME_STORY
and above is the same story. The threshold was chosen on the development half of the labelled
article pairs (tests/fixtures/facts/labels/same_story.json; bench/facts.py reports both halves).

Copies: two articles whose word 5-grams are mostly the same (COPY_AT of the smaller one's) are
one text: a re-issue or a reprint, not a second source. Candidates come from each article's
SIGNATURE smallest 5-gram hashes (a bottom-k MinHash), so this too is not pair by pair.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict

from search.model import Article
from search.text import LATIN_WORD, STOP_WORDS, WORD, stem

KEPT_TERMS = 200  # words remembered per article
TOP_TERMS = 100  # words of highest TF-IDF compared per article
CANDIDATE_AT = 0.12  # cosine from which a pair is compared with compare's measure
CANDIDATES = 5  # closest candidates per article compared
SAME_STORY = 0.42  # compare similarity from which two articles tell the same story
COPY_AT = 0.6  # share of the smaller article's 5-grams the other must have to be a copy
SIGNATURE = 16  # smallest 5-gram hashes kept per article to find copies
SHINGLE = 5
MIN_WORDS = 40  # an article shorter than this is never called a copy


def story_terms(article: Article) -> dict[str, int]:
    """The article's KEPT_TERMS most frequent content words (stemmed) and their counts."""
    words = Counter(
        stem(w)
        for w in LATIN_WORD.findall(f"{article.title}\n{article.body_text()}")
        if len(w) > 2 and w.lower() not in STOP_WORDS
    )
    return dict(words.most_common(KEPT_TERMS))


def shingles(article: Article) -> list[int]:
    """The article's word 5-grams, hashed (64 bits), each once, sorted."""
    words = [w.lower() for w in WORD.findall(f"{article.title}\n{article.body_text()}")]
    if len(words) < MIN_WORDS:
        return []  # a flash ("Blah blah blah.") is too short to call a copy
    found = {
        int.from_bytes(
            hashlib.blake2b(" ".join(words[i : i + SHINGLE]).encode(), digest_size=8).digest()
        )
        for i in range(len(words) - SHINGLE + 1)
    }
    return sorted(found)


def _vectors(terms: dict[str, dict[str, int]]) -> dict[str, dict[str, float]]:
    total = len(terms)
    df = Counter(t for counts in terms.values() for t in counts)
    vectors = {}
    for aid, counts in terms.items():
        weights = {t: (1 + math.log(n)) * math.log(1 + total / df[t]) for t, n in counts.items()}
        top = sorted(weights.items(), key=lambda item: -item[1])[:TOP_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        vectors[aid] = {t: w / norm for t, w in top}
    return vectors


def candidates(terms: dict[str, dict[str, int]]) -> dict[str, list[tuple[str, float]]]:
    """For every article, the others closest in content words (cosine >= CANDIDATE_AT), at most
    CANDIDATES, closest first."""
    vectors = _vectors(terms)
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for aid, vector in vectors.items():
        for term, weight in vector.items():
            postings[term].append((aid, weight))
    common = max(100, len(vectors) // 50)  # a word in more articles says little of a story
    out: dict[str, list[tuple[str, float]]] = {}
    for aid, vector in vectors.items():
        scores: dict[str, float] = defaultdict(float)
        for term, weight in vector.items():
            if len(postings[term]) > common:
                continue
            for other, other_weight in postings[term]:
                if other != aid:
                    scores[other] += weight * other_weight
        ranked = sorted(
            ((other, score) for other, score in scores.items() if score >= CANDIDATE_AT),
            key=lambda item: (-item[1], item[0]),
        )
        out[aid] = ranked[:CANDIDATES]
    return out


def copy_pairs(grams: dict[str, list[int]]) -> set[frozenset[str]]:
    """Pairs of articles that are copies of one text (see the module's notes)."""
    postings: dict[int, list[str]] = defaultdict(list)
    for aid, hashes in grams.items():
        for value in hashes[:SIGNATURE]:
            postings[value].append(aid)
    pairs: set[frozenset[str]] = set()
    seen: set[frozenset[str]] = set()
    for ids in postings.values():
        if len(ids) > 50:
            continue  # a 5-gram every article has (boilerplate) proves nothing
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                pair = frozenset((a, b))
                if pair in seen or a == b:
                    continue
                seen.add(pair)
                small, large = sorted((set(grams[a]), set(grams[b])), key=len)
                if small and len(small & large) / len(small) >= COPY_AT:
                    pairs.add(pair)
    return pairs


def copy_groups(pairs: set[frozenset[str]]) -> list[list[str]]:
    """Copies grouped: every article that is a copy of another, with all its copies."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        a, b = sorted(pair)
        parent[root(b)] = root(a)
    groups: dict[str, list[str]] = defaultdict(list)
    for member in parent:
        groups[root(member)].append(member)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)
