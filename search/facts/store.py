"""What each article of a corpus states, cached beside its search index (`facts.sqlite`): its
facts, the words that say which story it tells, its 5-gram hashes (copies); and, for the corpus
as the cache last saw it, every figure's links, the same-story partners and the copies.

Only articles added or changed since the last time are read again; the cross-checks are worked
out again only when some article changed. With the cache warm, one article's checked facts are
one row read (`checked_for`), whatever the corpus's size."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from array import array
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from search.errors import LoadError
from search.facts.check import CheckedFact, check
from search.facts.fact import Fact
from search.facts.stories import SAME_STORY, candidates, copy_groups, copy_pairs
from search.model import Article, SourceFile
from search.reading.corpus import scan_corpus
from search.userdata.locations import index_location
from search.versions import code_version

# Changes whenever the code that makes the facts does (reading, the shared text tools, the
# facts themselves and compare's measure): the cache is then rebuilt.
CACHE_VERSION = code_version("text.py", "model.py", "compare.py", "reading", "facts")
CACHE_NAME = "facts.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, facts TEXT, terms TEXT, grams BLOB,
    skipped TEXT);
CREATE TABLE IF NOT EXISTS links (id TEXT PRIMARY KEY, links TEXT);
CREATE TABLE IF NOT EXISTS similar (a TEXT, b TEXT, versions TEXT, score REAL,
    PRIMARY KEY (a, b));
"""


def _version(source: SourceFile) -> str:
    return f"{source.size}:{source.mtime_ns}"


def _grams_blob(hashes: list[int]) -> bytes:
    return array("I", sorted({h & 0xFFFFFFFF for h in hashes})).tobytes()


def _grams(blob: bytes) -> list[int]:
    values = array("I")
    values.frombytes(blob)
    return list(values)


def _decode(facts_json: str, links_json: str | None) -> list[CheckedFact]:
    facts = [Fact.from_cache(item) for item in json.loads(facts_json)]
    links = json.loads(links_json) if links_json else [[] for _ in facts]
    return [
        CheckedFact(fact, CheckedFact.links_from_cache(rows))
        for fact, rows in zip(facts, links, strict=False)
    ]


class CheckedEntries(Sequence[CheckedFact]):
    """One article's checked facts, read from the cache's JSON the first time they are used."""

    def __init__(self, facts_json: str, links_json: str | None) -> None:
        self._raw: tuple[str, str | None] | None = (facts_json, links_json)
        self._entries: list[CheckedFact] = []

    def _decoded(self) -> list[CheckedFact]:
        if self._raw is not None:
            self._entries, self._raw = _decode(*self._raw), None
        return self._entries

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        return self._decoded()[index]

    def __len__(self) -> int:
        return len(self._decoded())

    def __iter__(self) -> Iterator[CheckedFact]:
        return iter(self._decoded())

    def __add__(self, other: Sequence[CheckedFact]) -> list[CheckedFact]:
        return [*self, *other]

    def __radd__(self, other: Sequence[CheckedFact]) -> list[CheckedFact]:
        return [*other, *self]

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        return f"CheckedEntries({self._decoded()!r})"


