"""YAML front matter of Markdown files: `---` fenced, read with yaml.safe_load only."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from search.reading.metadata import normalise_date
from search.userdata.yamltext import YamlProblem, load_yaml

_FENCE = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)

# Field names found in the wild, mapped to ours.
_ALIASES = {
    "title": "title",
    "source": "source",
    "publisher": "source",
    "site": "source",
    "outlet": "source",
    "byline": "byline",
    "author": "byline",
    "authors": "byline",
    "published": "published",
    "date": "published",
    "url": "url",
    "link": "url",
}


@dataclass
class FrontMatter:
    """The known fields of a front matter block, and how many lines it took."""

    fields: dict[str, str] = field(default_factory=dict)
    lines: int = 0  # number of lines the block occupies, fences included
    problem: str | None = None  # why the block could not be read, if it could not
    tags: list[str] = field(default_factory=list)


# A wiki link, as clippers write an author ("[[Jane Doe]]", "[[People/Jane Doe|Jane Doe]]").
_WIKI_LINK = re.compile(r"^\[\[(?:[^\]|]*\|)?([^\]|]*)\]\]$")
_URL = re.compile(r"^https?://([^/\s?#]+)", re.IGNORECASE)


def _unlinked(value: object) -> object:
    if isinstance(value, str):
        match = _WIKI_LINK.match(value.strip())
        return match.group(1).rsplit("/", 1)[-1].strip() if match else value
    return value


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(_unlinked(v)) for v in value if v is not None) or None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return None
    text = str(_unlinked(value)).strip()
    return text or None


def _tags(value: object) -> list[str]:
    items = value if isinstance(value, list) else str(value or "").split(",")
    return [str(item).strip().lstrip("#") for item in items if str(item or "").strip()]


def outlet_of(url: str) -> str | None:
    """The site a page comes from, by its address: "www.example.com/news/x" -> "example.com"."""
    match = _URL.match(url)
    return match.group(1).lower().removeprefix("www.") if match else None


def split_front_matter(text: str) -> tuple[FrontMatter, str]:
    """(front matter, the rest of the text). A missing block gives empty fields; a broken one
    gives `problem` and is still cut off, so its YAML does not show up as article text."""
    match = _FENCE.match(text)
    if not match:
        return FrontMatter(), text
    block_lines = match.group().count("\n") + (0 if match.group().endswith("\n") else 1)
    rest = text[match.end() :]
    try:
        data = load_yaml(match.group("yaml"))
    except YamlProblem as problem:  # the block starts on the file's line 2, after the fence
        return FrontMatter(
            lines=block_lines, problem=f"front matter is not valid YAML{problem.where(2)}"
        ), rest
    if data is None:
        return FrontMatter(lines=block_lines), rest
    if not isinstance(data, dict):
        return FrontMatter(lines=block_lines, problem="front matter is not a mapping"), rest
    fields: dict[str, str] = {}
    tags: list[str] = []
    for key, value in data.items():
        name = str(key).strip().lower()
        if name in ("tags", "keywords"):
            tags = tags or _tags(value)
            continue
        ours = _ALIASES.get(name)
        text_value = _as_text(value)
        if ours and text_value and ours not in fields:
            fields[ours] = text_value
    # A web clipper's `source:` is the page's address: the url, and the site it names.
    if _URL.match(fields.get("source", "")):
        address = fields.pop("source")
        fields.setdefault("url", address)
        if outlet := outlet_of(address):
            fields["source"] = outlet
    if "published" in fields:
        fields["published"] = normalise_date(fields["published"]) or fields["published"]
    return FrontMatter(fields=fields, lines=block_lines, tags=tags), rest
