"""Broken state in the app: the corpus folder deleted under it, a damaged index, truncated
bookmarks, history and config files, a full disk. The next start recovers by itself, keeps
what was saved before, and says what it did."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from filelock import FileLock
from textual.widgets import Static

from search.bookmarks.store import BookmarkStore, new_bookmark
from search.reading.corpus import load_corpus
from search.userdata import locations, storage
from tests.support import write
from tests.support.pilot import bookmark, ready, stored
from tui.screens.reader import ReaderScreen
from tui.widgets.article import ArticleView


def notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#status", Static).render())


async def test_the_corpus_folder_deleted_while_the_app_runs(make_app, three_seeds: Path) -> None:
    app = make_app(three_seeds)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shutil.rmtree(three_seeds)
        await pilot.press("right_square_bracket")  # the next article: its file is gone
        await ready(pilot)
        assert any("is no longer in the corpus folder" in m for m in notices(app))
        await bookmark(pilot, "still works")  # the open article is in memory
        assert [b["note"] for b in stored()] == ["still works"]
        await pilot.press("slash", *"Trainium", "enter")  # the index outlives the folder
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen) and "Hit 1 of" in status(app)


async def test_a_damaged_index_is_rebuilt_at_the_next_start(make_app, three_seeds: Path) -> None:
    async with make_app(three_seeds).run_test() as pilot:
        await ready(pilot)
    index = next(p for p in three_seeds.parent.iterdir() if p.name == "index-corpus")
    for segment in index.glob("*.seg"):
        segment.write_bytes(b"\0garbage" * 100)
    for toc in index.glob("*.toc"):
        toc.write_bytes(toc.read_bytes()[:20])
    app = make_app(three_seeds)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert any(
            m.startswith("The search index was rebuilt: index damaged") for m in notices(app)
        )
        await pilot.press("slash", *"Trainium", "enter")
        await ready(pilot)
        assert "Hit 1 of" in status(app)


async def test_a_second_dossier_waits_for_the_first_ones_build_then_opens_it(
    make_app, three_seeds: Path
) -> None:
    app = make_app(three_seeds)
    other = FileLock(
        str(three_seeds.parent / "index-corpus") + ".lock"
    )  # another Dossier builds
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


async def test_truncated_bookmarks_history_and_config_files(make_app, three_seeds: Path) -> None:
    article = load_corpus(three_seeds).articles[0]
    store = BookmarkStore()
    for passage in (1, 2):
        store.add(new_bookmark(three_seeds, article, passage, note=f"note {passage}"))
    saved = store.file.path.read_text(encoding="utf-8")
    cut = saved[: saved.index("- id:", saved.index("note 1"))]  # the second one is cut off
    store.file.path.write_text(cut, encoding="utf-8")
    state = locations.data_dir() / "state.yaml"
    write(state.parent, state.name, "version: 1\nhistory: [Trainium, \n")
    config = locations.config_dir() / "config.yaml"
    write(config.parent, config.name, "theme: dossier-light\nkeys: {reader.search: ")
    app = make_app(three_seeds)
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
