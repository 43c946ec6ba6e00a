"""Searching the index: the query parsed (search/index/query.py), the top passages scored by
Whoosh's BM25F, gathered into articles (each once, its copies named), snippets worked out
for what is shown, and a "did you mean" from the index's own vocabulary."""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable

from whoosh import query as wq
from whoosh import scoring
from whoosh.index import Index

from search.index.analysis import stemmed_analyzer
from search.index.highlight import has_phrase
from search.index.lengths import preload_field_lengths
from search.index.query import ParsedQuery, QueryError, make_parser, parse
from search.index.results import ArticleHit, Copy, Hit, SearchResult
from search.index.schema import SCORED_FIELDS
from search.index.suggest import suggest, vocabulary

_STEMS = stemmed_analyzer()
SUGGEST_BELOW = 3  # offer "did you mean" when a query finds fewer hits than this
# An article's score: WHOLE_ARTICLE times the BM25 of the whole article (its passages' term
# frequencies and lengths added up) plus the rest times its best passage's, plus ARTICLE_BLEND
# times each further passage's, plus its title's bonus (chosen on Cranfield and the judged
# newswire queries: bench/REPORT.md).
ARTICLE_BLEND = 0.0
BM25_B, BM25_K1 = 0.75, 1.2  # Whoosh's defaults (see bench/REPORT.md for others tried)
RECENT_RESULTS = 64  # results kept for queries asked again
PASSAGES_PER_ARTICLE = 2  # passages fetched per article asked for (more when too few)
MIN_FETCH = 40
# Passages with all of a quoted phrase's words, fetched at once to be checked as typed
# (fetching 40, then 160, 640... searched again each time: 3x slower at 20k articles).
PHRASE_FETCH = 2000
WHOLE_ARTICLE = 0.5  # the share of the whole article's BM25 in its score (the rest: passages)
TITLE_WEIGHT = 0.7  # the title's BM25 score is added times this (bench/REPORT.md)


def _run(searcher, query: wq.Query, limit: int, allowed: set[int] | None = None):  # type: ignore[no-untyped-def]
    """Whoosh's search for the top `limit` passages.

    Without `terms=True`: recording matched terms makes Whoosh score every matching passage
    (9k per one-word query at 20k articles) instead of skipping blocks that cannot reach the
    top; the terms to highlight come from the query instead (`positive_terms`). Whoosh's
    block skipping once raised IndexError inside `AndNotMatcher` (with `terms=True`), so a
    failed optimised search is run again without it."""
    try:
        return searcher.search(query, limit=max(1, limit), filter=allowed)
    except IndexError:
        return searcher.search(query, limit=max(1, limit), filter=allowed, optimize=False)


