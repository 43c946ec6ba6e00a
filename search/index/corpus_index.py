"""The full-text index of a corpus: one Whoosh document per passage, kept in the user cache.

The index is a cache of the corpus: it is brought up to date whenever it is opened (only
files added, changed or removed are re-read: size and mtime first, then a content hash), and
rebuilt from scratch, with a notice, when it is damaged or from an older schema. One process
writes at a time; others search the last committed version meanwhile (Whoosh's writer lock).
Building lives in building.py, searching in searching.py.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from whoosh.index import Index

from search.index.building import Building
from search.index.schema import index_location, read_manifest, write_manifest
from search.index.searching import Searching
from search.model import ArticleInfo
from search.reading.corpus import CorpusScan, scan_corpus


class CorpusIndex(Building, Searching):
    """The search index of one corpus folder."""

    def __init__(self, root: Path, location: Path | None = None) -> None:
        self.root = Path(root).expanduser()
        self.location = location or index_location(self.root)
        self._ix: Index | None = None
        self._lock = threading.RLock()  # Whoosh searchers are not safe to share across threads
        self._searcher = None
        self._parser = None
        self._vocabulary: dict[int, list[str]] | None = None
        self._copies: dict[str, list[tuple[str, bool]]] | None = None
        self._titles: dict[str, str] = {}
        self._filters: dict[str, set[int]] = {}
        self._recent: OrderedDict = OrderedDict()
        self._title_stems: dict[str, tuple[frozenset[str], int]] = {}
        self._known_files: dict[str, dict] | None = None
        self._known_copies: dict[str, list] = {}

    def _manifest(self) -> dict:
        return read_manifest(self.location)

    def _write_manifest(self, files: dict[str, dict]) -> None:
        """The manifest with `files` and the articles that have copies (`_known_copies`)."""
        write_manifest(self.location, self.root, files, self._known_copies)

    def _known(self) -> None:
        if self._known_files is None:
            try:
                manifest = self._manifest()
            except (OSError, ValueError):
                manifest = {"files": {}}
            self._known_files = manifest["files"]
            copies = manifest.get("copies")
            self._known_copies = copies if isinstance(copies, dict) else {}

    def _files(self) -> dict[str, dict]:
        """The manifest's files: what the index knows of each file of the corpus."""
        self._known()
        return self._known_files or {}

    def _copy_groups(self) -> dict[str, list]:
        """The manifest's articles that have copies: {article: [[other, identical], ...]}."""
        self._known()
        return self._known_copies

    def catalog(self, scan: CorpusScan | None = None) -> list[ArticleInfo]:
        """The library's rows: every article file of the corpus with what the index knows of
        it (title, source, date, length), without reading any article. A file the index has
        not read yet is listed by its id, marked `read=False`; one that is not an article
        (the index found no text in it) is left out."""
        scan = scan if scan is not None else scan_corpus(self.root)
        try:
            files = self._manifest()["files"]
        except (OSError, ValueError):
            files = {}
        rows: list[ArticleInfo] = []
        for source in scan.files:
            entry = files.get(source.rel) or {}
            if entry.get("error") and entry.get("size") == source.size:
                continue
            info = entry.get("info") if entry.get("id") == source.id else None
            if isinstance(info, dict):
                rows.append(ArticleInfo.from_json(source.id, source.rel, info))
            else:
                rows.append(ArticleInfo(id=source.id, rel=source.rel, title=source.id, read=False))
        return rows

    def close(self) -> None:
        self._invalidate()
