"""Markdown clippings as web clippers save them (fixtures written for these tests, see their
README): the clipper's front matter mapped to the article's details, the page's furniture
removed with its reasons like any page's, the article kept whole; and HTML in any language."""

from __future__ import annotations

from pathlib import Path

from search.model import PassageKind
from tests.support import FIXTURES, write
from tests.support.reading import read

CLIPPINGS = FIXTURES / "reading" / "clippings"


def test_a_news_clipping_details_from_the_clippers_front_matter() -> None:
    article = read(CLIPPINGS, "harbour-bridge.md")
    assert article.title == "City council approves harbour bridge rebuild"
    assert article.url == "https://www.harbourgazette.example/news/2024/03/05/bridge-rebuild"
    assert article.source == "harbourgazette.example"
    assert article.byline == "Maria Lopez, Tom Reyes"
    assert article.published == "2024-03-05"
    assert article.tags == ["clippings", "infrastructure"]


def test_a_news_clipping_keeps_the_article_and_nothing_else() -> None:
    article = read(CLIPPINGS, "harbour-bridge.md")
    texts = [p.text for p in article.passages]
    assert texts[0].startswith("The city council voted on Tuesday")
    assert texts[-1].startswith('"We have waited long enough for this,"')
    assert len(texts) == 4
    reasons = {r.line: r.reason for r in article.removed}
    assert reasons[14] == "interface text"  # [Skip to main content](#main-content)
    assert all(reasons[n] for n in range(16, 21))  # the menu of links
    assert reasons[22] == "title (shown as the article's title)"
    assert reasons[24] == "byline (shown in the article's details)"
    assert reasons[26] == "date line (shown as the publication date)"
    assert reasons[32] == "pointer to another page"  # Read more: [...](...)
    assert reasons[38] == "share bar"  # Share this article: ...
    assert reasons[40] == "copyright notice"


def test_a_blog_clipping_keeps_its_numbered_list_and_drops_related_posts() -> None:
    article = read(CLIPPINGS, "garden-blog.md")
    assert (article.title, article.byline, article.published) == (
        "Growing tomatoes on a small balcony",
        "Sam Okafor",
        "2023-06-14",
    )
    items = [p.text for p in article.passages if p.kind is PassageKind.LIST_ITEM]
    assert items == [
        "1. A container of at least 20 litres for each plant.",
        "2. A support cane of 1.5 metres, tied loosely.",
        "3. A slow-release feed, used every 14 days from June.",
    ]
    body = article.body_text()
    assert "Peppers in pots" not in body and "Recipes" not in body
    assert body.endswith("by the middle of August.")


def test_an_author_written_as_a_wiki_link_with_an_alias(tmp_path: Path) -> None:
    write(
        tmp_path,
        "clip.md",
        '---\nsource: "https://news.example.org/a/b"\nauthor:\n  - "[[People/Jo Bloggs|Jo Bloggs]]"\n'
        "---\nA sentence long enough to be the article's only paragraph of text.\n",
    )
    article = read(tmp_path, "clip.md")
    assert (article.byline, article.source) == ("Jo Bloggs", "news.example.org")


def test_an_html_page_in_japanese_is_read(tmp_path: Path) -> None:
    paragraphs = [
        "東京都は十日、新しい図書館を来年春に開館すると発表した。建設費は約三十億円で、地域の住民が長年求めてきた施設となる。",
        "館内には子ども向けの読書室や学習スペースが設けられ、開館時間も平日は夜九時まで延長される予定だという。",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    write(
        tmp_path,
        "page.html",
        f"<html><head><title>新しい図書館が来年開館</title></head><body><article>"
        f"<h1>新しい図書館が来年開館</h1>{body}</article></body></html>",
    )
    article = read(tmp_path, "page.html")
    assert [p.text for p in article.passages] == paragraphs


def test_a_title_in_front_matter_never_takes_the_first_paragraph(tmp_path: Path) -> None:
    paragraphs = [
        "The minister said the budget would protect schools and hospitals.",
        "Unions welcomed the promise of new trains for the north.",
    ]
    front = "---\ntitle: Minister defends the spending plans\nsource: A Paper\n---\n\n"
    write(tmp_path, "plans.md", front + "\n\n".join(paragraphs) + "\n")
    article = read(tmp_path, "plans.md")
    assert article.title == "Minister defends the spending plans"
    assert [p.text for p in article.passages] == paragraphs
    assert [r.line for r in article.removed] == [1, 2, 3, 4]  # the front matter only
