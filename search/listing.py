"""The library as last catalogued, kept in the user cache (one small JSON file per corpus): the
first screen lists it without opening the index; the index's catalog replaces it once open."""

from __future__ import annotations

import contextlib
import json
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from search.model import ArticleInfo

if TYPE_CHECKING:
    from search.reading.corpus import CorpusScan

LISTING_VERSION = 1


def listing_path(root: Path) -> Path:
    """Where the library of the corpus at `root` is kept between runs (the user cache)."""
    from search.userdata import locations

    resolved = Path(root).expanduser().resolve()
    digest = f"{zlib.crc32(str(resolved).encode()):08x}"  # a cache's name: crc32 suffices
    return locations.cache_dir() / "library" / f"{resolved.name or 'root'}-{digest}.json"


def read_listing(root: Path, scan: CorpusScan) -> list[ArticleInfo]:
    """Each file unchanged since the last catalog (same size and time) as it was then, a new or
    changed one by its id (unread), a file that was not an article left out."""
    files = _kept_files(root)
    rows: list[ArticleInfo] = []
    for source in scan.files:
        entry = files.get(source.rel)
        unchanged = isinstance(entry, list) and entry[:2] == [source.size, source.mtime_ns]
        kept = entry[2] if unchanged and len(entry) == 3 else False  # type: ignore[index]
        if kept is None:  # not an article when last read, and unchanged since
            continue
        if isinstance(kept, dict):
            rows.append(ArticleInfo.from_json(source.id, source.rel, kept))
            continue
        rows.append(ArticleInfo(id=source.id, rel=source.rel, title=source.id, read=False))
    return rows


def keep_listing(root: Path, scan: CorpusScan, rows: list[ArticleInfo]) -> None:
    """Keep the catalog `rows` for the next start (a file that cannot be written is no loss:
    the next start lists ids until the index is open)."""
    from search.userdata import atomic_write_text

    by_rel = {row.rel: row for row in rows}
    files: dict[str, list[object]] = {}
    for source in scan.files:
        row = by_rel.get(source.rel)
        if row is None:  # the catalog leaves out what is not an article
            files[source.rel] = [source.size, source.mtime_ns, None]
        elif row.read:
            files[source.rel] = [source.size, source.mtime_ns, row.as_json()]
    data = {"version": LISTING_VERSION, "corpus": str(root.resolve()), "files": files}
    with contextlib.suppress(OSError):
        atomic_write_text(listing_path(root), json.dumps(data, ensure_ascii=False))


def _kept_files(root: Path) -> dict[str, object]:
    try:
        data = json.loads(listing_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if (
        not isinstance(data, dict)
        or data.get("version") != LISTING_VERSION
        or data.get("corpus") != str(root.resolve())
        or not isinstance(data.get("files"), dict)
    ):
        return {}
    return data["files"]
