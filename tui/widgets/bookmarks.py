"""The list of bookmarks: each shows where it is (article, passage, and whether it had to move
or was orphaned), its quote, note and tags — all as literal text."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from search.bookmarks import Bookmark
from search.safety import one_line

QUOTE_SHOWN = 200  # characters of a quote in the list (the article has the rest)
TITLE_SHOWN = 70


def clip(text: str, size: int) -> str:
    text = one_line(text)
    return text if len(text) <= size else text[: size - 1] + "…"


def status_mark(bookmark: Bookmark) -> Content:
    if bookmark.status == "orphaned":
        return Content("✗ orphaned").stylize("bold $text-error")
    if bookmark.status == "moved" and bookmark.found is not None:
        return Content(f"↷ moved ({bookmark.found.confidence:.0%} sure)").stylize("$text-warning")
    return Content("●").stylize("$text-success")


def bookmark_prompt(bookmark: Bookmark, title: str) -> Content:
    """Where (status, title, passage, date), the quote, then the note and tags if any."""
    where = Content(f"  passage {bookmark.passage + 1} · {bookmark.created[:10]}")
    head = Content.assemble(
        status_mark(bookmark),
        Content(" "),
        Content(clip(title or bookmark.article, TITLE_SHOWN)).stylize("bold"),
        where.stylize("$text-muted"),
    )
    lines = [head, Content(f"“{clip(bookmark.anchor.quote, QUOTE_SHOWN)}”")]
    extra = []
    if bookmark.note:
        extra.append(Content(f"✎ {one_line(bookmark.note)}").stylize("$text-accent"))
    if bookmark.tags:
        tags = " ".join(f"#{one_line(t)}" for t in bookmark.tags)
        extra.append(Content(tags).stylize("$text-muted"))
    if extra:
        lines.append(Content("   ").join(extra))
    return Content("\n").join(lines)


class BookmarkList(OptionList):
    """Bookmarks; Enter announces the highlighted one (`BookmarkList.Chosen`)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next bookmark", show=False, id="bookmarks.down"),
        Binding("k", "cursor_up", "Previous bookmark", show=False, id="bookmarks.up"),
        Binding("enter", "select", "Go to passage", id="bookmarks.go"),
    ]

    class Chosen(Message):
        def __init__(self, bookmark: Bookmark) -> None:
            super().__init__()
            self.bookmark = bookmark

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.bookmarks: list[Bookmark] = []

    def show(self, bookmarks: list[Bookmark], titles: dict[str, str]) -> None:
        """List `bookmarks`, keeping the highlight on the same bookmark when it is still there."""
        current, at = self.current, self.highlighted or 0
        self.bookmarks = bookmarks
        self.clear_options()
        options: list[Option | None] = []
        for bookmark in bookmarks:  # a divider line under each
            options += [
                Option(bookmark_prompt(bookmark, titles.get(bookmark.article, "")), id=bookmark.id),
                None,
            ]
        self.add_options(options)
        if bookmarks:
            ids = [b.id for b in bookmarks]
            if current is not None and current.id in ids:
                self.highlighted = ids.index(current.id)
            else:  # it was deleted: the one that took its place
                self.highlighted = min(at, len(ids) - 1)

    @property
    def current(self) -> Bookmark | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.bookmarks):
            return None
        return self.bookmarks[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.current is not None:
            self.post_message(self.Chosen(self.current))
