"""`v` on a fact: every article that states it, values side by side. On a name: its mentions
across the corpus (a phrase search of the index). Enter opens the article at that passage."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from search import Workspace
from search.facts import CheckedFact
from search.places import Place, statements
from search.safety import one_line
from tui import workers
from tui.jobs import Jobs
from tui.messages import Searched

SAME, DIFFERENT = "$text-success", "$text-error"


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
        self,
        entry: CheckedFact,
        corpus: dict[str, list[CheckedFact]],
        workspace: Workspace,
        titles: dict[str, str],
    ) -> None:
        super().__init__()
        self.entry, self.corpus, self.workspace, self.titles = entry, corpus, workspace, titles
        self.places: list[Place] = []

    def compose(self) -> ComposeResult:
        fact = self.entry.fact
        with Vertical(id="fact-box"):
            heading = (
                f"“{one_line(fact.text)}” across the corpus"
                if fact.kind == "entity"
                else f"{fact.kind}: “{one_line(fact.text)}” — {self.entry.status}"
            )
            yield Static(heading, id="fact-heading", markup=False)
            yield OptionList(id="fact-rows", markup=False)

    def on_mount(self) -> None:
        rows = self.query_one("#fact-rows", OptionList)
        rows.focus()
        if self.entry.fact.kind == "entity":
            rows.add_option(Option("Searching…", disabled=True))
            self.run_job(workers.search, f'"{self.entry.fact.text}"', 100, group="mentions")
            return
        for fact, same in statements(self.entry, self.corpus):
            self._add(
                rows,
                fact.article,
                fact.passage,
                fact.sentence,
                (fact.start, fact.end),
                fact.text,
                same,
            )
        rows.highlighted = 0

    def _add(self, rows, article, passage, sentence, span, value, same) -> None:  # type: ignore[no-untyped-def]
        title = one_line(self.titles.get(article, article))
        where = "title" if passage < 0 else f"passage {passage + 1}"
        head = Content.assemble(
            Content(one_line(value)).stylize(f"bold {SAME if same else DIFFERENT}"),
            "  ",
            Content(title).stylize("bold"),
            Content(f"  {article[:12]} · {where}").stylize("$text-muted"),
        )
        rows.add_option(Option(Content("\n").join([head, Content(one_line(sentence))])))
        self.places.append(Place(article, max(0, passage), (span,) if passage >= 0 else ()))

    def on_searched(self, message: Searched) -> None:
        result = message.result
        rows = self.query_one("#fact-rows", OptionList)
        rows.clear_options()
        if result.error or not result.hits:
            rows.add_option(Option(one_line(result.error or "No other mentions."), disabled=True))
            return
        for hit in result.hits:
            span = hit.matches[0] if hit.matches else (0, 0)
            self._add(rows, hit.article, hit.passage, hit.snippet, span, self.entry.fact.text, True)
            self.places[-1] = Place(hit.article, hit.passage, needle=self.entry.fact.text)
        rows.highlighted = 0
        self.query_one("#fact-heading", Static).update(
            f"“{one_line(self.entry.fact.text)}”: {result.total} passages in the corpus"
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.places):
            self.dismiss(self.places[event.option_index])
