"""Command palette (`ctrl+p`) providers: the reader's actions, and opening any article by title."""

from __future__ import annotations

from functools import partial
from typing import Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from search import ArticleInfo
from search.safety import one_line


class Reader(Protocol):
    """What the providers use of the reader screen (tui/screens/reader.py)."""

    def library_rows(self) -> list[ArticleInfo]: ...

    def open_article(self, article_id: str) -> object: ...

    async def run_action(self, action: str) -> bool: ...


# (title, help, action on the reader screen)
READER_ACTIONS = (
    ("Search the corpus", "Full-text search across every article (/)", "search"),
    ("Find in article", "Find a word or phrase in the open article (ctrl+f)", "find"),
    ("Toggle original file", "The file as scraped, removed lines dimmed (o)", "toggle_original"),
    ("Bookmark passage", "Bookmark the passage or selection, with a note and tags (b)", "bookmark"),
    ("Bookmarks", "Every bookmark: filter, edit notes, delete, export, jump (B)", "bookmarks"),
    ("Copy passage", "Copy the current passage with its title and source (y)", "copy_passage"),
    ("Next article", "Open the next article of the library (])", "next_article('1')"),
    ("Previous article", "Open the previous article of the library ([)", "next_article('-1')"),
    ("Next search hit", "Go to the next hit of the last search (n)", "next_hit('1')"),
    ("Previous search hit", "Go to the previous hit of the last search (N)", "next_hit('-1')"),
    ("Toggle library", "Show or hide the list of articles (ctrl+b)", "toggle_library"),
    ("Toggle sidebar", "Show or hide the article's details (ctrl+s)", "toggle_sidebar"),
    ("Filter library", "Filter the articles as you type (f)", "filter_library"),
    ("Sort library", "Sort by title, source, date or length (s)", "sort_library"),
    ("Switch theme", "Choose a theme; the choice is remembered (ctrl+t)", "app.change_theme"),
    ("Keys", "Every key of the reader (?)", "app.help"),
)


def literal_highlight(matcher: Matcher, text: str) -> Content:
    """`text` with the fuzzy match highlighted, as text: Textual's `Matcher.highlight` reads
    its argument as markup, and an article title may hold "[bold]"."""
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ReaderCommands(Provider):
    """The reader's actions."""

    @property
    def reader(self) -> Reader:
        return cast(Reader, self.screen)

    def _run(self, action: str) -> None:
        self.app.call_later(self.reader.run_action, action)

    async def discover(self) -> Hits:
        for title, help_text, action in READER_ACTIONS:
            yield DiscoveryHit(title, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in READER_ACTIONS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(title), partial(self._run, action), help=help_text
                )


class ArticleCommands(Provider):
    """ "Open …": any article of the library, by title, source or id."""

    @property
    def reader(self) -> Reader:
        return cast(Reader, self.screen)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for row in self.reader.library_rows():
            title = one_line(row.title)
            score = matcher.match(f"{title} {row.source or ''}")
            if score > 0:
                yield Hit(
                    score,
                    literal_highlight(matcher, f"Open: {title}"),
                    partial(self.reader.open_article, row.id),
                    help=f"{row.id} · {one_line(row.source or 'no source')}",
                )
