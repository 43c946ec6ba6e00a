"""The article pane and the status line as a newcomer meets them: a table wider than the pane
is all there to read; the status line says nothing that is no longer true."""

from __future__ import annotations

from search.reading import table_rows
from tests.support.pilot import drawn_text, open_row, ready, status, view
from tui.widgets.passage import PassageBlock

BOX = set("┏┳┓┃┡╇┩│└┴┘━─┼├┤┌┐╋┣┫┗┛")


async def test_a_table_wider_than_the_pane_shows_every_cell(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:  # the library and sidebar beside it
        await ready(pilot)
        await open_row(pilot, "Jassy")  # seed 004: a four-column comparison table
        pane = view(pilot)
        (table,) = [b for b in pane.query(PassageBlock) if b.passage.kind.value == "table"]
        assert table.outer_size.width <= pane.scrollable_content_region.width
        drawn = drawn_text(table)
        assert "…" not in drawn  # no cell cut short
        shown = [char for char in drawn if not char.isspace() and char not in BOX]
        cells = "".join(cell for row in table_rows(table.passage.text) for cell in row)
        assert sorted(shown) == sorted(c for c in cells if not c.isspace())


async def test_find_leaves_the_status_line_when_it_is_closed(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, "Big factory")
        before = status(pilot)
        await pilot.press("ctrl+f", *"AI")
        await ready(pilot)
        assert status(pilot).startswith("Find: match 1 of ")
        await pilot.press("escape")
        await ready(pilot)
        assert "Find:" not in status(pilot) and status(pilot) == before


async def test_a_hit_count_goes_when_another_article_opens_and_n_still_works(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"Trainium", "enter")
        await ready(pilot)
        assert status(pilot).startswith("Hit 1 of ")
        hit_article = view(pilot).article.id
        await pilot.press("left_square_bracket")  # another article: no hit in view
        await ready(pilot)
        assert view(pilot).article.id != hit_article
        assert "Hit 1 of" not in status(pilot)
        await pilot.press("n")
        await ready(pilot)
        assert status(pilot).startswith("Hit 2 of ")


async def test_compared_with_goes_when_another_article_opens(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, "Amazon(AMZN.US)")
        await pilot.press("c")
        await ready(pilot)
        await pilot.press("escape")
        await ready(pilot)
        assert status(pilot).startswith("compared with ")
        await pilot.press("right_square_bracket")
        await ready(pilot)
        assert "compared with" not in status(pilot)
