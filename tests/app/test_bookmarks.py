"""Bookmarks in the app: `b` on a passage, a mouse selection or sentences chosen with `s`, the
note dialog, the marks in the article, and the `B` screen (filter, edit, delete, undo, export,
go to the passage)."""

from __future__ import annotations

from textual.geometry import Offset
from textual.selection import Selection
from textual.widgets import Input, Static

from search.bookmarks.store import BookmarkStore
from search.text import sentence_spans
from search.userdata import locations
from tests.support import SEEDS
from tests.support.pilot import (
    bookmark,
    cursor_block,
    listed,
    notices,
    open_row,
    ready,
    stored,
    view,
)
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.passage import PassageBlock

SEED_000 = "Amazon(AMZN.US)"


async def test_b_bookmarks_the_cursor_passage_with_a_note_and_tags(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, SEED_000)
        await pilot.press("J", "J")
        await pilot.press("b")
        await ready(pilot)
        quote = str(app.screen.query_one("#note-quote", Static).render())
        assert quote.startswith("“As these layoffs bring Amazon’s total job cuts")
        await pilot.press(*"job cuts total", "tab", *"#layoffs, amazon", "enter")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        (saved,) = stored()
        passage = view(pilot).article.passages[2]
        assert (saved["passage"], saved["quote"]) == (2, passage.text)
        assert (saved["note"], saved["tags"]) == ("job cuts total", ["layoffs", "amazon"])
        marked = [
            b.passage.index for b in view(pilot).query(PassageBlock) if b.has_class("-bookmarked")
        ]
        assert marked == [2]


async def test_escape_in_the_note_dialog_saves_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, SEED_000)
        await pilot.press("b")
        await ready(pilot)
        await pilot.press(*"never mind", "escape")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert stored() == []


async def test_s_chooses_sentences_and_b_keeps_only_them(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, SEED_000)  # passage 0 has three sentences
        text = view(pilot).article.passages[0].text
        first, second, third = sentence_spans(text)
        await pilot.press("s", "s", "s", "S")  # sentences 1-3, then drop the first
        await pilot.pause()
        assert cursor_block(pilot)._layers["selection"] == [(second[0], third[1])]
        await bookmark(pilot, "two sentences")
        (saved,) = stored()
        assert saved["quote"] == text[second[0] : third[1]]
        assert not saved["quote"].startswith(text[first[0] : first[1]])
        assert "selection" not in cursor_block(pilot)._layers  # the choice is used up


async def test_a_mouse_selection_is_what_b_bookmarks(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, SEED_000)
        block = [b for b in view(pilot).query(PassageBlock) if b.passage.index == 1][0]
        app.screen.selections = {block: Selection(Offset(4, 0), Offset(40, 0))}
        await bookmark(pilot)
        (saved,) = stored()
        assert (saved["passage"], saved["start"], saved["end"]) == (1, 4, 40)
        assert saved["quote"] == block.passage.text[4:40]


