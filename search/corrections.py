"""The reader's corrections of the cleaner: per article, lines restored or removed and the title,
date, source or byline fixed, kept in `corrections.yaml` beside the bookmarks (versioned YAML,
atomic writes, changed under a lock, a corrupt file moved aside: search.userdata.userfiles).

Corrections are keyed by the file: its corpus folder and its path below it. A line correction
remembers the line's text as well as its number, so that when the file changes it is found
again by its text; one whose line is gone is listed as stale, never silently dropped.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from search.errors import CorrectionError
from search.model import Article, LineFix, SourceFile
from search.userdata import locations
from search.userdata.userfiles import UserFile

VERSION = 1
FILE_NAME = "corrections.yaml"
FIELDS = ("title", "published", "source", "byline")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class FileCorrections:
    """Everything the reader corrected in one file."""

    title: str | None = None
    published: str | None = None
    source: str | None = None
    byline: str | None = None
    lines: tuple[LineFix, ...] = ()
    updated: str = ""

    def __bool__(self) -> bool:
        return bool(self.lines) or any(getattr(self, name) is not None for name in FIELDS)

    def digest(self) -> str:
        """Changes whenever what is corrected does (the index re-reads the file then)."""
        payload = {name: getattr(self, name) for name in FIELDS}
        payload["lines"] = [asdict(fix) for fix in self.lines]
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]

    def to_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {n: getattr(self, n) for n in FIELDS if getattr(self, n) is not None}
        restore = [{"line": f.line, "text": f.text} for f in self.lines if f.keep]
        remove = [{"line": f.line, "text": f.text} for f in self.lines if not f.keep]
        if restore:
            data["restore"] = restore
        if remove:
            data["remove"] = remove
        data["updated"] = self.updated
        return data

    @classmethod
    def from_yaml(cls, data: dict[str, Any]) -> FileCorrections:
        lines = [
            LineFix(int(item["line"]), str(item["text"]), keep)
            for key, keep in (("restore", True), ("remove", False))
            for item in data.get(key) or []
        ]
        fields = {n: str(data[n]) for n in FIELDS if data.get(n) is not None}
        return cls(**fields, lines=tuple(lines), updated=str(data.get("updated", "")))


@dataclass(frozen=True)
class Located:
    """A line correction and where its line is in the file as it is now (None: stale)."""

    fix: LineFix
    line: int | None

    @property
    def stale(self) -> bool:
        return self.line is None

    @property
    def moved(self) -> bool:
        return self.line is not None and self.line != self.fix.line


def locate(fixes: tuple[LineFix, ...], text: str) -> list[Located]:
    """Each line correction found in `text`: at its line if that line still says the same,
    else at the nearest line that does, else nowhere (stale)."""
    lines = [line.strip() for line in text.split("\n")]
    found = []
    for fix in fixes:
        if 0 < fix.line <= len(lines) and lines[fix.line - 1] == fix.text:
            found.append(Located(fix, fix.line))
            continue
        same = [n for n, line in enumerate(lines, start=1) if line == fix.text and fix.text]
        found.append(Located(fix, min(same, key=lambda n: abs(n - fix.line)) if same else None))
    return found


@dataclass(frozen=True)
class ArticleFixes:
    """One article's corrections as `dossier fix ID --show` lists them."""

    article_id: str
    rel: str
    stored: FileCorrections
    located: list[Located]
    article: Article

    @property
    def stale(self) -> list[LineFix]:
        return [found.fix for found in self.located if found.stale]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "file": self.rel,
            "fields": {n: getattr(self.stored, n) for n in FIELDS if getattr(self.stored, n)},
            "lines": [
                {
                    "line": found.line if found.line is not None else found.fix.line,
                    "text": found.fix.text,
                    "action": "restore" if found.fix.keep else "remove",
                    "status": "stale" if found.stale else "moved" if found.moved else "applied",
                }
                for found in self.located
            ],
            "updated": self.stored.updated,
        }


@dataclass(frozen=True)
class Fixed:
    """The article after a correction, whether the index followed, and why not if not."""

    article: Article
    reindexed: bool
    notice: str | None = None


def valid_date(value: str) -> str:
    """A date as the reader gives it (YYYY, YYYY-MM or YYYY-MM-DD), checked."""
    value = value.strip()
    if not _DATE.match(value):
        raise CorrectionError(f"'{value}' is not a date: give YYYY-MM-DD, YYYY-MM or YYYY")
    try:
        datetime.strptime(value + "-01-01"[len(value) - 4 :], "%Y-%m-%d")
    except ValueError as error:
        raise CorrectionError(f"'{value}' is not a date in the calendar") from error
    return value


