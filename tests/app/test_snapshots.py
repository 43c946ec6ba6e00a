"""Pictures of every screen (pytest-textual-snapshot): a fixed terminal size, the seeds with a
prebuilt index, no clock, no blinking cursor, no timed notification in the picture.

Update after an intended change with `pytest tests/test_snapshots.py --snapshot-update` and
look at the SVGs (a diff report opens in the browser when one fails)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.support.pilot import ready

SIZE = (120, 36)


async def settle(pilot: Pilot, *keys: str) -> None:
    """Wait for the start-up workers, press `keys`, wait again, and stop every cursor blink."""
    await ready(pilot)
    for key in keys:
        await pilot.press(key)
        await ready(pilot)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_main_screen(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=settle)


def test_main_screen_at_80_columns_shows_one_pane(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=settle)


def test_facts_pane_at_80_columns(snap_compare, make_app) -> None:
    async def facts(pilot: Pilot) -> None:
        await settle(pilot, "F")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=facts)


def test_a_table_wider_than_the_pane_wraps_its_cells(snap_compare, make_app) -> None:
    async def table(pilot: Pilot) -> None:
        from tests.support.pilot import open_row, view
        from tui.widgets.passage import PassageBlock

        await settle(pilot)
        await open_row(pilot, "Jassy")
        pane = view(pilot)
        (block,) = [b for b in pane.query(PassageBlock) if b.passage.kind.value == "table"]
        pane.move_to(block.passage.index)
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=table)


def test_search_with_results(snap_compare, make_app) -> None:
    async def search(pilot: Pilot) -> None:
        await settle(pilot, "slash", *"Trainium")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=search)


def test_article_at_a_search_hit(snap_compare, make_app) -> None:
    async def open_hit(pilot: Pilot) -> None:
        await settle(pilot, "slash", *"Blue Jay", "enter")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_hit)


def test_original_view(snap_compare, make_app) -> None:
    async def original(pilot: Pilot) -> None:
        await settle(pilot, "enter", "o", "j", "j", "j")  # the file, its line cursor on line 4

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=original)


def test_help(snap_compare, make_app) -> None:
    async def help_screen(pilot: Pilot) -> None:
        await settle(pilot, "question_mark")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=help_screen)


@pytest.mark.parametrize("theme", ["dossier-dark", "dossier-light", "dossier-high-contrast"])
def test_each_theme(snap_compare, make_app, theme: str) -> None:
    async def themed(pilot: Pilot) -> None:
        pilot.app.theme = theme
        await settle(pilot, "J", "J")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=themed)


async def first_conflict(pilot: Pilot) -> None:
    """Open the facts (F) and walk down to the first fact in conflict with another article."""
    from tui.widgets.facts import FactList

    await settle(pilot, "F")
    facts = pilot.app.screen.query_one(FactList)
    while (entry := facts._entry()) is None or entry.status != "conflict":
        await pilot.press("j")
    await ready(pilot)


def test_facts_sidebar_with_marks(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(140, 40), run_before=first_conflict)


def test_a_fact_across_the_corpus(snap_compare, make_app) -> None:
    async def explore(pilot: Pilot) -> None:
        await first_conflict(pilot)
        await settle(pilot, "v")

    assert snap_compare(make_app(), terminal_size=(140, 40), run_before=explore)


def test_compare_aligned_with_the_disagreements_marked(snap_compare, make_app) -> None:
    async def compare(pilot: Pilot) -> None:
        await settle(pilot, "g", "j", "enter", "c", "n")  # seed 000 against 001, first difference

    assert snap_compare(make_app(), terminal_size=(140, 40), run_before=compare)


def saved_bookmarks() -> None:
    """Three bookmarks of seed 000 with fixed ids and dates: one in place with a note and tags,
    one made on an older version of the article (so it has moved), one whose text is gone."""
    from dataclasses import replace

    from search.bookmarks.store import BookmarkStore, new_bookmark
    from search.model import Passage
    from search.reading.corpus import load_corpus
    from tests.conftest import SEEDS

    article = next(a for a in load_corpus(SEEDS).articles if a.id.startswith("000_"))
    older = replace(
        article,
        passages=[
            Passage(0, article.passages[0].kind, "An older opening paragraph."),
            *[replace(p, index=p.index + 1) for p in article.passages],
        ],
    )
    gone = replace(article, passages=[replace(article.passages[0], text="A paragraph since cut.")])
    store = BookmarkStore()
    for number, (version, passage, note, tags) in enumerate(
        [
            (article, 2, "the total since 2022", ("layoffs",)),
            (older, 6, "", ("chips", "capex")),
            (gone, 0, "check the original", ()),
        ]
    ):
        made = new_bookmark(SEEDS, version, passage, note=note, tags=tags)
        store.add(replace(made, id=f"bm{number}", created=f"2026-11-0{number + 1}T09:00:00+00:00"))


def test_bookmarks_screen(snap_compare, make_app) -> None:
    saved_bookmarks()
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=lambda p: settle(p, "B"))
