"""Markdown (and the Markdown that HTML extraction produces) to passages, with markdown-it-py."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from search.model import Passage, PassageKind


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Raw HTML stays text: an article's "<b>" is shown, never interpreted.
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def inline_text(token: Token) -> str:
    """The plain text of an inline token: markup dropped, link and image text kept."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in {"text", "code_inline", "html_inline"}:
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(inline_text(child) if child.children else child.content)
    return "".join(parts).strip()


def link_share(token: Token) -> float:
    """The share of an inline token's text that is the text of links (1.0: only links)."""
    total = linked = 0
    depth = 0
    for child in token.children or []:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth = max(0, depth - 1)
        elif child.type in {"text", "code_inline"}:
            size = len(child.content.strip())
            total += size
            linked += size if depth else 0
    return linked / total if total else 0.0


def parse_markdown(text: str, first_line: int = 1) -> list[Passage]:
    """Passages of a Markdown text; `first_line` is the file line the text starts on."""
    return [passage for passage, _ in parse_markdown_links(text, first_line)]


def parse_markdown_links(text: str, first_line: int = 1) -> list[tuple[Passage, float]]:
    """Passages of a Markdown text, each with the share of its text that is links (a menu, a
    "Read more" pointer). An item of an ordered list keeps its number ("2. ...")."""
    tokens = _parser().parse(text)
    source_lines = text.split("\n")
    found: list[tuple[PassageKind, str, tuple[int, int] | None, int, float]] = []
    containers: list[str] = []
    numbers: list[str] = []  # the marker of the list item being read ("2." "3)"), or ""

    def span(token: Token) -> tuple[int, int] | None:
        if token.map is None:
            return None
        start, end = token.map
        return (start + first_line, max(start, end - 1) + first_line)

    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind in {"bullet_list_open", "ordered_list_open"}:
            pass
        elif kind == "list_item_open":
            containers.append("item")
            numbers.append(f"{token.info}{token.markup} " if token.info else "")
        elif kind == "blockquote_open":
            containers.append("quote")
        elif kind in {"list_item_close", "blockquote_close"}:
            if containers.pop() == "item":
                numbers.pop()
        elif kind == "heading_open":
            content = inline_text(tokens[i + 1])
            if content:
                level = int(token.tag[1])
                found.append(
                    (PassageKind.HEADING, content, span(token), level, link_share(tokens[i + 1]))
                )
            i += 2
        elif kind == "paragraph_open":
            content = inline_text(tokens[i + 1])
            where = containers[-1] if containers else None
            passage_kind = {
                "item": PassageKind.LIST_ITEM,
                "quote": PassageKind.QUOTE,
            }.get(where or "", PassageKind.PARAGRAPH)
            if content and passage_kind is PassageKind.LIST_ITEM and numbers and numbers[-1]:
                content, numbers[-1] = numbers[-1] + content, ""  # the number, on its first line
            if content:
                found.append((passage_kind, content, span(token), 0, link_share(tokens[i + 1])))
            i += 2
        elif kind == "table_open":
            where = span(token)
            if token.map:
                raw = "\n".join(line.strip() for line in source_lines[token.map[0] : token.map[1]])
                found.append((PassageKind.TABLE, raw.strip(), where, 0, 0.0))
            while i < len(tokens) and tokens[i].type != "table_close":
                i += 1
        elif kind in {"fence", "code_block"} and token.content.strip():
            found.append((PassageKind.PARAGRAPH, token.content.rstrip("\n"), span(token), 0, 0.0))
        i += 1
    return [
        (Passage(index=index, kind=kind, text=content, lines=lines, level=level), share)
        for index, (kind, content, lines, level, share) in enumerate(found)
    ]


def reindex(passages: list[Passage]) -> list[Passage]:
    """The same passages numbered 0, 1, 2... (after some were taken out)."""
    return [
        Passage(index=i, kind=p.kind, text=p.text, lines=p.lines, level=p.level)
        for i, p in enumerate(passages)
    ]


def table_rows(text: str) -> list[list[str]]:
    """The cells of a Markdown (pipe) table passage, header row first; [] if it is not one."""
    tokens = _parser().parse(text)
    rows: list[list[str]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(inline_text(token))
    return rows
