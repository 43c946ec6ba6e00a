"""One open corpus, as the reader app uses it: its files, its search index, the articles read on
demand (a few kept in memory), and what the reader remembers of it between runs.

The library is listed from the index's catalog, so a corpus of 20k articles is browsable at once
without reading 20k files; an article's text is read only when it is opened.

The index (Whoosh) and the cleaner (ftfy, markdown-it, jusText...) are imported on first use, in
the reader's worker thread: the first screen is drawn without waiting for them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from search.errors import UnknownArticle
from search.index.results import SearchResult, UpdateReport
from search.model import Article, ArticleInfo
from search.userdata.state import StateStore

if TYPE_CHECKING:
    from search.bookmarks.store import Bookmark, BookmarkStore
    from search.compare import Comparison
    from search.facts.check import CheckedFact
    from search.facts.store import FactStore
    from search.index.building import ArticleRead, Progress
    from search.index.corpus_index import CorpusIndex
    from search.reading.corpus import CorpusScan

CACHED_ARTICLES = 16


class Workspace:
    """A corpus folder opened for reading and searching."""

    def __init__(
        self, root: Path, *, index_location: Path | None = None, state_path: Path | None = None
    ) -> None:
        self.root = Path(root).expanduser()
        self._index_location = index_location
        self._index: CorpusIndex | None = None
        self.state = StateStore(self.root, path=state_path)
        self.scan_result: CorpusScan | None = None
        self._articles: OrderedDict[str, tuple[tuple[int, int], Article]] = OrderedDict()
        self._guard = threading.Lock()
        self.index_ready = threading.Event()  # set once the index can answer searches
        self.index_error: str | None = None  # why it cannot, if opening it failed
        self._fact_store: FactStore | None = None
        self._checked: dict[str, list[CheckedFact]] | None = None
        self._partners: dict[str, list[tuple[str, float]]] | None = None
        self._bookmarks: BookmarkStore | None = None

    @property
    def index(self) -> CorpusIndex:
        if self._index is None:
            from search.index.corpus_index import CorpusIndex

            self._index = CorpusIndex(self.root, location=self._index_location)
        return self._index

    # --- the library ---------------------------------------------------------------------------

    def scan(self) -> CorpusScan:
        """Find the corpus's files (raises CorpusError when the folder is unusable)."""
        from search.reading.corpus import scan_corpus

        self.scan_result = scan_corpus(self.root)
        return self.scan_result

    def catalog(self) -> list[ArticleInfo]:
        """Every article with what the index knows of it, without reading the files."""
        return self.index.catalog(self.scan_result or self.scan())

    def open_index(
        self, progress: Progress | None = None, on_article: ArticleRead | None = None
    ) -> UpdateReport:
        """Bring the index up to date (reading only what changed) and make it searchable."""
        try:
            report = self.index.open(progress=progress, on_article=on_article)
        except Exception as error:
            self.unavailable(str(error))
            raise
        self.index_error = None
        self.index_ready.set()
        return report

    def unavailable(self, reason: str) -> None:
        """Searching cannot start (the folder is unusable): searches answer with `reason`."""
        self.index_error = f"search is unavailable: {reason}"
        self.index_ready.set()

    # --- articles ------------------------------------------------------------------------------

    def article(self, article_id: str) -> Article:
        """The clean article with this id (or unique id prefix), read from its file unless a
        copy read from the same version of the file is in memory. Raises UnknownArticle, or
        LoadError with a one-line reason."""
        from search.reading.corpus import resolve_id
        from search.reading.loader import load_article

        scan = self.scan_result or self.scan()
        source = resolve_id(scan.files, article_id)
        try:
            info = source.path.stat()
            version = (info.st_size, info.st_mtime_ns)
        except FileNotFoundError as error:
            raise UnknownArticle(f"'{source.rel}' is no longer in the corpus folder") from error
        except OSError:
            version = (source.size, source.mtime_ns)
        with self._guard:
            cached = self._articles.get(source.id)
            if cached and cached[0] == version:
                self._articles.move_to_end(source.id)
                return cached[1]
        article = load_article(source)
        with self._guard:
            self._articles[source.id] = (version, article)
            while len(self._articles) > CACHED_ARTICLES:
                self._articles.popitem(last=False)
        return article

    # --- facts and stories -------------------------------------------------------------------

    def _store(self) -> FactStore:
        from search.facts.store import FactStore

        if self._fact_store is None:
            self._fact_store = FactStore(self.root, location=self.index.location)
        return self._fact_store

    def facts(self) -> dict[str, list[CheckedFact]]:
        """Every article's facts checked across the corpus (cached beside the index)."""
        self._checked = self._store().checked()
        return self._checked

    def partners(self) -> dict[str, list[tuple[str, float]]]:
        """For every article, the others that tell the same story, closest first."""
        if self._partners is None:
            self._partners = self._store().partners()
        return self._partners

    def known_partners(self) -> dict[str, list[tuple[str, float]]]:
        """The same-story partners if they were already worked out, else none (never slow)."""
        return self._partners or {}

    def compare(self, a_id: str, b_id: str | None = None) -> Comparison:
        """Article `a_id` aligned with `b_id`, or with its closest same-story partner.
        Raises UnknownArticle (no such article, or no partner to pick)."""
        from search.compare import compare

        a = self.article(a_id)
        if b_id is None:
            ranked = self.partners().get(a.id, [])
            if not ranked:
                raise UnknownArticle(
                    f"no other article tells the story of '{a.id}': name one to compare with"
                )
            b_id = ranked[0][0]
        b = self.article(b_id)
        if a.id == b.id:
            raise UnknownArticle(f"'{a.id}' is one article: compare it with another")
        return compare(a, b, self._checked)

    # --- bookmarks ----------------------------------------------------------------------------

    @property
    def bookmark_store(self) -> BookmarkStore:
        if self._bookmarks is None:
            from search.bookmarks.store import BookmarkStore

            self._bookmarks = BookmarkStore()
        return self._bookmarks

    def bookmarks(
        self, article_id: str | None = None
    ) -> tuple[list[Bookmark], dict[str, Article | None]]:
        """This corpus's bookmarks (of one article when given), each re-anchored in its
        article as it is now, and those articles (None: no longer readable)."""
        from search.bookmarks.store import locate
        from search.errors import CorpusError, LoadError

        articles: dict[str, Article | None] = {}
        located = []
        for bookmark in self.bookmark_store.all(self.root):
            if article_id is not None and bookmark.article != article_id:
                continue
            if bookmark.article not in articles:
                try:
                    articles[bookmark.article] = self.article(bookmark.article)
                except (UnknownArticle, LoadError, CorpusError):
                    articles[bookmark.article] = None
            located.append(locate(bookmark, articles[bookmark.article]))
        return located, articles

    # --- search --------------------------------------------------------------------------------

    def search(self, text: str, limit: int = 50) -> SearchResult:
        """The best `limit` articles for `text` (search/index/query.py has the rules), each
        once with its matching passages best first and the files that are copies of it;
        `hits` are those passages, article by article (the order of `n` / `N`)."""
        if self.index_error:
            return SearchResult(query=text, error=self.index_error, grouped=True)
        return self.index.search(text, limit=limit)

    def search_passages(self, text: str, limit: int = 50) -> SearchResult:
        """The best `limit` passages for `text`, across articles, copies included (what
        `dossier search --passages` prints for scripts)."""
        if self.index_error:
            return SearchResult(query=text, error=self.index_error)
        return self.index.search_passages(text, limit=limit)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
