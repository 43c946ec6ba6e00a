"""One fact an article states (a figure, a date or a name), where it is and what is around it."""

from __future__ import annotations

from dataclasses import dataclass, field

TITLE = -1  # the passage index of facts stated in an article's title


@dataclass
class Fact:
    """One figure, date or entity an article states."""

    kind: str  # money, count, percent, date or entity
    text: str  # as written
    value: float | str  # a number; an ISO date; an entity's name
    unit: str | None  # a currency code, the thing counted, "%", or None
    qualifier: str | None
    article: str
    passage: int
    sentence: str
    start: int  # character offsets of `text` in the passage
    end: int
    context: frozenset[str] = field(default_factory=frozenset)  # content words around it
    mentions: int = 1  # entities: how often the article names it

    def key(self) -> tuple[str, int, int]:
        return (self.article, self.passage, self.start)

    def to_cache(self) -> dict[str, object]:
        data = dict(vars(self))
        data["context"] = sorted(self.context)
        return data

    @classmethod
    def from_cache(cls, data: dict) -> Fact:  # type: ignore[type-arg]
        return cls(**{**data, "context": frozenset(data["context"])})
