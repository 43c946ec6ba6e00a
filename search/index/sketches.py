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
# Above this share of the stored articles changed, grouping all of them at once costs less
# than finding the changed ones' pairs (about even at 20k sketches: bench/copies.py).
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


Row = tuple[str, list[int]]  # an article's words hash and sketch
CHUNK = 500  # values or ids per query (SQLite's limit of parameters was 999 before 3.32)


def _row(entry: Entry) -> Row | None:
    """What the store keeps of a sketch, or None for one it cannot keep: `fingerprint`'s are
    a hash and distinct 32-bit values (CRC32)."""
    words, sketch = entry.get("words", ""), entry.get("sketch") or []
    if not isinstance(words, str) or not isinstance(sketch, list):
        return None
    try:
        _pack(sketch)
    except (struct.error, TypeError):
        return None
    return (words, sketch) if len(set(sketch)) == len(sketch) else None


def _pack(sketch: list[int]) -> bytes:
    return struct.pack(f"<{len(sketch)}I", *sketch)


def _unpack(blob: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(blob) // 4}I", blob))


def _valid(count: int) -> bool:
    """A value shared by so many articles counts towards their pairs (`copy_groups`)."""
    return 2 <= count <= COMMON


def _chunks(items: Iterable) -> Iterable[list]:
    items = list(items)
    for at in range(0, len(items), CHUNK):
        yield items[at : at + CHUNK]


class SketchStore:
    """One open store: `update` it (one transaction), then `close` it."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        try:
            self.db.execute("PRAGMA cache_size = -16000")  # kB: a first build's rows fit (-20%)
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master")}
            if version != FORMAT or not {"articles", "firsts", "pairs"} <= tables:
                self.db.executescript(
                    "DROP TABLE IF EXISTS articles; DROP TABLE IF EXISTS firsts;"
                    f"DROP TABLE IF EXISTS pairs; {_LAYOUT} PRAGMA user_version = {FORMAT};"
                )
        except BaseException:
            self.db.close()
            raise

    def close(self) -> None:
        self.db.close()

    # -- reading -----------------------------------------------------------------------------

    def _query(self, sql: str, items: Iterable) -> Iterable[tuple]:
        """`sql` with `IN ({})` over `items`, a chunk at a time."""
        for chunk in _chunks(items):
            yield from self.db.execute(sql.format(",".join("?" * len(chunk))), chunk)

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

    def _rows(self, articles: Iterable[str]) -> dict[str, Row]:
        sql = "SELECT id, words, sketch FROM articles WHERE id IN ({})"
        return {a: (words, _unpack(blob)) for a, words, blob in self._query(sql, articles)}

    def _counts(self, values: Iterable[int]) -> dict[int, int]:
        """How many articles have each value among their first ones."""
        values = set(values)
        counts = dict.fromkeys(values, 0)
        sql = "SELECT value, COUNT(*) FROM firsts WHERE value IN ({}) GROUP BY value"
        counts.update(self._query(sql, values))
        return counts

    def _holders(self, values: Iterable[int]) -> dict[int, list[str]]:
        holders: dict[int, list[str]] = {}
        for value, article in self._query(
            "SELECT value, article FROM firsts WHERE value IN ({})", set(values)
        ):
            holders.setdefault(value, []).append(article)
        return holders

    # -- writing -----------------------------------------------------------------------------

    def _delete(self, rows: dict[str, Row]) -> None:
        self.db.executemany("DELETE FROM articles WHERE id = ?", ((a,) for a in rows))
        self.db.executemany(
            "DELETE FROM firsts WHERE value = ? AND article = ?",
            ((value, a) for a, (_, sketch) in rows.items() for value in sketch[:FIRST]),
        )

    def _insert(self, rows: dict[str, Row]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?)",
            ((a, words, _pack(sketch)) for a, (words, sketch) in rows.items()),
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO firsts VALUES (?, ?)",
            ((value, a) for a, (_, sketch) in rows.items() for value in sketch[:FIRST]),
        )

    def _forget_pairs(self, articles: Iterable[str]) -> None:
        found = list(self._query("SELECT a, b FROM pairs WHERE a IN ({})", articles))
        self.db.executemany(
            "DELETE FROM pairs WHERE a = ? AND b = ?",
            (row for a, b in found for row in ((a, b), (b, a))),
        )

    def _add_pairs(self, pairs: Iterable[tuple[str, str, bool]]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO pairs VALUES (?, ?, ?)",
            (row for a, b, same in pairs for row in ((a, b, same), (b, a, same))),
        )

    # -- finding -----------------------------------------------------------------------------

    def update(self, read: Mapping[str, Entry], gone: Iterable[str], present: set[str]) -> Groups:
        """Keep the sketches of the articles `read` now, drop those `gone` and those no longer
        `present`, and find the pairs again where they may have changed. One transaction."""
        dropping = set(gone) | set(read)
        rows = {a: row for a, e in read.items() if a in present and (row := _row(e)) is not None}
        self.db.execute("BEGIN IMMEDIATE")
        try:
            stored = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            old = self._rows(dropping)
            if stored - len(old) + len(rows) != len(present):
                # Rows of articles no longer there (an update whose manifest was never
                # written), or articles without a row (a store made anew): look for the first.
                old.update(self._rows(self.ids() - present - set(old)))
            remaining = stored - len(old)
            changed = len(old.keys() | rows.keys())
            if not remaining or changed > GROUP_ALL_FROM * remaining:
                self._group_all(rows, old, remaining)
            else:
                self._group_changed(rows, old)
            self.db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise
        return self.groups()

    def _group_all(self, rows: dict[str, Row], old: dict[str, Row], remaining: int) -> None:
        """Many articles changed (a first build): group every stored article at once."""
        if remaining:
            self._delete(old)
            kept = self.entries()
        else:
            for table in ("articles", "firsts"):
                self.db.execute(f"DELETE FROM {table}")
            kept = {}
        self._insert(rows)
        kept.update({a: {"words": words, "sketch": sketch} for a, (words, sketch) in rows.items()})
        self.db.execute("DELETE FROM pairs")
        groups = copy_groups(kept.items())
        self._add_pairs((a, b, same) for a, others in groups.items() for b, same in others if a < b)

    def _group_changed(self, rows: dict[str, Row], old: dict[str, Row]) -> None:
        """A few articles changed: their rows, their pairs and the pairs of the articles whose
        shared values they made common or rare again."""
        values = {v for _, sketch in [*old.values(), *rows.values()] for v in sketch[:FIRST]}
        before = self._counts(values)
        self._delete(old)
        self._insert(rows)
        after = self._counts(values)
        flipped = [v for v in values if _valid(before[v]) != _valid(after[v])]
        changed = old.keys() | rows.keys()
        affected = {a for held in self._holders(flipped).values() for a in held} - changed
        self._forget_pairs(changed | affected)
        again = {**rows, **self._rows(affected)}
        self._add_pairs(self._pairs_of(again))

    def _pairs_of(self, rows: dict[str, Row]) -> set[tuple[str, str, bool]]:
        """The copies of some stored articles among all the stored ones, as `copy_groups`
        finds them: the same words hash, or enough shared first values (counting those that
        2 to COMMON articles have) and a near resemblance on the whole sketch."""
        pairs: set[tuple[str, str, bool]] = set()
        by_words: dict[str, list[str]] = {}
        sql = "SELECT words, id FROM articles WHERE words IN ({})"
        for words, other in self._query(sql, {words for words, _ in rows.values()}):
            by_words.setdefault(words, []).append(other)
        counts = self._counts(v for _, sketch in rows.values() for v in sketch[:FIRST])
        holders = self._holders(v for v, n in counts.items() if _valid(n))
        candidates: dict[str, list[str]] = {}
        for article, (words, sketch) in rows.items():
            exact = set(by_words.get(words, ())) - {article}
            pairs.update((min(article, o), max(article, o), True) for o in exact)
            shared = Counter(o for v in sketch[:FIRST] for o in holders.get(v, ()))
            candidates[article] = [
                o
                for o, n in shared.items()
                if n >= SHARED_FIRST and o != article and o not in exact
            ]
        sketches = {a: sketch for a, (_, sketch) in rows.items()}
        wanted = {o for others in candidates.values() for o in others} - sketches.keys()
        sketches.update({a: sketch for a, (_, sketch) in self._rows(wanted).items()})
        for article, others in candidates.items():
            for other in others:
                if resemblance(sketches[article], sketches[other]) >= NEAR:
                    pairs.add((min(article, other), max(article, other), False))
        return pairs


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
        except (sqlite3.DatabaseError, struct.error):  # (not a database, damaged, unwritable)
            if attempt:  # cannot be written at all: the copies among these articles only
                return _groups_of(seeded, present)
            for suffix in ("", "-journal", "-wal", "-shm"):
                with contextlib.suppress(OSError):
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
    kept = ((a, e) for a, e in entries.items() if a in present and _row(e) is not None)
    return {a: [list(pair) for pair in others] for a, others in copy_groups(kept).items()}
