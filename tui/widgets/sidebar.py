"""The sidebar beside the article: its details, its facts (checked across the corpus), and what
cleaning removed from its file and why."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from search import Article
from search.safety import one_line
from tui.widgets.facts import FactList

if TYPE_CHECKING:
    from rich.table import Table

    from search import ArticleInfo
    from search.facts import FactGroup

MAX_REMOVED_SHOWN = 12


def _grid() -> Table:
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    return grid


def article_details(article: Article) -> Table:
    """Source, byline, date, where it was filed, size, file and what decoding repaired, as
    label / value rows; what the reader corrected is marked so, with the line corrections."""
    grid = _grid()
    fixed = article.corrected.fields if article.corrected else {}
    rows: list[tuple[str, str | None]] = []
    if "title" in fixed:  # the heading shows the title; here only that it was corrected
        rows.append(("Title", article.title))
    rows += [
        ("Source", article.source),
        ("Byline", article.byline),
        ("Published", article.published),
    ]
    rows += [(label, value) for label, value in _filed(article) if value]
    rows += [
        ("Words", f"{article.words:,}"),
        ("Passages", str(len(article.passages))),
        ("File", article.path.name),
        ("Encoding", article.encoding),
    ]
    if article.url:
        rows.append(("URL", article.url))
    rows += [("Repaired", repair) for repair in article.repairs]
    names = {"Title": "title", "Source": "source", "Byline": "byline", "Published": "published"}
    for label, value in rows:
        text = Text(one_line(value or "—"))
        if names.get(label) in fixed:
            text.append(" (corrected)", style="italic")
        grid.add_row(Text(label), text)
    for label, value in _line_corrections(article):
        grid.add_row(Text(label), Text(value, style="italic"))
    return grid


def _filed(article: Article) -> list[tuple[str, str | None]]:
    """The dateline as written, the place it gives and a clipping's tags."""
    tags = " ".join(f"#{tag}" for tag in article.tags)
    return [("Dateline", article.dateline), ("Place", article.place), ("Tags", tags)]


def _line_corrections(article: Article) -> list[tuple[str, str]]:
    marks = article.corrected
    if not marks:
        return []
    said = []
    if marks.restored:
        said.append(f"{len(marks.restored)} line{'s' * (len(marks.restored) != 1)} restored")
    if marks.removed:
        said.append(f"{len(marks.removed)} line{'s' * (len(marks.removed) != 1)} removed")
    rows = [("Corrected", " · ".join(said))] if said else []
    if marks.stale:
        rows.append(("Stale", f"{len(marks.stale)} correction(s): the line is gone"))
    return rows


def removed_summary(article: Article) -> Table | Text:
    """How many lines cleaning removed, by reason, then the first few of them."""
    if not article.removed:
        return Text("Nothing was removed.")
    grid = _grid()
    reasons = Counter(r.reason for r in article.removed)
    for reason, count in reasons.most_common():
        grid.add_row(Text(f"{count:>3}"), Text(one_line(reason)))
    grid.add_row(Text(""), Text(""))
    for removed in article.removed[:MAX_REMOVED_SHOWN]:
        grid.add_row(Text(f"{removed.line:>3}"), Text(one_line(removed.text)[:80], style="dim"))
    more = len(article.removed) - MAX_REMOVED_SHOWN
    if more > 0:
        grid.add_row(Text(""), Text(f"… {more} more: o shows the whole file", style="italic"))
    return grid


class InfoSidebar(VerticalScroll, can_focus=True):
    """The open article's details, facts and cleaning report (made when the first article
    shows: the first screen does not wait for them)."""

    def _parts(self) -> None:
        if self.query("#sidebar-details"):
            return
        self.mount_all(
            [
                Static("Details", classes="sidebar-heading"),
                Static("", id="sidebar-details", markup=False),
                Static("Facts", classes="sidebar-heading", id="facts-heading"),
                Static("", id="facts-status", markup=False),
                FactList(id="sidebar-facts"),
                Static("Removed by cleaning", classes="sidebar-heading", id="removed-heading"),
                Static("", id="sidebar-removed", markup=False),
            ]
        )

    def show(self, article: Article) -> None:
        self._parts()
        self.query_one("#sidebar-details", Static).update(article_details(article))
        self.query_one("#removed-heading", Static).update(
            f"Removed by cleaning ({len(article.removed)} lines)"
        )
        self.query_one("#sidebar-removed", Static).update(removed_summary(article))
        self.scroll_home(animate=False)

    def facts_problem(self, text: str) -> None:
        """The corpus's facts could not be read: say so instead of "Reading…"."""
        self._parts()
        self.query_one("#facts-status", Static).update(text)
        self.query_one(FactList).display = False

    def show_facts(
        self,
        groups: list[FactGroup] | None,
        infos: dict[str, ArticleInfo] | None = None,
        progress: str | None = None,
    ) -> None:
        """The article's facts, one row per figure (`infos` names the articles they link to);
        None while they are still being read (`progress` says how far)."""
        self._parts()
        status = self.query_one("#facts-status", Static)
        facts = self.query_one(FactList)
        if groups is None:
            status.update(progress or "Reading the corpus's facts…")
            status.display, facts.display = True, False
            return
        figures = [g for g in groups if g.kind != "entity"]
        counts = {s: sum(g.status == s for g in figures) for s in ("corroborated", "conflict")}
        status.update(
            f"{len(figures)} figures · ✓ {counts['corroborated']} corroborated · "
            f"≠ {counts['conflict']} in conflict · Enter goes to one, v shows it across articles"
        )
        status.display, facts.display = True, bool(groups)
        facts.show_facts(groups, infos or {})