class FactStore:
    """Facts of the corpus at `root`, checked across its articles."""

    def __init__(self, root: Path, location: Path | None = None) -> None:
        self.root = Path(root).expanduser()
        self.path = (location or index_location(self.root)) / CACHE_NAME
        self.skipped: dict[str, str] = {}  # article id: why it has no facts
        self.terms: dict[str, dict[str, int]] | None = None
        self._guard = threading.Lock()

    # --- the database ------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            db.executescript(SCHEMA)
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.DatabaseError:  # a damaged file: rebuilt
            self.path.unlink(missing_ok=True)
            db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            db.executescript(SCHEMA)
            row = None
        if row is None or row[0] != CACHE_VERSION:
            with db:
                for table in ("articles", "links", "similar", "meta"):
                    db.execute(f"DELETE FROM {table}")
                db.execute("INSERT INTO meta VALUES ('version', ?)", (CACHE_VERSION,))
        return db

    @staticmethod
    def _generation(files: list[SourceFile]) -> str:
        digest = hashlib.sha1()
        for source in sorted(files, key=lambda s: s.id):
            digest.update(f"{source.id}\0{source.size}\0{source.mtime_ns}\n".encode())
        return digest.hexdigest()

    # --- reading -----------------------------------------------------------------------------

    def refresh(self, progress: Callable[[int, int], None] | None = None) -> sqlite3.Connection:
        """Bring the cache up to date with the corpus: read the articles added or changed,
        forget the removed ones, and work the cross-checks out again if anything changed."""
        files = scan_corpus(self.root).files
        generation = self._generation(files)
        db = self._connect()
        current = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        if current and current[0] == generation:
            self._load_skipped(db)
            return db
        known = {
            aid: (size, mtime)
            for aid, size, mtime in db.execute("SELECT id, size, mtime FROM articles")
        }
        wanted = {source.id for source in files}
        from search.facts.extract import extract  # the extractor and the cleaner: only now
        from search.facts.stories import shingles, story_terms
        from search.reading.loader import load_article

        with db:
            for gone in set(known) - wanted:
                db.execute("DELETE FROM articles WHERE id = ?", (gone,))
                db.execute("DELETE FROM links WHERE id = ?", (gone,))
            for done, source in enumerate(files, start=1):
                if known.get(source.id) != (source.size, source.mtime_ns):
                    try:
                        article: Article = load_article(source)
                    except LoadError as error:
                        row = (source.id, source.size, source.mtime_ns, "[]", "{}", b"", str(error))
                    else:
                        facts = [f.to_cache() for f in extract(article)]
                        row = (
                            source.id,
                            source.size,
                            source.mtime_ns,
                            json.dumps(facts, ensure_ascii=False),
                            json.dumps(story_terms(article), ensure_ascii=False),
                            _grams_blob(shingles(article)),
                            None,
                        )
                    db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", row)
                if progress:
                    progress(done, len(files))
        self._load_skipped(db)
        self._cross_check(db, {source.id: source for source in files})
        with db:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (generation,))
        return db

    def forget(self, article_id: str) -> None:
        """Read this article's facts again at the next refresh (the reader corrected how it
        was cleaned: its file did not change), and check the corpus again."""
        with self._guard:
            db = self._connect()
            try:
                with db:
                    db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
                    db.execute("DELETE FROM meta WHERE key = 'generation'")
            finally:
                db.close()

    def _load_skipped(self, db: sqlite3.Connection) -> None:
        self.skipped = dict(
            db.execute("SELECT id, skipped FROM articles WHERE skipped IS NOT NULL")
        )

    def _all_facts(self, db: sqlite3.Connection) -> dict[str, list[Fact]]:
        return {
            aid: [Fact.from_cache(item) for item in json.loads(facts)]
            for aid, facts in db.execute("SELECT id, facts FROM articles WHERE skipped IS NULL")
        }

    def _cross_check(self, db: sqlite3.Connection, sources: dict[str, SourceFile]) -> None:
        """Copies, same-story partners and every figure's links, stored."""
        rows = list(db.execute("SELECT id, terms, grams FROM articles WHERE skipped IS NULL"))
        terms = {aid: json.loads(t) for aid, t, _ in rows}
        copies = copy_pairs({aid: _grams(g) for aid, _, g in rows})
        partners = self._partners(db, terms, copies, sources)
        same = {frozenset((a, b)) for a, found in partners.items() for b, _ in found}
        facts = self._all_facts(db)
        checked = check(
            facts,
            copies=lambda a, b: frozenset((a, b)) in copies,
            same_story=lambda a, b: frozenset((a, b)) in same,
        )
        with db:
            db.execute("DELETE FROM links")
            db.executemany(
                "INSERT INTO links VALUES (?, ?)",
                (
                    (aid, json.dumps([e.to_cache() for e in entries], ensure_ascii=False))
                    for aid, entries in checked.items()
                ),
            )
            db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('partners', ?)", (json.dumps(partners),)
            )
            db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('copies', ?)",
                (json.dumps(copy_groups(copies)),),
            )

    def _partners(
        self,
        db: sqlite3.Connection,
        terms: dict[str, dict[str, int]],
        copies: set[frozenset[str]],
        sources: dict[str, SourceFile],
    ) -> dict[str, list[tuple[str, float]]]:
        """Every article's same-story partners by compare's measure, closest first; the
        measure of each candidate pair is remembered for the versions of its two files."""
        from search.compare import similarity_of
        from search.reading.loader import load_article

        known = {
            (a, b): (versions, score)
            for a, b, versions, score in db.execute("SELECT a, b, versions, score FROM similar")
        }
        loaded: dict[str, Article] = {}

        def article(aid: str) -> Article:
            if aid not in loaded:
                if len(loaded) > 256:
                    loaded.clear()
                loaded[aid] = load_article(sources[aid])
            return loaded[aid]

        partners: dict[str, list[tuple[str, float]]] = {aid: [] for aid in terms}
        fresh = []
        for aid, found in candidates(terms).items():
            for other, _ in found:
                a, b = sorted((aid, other))
                if (a, b) in fresh or a not in sources or b not in sources:
                    continue
                versions = f"{_version(sources[a])}:{_version(sources[b])}"
                cached = known.get((a, b))
                if cached and cached[0] == versions:
                    score = cached[1]
                elif frozenset((a, b)) in copies:
                    score = 1.0
                else:
                    try:
                        score = similarity_of(article(a), article(b))
                    except LoadError:
                        continue
                known[(a, b)] = (versions, score)
                fresh.append((a, b))
                if score >= SAME_STORY:
                    partners[a].append((b, score))  # unrounded: what compare prints
                    partners[b].append((a, score))
        for pair in copies:
            a, b = sorted(pair)
            if all(o != b for o, _ in partners.get(a, [])):
                partners.setdefault(a, []).append((b, 1.0))
                partners.setdefault(b, []).append((a, 1.0))
        with db:
            db.execute("DELETE FROM similar")
            db.executemany(
                "INSERT OR REPLACE INTO similar VALUES (?, ?, ?, ?)",
                ((a, b, *known[(a, b)]) for a, b in fresh),
            )
        return {aid: sorted(found, key=lambda p: (-p[1], p[0])) for aid, found in partners.items()}

    # --- answers -----------------------------------------------------------------------------

    @staticmethod
    def _entries(facts_json: str, links_json: str | None) -> list[CheckedFact]:
        return _decode(facts_json, links_json)

    def checked_for(self, article_id: str, *, fresh: bool = False) -> list[CheckedFact]:
        """One article's facts with what the other articles say about each (reading only that
        article's row when the cache is up to date). `fresh`: the caller brought the cache up
        to date itself (the app, after `refresh`), so the corpus is not scanned again."""
        with self._guard:
            db = self._connect() if fresh else self.refresh()
            if fresh:
                self._load_skipped(db)
            try:
                row = db.execute(
                    "SELECT a.facts, l.links FROM articles a LEFT JOIN links l ON a.id = l.id "
                    "WHERE a.id = ? AND a.skipped IS NULL",
                    (article_id,),
                ).fetchone()
            finally:
                db.close()
        return self._entries(*row) if row else []

    def checked(self) -> dict[str, list[CheckedFact]]:
        """Every article's facts with what the other articles say about each. Each article's
        list is decoded from the cache when first used, so a caller that keeps one article
        pays for one."""
        with self._guard:
            db = self.refresh()
            try:
                rows = list(
                    db.execute(
                        "SELECT a.id, a.facts, l.links FROM articles a LEFT JOIN links l "
                        "ON a.id = l.id WHERE a.skipped IS NULL ORDER BY a.id"
                    )
                )
            finally:
                db.close()
        return {aid: CheckedEntries(facts, links) for aid, facts, links in rows}  # type: ignore[misc]

    def facts(self, progress: Callable[[int, int], None] | None = None) -> dict[str, list[Fact]]:
        """Every article's own facts (reading only what changed since the cache was written)."""
        with self._guard:
            db = self.refresh(progress)
            try:
                out = self._all_facts(db)
                self.terms = {
                    aid: json.loads(t)
                    for aid, t in db.execute("SELECT id, terms FROM articles WHERE skipped IS NULL")
                }
            finally:
                db.close()
        return out

    def _meta(self, key: str) -> object:
        with self._guard:
            db = self.refresh()
            try:
                row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            finally:
                db.close()
        return json.loads(row[0]) if row else None

    def partners(self) -> dict[str, list[tuple[str, float]]]:
        """For every article, the others that tell the same story, closest first, with the
        similarity `dossier compare` reports for the pair."""
        found = self._meta("partners") or {}
        return {aid: [(b, float(s)) for b, s in pairs] for aid, pairs in found.items()}  # type: ignore[union-attr]

    def copies(self) -> list[list[str]]:
        """Groups of articles that are copies of one text (re-issues, reprints)."""
        return [list(group) for group in self._meta("copies") or []]  # type: ignore[union-attr]
