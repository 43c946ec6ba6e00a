"""Two articles side by side: their passages aligned in order by text similarity, the figures
they disagree on, and the sentences only one of them has.

Similarity of two passages is rapidfuzz's token-set and token-sort ratios, averaged, on their
content words (stop words removed: two unrelated paragraphs on one subject share "the", "of"
and "and", which lift raw ratios to ~0.5). On the seeds, paragraphs of two translations of one
story score 0.68-0.85, paragraphs of different stories at most 0.53.

The alignment is a Needleman-Wunsch-style dynamic programme that keeps both orders: a pair
earns its score minus MATCH_AT, a gap costs nothing, and one passage may pair with two adjacent
ones (a paragraph split in the other version) when the two together score MERGE_GAIN more than
either alone.

How alike two articles are (`similarity_of`, what compare reports and what decides which
articles tell the same story): the share of both articles' text that is aligned (passages of
six content words or more), or the similarity of their content words above what two stories on
one broad subject share when that is higher; a third of that when both state figures and
none the same. Seeds 000 and 001 score 0.80; the seeds' other pairs under 0.1.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from search.facts.check import CheckedFact, check
from search.facts.extract import Fact, extract
from search.model import Article
from search.text import LATIN_WORD, STOP_WORDS, sentence_spans, stem

MATCH_AT = 0.6  # passages scoring below this are not the same passage
MERGE_GAIN = 0.05  # a split is taken only when both halves together score this much better
MERGE_CANDIDATE = MATCH_AT - 0.15  # a half must score this alone to be tried in a split
ONLY_BELOW = 0.6  # a sentence whose words the other side's passage covers less is one-sided
TOKEN = re.compile(r"[\w$€£%]+(?:[.,]\d+)*")


def content(text: str) -> str:
    """The content words of a text, lower case, in order: what similarity is measured on."""
    return " ".join(w for w in TOKEN.findall(text.lower()) if w not in STOP_WORDS)


def similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two texts already reduced by `content`."""
    if not a or not b:
        return 0.0
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 200


def _similarities(ca: list[str], cb: list[str]) -> list[list[float]]:
    """`similarity` of every pair, 0 below MERGE_CANDIDATE. The token-set ratio is never
    below the token-sort one, so a pair whose set ratio misses the cut is skipped whole;
    rapidfuzz's `process.extract` runs that first pass in C++."""
    cut = MERGE_CANDIDATE * 100
    single = [[0.0] * len(cb) for _ in ca]
    for i, x in enumerate(ca):
        if not x:
            continue
        found = process.extract(x, cb, scorer=fuzz.token_set_ratio, score_cutoff=cut, limit=None)
        for _, set_ratio, j in found:
            if cb[j]:
                score = (set_ratio + fuzz.token_sort_ratio(x, cb[j])) / 200
                single[i][j] = score if score >= MERGE_CANDIDATE else 0.0
    return single


