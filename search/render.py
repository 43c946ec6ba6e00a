"""An article, and the marks of facts, as the command line and the app present them: JSON, a
Markdown document, plain text, one-line details. Plain strings and dicts: no terminal styling."""

from __future__ import annotations

from search.model import Article, PassageKind

# How a fact stands across the corpus, as one character beside it.
FACT_MARKS = {"corroborated": "✓", "conflict": "≠", "alone": "·"}


def details_line(article: Article) -> str:
    """Source, byline and date on one line, those the article has."""
    return " · ".join(p for p in (article.source, article.byline, article.published) if p)


def article_summary(article: Article) -> dict[str, object]:
    """An article's row of `dossier articles --json`."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "byline": article.byline,
        "published": article.published,
        "words": article.words,
        "passages": len(article.passages),
        "path": str(article.path),
    }


def article_json(article: Article) -> dict[str, object]:
    """The whole clean article: details, passages (0-based indexes) and what was removed."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "byline": article.byline,
        "attribution": article.attribution,
        "published": article.published,
        "url": article.url,
        "dateline": article.dateline,
        "place": article.place,
        "tags": list(article.tags),
        "corrected": article.corrected.as_json() if article.corrected else None,
        "passages": [
            {
                "index": p.index,
                "kind": p.kind.value,
                "text": p.text,
                "lines": list(p.lines) if p.lines else None,
            }
            for p in article.passages
        ],
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in article.removed],
        "encoding": article.encoding,
        "repairs": article.repairs,
    }


def article_markdown(article: Article) -> str:
    """The article as a Markdown document: title, details in italics, passages by kind."""
    details = details_line(article)
    out = [f"# {article.title}", ""]
    if details:
        out += [f"*{details}*", ""]
    for passage in article.passages:
        if passage.kind is PassageKind.HEADING:
            out.append(f"{'#' * max(2, passage.level)} {passage.text}")
        elif passage.kind is PassageKind.LIST_ITEM:
            out.append(f"- {passage.text}")
        elif passage.kind is PassageKind.QUOTE:
            out.append(f"> {passage.text}")
        else:
            out.append(passage.text)
        out.append("")
    return "\n".join(out)


def article_text(article: Article) -> str:
    """The article as plain text: title underlined, details, one passage per paragraph."""
    details = details_line(article)
    out = [article.title, "=" * min(len(article.title), 72)]
    if details:
        out.append(details)
    out.append("")
    for passage in article.passages:
        prefix = "• " if passage.kind is PassageKind.LIST_ITEM else ""
        prefix = "│ " if passage.kind is PassageKind.QUOTE else prefix
        out += [prefix + passage.text, ""]
    return "\n".join(out)
