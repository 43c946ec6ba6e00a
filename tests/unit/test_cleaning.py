"""The cleaner on scraped articles it was not built from: site furniture of other shapes."""

from __future__ import annotations

from search.model import PassageKind
from search.reading.boilerplate import SHORT_JUNK_MAX_WORDS
from search.reading.clean import clean_plain_text
from search.reading.lines import Line

NEWS_SITE = """\
Home
World
Business
Technology
Science
Opinion
Sport
Culture
Search
Subscribe
City council approves plan to rebuild the old harbour bridge
By Maria Lopez
March 3, 2025
The city council voted on Tuesday to rebuild the harbour bridge, which has been closed to traffic since a storm damaged its eastern span two years ago.
The plan, which will cost about 48 million euros, was approved by 31 votes to 9 after a debate that lasted most of the afternoon.
What happens next
Construction is expected to begin in the autumn and to last until the end of 2027, the council said in a statement.
Residents who live near the bridge will be invited to a public meeting next month, where engineers will present the design.
"We have waited long enough for this," said one shop owner, who asked not to be named because of her family's business.
Share this article
Related stories
Harbour traffic hits record low
Storm damage: what we know
© 2025 Harbour Gazette Media. All rights reserved.
12 Comments
Leave a comment
"""

BLOG_POST = """\
MyBlog — thoughts on gardening

Growing tomatoes on a small balcony

Posted on 2024-06-14 by Sam

Tomatoes need at least six hours of direct sunlight a day, so the first thing to check is which
side of the building your balcony faces and how much shade the neighbours cast on it.

Choose a container of at least twenty litres for each plant. Smaller pots dry out quickly in
summer, and the roots will not have enough room to support a heavy crop of fruit.

Water deeply in the morning rather than a little every evening; wet leaves overnight invite the
fungal diseases that ruin so many balcony harvests by the middle of August.

If you enjoyed this post, please share it with your friends!
Subscribe to my newsletter for weekly tips.
Tags: gardening, balcony, tomatoes
"""


def test_news_site_menu_metadata_and_footer() -> None:
    clean = clean_plain_text(NEWS_SITE)
    assert clean.title == "City council approves plan to rebuild the old harbour bridge"
    assert clean.byline == "Maria Lopez"
    assert clean.published == "2025-03-03"
    texts = [p.text for p in clean.passages]
    assert texts[0].startswith("The city council voted on Tuesday")
    assert texts[-1].startswith('"We have waited long enough')
    assert ("What happens next", PassageKind.HEADING) in [(p.text, p.kind) for p in clean.passages]
    joined = "\n".join(texts)
    for junk in ("Subscribe", "Share this", "Related stories", "©", "Comments", "Harbour traffic"):
        assert junk not in joined
    reasons = {r.text: r.reason for r in clean.removed}
    assert reasons["World"].startswith("site menu")
    assert reasons["Home"] == "interface text"
    assert reasons["© 2025 Harbour Gazette Media. All rights reserved."] == "copyright notice"
    assert reasons["12 Comments"] == "comment widget"


def test_blog_post_hard_wrapped_paragraphs_are_joined() -> None:
    clean = clean_plain_text(BLOG_POST)
    assert clean.title == "Growing tomatoes on a small balcony"
    assert clean.published == "2024-06-14"
    paragraphs = [p for p in clean.passages if p.kind is PassageKind.PARAGRAPH]
    assert len(paragraphs) == 3
    assert paragraphs[0].text.startswith("Tomatoes need at least six hours")
    assert paragraphs[0].text.endswith("neighbours cast on it.")
    assert paragraphs[0].lines == (7, 8)
    joined = " ".join(p.text for p in clean.passages)
    assert "newsletter" not in joined and "enjoyed this post" not in joined


