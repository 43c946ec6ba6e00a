"""Searching the index: the query parsed, the top passages scored by Whoosh's BM25F, snippets
with the matched words' offsets, and a "did you mean" from the index's own vocabulary."""

from __future__ import annotations

import re
import threading

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from whoosh import query as wq
from whoosh.index import Index

from search.index.highlight import query_spans, snippet
from search.index.lengths import preload_field_lengths
from search.index.query import QueryError, make_parser, parse
from search.index.results import Hit, SearchResult
from search.index.schema import SCORED_FIELDS

SUGGEST_BELOW = 3  # offer "did you mean" when a query finds fewer hits than this


def _run(searcher, query, limit: int):  # type: ignore[no-untyped-def]
    """Whoosh's search for the top `limit` passages.

    Without `terms=True`: recording matched terms makes Whoosh score every matching passage
    (9k per one-word query at 20k articles) instead of skipping blocks that cannot reach the
    top; the terms to highlight are found in the few hits' text instead (`positive_terms`).
    Whoosh's block skipping once raised IndexError inside `AndNotMatcher` (with
    `terms=True`), so a failed optimised search is run again without it."""
    try:
        return searcher.search(query, limit=max(1, limit))
    except IndexError:
        return searcher.search(query, limit=max(1, limit), optimize=False)


def positive_terms(query: wq.Query) -> dict[str, set[str]]:
    """The terms a query looks for, by field: the words to highlight in a hit. Excluded
    terms (`NOT`, `-word`) are left out."""
    found: dict[str, set[str]] = {}

    def visit(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            visit(node.a)
            return
        if isinstance(node, wq.Term | wq.Phrase):
            words = [node.text] if isinstance(node, wq.Term) else list(node.words)
            for word in words:
                text = word.decode("utf-8") if isinstance(word, bytes) else str(word)
                found.setdefault(node.fieldname, set()).add(text)
            return
        for child in node.children():
            visit(child)

    visit(query)
    return found


class Searching:
    """The searching half of `CorpusIndex` (search/index/corpus_index.py): one searcher, shared
    behind a lock (Whoosh searchers are not safe to share across threads)."""

    _ix: Index | None
    _lock: threading.RLock
    _searcher: object
    _parser: object
    _vocabulary: list[str] | None

    def _invalidate(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._vocabulary = None

    def _ensure_searcher(self):  # type: ignore[no-untyped-def]
        if self._ix is None:
            self.open()
        if self._searcher is None:
            assert self._ix is not None
            self._searcher = self._ix.searcher()
            preload_field_lengths(self._searcher, SCORED_FIELDS)
            self._parser = make_parser(self._ix.schema)
        return self._searcher

    def search(self, text: str, limit: int = 20) -> SearchResult:
        """Passages matching `text`, best first, with highlighted snippets."""
        result = SearchResult(query=text)
        with self._lock:
            searcher = self._ensure_searcher()
            try:
                query = parse(self._parser, text, searcher.reader())
            except QueryError as error:
                result.error = str(error)
                return result
            try:
                hits = _run(searcher, query, limit)
            except Exception as error:  # EOFError, UnpicklingError: damage found while reading
                result.error = (
                    f"the index could not be read ({type(error).__name__}); "
                    "`dossier index --rebuild` rebuilds it"
                )
                return result
            result.total = len(hits)
            result.terms = positive_terms(query)
            for hit in hits:
                text_ = hit["text"]
                snip, offsets = snippet(text_, query_spans(text_, result.terms))
                result.hits.append(
                    Hit(
                        article=hit["article"],
                        title=hit["title"],
                        passage=hit["passage"],
                        kind=hit["kind"],
                        score=hit.score or 0.0,
                        snippet=snip,
                        matches=offsets,
                    )
                )
            if result.total < SUGGEST_BELOW:
                result.suggestion = self._suggest(text, searcher.reader())
        return result

    def _suggest(self, text: str, reader) -> str | None:  # type: ignore[no-untyped-def]
        """The query with unknown words replaced by the closest words of the index."""
        if self._vocabulary is None:
            self._vocabulary = [t for t in reader.field_terms("exact") if t.isalpha()]
        suggestion = text
        changed = False
        for token in re.finditer(r"[^\W\d_]+", text):
            word = token.group().lower()
            if len(word) < 4 or reader.doc_frequency("exact", word):
                continue
            cutoff = 1 if len(word) < 6 else 2
            candidates = process.extract(
                word, self._vocabulary, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=10
            )
            if not candidates:
                continue
            best = min(candidates, key=lambda c: (c[1], -reader.doc_frequency("exact", c[0])))
            suggestion = suggestion.replace(token.group(), best[0], 1)
            changed = True
        return suggestion if changed else None
