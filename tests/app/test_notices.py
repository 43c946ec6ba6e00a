"""What the app tells a newcomer when something is not as expected: a key binding id in
config.yaml that does not exist, a folder of images (every one counted as skipped, at every
start), an empty folder (nothing stays "Reading…")."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from search.userdata import locations
from tests.support import SEEDS, write
from tests.support.pilot import ready, record_notices, screen_text, status

PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)


def images_and_one_article(folder: Path) -> Path:
    """One seed, four PNG images, and a fifth image saved with an article's extension."""
    seed = next(SEEDS.glob("004_*.txt"))
    write(folder, seed.name, seed.read_bytes())
    for number in range(1, 5):
        write(folder, f"photo-{number}.png", PNG)
    write(folder, "photo-5.html", PNG)
    return folder


async def test_an_unknown_binding_id_in_config_gets_a_notice(make_app) -> None:
    write(
        locations.config_dir(),
        "config.yaml",
        "keys:\n  bogus.binding: ctrl+k\n  reader.search: ctrl+k\n",
    )
    app = make_app()
    shown = record_notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        about = [notice for notice in shown if "bogus.binding" in notice]
        assert about == ["config.yaml: keys: no binding 'bogus.binding' (? lists the ids); ignored"]
        assert not any("reader.search" in notice for notice in shown)


async def test_every_image_is_counted_as_skipped_at_every_start(make_app, tmp_path: Path) -> None:
    folder = images_and_one_article(tmp_path / "photos")
    for expected in (
        "1 article · index updated (1 added, 0 changed, 0 removed) · 5 files skipped",
        "1 article · index up to date · 5 files skipped",
    ):
        app = make_app(folder)
        async with app.run_test(size=(120, 36)) as pilot:
            await ready(pilot)
            assert status(pilot) == expected


async def test_an_empty_folder_says_so_and_nothing_stays_reading(make_app, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    app = make_app(folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert status(pilot) == "0 articles · index up to date"
        assert "Reading" not in screen_text(pilot)  # nor "Reading the corpus's facts…"
        placeholder = str(app.screen.query_one(".article-placeholder", Static).render())
        assert placeholder.startswith("No articles in this folder")
