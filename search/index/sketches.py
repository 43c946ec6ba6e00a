"""The copy sketches of the indexed articles, kept in a SQLite file beside the index, and the
copies found from them, updated for the articles an update reads or drops only.

One row per article (its words hash and its sketch, search/index/copies.py), a table of each
article's first 16 sketch values (indexed by value: the articles that share a value are one
lookup away) and the pairs of copies found. An update of k articles deletes and inserts their
rows, then finds their pairs with indexed queries, by the rules of `copy_groups`: the same
words hash (identical), or >= SHARED_FIRST of the first 16 values shared, counting only the
values that 2 to COMMON articles have, and a resemblance >= NEAR on the whole sketch. A value
whose count crosses those bounds changes the pairs of the unchanged articles that have it:
theirs are found again too. The pairs stored are always those `copy_groups` gives over all the
rows (tests/unit/test_copies_store.py checks it), so a large update simply groups everything.

A missing store is made anew (from the JSON file of earlier versions when there is one); a
damaged one is replaced: the copies of the articles not read again are then not found until
they are read again.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import struct
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from search.index.copies import COMMON, FIRST, NEAR, SHARED_FIRST, copy_groups, resemblance

STORE = "dossier-sketches.sqlite"
OLD_STORE = "dossier-sketches.json"  # what versions before the SQLite store wrote
FORMAT = 1  # the store's layout (PRAGMA user_version); another one is made anew
# Above this share of the stored articles changed, grouping all of them at once is faster
# than finding the changed ones' pairs one by one (measured at 20k: bench/copies.py).
GROUP_ALL_FROM = 0.1

Entry = Mapping[str, object]  # {"words": hash, "sketch": [values]}, as `fingerprint` gives
Groups = dict[str, list[list]]  # article -> [[other, identical], ...] in id order (manifest)

_LAYOUT = """
CREATE TABLE articles (id TEXT PRIMARY KEY, words TEXT NOT NULL, sketch BLOB NOT NULL)
    WITHOUT ROWID;
CREATE INDEX articles_words ON articles (words);
CREATE TABLE firsts (value INTEGER NOT NULL, article TEXT NOT NULL,
    PRIMARY KEY (value, article)) WITHOUT ROWID;
CREATE TABLE pairs (a TEXT NOT NULL, b TEXT NOT NULL, identical INTEGER NOT NULL,
    PRIMARY KEY (a, b)) WITHOUT ROWID;
