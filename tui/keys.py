"""Where each group of keys works, for the help screen (`?`): the sections it lists, from the
bindings of the app, the screens and the widgets themselves."""

from __future__ import annotations

from tui.dialogs.details import DetailsDialog
from tui.dialogs.help import HelpScreen, Section, bindings_of
from tui.dialogs.note import NoteDialog
from tui.dialogs.pick import ArticlePicker
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.compare import CompareScreen
from tui.screens.fact import FactScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.widgets.article import ArticleView
from tui.widgets.article_pane import ArticlePane, FindBar, OriginalView
from tui.widgets.bookmarks import BookmarkList
from tui.widgets.facts import FactList
from tui.widgets.library import LibraryList, LibraryPane


def help_sections(app: type) -> list[Section]:
    """The help's sections; `app` is the App class, whose keys work anywhere."""
    return [
        ("Anywhere", [ReaderScreen, app]),
        ("Library", [LibraryList, LibraryPane]),
        ("Article", [ArticleView, ArticlePane]),
        ("Original file (o)", [OriginalView]),
        ("Details (D)", [DetailsDialog]),
        ("Find in article (ctrl+f)", [FindBar]),
        ("Search (/)", [SearchScreen]),
        ("Facts (F)", [FactList, FactScreen]),
        ("Compare (c)", [CompareScreen]),
        ("Bookmarks (B)", [BookmarksScreen, BookmarkList, NoteDialog]),
    ]


def binding_ids(app: type) -> set[str]:
    """Every binding id a user may rebind in config.yaml."""
    owners = [owner for _, group in help_sections(app) for owner in group]
    owners += [HelpScreen, ArticlePicker]
    return {b.id for owner in owners for b in bindings_of(owner) if b.id}
