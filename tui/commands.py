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

    def all_articles(self) -> list[ArticleInfo]: ...

    def open_article(self, article_id: str) -> object: ...

    def key_hint(self, binding_id: str) -> str: ...

    async def run_action(self, action: str) -> bool: ...


# (title, what it does, action on the reader screen, the id of the binding that does it: its
# keys, as the user has bound them, are added to the help)
READER_ACTIONS = (
    ("Search the corpus", "Full-text search across every article", "search", "reader.search"),
    ("Find in article", "Find a word or phrase in the open article", "find", "article.find"),
    (
        "Toggle original file",
        "The file as scraped, removed lines dimmed",
        "toggle_original",
        "article.original",
    ),
    (
        "Bookmark passage",
        "Bookmark the passage or selection, with a note and tags",
        "bookmark",
        "reader.bookmark",
    ),
    (
        "Bookmarks",
        "Every bookmark: filter, edit notes, delete, export, jump",
        "bookmarks",
        "reader.bookmarks",
    ),
    (
        "Copy passage",
        "Copy the current passage with its title and source",
        "copy_passage",
        "reader.copy",
    ),
    (
        "Next article",
        "Open the next article of the library",
        "next_article('1')",
        "reader.next_article",
    ),
    (
        "Previous article",
        "Open the previous article of the library",
        "next_article('-1')",
        "reader.previous_article",
    ),
    (
        "Next search hit",
        "Go to the next hit of the last search",
        "next_hit('1')",
        "reader.next_hit",
    ),
    (
        "Previous search hit",
        "Go to the previous hit of the last search",
        "next_hit('-1')",
        "reader.previous_hit",
    ),
    ("Facts", "The article's figures, dates and names, checked", "focus_facts", "reader.facts"),
    (
        "Edit details",
        "Correct the article's title, date, source or byline",
        "edit_details",
        "reader.details",
    ),
    ("Compare", "Compare with the article that tells the same story", "compare", "reader.compare"),
    (
        "Toggle library",
        "Show or hide the list of articles",
        "toggle_library",
        "reader.toggle_library",
    ),
    (
        "Toggle sidebar",
        "Show or hide the article's details, facts and removed lines",
        "toggle_sidebar",
        "reader.toggle_sidebar",
    ),
    ("Filter library", "Filter the articles as you type", "filter_library", "library.filter"),
    ("Sort library", "Sort by title, source, date or length", "sort_library", "library.sort"),
    (
        "Next theme",
        "Dossier's next theme; the choice is remembered",
        "app.change_theme",
        "app.theme",
    ),
    ("Keys", "Every key of the reader", "app.help", "app.help"),
)


def described(reader: Reader, help_text: str, binding_id: str) -> str:
    """The help of a palette entry with the keys that do the same, as bound now."""
    keys = reader.key_hint(binding_id)
    return f"{help_text} ({keys})" if keys else help_text


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
        for title, help_text, action, binding_id in READER_ACTIONS:
            help_text = described(self.reader, help_text, binding_id)
            yield DiscoveryHit(title, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action, binding_id in READER_ACTIONS:
            score = matcher.match(title)
            if score > 0:
                help_text = described(self.reader, help_text, binding_id)
                yield Hit(
                    score, matcher.highlight(title), partial(self._run, action), help=help_text
                )


class ArticleCommands(Provider):
    """ "Open …": any article of the corpus (whatever the library's filter shows), by title,
    source or id."""

    @property
    def reader(self) -> Reader:
        return cast(Reader, self.screen)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for row in self.reader.all_articles():
            title = one_line(row.title)
            score = matcher.match(f"{title} {row.source or ''}")
            if score > 0:
                yield Hit(
                    score,
                    literal_highlight(matcher, f"Open: {title}"),
                    partial(self.reader.open_article, row.id),
                    help=f"{row.id} · {one_line(row.source or 'no source')}",
                )
