"""One open corpus, as the reader app uses it: its files, its search index, the articles read on
demand (a few kept in memory), and what the reader remembers of it between runs.

The library is listed from the index's catalog, so a corpus of 20k articles is browsable at once
without reading 20k files; an article's text is read only when it is opened.

The index (Whoosh) and the cleaner (ftfy, markdown-it, jusText...) are imported on first use, in
the reader's worker thread: the first screen is drawn without waiting for them. Its titles come
from the listing: the library as last catalogued, kept in the user cache (one small JSON file per
corpus), used for the files unchanged since; the index's catalog replaces it once open.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from search.correcting import Correcting
from search.errors import CorpusError, LoadError, UnknownArticle
from search.model import Article, ArticleInfo, Skipped, SourceFile
from search.userdata.state import StateStore

if TYPE_CHECKING:
    from collections.abc import Callable

    from search.bookmarks.store import Bookmark, BookmarkStore
    from search.compare import Comparison
    from search.corrections import CorrectionStore
    from search.facts.check import CheckedFact
    from search.facts.sidebar import FactGroup
    from search.facts.store import FactStore
    from search.index.building import ArticleRead, Progress
    from search.index.corpus_index import CorpusIndex
    from search.index.results import SearchResult, UpdateReport
    from search.reading.corpus import CorpusScan

CACHED_ARTICLES = 16
FACTS_IN_PROCESS = 300  # a larger corpus has its facts read in a child process
NOT_AN_ARTICLE = "no article in it when it was read (unchanged since)"


class Workspace(Correcting):
    """A corpus folder opened for reading and searching."""

    def __init__(
        self, root: Path, *, index_location: Path | None = None, state_path: Path | None = None
    ) -> None:
        self.root = Path(root).expanduser()
        self._index_location = index_location
        self._index: CorpusIndex | None = None
        self.state = StateStore(self.root, path=state_path)
        self.scan_result: CorpusScan | None = None
        self._articles: OrderedDict[str, tuple[tuple[int, int, str], Article]] = OrderedDict()
        self._guard = threading.Lock()
        self.index_ready = threading.Event()  # set once the index can answer searches
        self.index_error: str | None = None  # why it cannot, if opening it failed
        self._fact_store: FactStore | None = None
        self._facts_fresh = False  # prepare_facts brought the fact store up to date
        self._checked: dict[str, list[CheckedFact]] | None = None
        self._partners: dict[str, list[tuple[str, float]]] | None = None
        self._bookmarks: BookmarkStore | None = None
        self._corrections: CorrectionStore | None = None

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

    def source(self, article_id: str) -> SourceFile:
        """The file of the article with this id or unique id prefix (raises UnknownArticle)."""
        from search.reading.corpus import resolve_id

        return resolve_id((self.scan_result or self.scan()).files, article_id)

    def read_all(self) -> tuple[list[Article], list[Skipped]]:
        """Every article of the corpus read from its file, and the files skipped with why."""
        from search.reading.corpus import load_corpus

        corpus = load_corpus(self.root)
        return corpus.articles, corpus.skipped

    def catalog(self) -> list[ArticleInfo]:
        """Every article with what the index knows of it, without reading the files."""
        return self.index.catalog(self.scan_result or self.scan())

    def listing(self) -> list[ArticleInfo]:
        """The library without opening the index (search/listing.py): what the first screen
        shows before `catalog()` replaces it."""
        from search.listing import read_listing

        return read_listing(self.root, self.scan_result or self.scan())

    def keep_listing(self, rows: list[ArticleInfo]) -> None:
        """Keep the catalog `rows` for the next start's `listing()`."""
        from search.listing import keep_listing

        keep_listing(self.root, self.scan_result or self.scan(), rows)

    def open_index(
        self, progress: Progress | None = None, on_article: ArticleRead | None = None
    ) -> UpdateReport:
        """Bring the index up to date (reading only what changed) and make it searchable."""
        before = self._articles_read()
        try:
            report = self.index.open(progress=progress, on_article=on_article)
        except Exception as error:
            self.unavailable(str(error))
            raise
        self.index_error = None
        self.index_ready.set()
        return self._counted(report, before)

    def update_index(
        self, *, rebuild: bool = False, progress: Progress | None = None
    ) -> UpdateReport:
        """Bring the index up to date, or rebuild it; raises IndexBusy while another process
        writes it (`open_index` instead searches what is there)."""
        before = set() if rebuild else self._articles_read()
        return self._counted(self.index.update(rebuild=rebuild, progress=progress), before)

    def _articles_read(self) -> set[str]:
        """The files the index has read as articles so far (their paths below the root)."""
        try:
            return {row.rel for row in self.catalog() if row.read}
        except (OSError, ValueError, CorpusError):
            return set()

    def _counted(self, report: UpdateReport, before: set[str]) -> UpdateReport:
        """`report` with every file that is not an article counted as skipped, each time,
        and never as added or unchanged: the index counts a file it could not read as added
        (a folder of images: "1 added"), and at later opens as unchanged without a word ("4
        files skipped" for five)."""
        scan = self.scan()
        rows = self.index.catalog(scan)
        listed = {row.rel for row in rows}
        articles = {row.rel for row in rows if row.read}
        told = {skipped.path for skipped in report.skipped}
        for source in scan.files:
            if source.rel not in listed and source.path not in told:
                report.skipped.append(Skipped(source.path, NOT_AN_ARTICLE))
        report.added = min(report.added, len(articles - before))
        report.unchanged = min(report.unchanged, len(articles & before))
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
        from search.reading.loader import load_article

        source = self.source(article_id)
        try:
            info = source.path.stat()
            version = (info.st_size, info.st_mtime_ns)
        except FileNotFoundError as error:
            raise UnknownArticle(f"'{source.rel}' is no longer in the corpus folder") from error
        except OSError:
            version = (source.size, source.mtime_ns)
        from search.corrections import stored_corrections

        fixes = stored_corrections(source)
        version = (*version, fixes.digest() if fixes else "")
        with self._guard:
            cached = self._articles.get(source.id)
            if cached and cached[0] == version:
                self._articles.move_to_end(source.id)
                return cached[1]
        article = load_article(source, corrections=fixes)
        with self._guard:
            self._articles[source.id] = (version, article)
            while len(self._articles) > CACHED_ARTICLES:
                self._articles.popitem(last=False)
        return article

    # --- facts and stories -------------------------------------------------------------------

    def _store(self) -> FactStore:
        from search.facts.store import FactStore

        if self._fact_store is None:
            # beside the index, without opening it (Whoosh and the cleaner stay unloaded)
            location = self._index.location if self._index is not None else self._index_location
            self._fact_store = FactStore(self.root, location=location)
        return self._fact_store

    def facts(self) -> dict[str, list[CheckedFact]]:
        """Every article's facts checked across the corpus (cached beside the index)."""
        self._checked = self._store().checked()
        return self._checked

    def prepare_facts(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> bool:
        """Bring the facts up to date; then `facts_of` reads one article's row and `partners`
        the same stories. A corpus of more than FACTS_IN_PROCESS files is read in a process
        of its own (search/facts/apart.py: the app's memory and keys are spared). False when
        cancelled first; raises FactsFailed."""
        store = self._store()
        if len((self.scan_result or self.scan()).files) <= FACTS_IN_PROCESS:
            store.refresh(progress).close()
            done = True
        else:
            from search.facts.apart import refresh_apart

            done = refresh_apart(self.root, store.path.parent, progress, cancelled)
        self._checked = self._partners = None
        self._facts_fresh = done  # opening an article then reads its row, without a scan
        return done

    def facts_of(self, article_id: str) -> list[CheckedFact]:
        """One article's facts checked across the corpus: with the cache warm, only that
        article's row is read (what `dossier facts ID` needs). Raises UnknownArticle, or
        LoadError when its file cannot be read as an article."""
        from search.errors import LoadError

        source = self.source(article_id)
        store = self._store()
        entries = store.checked_for(source.id, fresh=self._facts_fresh)
        problem = store.skipped.get(source.id)
        if problem is not None:
            raise LoadError(f"{source.id}: {problem}")
        return entries

    def fact_groups(self, article_id: str) -> list[FactGroup]:
        """The sidebar's rows for an article: a figure stated several times is one row with its
        count; figures first in the order stated, then names. Row 0 is the one to select
        when the sidebar opens."""
        from search.facts.sidebar import group_facts

        return group_facts(self.facts_of(article_id))

    def linked_articles(self, ids: list[str]) -> dict[str, ArticleInfo]:
        """The library rows (title, source, date) of the articles a fact links to, by id."""
        wanted = set(ids)
        found = {info.id: info for info in self.catalog() if info.id in wanted}
        for article_id, info in list(found.items()):
            if not info.read:  # the index has not read it yet: its file says its title
                with suppress(UnknownArticle, LoadError):
                    found[article_id] = ArticleInfo.of(self.article(article_id), info.rel)
        return found

    def partners(self) -> dict[str, list[tuple[str, float]]]:
        """For every article, the others that tell the same story, closest first, with the
        similarity `dossier compare` reports for the pair (the library's ≈ and the picker show
        this number)."""
        if self._partners is None:
            self._partners = self._store().partners()
        return self._partners

    def same_story(self, article_id: str) -> list[tuple[str, float]]:
        """The articles telling the same story as this one, with their compare similarity:
        what `dossier articles --json` gives as `same_story`."""
        return self.partners().get(article_id, [])

    def copies(self) -> list[list[str]]:
        """Groups of articles that are copies of one text (re-issues): never two sources."""
        return self._store().copies()

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

    def marks(self, article_id: str) -> tuple[dict[int, list[tuple[int, int]]], list[str]]:
        """Where this article's bookmarks are now, by passage (re-anchored: the file may have
        changed), and what the bookmark store has to say (a file set aside...)."""
        from search.bookmarks import marked_spans

        located, _ = self.bookmarks(article_id)
        notices = list(self.bookmark_store.notices)
        self.bookmark_store.notices.clear()
        return marked_spans(located), notices

    # --- search --------------------------------------------------------------------------------

    def search(self, text: str, limit: int = 50) -> SearchResult:
        """The best `limit` articles for `text` (search/index/query.py has the rules), each
        once with its matching passages best first and the files that are copies of it;
        `hits` are those passages, article by article (the order of `n` / `N`)."""
        if self.index_error:
            from search.index.results import SearchResult

            return SearchResult(query=text, error=self.index_error, grouped=True)
        return self.index.search(text, limit=limit)

    def search_passages(self, text: str, limit: int = 50) -> SearchResult:
        """The best `limit` passages for `text`, across articles, copies included (what
        `dossier search --passages` prints for scripts)."""
        if self.index_error:
            from search.index.results import SearchResult

            return SearchResult(query=text, error=self.index_error)
        return self.index.search_passages(text, limit=limit)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
