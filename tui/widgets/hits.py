"""The list of search hits: each shows its article, passage and a snippet with the matched
words highlighted (from the offsets the index gives, never from markup)."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from search.index import Hit, SearchResult
from search.safety import one_line

HIT_STYLE = "bold $text-accent on $accent-muted"


def hit_prompt(hit: Hit) -> Content:
    """Two or more lines: the article's title and where, then the snippet."""
    where = Content(f"  {hit.article} · passage {hit.passage + 1}").stylize("$text-muted")
    title = Content.assemble(Content(one_line(hit.title)).stylize("bold"), where)
    snippet = Content(one_line(hit.snippet))
    for start, end in hit.matches:
        snippet = snippet.stylize(HIT_STYLE, start, end)
    return Content("\n").join([title, snippet])


class HitList(OptionList):
    """Search hits; Enter opens the highlighted one (an `OptionList.OptionSelected`)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next hit", show=False, id="hits.down"),
        Binding("k", "cursor_up", "Previous hit", show=False, id="hits.up"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show_result(self, result: SearchResult) -> None:
        self.clear_options()
        self.add_options([Option(hit_prompt(hit), id=f"{i}") for i, hit in enumerate(result.hits)])
        if result.hits:
            self.highlighted = 0
