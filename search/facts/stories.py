"""Which articles tell the same story: TF-IDF cosine of their content words.

Each article is summed up by its most frequent content words (stemmed, stop words out), kept
in the facts cache so a corpus is read once. Across the corpus, each article's TOP_TERMS words
of highest TF-IDF are compared through an inverted index (not pair by pair). On the seeds, the
two translations of one story score 0.47 and every other pair at most 0.07; SAME_STORY sits
between with room for less tidy corpora.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from search.model import Article
from search.text import LATIN_WORD, STOP_WORDS, stem

KEPT_TERMS = 200  # words remembered per article
TOP_TERMS = 100  # words of highest TF-IDF compared per article
SAME_STORY = 0.25  # cosine from which two articles cover the same story


def story_terms(article: Article) -> dict[str, int]:
    """The article's KEPT_TERMS most frequent content words (stemmed) and their counts."""
    words = Counter(
        stem(w)
        for w in LATIN_WORD.findall(article.body_text())
        if len(w) > 2 and w.lower() not in STOP_WORDS
    )
    return dict(words.most_common(KEPT_TERMS))


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


def same_story(terms: dict[str, dict[str, int]]) -> dict[str, list[tuple[str, float]]]:
    """For every article, the others that cover the same story, closest first, with cosine."""
    vectors = _vectors(terms)
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for aid, vector in vectors.items():
        for term, weight in vector.items():
            postings[term].append((aid, weight))
    partners: dict[str, list[tuple[str, float]]] = {}
    for aid, vector in vectors.items():
        scores: dict[str, float] = defaultdict(float)
        for term, weight in vector.items():
            for other, other_weight in postings[term]:
                if other != aid:
                    scores[other] += weight * other_weight
        ranked = sorted(
            ((other, score) for other, score in scores.items() if score >= SAME_STORY),
            key=lambda item: (-item[1], item[0]),
        )
        partners[aid] = ranked
    return partners
