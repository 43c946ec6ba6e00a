"""The reader's three panes — library, article, sidebar (details, facts, what cleaning removed)
— and how they share the screen: side by side from 100 columns, one at a time below (tab and
shift+tab go round them, ctrl+b, ctrl+s and F bring one up, Escape goes back). A part of
ReaderScreen (tui/screens/reader.py)."""

from __future__ import annotations

from textual import events
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from tui.widgets.article import ArticleView
from tui.widgets.article_pane import ArticlePane, FindBar
from tui.widgets.facts import FactList
from tui.widgets.library import LibraryList, LibraryPane
from tui.widgets.sidebar import InfoSidebar

NARROW_BELOW = 100  # columns: below this, one pane at a time
PANES = ("library", "article", "sidebar")


class ReaderPanes(Screen[None]):
    """Which panes show, and which has the focus."""

    single_pane = reactive("library", init=False)  # below 100 columns: the pane shown

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def pane_widget(self, pane: str) -> Widget:
        """What takes the focus when `pane` comes up."""
        if pane == "library":
            return self.query_one(LibraryList)
        if pane == "article":
            article = self.query_one(ArticlePane)
            return article.query_one("#original") if article.showing_original else article.view
        return self.query_one(InfoSidebar)

    def show_pane(self, pane: str, focus: Widget | None = None) -> None:
        """Bring `pane` up (the only one shown below 100 columns) and focus it."""
        self.remove_class(f"-hide-{pane}")
        if self.narrow:
            self.single_pane = pane
        (focus or self.pane_widget(pane)).focus()

    # --- keys ----------------------------------------------------------------------------------

    def action_focus_facts(self) -> None:
        """`F`: the facts of the article, the first one selected (Enter goes to it)."""
        facts = self.query_one(FactList)
        if facts.display and facts.option_count:
            facts.select_first()
            self.show_pane("sidebar", facts)
        else:
            self.show_pane("sidebar")
            self.notify("No facts for this article yet", severity="information", timeout=3)

    def action_toggle_library(self) -> None:
        if self.narrow:
            self.show_pane("article" if self.single_pane == "library" else "library")
        else:
            self.toggle_class("-hide-library")

    def action_toggle_sidebar(self) -> None:
        if self.narrow:
            self.show_pane("article" if self.single_pane == "sidebar" else "sidebar")
        else:
            self.toggle_class("-hide-sidebar")

    async def action_filter_library(self) -> None:
        self.show_pane("library")
        await self.query_one(LibraryPane).action_filter()

    def action_sort_library(self) -> None:
        self.query_one(LibraryList).action_sort()

    async def action_find(self) -> None:
        self.show_pane("article")
        await self.query_one(ArticlePane).action_find()

    def action_toggle_original(self) -> None:
        self.show_pane("article")
        self.query_one(ArticlePane).action_toggle_original()

    def action_next_pane(self, step: int) -> None:
        """tab / shift+tab: the next pane below 100 columns (one shows at a time), else the
        next widget that takes the focus."""
        if not self.narrow:
            if step > 0:
                self.focus_next()
            else:
                self.focus_previous()
            return
        at = PANES.index(self.single_pane) if self.single_pane in PANES else 0
        self.show_pane(PANES[(at + step) % len(PANES)])

    def action_back(self) -> None:
        """Escape below 100 columns: from the sidebar to the article, from it to the library."""
        if self.narrow and self.single_pane == "sidebar":
            self.show_pane("article")
        elif self.narrow and self.single_pane == "article":
            self.show_pane("library")

    # --- layout --------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.layout_for(event.size.width)

    def layout_for(self, width: int) -> None:
        self.set_class(width < NARROW_BELOW, "-narrow")
        self._apply_single_pane()

    def watch_single_pane(self) -> None:
        self._apply_single_pane()

    def _apply_single_pane(self) -> None:
        self.set_class(self.single_pane == "article", "-show-article")
        self.set_class(self.single_pane == "sidebar", "-show-sidebar")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Focusing a pane (tab, a click) makes it the one shown below 100 columns."""
        widget = event.widget
        if isinstance(widget, LibraryList | LibraryPane) or widget.id == "library-filter":
            self.single_pane = "library"
        elif isinstance(widget, ArticleView | FindBar) or widget.id == "original":
            self.single_pane = "article"
        elif isinstance(widget, InfoSidebar | FactList):
            self.single_pane = "sidebar"
