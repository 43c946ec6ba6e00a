"""The library's list of articles: title, source, date and length, one row each."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from search.model import Article
from search.safety import visible


class ArticleTable(DataTable[Text]):
    """A table of articles. Cell text is always a `Text`, so an article's `[bold]` stays text."""

    class Chosen(Message):
        """The user picked an article (Enter or click)."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_column("Title", key="title")
        self.add_column("Source", key="source", width=16)
        self.add_column("Published", key="published", width=10)
        self.add_column(Text("Words", justify="right"), key="words", width=6)

    def show_articles(self, articles: list[Article]) -> None:
        """Replace the rows with `articles`."""
        self.clear()
        for article in articles:
            self.add_row(
                Text(visible(article.title), overflow="ellipsis", no_wrap=True),
                Text(visible(article.source or "")),
                Text(article.published or ""),
                Text(str(article.words), justify="right"),
                key=article.id,
            )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Chosen(event.row_key.value))
