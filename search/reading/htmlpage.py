"""HTML pages: the article's text and metadata through trafilatura, then Markdown to passages."""

from __future__ import annotations

from dataclasses import dataclass

from search.model import Passage
from search.reading.markdown import parse_markdown


@dataclass
class HtmlArticle:
    """What trafilatura found in a page: Markdown text and the page's metadata."""

    markdown: str
    title: str | None = None
    byline: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None


def extract_html(html: str) -> HtmlArticle | None:
    """The main text of a page with its metadata, or None when the page has no article."""
    import trafilatura  # heavy import, only needed for HTML files

    markdown = trafilatura.extract(
        html,
        output_format="markdown",
        include_tables=True,
        include_formatting=True,
        include_links=False,
        include_images=False,
        include_comments=False,
    )
    if not markdown or not markdown.strip():
        return None
    meta = trafilatura.extract_metadata(html)
    if meta is None:
        return HtmlArticle(markdown=markdown)
    return HtmlArticle(
        markdown=markdown,
        title=meta.title or None,
        byline=meta.author or None,
        source=meta.sitename or None,
        published=meta.date or None,
        url=meta.url or None,
    )


def html_passages(page: HtmlArticle) -> list[Passage]:
    """Passages of the extracted text. They carry no line numbers: the page's own lines are
    markup, not text a reader would recognise."""
    return [
        Passage(index=p.index, kind=p.kind, text=p.text, lines=None, level=p.level)
        for p in parse_markdown(page.markdown)
    ]
