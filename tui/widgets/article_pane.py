"""The article pane: the clean article (tui/widgets/article.py), the original file in its
place (`o`), and find-in-article (`ctrl+f`). The last two are made when first used: the first
screen does not wait for them."""

from __future__ import annotations

from bisect import bisect_right

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from search import Article
from search.safety import visible
from tui.navigation import navigation
from tui.widgets.article import ArticleView

REMOVED_STYLE = "$text-disabled"
REASON_STYLE = "italic $text-muted"
CURSOR_STYLE = "reverse"  # the line `x` keeps or removes
FIND_HINT = "Find in article  (Enter next · shift+Enter previous · Esc)"


class OriginalView(VerticalScroll, can_focus=True):
    """The decoded source file, line by line: lines cleaning removed are dimmed, with why. A
    line cursor marks the line `x` keeps or removes (the reader's correction of the cleaner)."""

    DEFAULT_CSS = """
    OriginalView {
        height: 1fr;
        padding: 0 1 0 1;
        scrollbar-size-vertical: 1;
        overflow-y: scroll;
        layers: text cursor;
    }

    OriginalView #original-text {
        width: 100%;
        layer: text;
    }

    OriginalView #original-cursor {  /* the cursor's line drawn again, over the text */
        layer: cursor;
        position: absolute;
        width: 100%;
    }
    """

    BINDINGS = [
        *navigation(
            "original",
            down=("move_line(1)", "Next line"),
            up=("move_line(-1)", "Previous line"),
            page_down=("move_page(1)", "Page down"),
            page_up=("move_page(-1)", "Page up"),
            top=("move_edge(0)", "Top"),
            bottom=("move_edge(1)", "Bottom"),
        ),
        Binding("x", "toggle_line", "Keep/remove line", id="original.toggle_line"),
    ]

    class ToggleLine(Message):
        """The reader wants this file line (1 first) kept if removed, removed if kept."""

        def __init__(self, article_id: str, line: int) -> None:
            super().__init__()
            self.article_id = article_id
            self.line = line

    line = reactive(1, init=False)  # the cursor: a file line, 1 first

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self._parts: list[Content] = []
        self._tops: tuple[int, list[int]] = (-1, [])  # at this width: the row each line starts

    def compose(self) -> ComposeResult:
        yield Static("", id="original-text", markup=False)
        yield Static("", id="original-cursor", markup=False)

    def show(self, article: Article, line: int | None = None) -> None:
        """Show the file of `article`, the cursor on `line` (None: the first, from the top)."""
        self.article = article
        reasons = {r.line: r.reason for r in article.removed}
        lines = article.text.split("\n")
        width = len(str(len(lines)))
        parts: list[Content] = []
        for number, text_line in enumerate(lines, start=1):
            gutter = Content(f"{number:>{width}} ").stylize("$text-muted")
            text = Content(visible(text_line.replace("\t", "    ")))
            reason = reasons.get(number)
            if reason:
                text = text.stylize(REMOVED_STYLE)
                text = Content.assemble(text, Content(f"  ← {reason}").stylize(REASON_STYLE))
            parts.append(Content.assemble(gutter, text))
        self._parts, self._tops = parts, (-1, [])
        self.set_reactive(OriginalView.line, max(1, min(line or 1, len(parts))))
        self.query_one("#original-text", Static).update(Content("\n").join(parts))
        self._draw()
        if line is None:
            self.scroll_home(animate=False)
        else:
            self.call_after_refresh(self._scroll_to_line)

    def _draw(self) -> None:
        """The cursor: its line again, highlighted, over the text (a long file is not drawn
        again at each move)."""
        cursor = self.query_one("#original-cursor", Static)
        cursor.display = bool(self._parts)
        if self._parts:
            cursor.update(self._parts[self.line - 1].stylize(CURSOR_STYLE))
            cursor.styles.offset = (0, self._line_top(self.line))

    def on_resize(self) -> None:
        if self._parts:
            self.call_after_refresh(self._draw)  # long lines wrap anew

    def watch_line(self) -> None:
        self._draw()
        self._scroll_to_line()

    def _line_tops(self) -> list[int]:
        """Where each line starts, in rows, at the current width (long lines wrap), and
        where the last ends."""
        width = self.query_one("#original-text", Static).content_region.width
        if self._tops[0] != width:
            tops = [0]
            for part in self._parts:
                tops.append(tops[-1] + (part.get_height({}, width) if width > 0 else 1))
            self._tops = (width, tops)
        return self._tops[1]

    def _line_top(self, line: int) -> int:
        tops = self._line_tops()
        return tops[line - 1] if line <= len(tops) else 0

    def _scroll_to_line(self) -> None:
        tops = self._line_tops()
        if len(tops) < 2:
            return
        top, bottom = tops[self.line - 1], tops[self.line]
        shown = self.scrollable_content_region.height
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif bottom > self.scroll_y + shown:
            self.scroll_to(y=bottom - shown, animate=False)

    def action_move_line(self, step: int) -> None:
        if self._parts:
            self.line = max(1, min(len(self._parts), self.line + step))

    def action_move_page(self, direction: int) -> None:
        self.action_move_line(direction * max(1, self.scrollable_content_region.height - 1))

    def action_move_edge(self, end: int) -> None:
        if self._parts:
            self.line = len(self._parts) if end else 1

    def action_toggle_line(self) -> None:
        if self.article is not None and self._parts:
            self.post_message(self.ToggleLine(self.article.id, self.line))

    def on_click(self, event: events.Click) -> None:
        text = self.query_one("#original-text", Static)
        offset = event.get_content_offset(text)
        if offset is None:
            return
        tops = self._line_tops()
        self.line = max(1, min(len(self._parts), bisect_right(tops, offset.y)))