"""


def _words(entry: Entry) -> str:
    return str(entry.get("words", ""))


def _sketch(entry: Entry) -> list[int]:
    return list(entry.get("sketch") or [])  # type: ignore[call-overload]


def _pack(sketch: list[int]) -> bytes:
    return struct.pack(f"<{len(sketch)}I", *sketch)


def _unpack(blob: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(blob) // 4}I", blob))


def _valid(count: int) -> bool:
    """A value shared by so many articles counts towards their pairs (`copy_groups`)."""
    return 2 <= count <= COMMON


def _usable(entry: Entry) -> bool:
    """A sketch the store can keep: 32-bit values (CRC32), distinct, as `fingerprint` makes."""
    sketch = entry.get("sketch") or []
    if not isinstance(sketch, list) or not isinstance(entry.get("words", ""), str):
        return False
    return all(type(v) is int and 0 <= v < 1 << 32 for v in sketch) and len(set(sketch)) == len(
        sketch
    )


class SketchStore:
    """One open store: `update` it inside the transaction it opens, then `close` it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master")}
        if version != FORMAT or "pairs" not in tables:
            self.db.executescript(
                "DROP TABLE IF EXISTS articles; DROP TABLE IF EXISTS firsts;"
                f"DROP TABLE IF EXISTS pairs; {_LAYOUT} PRAGMA user_version = {FORMAT};"
            )

    def close(self) -> None:
        self.db.close()

    # -- reading -----------------------------------------------------------------------------

    def ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM articles")}

    def entries(self) -> dict[str, dict]:
        """Every stored article's words hash and sketch (as `fingerprint` gives them)."""
        rows = self.db.execute("SELECT id, words, sketch FROM articles")
        return {a: {"words": words, "sketch": _unpack(blob)} for a, words, blob in rows}

    def groups(self) -> Groups:
        """The stored pairs as the manifest keeps them: `copy_groups`'s result."""
        groups: Groups = {}
        for a, b, identical in self.db.execute("SELECT a, b, identical FROM pairs ORDER BY a, b"):
            groups.setdefault(a, []).append([b, bool(identical)])
        return groups

    def _rows(self, articles: Iterable[str]) -> dict[str, tuple[str, list[int]]]:
        found = {}
        for article in articles:
            row = self.db.execute(
                "SELECT words, sketch FROM articles WHERE id = ?", (article,)
            ).fetchone()
            if row:
                found[article] = (row[0], _unpack(row[1]))
        return found

    def _counts(self, values: Iterable[int]) -> dict[int, int]:
        """How many articles have each value among their first ones."""
        counts = {}
        for value in values:
            counts[value] = self.db.execute(
                "SELECT COUNT(*) FROM firsts WHERE value = ?", (value,)
            ).fetchone()[0]
        return counts

    def _holders(self, values: Iterable[int]) -> set[str]:
        holders: set[str] = set()
        for value in values:
            holders.update(
                row[0]
                for row in self.db.execute("SELECT article FROM firsts WHERE value = ?", (value,))
            )
        return holders

    # -- writing -----------------------------------------------------------------------------

    def _delete(self, article: str, sketch: list[int]) -> None:
        self.db.execute("DELETE FROM articles WHERE id = ?", (article,))
        self.db.executemany(
            "DELETE FROM firsts WHERE value = ? AND article = ?",
            ((value, article) for value in sketch[:FIRST]),
        )

    def _insert(self, entries: Mapping[str, Entry]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?)",
            ((a, _words(e), _pack(_sketch(e))) for a, e in entries.items()),
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO firsts VALUES (?, ?)",
            ((value, a) for a, e in entries.items() for value in _sketch(e)[:FIRST]),
        )

    def _forget_pairs(self, articles: Iterable[str]) -> None:
        for article in articles:
            others = [
                row[0] for row in self.db.execute("SELECT b FROM pairs WHERE a = ?", (article,))
            ]
            self.db.execute("DELETE FROM pairs WHERE a = ?", (article,))
            self.db.executemany(
                "DELETE FROM pairs WHERE a = ? AND b = ?", ((other, article) for other in others)
            )

    def _add_pairs(self, pairs: Iterable[tuple[str, str, bool]]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO pairs VALUES (?, ?, ?)",
            (row for a, b, same in pairs for row in ((a, b, same), (b, a, same))),
        )

    # -- finding -----------------------------------------------------------------------------

    def _pairs_of(self, article: str, words: str, sketch: list[int]) -> list[tuple[str, bool]]:
        """The copies of one stored article among all the stored ones, as `copy_groups` finds
        them: the same words hash, or enough shared first values and a near resemblance."""
        found = [
            (row[0], True)
            for row in self.db.execute(
                "SELECT id FROM articles WHERE words = ? AND id != ?", (words, article)
            )
        ]
        exact = {other for other, _ in found}
        counts = self._counts(sketch[:FIRST])
        shared: Counter[str] = Counter()
        for value, count in counts.items():
            if _valid(count):
                shared.update(
                    row[0]
                    for row in self.db.execute(
                        "SELECT article FROM firsts WHERE value = ? AND article != ?",
                        (value, article),
                    )
                )
        candidates = [o for o, n in shared.items() if n >= SHARED_FIRST and o not in exact]
        for other, (_, theirs) in self._rows(candidates).items():
            if resemblance(sketch, theirs) >= NEAR:
                found.append((other, False))
        return found

    def update(self, read: Mapping[str, Entry], gone: Iterable[str], present: set[str]) -> Groups:
        """Keep the sketches of the articles `read` now, drop those `gone` and those no longer
        `present`, and find the pairs again where they may have changed. One transaction."""
        dropping = set(gone) | set(read)
        read = {a: e for a, e in read.items() if a in present and _usable(e)}
        self.db.execute("BEGIN IMMEDIATE")
        try:
            stored = self.ids()
            dropped = (dropping | (stored - present)) & stored
            old = self._rows(dropped)
            remaining = len(stored) - len(dropped)
            changed = len(dropped | set(read))
            if not remaining or changed > GROUP_ALL_FROM * remaining:
                self._group_all(read, dropped, old, remaining)
            else:
                self._group_changed(read, dropped, old)
            self.db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise
        return self.groups()

    def _group_all(
        self,
        read: Mapping[str, Entry],
        dropped: set[str],
        old: dict[str, tuple[str, list[int]]],
        remaining: int,
    ) -> None:
        """Many articles changed (a first build): group every stored article at once."""
        if remaining:
            for article, (_, sketch) in old.items():
                self._delete(article, sketch)
            kept = self.entries()
        else:
            self.db.execute("DELETE FROM articles")
            self.db.execute("DELETE FROM firsts")
            kept = {}
        self._insert(read)
        kept.update(read)
        self.db.execute("DELETE FROM pairs")
        self._add_pairs(
            (a, b, same)
            for a, others in copy_groups(kept.items()).items()
            for b, same in others
            if a < b
        )

    def _group_changed(
        self, read: Mapping[str, Entry], dropped: set[str], old: dict[str, tuple[str, list[int]]]
    ) -> None:
        """A few articles changed: their rows, their pairs and the pairs of the articles whose
        shared values they made common or rare again."""
        values = {v for _, sketch in old.values() for v in sketch[:FIRST]}
        values |= {v for entry in read.values() for v in _sketch(entry)[:FIRST]}
        before = self._counts(values)
        for article, (_, sketch) in old.items():
            self._delete(article, sketch)
        self._insert(read)
        after = self._counts(values)
        flipped = [v for v in values if _valid(before[v]) != _valid(after[v])]
        changed = dropped | set(read)
        affected = self._holders(flipped) - changed
        self._forget_pairs(changed | affected)
        again = {a: (_words(e), _sketch(e)) for a, e in read.items()}
        again.update(self._rows(affected))
        for article, (words, sketch) in again.items():
            self._add_pairs(
                (article, other, same) for other, same in self._pairs_of(article, words, sketch)
            )


