"""The library: every article of the corpus in a virtual list (one line drawn per visible row,
so 20k articles cost no more to show than 5), sortable, filtered as you type."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Static

from search import ArticleInfo
from search.safety import one_line
from tui.navigation import navigation

SORTS = ("title", "source", "published", "words")
SAME_STORY_MARK = "≈"  # before the title of an article that another one retells (`c`)
SORT_LABELS = {"title": "Title", "source": "Source", "published": "Date", "words": "Words"}
SOURCE_WIDTH, DATE_WIDTH, WORDS_WIDTH = 14, 10, 6
MIN_TITLE_WIDTH = 16


@dataclass(frozen=True)
class Row:
    """A library row as drawn: the article and its cells, made safe to print."""

    info: ArticleInfo
    title: str
    source: str
    date: str
    words: str
    haystack: str  # what the filter looks in, case-folded

    @classmethod
    def of(cls, info: ArticleInfo) -> Row:
        title, source = one_line(info.title), one_line(info.source or "")
        return cls(
            info=info,
            title=title,
            source=source,
            date=info.published or "",
            words=f"{info.words:,}" if info.read else "…",
            haystack=f"{title} {source} {info.id} {info.published or ''}".casefold(),
        )


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells (with an ellipsis) and padded to it."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        out, used = [], 0
        for char in text:
            size = cell_len(char)
            if used + size > width - 1:
                break
            out.append(char)
            used += size
        text = "".join(out) + "…"
    return text + " " * (width - cell_len(text))


def sort_key(name: str):  # type: ignore[no-untyped-def]
    """How rows sort by a column: empty values last, titles without case."""
    if name == "words":
        return lambda row: row.info.words
    if name == "published":
        return lambda row: (row.info.published is None, row.info.published or "")
    if name == "source":
        return lambda row: ((row.info.source or "\uffff").casefold(), row.title.casefold())
    return lambda row: row.title.casefold()


class LibraryList(ScrollView, can_focus=True):
    """The articles, one line each, under a header line that says how they are sorted."""

    COMPONENT_CLASSES = {
        "library--header",
        "library--cursor",
        "library--cursor-blurred",
        "library--unread",
        "library--current",
    }
    BINDINGS = [
        *navigation(
            "library",
            down=("move(1)", "Next article"),
            up=("move(-1)", "Previous article"),
            page_down=("page(1)", "Page down"),
            page_up=("page(-1)", "Page up"),
            top=("jump(0)", "First article", "first"),
            bottom=("jump(-1)", "Last article", "last"),
        ),
        Binding("enter", "choose", "Open", id="library.open"),
        Binding("s", "sort", "Sort", id="library.sort"),
        Binding("S", "reverse", "Reverse order", show=False, id="library.reverse"),
    ]

    class Highlighted(Message):
        """The cursor is on another article."""

        def __init__(self, info: ArticleInfo) -> None:
            super().__init__()
            self.info = info

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, LibraryList.Highlighted)

    class Chosen(Message):
        """The user opened an article (Enter or a click)."""

        def __init__(self, info: ArticleInfo) -> None:
            super().__init__()
            self.info = info

    cursor = reactive(0)
    sort_by = reactive("title")
    reverse = reactive(False)
    current: reactive[str | None] = reactive(None)  # id of the article open in the reader

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[Row] = []
        self._view: list[Row] = []
        self._filter: list[str] = []
        # articles another article retells, with the closest one's score (compare's similarity)
        self.same_story: dict[str, float] = {}

    # --- content ---------------------------------------------------------------------------

    @property
    def rows(self) -> list[Row]:
        """The rows shown, in order (filtered and sorted)."""
        return self._view

    @property
    def all_rows(self) -> list[Row]:
        """Every row, whatever the filter."""
        return self._rows

    @property
    def total(self) -> int:
        return len(self._rows)

    def set_articles(self, infos: list[ArticleInfo]) -> None:
        """Show these articles, keeping the cursor on the same article where it can."""
        self._rows = [Row.of(info) for info in infos]
        self._refresh_view()

    def update_articles(self, infos: list[ArticleInfo]) -> None:
        """Replace the rows of these articles (read since they were listed)."""
        fresh = {info.id: Row.of(info) for info in infos}
        self._rows = [fresh.pop(row.info.id, row) for row in self._rows] + list(fresh.values())
        self._refresh_view()

    def mark_same_story(self, partners: dict[str, list[tuple[str, float]]]) -> None:
        """Mark "≈ 0.80" before the title of each article with a same-story partner: the
        closest partner's score, the similarity `dossier compare` reports for the pair."""
        self.same_story = {
            aid: max(s for _, s in found) for aid, found in partners.items() if found
        }
        self.refresh()

    def set_filter(self, text: str) -> None:
        self._filter = text.casefold().split()
        self._refresh_view()

    def _refresh_view(self) -> None:
        keep = self.highlighted.id if self.highlighted else None
        rows = self._rows
        if self._filter:
            rows = [r for r in rows if all(word in r.haystack for word in self._filter)]
        self._view = sorted(rows, key=sort_key(self.sort_by), reverse=self.reverse)
        self.virtual_size = Size(self.size.width, len(self._view) + 1)
        index = next((i for i, r in enumerate(self._view) if r.info.id == keep), None)
        self.cursor = index if index is not None else min(self.cursor, max(0, len(self._view) - 1))
        self.refresh()
        self._announce()

    @property
    def highlighted(self) -> ArticleInfo | None:
        if 0 <= self.cursor < len(self._view):
            return self._view[self.cursor].info
        return None

    def select_article(self, article_id: str) -> None:
        """Put the cursor on this article (if it is shown)."""
        for i, row in enumerate(self._view):
            if row.info.id == article_id:
                self.cursor = i
                return

    def neighbour(self, article_id: str | None, step: int) -> ArticleInfo | None:
        """The article `step` rows away from `article_id` in the list as shown."""
        if not self._view:
            return None
        ids = [row.info.id for row in self._view]
        here = ids.index(article_id) if article_id in ids else (-1 if step > 0 else len(ids))
        there = here + step
        return self._view[there].info if 0 <= there < len(ids) else None

    # --- drawing ---------------------------------------------------------------------------

    def _widths(self) -> tuple[int, int, int, int]:
        width = self.scrollable_content_region.width
        fixed = SOURCE_WIDTH + DATE_WIDTH + WORDS_WIDTH + 3  # a space between columns
        if width - fixed < MIN_TITLE_WIDTH:  # narrow: title and date only
            return max(0, width - DATE_WIDTH - 1), 0, DATE_WIDTH, 0
        return width - fixed, SOURCE_WIDTH, DATE_WIDTH, WORDS_WIDTH

    def _line(self, cells: tuple[str, str, str, str]) -> str:
        title_w, source_w, date_w, words_w = self._widths()
        parts = [_fit(cells[0], title_w)]
        if source_w:
            parts.append(_fit(cells[1], source_w))
        parts.append(_fit(cells[2], date_w))
        if words_w:
            parts.append(cells[3].rjust(words_w)[:words_w])
        return " ".join(parts)

    def shown_columns(self) -> tuple[str, ...]:
        """The columns drawn at this width (a narrow pane: title and date)."""
        _, source_w, _, words_w = self._widths()
        return tuple(n for n in SORTS if (n != "source" or source_w) and (n != "words" or words_w))

    def _header(self) -> str:
        labels = [SORT_LABELS[name] for name in SORTS]
        arrow = "▼" if self.reverse else "▲"
        if self.sort_by in self.shown_columns():
            labels[SORTS.index(self.sort_by)] += f" {arrow}"
        else:  # sorted by a column too wide for the pane: say so on the title
            labels[0] += f" · by {SORT_LABELS[self.sort_by].lower()} {arrow}"
        return self._line((labels[0], labels[1], labels[2], labels[3]))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("library--header")
            return Strip([Segment(_fit(self._header(), width), style)], width)
        index = int(self.scroll_offset.y) + y - 1
        if index >= len(self._view):
            return Strip.blank(width, base)
        row = self._view[index]
        style = base
        if not row.info.read:
            style += self.get_component_rich_style("library--unread")
        if row.info.id == self.current:
            style += self.get_component_rich_style("library--current")
        if index == self.cursor:
            name = "library--cursor" if self.has_focus else "library--cursor-blurred"
            style += self.get_component_rich_style(name)
        score = self.same_story.get(row.info.id)
        title = row.title if score is None else f"{SAME_STORY_MARK} {score:.2f} {row.title}"
        text = self._line((title, row.source, row.date, row.words))
        return Strip([Segment(_fit(text, width), style)], width)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._view) + 1)

    # --- cursor ----------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        if old != new:
            self._announce()

    def watch_sort_by(self) -> None:
        self._refresh_view()

    def watch_reverse(self) -> None:
        self._refresh_view()

    def watch_current(self) -> None:
        self.refresh()

    def watch_has_focus(self) -> None:
        self.refresh()

    def _announce(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Highlighted(self.highlighted))

    def _scroll_to_cursor(self) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def action_move(self, step: int) -> None:
        if self._view:
            self.cursor = max(0, min(len(self._view) - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height - 2))

    def action_jump(self, where: int) -> None:
        if self._view:
            self.cursor = where if where >= 0 else len(self._view) - 1

    def action_choose(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Chosen(self.highlighted))

    def action_sort(self) -> None:
        """The next column shown on screen (so the arrow that says how rows are sorted is
        always there to see)."""
        shown = self.shown_columns()
        at = shown.index(self.sort_by) if self.sort_by in shown else -1
        self.sort_by = shown[(at + 1) % len(shown)]

    def action_reverse(self) -> None:
        self.reverse = not self.reverse

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            self.action_sort()
            return
        index = int(self.scroll_offset.y) + offset.y - 1
        if 0 <= index < len(self._view):
            self.cursor = index
            if event.chain >= 2:
                self.action_choose()


class LibraryPane(Vertical):
    """The filter field above the list of articles (a line saying `f` filters, until then:
    the field is made when first used, so the first screen does not wait for it)."""

    BINDINGS = [
        Binding("f", "filter", "Filter", id="library.filter"),
    ]
    HINT = "Filter articles  (f)"

    def compose(self) -> ComposeResult:
        yield Static(self.HINT, id="library-filter-hint", classes="filter-line", markup=False)
        yield LibraryList(id="library-list")

    @property
    def list(self) -> LibraryList:
        return self.query_one(LibraryList)

    @property
    def field(self) -> Input | None:
        return next(iter(self.query("#library-filter").results(Input)), None)

    async def action_filter(self) -> None:
        field = self.field
        if field is None:
            field = Input(placeholder=self.HINT, id="library-filter", classes="filter-line")
            await self.query_one("#library-filter-hint").remove()
            await self.mount(field, before=self.list)
        field.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.list.set_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.list.focus()

    def on_key(self, event: events.Key) -> None:
        field = self.field
        if field is None or not field.has_focus:
            return
        if event.key in ("down", "tab"):
            event.stop()
            self.list.focus()
        elif event.key == "escape":
            event.stop()
            field.value = ""
            self.list.focus()
