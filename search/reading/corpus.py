"""A corpus is a folder of articles, read recursively: finding its files, naming them by id,
resolving ids (a unique prefix is enough) and loading them, reporting what is skipped."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from search.errors import CorpusError, LoadError, UnknownArticle
from search.model import Article, Skipped, SourceFile

KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


@dataclass
class CorpusScan:
    """The readable files of a corpus folder and the files skipped, before any is opened."""

    root: Path
    files: list[SourceFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def resolve(self, query: str) -> SourceFile:
        """The file whose id is `query`, or the only one whose id starts with it."""
        return resolve_id(self.files, query)


def _walk(root: Path, skipped: list[Skipped]) -> Iterator[os.DirEntry[str]]:
    """Every file below `root`, following links to folders but never in a loop.

    Works on strings and directory entries, not Path objects: at 20k files, pathlib alone
    cost 0.5 s of every start."""
    seen: set[tuple[int, int]] = set()

    def visit(folder: str) -> Iterator[os.DirEntry[str]]:
        try:
            info = os.stat(folder)
        except OSError as error:
            skipped.append(Skipped(Path(folder), f"folder cannot be read ({error.strerror})"))
            return
        key = (info.st_dev, info.st_ino)
        if key in seen:
            skipped.append(Skipped(Path(folder), "link back to a folder already read (a loop)"))
            return
        seen.add(key)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            skipped.append(Skipped(Path(folder), f"folder cannot be read ({error.strerror})"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders (.git, .DS_Store) are not articles
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(entry.path)
            elif entry.is_symlink() and not os.path.exists(entry.path):
                skipped.append(Skipped(Path(entry.path), "broken link"))
            else:
                yield entry

    yield from visit(str(root))


def scan_corpus(root: Path) -> CorpusScan:
    """List the article files of a corpus folder, recursively, with their ids and stat."""
    root = Path(root).expanduser()
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"corpus is not a folder: {root}")
    scan = CorpusScan(root=root)
    prefix = len(str(root).rstrip(os.sep)) + 1
    candidates: list[tuple[str, str, str, os.stat_result]] = []  # (rel, stem, kind, stat)
    for entry in _walk(root, scan.skipped):
        stem, suffix = os.path.splitext(entry.name)
        kind = KINDS.get(suffix.lower())
        if kind is None:
            what = f"'{suffix}'" if suffix else "no extension"
            scan.skipped.append(
                Skipped(Path(entry.path), f"not an article file ({what}; reads .txt, .md, .html)")
            )
            continue
        try:
            info = entry.stat()
        except OSError as error:
            scan.skipped.append(Skipped(Path(entry.path), f"cannot be read ({error.strerror})"))
            continue
        rel = entry.path[prefix:].replace(os.sep, "/")
        candidates.append((rel, stem, kind, info))
    stems: dict[str, int] = {}
    for _, stem, _, _ in candidates:
        stems[stem] = stems.get(stem, 0) + 1
    for rel, stem, kind, info in candidates:
        # The same name in two folders: the relative path (without extension) tells them apart.
        article_id = stem if stems[stem] == 1 else rel[: len(rel) - len(rel.rsplit(".", 1)[-1]) - 1]
        scan.files.append(
            SourceFile(article_id, root, rel, kind, size=info.st_size, mtime_ns=info.st_mtime_ns)
        )
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
        files = [SourceFile(a.id, a.path.parent, a.path.name, "") for a in self.articles]
        chosen = resolve_id(files, query)
        return next(a for a in self.articles if a.id == chosen.id)


def load_corpus(
    root: Path, on_progress: Callable[[int, int, SourceFile], None] | None = None
) -> Corpus:
    """Load every article of a corpus; unreadable files are reported in `skipped`."""
    from search.reading.loader import load_article  # the cleaner is heavy: only loaded when needed

    scan = scan_corpus(root)
    articles: list[Article] = []
    skipped = list(scan.skipped)
    for done, source in enumerate(scan.files, start=1):
        try:
            articles.append(load_article(source))
        except LoadError as error:
            skipped.append(Skipped(source.path, str(error)))
        except Exception as error:  # one file's failure skips that file, never the corpus
            skipped.append(Skipped(source.path, f"could not be read ({type(error).__name__})"))
        if on_progress:
            on_progress(done, len(scan.files), source)
    return Corpus(root=scan.root, articles=articles, skipped=skipped)
