"""The command palette (ctrl+p): it opens any article of the corpus, whatever the library's
filter shows, and the keys it names beside each action are the keys bound now."""

from __future__ import annotations

from textual.command import CommandPalette

from search.userdata import locations
from tests.support import write
from tests.support.pilot import library, ready, screen_text, view


async def test_the_palette_opens_an_article_the_library_filter_hides(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f", *"lays off", "enter")
        await ready(pilot)
        assert len(library(pilot).rows) == 2  # Jassy's article is not among them
        await pilot.press("ctrl+p", *"jassy defends")
        await pilot.pause(0.5)
        assert "Open: Jassy Defends Amazon" in screen_text(pilot)
        await pilot.press("enter")
        await ready(pilot)
        assert view(pilot).article.title.startswith("Jassy Defends Amazon")


async def test_the_palette_names_the_keys_as_the_user_bound_them(make_app) -> None:
    write(locations.config_dir(), "config.yaml", "keys:\n  reader.search: ctrl+k\n")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"search the corpus")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        text = screen_text(pilot)
        assert "Full-text search across every article (^k)" in text
        assert "(/)" not in text
