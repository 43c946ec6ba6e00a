"""Bookmarks: passages (or a quote inside one) with a note and tags, kept in `bookmarks.yaml` in
the user data directory (versioned YAML, atomic writes, changed under a file lock: see
`search.userfiles`), anchored so that they survive edits of the article (`search.anchors`).

A bookmark is never dropped because its article changed: one whose quote cannot be found is
listed as orphaned, with its quote, note and tags, for the user to review.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from search.bookmarks.anchors import Anchor, Found, make_anchor, resolve
from search.errors import UnknownArticle, UnknownBookmark
from search.model import Article
from search.userdata import locations
from search.userdata.userfiles import UserFile

VERSION = 1
FILE_NAME = "bookmarks.yaml"


@dataclass(frozen=True)
class Bookmark:
    id: str
    corpus: str  # the corpus folder, resolved: ids are only unique within one
    article: str
    anchor: Anchor
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""  # ISO 8601, UTC
    found: Found | None = field(default=None, compare=False)  # where it is now, once resolved

    @property
    def status(self) -> str:
        return self.found.status if self.found else "anchored"

    @property
    def passage(self) -> int:
        return self.found.passage if self.found else self.anchor.passage

    def to_yaml(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k not in ("anchor", "found")}
        data["tags"] = list(self.tags)
        data.update(asdict(self.anchor))
        return data

    @classmethod
    def from_yaml(cls, data: dict[str, Any]) -> Bookmark:
        anchor = Anchor(
            quote=str(data["quote"]),
            prefix=str(data.get("prefix", "")),
            suffix=str(data.get("suffix", "")),
            passage=int(data["passage"]),
            start=int(data["start"]),
            end=int(data["end"]),
            text_hash=str(data.get("text_hash", "")),
        )
        tags = data.get("tags") or []
        return cls(
            id=str(data["id"]),
            corpus=str(data.get("corpus", "")),
            article=str(data["article"]),
            anchor=anchor,
            note=str(data.get("note") or ""),
            tags=tuple(str(t) for t in (tags if isinstance(tags, list) else [tags])),
            created=str(data.get("created", "")),
        )

    def as_json(self) -> dict[str, Any]:
        found = self.found
        return {
            "id": self.id,
            "article": self.article,
            "passage": self.passage,
            "quote": self.anchor.quote,
            "prefix": self.anchor.prefix,
            "suffix": self.anchor.suffix,
            "note": self.note,
            "tags": list(self.tags),
            "created": self.created,
            "status": self.status,
            "confidence": found.confidence if found else 1.0,
        }


def new_bookmark(
    corpus: Path,
    article: Article,
    passage: int,
    *,
    quote: str | None = None,
    span: tuple[int, int] | None = None,
    note: str = "",
    tags: tuple[str, ...] = (),
) -> Bookmark:
    """A bookmark on a passage, on characters `span` of it, or on the first occurrence of
    `quote` in it."""
    if not 0 <= passage < len(article.passages):
        raise UnknownArticle(
            f"'{article.id}' has passages 0 to {len(article.passages) - 1}, not {passage}"
        )
    text = article.passages[passage].text
    start, end = 0, len(text)
    if span is not None:
        start, end = max(0, span[0]), min(len(text), span[1])
        if start >= end:
            raise UnknownArticle(f"an empty span of passage {passage} of '{article.id}'")
    elif quote:
        start = text.find(quote)
        if start < 0:
            raise UnknownArticle(f"passage {passage} of '{article.id}' does not contain that quote")
        end = start + len(quote)
    return Bookmark(
        id=uuid.uuid4().hex[:8],
        corpus=str(Path(corpus).resolve()),
        article=article.id,
        anchor=make_anchor(article, passage, start, end),
        note=note,
        tags=tuple(dict.fromkeys(t.strip() for t in tags if t.strip())),
        created=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def locate(bookmark: Bookmark, article: Article | None) -> Bookmark:
    """The bookmark with where it is now in `article` (None: the article is gone)."""
    if article is None:
        anchor = bookmark.anchor
        return replace(
            bookmark, found=Found("orphaned", anchor.passage, anchor.start, anchor.end, 0)
        )
    return replace(bookmark, found=resolve(bookmark.anchor, article))


def marked_spans(bookmarks: list[Bookmark]) -> dict[int, list[tuple[int, int]]]:
    """Where located bookmarks are now, by passage: what the reader marks (orphans left out)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for bookmark in bookmarks:
        if bookmark.found is not None and bookmark.status != "orphaned":
            spans.setdefault(bookmark.found.passage, []).append(
                (bookmark.found.start, bookmark.found.end)
            )
    return spans


