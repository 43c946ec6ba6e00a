"""What the index holds and where: the Whoosh schema (one document per passage), the
manifest of the files it has read, and the index folder of a corpus in the user cache."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from pathlib import Path

from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage

from search.index.analysis import stemmed_analyzer
from search.model import Article
from search.userdata.locations import index_location  # noqa: F401  (the index's API)
from search.userdata.storage import atomic_write_text
from search.versions import code_version

SCHEMA_VERSION = 4  # 2: the manifest holds each article's title, source, date and length
# 3: passages over 4,000 characters are split (search.structure.split_long_passages)
# 4: only what searching reads is stored (titles come from the manifest); the manifest
#    names the articles that have copies (search/index/copies.py); no unstemmed `exact`
#    field and no positions (they were 60% of the indexing time): a quoted phrase finds
#    the passages with all its words, and each is checked as typed against its text
MANIFEST = "dossier-manifest.json"  # (the copy sketches: search/index/sketches.py)
SCORED_FIELDS = ("title", "text")  # fields whose lengths BM25F reads
LENGTH_FIELDS = ("title", "source", "text")  # fields whose lengths the index records


def make_schema() -> Schema:
    """One document per passage. Only what a hit shows is stored (article, passage, kind,
    text): the title of a hit comes from the manifest, and the title and source are indexed
    in each passage for filtering and for the title bonus."""
    stemmed = stemmed_analyzer()
    return Schema(
        article=ID(stored=True),
        passage=STORED(),
        kind=ID(stored=True),
        title=TEXT(analyzer=stemmed, field_boost=2.0, phrase=False),
        source=TEXT(analyzer=stemmed, phrase=False),
        text=TEXT(analyzer=stemmed, stored=True, phrase=False),
    )


def passage_documents(article: Article) -> Iterable[dict[str, object]]:
    for passage in article.passages:
        yield {
            "article": article.id,
            "passage": passage.index,
            "title": article.title,
            "source": article.source or "",
            "kind": passage.kind.value,
            "text": passage.text,
        }


def storage(folder: Path) -> FileStorage:
    """Whoosh's file storage without memory maps: with them, opening a searcher on a 20k-article
    index mapped and touched all 360 MB of its compound segments (0.6 s, 570 MB resident);
    without, it reads what a query needs (17 ms, 28 MB)."""
    return FileStorage(str(folder), supports_mmap=False)


def read_manifest(location: Path) -> dict:
    """The manifest of the index at `location` (raises OSError or ValueError)."""
    data = json.loads((location / MANIFEST).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise ValueError("manifest is not a mapping")
    return data


@functools.cache
def cleaner_version() -> str:
    """Changes whenever the code that turns a file into an article does (search/reading, the
    shared text tools, the model): an index built by another version of the cleaner is read
    again, so that a better cleaner reaches the articles already indexed."""
    return code_version("text.py", "model.py", "corrections.py", "reading")


def write_manifest(
    location: Path, root: Path, files: dict[str, dict], copies: dict[str, list] | None = None
) -> None:
    """The manifest: every file read (its id, size, date, hash and what the library shows)
    and the articles that have copies (search/index/copies.py), as `copy_groups` gives."""
    data = {
        "schema": SCHEMA_VERSION,
        "cleaner": cleaner_version(),
        "corpus": str(root.resolve()),
        "files": files,
        "copies": copies or {},
    }
    atomic_write_text(location / MANIFEST, json.dumps(data, ensure_ascii=False))
