"""Keys as they really arrive: all at once (a paste, a fast typist over SSH, a terminal that
sends a burst). Every key is queued before the first is handled; none may be lost, whatever
dialog opens or field takes the focus on the way."""

from __future__ import annotations

from tests.support.pilot import bookmark, burst, open_row, ready, stored
from tui.screens.reader import ReaderScreen

SEED_000 = "Amazon(AMZN.US)"


async def test_a_burst_opens_the_note_dialog_and_fills_both_fields(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, SEED_000)
        await burst(pilot, "b", *"pasted note", "tab", *"#alpha #beta", "enter")
        assert isinstance(app.screen, ReaderScreen)
        (saved,) = stored()
        assert (saved["note"], saved["tags"]) == ("pasted note", ["alpha", "beta"])


async def test_a_burst_on_the_bookmarks_screen_appends_to_the_tags(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, SEED_000)
        await burst(pilot, "b", *"first", "tab", *"#slow", "enter")
        await burst(pilot, "B", "e", "tab", "end", *" #fast", "enter")
        (saved,) = stored()
        assert (saved["note"], saved["tags"]) == ("first", ["slow", "fast"])


async def test_a_burst_in_the_search_screen_opens_the_hit(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "slash", *"Trainium", "enter", "J")
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one("#reading")
        assert view.article is not None and "Trainium" in " ".join(
            p.text for p in view.article.passages
        )


async def test_a_burst_in_the_library_filter_keeps_every_letter(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f", *"lays off", "enter", "j")
        field = app.screen.query_one("#library-filter")
        assert field.value == "lays off"


async def test_escape_in_the_bookmarks_filter_clears_it_then_closes(make_app) -> None:
    from textual.widgets import Input

    from tui.screens.bookmarks import BookmarksScreen

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, SEED_000)
        await bookmark(pilot, "kept")
        await pilot.press("B")
        await ready(pilot)
        await pilot.press("slash", *"chips")
        await ready(pilot)
        field = app.screen.query_one("#bookmarks-filter", Input)
        assert field.value == "chips"
        await pilot.press("escape")
        await ready(pilot)
        assert isinstance(app.screen, BookmarksScreen) and field.value == ""
        await pilot.press("slash", *"kept", "enter")  # the filter kept, the list focused
        await ready(pilot)
        await pilot.press("escape")
        await ready(pilot)
        assert isinstance(app.screen, BookmarksScreen) and field.value == ""
        await pilot.press("escape")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
