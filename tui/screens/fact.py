"""`v` on a fact: the fact, its other statements in this article, then every other article
linked to it, by title (source, date), each with why (subject, measure, period) and how sure;
a copy of the article is listed as a copy, never as a second source. On a name: its mentions
across the corpus (a phrase search of the index). Enter opens the article at that passage."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from search import ArticleInfo, Workspace
from search.facts import FactGroup
from search.places import Place
from search.safety import one_line
from tui import workers
from tui.jobs import Jobs
from tui.messages import Searched

SAME, DIFFERENT, COPY = "$text-success", "$text-error", "$text-muted"
RELATION_STYLES = {"corroborates": SAME, "conflicts": DIFFERENT, "copy": COPY}
RELATION_WORDS = {"corroborates": "agrees", "conflicts": "differs", "copy": "copy"}


class FactScreen(Jobs, ModalScreen[Place | None]):
    DEFAULT_CSS = """
    FactScreen {
        align: center middle;
        background: $background 60%;
    }

    #fact-box {
        width: 90%;
        max-width: 120;
        height: 70%;
        border: round $primary;
        background: $surface;
    }

    #fact-heading {
        padding: 0 1;
        text-style: bold;
    }

    #fact-rows {
        height: 1fr;
        border: none;
        background: $surface;
    }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="fact.close")]

    def __init__(
        self, group: FactGroup, infos: dict[str, ArticleInfo], workspace: Workspace
    ) -> None:
        """`infos`: the library rows (title, source, date) of the articles to name, by id."""
        super().__init__()
        self.group, self.infos, self.workspace = group, infos, workspace
        self.entry = group.first
        self.places: list[Place] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="fact-box"):
            yield Static(self._heading(), id="fact-heading", markup=False)
            yield OptionList(id="fact-rows", markup=False)

    def _heading(self) -> str:
        fact, links = self.entry.fact, self.group.links
        if fact.kind == "entity":
            return f"“{one_line(fact.text)}” across the corpus"
        said = {r: sum(k.relation == r for k in links) for r in RELATION_WORDS}
        counts = [f"✓ {said['corroborates']} agree", f"≠ {said['conflicts']} differ"]
        if said["copy"]:
            copies = "1 copy" if said["copy"] == 1 else f"{said['copy']} copies"
            counts.append(f"{copies} of this article (no second source)")
        times = f" ×{self.group.count}" if self.group.count > 1 else ""
        return f"{fact.kind}: “{one_line(fact.text)}”{times} — {self.group.status} · " + " · ".join(
            counts
        )

    def on_mount(self) -> None:
        rows = self.query_one("#fact-rows", OptionList)
        rows.focus()
        if self.entry.fact.kind == "entity":
            rows.add_option(Option("Searching…", disabled=True))
            self.run_job(workers.search, f'"{self.entry.fact.text}"', 100, group="mentions")
            return
        for entry in self.group.entries:  # this article's statements of it
            fact = entry.fact
            span = (fact.start, fact.end)
            head = self._head(fact.text, SAME, fact.article, fact.passage, "this article")
            self._add(
                rows, head, Content(one_line(fact.sentence)), fact.article, fact.passage, span
            )
        for link in self.group.links:  # the other articles', each with why
            style = RELATION_STYLES.get(link.relation, COPY)
            value = f"{RELATION_WORDS.get(link.relation, link.relation)}: {link.text}"
            head = self._head(value, style, link.article, link.passage)
            why = Content(f"  {one_line(link.why())}").stylize("$text-muted")
            self._add(rows, head, why, link.article, link.passage, (link.start, link.end))
        rows.highlighted = 0

    def _head(
        self, value: str, style: str, article: str, passage: int, name: str | None = None
    ) -> Content:
        """The value, then the article by title (source, date) and where in it."""
        info = self.infos.get(article)
        title = name or one_line(info.title if info else article)
        details = [d for d in (info.source, info.published) if d] if info and not name else []
        where = "title" if passage < 0 else f"passage {passage + 1}"
        return Content.assemble(
            Content(one_line(value)).stylize(f"bold {style}"),
            "  ",
            Content(title).stylize("bold"),
            Content(f"  {one_line(', '.join(details + [where]))}").stylize("$text-muted"),
        )

    def _add(  # type: ignore[no-untyped-def]
        self, rows, head: Content, second: Content, article: str, passage: int, span
    ) -> None:
        rows.add_option(Option(Content("\n").join([head, second])))
        spans = (span,) if passage >= 0 and span[0] >= 0 else ()
        self.places.append(Place(article, max(0, passage), spans))

    def on_searched(self, message: Searched) -> None:
        result = message.result
        rows = self.query_one("#fact-rows", OptionList)
        rows.clear_options()
        if result.error or not result.hits:
            rows.add_option(Option(one_line(result.error or "No other mentions."), disabled=True))
            return
        for hit in result.hits:
            head = self._head(self.entry.fact.text, SAME, hit.article, hit.passage)
            self._add(rows, head, Content(one_line(hit.snippet)), hit.article, hit.passage, (0, 0))
            self.places[-1] = Place(hit.article, hit.passage, needle=self.entry.fact.text)
        rows.highlighted = 0
        self.query_one("#fact-heading", Static).update(
            f"“{one_line(self.entry.fact.text)}”: {result.total} passages in the corpus"
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.places):
            self.dismiss(self.places[event.option_index])
