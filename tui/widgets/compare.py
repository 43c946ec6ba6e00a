"""The aligned rows of a comparison: one row per pair of passages (or a passage against a gap),
side A on the left and side B on the right, in one scrolling column so both sides always scroll
together. Differing figures and sentences only one side has are marked on both sides."""

from __future__ import annotations

from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from search import Article
from search.compare import Comparison, Row
from search.safety import visible

DIFFERENT = "bold $text-error on $error-muted"
ONE_SIDED = "$text-warning"
GAP = "·  only in the other version"


def side_content(
    article: Article,
    passages: tuple[int, ...],
    figures: list[tuple[int, int, int]],
    one_sided: tuple[tuple[int, int, int], ...],
) -> Content:
    """The passages of one side of a row, figures that differ and one-sided sentences marked."""
    parts = []
    for index in passages:
        text = article.passages[index].text
        content = Content(visible(text))
        for passage, start, end in one_sided:
            if passage == index:
                content = content.stylize(ONE_SIDED, start, end)
        for passage, start, end in figures:
            if passage == index:
                content = content.stylize(DIFFERENT, start, end)
        parts.append(content)
    return Content("\n\n").join(parts)


class CompareRow(Horizontal):
    """One aligned row; `-gap-a`/`-gap-b` when a side is empty, `-differs` when it has marks."""

    def __init__(self, number: int, row: Row, left: Content | None, right: Content | None) -> None:
        classes = "compare-row"
        if left is None:
            classes += " -gap-a"
        if right is None:
            classes += " -gap-b"
        super().__init__(classes=classes)
        self.number, self.row = number, row
        self._left, self._right = left, right

    def compose(self):  # type: ignore[no-untyped-def]
        for side, content in (("side-a", self._left), ("side-b", self._right)):
            if content is None:
                yield Static(Content(GAP).stylize("$text-muted"), classes=f"{side} -gap")
            else:
                yield Static(content, classes=side)


class AlignedRows(VerticalScroll, can_focus=True):
    """The rows; a row cursor moved with j/k, n/N to the next or previous difference."""

    cursor: reactive[int] = reactive(0, init=False)

    class Moved(Message):
        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison: Comparison | None = None
        self.differences: list[int] = []  # rows with a disagreement, a gap or a one-sided line

    async def show(self, comparison: Comparison, a: Article, b: Article) -> None:
        self.comparison = comparison
        await self.remove_children()
        figures_a = {(d.a_passage, *d.a_span) for d in comparison.disagreements}
        figures_b = {(d.b_passage, *d.b_span) for d in comparison.disagreements}
        rows, self.differences = [], []
        for number, row in enumerate(comparison.rows):
            left = side_content(a, row.a, sorted(figures_a), row.only_a) if row.a else None
            right = side_content(b, row.b, sorted(figures_b), row.only_b) if row.b else None
            marked = any(f[0] in row.a for f in figures_a) or row.only_a or row.only_b
            if left is None or right is None or marked:
                self.differences.append(number)
            widget = CompareRow(number, row, left, right)
            if marked:
                widget.add_class("-differs")
            rows.append(widget)
        await self.mount_all(rows)
        self.set_reactive(AlignedRows.cursor, 0)
        self._paint(None, 0)
        self.scroll_home(animate=False)

    def rows(self) -> list[CompareRow]:
        return list(self.query(CompareRow))

    def watch_cursor(self, old: int, new: int) -> None:
        self._paint(old, new)
        self.post_message(self.Moved(new))

    def _paint(self, old: int | None, new: int) -> None:
        rows = self.rows()
        if old is not None and 0 <= old < len(rows):
            rows[old].remove_class("-cursor")
        if 0 <= new < len(rows):
            rows[new].add_class("-cursor")
            self.call_after_refresh(self.scroll_to_widget, rows[new], animate=False, top=False)

    def move(self, step: int) -> None:
        count = len(self.rows())
        if count:
            self.cursor = max(0, min(count - 1, self.cursor + step))

    def next_difference(self, direction: int) -> bool:
        """Move to the next (1) or previous (-1) row with a difference; False if none."""
        ahead = [r for r in self.differences if (r - self.cursor) * direction > 0]
        if not ahead:
            return False
        self.cursor = min(ahead) if direction > 0 else max(ahead)
        return True
