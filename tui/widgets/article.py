"""The clean article with its passage cursor, which bookmarks, facts and search point at (the
pane around it, with the original file and find-in-article: tui/widgets/article_pane.py)."""

from __future__ import annotations

import asyncio

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from search import Article
from search.render import details_line
from search.safety import visible
from tui.navigation import navigation
from tui.widgets.passage import PassageBlock, Spans

FIRST_BLOCKS = 120  # passages mounted before the article shows; the rest follow in batches
BLOCK_BATCH = 40


class ArticleView(VerticalScroll, can_focus=True):
    """The article's title, details and passages. The passage cursor is what bookmarks, facts
    and search point at; scrolling carries it along so it never leaves the screen."""

    BINDINGS = [
        *navigation(
            "article",
            down=("scroll_lines(1)", "Scroll down"),
            up=("scroll_lines(-1)", "Scroll up"),
            page_down=("scroll_page(1)", "Page down"),
            page_up=("scroll_page(-1)", "Page up"),
            top=("scroll_edge(0)", "Top"),
            bottom=("scroll_edge(1)", "Bottom"),
        ),
        Binding("J", "move_cursor(1)", "Next passage", id="article.next_passage"),
        Binding(
            "K", "move_cursor(-1)", "Previous passage", show=False, id="article.previous_passage"
        ),
        Binding("s", "span(1)", "Select next sentence", show=False, id="article.span_more"),
        Binding("S", "span(-1)", "Drop first sentence", show=False, id="article.span_less"),
    ]

    class CursorMoved(Message):
        """The passage cursor is on another passage."""

        def __init__(self, article_id: str, passage: int) -> None:
            super().__init__()
            self.article_id = article_id
            self.passage = passage

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleView.CursorMoved)

    cursor = reactive(0, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-empty")
        self.article: Article | None = None
        self._blocks: list[PassageBlock] = []
        self._span: tuple[int, int, int] | None = None  # passage, first and last sentence

    def compose(self) -> ComposeResult:
        yield Static("Choose an article in the library.", classes="article-placeholder")

    def placeholder(self, text: str) -> None:
        """What the pane says while no article is open."""
        if self.article is None:
            for shown in self.query(".article-placeholder").results(Static):
                shown.update(text)

    # --- showing an article ------------------------------------------------------------------

    async def show(self, article: Article, passage: int = 0) -> None:
        """Show `article` with the cursor on `passage` (scrolled to the top of the pane)."""
        self.workers.cancel_group(self, "mount-rest")
        self.remove_class("-empty")
        self.article = article
        self._span = None
        await self.remove_children()
        self._blocks = [PassageBlock(p) for p in article.passages]
        header = [Static(Content(visible(article.title)), classes="article-title")]
        details = details_line(article)
        if details:
            header.append(Static(Content(visible(details)), classes="article-details"))
        target = max(0, min(passage, len(self._blocks) - 1))
        first = max(FIRST_BLOCKS, target + FIRST_BLOCKS // 2)
        await self.mount_all([*header, *self._blocks[:first]])
        if first < len(self._blocks):  # a huge file: the screen answers keys meanwhile
            self.run_worker(self._mount_rest(article, first), group="mount-rest", exclusive=True)
        self.scroll_home(animate=False)
        self.set_reactive(ArticleView.cursor, target)
        self._paint_cursor(None, target)
        if target > 0:  # at the start, the title stays in view
            self.call_after_refresh(self._scroll_to_cursor, True)
        self.post_message(self.CursorMoved(article.id, target))

    async def _mount_rest(self, article: Article, start: int) -> None:
        for at in range(start, len(self._blocks), BLOCK_BATCH):
            if self.article is not article:
                return
            await self.mount_all(self._blocks[at : at + BLOCK_BATCH])
            await asyncio.sleep(0)  # keys and repaints between batches

    def block(self, index: int) -> PassageBlock | None:
        return self._blocks[index] if 0 <= index < len(self._blocks) else None

    def set_layer(self, name: str, spans_by_passage: dict[int, Spans]) -> None:
        """Highlight spans of passages in the style of layer `name` (others cleared)."""
        for i, block in enumerate(self._blocks):
            block.set_layer(name, spans_by_passage.get(i, []))

    def mark_bookmarks(self, spans_by_passage: dict[int, Spans]) -> None:
        """Mark bookmarked passages (and the bookmarked span, when it is not all of one)."""
        for i, block in enumerate(self._blocks):
            spans = spans_by_passage.get(i)
            block.set_class(spans is not None, "-bookmarked")
            whole = [(0, len(block.passage.text))]
            block.set_layer("bookmark", [s for s in spans or [] if [s] != whole])

    # --- the passage cursor ------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._set_span(None)
        self._paint_cursor(old, new)
        self._scroll_to_cursor(False)
        if self.article is not None:
            self.post_message(self.CursorMoved(self.article.id, new))

    def _paint_cursor(self, old: int | None, new: int) -> None:
        if old is not None and (previous := self.block(old)) is not None:
            previous.remove_class("-cursor")
        if (current := self.block(new)) is not None:
            current.add_class("-cursor")

    def _scroll_to_cursor(self, top: bool) -> None:
        block = self.block(self.cursor)
        if block is not None and block.is_mounted:
            self.scroll_to_widget(block, animate=False, top=top)

    def move_to(self, passage: int, *, top: bool = True) -> None:
        """Put the cursor on `passage` and bring it to the top of the pane."""
        if not self._blocks:
            return
        self.cursor = max(0, min(passage, len(self._blocks) - 1))
        self.call_after_refresh(self._scroll_to_cursor, top)

    def action_move_cursor(self, step: int) -> None:
        if self._blocks:
            self.cursor = max(0, min(len(self._blocks) - 1, self.cursor + step))

    # --- what a bookmark keeps: a mouse selection, a span of sentences, or the passage ----------

    def action_span(self, step: int) -> None:
        """`s` selects the cursor passage's first sentence, then the next one, and so on; `S`
        drops the first sentence of the selection."""
        block = self.block(self.cursor)
        if block is None:
            return
        from search.text import sentence_spans

        count = len(sentence_spans(block.passage.text))
        if self._span is None or self._span[0] != self.cursor:
            if step < 0:
                return
            self._set_span((self.cursor, 0, 0))
            return
        _, first, last = self._span
        if step > 0:
            last = min(count - 1, last + 1)
        else:
            first += 1
        self._set_span((self.cursor, first, last) if first <= last else None)

    def _set_span(self, span: tuple[int, int, int] | None) -> None:
        if self._span is not None and (old := self.block(self._span[0])) is not None:
            old.set_layer("selection", [])
        self._span = span
        if span is not None and (block := self.block(span[0])) is not None:
            from search.text import sentence_spans

            sentences = sentence_spans(block.passage.text)
            block.set_layer("selection", [(sentences[span[1]][0], sentences[span[2]][1])])

    def chosen_span(self) -> tuple[int, int, int] | None:
        """What `b` bookmarks, as (passage, start, end): the mouse selection inside a passage
        (the cursor's first), else the sentences chosen with `s`, else the cursor passage."""
        blocks = sorted(self._blocks, key=lambda b: b.passage.index != self.cursor)
        for block in blocks:
            if (span := block.selected_span()) is not None:
                return (block.passage.index, *span)
        block = self.block(self.cursor)
        if block is None:
            return None
        if self._span is not None and self._span[0] == self.cursor:
            from search.text import sentence_spans

            sentences = sentence_spans(block.passage.text)
            return (self.cursor, sentences[self._span[1]][0], sentences[self._span[2]][1])
        return (self.cursor, 0, len(block.passage.text))

    def clear_chosen(self) -> None:
        """Forget the selection once it is bookmarked."""
        self._set_span(None)
        self.screen.clear_selection()

    def _follow_scroll(self) -> None:
        """After scrolling, keep the cursor on a passage that is on screen."""
        block = self.block(self.cursor)
        if block is None:
            return
        top, bottom = self.scroll_y, self.scroll_y + self.scrollable_content_region.height
        if top <= block.virtual_region.y < bottom:
            return
        for i, candidate in enumerate(self._blocks):
            if top <= candidate.virtual_region.y < bottom:
                self._set_span(None)
                old = self.cursor
                self.set_reactive(ArticleView.cursor, i)  # no scrolling: the user just did
                self._paint_cursor(old, i)
                if self.article is not None:
                    self.post_message(self.CursorMoved(self.article.id, i))
                return

    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_relative(y=lines, animate=False)
        self.call_after_refresh(self._follow_scroll)

    def action_scroll_page(self, direction: int) -> None:
        if direction > 0:
            self.scroll_page_down(animate=False)
        else:
            self.scroll_page_up(animate=False)
        self.call_after_refresh(self._follow_scroll)

    def action_scroll_edge(self, end: int) -> None:
        if self._blocks:
            self.cursor = len(self._blocks) - 1 if end else 0
        if end:
            self.scroll_end(animate=False)
        else:
            self.scroll_home(animate=False)

    def on_click(self, event: events.Click) -> None:
        widget = event.widget
        while widget is not None and not isinstance(widget, PassageBlock):
            widget = widget.parent if widget is not self else None
        if isinstance(widget, PassageBlock):
            self.cursor = widget.passage.index