class FindBar(Input):
    """`ctrl+f`: find a word or phrase in the article (Enter: next, shift+Enter: previous)."""

    DEFAULT_CSS = """
    FindBar {
        dock: bottom;
        border: none;
        height: 1;
        background: $boost;
        &:focus {
            border: none;
        }
    }
    """

    BINDINGS = [
        Binding("enter", "step(1)", "Next match", id="find.next"),
        Binding("shift+enter", "step(-1)", "Previous match", id="find.previous"),
        Binding("escape", "close", "Close", id="find.close"),
    ]

    class Step(Message):
        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class Closed(Message):
        pass

    def action_step(self, step: int) -> None:
        self.post_message(self.Step(step))

    def action_close(self) -> None:
        self.post_message(self.Closed())


class ArticlePane(Vertical):
    """The reading view and the original view of the open article, and the find bar."""

    BINDINGS = [
        Binding("o", "toggle_original", "Original", show=False, id="article.original"),
        Binding("ctrl+f", "find", "Find in article", show=False, id="article.find"),
    ]

    class FindStatus(Message):
        """How many matches find-in-article has, and which one is current."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    showing_original = reactive(False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._matches: list[tuple[int, int, int]] = []
        self._current = -1

    def compose(self) -> ComposeResult:
        yield ArticleView(id="reading")  # the original view and the find bar: when first used

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def find_bar(self) -> FindBar | None:
        return next(iter(self.query(FindBar)), None)

    async def show(self, article: Article, passage: int = 0) -> None:
        self.showing_original = False
        self._matches, self._current = [], -1
        await self.view.show(article, passage)
        bar = self.find_bar
        if bar is not None and bar.display and bar.value:
            self._find(bar.value)

    async def corrected(self, article: Article) -> None:
        """Show `article` again after the reader corrected its cleaning: the passage cursor,
        and in the original view the line cursor, stay where they were."""
        await self.view.show(article, self.view.cursor)
        for original in self.query(OriginalView):
            if self.showing_original:
                original.show(article, original.line)

    async def watch_showing_original(self, original: bool) -> None:
        shown = self.view.article is not None and original
        views = list(self.query(OriginalView))
        if shown and not views:
            views = [OriginalView(id="original")]
            await self.mount(views[0], after=self.view)
        for view in views:
            view.display = shown
        self.view.display = not shown
        if shown:
            views[0].show(self.view.article)
            views[0].focus()
        elif self.has_focus_within:
            self.view.focus()

    def action_toggle_original(self) -> None:
        if self.view.article is None:
            self.notify("Open an article first", severity="warning")
            return
        self.showing_original = not self.showing_original

    async def action_find(self) -> None:
        if self.view.article is None:
            self.notify("Open an article first", severity="warning")
            return
        self.showing_original = False
        bar = self.find_bar
        if bar is None:
            bar = FindBar(placeholder=FIND_HINT, id="find-bar")
            await self.mount(bar)
        bar.display = True
        bar.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, FindBar):
            event.stop()
            self._find(event.value)

    def _find(self, needle: str) -> None:
        from search.places import find_spans

        article = self.view.article
        self._matches = find_spans(article, needle) if article else []
        self._current = -1
        self._step(1)

    def _step(self, step: int) -> None:
        view = self.view
        if not self._matches:
            view.set_layer("find", {})
            view.set_layer("find-current", {})
            value = self.find_bar.value.strip() if self.find_bar else ""
            self.post_message(self.FindStatus("no match" if value else ""))
            return
        if self._current < 0:  # the first match at or after the cursor
            after = [i for i, m in enumerate(self._matches) if m[0] >= view.cursor]
            self._current = after[0] if after and step > 0 else (0 if step > 0 else -1)
            self._current %= len(self._matches)
        else:
            self._current = (self._current + step) % len(self._matches)
        from search.places import spans_by_passage

        passage, start, end = self._matches[self._current]
        view.set_layer("find", spans_by_passage(self._matches))
        view.set_layer("find-current", {passage: [(start, end)]})
        view.move_to(passage, top=False)
        self.post_message(self.FindStatus(f"match {self._current + 1} of {len(self._matches)}"))

    def on_find_bar_step(self, event: FindBar.Step) -> None:
        event.stop()
        self._step(event.step)

    def on_find_bar_closed(self, event: FindBar.Closed) -> None:
        event.stop()
        bar = self.query_one(FindBar)
        bar.value = ""
        bar.display = False
        self._matches = []
        self.view.set_layer("find", {})
        self.view.set_layer("find-current", {})
        self.view.focus()
        self.post_message(self.FindStatus(""))
