"""The reader's slow work, run in worker threads: each job reads from the Workspace and reports
only by posting messages (tui/messages.py). An expected outcome (an article that cannot be read,
no same-story partner) is a message; anything else fails the worker, and the screen's one
`on_worker_state_changed` handler tells the user."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import get_current_worker

from search import (
    Article,
    ArticleInfo,
    CorpusError,
    CorrectionError,
    IndexBusy,
    LoadError,
    UnknownArticle,
)
from search.safety import one_line
from search.userdata import UserFileError
from search.workspace import Workspace
from tui.messages import (
    ArticleLoaded,
    ArticlesRead,
    ArticleUnavailable,
    BookmarkDeleted,
    BookmarkEdited,
    BookmarkRestored,
    BookmarkSaved,
    BookmarksListed,
    Compared,
    CompareFailed,
    Corrected,
    CorrectionFailed,
    FactGroupsRead,
    FactsProgress,
    FactsRead,
    IndexOpened,
    LibraryListed,
    MarksFound,
    NoPartner,
    Problem,
    Searched,
    Status,
    TermsFound,
)

if TYPE_CHECKING:
    from search.bookmarks import Bookmark

Post = Callable[[Message], object]

LIVE_ROWS_EVERY = 0.5  # seconds between library refreshes during a first build
BUSY_RETRY_SECONDS = 1.0  # while another Dossier builds the first index, try this often
BUSY_WAITING = "Another Dossier is building the index; search starts when it is done…"


def load_library(workspace: Workspace, post: Post, listed: bool = False) -> None:
    """List the corpus (unless the screen `listed` it already), then open (or build) the
    index behind it."""
    started = time.perf_counter()
    try:
        workspace.scan()  # again: the folder may have changed (or gone) since the screen opened
        if not listed:
            post(LibraryListed(workspace.listing()))
    except CorpusError as error:
        workspace.unavailable(str(error))
        post(Problem(str(error)))
        return

    pending: list[ArticleInfo] = []
    last_refresh = 0.0

    def article_read(info: ArticleInfo) -> None:  # during a build: rows join every 0.5 s
        nonlocal pending, last_refresh
        pending.append(info)
        now = time.perf_counter()
        if now - last_refresh >= LIVE_ROWS_EVERY:
            last_refresh = now
            batch, pending = pending, []
            post(ArticlesRead(batch))

    def progress(done: int, total: int, what: str) -> None:
        post(Status(f"Indexing: {what} {done:,} / {total:,}"))

    worker = get_current_worker()
    while True:
        try:
            report = workspace.open_index(progress=progress, on_article=article_read)
            break
        except IndexBusy:  # another Dossier builds the first index: use it when it is done
            if worker.is_cancelled:
                return
            post(Status(BUSY_WAITING))
            time.sleep(BUSY_RETRY_SECONDS)
    rows = workspace.catalog()
    workspace.keep_listing(rows)  # the next start's first screen
    post(IndexOpened(rows, report, time.perf_counter() - started))


def load_facts(workspace: Workspace, post: Post) -> None:
    """Check the corpus's facts in a process of their own (memory and keys spared), saying
    how far it got, then the same-story partners."""
    worker = get_current_worker()

    def progress(done: int, total: int) -> None:
        post(FactsProgress(f"Reading the corpus's facts… {done:,} / {total:,} articles"))

    if workspace.prepare_facts(progress, cancelled=lambda: worker.is_cancelled):
        post(FactsRead(workspace.partners()))


def group_facts(
    workspace: Workspace, post: Post, article_id: str, library: list[ArticleInfo]
) -> None:
    """The sidebar's rows for one article: its checked facts (one row of the fact store), a
    figure stated several times as one row; the articles its rows link to are named from the
    `library`'s rows (the Workspace is asked only for those it has not read yet)."""
    from search.facts import group_facts as grouped

    try:
        entries = workspace.facts_of(article_id)
    except (UnknownArticle, LoadError):  # skipped or gone: no facts to show
        entries = []
    groups = grouped(list(entries))
    wanted = {aid for group in groups for aid in group.linked_articles()}
    linked = {info.id: info for info in library if info.id in wanted and info.read}
    missing = sorted(wanted - linked.keys())
    if missing:
        linked.update(workspace.linked_articles(missing))
    post(FactGroupsRead(article_id, groups, linked))


def open_article(
    workspace: Workspace,
    post: Post,
    article_id: str,
    passage: int | None,
    terms: dict[str, set[str]] | None,
    focus: bool,
) -> None:
    """Read an article (and find a search's terms in it, off the UI thread)."""
    try:
        article = workspace.article(article_id)
    except (UnknownArticle, LoadError, CorpusError) as error:
        post(ArticleUnavailable(article_id, one_line(str(error))))
        return
    from search.places import term_spans  # the facts and the stemmer: after the first frame

    spans = term_spans(article, terms) if terms else None
    post(ArticleLoaded(article, passage, focus, spans))


