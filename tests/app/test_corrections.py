"""The reader corrects the cleaner in the app: `x` in the original view keeps or removes the
line under its cursor, `D` edits the article's details; the article, the library, the original
view and the sidebar follow. On a copy of the seeds (corrections are keyed by the file), with
the user data directory of the test (tests/conftest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from search.userdata import locations
from tests.support import SEEDS, write
from tests.support.pilot import (
    drawn_text,
    library,
    notices,
    open_row,
    passage_texts,
    ready,
    status,
    view,
)
from tui.dialogs.details import DetailsDialog
from tui.widgets.article_pane import OriginalView

AMAZON = "How Amazon aligned"
FEATURED = "Want to be featured in the next issue?"  # line 12 of seed 002: removed by cleaning
BEFORE = "Before Amazon could build"  # line 2: the first paragraph


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def original_line(pilot, number: int) -> str:  # type: ignore[no-untyped-def]
    """Line `number` of the original view as drawn (its gutter, text and mark)."""
    original = pilot.app.screen.query_one(OriginalView)
    text = str(original.query_one("#original-text", Static).render())
    return next(line for line in text.splitlines() if line.lstrip().startswith(f"{number} "))


def sidebar_text(pilot) -> str:  # type: ignore[no-untyped-def]
    details = pilot.app.screen.query_one("#sidebar-details", Static)
    removed = pilot.app.screen.query_one("#removed-heading", Static)
    return " ".join(f"{drawn_text(details)} {removed.render()}".split())  # as one line


async def test_x_in_the_original_view_restores_then_removes_a_line(make_app, corpus) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, AMAZON)
        removed_before = len(view(pilot).article.removed)
        await pilot.press("o")
        await pilot.pause()
        original = app.screen.query_one(OriginalView)
        assert original.line == 1
        assert "←" in original_line(pilot, 12)
        await pilot.press(*["j"] * 11)
        assert original.line == 12
        assert not any(FEATURED in text for text in passage_texts(pilot))

        await pilot.press("x")
        await ready(pilot)
        assert status(pilot) == "Line 12 restored"
        assert any(FEATURED in text for text in passage_texts(pilot))
        assert original.display and original.line == 12  # the view and its cursor stay
        assert FEATURED in original_line(pilot, 12) and "←" not in original_line(pilot, 12)
        shown = sidebar_text(pilot)
        assert "1 line restored" in shown
        assert f"Removed by cleaning ({removed_before - 1} lines)" in shown

        await pilot.press("x")
        await ready(pilot)
        assert status(pilot) == "Line 12 removed"
        assert not any(FEATURED in text for text in passage_texts(pilot))
        assert "←" in original_line(pilot, 12) and original.line == 12
        assert f"Removed by cleaning ({removed_before} lines)" in sidebar_text(pilot)


async def test_x_removes_a_kept_line_and_marks_it_removed(make_app, corpus) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, AMAZON)
        assert any(text.startswith(BEFORE) for text in passage_texts(pilot))
        await pilot.press("o", "j", "x")
        await ready(pilot)
        assert status(pilot) == "Line 2 removed"
        assert not any(text.startswith(BEFORE) for text in passage_texts(pilot))
        assert "←" in original_line(pilot, 2)
        assert "1 line removed" in sidebar_text(pilot)


async def test_the_details_dialog_changes_the_title_in_the_library_and_heading(
    make_app, corpus
) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, AMAZON)
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DetailsDialog)
        assert app.screen.query_one("#details-title", Input).value.startswith(AMAZON)
        await pilot.press("end", "ctrl+u", *"Amazon makes its own chips", "enter")
        await ready(pilot)
        assert not isinstance(app.screen, DetailsDialog)
        heading = view(pilot).query_one(".article-title", Static)
        assert str(heading.render()) == "Amazon makes its own chips"
        titles = [row.info.title for row in library(pilot).rows]
        assert "Amazon makes its own chips" in titles
        assert not any(title.startswith(AMAZON) for title in titles)
        assert "Title Amazon makes its own chips (corrected)" in sidebar_text(pilot)
        assert status(pilot) == "Corrected: title"


async def test_a_bad_date_keeps_the_dialog_open_with_the_message(make_app, corpus) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, AMAZON)
        title = view(pilot).article.title
        await pilot.press("D", "tab")
        await pilot.press("end", "ctrl+u", *"2024-13-45", "enter")
        await ready(pilot)
        dialog = app.screen
        assert isinstance(dialog, DetailsDialog)
        problem = dialog.query_one("#details-problem", Static)
        assert problem.display and "'2024-13-45' is not a date" in str(problem.render())
        assert dialog.query_one("#details-published", Input).value == "2024-13-45"
        await pilot.press("escape")
        await ready(pilot)
        assert not isinstance(app.screen, DetailsDialog)
        assert view(pilot).article.title == title


async def test_toggling_a_line_of_an_html_page_gives_a_one_line_notice(make_app, tmp_path) -> None:
    folder = tmp_path / "pages"
    paragraph = "The council approved the new budget for the harbour after a long debate. " * 4
    write(
        folder,
        "harbour.html",
        "<html><head><title>Harbour budget approved</title></head><body><article>"
        f"<h1>Harbour budget approved</h1><p>{paragraph}</p><p>{paragraph}</p>"
        "</article></body></html>",
    )
    app = make_app(folder)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, "Harbour")
        await pilot.press("o", "x")
        await ready(pilot)
        said = [n for n in notices(app) if "HTML page" in n]
        assert said == ["an HTML page has no lines to restore or remove: fix its details"]
        assert app.screen.query_one(OriginalView).display


async def test_a_corrections_file_that_cannot_be_read_is_a_notice(make_app, corpus) -> None:
    path = locations.data_dir() / "corrections.yaml"
    write(path.parent, path.name, "version: [not yaml\n")
    app = make_app(corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, AMAZON)
        assert any("corrections file could not be read" in n for n in notices(app))


WIRE = """STANDARD OIL TO FORM FINANCIAL UNIT

CLEVELAND, Feb 26 - Standard Oil Co said it will form a financial services unit to manage the
company's cash and investments, a move analysts said was long expected by the market.

The company said the unit would start operations next month with assets of about 13.5 billion
dlrs and would be run by its current treasurer.
Reuter
"""
CLIP = """---
title: "Harbour budget approved after long debate"
source: "https://example.com/news/harbour-budget"
author:
  - "[[Jane Smith]]"
published: 2024-05-02
tags:
  - "harbour"
  - "budget"
---
The council approved the new budget for the harbour after a long debate on Tuesday evening.

The budget sets aside money for dredging, new moorings and a repaired sea wall.
"""


async def test_the_sidebar_shows_dateline_place_and_tags_and_a_corrected_date(
    make_app, tmp_path
) -> None:
    folder = tmp_path / "mixed"
    write(folder, "wire.txt", WIRE)
    write(folder, "clip.md", CLIP)
    app = make_app(folder)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, "Harbour budget")
        assert "Tags #harbour #budget" in sidebar_text(pilot)
        await open_row(pilot, "STANDARD OIL")
        shown = sidebar_text(pilot)
        assert "Dateline CLEVELAND, Feb 26 -" in shown and "Place CLEVELAND" in shown
        assert "Published —" in shown
        await pilot.press("D", "tab", *"1987-02-26", "enter")
        await ready(pilot)
        assert "Published 1987-02-26 (corrected)" in sidebar_text(pilot)
        assert status(pilot) == "Corrected: date"