def update_copies(
    location: Path, read: Mapping[str, Entry], gone: Iterable[str], present: set[str]
) -> Groups:
    """The sketch store at `location` updated (made anew when missing, from the JSON file of
    earlier versions if there is one, or when damaged), and the articles that have copies."""
    path, old_file = location / STORE, location / OLD_STORE
    gone = set(gone)
    seeded = dict(read)
    if not path.exists() and old_file.exists():  # kept by an earlier version: carried over
        previous = _read_old(old_file)
        seeded = {a: e for a, e in previous.items() if a not in gone and isinstance(e, dict)}
        seeded.update(read)
    for attempt in range(2):
        try:
            store = SketchStore(path)
            try:
                groups = store.update(seeded, gone, present)
            finally:
                store.close()
            break
        except sqlite3.DatabaseError:
            if attempt:  # (cannot write beside the index at all: the copies of these only)
                return _groups_of(seeded, present)
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        old_file.unlink(missing_ok=True)
    return groups


def _read_old(path: Path) -> dict[str, dict]:
    """The sketches an earlier version kept in JSON (none when unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _groups_of(entries: Mapping[str, Entry], present: set[str]) -> Groups:
    kept = ((a, e) for a, e in entries.items() if a in present and _usable(e))
    return {a: [list(pair) for pair in others] for a, others in copy_groups(kept).items()}
