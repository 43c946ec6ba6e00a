"""The facts of the open article in the sidebar, grouped by kind, one row per figure (with its
count when the article states it several times), each marked by what the rest of the corpus
says: ✓ corroborated, ≠ in conflict, · stated by this article alone; below it, the other
articles that say so, by title (source, date)."""

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
    from search import ArticleInfo
    from search.facts import CheckedFact, FactGroup, Link

# Every kind the extractor makes (search/facts/fact.py FIGURE_KINDS, and names), in the order
# the sidebar lists them; a kind missing here still shows, under its own name, before names.
KIND_TITLES = {
    "money": "Money",
    "count": "Counts",
    "percent": "Percentages",
    "percentage_points": "Percentage points",
    "measure": "Measures",
    "duration": "Durations",
    "ratio": "Ratios",
    "score": "Scores",
    "date": "Dates",
    "other": "Other figures",
    "entity": "Names",
}
MARK_STYLES = {"corroborated": "$text-success", "conflict": "$text-error", "alone": "$text-muted"}
LINK_STYLES = {"corroborates": "$text-success", "conflicts": "$text-error", "copy": "$text-muted"}
MAX_ENTITIES = 15
MAX_LINKS = 3  # other articles named under a row; `v` lists them all
TITLE_WIDTH = 48  # characters of another article's title under a row (`v` shows it whole)


def kind_title(kind: str) -> str:
    return KIND_TITLES.get(kind) or kind.replace("_", " ").capitalize()


def link_line(link: Link, infos: dict[str, ArticleInfo]) -> Content:
    """`  ✓ also in “Title” (source, date)`; a conflict adds what the other article says."""
    from search.facts import article_name
    from search.facts.sidebar import RELATION_WORDS

    words = RELATION_WORDS.get(link.relation, f"{link.relation}:")
    text = f"  {words} {article_name(link.article, infos, TITLE_WIDTH)}"
    if link.relation == "conflicts":
        text += f": {one_line(link.text)}"
    return Content(text).stylize(LINK_STYLES.get(link.relation, "$text-muted"))


def fact_prompt(group: FactGroup, infos: dict[str, ArticleInfo]) -> Content:
    fact = group.first.fact
    count = Content(f"  ×{group.count}").stylize("$text-muted") if group.count > 1 else ""
    if fact.kind == "entity":
        return Content.assemble(Content(one_line(fact.text)), count)
    mark, style = FACT_MARKS[group.status], MARK_STYLES[group.status]
    head = Content.assemble(
        Content(mark).stylize(f"bold {style}"), " ", Content(one_line(fact.text)), count
    )
    links = group.links
    lines = [head] + [link_line(link, infos) for link in links[:MAX_LINKS]]
    if len(links) > MAX_LINKS:
        more = f"  +{len(links) - MAX_LINKS} more: v shows them"
        lines.append(Content(more).stylize("$text-muted"))
    return Content("\n").join(lines)


class FactList(OptionList):
    """Enter jumps to the fact's (first statement's) passage; `v` shows it across the corpus."""

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
        """Go to the row's first statement."""

        def __init__(self, entry: CheckedFact) -> None:
            super().__init__()
            self.entry = entry

    class Explore(Message):
        """Show the row across the corpus: its links, the other articles named by `infos`."""

        def __init__(self, group: FactGroup, infos: dict[str, ArticleInfo]) -> None:
            super().__init__()
            self.group, self.infos = group, infos

        @property
        def entry(self) -> CheckedFact:
            return self.group.first

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.groups: list[FactGroup] = []
        self.infos: dict[str, ArticleInfo] = {}

    @property
    def entries(self) -> list[CheckedFact]:
        """Each row's first statement (the one it shows and Enter goes to)."""
        return [group.first for group in self.groups]

    def show_facts(self, groups: list[FactGroup], infos: dict[str, ArticleInfo]) -> None:
        """List `groups` under a heading per kind, KIND_TITLES's order first, then any other
        kind (never dropped), names last (the most named first, MAX_ENTITIES of them)."""
        self.clear_options()
        self.groups, self.infos = [], infos
        kinds = list(KIND_TITLES)
        for group in groups:
            if group.kind not in kinds:
                kinds.insert(kinds.index("entity"), group.kind)
        options: list[Option | None] = []
        for kind in kinds:
            rows = [g for g in groups if g.kind == kind]
            if kind == "entity":
                rows = rows[:MAX_ENTITIES]
            if not rows:
                continue
            options.append(
                Option(Content(kind_title(kind)).stylize("bold $text-accent"), disabled=True)
            )
            for group in rows:
                options.append(Option(fact_prompt(group, infos), id=str(len(self.groups))))
                self.groups.append(group)
        self.add_options(options)
        if self.has_focus:  # the facts of another article came while the list had the focus
            self.select_first()

    def select_first(self) -> None:
        """Highlight the first fact (below its group's heading) unless one is already."""
        if self.highlighted is None or self._entry() is None:
            self.action_first()  # OptionList's: the first enabled option

    def _group(self) -> FactGroup | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.groups[int(option.id)] if option.id is not None else None

    def _entry(self) -> CheckedFact | None:
        group = self._group()
        return None if group is None else group.first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._entry()
        if entry is not None:
            self.post_message(self.Chosen(entry))

    def action_explore(self) -> None:
        group = self._group()
        if group is not None:
            self.post_message(self.Explore(group, self.infos))
