"""One passage of an article, drawn by its kind: headings, list items, quotes, paragraphs, and
tables (parsed by markdown-it-py). The text is always literal (a `Content`, never markup);
highlights are layers of character spans, each styled from theme variables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Offset
from textual.widgets import Static

from search import Passage, PassageKind
from search.safety import visible

if TYPE_CHECKING:
    from rich.table import Table

Spans = list[tuple[int, int]]

# Highlight layers, lowest first; later layers are drawn over earlier ones.
LAYER_STYLES = {
    "bookmark": "underline $text-secondary",
    "fact": "bold underline $text-warning",
    "search": "bold $text-accent on $accent-muted",
    "selection": "$text on $secondary-muted",
    "find": "$text on $warning-muted",
    "find-current": "bold reverse",
}
BULLET = "• "


def passage_content(passage: Passage, layers: dict[str, Spans]) -> Content | Table:
    """What a passage shows: its literal text with each layer's spans styled."""
    if passage.kind is PassageKind.TABLE:
        from rich.table import Table
        from rich.text import Text

        from search.reading import table_rows  # markdown-it: loaded when a table shows

        rows = table_rows(passage.text)
        if len(rows) >= 2:
            table = Table(show_edge=True, header_style="bold", expand=False)
            for cell in rows[0]:
                table.add_column(Text(visible(cell)), overflow="fold")  # no cell cut short
            width = len(rows[0])
            for row in rows[1:]:
                cells = (row + [""] * width)[:width]
                table.add_row(*(Text(visible(c)) for c in cells))
            return table
    text = visible(passage.text)
    shift = 0
    if passage.kind is PassageKind.LIST_ITEM:
        text, shift = BULLET + text, len(BULLET)
    content = Content(text)
    for layer, style in LAYER_STYLES.items():
        for start, end in layers.get(layer, ()):
            content = content.stylize(style, start + shift, end + shift)
    return content


class PassageBlock(Static):
    """A passage in the article pane; the reader's passage cursor is the `-cursor` class."""

    DEFAULT_CSS = """
    PassageBlock {
        padding: 0 1;
        margin-bottom: 1;
        border-left: blank;
    }

    PassageBlock.-cursor {
        background: $primary 12%;
        border-left: thick $primary;
    }

    PassageBlock.-bookmarked {
        border-right: thick $secondary;
    }

    PassageBlock.heading {
        text-style: bold;
        color: $text-accent;
    }

    PassageBlock.list_item {
        padding-left: 3;
        margin-bottom: 0;
    }

    PassageBlock.quote {
        border-left: outer $secondary;
        color: $text-muted;
        text-style: italic;
    }

    PassageBlock.quote.-cursor {
        border-left: thick $primary;
    }

    PassageBlock.table {
        width: 100%;  /* a table wider than the pane wraps its cells: nothing is cut off */
    }
    """

    def __init__(self, passage: Passage) -> None:
        classes = f"passage {passage.kind.value}"
        if passage.kind is PassageKind.HEADING:
            classes += f" level-{max(1, min(6, passage.level or 2))}"
        super().__init__(passage_content(passage, {}), classes=classes, markup=False)
        self.passage = passage
        self._layers: dict[str, Spans] = {}

    def set_layer(self, name: str, spans: Spans) -> None:
        """Highlight `spans` of the passage's text in the style of layer `name`."""
        if not spans and name not in self._layers:
            return
        if spans:
            self._layers[name] = spans
        else:
            self._layers.pop(name, None)
        self.update(passage_content(self.passage, self._layers))

    def selected_span(self) -> tuple[int, int] | None:
        """The characters of the passage's text under the mouse selection, if any."""
        selection, visual = self.text_selection, self.visual
        if selection is None or not isinstance(visual, Content):  # tables: a whole passage
            return None
        shown = visual.plain
        lines = shown.splitlines(keepends=True)

        def offset(point: Offset | None, default: int) -> int:
            if point is None:
                return default
            return sum(len(line) for line in lines[: point.y]) + point.x

        shift = len(BULLET) if self.passage.kind is PassageKind.LIST_ITEM else 0
        size = len(self.passage.text)
        start = max(0, min(size, offset(selection.start, 0) - shift))
        end = max(0, min(size, offset(selection.end, len(shown)) - shift))
        return (start, end) if start < end else None
