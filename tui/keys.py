"""Where each group of keys works, for the help screen (`?`): the sections it lists, from the
bindings of the app, the screens and the widgets themselves."""

from __future__ import annotations

from tui.dialogs.help import Section
from tui.dialogs.note import NoteDialog
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.compare import CompareScreen
from tui.screens.fact import FactScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.widgets.article import ArticlePane, ArticleView, FindBar
from tui.widgets.bookmarks import BookmarkList
from tui.widgets.facts import FactList
from tui.widgets.library import LibraryList, LibraryPane


def help_sections(app: type) -> list[Section]:
    """The help's sections; `app` is the App class, whose keys work anywhere."""
    return [
        ("Anywhere", [ReaderScreen, app]),
        ("Library", [LibraryList, LibraryPane]),
        ("Article", [ArticleView, ArticlePane]),
        ("Find in article (ctrl+f)", [FindBar]),
        ("Search (/)", [SearchScreen]),
        ("Facts (F)", [FactList, FactScreen]),
        ("Compare (c)", [CompareScreen]),
        ("Bookmarks (B)", [BookmarksScreen, BookmarkList, NoteDialog]),
    ]