def merged(
    stored: FileCorrections,
    rel: str,
    lines: list[str],
    wanted: dict[int, bool],
    cleaner: dict[int, bool],
    fields: dict[str, str | None],
) -> FileCorrections:
    """`stored` with the reader's new corrections: `wanted` maps file line numbers (1 first,
    of `lines`, the file now) to keep (True) or remove; `cleaner` says what the cleaner did
    with each, so that agreeing with it drops the correction. A field given replaces the
    cleaner's ("" gives the cleaner's back); None leaves it as stored."""
    fixes = {fix.text: fix for fix in stored.lines}
    for number, keep in wanted.items():
        if not 0 < number <= len(lines) or not lines[number - 1].strip():
            raise CorrectionError(f"line {number} is not a line of text of '{rel}'")
        text = lines[number - 1].strip()
        fixes.pop(text, None)
        if cleaner[number] != keep:  # against the cleaner's verdict: a correction
            fixes[text] = LineFix(number, text, keep)
    changes: dict[str, str | None] = {}
    for name, value in fields.items():
        if value is None:
            continue
        value = value.strip()
        if name == "published" and value:
            value = valid_date(value)
        changes[name] = value or None
    return FileCorrections(
        **{n: changes.get(n, getattr(stored, n)) for n in FIELDS},
        lines=tuple(sorted(fixes.values(), key=lambda f: f.line)),
    )


def _key(root: Path) -> str:
    return str(Path(root).expanduser().resolve())


class CorrectionStore:
    """Every correction of the user, in one file; reads are fresh, changes are merged."""

    def __init__(self, path: Path | None = None) -> None:
        self.file = UserFile(path or locations.data_dir() / FILE_NAME, VERSION, "corrections")

    @property
    def notices(self) -> list[str]:
        return self.file.notices

    def corpus(self, root: Path) -> dict[str, FileCorrections]:
        """The corrections of every file of a corpus folder, by path below it."""
        corpora = self.file.load().get("corpora")
        files = corpora.get(_key(root)) if isinstance(corpora, dict) else None
        out: dict[str, FileCorrections] = {}
        for rel, data in (files or {}).items():
            try:
                out[str(rel)] = FileCorrections.from_yaml(data)
            except (KeyError, TypeError, ValueError, AttributeError):
                self.file.notices.append(f"the corrections of '{rel}' could not be read")
        return out

    def get(self, root: Path, rel: str) -> FileCorrections:
        return self.corpus(root).get(rel, FileCorrections())

    def put(self, root: Path, rel: str, corrections: FileCorrections) -> FileCorrections:
        """Store one file's corrections (none: forget them)."""
        stamped = replace(corrections, updated=datetime.now(UTC).isoformat(timespec="seconds"))

        def change(data: dict[str, Any]) -> None:
            corpora = data.get("corpora") if isinstance(data.get("corpora"), dict) else {}
            files = corpora.get(_key(root)) if isinstance(corpora.get(_key(root)), dict) else {}
            if stamped:
                files[rel] = stamped.to_yaml()
            else:
                files.pop(rel, None)
            if files:
                corpora[_key(root)] = files
            else:
                corpora.pop(_key(root), None)
            data["corpora"] = corpora

        self.file.update(change)
        return stamped


_STORES: dict[Path, CorrectionStore] = {}
_CACHE: dict[Path, tuple[tuple[int, int], dict[str, dict[str, FileCorrections]]]] = {}


def shared_store(path: Path | None = None) -> CorrectionStore:
    """The one store of a corrections file in this process: what reading it found (a file
    moved aside...) is in its `notices`, whoever read it."""
    path = path or locations.data_dir() / FILE_NAME
    if path not in _STORES:
        _STORES[path] = CorrectionStore(path)
    return _STORES[path]


def stored_corrections(source: SourceFile) -> FileCorrections | None:
    """The corrections stored for a corpus file, or None. The file of corrections is read
    again only when it changes (this runs for every article read, in every process)."""
    path = locations.data_dir() / FILE_NAME
    try:
        info = path.stat()
    except OSError:
        return None
    version = (info.st_size, info.st_mtime_ns)
    cached = _CACHE.get(path)
    if cached is None or cached[0] != version:
        cached = (version, {})
        _CACHE[path] = cached
    by_corpus = cached[1]
    root = _key(source.root)
    if root not in by_corpus:
        by_corpus[root] = shared_store(path).corpus(source.root)
    found = by_corpus[root].get(source.rel)
    return found if found else None
