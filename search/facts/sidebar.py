"""The facts of one article as the sidebar lists them: a figure the article states several times
("$200 billion", "about $200 billion", "approximately $200 billion") is one row with its count
and every statement; each row's links name the other articles by id, with why and how sure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from search.facts.check import CheckedFact, Link
from search.safety import one_line

if TYPE_CHECKING:
    from search.model import ArticleInfo

RELATION_WORDS = {"corroborates": "✓ also in", "conflicts": "≠ in", "copy": "= copy:"}


@dataclass
class FactGroup:
    """One row of the sidebar: one figure (or name) of the article and its statements, in the
    order the article makes them (the first is the one the row shows and Enter goes to)."""

    entries: list[CheckedFact] = field(default_factory=list)

    @property
    def first(self) -> CheckedFact:
        return self.entries[0]

    @property
    def kind(self) -> str:
        return self.first.fact.kind

    @property
    def count(self) -> int:
        """How often the article states it (for a name: how often it names it)."""
        if self.kind == "entity":
            return self.first.fact.mentions
        return len(self.entries)

    @property
    def links(self) -> list[Link]:
        """Every statement's links, one per other article and relation (the surest kept)."""
        best: dict[tuple[str, str], Link] = {}
        for entry in self.entries:
            for link in entry.links:
                key = (link.article, link.relation)
                if key not in best or link.confidence > best[key].confidence:
                    best[key] = link
        return sorted(best.values(), key=lambda k: (k.relation != "conflicts", -k.confidence))

    @property
    def corroborated_by(self) -> list[str]:
        return [k.article for k in self.links if k.relation == "corroborates"]

    @property
    def conflicts(self) -> list[Link]:
        return [k for k in self.links if k.relation == "conflicts"]

    @property
    def status(self) -> str:
        if self.conflicts:
            return "conflict"
        return "corroborated" if self.corroborated_by else "alone"

    def linked_articles(self) -> list[str]:
        """The ids of the other articles this row links to (to name them by title)."""
        return list(dict.fromkeys(k.article for k in self.links))

    def as_json(self) -> dict[str, object]:
        data = self.first.as_json()
        data["count"] = self.count
        data["statements"] = [
            {
                "passage": e.fact.passage,
                "start": e.fact.start,
                "end": e.fact.end,
                "text": e.fact.text,
            }
            for e in self.entries
        ]
        data["status"] = self.status
        data["corroborated_by"] = self.corroborated_by
        data["conflicts"] = [k.as_json() for k in self.conflicts]
        data["links"] = [k.as_json() for k in self.links]
        return data


def _key(entry: CheckedFact) -> tuple[object, ...]:
    fact = entry.fact
    if fact.kind == "entity":
        return ("entity", fact.text.casefold())
    value = fact.value if isinstance(fact.value, str) else round(float(fact.value), 6)
    unit = fact.unit if fact.kind != "count" else " ".join((fact.unit or "").split()[-1:])
    return (fact.kind, unit, value)


def group_facts(entries: list[CheckedFact]) -> list[FactGroup]:
    """An article's checked facts as sidebar rows: statements of one figure (same kind, unit
    or thing counted, and value) in one row, rows in the order of their first statement,
    names last as they came."""
    groups: dict[tuple[object, ...], FactGroup] = {}
    for entry in entries:
        groups.setdefault(_key(entry), FactGroup()).entries.append(entry)
    return list(groups.values())


def article_name(article_id: str, infos: dict[str, ArticleInfo], width: int = 0) -> str:
    """How a link names the other article: “its title” (source, date), the title cut to
    `width` characters if given; a bare id only for an article the library does not list."""
    info = infos.get(article_id)
    if info is None:
        return article_id
    title = one_line(info.title)
    if width and len(title) > width:
        title = title[: width - 1].rstrip() + "…"
    details = ", ".join(p for p in (info.source, info.published) if p)
    return f"“{title}”" + (f" ({one_line(details)})" if details else "")
