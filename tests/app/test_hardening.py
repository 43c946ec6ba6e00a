"""Bad input in the app: the corpus of every kind of broken file (tests/conftest.py `zoo`)
is listed, opened and searched; each bad file is a notice."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.support.pilot import ready, record_notices
from tests.support.zoo import OPENS, SKIPPED, title_mismatches
from tui.screens.reader import ReaderScreen
from tui.widgets.article import ArticleView
from tui.widgets.library import LibraryList
from tui.widgets.passage import PassageBlock


async def test_the_app_lists_opens_and_searches_the_good_files(make_app, zoo: Path) -> None:
    app = make_app(zoo)
    warned = record_notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        status = str(app.screen.query_one("#status", Static).render())
        assert f"{len(SKIPPED)} files skipped" in status
        assert any(": binary file" in m or ": link back" in m or ": empty" in m for m in warned)
        rows = app.screen.query_one(LibraryList).rows
        titles = {row.info.id: row.info.title for row in rows}
        assert title_mismatches(titles) == {}
        for article_id, title in OPENS.items():
            app.screen.open_article(article_id)
            await ready(pilot)
            view = app.screen.query_one(ArticleView)
            assert view.article is not None and view.article.id == article_id
            shown = str(view.query_one(".article-title", Static).render())
            assert shown.startswith(title)  # literally: markup as written, escapes gone
        assert len(view.query(PassageBlock)) == len(view.article.passages)  # the 5 MB line too
        await pilot.press("slash", *"chips", "enter")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert "Hit 1 of" in str(app.screen.query_one("#status", Static).render())
