"""The list of search results: each article once, best first, with its best passages under it
("+N more in this article") and the files that are copies of it; a passage's snippet has the
matched words highlighted (from the offsets the index gives, never from markup). A flat
result (passages across articles) lists each passage with its article."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from search.index import ArticleHit, Hit, SearchResult
from search.safety import one_line

HIT_STYLE = "bold $text-accent on $accent-muted"
SHOWN = 3  # passages listed under an article; `n` in the reader goes on through the rest


def snippet_prompt(hit: Hit, *, indent: str = "") -> Content:
    snippet = Content(one_line(hit.snippet))
    for start, end in hit.matches:
        snippet = snippet.stylize(HIT_STYLE, start, end)
    where = Content(f"{indent}passage {hit.passage + 1}  ").stylize("$text-muted")
    return Content.assemble(where, snippet)


def hit_prompt(hit: Hit) -> Content:
    """Two or more lines: the article's title and where, then the snippet."""
    where = Content(f"  {hit.article} · passage {hit.passage + 1}").stylize("$text-muted")
    title = Content.assemble(Content(one_line(hit.title)).stylize("bold"), where)
    return Content("\n").join([title, snippet_prompt(hit)])


def article_prompt(article: ArticleHit) -> Content:
    """The article's title, id and how many of its passages match, then its copies."""
    count = len(article.passages)
    where = f"  {article.article} · {count} passage{'' if count == 1 else 's'}"
    lines = [
        Content.assemble(
            Content(one_line(article.title)).stylize("bold $text-accent"),
            Content(where).stylize("$text-muted"),
        )
    ]
    for copy in article.copies:
        kind = "copy" if copy.identical else "near copy"
        line = f"  {kind}: {copy.article} {one_line(copy.title)}"
        lines.append(Content(line).stylize("$text-muted"))
    return Content("\n").join(lines)


class HitList(OptionList):
    """Search results; Enter opens the highlighted passage (an `OptionList.OptionSelected`,
    whose option id is the passage's index in `SearchResult.hits`)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next hit", show=False, id="hits.down"),
        Binding("k", "cursor_up", "Previous hit", show=False, id="hits.up"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show_result(self, result: SearchResult) -> None:
        self.clear_options()
        options: list[Option] = []
        if result.articles:
            at = 0  # the index in result.hits of the article's first passage
            for article in result.articles:
                options.append(Option(article_prompt(article), disabled=True))
                for offset, hit in enumerate(article.passages[:SHOWN]):
                    options.append(Option(snippet_prompt(hit, indent="  "), id=f"{at + offset}"))
                more = article.more(SHOWN)
                if more:
                    text = f"  +{more} more in this article · n goes on through them"
                    options.append(Option(Content(text).stylize("$text-muted"), disabled=True))
                at += len(article.passages)
        else:
            options = [Option(hit_prompt(hit), id=f"{i}") for i, hit in enumerate(result.hits)]
        self.add_options(options)
        self.action_first()  # OptionList's: the first enabled option, the best passage

    def hit_index(self, option_index: int | None) -> int:
        """The index in `SearchResult.hits` of the passage at `option_index` (the first hit,
        0, when none is highlighted)."""
        if option_index is None:
            return 0
        option = self.get_option_at_index(option_index)
        return int(option.id) if option.id is not None else 0
