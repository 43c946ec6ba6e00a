"""The full-text index of a corpus: one Whoosh document per passage, kept in the user cache.

The index is a cache of the corpus: it is brought up to date whenever it is opened (only
files added, changed or removed are re-read: size and mtime first, then a content hash), and
rebuilt from scratch, with a notice, when it is damaged or from an older schema. One process
writes at a time; others search the last committed version meanwhile (Whoosh's writer lock).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from filelock import FileLock, Timeout
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from whoosh import index as windex
from whoosh import query as wq
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index, LockError

from search.errors import IndexBusy, LoadError
from search.index.analysis import exact_analyzer, stemmed_analyzer
from search.index.highlight import query_spans, snippet
from search.index.lengths import preload_field_lengths
from search.index.processes import cancel_writer, ignore_interrupt, start_subwriters
from search.index.query import QueryError, make_parser, parse
from search.index.results import Hit, SearchResult, UpdateReport
from search.model import Article, ArticleInfo, Skipped, SourceFile
from search.reading.corpus import CorpusScan, scan_corpus
from search.reading.loader import load_article
from search.userdata import locations
from search.userdata.storage import atomic_write_text

SCHEMA_VERSION = 3  # 2: the manifest holds each article's title, source, date and length
# 3: passages over 4,000 characters are split (search.structure.split_long_passages)
MANIFEST = "dossier-manifest.json"
PARALLEL_FROM = 200  # files; below this, cleaning in one process is faster than a pool
SCORED_FIELDS = ("title", "text", "exact", "source")  # fields whose lengths BM25F reads
SUGGEST_BELOW = 3  # offer "did you mean" when a query finds fewer hits than this

Progress = Callable[[int, int, str], None]  # (done, total, what)
ArticleRead = Callable[[ArticleInfo], None]  # an article was read (for the library, live)


def make_schema() -> Schema:
    stemmed, exact = stemmed_analyzer(), exact_analyzer()
    return Schema(
        pid=ID(stored=True, unique=True),
        article=ID(stored=True),
        passage=NUMERIC(stored=True),
        title=TEXT(analyzer=stemmed, stored=True, field_boost=2.0, phrase=False),
        source=TEXT(analyzer=stemmed, stored=True, phrase=False),
        published=ID(stored=True),
        kind=ID(stored=True),
        text=TEXT(analyzer=stemmed, stored=True, phrase=False),
        exact=TEXT(analyzer=exact, phrase=True),
        byline=STORED(),
    )


def passage_documents(article: Article) -> Iterable[dict[str, object]]:
    for passage in article.passages:
        yield {
            "pid": f"{article.id}#{passage.index}",
            "article": article.id,
            "passage": passage.index,
            "title": article.title,
            "source": article.source or "",
            "published": article.published or "",
            "kind": passage.kind.value,
            "text": passage.text,
            "exact": passage.text,
            "byline": article.byline or "",
        }


def _storage(folder: Path) -> FileStorage:
    """Whoosh's file storage without memory maps: with them, opening a searcher on a 20k-article
    index mapped and touched all 360 MB of its compound segments (0.6 s, 570 MB resident);
    without, it reads what a query needs (17 ms, 28 MB)."""
    return FileStorage(str(folder), supports_mmap=False)


def index_location(root: Path) -> Path:
    """The index folder of a corpus: one per corpus folder, in the user cache directory."""
    resolved = root.expanduser().resolve()
    digest = hashlib.sha1(str(resolved).encode()).hexdigest()[:12]
    return locations.cache_dir() / "index" / f"{resolved.name or 'root'}-{digest}"


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _load(source: SourceFile) -> Article | str:
    try:
        return load_article(source)
    except LoadError as error:
        return str(error)


LOAD_CHUNK = 16  # articles per task sent to a cleaning process
LOAD_AHEAD = 16  # tasks in flight: at most 256 articles cleaned ahead of the writer


def _load_chunk(sources: list[SourceFile]) -> list[Article | str]:
    return [_load(source) for source in sources]


def _load_many(sources: list[SourceFile], progress: Progress | None) -> Iterator[Article | str]:
    """Load (clean) articles in order, on every core when there are many. A generator that
    cleans at most LOAD_CHUNK * LOAD_AHEAD articles ahead of the consumer: the writer is the
    slow side, and 20k clean articles held at once cost 380 MB."""
    if len(sources) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        for done, source in enumerate(sources, start=1):
            yield _load(source)
            if progress:
                progress(done, len(sources), "reading")
        return

    def in_order() -> Iterator[list[Article | str]]:
        pending: deque[Future[list[Article | str]]] = deque()
        with ProcessPoolExecutor(initializer=ignore_interrupt) as pool:
            try:
                for at in range(0, len(sources), LOAD_CHUNK):
                    pending.append(pool.submit(_load_chunk, sources[at : at + LOAD_CHUNK]))
                    if len(pending) >= LOAD_AHEAD:
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
            finally:  # the consumer stopped early (the app quit): clean nothing more
                for future in pending:
                    future.cancel()

    for done, result in enumerate(itertools.chain.from_iterable(in_order()), start=1):
        yield result
        if progress and (done % 50 == 0 or done == len(sources)):
            progress(done, len(sources), "reading")


def _run(searcher, query, limit: int):  # type: ignore[no-untyped-def]
    """Whoosh's search for the top `limit` passages.

    Without `terms=True`: recording matched terms makes Whoosh score every matching passage
    (9k per one-word query at 20k articles) instead of skipping blocks that cannot reach the
    top; the terms to highlight are found in the few hits' text instead (`positive_terms`).
    Whoosh's block skipping once raised IndexError inside `AndNotMatcher` (with
    `terms=True`), so a failed optimised search is run again without it."""
    try:
        return searcher.search(query, limit=max(1, limit))
    except IndexError:
        return searcher.search(query, limit=max(1, limit), optimize=False)


def positive_terms(query: wq.Query) -> dict[str, set[str]]:
    """The terms a query looks for, by field: the words to highlight in a hit. Excluded
    terms (`NOT`, `-word`) are left out."""
    found: dict[str, set[str]] = {}

    def visit(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            visit(node.a)
            return
        if isinstance(node, wq.Term | wq.Phrase):
            words = [node.text] if isinstance(node, wq.Term) else list(node.words)
            for word in words:
                text = word.decode("utf-8") if isinstance(word, bytes) else str(word)
                found.setdefault(node.fieldname, set()).add(text)
            return
        for child in node.children():
            visit(child)

    visit(query)
    return found


class CorpusIndex:
    """The search index of one corpus folder."""

    def __init__(self, root: Path, location: Path | None = None) -> None:
        self.root = Path(root).expanduser()
        self.location = location or index_location(self.root)
        self._ix: Index | None = None
        self._lock = threading.RLock()  # Whoosh searchers are not safe to share across threads
        self._searcher = None
        self._parser = None
        self._vocabulary: list[str] | None = None

    # --- opening and updating ----------------------------------------------------------------

    def _manifest(self) -> dict:
        path = self.location / MANIFEST
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
            raise ValueError("manifest is not a mapping")
        return data

    def _write_manifest(self, files: dict[str, dict]) -> None:
        data = {"schema": SCHEMA_VERSION, "corpus": str(self.root.resolve()), "files": files}
        atomic_write_text(self.location / MANIFEST, json.dumps(data, ensure_ascii=False))

    def _open_existing(self) -> tuple[Index, dict] | str:
        """The index and its manifest, or why they cannot be used."""
        try:
            if not windex.exists_in(str(self.location)):
                return "no index yet"
        except Exception as error:  # a truncated table of contents: UnpicklingError...
            return f"index damaged ({type(error).__name__})"
        try:
            manifest = self._manifest()
        except (OSError, ValueError) as error:
            return f"index manifest unreadable ({type(error).__name__})"
        if manifest.get("schema") != SCHEMA_VERSION:
            return "index from an older version of Dossier"
        try:
            ix = _storage(self.location).open_index()
            with ix.searcher() as searcher:  # damage often shows only when reading
                reader = searcher.reader()
                reader.doc_count()
                first = next(iter(reader.lexicon("article")), None)
                if first is not None:  # read one posting list and one stored document
                    for docnum in reader.postings("article", first).all_ids():
                        reader.stored_fields(docnum)
                        break
        except Exception as error:  # EmptyIndexError, EOFError, UnpicklingError...
            return f"index damaged ({type(error).__name__})"
        return ix, manifest

    def _fresh(self, reason: str) -> tuple[Index, dict]:
        """A new empty index, built beside the old one and swapped in by rename."""
        self.location.parent.mkdir(parents=True, exist_ok=True)
        building = self.location.with_name(self.location.name + f".new-{os.getpid()}")
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir(parents=True)
        _storage(building).create_index(make_schema())
        if self.location.exists():
            old = self.location.with_name(self.location.name + f".old-{os.getpid()}")
            os.replace(self.location, old)
            os.replace(building, self.location)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(building, self.location)
        self._write_manifest({})
        return _storage(self.location).open_index(), {"files": {}}

    def update(
        self,
        *,
        rebuild: bool = False,
        progress: Progress | None = None,
        on_article: ArticleRead | None = None,
    ) -> UpdateReport:
        """Bring the index up to date with the corpus folder.

        One process updates at a time (a lock file beside the index, held for the whole
        update, so two first builds never replace each other's folder); another one gets
        IndexBusy at once.
        """
        self.location.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.location) + ".lock")
        try:
            lock.acquire(timeout=0)
        except Timeout as error:
            raise IndexBusy(
                "the index is being updated by another Dossier; searching the last version"
            ) from error
        try:
            return self._update(rebuild=rebuild, progress=progress, on_article=on_article)
        finally:
            lock.release()

    def _update(
        self, *, rebuild: bool, progress: Progress | None, on_article: ArticleRead | None
    ) -> UpdateReport:
        started = time.perf_counter()
        report = UpdateReport()
        opened = "rebuild requested" if rebuild else self._open_existing()
        if isinstance(opened, str):
            ix, manifest = self._fresh(opened)
            if opened not in ("no index yet", "rebuild requested"):
                report.rebuilt = opened
        else:
            ix, manifest = opened
        self._ix = ix

        scan = scan_corpus(self.root)
        report.skipped.extend(scan.skipped)
        old_files: dict[str, dict] = manifest["files"]
        new_files: dict[str, dict] = {}
        to_load: list[SourceFile] = []
        stale_ids: set[str] = set()
        for source in scan.files:
            rel = source.rel
            entry = old_files.get(rel)
            stat = {"id": source.id, "size": source.size, "mtime_ns": source.mtime_ns}
            if (
                entry
                and entry.get("id") == source.id
                and entry.get("size") == source.size
                and (entry.get("mtime_ns") == source.mtime_ns)
            ):
                new_files[rel] = entry
                report.unchanged += 1
                continue
            try:
                digest = _file_digest(source.path)
            except OSError as error:
                reason = f"cannot be read ({error.strerror or error})"
                report.skipped.append(Skipped(source.path, reason))
                # Recorded, so the library leaves it out (until the file changes).
                new_files[rel] = {**stat, "sha256": "", "passages": 0, "error": reason}
                if entry:  # its old passages are not searchable any more
                    stale_ids.add(entry["id"])
                    report.changed += 1
                continue
            if entry and entry.get("sha256") == digest and entry.get("id") == source.id:
                new_files[rel] = {**entry, **stat}
                report.changed += 1
                report.touched += 1
                continue
            if entry:
                report.changed += 1
                stale_ids.add(entry["id"])
            else:
                report.added += 1
            new_files[rel] = {**stat, "sha256": digest, "passages": 0}
            to_load.append(source)
        for rel, entry in old_files.items():
            if rel not in new_files:
                report.removed += 1
                stale_ids.add(entry["id"])

        if to_load or stale_ids:
            options: dict[str, object] = {"limitmb": 128}
            cores = os.cpu_count() or 1
            if not old_files and len(to_load) >= PARALLEL_FROM and cores > 1:
                # A first build of a large corpus: Whoosh's own parallel writer, which leaves
                # one segment per process (measured: 1.4x the single writer on 2 cores).
                options.update(procs=min(cores, 4), multisegment=True, limitmb=64)
            try:
                writer = ix.writer(**options)
            except LockError as error:
                report.busy = True
                report.seconds = time.perf_counter() - started
                raise IndexBusy(
                    "the index is being updated by another Dossier; searching the last version"
                ) from error
            try:
                start_subwriters(writer)
                if ix.doc_count_all():
                    # A commit whose manifest was never written (killed in between, a full
                    # disk): the files it added would otherwise be added twice.
                    stale_ids.update(source.id for source in to_load)
                for article_id in stale_ids:
                    writer.delete_by_term("article", article_id)
                for source, loaded in zip(to_load, _load_many(to_load, progress), strict=True):
                    rel = source.rel
                    if isinstance(loaded, str):
                        report.skipped.append(Skipped(source.path, loaded))
                        new_files[rel]["passages"] = 0
                        new_files[rel]["error"] = loaded
                        continue
                    info = ArticleInfo.of(loaded, rel)
                    new_files[rel]["info"] = info.as_json()
                    if on_article:
                        on_article(info)
                    for document in passage_documents(loaded):
                        writer.add_document(**document)
                    new_files[rel]["passages"] = len(loaded.passages)
                    report.passages += len(loaded.passages)
                if progress:
                    progress(len(to_load), len(to_load), "writing")
                writer.commit()
            except BaseException:
                cancel_writer(writer)
                raise
            self._write_manifest(new_files)
            self._invalidate()
        elif new_files != old_files:
            self._write_manifest(new_files)
        report.seconds = time.perf_counter() - started
        return report

    def open(
        self, progress: Progress | None = None, on_article: ArticleRead | None = None
    ) -> UpdateReport:
        """Open for searching, updating first; when another process is writing, search what
        is there and say so in the report."""
        try:
            return self.update(progress=progress, on_article=on_article)
        except IndexBusy:
            opened = self._open_existing()
            if isinstance(opened, str):
                raise IndexBusy(
                    "the index is being built by another Dossier; try again when it is done"
                ) from None
            self._ix = opened[0]
            return UpdateReport(busy=True)

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
                rows.append(
                    ArticleInfo(
                        id=source.id,
                        rel=source.rel,
                        title=str(info.get("title") or source.id),
                        source=info.get("source"),
                        published=info.get("published"),
                        words=int(info.get("words") or 0),
                        passages=int(info.get("passages") or 0),
                    )
                )
            else:
                rows.append(ArticleInfo(id=source.id, rel=source.rel, title=source.id, read=False))
        return rows

    # --- searching ---------------------------------------------------------------------------

    def _invalidate(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._vocabulary = None

    def _ensure_searcher(self):  # type: ignore[no-untyped-def]
        if self._ix is None:
            self.open()
        if self._searcher is None:
            assert self._ix is not None
            self._searcher = self._ix.searcher()
            preload_field_lengths(self._searcher, SCORED_FIELDS)
            self._parser = make_parser(self._ix.schema)
        return self._searcher

    def close(self) -> None:
        self._invalidate()

    def search(self, text: str, limit: int = 20) -> SearchResult:
        """Passages matching `text`, best first, with highlighted snippets."""
        result = SearchResult(query=text)
        with self._lock:
            searcher = self._ensure_searcher()
            try:
                query = parse(self._parser, text, searcher.reader())
            except QueryError as error:
                result.error = str(error)
                return result
            try:
                hits = _run(searcher, query, limit)
            except Exception as error:  # EOFError, UnpicklingError: damage found while reading
                result.error = (
                    f"the index could not be read ({type(error).__name__}); "
                    "`dossier index --rebuild` rebuilds it"
                )
                return result
            result.total = len(hits)
            result.terms = positive_terms(query)
            for hit in hits:
                text_ = hit["text"]
                snip, offsets = snippet(text_, query_spans(text_, result.terms))
                result.hits.append(
                    Hit(
                        article=hit["article"],
                        title=hit["title"],
                        passage=hit["passage"],
                        kind=hit["kind"],
                        score=hit.score or 0.0,
                        snippet=snip,
                        matches=offsets,
                    )
                )
            if result.total < SUGGEST_BELOW:
                result.suggestion = self._suggest(text, searcher.reader())
        return result

    def _suggest(self, text: str, reader) -> str | None:  # type: ignore[no-untyped-def]
        """The query with unknown words replaced by the closest words of the index."""
        if self._vocabulary is None:
            self._vocabulary = [t for t in reader.field_terms("exact") if t.isalpha()]
        suggestion = text
        changed = False
        for token in re.finditer(r"[^\W\d_]+", text):
            word = token.group().lower()
            if len(word) < 4 or reader.doc_frequency("exact", word):
                continue
            cutoff = 1 if len(word) < 6 else 2
            candidates = process.extract(
                word, self._vocabulary, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=10
            )
            if not candidates:
                continue
            best = min(candidates, key=lambda c: (c[1], -reader.doc_frequency("exact", c[0])))
            suggestion = suggestion.replace(token.group(), best[0], 1)
            changed = True
        return suggestion if changed else None
