"""The reader app driven by Pilot: every key a user has, and what the screen then shows."""

from __future__ import annotations

from pathlib import Path

import yaml
from textual.command import CommandPalette
from textual.widgets import Input, Static

from search.userdata import locations
from tests.support import write
from tests.support.pilot import (
    cursor_block,
    drawn_text,
    library,
    notices,
    open_row,
    passage_texts,
    ready,
    status,
    view,
)
from tui.dialogs.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.widgets.article_pane import ArticlePane, OriginalView
from tui.widgets.passage import PassageBlock

JASSY = "Jassy Defends Amazon's $200B AI Spending Spree"


async def test_library_lists_the_seeds_and_has_focus(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        titles = [row.info.title for row in library(pilot).rows]
        assert len(titles) == 5 and titles == sorted(titles, key=str.casefold)
        assert titles[-1] == JASSY
        assert status(pilot) == "5 articles · index up to date"
        assert library(pilot).has_focus


async def test_a_first_start_builds_the_index_and_says_so(make_app) -> None:
    app = make_app(fresh_index=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert status(pilot) == "5 articles · index updated (5 added, 0 changed, 0 removed)"


async def test_enter_opens_a_clean_article_with_its_details(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, "How Amazon aligned")
        article = view(pilot).article
        assert article is not None and article.id.startswith("002")
        texts = passage_texts(pilot)
        assert texts[0].startswith("Before Amazon could build thousands of AI applications")
        assert not any("Enjoying this read" in t for t in texts)
        assert view(pilot).has_focus and view(pilot).cursor == 0
        removed = " ".join(drawn_text(app.screen.query_one("#sidebar-removed")).split())
        assert "10 Enjoying this read? Share the smartest part" in removed  # line, then text
        heading = str(app.screen.query_one("#removed-heading", Static).render())
        assert (
            heading.startswith("Removed by cleaning (")
            and heading != "Removed by cleaning (0 lines)"
        )


async def test_passage_cursor_moves_with_shift_j_and_k(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, "How Amazon aligned")
        await pilot.press("J", "J", "J")
        await pilot.pause()
        assert view(pilot).cursor == 3 and cursor_block(pilot).passage.index == 3
        await pilot.press("K")
        await pilot.pause()
        assert cursor_block(pilot).passage.index == 2


async def test_scrolling_keys_move_the_view_and_carry_the_cursor(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, "Big factory")  # 003: the longest seed
        pane = view(pilot)
        await pilot.press("j", "j")
        await pilot.pause()
        assert pane.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert pane.scroll_y == 1
        await pilot.press("space")
        await pilot.pause()
        paged = pane.scroll_y
        assert paged > 20
        assert cursor_block(pilot).virtual_region.y >= paged  # the cursor followed the page
        await pilot.press("u")
        await pilot.pause()
        assert pane.scroll_y < paged
        await pilot.press("G")
        await pilot.pause()
        assert pane.cursor == len(pane.article.passages) - 1
        assert pane.scroll_y == pane.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert pane.cursor == 0 and pane.scroll_y == 0


async def test_brackets_go_to_the_next_and_previous_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        rows = [row.info.id for row in library(pilot).rows]
        await open_row(pilot, "Big factory")
        start = rows.index(view(pilot).article.id)
        await pilot.press("right_square_bracket")
        await ready(pilot)
        assert view(pilot).article.id == rows[start + 1]
        assert library(pilot).current == rows[start + 1]
        await pilot.press("left_square_bracket", "left_square_bracket")
        await ready(pilot)
        assert view(pilot).article.id == rows[start - 1]


async def test_o_shows_the_original_file_with_removed_lines_and_reasons(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, "How Amazon aligned")
        await pilot.press("o")
        await pilot.pause()
        original = app.screen.query_one(OriginalView)
        assert original.display and original.has_focus
        text = str(original.query_one("#original-text", Static).render())
        assert "Enjoying this read" in text  # the promo line is in the file...
        promo = next(line for line in text.splitlines() if "Enjoying this read" in line)
        assert "←" in promo  # ...marked with why cleaning removed it
        await pilot.press("o")
        await pilot.pause()
        assert not original.display and view(pilot).has_focus


async def test_search_as_you_type_then_enter_opens_the_hit(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"Trainium")
        await ready(pilot)
        assert len(app.screen.result.hits) == 13
        assert str(app.screen.query_one("#search-status", Static).render()).startswith(
            "13 passages in 4 articles match"
        )
        first = app.screen.result.hits[0]
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert view(pilot).article.id == first.article
        assert view(pilot).cursor == first.passage
        block = cursor_block(pilot)
        highlighted = [block.passage.text[s:e] for s, e in block._layers["search"]]
        assert highlighted and {w.lower() for w in highlighted} == {"trainium"}
        assert status(pilot).startswith("Hit 1 of 13 for “Trainium”")


async def test_n_and_shift_n_walk_the_hits_across_articles(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"Trainium")
        await ready(pilot)
        hits = app.screen.result.hits
        await pilot.press("enter")
        await ready(pilot)
        seen = [(view(pilot).article.id, view(pilot).cursor)]
        for _ in range(len(hits) - 1):
            await pilot.press("n")
            await ready(pilot)
            seen.append((view(pilot).article.id, view(pilot).cursor))
        assert seen == [(h.article, h.passage) for h in hits]
        assert len({article for article, _ in seen}) == 4  # across articles
        await pilot.press("N")
        await ready(pilot)
        assert (view(pilot).article.id, view(pilot).cursor) == seen[-2]


async def test_search_history_walks_with_up_and_persists(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        for query in ("robots", "Trainium"):
            await pilot.press("slash", "ctrl+a", "ctrl+k", *query)
            await ready(pilot)
            await pilot.press("enter")
            await ready(pilot)
    state = yaml.safe_load((locations.data_dir() / "state.yaml").read_text())
    assert state["version"] == 1 and state["history"] == ["robots", "Trainium"]
    again = make_app()
    async with again.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        field = again.screen.query_one("#search-input", Input)
        await pilot.press("up")
        assert field.value == "Trainium"
        await pilot.press("up")
        assert field.value == "robots"
        await pilot.press("down", "down")
        assert field.value == ""


async def test_did_you_mean_is_one_key_away(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"Trainum")
        await ready(pilot)
        line = str(app.screen.query_one("#search-status", Static).render())
        assert "did you mean “trainium”? ctrl+r" in line
        await pilot.press("ctrl+r")
        await ready(pilot)
        assert app.screen.query_one("#search-input", Input).value == "trainium"
        assert len(app.screen.result.hits) == 13


async def test_a_bad_query_is_explained_in_one_line(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"a*")
        await ready(pilot)
        line = str(app.screen.query_one("#search-status", Static).render())
        assert line.startswith("'a*' is too short")
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_ctrl_f_finds_in_the_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, "How Amazon aligned")
        await pilot.press("ctrl+f", *"chips")
        await pilot.pause()
        article = view(pilot).article
        total = sum(p.text.lower().count("chips") for p in article.passages)
        assert status(pilot) == f"Find: match 1 of {total}"
        first = view(pilot).cursor
        assert "chips" in article.passages[first].text.lower()
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert status(pilot) == f"Find: match 3 of {total}"
        await pilot.press("escape")
        await pilot.pause()
        assert view(pilot).has_focus
        assert not any(block._layers for block in view(pilot).query(PassageBlock))


async def test_y_copies_the_passage_with_title_and_source(make_app) -> None:
    app = make_app()
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, "Jassy")
        await pilot.press("J", "J", "J", "y")
        await pilot.pause()
        passage = view(pilot).article.passages[3].text
        assert copied == [f"{passage}\n\n— {JASSY} · GeekWire"]


async def test_question_mark_lists_the_keys_from_the_bindings(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one(Static).render())
        for line in ("Next passage", "Previous passage", "Search", "Find in article", "Original"):
            assert line in text
        assert "reader.search" in text  # the id to rebind it with
        rules = str(app.screen.query_one("#help-rules", Static).render())
        assert "Searching (/): the rules" in rules
        assert '"Quoted words" are required' in rules and "prefix* finds words" in rules
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_keys_can_be_rebound_in_config_yaml(make_app) -> None:
    write(locations.config_dir(), "config.yaml", "keys:\n  reader.search: ctrl+k\n")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, ReaderScreen)  # "/" no longer searches
        await pilot.press("ctrl+k")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert "ctrl+k" in str(app.screen.query_one(Static).render()).lower() or "^k" in str(
            app.screen.query_one(Static).render()
        )


