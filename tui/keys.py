"""Where each group of keys works, for the help screen (`?`): the sections it lists."""

from __future__ import annotations

from tui.dialogs.help import Section


def help_sections() -> list[Section]:
    # Imported here: the screens import this module to open the help.
    from tui.app import DossierApp
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

    return [
        ("Anywhere", [ReaderScreen, DossierApp]),
        ("Library", [LibraryList, LibraryPane]),
        ("Article", [ArticleView, ArticlePane]),
        ("Find in article (ctrl+f)", [FindBar]),
        ("Search (/)", [SearchScreen]),
        ("Facts (F)", [FactList, FactScreen]),
        ("Compare (c)", [CompareScreen]),
        ("Bookmarks (B)", [BookmarksScreen, BookmarkList, NoteDialog]),
    ]
