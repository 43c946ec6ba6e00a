"""The library's list of articles: title, source, date and length, one row each."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import DataTable

from search.model import Article
from search.safety import visible

# Fixed columns (content widths); the title takes whatever width is left.
FIXED_COLUMNS = (("Source", "source", 14), ("Published", "published", 10), ("Words", "words", 6))
MIN_TITLE_WIDTH = 20


class ArticleTable(DataTable[Text]):
    """A table of articles. Cell text is always a `Text`, so an article's `[bold]` stays text."""

    class Chosen(Message):
        """The user picked an article (Enter or click)."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._articles: list[Article] = []
        self._title_width = 0

    def _fit_title_width(self) -> int:
        padding = 2 * self.cell_padding * (len(FIXED_COLUMNS) + 1)
        fixed = sum(width for _, _, width in FIXED_COLUMNS)
        scrollbar = self.styles.scrollbar_size_vertical
        return max(MIN_TITLE_WIDTH, self.size.width - fixed - padding - scrollbar)

    def show_articles(self, articles: list[Article]) -> None:
        """Replace the rows with `articles`."""
        self._articles = articles
        self._rebuild()

    def _rebuild(self) -> None:
        row = self.cursor_row
        self._title_width = self._fit_title_width()
        self.clear(columns=True)
        self.add_column("Title", key="title", width=self._title_width)
        for label, key, width in FIXED_COLUMNS:
            justify = "right" if key == "words" else "left"
            self.add_column(Text(label, justify=justify), key=key, width=width)
        for article in self._articles:
            self.add_row(
                Text(visible(article.title), overflow="ellipsis", no_wrap=True),
                Text(visible(article.source or ""), overflow="ellipsis", no_wrap=True),
                Text(article.published or ""),
                Text(str(article.words), justify="right"),
                key=article.id,
            )
        if self._articles:
            self.move_cursor(row=min(row, len(self._articles) - 1))

    def on_resize(self, event: events.Resize) -> None:
        if self._articles and self._fit_title_width() != self._title_width:
            self._rebuild()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Chosen(event.row_key.value))