def find_terms(
    workspace: Workspace, post: Post, article: Article, terms: dict[str, set[str]]
) -> None:
    """Where a search's terms are in the article already open."""
    from search.places import term_spans

    post(TermsFound(article.id, term_spans(article, terms)))


def load_marks(workspace: Workspace, post: Post, article_id: str) -> None:
    """Where the article's bookmarks are now (re-anchored: the file may have changed)."""
    spans, notices = workspace.marks(article_id)
    notices += workspace.correction_store.notices  # the corrections file, read with the article
    workspace.correction_store.notices.clear()
    post(MarksFound(article_id, spans, notices))


def save_bookmark(
    workspace: Workspace,
    post: Post,
    article: Article,
    passage: int,
    span: tuple[int, int],
    note: str,
    tags: tuple[str, ...],
) -> None:
    from search.bookmarks import new_bookmark

    bookmark = new_bookmark(workspace.root, article, passage, span=span, note=note, tags=tags)
    workspace.bookmark_store.add(bookmark)
    post(BookmarkSaved(article.id, passage))


INDEX_NOT_READY = "The index is still being built; search starts when it is ready."


def search(workspace: Workspace, post: Post, text: str, limit: int, debounce: float = 0.0) -> None:
    """Search, after `debounce` seconds without a newer search (an exclusive worker is
    cancelled by the next keystroke), once the index is ready."""
    worker = get_current_worker()
    time.sleep(debounce)
    if worker.is_cancelled:
        return
    if not workspace.index_ready.is_set():
        post(Status(INDEX_NOT_READY))
        while not workspace.index_ready.wait(0.2):
            if worker.is_cancelled:
                return
    result = workspace.search(text, limit=limit)
    if not worker.is_cancelled:
        post(Searched(result))


def list_bookmarks(workspace: Workspace, post: Post) -> None:
    """Every bookmark of the corpus, re-anchored in its article as it is now."""
    located, articles = workspace.bookmarks()
    notices = list(workspace.bookmark_store.notices)
    workspace.bookmark_store.notices.clear()
    post(BookmarksListed(located, articles, notices))


def edit_bookmark(
    workspace: Workspace, post: Post, bookmark: Bookmark, note: str, tags: tuple[str, ...]
) -> None:
    workspace.bookmark_store.edit(bookmark.id, note, tags)
    post(BookmarkEdited(bookmark.id, note, tags))


def delete_bookmark(workspace: Workspace, post: Post, bookmark: Bookmark) -> None:
    workspace.bookmark_store.remove(bookmark.id)
    post(BookmarkDeleted(bookmark))


def restore_bookmark(workspace: Workspace, post: Post, bookmark: Bookmark) -> None:
    """Write a deleted bookmark back; when it cannot be, it goes back on the undo stack."""
    from search.userdata import UserFileError

    try:
        workspace.bookmark_store.restore(bookmark)
    except UserFileError as error:
        post(BookmarkRestored(bookmark, one_line(str(error))))
        return
    post(BookmarkRestored(bookmark))


def compare(workspace: Workspace, post: Post, a_id: str, b_id: str | None) -> None:
    """Align `a_id` with `b_id`, or with its closest same-story partner."""
    try:
        result = workspace.compare(a_id, b_id)
        a, b = workspace.article(result.a), workspace.article(result.b)
    except UnknownArticle as error:
        if b_id is None:  # no same-story partner: the user picks one
            post(NoPartner(a_id, one_line(str(error))))
        else:
            post(CompareFailed(one_line(str(error))))
        return
    except LoadError as error:
        post(CompareFailed(one_line(str(error))))
        return
    post(Compared(result, a, b))


REFUSED = (CorrectionError, UnknownArticle, LoadError, UserFileError)  # said in one line
FIELD_NAMES = {"title": "title", "published": "date", "source": "source", "byline": "byline"}


def toggle_line(workspace: Workspace, post: Post, article_id: str, line: int) -> None:
    """The original view's `x`: file line `line` kept if the cleaner removed it, removed if it
    kept it; the article is read again and re-indexed."""
    try:
        fixed = workspace.toggle_line(article_id, line)
    except REFUSED as error:
        post(CorrectionFailed(one_line(str(error))))
        return
    removed = any(r.line == line for r in fixed.article.removed)
    said = f"Line {line} {'removed' if removed else 'restored'}"
    post(Corrected(fixed.article, _row(workspace, fixed.article), said, fixed.notice))


def fix_details(workspace: Workspace, post: Post, article_id: str, changes: dict[str, str]) -> None:
    """The details dialog's fields that changed ("" gives back what cleaning found)."""
    try:
        fixed = workspace.fix(article_id, **changes)
    except REFUSED as error:
        post(CorrectionFailed(one_line(str(error))))
        return
    said = "Corrected: " + ", ".join(FIELD_NAMES[name] for name in changes)
    post(Corrected(fixed.article, _row(workspace, fixed.article), said, fixed.notice))


def _row(workspace: Workspace, article: Article) -> ArticleInfo:
    return ArticleInfo.of(article, workspace.source(article.id).rel)