def _has_phrases(hit, phrases: list[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether a hit holds every quoted phrase as typed (Whoosh matched their stems side by
    side, common words left out: "state of the art" also finds "state art")."""
    if not phrases:
        return True
    text = hit["text"]
    return all(has_phrase(text, phrase) for phrase in phrases)


def _blend(scores: list[float]) -> float:
    """An article's score from its passages' scores, best first."""
    return scores[0] + ARTICLE_BLEND * sum(scores[1:])


def _evidence(whole: float, passages: list[float]) -> float:
    """An article's score: BM25 of the whole article and of its best passage, blended."""
    return WHOLE_ARTICLE * whole + (1 - WHOLE_ARTICLE) * _blend(passages)


class Searching:
    """The searching half of `CorpusIndex` (search/index/corpus_index.py): one searcher, shared
    behind a lock (Whoosh searchers are not safe to share across threads)."""

    _ix: Index | None
    _lock: threading.RLock
    _searcher: object
    _parser: object
    _vocabulary: dict[int, list[str]] | None
    _copies: dict[str, list[tuple[str, bool]]] | None
    _titles: dict[str, str]
    _filters: dict[str, set[int]]
    _title_stems: dict[str, tuple[frozenset[str], int]]
    _recent: OrderedDict[tuple[str, str, int], SearchResult]
    _files: Callable[[], dict[str, dict]]  # the manifest's files (corpus_index.py)
    _copy_groups: Callable[[], dict[str, list]]  # the manifest's copies (corpus_index.py)

    def _invalidate(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._vocabulary = None
            self._copies = None
            self._titles = {}
            self._filters = {}
            self._recent = OrderedDict()
            self._title_stems = {}

    def _ensure_searcher(self):  # type: ignore[no-untyped-def]
        if self._ix is None:
            self.open()
        if self._searcher is None:
            assert self._ix is not None
            self._searcher = self._ix.searcher(weighting=scoring.BM25F(B=BM25_B, K1=BM25_K1))
            preload_field_lengths(self._searcher, SCORED_FIELDS)
            self._parser = make_parser(self._ix.schema)
            self._titles = {
                str(entry["id"]): str(entry["info"].get("title") or entry["id"])
                for entry in self._files().values()
                if isinstance(entry.get("info"), dict)
            }
        return self._searcher

    def copies(self) -> dict[str, list[tuple[str, bool]]]:
        """Every article that has copies in the corpus: the others, (id, identical)."""
        with self._lock:
            if self._copies is None:
                self._copies = {
                    str(article): [(str(other), bool(identical)) for other, identical in others]
                    for article, others in self._copy_groups().items()
                }
            return self._copies

    def _prepare(self, text: str, result: SearchResult):  # type: ignore[no-untyped-def]
        """The searcher and the parsed query, or None with `result.error` set."""
        searcher = self._ensure_searcher()
        if not searcher.doc_count_all():  # nothing committed yet (a first build is running)
            return None
        try:
            parsed = parse(self._parser, text, searcher.reader())
        except QueryError as error:
            result.error = str(error)
            return None
        result.terms = parsed.terms
        return searcher, parsed

    def _top(self, searcher, parsed: ParsedQuery, limit: int, result: SearchResult):  # type: ignore[no-untyped-def]
        """The best `limit` passages (Whoosh's hits; fewer when quoted phrases rule some out)
        and the numbers of those that have all the words (they come first), with
        `result.total` set; None with `result.error` when the index is damaged."""
        try:
            allowed = None
            if parsed.restrict is not None:
                allowed = self._allowed(searcher, parsed.restrict)
                if not allowed:  # (Whoosh takes an empty filter for no filter)
                    result.total, result.total_exact = 0, True
                    return [], set()
            first = parsed.strict if parsed.strict is not None else parsed.query
            hits = _run(searcher, first, limit, allowed)
            kept = [hit for hit in hits if _has_phrases(hit, parsed.phrases)]
            exhaustive = hits.scored_length() < limit
            all_words = {hit.docnum for hit in kept} if parsed.strict is not None else set()
            if parsed.strict is not None and exhaustive:  # then those with some of the words
                hits = _run(searcher, parsed.query, limit, allowed)
                kept += [
                    hit
                    for hit in hits
                    if hit.docnum not in all_words and _has_phrases(hit, parsed.phrases)
                ][: max(0, limit - len(kept))]
                exhaustive = hits.scored_length() < limit
        except Exception as error:  # EOFError, UnpicklingError: damage found while reading
            result.error = (
                f"the index could not be read ({type(error).__name__}); "
                "`dossier index --rebuild` rebuilds it"
            )
            return None
        if exhaustive:
            result.total, result.total_exact = len(kept), True
        else:
            estimate = (
                len(kept) if parsed.phrases else parsed.query.estimate_size(searcher.reader())
            )
            result.total, result.total_exact = max(len(kept), estimate), False
        return kept, all_words

    def _allowed(self, searcher, restrict: wq.Query) -> set[int]:  # type: ignore[no-untyped-def]
        """The passages a filter lets through, kept while the searcher lasts (a user types
        words after the same `kind:` or `title:` again and again)."""
        key = str(restrict)
        if key not in self._filters:
            if len(self._filters) >= 16:
                self._filters.clear()
            self._filters[key] = set(searcher.docs_for_query(restrict))
        return self._filters[key]

    def _hit(self, hit, terms: dict[str, set[str]], bonus: float = 0.0) -> Hit:  # type: ignore[no-untyped-def]
        stored = hit.fields()
        article = stored["article"]
        return Hit(
            article=article,
            title=self._titles.get(article, article),
            passage=stored["passage"],
            kind=stored["kind"],
            score=(hit.score or 0.0) + bonus,
            text=stored["text"],
            terms=terms,
        )

    def _whole_articles(self, articles: list[str], words: list[str]) -> dict[str, float]:
        """BM25 of each article as a whole (its passages' term frequencies and lengths added
        up), for the query's words: read from the index for the articles found only."""
        searcher = self._searcher
        reader = searcher.reader()
        if not words or not articles:
            return {}
        owner: dict[int, str] = {}
        for article in articles:
            for docnum in reader.postings("article", article).all_ids():
                owner[docnum] = article
        docnums = sorted(owner)
        length: dict[str, int] = defaultdict(int)
        for docnum in docnums:
            length[owner[docnum]] += reader.doc_field_length(docnum, "text") or 0
        count = max(1, len(self._titles))
        average = reader.field_length("text") / count
        tf: dict[str, dict[str, float]] = defaultdict(dict)
        for word in words:
            if not reader.doc_frequency("text", word):
                continue
            matcher = reader.postings("text", word)
            for docnum in docnums:
                if not matcher.is_active():
                    break
                if matcher.id() < docnum:
                    matcher.skip_to(docnum)
                    if not matcher.is_active():
                        break
                if matcher.id() == docnum:
                    frequency = tf[word]
                    frequency[owner[docnum]] = frequency.get(owner[docnum], 0) + matcher.weight()
        scores: dict[str, float] = defaultdict(float)
        for word, frequency in tf.items():
            idf = searcher.idf("text", word)
            for article, value in frequency.items():
                size = length[article]
                scores[article] += scoring.bm25(idf, value, size, average, BM25_B, BM25_K1)
        return scores

    def _title_bonus(self, searcher, parsed: ParsedQuery):  # type: ignore[no-untyped-def]
        """A function from an article to what its title adds to each of its passages' scores:
        the BM25 score of the query's words in the title (Whoosh's BM25F, as if the title were
        a field of the passage), times TITLE_WEIGHT.

        Computed here for the articles found, not by Whoosh for every passage (an `AndMaybe`
        on the title field looked up the title's postings for each matching passage: a third
        of a two-word query's time)."""
        weights = {word: searcher.idf("title", word) for word in parsed.title_words}
        if not weights:
            return lambda article: 0.0
        reader = searcher.reader()
        average = reader.field_length("title") / max(1, reader.doc_count_all())

        def bonus(article: str) -> float:
            known = self._title_stems.get(article)
            if known is None:
                tokens = [token.text for token in _STEMS(self._titles.get(article, ""))]
                known = self._title_stems[article] = (frozenset(tokens), len(tokens))
            stems, length = known
            norm = BM25_K1 * (1 - BM25_B + BM25_B * length / max(average, 1e-9))
            found = sum(w for word, w in weights.items() if word in stems)
            return TITLE_WEIGHT * found * (BM25_K1 + 1) / (1 + norm)

        return bonus

    def search_passages(self, text: str, limit: int = 20) -> SearchResult:
        """Passages matching `text`, best first across articles (for scripts)."""
        return self._remembered(("passages", text, limit), self._search_passages)

    def search(self, text: str, limit: int = 20) -> SearchResult:
        """Articles matching `text`, best first, each once: its matching passages (best
        first) and its copies; `hits` are those passages, article by article."""
        return self._remembered(("articles", text, limit), self._search_articles)

    def _remembered(self, key: tuple[str, str, int], run) -> SearchResult:  # type: ignore[no-untyped-def]
        """The result of a recent search again (a reader deleting what they typed goes back
        through the same queries), else a new search; forgotten when the index changes."""
        with self._lock:
            self._ensure_searcher()
            if key in self._recent:
                self._recent.move_to_end(key)
                return self._recent[key]
            result = run(key[1], key[2])
            if result.error is None:
                self._recent[key] = result
                while len(self._recent) > RECENT_RESULTS:
                    self._recent.popitem(last=False)
            return result

    def _search_passages(self, text: str, limit: int) -> SearchResult:
        result = SearchResult(query=text)
        with self._lock:
            prepared = self._prepare(text, result)
            if prepared is None:
                return result
            searcher, parsed = prepared
            fetch = max(limit, PHRASE_FETCH) if parsed.phrases else limit
            while True:
                top = self._top(searcher, parsed, fetch, result)
                if top is None:
                    return result
                hits = top[0]
                if len(hits) >= limit or result.total_exact or fetch >= 50_000:
                    break
                fetch *= 4  # quoted phrases ruled some out: look further
            bonus = self._title_bonus(searcher, parsed)
            all_words = top[1]
            ranked = sorted(
                hits,
                key=lambda h: (h.docnum not in all_words, -(h.score + bonus(h["article"]))),
            )
            result.hits = [
                self._hit(hit, parsed.terms, bonus(hit["article"])) for hit in ranked[:limit]
            ]
            if result.total < SUGGEST_BELOW:
                result.suggestion = self._suggest(text, searcher.reader())
        return result

    def _search_articles(self, text: str, limit: int) -> SearchResult:
        result = SearchResult(query=text, grouped=True)
        with self._lock:
            prepared = self._prepare(text, result)
            if prepared is None:
                return result
            searcher, parsed = prepared
            fetch = max(limit * PASSAGES_PER_ARTICLE, MIN_FETCH)
            if parsed.phrases:  # most passages with the words lack the phrase: one big look
                fetch = max(fetch, PHRASE_FETCH)
            while True:
                top = self._top(searcher, parsed, fetch, result)
                if top is None:
                    return result
                hits, all_words = top
                by_article: dict[str, list] = defaultdict(list)
                for hit in hits:
                    by_article[hit["article"]].append(hit)
                if result.total_exact or len(by_article) >= limit or fetch >= 50_000:
                    break
                fetch *= 4  # too few articles among the top passages: look further
            bonus = self._title_bonus(searcher, parsed)
            result.articles = self._articles(by_article, all_words, parsed, limit, bonus)
            result.hits = [hit for article in result.articles for hit in article.passages]
            if not result.total_exact:
                result.total = max(result.total, len(result.hits))
            if len(result.articles) < SUGGEST_BELOW:
                result.suggestion = self._suggest(text, searcher.reader())
        return result

    def _articles(
        self,
        by_article: dict[str, list],
        all_words: set[int],
        parsed: ParsedQuery,
        limit: int,
        bonus: Callable[[str], float],
    ) -> list[ArticleHit]:
        """The best `limit` articles, each once, with its copies folded in: those with a
        passage that has all the words first, then by their passages' blended scores."""
        if parsed.words:
            whole = self._whole_articles(list(by_article), parsed.title_words)
            scores = {
                article: _evidence(whole.get(article, 0.0), [h.score for h in hits])
                + bonus(article)
                for article, hits in by_article.items()
            }
            ranked = sorted(
                by_article.items(),
                key=lambda item: (
                    not any(h.docnum in all_words for h in item[1]),
                    -scores[item[0]],
                ),
            )
        else:  # filters only: articles in the order of the index, passages in article order
            ranked = [(a, sorted(h, key=lambda hit: hit["passage"])) for a, h in by_article.items()]
        copies = self.copies()
        shown: list[ArticleHit] = []
        folded: set[str] = set()
        for article, hits in ranked:
            if article in folded:
                continue
            others = copies.get(article, [])
            folded.update(other for other, _ in others)
            shown.append(
                ArticleHit(
                    article=article,
                    title=self._titles.get(article, article),
                    score=scores[article] if parsed.words else 0.0,
                    passages=[self._hit(hit, parsed.terms, bonus(article)) for hit in hits],
                    copies=[
                        Copy(other, self._titles.get(other, other), identical)
                        for other, identical in others
                    ],
                )
            )
            if len(shown) >= limit:
                break
        return shown

    def _suggest(self, text: str, reader) -> str | None:  # type: ignore[no-untyped-def]
        """The query with unknown plain words replaced by the closest words of the index."""
        if self._vocabulary is None:
            self._vocabulary = vocabulary(reader)
        return suggest(text, reader, self._vocabulary)
