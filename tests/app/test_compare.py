"""The compare screen driven by Pilot: `c` opens the closest same-story article, rows aligned,
n/N walk the differences, s swaps, c picks another article, Enter/O open a side in the reader,
and below 100 columns one side is shown at a time."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from tests.support.pilot import cursor_block, library, open_row, ready
from tui.dialogs.pick import ArticlePicker
from tui.screens.compare import CompareScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.compare import AlignedRows, CompareRow

AMZN = "Amazon(AMZN.US)"  # seed 000; seed 001 is the other translation of its story
LAYOFFS = "Big factory"  # seed 003: no other article tells its story


async def compare_from(pilot: Pilot, title_start: str) -> None:
    await ready(pilot)
    await open_row(pilot, title_start)
    await pilot.press("c")
    await ready(pilot)


def rows(pilot: Pilot) -> AlignedRows:
    return pilot.app.screen.query_one(AlignedRows)


def side_text(row: CompareRow, side: str) -> str:
    return str(row.query_one(f".{side}", Static).render())


async def test_c_opens_the_other_translation_with_rows_aligned(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await compare_from(pilot, AMZN)
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.a.id[:3], screen.b.id[:3]) == ("000", "001")
        heading = str(screen.query_one("#compare-heading", Static).render())
        assert "similarity 0.80" in heading and "2 figures differ" in heading
        shown = rows(pilot).rows()
        assert [(r.row.a, r.row.b) for r in shown] == [((i,), (i,)) for i in range(16)]
        assert side_text(shown[0], "side-a").startswith("Bloomberg News reports")
        assert side_text(shown[0], "side-b").startswith("According to Zhitong Finance")


async def test_n_goes_to_the_row_where_the_figures_differ(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await compare_from(pilot, AMZN)
        await pilot.press("n")
        row = rows(pilot).rows()[rows(pilot).cursor]
        assert row.has_class("-cursor") and row.has_class("-differs")
        assert "hundreds of billions of dollars" in side_text(row, "side-a")
        assert "tens of billions of dollars" in side_text(row, "side-b")
        assert rows(pilot).cursor == 5
        await pilot.press("n")  # the last paragraph: a sentence only side A has
        assert rows(pilot).cursor == 15 and rows(pilot).rows()[15].row.only_a
        await pilot.press("N")
        assert rows(pilot).cursor == 5


async def test_s_swaps_the_sides(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await compare_from(pilot, AMZN)
        await pilot.press("s")
        await ready(pilot)
        screen = pilot.app.screen
        assert (screen.a.id[:3], screen.b.id[:3]) == ("001", "000")
        first = rows(pilot).rows()[0]
        assert side_text(first, "side-a").startswith("According to Zhitong Finance")


async def test_shift_o_opens_side_b_in_the_reader_at_that_passage(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await compare_from(pilot, AMZN)
        await pilot.press("n")
        target = rows(pilot).rows()[rows(pilot).cursor].row.b[0]
        await pilot.press("O")
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.article.id.startswith("001_")
        assert cursor_block(pilot).passage.index == target


async def test_without_a_partner_c_offers_a_picker_and_compares_with_the_choice(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await compare_from(pilot, LAYOFFS)
        assert isinstance(pilot.app.screen, ArticlePicker)
        status = str(pilot.app.screen_stack[-2].query_one("#status", Static).render())
        assert "no other article tells the story" in status
        options = pilot.app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert len(prompts) == 4 and not any(p.startswith("Big factory") for p in prompts)
        await pilot.press("enter")
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.a.id.startswith("003_") and screen.b.id.startswith("001_")
        assert screen.comparison.similarity < 0.3


async def test_c_in_compare_picks_another_article_partner_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await compare_from(pilot, AMZN)
        await pilot.press("c")
        await ready(pilot)
        options = pilot.app.screen.query_one(OptionList)
        assert str(options.get_option_at_index(0).prompt).startswith("≈ 0.")
        await pilot.press("down", "enter")
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen) and screen.a.id.startswith("000_")
        assert not screen.b.id.startswith("001_")


async def test_the_library_marks_articles_with_a_same_story_partner(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        marked = {aid[:3] for aid in library(pilot).same_story}
        assert marked == {"000", "001"}


async def test_narrow_compare_shows_one_side_and_f_flips(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(90, 30)) as pilot:
        await ready(pilot)
        await pilot.press("g", "j", "enter")  # the library fills the narrow screen
        await ready(pilot)
        await pilot.press("c")
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen) and screen.has_class("-narrow")
        first = rows(pilot).rows()[0]
        assert first.query_one(".side-a").display and not first.query_one(".side-b").display
        assert "Showing side A" in str(screen.query_one("#compare-side", Static).render())
        await pilot.press("f")
        assert not first.query_one(".side-a").display and first.query_one(".side-b").display
        assert "Showing side B" in str(screen.query_one("#compare-side", Static).render())
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReaderScreen)
