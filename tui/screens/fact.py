"""`v` on a fact: every article that states it, values side by side. On a name: its mentions
across the corpus (a phrase search of the index). Enter opens the article at that passage."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from search import Workspace
from search.facts import CheckedFact, Fact, overlap, same_value
from search.safety import one_line

SAME, DIFFERENT = "$text-success", "$text-error"


@dataclass(frozen=True)
class Place:
    """Where to go: an article, a passage, and the span to highlight in it."""

    article: str
    passage: int
    spans: tuple[tuple[int, int], ...] = ()
    needle: str = ""  # or: mark every occurrence of this text in the passage

    def spans_in(self, text: str) -> list[tuple[int, int]]:
        if self.spans or not self.needle:
            return list(self.spans)
        return [m.span() for m in re.finditer(re.escape(self.needle), text, re.IGNORECASE)]


def statements(entry: CheckedFact, corpus: dict[str, list[CheckedFact]]) -> list[tuple[Fact, bool]]:
    """The fact itself, then each other article's statement of it: (fact, same value?)."""
    rows = [(entry.fact, True)]
    for article in entry.corroborated_by:
        mine = [
            e.fact
            for e in corpus.get(article, [])
            if e.fact.kind == entry.fact.kind and same_value(e.fact, entry.fact)
        ]
        if mine:
            rows.append((max(mine, key=lambda f: overlap(f.context, entry.fact.context)), True))
    for conflict in entry.conflicts:
        theirs = [
            e.fact
            for e in corpus.get(conflict.article, [])
            if (e.fact.passage, e.fact.start) == (conflict.passage, conflict.start)
        ]
        if theirs:
            rows.append((theirs[0], False))
    return rows


class FactScreen(ModalScreen[Place | None]):
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
            self.find_mentions(self.entry.fact.text)
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

    @work(thread=True, exclusive=True)
    def find_mentions(self, name: str) -> None:
        self.workspace.index_ready.wait(60)
        result = self.workspace.search(f'"{name}"', limit=100)
        self.app.call_from_thread(self._show_mentions, result)

    def _show_mentions(self, result) -> None:  # type: ignore[no-untyped-def]
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
