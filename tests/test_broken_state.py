"""Broken state: the corpus folder deleted under the app, a damaged index, truncated bookmarks,
history and config files, a full disk, and processes killed mid-write. The next start recovers
by itself, keeps what was saved before, and says what it did."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock
from textual.widgets import Static

from search.bookmarks.store import BookmarkStore, new_bookmark
from search.index.corpus_index import CorpusIndex
from search.reading.corpus import load_corpus
from search.userdata import locations, storage
from tests.conftest import SEEDS, ready, write
from tests.test_app_bookmarks import bookmark, stored
from tui.screens.reader import ReaderScreen
from tui.widgets.article import ArticleView


def notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#status", Static).render())


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, folder / seed.name)
    return folder


async def test_the_corpus_folder_deleted_while_the_app_runs(make_app, corpus: Path) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shutil.rmtree(corpus)
        await pilot.press("right_square_bracket")  # the next article: its file is gone
        await ready(pilot)
        assert any("is no longer in the corpus folder" in m for m in notices(app))
        await bookmark(pilot, "still works")  # the open article is in memory
        assert [b["note"] for b in stored()] == ["still works"]
        await pilot.press("slash", *"Trainium", "enter")  # the index outlives the folder
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen) and "Hit 1 of" in status(app)


async def test_a_damaged_index_is_rebuilt_at_the_next_start(make_app, corpus: Path) -> None:
    async with make_app(corpus).run_test() as pilot:
        await ready(pilot)
    index = next(p for p in corpus.parent.iterdir() if p.name == "index-corpus")
    for segment in index.glob("*.seg"):
        segment.write_bytes(b"\0garbage" * 100)
    for toc in index.glob("*.toc"):
        toc.write_bytes(toc.read_bytes()[:20])
    app = make_app(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert any(
            m.startswith("The search index was rebuilt: index damaged") for m in notices(app)
        )
        await pilot.press("slash", *"Trainium", "enter")
        await ready(pilot)
        assert "Hit 1 of" in status(app)


async def test_a_second_dossier_waits_for_the_first_ones_build_then_opens_it(
    make_app, corpus: Path
) -> None:
    app = make_app(corpus)
    other = FileLock(str(corpus.parent / "index-corpus") + ".lock")  # another Dossier builds
    other.acquire()
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(50):
                await pilot.pause(0.1)
                if "Another Dossier is building the index" in status(app):
                    break
            assert "Another Dossier is building the index" in status(app)
            other.release()  # its build is done
            await ready(pilot)
            assert "index updated" in status(app)
            await pilot.press("slash", *"Trainium", "enter")
            await ready(pilot)
            assert "Hit 1 of" in status(app)
    finally:
        other.release()


async def test_truncated_bookmarks_history_and_config_files(make_app, corpus: Path) -> None:
    article = load_corpus(corpus).articles[0]
    store = BookmarkStore()
    for passage in (1, 2):
        store.add(new_bookmark(corpus, article, passage, note=f"note {passage}"))
    saved = store.file.path.read_text(encoding="utf-8")
    cut = saved[: saved.index("- id:", saved.index("note 1"))]  # the second one is cut off
    store.file.path.write_text(cut, encoding="utf-8")
    state = locations.data_dir() / "state.yaml"
    write(state.parent, state.name, "version: 1\nhistory: [Trainium, \n")
    config = locations.config_dir() / "config.yaml"
    write(config.parent, config.name, "theme: dossier-light\nkeys: {reader.search: ")
    app = make_app(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notices(app)
        assert any(m.startswith("config.yaml is not valid YAML at line 2; ignored") for m in shown)
        assert any(
            m.startswith("reading state file could not be read (not valid YAML at line 3); kept as")
            for m in shown
        )
        assert any(m.startswith("bookmarks file was cut short") for m in shown)
        await bookmark(pilot, "after the damage")
        assert [b["note"] for b in stored()] == ["note 1", "after the damage"]
    (aside,) = store.file.path.parent.glob("bookmarks.yaml.corrupt-*")
    assert aside.read_text(encoding="utf-8") == cut  # the file as found, kept
    (aside,) = state.parent.glob("state.yaml.corrupt-*")
    assert aside.read_text(encoding="utf-8") == "version: 1\nhistory: [Trainium, \n"


async def test_a_full_disk_loses_nothing(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await bookmark(pilot, "saved before")
        before = (locations.data_dir() / "bookmarks.yaml").read_bytes()

        def disk_full(fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        with monkeypatch.context() as full:
            full.setattr(storage.os, "fsync", disk_full)
            await pilot.press("J")
            await bookmark(pilot, "no room")
        assert any(
            "could not save bookmarks (No space left on device); nothing was lost" in m
            for m in notices(app)
        )
        assert (locations.data_dir() / "bookmarks.yaml").read_bytes() == before
        assert not list(locations.data_dir().glob(".bookmarks.yaml.*.tmp"))  # no litter
        await bookmark(pilot, "room again")
        assert [b["note"] for b in stored()] == ["saved before", "room again"]
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).article is not None


def test_a_manifest_lost_after_a_commit_does_not_double_the_index(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = CorpusIndex(corpus, location=tmp_path / "index")
    index.update()
    write(corpus, "new.txt", "A new article\n\nIt mentions the word zebracorn once, here.\n")
    real = CorpusIndex._write_manifest

    def full(self, files):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(CorpusIndex, "_write_manifest", full)
    with pytest.raises(OSError):
        index.update()  # committed to Whoosh, but the manifest could not be written
    monkeypatch.setattr(CorpusIndex, "_write_manifest", real)
    again = CorpusIndex(corpus, location=tmp_path / "index")
    report = again.update()
    assert report.added == 1
    assert len(again.search("zebracorn").hits) == 1  # once, not twice


def _article(number: int) -> str:
    words = ["chips", "cloud", "robots", "layoffs", "capital", "models", "training", "costs"]
    body = " ".join(
        f"{words[(number * 7 + i) % 8]} sentence {i} of item{number}." for i in range(60)
    )
    return f"Generated article {number}\n\n{body}\n"


def _many(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """400 articles (a parallel build: cleaning processes and Whoosh's sub-writers) and an
    environment with its own cache."""
    folder = tmp_path / "many"
    for number in range(400):
        write(folder, f"a{number:03}.txt", _article(number))
    return folder, {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}


def _start_build(folder: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "dossier"), "index", "--corpus", str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a process group, as a terminal's job is
    )


def _assert_all_indexed_once(folder: Path, env: dict[str, str]) -> None:
    dossier = Path(sys.executable).parent / "dossier"
    done = subprocess.run(
        [str(dossier), "index", "--corpus", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    counts = re.search(r"(\d+) added, \d+ changed, \d+ removed, (\d+) unchanged", done.stdout)
    assert counts is not None, done.stdout
    assert int(counts[1]) + int(counts[2]) == 400  # every article is in, once
    found = subprocess.run(
        [str(dossier), "search", "item123", "--json", "--corpus", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert {hit["article"] for hit in json.loads(found.stdout)["hits"]} == {"a123"}


def _live_processes_of_group(group: int) -> list[int]:
    """Processes of a process group that are still running (zombies left out: who reaps
    orphans is up to the container's init)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[2]) == group and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def test_a_build_killed_midway_recovers_at_the_next_start(tmp_path: Path) -> None:
    folder, env = _many(tmp_path)
    build = _start_build(folder, env)
    time.sleep(2.5)  # starting Python and reading files: well inside the build
    os.killpg(build.pid, signal.SIGKILL)
    build.wait(timeout=30)
    _assert_all_indexed_once(folder, env)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a parallel build needs two cores")
def test_ctrl_c_during_a_build_stops_every_process_without_a_traceback(tmp_path: Path) -> None:
    folder, env = _many(tmp_path)
    build = _start_build(folder, env)
    deadline = time.monotonic() + 60
    while not list((tmp_path / "cache").rglob("*WRITELOCK")):  # the writer has started
        assert build.poll() is None and time.monotonic() < deadline, build.communicate()
        time.sleep(0.05)
    time.sleep(0.3)
    os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    _, stderr = build.communicate(timeout=30)
    assert build.returncode == 130
    assert stderr == "dossier: interrupted\n"  # not a traceback from each child process
    deadline = time.monotonic() + 10
    while _live_processes_of_group(build.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _live_processes_of_group(build.pid) == []
    _assert_all_indexed_once(folder, env)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a parallel build needs two cores")
def test_quitting_the_app_during_a_build_leaves_no_process_behind(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    folder, _ = _many(tmp_path)
    index = CorpusIndex(folder, location=tmp_path / "index")

    def progress(done: int, total: int, what: str) -> None:
        if done >= 100:  # the app has quit: its worker's call_from_thread raises
            raise RuntimeError("App is not running")

    failed: list[BaseException] = []

    def build() -> None:  # in a thread, as the app's worker runs it
        try:
            index.update(progress=progress)
        except RuntimeError as error:
            failed.append(error)

    worker = threading.Thread(target=build)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive() and len(failed) == 1
    assert multiprocessing.active_children() == []  # sub-writers too, not only flagged
    assert "Traceback" not in capfd.readouterr().err
    assert CorpusIndex(folder, location=tmp_path / "index").update().added == 400
