"""A fact an article states: a figure (with what it measures, of whom, for when) or a name."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

# kinds: money, percent, percentage_points, count, measure, duration, ratio, score, date (a
# day, a month or a year: "1987-01-21", "02-23", "2016-11", "1986", "1986/87"), other (a time
# of day) and entity (a name).
FIGURE_KINDS = (
    "money",
    "percent",
    "percentage_points",
    "count",
    "measure",
    "duration",
    "ratio",
    "score",
    "date",
    "other",
)


@dataclass(slots=True)
class Fact:
    """One figure, date or name an article states.

    `measure` says what the figure counts, costs or grows ("revenues", "palm oil production");
    `subject` whose it is ("Potomac Electric Power Co"); `period` when ("1986", "1987-02",
    "1986/87", "12 months to 1987-01"). They are what facts are checked across articles by."""

    kind: str
    text: str  # as written
    value: float | str  # a number in base units (dollars, not millions); an ISO date; a name
    unit: str | None  # a currency code, "%", "pp", a unit, the thing counted, or None
    qualifier: str | None
    article: str
    passage: int
    sentence: str
    start: int  # character offsets of `text` in the passage
    end: int
    context: frozenset[str] = field(default_factory=frozenset)  # content words around it
    mentions: int = 1  # names: how often the article names it
    measure: str | None = None
    subject: str | None = None
    period: str | None = None
    topic: str | None = None  # what the whole article is about (its most named subject)
    step: float = 0.0  # the value of one unit of the last digit written: "1.08 mln" -> 10,000
    upper: float | None = None  # vague and ranged figures: where the range ends
    note: str | None = None  # what the reader should know: "¥ is yen or yuan", "day or month?"

    def key(self) -> tuple[str, int, int]:
        return (self.article, self.passage, self.start)

    def to_cache(self) -> dict[str, object]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["context"] = sorted(self.context)
        return data

    @classmethod
    def from_cache(cls, data: dict) -> Fact:  # type: ignore[type-arg]
        return cls(**{**data, "context": frozenset(data["context"])})

    def as_json(self) -> dict[str, object]:
        """What `dossier facts --json` shows of the fact itself."""
        data: dict[str, object] = {
            "kind": self.kind,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "measure": self.measure,
            "subject": self.subject,
            "period": self.period,
            "topic": self.topic,
            "article": self.article,
            "passage": self.passage,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
        }
        if self.upper is not None:
            data["upper"] = self.upper
        if self.note:
            data["note"] = self.note
        if self.kind == "entity":
            data["mentions"] = self.mentions
        return data
