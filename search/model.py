"""The data Dossier works with: articles, their passages, and what cleaning removed."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class PassageKind(StrEnum):
    """What a passage is, as the reader and the indexer need to know it."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Passage:
    """One unit of a clean article: what search, facts, compare and bookmarks point at.

    `index` is the passage's position in the article (0-based, stable for a given text);
    `lines` is the 1-based (first, last) line of the source file it came from, or None
    where the source has no line structure (HTML).
    """

    index: int
    kind: PassageKind
    text: str
    lines: tuple[int, int] | None = None
    level: int = 0  # heading level (1-6); 0 for other kinds


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of the source file that is not part of the article body, and why."""

    line: int  # 1-based line number in the file
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class LineFix:
    """A reader's correction of one line: kept (`keep`) or removed against the cleaner."""

    line: int  # 1-based, in the file as it was when the correction was made
    text: str  # that line's text (stripped): how it is found again after the file changes
    keep: bool


@dataclass(slots=True)
class CorrectionMarks:
    """What the reader's corrections changed in an article, for its details and its JSON."""

    fields: dict[str, tuple[str | None, str]] = field(default_factory=dict)  # name: (was, now)
    restored: list[int] = field(default_factory=list)  # file lines kept against the cleaner
    removed: list[int] = field(default_factory=list)  # file lines removed against it
    stale: list[LineFix] = field(default_factory=list)  # corrections whose line is gone

    def __bool__(self) -> bool:
        return bool(self.fields or self.restored or self.removed or self.stale)

    def as_json(self) -> dict[str, object]:
        return {
            "fields": {n: {"was": was, "now": now} for n, (was, now) in self.fields.items()},
            "restored": list(self.restored),
            "removed": list(self.removed),
            "stale": [{"line": f.line, "text": f.text, "keep": f.keep} for f in self.stale],
        }


@dataclass(slots=True)
class Article:
    """A clean, structured article read from one file of a corpus."""

    id: str
    path: Path
    title: str
    passages: list[Passage]
    source: str | None = None
    byline: str | None = None
    attribution: str | None = None
    published: str | None = None  # ISO 8601 date
    url: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    encoding: str = "utf-8"
    repairs: list[str] = field(default_factory=list)  # what decoding had to fix
    text: str = ""  # the decoded and repaired source text, for the "original" view
    dateline: str | None = None  # as written ("CLEVELAND, Feb 26 -"): its date never completed
    place: str | None = None  # where the story was filed, from its dateline
    tags: list[str] = field(default_factory=list)  # a clipping's tags, as saved
    corrected: CorrectionMarks | None = None  # what the reader's corrections changed

    @property
    def words(self) -> int:
        """Number of words in the article body."""
        return sum(len(p.text.split()) for p in self.passages)

    def body_text(self) -> str:
        """The article body as plain text, one passage per paragraph."""
        return "\n\n".join(p.text for p in self.passages)


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file of a corpus that Dossier can read, with the id it is known by.

    `rel` is the file's path below the corpus `root` ("/"-separated); `size` and `mtime_ns`
    are what the scan saw (-1 when unknown), so an index that is up to date is checked
    without a second stat of every file.
    """

    id: str
    root: Path
    rel: str
    kind: str  # "text", "markdown" or "html"
    size: int = -1
    mtime_ns: int = -1

    @property
    def path(self) -> Path:
        return self.root / self.rel


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that is not part of the corpus, and the one-line reason."""

    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the library shows of an article, without holding its text: one row each, so a
    corpus of 20k articles costs a few MB. `title` is the file name until the file is read."""

    id: str
    rel: str  # path below the corpus folder
    title: str
    source: str | None = None
    published: str | None = None
    words: int = 0
    passages: int = 0
    read: bool = True  # False: not read yet (a first index build is still running)

    @classmethod
    def of(cls, article: Article, rel: str) -> ArticleInfo:
        return cls(
            id=article.id,
            rel=rel,
            title=article.title,
            source=article.source,
            published=article.published,
            words=article.words,
            passages=len(article.passages),
        )

    def as_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "words": self.words,
            "passages": self.passages,
        }

    @classmethod
    def from_json(cls, article_id: str, rel: str, data: dict[str, object]) -> ArticleInfo:
        """The row `as_json` kept (in the index manifest or the library listing), read back
        leniently: a missing or odd value is the file's id, none or 0."""

        def text(value: object) -> str | None:
            return str(value) if value else None

        def count(value: object) -> int:
            return value if isinstance(value, int) and value >= 0 else 0

        return cls(
            id=article_id,
            rel=rel,
            title=text(data.get("title")) or article_id,
            source=text(data.get("source")),
            published=text(data.get("published")),
            words=count(data.get("words")),
            passages=count(data.get("passages")),
        )