async def test_command_palette_runs_reader_actions(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, "How Amazon aligned")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"toggle original")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await ready(pilot)
        assert app.screen.query_one(ArticlePane).showing_original


async def test_command_palette_edits_the_details(make_app) -> None:
    from tui.dialogs.details import DetailsDialog

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, "How Amazon aligned")
        await pilot.press("ctrl+p", *"edit details")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(app.screen, DetailsDialog)


async def test_command_palette_opens_an_article_by_title(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"big factory lays")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await ready(pilot)
        assert view(pilot).article.id.startswith("003")


async def test_ctrl_t_goes_through_dossiers_themes_and_the_choice_persists(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert app.theme == "dossier-dark"
        assert {"dossier-dark", "dossier-light", "dossier-high-contrast"} <= set(
            app.available_themes
        )
        seen = []
        for _ in range(3):
            await pilot.press("ctrl+t")
            await ready(pilot)
            assert isinstance(app.screen, ReaderScreen)  # no picker: the next theme at once
            seen.append(app.theme)
        assert seen == ["dossier-high-contrast", "dossier-light", "dossier-dark"]
        await pilot.press("ctrl+t", "ctrl+t")
        await ready(pilot)
        assert app.theme == "dossier-light"
        assert "Theme: dossier-light · ctrl+t for the next" in notices(app)
    again = make_app()
    async with again.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert again.theme == "dossier-light"


async def test_a_broken_theme_file_is_reported_and_skipped(make_app) -> None:
    themes = locations.config_dir() / "themes"
    write(themes, "broken.yaml", "name: broken\nprimary: [not, a, colour\n")
    write(themes, "badcolour.yaml", "name: badcolour\nprimary: '#zzzzzz'\n")
    write(locations.config_dir(), "config.yaml", "theme: badcolour\n")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        messages = notices(app)
        assert "theme file badcolour.yaml: bad colour" in " ".join(messages)
        assert "theme file broken.yaml: not valid YAML at line 3; skipped" in messages
        assert "Theme 'badcolour' not found; using dossier-dark" in messages
        assert app.theme == "dossier-dark"


async def test_reading_position_and_last_article_are_remembered(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, "Big factory")
        await pilot.press("J", "J", "J", "J")
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert view(pilot).article.id.startswith("003")
        assert view(pilot).cursor == 4
        assert library(pilot).current == view(pilot).article.id


async def test_filter_as_you_type_and_sort(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(200, 36)) as pilot:  # a library wide enough for every column
        await ready(pilot)
        await pilot.press("f", *"lays off")
        await pilot.pause()
        titles = [row.info.title for row in library(pilot).rows]
        assert len(titles) == 2 and all("lays off" in t for t in titles)
        await pilot.press("escape")
        assert library(pilot).has_focus and len(library(pilot).rows) == 5
        await pilot.press("s")  # title -> source
        await pilot.pause()
        assert library(pilot).sort_by == "source"
        sources = [row.info.source for row in library(pilot).rows]
        known = [s for s in sources if s]
        assert known == sorted(known, key=str.casefold) and sources[: len(known)] == known
        await pilot.press("s", "s")  # -> date -> words
        assert library(pilot).sort_by == "words"
        await pilot.press("S")
        words = [row.info.words for row in library(pilot).rows]
        assert words == sorted(words, reverse=True)


async def test_panes_hide_and_tab_cycles_focus(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, "Jassy")
        screen = app.screen
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert not screen.query_one("#library").display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen.query_one("#sidebar").display
        await pilot.press("ctrl+b", "ctrl+s")
        await pilot.pause()
        assert screen.query_one("#library").display and screen.query_one("#sidebar").display
        focused = []
        for _ in range(6):
            await pilot.press("tab")
            focused.append(type(app.focused).__name__)
        assert {"LibraryList", "ArticleView", "InfoSidebar", "FactList"} <= set(focused)


async def test_narrow_terminal_shows_one_pane_at_a_time(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.screen
        assert screen.has_class("-narrow")
        assert screen.query_one("#library").display and not screen.query_one("#article").display
        await open_row(pilot, "Jassy")
        assert screen.query_one("#article").display and not screen.query_one("#library").display
        assert not screen.query_one("#sidebar").display
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one("#library").display and library(pilot).has_focus


async def test_markup_and_escapes_in_an_article_are_shown_literally(
    make_app, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    write(
        corpus,
        "markup.txt",
        "[bold red]Not bold[/bold red] and [link=x]no link[/link] title\n\n"
        "A sentence of prose with [b]brackets[/b] and \x1b[31mred\x1b[0m in it, long enough.\n",
    )
    app = make_app(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        row = library(pilot).rows[0]
        assert row.title == "[bold red]Not bold[/bold red] and [link=x]no link[/link] title"
        await pilot.press("enter")
        await ready(pilot)
        title = view(pilot).query_one(".article-title", Static)
        assert str(title.render()) == row.title
        body = str(view(pilot).query(PassageBlock).first().render())
        assert "[b]brackets[/b]" in body and "\x1b" not in body


async def test_an_unreadable_corpus_folder_is_one_line(make_app, tmp_path: Path) -> None:
    corpus = tmp_path / "gone"
    corpus.mkdir()
    app = make_app(corpus)
    corpus.rmdir()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert status(pilot).startswith("corpus folder not found:")
        await pilot.press("slash", *"anything")
        await ready(pilot)
        assert isinstance(app.screen, SearchScreen)
        shown = str(app.screen.query_one("#search-status", Static).render())
        assert shown.startswith("search is unavailable: corpus folder not found:")


async def test_q_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