def test_prose_that_mentions_junk_words_is_kept() -> None:
    # Lines short enough (25 words or fewer) for the junk-phrase rules to look at them: the
    # words "comments", "subscribers", "advertising", "click" and "newsletters" are in prose.
    lines = [
        "Streaming services fight for subscribers",
        "Regulators said comments from viewers would not change the rules on pricing this year.",
        "Analysts expect more subscribers to pick the cheaper plan with advertising by summer.",
        "The company said the click of a remote should be enough to change plans.",
        "Its newsletters to investors described the price rise as modest and overdue.",
    ]
    assert all(Line(0, line).words <= SHORT_JUNK_MAX_WORDS for line in lines)
    clean = clean_plain_text("\n\n".join(lines) + "\n")
    assert clean.title == "Streaming services fight for subscribers"
    assert [p.text for p in clean.passages] == lines[1:]
    assert not clean.removed[1:]


def test_rich_markup_and_html_in_text_stay_literal() -> None:
    text = (
        "A headline about [bold]markup[/bold] in articles\n"
        "The sentence [link=https://evil.example]click[/link] is shown as written, with its "
        "brackets, and so is <script>alert(1)</script> in the middle of a paragraph of prose.\n"
    )
    clean = clean_plain_text(text)
    assert clean.title == "A headline about [bold]markup[/bold] in articles"
    assert "[link=https://evil.example]click[/link]" in clean.passages[0].text
    assert "<script>alert(1)</script>" in clean.passages[0].text


def test_text_without_any_prose_keeps_its_lines() -> None:
    clean = clean_plain_text("Shopping list\n- apples\n- pears\n- bread\n")
    assert [p.kind for p in clean.passages] == [PassageKind.LIST_ITEM] * 3
    assert clean.title == "Shopping list"


def test_other_script_lines_in_an_english_article_are_removed() -> None:
    text = (
        "Markets rally as inflation cools in the spring\n"
        "Stocks rose for a third day on Friday as new figures showed inflation slowing faster "
        "than economists had expected, lifting hopes of lower interest rates.\n"
        "Bond yields fell and the dollar weakened against most major currencies in late trading.\n"
        "相关阅读\n"
        "热门评论\n"
    )
    clean = clean_plain_text(text)
    assert len(clean.passages) == 2
    assert all(r.reason for r in clean.removed)
    assert {r.text for r in clean.removed} >= {"相关阅读", "热门评论"}


WRAPPED_ABSTRACT = """\
experimental study of wing loads in a propeller slipstream .

an experimental study of a wing in a propeller slipstream was
made in order to determine the spanwise distribution of the lift
increase due to slipstream at different angles of attack of the wing
and at different free stream to slipstream velocity ratios .  the
results were intended in part as an evaluation basis for different
theoretical treatments of this problem .
the comparative span loading curves, together with
supporting evidence, showed that a substantial part of the lift
increment produced by the slipstream was due to a destalling effect .
"""


def test_hard_wrapped_text_is_judged_by_paragraph_not_by_line() -> None:
    clean = clean_plain_text(WRAPPED_ABSTRACT)
    assert clean.title == "experimental study of wing loads in a propeller slipstream ."
    assert [p.lines for p in clean.passages] == [(3, 8), (9, 11)]
    assert clean.passages[0].text.startswith("an experimental study of a wing in a propeller")
    assert clean.passages[0].text.endswith("theoretical treatments of this problem .")
    assert [r.line for r in clean.removed] == [1]


def test_one_paragraph_per_line_is_not_unwrapped() -> None:
    clean = clean_plain_text(NEWS_SITE)
    assert all(p.lines[0] == p.lines[1] for p in clean.passages)


def test_a_text_that_only_repeats_its_title_keeps_it_as_its_text() -> None:
    """An abstract whose body is its title again (collections of abstracts have them) is an
    article of one sentence, not a page of furniture."""
    title = "Heat transfer to a flat plate in hypersonic flow ."
    article = clean_plain_text(f"{title}\n\n{title}\n")
    assert article.title == title
    assert [p.text for p in article.passages] == [title]
    assert not any(r.reason == "repeated title" for r in article.removed)
