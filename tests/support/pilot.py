"""Driving the app with Pilot: waiting for its workers, finding its widgets, the keys a user
presses to open an article or bookmark a passage."""

from __future__ import annotations

import yaml
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import WorkerCancelled

from search.userdata import locations
from tui.dialogs.note import NoteDialog
from tui.widgets.article import ArticleView
from tui.widgets.bookmarks import BookmarkList
from tui.widgets.facts import FactList
from tui.widgets.library import LibraryList
from tui.widgets.passage import PassageBlock


async def ready(pilot: Pilot) -> None:
    """Wait until the app's workers (library, index, article, search) are done and drawn."""
    for _ in range(3):
        await pilot.pause()
        for _attempt in range(10):
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except WorkerCancelled:  # an exclusive job replaced by a newer one: wait for that
                await pilot.pause()
    await pilot.pause()


def drawn_text(widget: Widget) -> str:
    """The text a widget draws on screen, line by line (what the user reads)."""
    region = Region(0, 0, widget.size.width, widget.size.height)
    return "\n".join(strip.text.rstrip() for strip in widget.render_lines(region))


def record_notices(app: App) -> list[str]:
    """Keep every notification the app shows from now on (a notice leaves the screen after a
    few seconds, which a slow machine can take between the notice and the test's look at it).
    Returns the list that receives them; recording twice keeps the one list."""
    if hasattr(app, "shown_notices"):
        return app.shown_notices  # type: ignore[no-any-return]
    shown: list[str] = []
    show = app.notify

    def notify(message, *args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append(str(message))
        return show(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    app.shown_notices = shown  # type: ignore[attr-defined]
    return shown


def notices(app: App) -> list[str]:
    """Every notification the app has shown since it was made (see `record_notices`)."""
    return list(record_notices(app))


def status(pilot: Pilot) -> str:
    return str(pilot.app.screen.query_one("#status", Static).render())


def library(pilot: Pilot) -> LibraryList:
    return pilot.app.screen.query_one(LibraryList)


def view(pilot: Pilot) -> ArticleView:
    return pilot.app.screen.query_one(ArticleView)


def passage_texts(pilot: Pilot) -> list[str]:
    return [block.passage.text for block in view(pilot).query(PassageBlock)]


def cursor_block(pilot: Pilot) -> PassageBlock:
    (block,) = [b for b in view(pilot).query(PassageBlock) if b.has_class("-cursor")]
    return block


async def open_row(pilot: Pilot, title_start: str) -> None:
    rows = [row.info.title for row in library(pilot).rows]
    target = next(i for i, title in enumerate(rows) if title.startswith(title_start))
    library(pilot).focus()
    await pilot.press("g", *(["j"] * target), "enter")
    await ready(pilot)


def stored() -> list[dict]:
    path = locations.data_dir() / "bookmarks.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["bookmarks"] if path.exists() else []


def listed(pilot: Pilot) -> BookmarkList:
    return pilot.app.screen.query_one(BookmarkList)


async def bookmark(pilot: Pilot, note: str = "", tags: str = "") -> None:
    """`b`, then type the note and tags and press Enter."""
    await pilot.press("b")
    await ready(pilot)
    assert isinstance(pilot.app.screen, NoteDialog)
    await pilot.press(*note, "tab", *tags, "enter")
    await ready(pilot)


CHARS = {"tab": "\t", "enter": "\r", "space": " ", "escape": "\x1b"}  # named keys' characters


async def burst(pilot: Pilot, *keys: str) -> None:
    """Send `keys` at once, as a paste or a fast typist over SSH does: every key is queued
    before the first is handled (`pilot.press` waits for the app between keys). Then wait."""
    from textual import events
    from textual.keys import _character_to_key

    for key in keys:
        if len(key) == 1:
            name, char = (key if key.isalnum() else _character_to_key(key)), key
        else:
            name, char = key, CHARS.get(key)
        pilot.app.post_message(events.Key(name, char))
    await ready(pilot)


def screen_text(pilot: Pilot) -> str:
    """The whole screen as the user sees it, line by line (every layer composited)."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


def fact_list(pilot: Pilot) -> FactList:
    return pilot.app.screen.query_one(FactList)


async def highlight_fact(pilot: Pilot, text: str) -> None:
    """Walk the focused fact list with j until the fact written `text` is highlighted."""
    facts = fact_list(pilot)
    for _ in range(facts.option_count + 2):
        entry = facts._entry()
        if entry is not None and entry.fact.text == text:
            return
        await pilot.press("j")
    raise AssertionError(f"no fact {text!r} in the sidebar")


async def explore_fact(pilot: Pilot, title: str, text: str) -> Screen:
    """Open the article whose title starts with `title`, focus its facts (F), highlight the
    fact written `text` and press v: the fact across the corpus."""
    from tui.screens.fact import FactScreen

    await ready(pilot)
    await open_row(pilot, title)
    await pilot.press("F")
    await highlight_fact(pilot, text)
    await pilot.press("v")
    await ready(pilot)
    assert isinstance(pilot.app.screen, FactScreen)
    return pilot.app.screen