@dataclass(frozen=True)
class Row:
    """One row of the aligned view: the passages of each side (none for a gap, two for a
    split) and how alike they are; sentences only one side has, as (passage, start, end)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    only_a: tuple[tuple[int, int, int], ...] = ()
    only_b: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True)
class Disagreement:
    """A figure stated differently by the two sides of one row."""

    a_passage: int
    b_passage: int
    a_text: str
    b_text: str
    a_value: float | str
    b_value: float | str
    a_span: tuple[int, int]
    b_span: tuple[int, int]

    def as_json(self) -> dict:  # type: ignore[type-arg]
        return {
            "a_passage": self.a_passage,
            "b_passage": self.b_passage,
            "a_text": self.a_text,
            "b_text": self.b_text,
            "a_value": self.a_value,
            "b_value": self.b_value,
        }


@dataclass
class Comparison:
    a: str
    b: str
    similarity: float
    rows: list[Row]
    disagreements: list[Disagreement] = field(default_factory=list)

    def pairs(self) -> list[tuple[int | None, int | None, float]]:
        """The rows as (a passage, b passage, score); a split gives one pair per half."""
        out: list[tuple[int | None, int | None, float]] = []
        for row in self.rows:
            if not row.a or not row.b:
                out += [(i, None, 0.0) for i in row.a] + [(None, j, 0.0) for j in row.b]
            else:
                out += [(i, j, row.score) for i in row.a for j in row.b]
        return out

    def as_json(self) -> dict:  # type: ignore[type-arg]
        return {
            "a": self.a,
            "b": self.b,
            "similarity": round(self.similarity, 3),
            "pairs": [{"a": a, "b": b, "score": round(score, 3)} for a, b, score in self.pairs()],
            "disagreements": [d.as_json() for d in self.disagreements],
        }


def align(a: list[str], b: list[str]) -> list[Row]:
    """Order-preserving alignment of two lists of passage texts (see the module's notes)."""
    ca, cb = [content(t) for t in a], [content(t) for t in b]
    n, m = len(ca), len(cb)
    single = _similarities(ca, cb)

    # Splits worth trying: both halves already score MERGE_CANDIDATE alone (0 means less).
    split_b: dict[tuple[int, int], float] = {}  # a[i] with b[j] + b[j+1]
    split_a: dict[tuple[int, int], float] = {}  # a[i] + a[i+1] with b[j]
    for i in range(n):
        for j in range(m):
            here = single[i][j]
            if not here:
                continue
            if j + 1 < m and (right := single[i][j + 1]):
                joined = similarity(ca[i], f"{cb[j]} {cb[j + 1]}")
                if joined >= max(here, right) + MERGE_GAIN and joined >= MATCH_AT:
                    split_b[i, j] = joined
            if i + 1 < n and (below := single[i + 1][j]):
                joined = similarity(f"{ca[i]} {ca[i + 1]}", cb[j])
                if joined >= max(here, below) + MERGE_GAIN and joined >= MATCH_AT:
                    split_a[i, j] = joined

    # best[i][j]: the best total for a[:i] and b[:j]; step[i][j]: the last move taken there.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int, float]]] = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if not (i or j):
                continue
            total, move = -1.0, (0, 0, 0.0)
            for di, dj, score in (
                (1, 0, 0.0),  # a gap on side B
                (0, 1, 0.0),  # a gap on side A
                (1, 1, single[i - 1][j - 1] if i and j else 0.0),
                (1, 2, split_b.get((i - 1, j - 2), 0.0)),
                (2, 1, split_a.get((i - 2, j - 1), 0.0)),
            ):
                if di > i or dj > j or (di and dj and score < MATCH_AT):
                    continue
                candidate = best[i - di][j - dj] + (score - MATCH_AT if di and dj else 0.0)
                if candidate > total:
                    total, move = candidate, (di, dj, score)
            best[i][j], step[i][j] = total, move
    rows: list[Row] = []
    i, j = n, m
    while i or j:
        di, dj, score = step[i][j]
        rows.append(Row(tuple(range(i - di, i)), tuple(range(j - dj, j)), score))
        i, j = i - di, j - dj
    rows.reverse()
    return rows


def _one_sided(texts: list[str], mine: tuple[int, ...], theirs: str) -> list[tuple[int, int, int]]:
    """Sentences of passages `mine` whose content words the other side does not cover."""
    out = []
    for index in mine:
        text = texts[index]
        for start, end in sentence_spans(text):
            words = content(text[start:end])
            if words and fuzz.token_set_ratio(words, theirs) / 100 < ONLY_BELOW:
                out.append((index, start, end))
    return out


def _with_one_sided(rows: list[Row], a: list[str], b: list[str]) -> list[Row]:
    out = []
    for row in rows:
        if row.a and row.b:
            theirs_b = content(" ".join(b[j] for j in row.b))
            theirs_a = content(" ".join(a[i] for i in row.a))
            row = Row(
                row.a,
                row.b,
                row.score,
                tuple(_one_sided(a, row.a, theirs_b)),
                tuple(_one_sided(b, row.b, theirs_a)),
            )
        out.append(row)
    return out


SHORT_PASSAGE = 6  # content words under which a passage says too little to count


def _weight(text: str) -> int:
    """What a passage counts for in the share: its length, or nothing when it has fewer than
    SHORT_PASSAGE content words (a table row, "Pay April 3": template notices of two companies
    align line by line without telling one story)."""
    return len(text) if len(content(text).split()) >= SHORT_PASSAGE else 0


def _overall(rows: list[Row], a: list[str], b: list[str]) -> float:
    """The share of both articles' text that is paired, weighted by how alike the pairs are
    (short passages left out of both sides of the share)."""
    total = sum(map(_weight, a)) + sum(map(_weight, b))
    if not total:
        return 0.0
    paired = sum(
        row.score * (sum(_weight(a[i]) for i in row.a) + sum(_weight(b[j]) for j in row.b))
        for row in rows
        if row.a and row.b
    )
    return paired / total


def _disagreements(
    a: Article, b: Article, rows: list[Row], checked: dict[str, list[CheckedFact]] | None
) -> list[Disagreement]:
    """Figures in conflict (the facts' own rule) whose passages share a row."""
    if checked is None or a.id not in checked or b.id not in checked:
        checked = check({a.id: extract(a), b.id: extract(b)}, same_story=_counterparts)
    row_of_b = {j: k for k, row in enumerate(rows) for j in row.b}
    b_facts = {(f.fact.passage, f.fact.start): f.fact for f in checked[b.id]}
    found = []
    for k, row in enumerate(rows):
        for entry in checked[a.id]:
            fact = entry.fact
            if fact.passage not in row.a:
                continue
            for conflict in entry.conflicts:
                other = b_facts.get((conflict.passage, conflict.start))
                if conflict.article != b.id or other is None or row_of_b.get(other.passage) != k:
                    continue
                found.append(
                    Disagreement(
                        fact.passage,
                        other.passage,
                        fact.text,
                        other.text,
                        fact.value,
                        other.value,
                        (fact.start, fact.end),
                        (other.start, other.end),
                    )
                )
    return found


COMMON_COSINE = 0.3  # the cosine two news stories on one broad subject have anyway


def word_cosine(a: Article, b: Article) -> float:
    """Cosine of the two articles' content words (title and body; words of four letters or
    more, stop words out, stemmed, weighted 1 + log of their count)."""
    va, vb = _word_vector(a), _word_vector(b)
    return sum(w * vb.get(t, 0.0) for t, w in va.items())


def word_similarity(a: Article, b: Article) -> float:
    """The word cosine above what any two stories on one broad subject share, 0-1."""
    return max(0.0, (word_cosine(a, b) - COMMON_COSINE) / (1 - COMMON_COSINE))


def _word_vector(article: Article) -> dict[str, float]:
    counts = Counter(
        stem(w)
        for w in LATIN_WORD.findall(f"{article.title}\n{article.body_text()}")
        if len(w) > 3 and w.lower() not in STOP_WORDS
    )
    weights = {t: 1 + math.log(n) for t, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def _figures(facts: list[Fact]) -> set[tuple[str, object]]:
    return {
        (f.kind, f.value if isinstance(f.value, str) else round(float(f.value), 6))
        for f in facts
        if f.kind != "entity"
    }


def similarity_of(
    a: Article,
    b: Article,
    rows: list[Row] | None = None,
    facts: tuple[list[Fact], list[Fact]] | None = None,
) -> float:
    """How alike two articles are, as `compare` reports it (0-1): the share of both articles'
    text that is aligned (weighted by how alike the aligned passages are), or their content
    words' similarity when that is higher (two write-ups of one story share words more than
    paragraphs); a third of that when both state figures and none the same (notices of two companies
    written on one template). The same measure decides which articles tell the same story
    (search/facts/stories.py): one number for compare, the picker and the library's ≈."""
    words = word_similarity(a, b)
    if rows is None and words >= 0.99:
        return words
    texts_a, texts_b = _texts(a), _texts(b)
    rows = rows if rows is not None else align(texts_a, texts_b)
    score = max(_overall(rows, texts_a, texts_b), words)
    facts_a, facts_b = facts if facts is not None else (extract(a), extract(b))
    figures_a, figures_b = _figures(facts_a), _figures(facts_b)
    if figures_a and figures_b and not figures_a & figures_b:
        score /= 3
    return score


def _texts(article: Article) -> list[str]:
    return [p.text for p in article.passages]


def _counterparts(a: str, b: str) -> bool:
    """Two articles compared side by side are taken as telling one story."""
    return True


def compare(
    a: Article, b: Article, checked: dict[str, list[CheckedFact]] | None = None
) -> Comparison:
    """Align `a` with `b`. `checked` (the corpus's facts) saves extracting them again."""
    texts_a, texts_b = [p.text for p in a.passages], [p.text for p in b.passages]
    rows = _with_one_sided(align(texts_a, texts_b), texts_a, texts_b)
    if checked is None or a.id not in checked or b.id not in checked:
        checked = check({a.id: extract(a), b.id: extract(b)}, same_story=_counterparts)
    facts = ([e.fact for e in checked[a.id]], [e.fact for e in checked[b.id]])
    return Comparison(
        a.id,
        b.id,
        similarity_of(a, b, rows, facts),
        rows,
        _disagreements(a, b, rows, checked),
    )
