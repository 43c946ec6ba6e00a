"""The reader app's first screen, driven by Pilot, and its snapshot."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from tests.conftest import SEEDS, write
from tui.app import create_app
from tui.screens.article import ArticleScreen
from tui.widgets.article_table import ArticleTable


async def loaded(pilot: Pilot) -> None:
    """Wait until the library has been loaded in its worker and drawn."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_library_lists_the_seeds() -> None:
    app = create_app(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        table = app.screen.query_one(ArticleTable)
        assert table.row_count == 5
        titles = [str(table.get_row_at(i)[0]) for i in range(5)]
        assert titles[4] == "Jassy Defends Amazon's $200B AI Spending Spree"
        assert str(app.screen.query_one("#status", Static).render()) == "5 articles"
        assert table.has_focus


async def test_enter_opens_the_article_and_escape_returns() -> None:
    app = create_app(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.id == "002_162fa0abf6511b64"
        texts = [str(s.render()) for s in app.screen.query(".passage")]
        assert texts[0].startswith("Before Amazon could build thousands of AI applications")
        assert not any("Enjoying this read" in t for t in texts)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(ArticleTable).cursor_row == 2


async def test_markup_in_a_title_is_shown_literally(tmp_path: Path) -> None:
    write(
        tmp_path,
        "markup.txt",
        "[bold red]Not bold[/bold red] and [link=x]no link[/link] title\n"
        "A sentence of prose that is long enough to be the body of this article.\n",
    )
    app = create_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        cell = app.screen.query_one(ArticleTable).get_row_at(0)[0]
        assert str(cell) == "[bold red]Not bold[/bold red] and [link=x]no link[/link] title"
        assert not cell.spans


async def test_skipped_files_are_counted_and_notified(tmp_path: Path) -> None:
    write(
        tmp_path,
        "fine.txt",
        "A fine title here\nA sentence of prose that is long enough for this.\n",
    )
    write(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n")
    app = create_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        assert (
            str(app.screen.query_one("#status", Static).render()) == "1 articles · 1 files skipped"
        )
        messages = [n.message for n in app._notifications]
        assert messages == ["photo.png: not an article file ('.png'; reads .txt, .md, .html)"]


async def test_q_quits() -> None:
    app = create_app(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


def test_snapshot_library(snap_compare) -> None:
    assert snap_compare(create_app(SEEDS), terminal_size=(120, 36), run_before=loaded)


def test_snapshot_library_narrow(snap_compare) -> None:
    assert snap_compare(create_app(SEEDS), terminal_size=(80, 24), run_before=loaded)
