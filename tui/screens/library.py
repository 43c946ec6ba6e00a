"""The library screen: every article of the corpus, loaded in the background."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from search.corpus import Corpus, CorpusError, load_corpus
from tui.screens.article import ArticleScreen
from tui.widgets.article_table import ArticleTable


class LibraryScreen(Screen[None]):
    """Lists the corpus's articles; the status line says what was skipped and why."""

    def __init__(self, corpus: Path) -> None:
        super().__init__()
        self.corpus_path = corpus
        self.corpus: Corpus | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield ArticleTable(id="articles")
        yield Static("Loading articles…", id="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load_articles()

    @work(thread=True, exclusive=True, group="load")
    def load_articles(self) -> None:
        try:
            corpus = load_corpus(self.corpus_path)
        except CorpusError as error:
            self.app.call_from_thread(self._show_error, str(error))
            return
        self.app.call_from_thread(self._show_corpus, corpus)

    def _show_corpus(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.query_one(ArticleTable).show_articles(corpus.articles)
        status = f"{len(corpus.articles)} articles"
        if corpus.skipped:
            status += f" · {len(corpus.skipped)} files skipped"
            for skipped in corpus.skipped[:3]:
                self.notify(f"{skipped.path.name}: {skipped.reason}", severity="warning")
        self.query_one("#status", Static).update(status)
        self.query_one(ArticleTable).focus()

    def _show_error(self, message: str) -> None:
        self.query_one("#status", Static).update(message)
        self.notify(message, severity="error")

    def on_article_table_chosen(self, message: ArticleTable.Chosen) -> None:
        if self.corpus is not None:
            self.app.push_screen(ArticleScreen(self.corpus.get(message.article_id)))
