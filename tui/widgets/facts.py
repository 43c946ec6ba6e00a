"""The facts of the open article in the sidebar, grouped by kind, each marked by what the rest
of the corpus says: ✓ corroborated, ≠ in conflict, · stated by this article alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from search.render import FACT_MARKS
from search.safety import one_line

if TYPE_CHECKING:
    from search.facts import CheckedFact

KIND_TITLES = {
    "money": "Money",
    "count": "Counts",
    "percent": "Percentages",
    "date": "Dates",
    "entity": "Names",
}
MARK_STYLES = {"corroborated": "$text-success", "conflict": "$text-error", "alone": "$text-muted"}
MAX_ENTITIES = 15


def fact_prompt(entry: CheckedFact) -> Content:
    fact = entry.fact
    if fact.kind == "entity":
        return Content.assemble(
            Content(one_line(fact.text)), Content(f"  ×{fact.mentions}").stylize("$text-muted")
        )
    mark, style = FACT_MARKS[entry.status], MARK_STYLES[entry.status]
    line = Content.assemble(Content(mark).stylize(f"bold {style}"), " ", one_line(fact.text))
    for conflict in entry.conflicts[:1]:
        line = Content.assemble(
            line, Content(f"  {conflict.article[:3]}: {one_line(conflict.text)}").stylize(style)
        )
    return line


class FactList(OptionList):
    """Enter jumps to the fact's passage; `v` shows it across the corpus."""

    DEFAULT_CSS = """
    FactList {
        height: auto;
        max-height: 24;
        border: none;
        padding: 0;
        background: $background;
        &:focus {
            border: none;
        }
        & > .option-list--option {
            padding: 0;
        }
    }
    """

    BINDINGS = [
        Binding("v", "explore", "Across corpus", id="facts.explore"),
        Binding("j", "cursor_down", "Next fact", show=False, id="facts.down"),
        Binding("k", "cursor_up", "Previous fact", show=False, id="facts.up"),
    ]

    class Chosen(Message):
        def __init__(self, entry: CheckedFact) -> None:
            super().__init__()
            self.entry = entry

    class Explore(Message):
        def __init__(self, entry: CheckedFact) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.entries: list[CheckedFact] = []

    def show_facts(self, entries: list[CheckedFact]) -> None:
        self.clear_options()
        self.entries = []
        options: list[Option | None] = []
        for kind, title in KIND_TITLES.items():
            group = [e for e in entries if e.fact.kind == kind]
            if kind == "entity":
                group = group[:MAX_ENTITIES]
            if not group:
                continue
            options.append(Option(Content(title).stylize("bold $text-accent"), disabled=True))
            for entry in group:
                options.append(Option(fact_prompt(entry), id=str(len(self.entries))))
                self.entries.append(entry)
        self.add_options(options)

    def select_first(self) -> None:
        """Highlight the first fact (below its group's heading) unless one is already."""
        if self.highlighted is None or self._entry() is None:
            first = next(
                (i for i in range(self.option_count) if not self.get_option_at_index(i).disabled),
                None,
            )
            self.highlighted = first

    def _entry(self) -> CheckedFact | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.entries[int(option.id)] if option.id is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._entry()
        if entry is not None:
            self.post_message(self.Chosen(entry))

    def action_explore(self) -> None:
        entry = self._entry()
        if entry is not None:
            self.post_message(self.Explore(entry))
