"""A plain view of one clean article (the full reader, with its passage cursor, comes later)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from search.model import Article, PassageKind
from search.safety import visible


class ArticleScreen(Screen[None]):
    """The article's title, details and passages, shown literally (never as markup)."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="back"),
        Binding("j,down", "scroll('down')", "Down", show=False, id="down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id="up"),
    ]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        article = self.article
        yield Header(show_clock=False)
        with VerticalScroll(id="article-body"):
            yield Static(Text(visible(article.title)), classes="article-title")
            details = " · ".join(
                p for p in (article.source, article.byline, article.published) if p
            )
            if details:
                yield Static(Text(visible(details)), classes="article-details")
            for passage in article.passages:
                text = visible(passage.text)
                if passage.kind is PassageKind.LIST_ITEM:
                    text = "• " + text
                yield Static(Text(text), classes=f"passage {passage.kind.value}")
        yield Footer()

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#article-body", VerticalScroll)
        if direction == "down":
            body.scroll_down()
        else:
            body.scroll_up()
