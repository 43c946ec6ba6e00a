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

import contextlib
import json
import threading
import zlib
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from search.errors import CorpusError, UnknownArticle
from search.model import Article, ArticleInfo, Skipped, SourceFile
from search.userdata.state import StateStore

if TYPE_CHECKING:
    from search.bookmarks.store import Bookmark, BookmarkStore
    from search.compare import Comparison
    from search.facts.check import CheckedFact
    from search.facts.store import FactStore
    from search.index.building import ArticleRead, Progress
    from search.index.corpus_index import CorpusIndex
    from search.index.results import SearchResult, UpdateReport
    from search.reading.corpus import CorpusScan

CACHED_ARTICLES = 16
LISTING_VERSION = 1
NOT_AN_ARTICLE = "no article in it when it was read (unchanged since)"


def listing_path(root: Path) -> Path:
    """Where the library of the corpus at `root` is kept between runs (the user cache)."""
    from search.userdata import locations

    resolved = Path(root).expanduser().resolve()
    digest = f"{zlib.crc32(str(resolved).encode()):08x}"  # a cache's name: crc32 suffices
    return locations.cache_dir() / "library" / f"{resolved.name or 'root'}-{digest}.json"


def _info_fields(info: ArticleInfo) -> dict[str, object]:
    return {
        "title": info.title,
        "source": info.source,
        "published": info.published,
        "words": info.words,
        "passages": info.passages,
    }


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
        """The library without opening the index: each file unchanged since the last catalog
        (same size and time) as it was then, a new or changed one by its id (unread), a file
        that was not an article left out. The first screen shows this; `catalog()` follows."""
        scan = self.scan_result or self.scan()
        files = self._kept_listing()
        rows: list[ArticleInfo] = []
        for source in scan.files:
            entry = files.get(source.rel)
            if (
                isinstance(entry, list)
                and len(entry) == 3
                and entry[:2]
                == [
                    source.size,
                    source.mtime_ns,
                ]
            ):
                kept = entry[2]
                if kept is None:  # not an article when last read, and unchanged since
                    continue
                if isinstance(kept, dict):
                    rows.append(
                        ArticleInfo(
                            id=source.id,
                            rel=source.rel,
                            title=str(kept.get("title") or source.id),
                            source=_text_or_none(kept.get("source")),
                            published=_text_or_none(kept.get("published")),
                            words=_count(kept.get("words")),
                            passages=_count(kept.get("passages")),
                        )
                    )
                    continue
            rows.append(ArticleInfo(id=source.id, rel=source.rel, title=source.id, read=False))
        return rows

    def _kept_listing(self) -> dict[str, object]:
        try:
            data = json.loads(listing_path(self.root).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if (
            not isinstance(data, dict)
            or data.get("version") != LISTING_VERSION
            or data.get("corpus") != str(self.root.resolve())
            or not isinstance(data.get("files"), dict)
        ):
            return {}
        return data["files"]

    def keep_listing(self, rows: list[ArticleInfo]) -> None:
        """Keep the catalog `rows` for the next start's `listing()` (a file that cannot be
        written is no loss: the next start lists ids until the index is open)."""
        from search.userdata import atomic_write_text

        scan = self.scan_result or self.scan()
        by_rel = {row.rel: row for row in rows}
        files: dict[str, list[object]] = {}
        for source in scan.files:
            row = by_rel.get(source.rel)
            if row is None:  # the catalog leaves out what is not an article
                files[source.rel] = [source.size, source.mtime_ns, None]
            elif row.read:
                files[source.rel] = [source.size, source.mtime_ns, _info_fields(row)]
        data = {"version": LISTING_VERSION, "corpus": str(self.root.resolve()), "files": files}
        with contextlib.suppress(OSError):
            atomic_write_text(listing_path(self.root), json.dumps(data, ensure_ascii=False))

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

    def article_facts(self, article_id: str) -> list[CheckedFact]:
        """One article's facts checked across the corpus. Raises UnknownArticle, or LoadError
        when its file cannot be read as an article."""
        from search.errors import LoadError

        source = self.source(article_id)
        checked = self.facts()
        problem = self._store().skipped.get(source.id)
        if problem is not None:
            raise LoadError(f"{source.id}: {problem}")
        return checked.get(source.id, [])

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
        if self.index_error:
            from search.index.results import SearchResult

            return SearchResult(query=text, error=self.index_error)
        return self.index.search(text, limit=limit)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()


def _text_or_none(value: object) -> str | None:
    return str(value) if value else None


def _count(value: object) -> int:
    return value if isinstance(value, int) and value >= 0 else 0