class BookmarkStore:
    """Every bookmark of the user, in one file; reads are fresh, changes are merged."""

    def __init__(self, path: Path | None = None) -> None:
        self.file = UserFile(path or locations.data_dir() / FILE_NAME, VERSION, "bookmarks")

    @property
    def notices(self) -> list[str]:
        return self.file.notices

    def _parse(self, data: dict[str, Any]) -> list[Bookmark]:
        out = []
        for item in data.get("bookmarks") or []:
            try:
                out.append(Bookmark.from_yaml(item))
            except (KeyError, TypeError, ValueError, AttributeError):
                self.file.notices.append(
                    f"a bookmark could not be read and was left as is: {item!r:.60}"
                )
        return out

    def all(self, corpus: Path | None = None) -> list[Bookmark]:
        """Every bookmark (of one corpus folder when given), oldest first."""
        bookmarks = self._parse(self.file.load())
        if corpus is not None:
            root = str(Path(corpus).resolve())
            bookmarks = [b for b in bookmarks if b.corpus == root]
        return bookmarks

    def add(self, bookmark: Bookmark) -> None:
        def change(data: dict[str, Any]) -> None:
            data.setdefault("bookmarks", [])
            if not isinstance(data["bookmarks"], list):
                data["bookmarks"] = []
            data["bookmarks"].append(bookmark.to_yaml())

        self.file.update(change)

    def restore(self, bookmark: Bookmark) -> None:
        """Put back a removed bookmark (undo), unless it is already there."""

        def change(data: dict[str, Any]) -> None:
            items = data.get("bookmarks") if isinstance(data.get("bookmarks"), list) else []
            if not any(isinstance(i, dict) and i.get("id") == bookmark.id for i in items):
                items.append(bookmark.to_yaml())
            data["bookmarks"] = items

        self.file.update(change)

    def edit(self, bookmark_id: str, note: str, tags: tuple[str, ...]) -> None:
        """Give a bookmark a new note and tags."""

        def change(data: dict[str, Any]) -> None:
            items = data.get("bookmarks") if isinstance(data.get("bookmarks"), list) else []
            for item in items:
                if isinstance(item, dict) and item.get("id") == bookmark_id:
                    item["note"], item["tags"] = note, list(tags)
                    return
            raise UnknownBookmark(f"no bookmark with id '{bookmark_id}' (removed elsewhere?)")

        self.file.update(change)

    def remove(self, bookmark_id: str) -> Bookmark:
        """Remove one bookmark (by id or unique id prefix) and return it."""
        removed: list[Bookmark] = []

        def change(data: dict[str, Any]) -> None:
            items = data.get("bookmarks") or []
            keep = []
            for item in items:
                if isinstance(item, dict) and str(item.get("id", "")).startswith(bookmark_id):
                    removed.append(Bookmark.from_yaml(item))
                else:
                    keep.append(item)
            if len(removed) != 1:
                raise UnknownBookmark(
                    f"no bookmark with id '{bookmark_id}'"
                    if not removed
                    else f"'{bookmark_id}' names {len(removed)} bookmarks: give more of the id"
                )
            data["bookmarks"] = keep

        self.file.update(change)
        return removed[0]


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed by a user: separated by commas or spaces, an optional leading '#'."""
    words = (w.strip().lstrip("#") for w in re.split(r"[,\s]+", text))
    return tuple(dict.fromkeys(w for w in words if w))


def matches(bookmark: Bookmark, wanted: str, title: str = "") -> bool:
    """Whether a bookmark fits a filter: every word must be in its quote, note, tags or
    article (title or id); a word written `#tag` must be the start of one of its tags."""
    haystack = " ".join(
        [bookmark.anchor.quote, bookmark.note, title, bookmark.article, *bookmark.tags]
    ).casefold()
    tags = [t.casefold() for t in bookmark.tags]
    for word in wanted.casefold().split():
        if word.startswith("#") and len(word) > 1:
            if not any(t.startswith(word[1:]) for t in tags):
                return False
        elif word.lstrip("#") not in haystack:
            return False
    return True


def export_markdown(bookmarks: list[Bookmark], articles: dict[str, Article | None]) -> str:
    """Bookmarks grouped by article (title, source, date), each quote as a blockquote, then its
    note and tags: ready to paste into notes."""
    lines = ["# Bookmarks", ""]
    by_article: dict[str, list[Bookmark]] = {}
    for bookmark in bookmarks:
        by_article.setdefault(bookmark.article, []).append(bookmark)
    for article_id, group in by_article.items():
        article = articles.get(article_id)
        title = article.title if article else article_id
        lines += [f"## {title}", ""]
        details = [d for d in (article.source, article.published) if d] if article else []
        lines += [" · ".join([*details, f"`{article_id}`"]), ""]
        for bookmark in group:
            lines += ["> " + line for line in bookmark.anchor.quote.splitlines() or [""]]
            lines.append("")
            if bookmark.note:
                lines += [bookmark.note, ""]
            meta = [f"#{t}" for t in bookmark.tags]
            if bookmark.status != "anchored":
                meta.append(f"({bookmark.status})")
            if meta:
                lines += [" ".join(meta), ""]
    return "\n".join(lines).rstrip() + "\n"
