"""The reader's panes as a newcomer meets them: at 80x24 one pane at a time, each of them
reachable (library, article, details and removed lines, facts); the key line shows whole keys;
F selects the first fact so Enter goes to it at once."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.support.pilot import cursor_block, open_row, ready, screen_text, view
from tui.widgets.facts import FactList
from tui.widgets.sidebar import InfoSidebar

AMZN = "Amazon(AMZN.US)"  # seed 000
SMALL = (80, 24)


def shown(pilot: Pilot) -> list[str]:
    screen = pilot.app.screen
    return [
        pane for pane in ("library", "article", "sidebar") if screen.query_one(f"#{pane}").display
    ]


async def test_at_80_columns_f_brings_up_the_facts_and_enter_goes_to_one(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await open_row(pilot, AMZN)
        assert shown(pilot) == ["article"]
        await pilot.press("F")
        await ready(pilot)
        assert shown(pilot) == ["sidebar"]
        facts = app.screen.query_one(FactList)
        assert app.focused is facts
        entry = facts._entry()
        assert entry is not None  # the first fact is selected
        text = screen_text(pilot)
        assert "Facts" in text and entry.fact.text in text
        await pilot.press("enter")
        await ready(pilot)
        assert shown(pilot) == ["article"] and app.focused is view(pilot)
        assert cursor_block(pilot).passage.index == max(0, entry.fact.passage)  # -1: the title


async def test_at_80_columns_tab_and_ctrl_s_reach_the_details_and_removed_lines(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await open_row(pilot, AMZN)
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert shown(pilot) == ["sidebar"]
        assert isinstance(app.focused, InfoSidebar)
        assert "Details" in screen_text(pilot) and "Words" in screen_text(pilot)
        await pilot.press("end")
        await ready(pilot)
        assert "Removed by cleaning (" in screen_text(pilot)
        visited = []
        for _ in range(3):
            await pilot.press("tab")
            await ready(pilot)
            visited += shown(pilot)
        assert visited == ["library", "article", "sidebar"]
        await pilot.press("escape")
        await ready(pilot)
        assert shown(pilot) == ["article"]
        await pilot.press("escape")
        await ready(pilot)
        assert shown(pilot) == ["library"]


async def test_the_key_line_at_80_columns_holds_whole_keys_and_help(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        line = screen_text(pilot).splitlines()[-1].strip()
        items = [item.strip() for item in line.replace("▏", "  ").split("  ") if item.strip()]
        described = {
            f"{app.get_key_display(active.binding)} {active.binding.description}"
            for active in app.screen.active_bindings.values()
        }
        assert items and all(item in described for item in items), items
        assert "? Keys" in items


async def test_f_selects_the_first_fact_so_enter_goes_to_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, AMZN)
        await pilot.press("F", "enter")
        await ready(pilot)
        first = app.screen.query_one(FactList).entries[0].fact
        assert app.focused is view(pilot)  # Enter went to the fact, not nowhere
        assert cursor_block(pilot).passage.index == max(0, first.passage)  # -1: the title


async def test_s_sorts_only_by_columns_on_screen_and_the_arrow_stays(make_app) -> None:
    from tui.widgets.library import LibraryList

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:  # a narrow library: title and date
        await ready(pilot)
        library = app.screen.query_one(LibraryList)
        seen = []
        for _ in range(4):
            await pilot.press("s")
            await ready(pilot)
            header = screen_text(pilot).splitlines()[2]
            seen.append(library.sort_by)
            assert "▲" in header, header
        assert set(seen) == {"title", "published"}
        await pilot.press("ctrl+s")  # no sidebar: the library is wider, but not enough
        await pilot.press("S")
        await ready(pilot)
        assert "▼" in screen_text(pilot).splitlines()[2]
