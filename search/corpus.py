"""A corpus is a folder of articles, read recursively: finding its files, naming them by id,
resolving ids (a unique prefix is enough) and loading them, reporting what is skipped."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from search.loader import LoadError, load_article
from search.model import Article, Skipped, SourceFile

KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


class CorpusError(Exception):
    """The corpus itself cannot be used (missing folder...); the message is one line."""


class UnknownArticle(LookupError):
    """No article, or more than one, answers to an id; the message is one line."""


@dataclass
class CorpusScan:
    """The readable files of a corpus folder and the files skipped, before any is opened."""

    root: Path
    files: list[SourceFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def resolve(self, query: str) -> SourceFile:
        """The file whose id is `query`, or the only one whose id starts with it."""
        return resolve_id(self.files, query)


def _walk(root: Path, skipped: list[Skipped]) -> Iterator[Path]:
    """Every file below `root`, following links to folders but never in a loop."""
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> Iterator[Path]:
        try:
            info = folder.stat()
        except OSError as error:
            skipped.append(Skipped(folder, f"folder cannot be read ({error.strerror})"))
            return
        key = (info.st_dev, info.st_ino)
        if key in seen:
            skipped.append(Skipped(folder, "link back to a folder already read (a loop)"))
            return
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            skipped.append(Skipped(folder, f"folder cannot be read ({error.strerror})"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders (.git, .DS_Store) are not articles
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(path)
            elif entry.is_symlink() and not path.exists():
                skipped.append(Skipped(path, "broken link"))
            else:
                yield path

    yield from visit(root)


def scan_corpus(root: Path) -> CorpusScan:
    """List the article files of a corpus folder, recursively, with their ids."""
    root = Path(root).expanduser()
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"corpus is not a folder: {root}")
    scan = CorpusScan(root=root)
    candidates: list[tuple[Path, str]] = []
    for path in _walk(root, scan.skipped):
        kind = KINDS.get(path.suffix.lower())
        if kind is None:
            what = f"'{path.suffix}'" if path.suffix else "no extension"
            scan.skipped.append(
                Skipped(path, f"not an article file ({what}; reads .txt, .md, .html)")
            )
        else:
            candidates.append((path, kind))
    stems: dict[str, int] = {}
    for path, _ in candidates:
        stems[path.stem] = stems.get(path.stem, 0) + 1
    for path, kind in candidates:
        article_id = path.stem
        if stems[article_id] > 1:  # same name in two folders: the relative path tells them apart
            article_id = path.relative_to(root).with_suffix("").as_posix()
        scan.files.append(SourceFile(id=article_id, path=path, kind=kind))
    scan.files.sort(key=lambda f: f.id)
    return scan


def resolve_id(files: list[SourceFile], query: str) -> SourceFile:
    """The file with id `query`, or the only file whose id starts with `query`."""
    for source in files:
        if source.id == query:
            return source
    matches = [source for source in files if source.id.startswith(query)] if query else []
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UnknownArticle(f"no article with id '{query}'")
    names = ", ".join(m.id for m in matches[:5]) + (", ..." if len(matches) > 5 else "")
    raise UnknownArticle(f"'{query}' matches {len(matches)} articles: {names}")


@dataclass
class Corpus:
    """The articles of a corpus folder, and the files that could not be read, with reasons."""

    root: Path
    articles: list[Article]
    skipped: list[Skipped]

    def get(self, query: str) -> Article:
        """The article with id `query` or the only one whose id starts with it."""
        files = [SourceFile(a.id, a.path, "") for a in self.articles]
        chosen = resolve_id(files, query)
        return next(a for a in self.articles if a.id == chosen.id)


def load_corpus(
    root: Path, on_progress: Callable[[int, int, SourceFile], None] | None = None
) -> Corpus:
    """Load every article of a corpus; unreadable files are reported in `skipped`."""
    scan = scan_corpus(root)
    articles: list[Article] = []
    skipped = list(scan.skipped)
    for done, source in enumerate(scan.files, start=1):
        try:
            articles.append(load_article(source))
        except LoadError as error:
            skipped.append(Skipped(source.path, str(error)))
        if on_progress:
            on_progress(done, len(scan.files), source)
    return Corpus(root=scan.root, articles=articles, skipped=skipped)
