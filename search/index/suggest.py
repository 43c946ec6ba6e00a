"""Did you mean: a query's unknown plain words (search/index/query.py `plain_words`) replaced
by the closest words of the index, compared stem to stem."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from search.index.analysis import stemmed_analyzer
from search.index.query import plain_words

_STEMS = stemmed_analyzer()


def vocabulary(reader) -> dict[int, list[str]]:  # type: ignore[no-untyped-def]
    """The index's stems by length (a close one differs in length by 2 at most)."""
    found: dict[int, list[str]] = defaultdict(list)
    for term in reader.field_terms("text"):
        if term.isalpha():
            found[len(term)].append(term)
    return dict(found)


def suggest(text: str, reader, stems_by_length: dict[int, list[str]]) -> str | None:  # type: ignore[no-untyped-def]
    """The query with unknown plain words replaced by the closest words of the index.

    The index holds stems ("polici" for "policy"): a word is compared stem to stem, and the
    closest stem is shown as a word the corpus uses (read from a passage)."""
    pieces: list[str] = []
    at, changed = 0, False
    for start, end in plain_words(text):
        word = text[start:end].lower()
        stems = [token.text for token in _STEMS(word)]
        if len(word) < 4 or not stems or reader.doc_frequency("text", stems[0]):
            continue
        cutoff = 1 if len(word) < 6 else 2
        size = len(stems[0])
        nearby = [
            t for n in range(size - cutoff, size + cutoff + 1) for t in stems_by_length.get(n, ())
        ]
        candidates = process.extract(
            stems[0],
            nearby,
            scorer=Levenshtein.distance,
            score_cutoff=cutoff,
            limit=10,
        )
        if not candidates:
            continue
        best = min(candidates, key=lambda c: (c[1], -reader.doc_frequency("text", c[0])))
        pieces += [text[at:start], word_of(reader, best[0])]
        at, changed = end, True
    return "".join([*pieces, text[at:]]) if changed else None


def word_of(reader, stem: str) -> str:  # type: ignore[no-untyped-def]
    """A word of the corpus whose stem is `stem`, as a passage that has it writes it."""
    for docnum in reader.postings("text", stem).all_ids():
        passage = reader.stored_fields(docnum).get("text", "")
        for token in _STEMS(passage, chars=True):
            if token.text == stem:
                return passage[token.startchar : token.endchar].lower()
        break
    return stem