async def test_the_bookmarks_screen_filters_and_goes_to_the_passage(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, SEED_000)
        await pilot.press("J")
        await bookmark(pilot, "hiring", "#robots")
        await pilot.press("J", "J", "J")
        await bookmark(pilot, "chips", "#capex")
        await pilot.press("g")  # the cursor back at the top
        await pilot.press("B")
        await ready(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        assert [b.note for b in listed(pilot).bookmarks] == ["chips", "hiring"]  # newest first
        await pilot.press("slash", *"#rob")
        await pilot.pause()
        assert [b.note for b in listed(pilot).bookmarks] == ["hiring"]
        assert "1 of 2 bookmarks" in str(app.screen.query_one("#bookmarks-status").render())
        app.screen.query_one(Input).value = "NEGLECTING"  # words of the quote
        await pilot.pause()
        assert [b.note for b in listed(pilot).bookmarks] == ["chips"]
        await pilot.press("enter", "enter")  # to the list, then open the highlighted one
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert view(pilot).cursor == 4
        assert cursor_block(pilot).has_class("-bookmarked")


async def test_delete_undo_and_edit_on_the_bookmarks_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, SEED_000)
        await bookmark(pilot, "first")
        await pilot.press("B")
        await ready(pilot)
        await pilot.press("d")
        await ready(pilot)
        assert stored() == [] and listed(pilot).bookmarks == []
        await pilot.press("u")
        await ready(pilot)
        assert [b["note"] for b in stored()] == ["first"]
        await pilot.press("e")
        await ready(pilot)
        note = app.screen.query_one("#note-text", Input)
        assert note.value == "first"
        note.value = "second thoughts"
        await pilot.press("tab", *"#revised", "enter")
        await ready(pilot)
        assert [(b["note"], b["tags"]) for b in stored()] == [("second thoughts", ["revised"])]
        assert "second thoughts" in str(listed(pilot).get_option_at_index(0).prompt)
        await pilot.press("escape")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)


async def test_x_exports_the_listed_bookmarks_as_markdown(make_app, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, SEED_000)
        await bookmark(pilot, "worth quoting", "#layoffs")
        await pilot.press("B")
        await ready(pilot)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("x")  # a second export the same day keeps the first
        await pilot.pause()
    first, second = sorted(tmp_path.glob("dossier-bookmarks-*.md"), key=lambda p: len(p.name))
    assert second.name == first.name.replace(".md", "-2.md")
    text = first.read_text(encoding="utf-8")
    assert "## Amazon(AMZN.US) dispatches strategic signals" in text
    assert "> Bloomberg News reports that Amazon" in text
    assert "worth quoting" in text and "#layoffs" in text
    assert second.read_text(encoding="utf-8") == text


async def test_an_edited_article_shows_its_bookmarks_moved_and_orphaned(make_app, tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    source = next(SEEDS.glob("000_*"))
    copy = corpus / source.name
    copy.write_bytes(source.read_bytes())
    app = make_app(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("tab")  # the first (only) article is open
        await bookmark(pilot, "the opening")
        await pilot.press("J", "J")
        await bookmark(pilot, "job cuts")
    # The article is edited: a sentence added to passage 0, passage 2 deleted.
    text = copy.read_text(encoding="utf-8")
    text = text.replace("Bloomberg News reports", "A sentence was added. Bloomberg News reports")
    cut = text.index("As these layoffs bring")
    copy.write_text(text[:cut] + text[text.index("\n", cut) :], encoding="utf-8")
    app = make_app(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("B")
        await ready(pilot)
        shown = {b.note: b.status for b in listed(pilot).bookmarks}
        assert shown == {"the opening": "moved", "job cuts": "orphaned"}
        screen_text = " ".join(str(o.prompt) for o in listed(pilot)._options)
        assert "✗ orphaned" in screen_text
        assert "1 orphaned (kept for review)" in str(
            app.screen.query_one("#bookmarks-status").render()
        )
    assert len(BookmarkStore().all(corpus)) == 2  # nothing was dropped


async def test_a_bookmarks_file_from_a_newer_dossier_is_not_overwritten(make_app) -> None:
    path = locations.data_dir() / "bookmarks.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("version: 99\nbookmarks: []\nfuture: kept\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_row(pilot, SEED_000)
        await bookmark(pilot, "will not fit")
        assert isinstance(app.screen, ReaderScreen)
        shown = notices(app)
        assert any("read-only" in m for m in shown)
    assert path.read_text(encoding="utf-8").endswith("future: kept\n")


def test_the_bookmarks_screen_has_help(make_app) -> None:
    from tui.app import DossierApp
    from tui.keys import help_sections

    sections = dict(help_sections(DossierApp))
    keys = {b.key for screen in sections["Bookmarks (B)"] for b in screen.BINDINGS}
    assert {"d,delete", "e", "u", "x", "slash", "enter"} <= keys
