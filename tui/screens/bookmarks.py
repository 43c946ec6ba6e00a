"""`B`: every bookmark of the corpus, re-anchored in its article as it is now. Filter by words
of the quote, note or article, or by #tag; edit a note; delete (and undo); export to Markdown;
Enter goes to the passage."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from search import Article, Workspace
from search.bookmarks import Bookmark, export_markdown, matches
from search.places import Place
from search.safety import one_line
from search.userdata import atomic_write_text, unused_name
from tui import workers
from tui.dialogs.note import NoteDialog
from tui.jobs import Jobs
from tui.messages import BookmarkDeleted, BookmarkEdited, BookmarkRestored, BookmarksListed
from tui.widgets.bars import KeyBar, TitleBar
from tui.widgets.bookmarks import BookmarkList


def newest_first(bookmarks: list[Bookmark]) -> list[Bookmark]:
    return sorted(bookmarks, key=lambda b: b.created, reverse=True)


class BookmarksScreen(Jobs, Screen[Place | None]):
    DEFAULT_CSS = """
    #bookmarks-box {
        height: 1fr;
    }

    #bookmarks-filter {
        border: none;
        background: $boost;
        height: 1;
    }

    #bookmarks-status {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }

    #bookmarks-list {
        height: 1fr;
        border: none;
        background: $background;
    }

    #bookmarks-list > .option-list--option {
        padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", id="bookmarks.close"),
        Binding("slash", "filter", "Filter", id="bookmarks.filter"),
        Binding("e", "edit", "Edit note", id="bookmarks.edit"),
        Binding("d,delete", "delete", "Delete", id="bookmarks.delete"),
        Binding("u", "undo", "Undo delete", id="bookmarks.undo"),
        Binding("x", "export", "Export", id="bookmarks.export"),
    ]

    def __init__(self, workspace: Workspace, titles: dict[str, str]) -> None:
        super().__init__()
        self.workspace, self.titles = workspace, titles
        self.bookmarks: list[Bookmark] = []
        self.articles: dict[str, Article | None] = {}
        self.deleted: list[Bookmark] = []  # the undo stack
        self.accepts_keys = False  # keys wait until the bookmarks they act on are listed

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="bookmarks-box"):
            yield Input(
                placeholder="Filter: words of the quote, note or article · #tag",
                id="bookmarks-filter",
            )
            yield Static("Reading bookmarks…", id="bookmarks-status", markup=False)
            yield BookmarkList(id="bookmarks-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(BookmarkList).focus()
        self.run_job(workers.list_bookmarks, group="bookmarks")

    def on_bookmarks_listed(self, message: BookmarksListed) -> None:
        for notice in message.notices:
            self.notify(one_line(notice), severity="warning", timeout=10)
        self.bookmarks, self.articles = newest_first(message.bookmarks), message.articles
        self.accepts_keys = True
        for article_id, article in message.articles.items():
            if article is not None:
                self.titles.setdefault(article_id, article.title)
        self._show()

    def _show(self) -> None:
        wanted = self.query_one("#bookmarks-filter", Input).value
        shown = [b for b in self.bookmarks if matches(b, wanted, self.titles.get(b.article, ""))]
        self.query_one(BookmarkList).show(shown, self.titles)
        orphans = sum(b.status == "orphaned" for b in self.bookmarks)
        parts = [f"{len(shown)} of {len(self.bookmarks)} bookmarks"]
        if orphans:
            parts.append(f"{orphans} orphaned (kept for review)")
        if not self.bookmarks:
            parts = ["No bookmarks yet: press b in an article to bookmark a passage"]
        self.query_one("#bookmarks-status", Static).update(" · ".join(parts))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(BookmarkList).focus()

    def on_bookmark_list_chosen(self, message: BookmarkList.Chosen) -> None:
        bookmark = message.bookmark
        found = bookmark.found
        if self.articles.get(bookmark.article) is None:
            self.notify(
                f"{bookmark.article} is no longer in the corpus; the bookmark is kept",
                severity="warning",
            )
            return
        if found is None or found.status == "orphaned":
            self.notify("Its passage is gone: opening the article where it was", timeout=4)
            self.dismiss(Place(bookmark.article, bookmark.anchor.passage))
            return
        self.dismiss(Place(bookmark.article, found.passage, ((found.start, found.end),)))

    # --- actions -------------------------------------------------------------------------------

    def action_close(self) -> None:
        """Escape clears the filter first (wherever the focus is), then closes the screen."""
        field = self.query_one("#bookmarks-filter", Input)
        if field.value:
            field.value = ""
            self.query_one(BookmarkList).focus()
        else:
            self.dismiss(None)

    def action_filter(self) -> None:
        self.query_one("#bookmarks-filter", Input).focus()

    def action_edit(self) -> None:
        bookmark = self.query_one(BookmarkList).current
        if bookmark is None:
            return
        title = self.titles.get(bookmark.article, bookmark.article)
        dialog = NoteDialog(
            f"Note on {one_line(title)}", bookmark.anchor.quote, bookmark.note, bookmark.tags
        )
        self.app.push_screen(dialog, lambda result: result and self._edit(bookmark, *result))

    def _edit(self, bookmark: Bookmark, note: str, tags: tuple[str, ...]) -> None:
        self.run_job(
            workers.edit_bookmark, bookmark, note, tags, group="bookmark-write", exclusive=False
        )

    def on_bookmark_edited(self, message: BookmarkEdited) -> None:
        note, tags = message.note, message.tags
        self.bookmarks = [
            replace(b, note=note, tags=tags) if b.id == message.bookmark_id else b
            for b in self.bookmarks
        ]
        self._show()
        self.notify("Note saved", timeout=2)

    def action_delete(self) -> None:
        bookmark = self.query_one(BookmarkList).current
        if bookmark is not None:
            self.run_job(workers.delete_bookmark, bookmark, group="bookmark-write", exclusive=False)

    def on_bookmark_deleted(self, message: BookmarkDeleted) -> None:
        bookmark = message.bookmark
        self.deleted.append(bookmark)
        self.bookmarks = [b for b in self.bookmarks if b.id != bookmark.id]
        self._show()
        self.notify("Bookmark deleted · u to undo", timeout=4)

    def action_undo(self) -> None:
        if not self.deleted:
            self.notify("Nothing to undo", timeout=2)
            return
        bookmark = self.deleted.pop()
        self.run_job(workers.restore_bookmark, bookmark, group="bookmark-write", exclusive=False)

    def on_bookmark_restored(self, message: BookmarkRestored) -> None:
        bookmark = message.bookmark
        if message.problem is not None:  # not written back: it can be undone again later
            self.deleted.append(bookmark)
            self.notify(message.problem, severity="error")
            return
        self.bookmarks = newest_first([*self.bookmarks, bookmark])
        self._show()
        self.notify("Bookmark restored", timeout=2)

    def action_export(self) -> None:
        shown = self.query_one(BookmarkList).bookmarks
        if not shown:
            self.notify("No bookmarks to export", severity="warning", timeout=3)
            return
        path = unused_name(Path.cwd() / f"dossier-bookmarks-{date.today().isoformat()}.md")
        try:
            atomic_write_text(path, export_markdown(shown, self.articles))
        except OSError as error:
            self.notify(f"Could not export: {one_line(str(error))}", severity="error")
            return
        self.notify(f"Exported {len(shown)} bookmarks to {one_line(str(path))}", timeout=8)
