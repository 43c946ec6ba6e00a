"""The article pane: the clean article (tui/widgets/article.py), the original file in its
place (`o`), and find-in-article (`ctrl+f`). The last two are made when first used: the first
screen does not wait for them."""

from __future__ import annotations

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
FIND_HINT = "Find in article  (Enter next · shift+Enter previous · Esc)"


class OriginalView(VerticalScroll, can_focus=True):
    """The decoded source file, line by line: lines cleaning removed are dimmed, with why."""

    DEFAULT_CSS = """
    OriginalView {
        height: 1fr;
        padding: 0 1 0 1;
        scrollbar-size-vertical: 1;
        overflow-y: scroll;
    }

    OriginalView #original-text {
        width: 100%;
    }
    """

    BINDINGS = navigation(
        "original",
        down=("scroll_down", "Scroll down"),
        up=("scroll_up", "Scroll up"),
        page_down=("page_down", "Page down"),
        page_up=("page_up", "Page up"),
        top=("scroll_home", "Top"),
        bottom=("scroll_end", "Bottom"),
    )

    def compose(self) -> ComposeResult:
        yield Static("", id="original-text", markup=False)

    def show(self, article: Article) -> None:
        reasons = {r.line: r.reason for r in article.removed}
        lines = article.text.split("\n")
        width = len(str(len(lines)))
        parts: list[Content] = []
        for number, line in enumerate(lines, start=1):
            gutter = Content(f"{number:>{width}} ").stylize("$text-muted")
            text = Content(visible(line.replace("\t", "    ")))
            reason = reasons.get(number)
            if reason:
                text = text.stylize(REMOVED_STYLE)
                text = Content.assemble(text, Content(f"  ← {reason}").stylize(REASON_STYLE))
            parts.append(Content.assemble(gutter, text))
        self.query_one("#original-text", Static).update(Content("\n").join(parts))
        self.scroll_home(animate=False)


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
