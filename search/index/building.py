"""Building the index: reading (cleaning) the corpus's files, on every core for a large first
build, and writing their passages; only files added, changed or removed are read again."""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from filelock import FileLock, Timeout
from whoosh import index as windex
from whoosh.index import Index, LockError

from search.errors import IndexBusy, LoadError
from search.index.copies import fingerprint
from search.index.lengths import WritingCodec
from search.index.processes import cancel_writer, ignore_interrupt, start_subwriters
from search.index.results import UpdateReport
from search.index.schema import (
    LENGTH_FIELDS,
    SCHEMA_VERSION,
    cleaner_version,
    make_schema,
    passage_documents,
    storage,
)
from search.index.sketches import update_copies
from search.model import Article, ArticleInfo, Skipped, SourceFile
from search.reading.corpus import scan_corpus
from search.reading.loader import load_article

PARALLEL_FROM = 200  # files; below this, cleaning in one process is faster than a pool

Progress = Callable[[int, int, str], None]  # (done, total, what)
ArticleRead = Callable[[ArticleInfo], None]  # an article was read (for the library, live)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


Loaded = tuple[Article, dict[str, object]] | str  # an article and its copy sketch, or why not


def _load(source: SourceFile) -> Loaded:
    """The clean article and its copy sketch (made here, in the cleaning process), or why the
    file cannot be read."""
    try:
        article = load_article(source)
    except LoadError as error:
        return str(error)
    except Exception as error:  # one file's failure skips that file, never the build
        return f"could not be read ({type(error).__name__}: {error})"
    return article, fingerprint(article)


def _corrections(root: Path) -> dict[str, str]:
    """The digest of the reader's corrections of each file of the corpus (by path)."""
    from search.corrections import shared_store

    try:  # the shared store: what reading the file found (moved aside...) reaches the user
        return {rel: fixes.digest() for rel, fixes in shared_store().corpus(root).items()}
    except Exception:  # unreadable corrections never stop a build: they are listed elsewhere
        return {}


LOAD_CHUNK = 16  # articles per task sent to a cleaning process
LOAD_AHEAD = 16  # tasks in flight: at most 256 articles cleaned ahead of the writer


def _load_chunk(sources: list[SourceFile]) -> list[Loaded]:
    return [_load(source) for source in sources]


def _load_many(sources: list[SourceFile], progress: Progress | None) -> Iterator[Loaded]:
    """Load (clean) articles in order, on every core when there are many. A generator that
    cleans at most LOAD_CHUNK * LOAD_AHEAD articles ahead of the consumer: the writer is the
    slow side, and 20k clean articles held at once cost 380 MB."""
    if len(sources) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        for done, source in enumerate(sources, start=1):
            yield _load(source)
            if progress:
                progress(done, len(sources), "reading")
        return

    def in_order() -> Iterator[list[Loaded]]:
        pending: deque[Future[list[Loaded]]] = deque()
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


class Building:
    """The building half of `CorpusIndex` (search/index/corpus_index.py)."""

    root: Path
    location: Path
    _ix: Index | None
    _known_files: dict[str, dict] | None  # the manifest's files, once read or written
    _known_copies: dict[str, list]  # the manifest's articles that have copies

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
        if manifest.get("cleaner") != cleaner_version():
            return "the cleaner changed since the index was built: every article is read again"
        try:
            ix = storage(self.location).open_index()
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
        storage(building).create_index(make_schema())
        if self.location.exists():
            old = self.location.with_name(self.location.name + f".old-{os.getpid()}")
            os.replace(self.location, old)
            os.replace(building, self.location)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(building, self.location)
        self._known_copies = {}
        self._write_manifest({})
        return storage(self.location).open_index(), {"files": {}}

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
        fixes = _corrections(self.root)  # the reader's: a file whose corrections change is re-read
        old_files: dict[str, dict] = manifest["files"]
        new_files: dict[str, dict] = {}
        to_load: list[SourceFile] = []
        stale_ids: set[str] = set()
        for source in scan.files:
            rel = source.rel
            entry = old_files.get(rel)
            stat = {"id": source.id, "size": source.size, "mtime_ns": source.mtime_ns}
            corrected = fixes.get(rel, "")
            if corrected:
                stat["corrections"] = corrected
            if (
                entry
                and entry.get("id") == source.id
                and entry.get("size") == source.size
                and (entry.get("mtime_ns") == source.mtime_ns)
                and entry.get("corrections", "") == corrected
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
            if (
                entry
                and entry.get("sha256") == digest
                and entry.get("id") == source.id
                and entry.get("corrections", "") == corrected
            ):
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

        copies: dict[str, list] = manifest.get("copies") or {}
        self._known_copies = copies  # unless the update below finds them anew
        sketches: dict[str, dict] = {}  # of the articles read now
        if to_load or stale_ids:
            options: dict[str, object] = {"limitmb": 128, "codec": WritingCodec(LENGTH_FIELDS)}
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
                    article, sketch = loaded
                    info = ArticleInfo.of(article, rel)
                    new_files[rel]["info"] = info.as_json()
                    sketches[article.id] = sketch
                    if on_article:
                        on_article(info)
                    for document in passage_documents(article):
                        writer.add_document(**document)
                    new_files[rel]["passages"] = len(article.passages)
                    report.passages += len(article.passages)
                if progress:
                    progress(len(to_load), len(to_load), "writing")
                writer.commit()
            except BaseException:
                cancel_writer(writer)
                raise
            self._known_copies = self._update_copies(sketches, stale_ids, new_files)
            self._write_manifest(new_files)  # (with `_known_copies`)
            self._invalidate()
        elif new_files != old_files:
            self._write_manifest(new_files)
        self._known_files = new_files
        report.seconds = time.perf_counter() - started
        return report

    def _update_copies(
        self, read: dict[str, dict], gone: set[str], files: dict[str, dict]
    ) -> dict[str, list]:
        """The copy sketches with those of the articles just read, those of articles gone
        left out (search/index/sketches.py); the articles that have copies, for the manifest."""
        present = {entry["id"] for entry in files.values() if not entry.get("error")}
        return update_copies(self.location, read, gone, present)

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
            self._ix, self._known_files = opened[0], opened[1]["files"]
            self._known_copies = opened[1].get("copies") or {}
            self._invalidate()
            return UpdateReport(busy=True)
