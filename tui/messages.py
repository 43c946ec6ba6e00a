"""What the app's workers report: typed messages the screens handle (a worker never calls into a
screen). Progress and status messages replace their stale predecessors (`can_replace`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from search import Article, ArticleInfo

if TYPE_CHECKING:
    from search.bookmarks import Bookmark
    from search.compare import Comparison
    from search.facts import FactGroup
    from search.index import SearchResult, UpdateReport

Spans = list[tuple[int, int]]


@dataclass
class Status(Message):
    """A line for the status bar (indexing progress, waiting for another Dossier...)."""

    text: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Status)


@dataclass
class Problem(Message):
    """Something the user should know went wrong: the status line and a notice."""

    text: str


@dataclass
class LibraryListed(Message):
    """The corpus folder was read: its articles, as far as the index knows them."""

    rows: list[ArticleInfo]


@dataclass
class ArticlesRead(Message):
    """Articles read during a first build: they join the library."""

    rows: list[ArticleInfo]


@dataclass
class IndexOpened(Message):
    """The index is up to date and searchable."""

    rows: list[ArticleInfo]
    report: UpdateReport
    seconds: float


@dataclass
class FactsRead(Message):
    """The corpus's facts are checked and stored (each article's are read when it opens);
    the same-story partners."""

    partners: dict[str, list[tuple[str, float]]]


@dataclass
class FactsProgress(Message):
    """How far reading the corpus's facts has got."""

    text: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, FactsProgress)


@dataclass
class FactGroupsRead(Message):
    """One article's sidebar rows (a figure stated several times is one row) and the library
    rows (title, source, date) of the other articles they link to, by id."""

    article_id: str
    groups: list[FactGroup]
    linked: dict[str, ArticleInfo]

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, FactGroupsRead)


@dataclass
class ArticleLoaded(Message):
    """An article to show, where to put the cursor, and the search terms found in it."""

    article: Article
    passage: int | None
    focus: bool
    term_spans: dict[int, Spans] | None = None


@dataclass
class ArticleUnavailable(Message):
    """The article asked for cannot be shown, and why."""

    article_id: str
    reason: str


@dataclass
class TermsFound(Message):
    """Where a search's terms are in the open article, by passage."""

    article_id: str
    spans: dict[int, Spans]


@dataclass
class MarksFound(Message):
    """Where the open article's bookmarks are now, by passage, and the store's notices."""

    article_id: str
    spans: dict[int, Spans]
    notices: list[str] = field(default_factory=list)


@dataclass
class BookmarkSaved(Message):
    """A bookmark was written (passage numbers shown to people are 1-based)."""

    article_id: str
    passage: int


@dataclass
class Compared(Message):
    """Two articles aligned, ready for the compare screen."""

    result: Comparison
    a: Article
    b: Article


@dataclass
class CompareFailed(Message):
    """The two articles could not be compared, and why."""

    reason: str


@dataclass
class NoPartner(Message):
    """No article tells the same story: the user picks one to compare with."""

    article_id: str
    reason: str


@dataclass
class Searched(Message):
    """A search's result."""

    result: SearchResult


@dataclass
class BookmarksListed(Message):
    """Every bookmark of the corpus, re-anchored, with its article (None: unreadable)."""

    bookmarks: list[Bookmark]
    articles: dict[str, Article | None]
    notices: list[str] = field(default_factory=list)


@dataclass
class BookmarkEdited(Message):
    """A bookmark's note and tags were saved."""

    bookmark_id: str
    note: str
    tags: tuple[str, ...]


@dataclass
class BookmarkDeleted(Message):
    """A bookmark was deleted (it can be restored: undo)."""

    bookmark: Bookmark


@dataclass
class BookmarkRestored(Message):
    """A deleted bookmark was written back, or could not be (`problem` says why)."""

    bookmark: Bookmark
    problem: str | None = None


@dataclass
class Corrected(Message):
    """The reader corrected an article's cleaning: the article as it reads now, its library
    row, what the status line says ("Line 12 restored") and a notice (the index did not
    follow yet), if any."""

    article: Article
    info: ArticleInfo
    said: str
    notice: str | None = None


@dataclass
class CorrectionFailed(Message):
    """A correction was refused or could not be saved, and why (one line)."""

    reason: str
