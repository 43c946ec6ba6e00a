"""What cleaning keeps and removes on each of the five bundled seed articles."""

from __future__ import annotations

import re

import pytest

from search.model import Article, PassageKind
from search.reading.corpus import Corpus
from search.reading.decode import decode
from tests.support import SEEDS, SHARED


def body(article: Article) -> str:
    return "\n".join(p.text for p in article.passages)


def test_all_five_seeds_load_with_nothing_skipped(seeds: Corpus) -> None:
    assert [a.id[:3] for a in seeds.articles] == ["000", "001", "002", "003", "004"]
    assert seeds.skipped == []


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="shared seeds not beside the repo")
def test_bundled_seeds_are_byte_identical_to_the_shared_ones() -> None:
    shared = sorted((SHARED / "seeds").iterdir())
    assert [p.name for p in shared] == sorted(p.name for p in SEEDS.iterdir())
    for original in shared:
        assert (SEEDS / original.name).read_bytes() == original.read_bytes()


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("000", "Amazon(AMZN.US) dispatches strategic signals for robot job cuts"),
        ("001", "Amazon lays off robotics positions, sends strategic signal"),
        ("002", "How Amazon aligned its AI ambitions with its costs"),
        ("003", "Big factory lays off 14000 employees"),
        ("004", "Jassy Defends Amazon's $200B AI Spending Spree"),
    ],
)
def test_title_of_each_seed(seeds: Corpus, prefix: str, title: str) -> None:
    assert seeds.get(prefix).title.startswith(title)


def test_000_drops_the_exchange_menu(seeds: Corpus) -> None:
    article = seeds.get("000")
    for junk in ("CandyDrop", "Launchpool", "USDT"):
        assert junk not in body(article)
    menu = [r for r in article.removed if r.line <= 57]
    assert len(menu) == 57 and all(r.reason.startswith("site menu") for r in menu)
    assert article.passages[0].text.startswith("Bloomberg News reports that Amazon")
    assert article.passages[-1].text.startswith("Amazon’s stock rose nearly 4% on Wednesday")
    assert article.attribution == "Bloomberg News reports"


def test_001_metadata_and_no_exchange_promos(seeds: Corpus) -> None:
    article = seeds.get("001")
    text = body(article)
    for junk in ("Bitget", "PoolX", "Disclaimer", "Trade smarter"):
        assert junk not in text
    assert article.published == "2026-03-05"
    assert article.byline == "金融界"
    assert article.attribution == "According to Zhitong Finance"
    assert all(p.text != article.title for p in article.passages)
    reasons = {r.line: r.reason for r in article.removed}
    assert reasons[6] == "repeated title"
    assert reasons[44] == reasons[45] == "stray number line"


def test_002_drops_newsletter_furniture(seeds: Corpus) -> None:
    text = body(seeds.get("002"))
    for junk in (
        "Enjoying this read",
        "first_name",
        "Want to be featured",
        "You Decide",
        "yesterday’s issue",
        "What company do you want us to cover",
    ):
        assert junk not in text
    assert "This is Goodhart’s Law applied to AI adoption." in text
    assert "Fortune 500" in text


def test_003_drops_counters_ids_and_the_comment_widget(seeds: Corpus) -> None:
    article = seeds.get("003")
    text = body(article)
    for junk in ("版权声明", "THE END", "点赞", "192845757775", "Image source"):
        assert junk not in text
    assert not [p for p in article.passages if re.fullmatch(r"[\d\s.,]+", p.text)]
    assert article.passages[-1].text == (
        "For laid-off employees, regardless of the reason, the outcome is the same."
    )
    headings = [p.text for p in article.passages if p.kind is PassageKind.HEADING]
    assert "Is AI the real culprit or the scapegoat" in headings
    assert "The AI arms race is too costly" in headings


def test_004_mojibake_repaired_and_structure_kept(seeds: Corpus) -> None:
    article = seeds.get("004")
    everything = article.title + body(article) + "".join(r.text for r in article.removed)
    assert not re.search(r"[\u0e00-\u0e7f]", everything)
    assert article.source == "GeekWire"
    kinds = [p.kind for p in article.passages]
    takeaways = [p for p in article.passages if p.text.startswith("Amazon's capital expenditure")]
    assert takeaways and takeaways[0].kind is PassageKind.LIST_ITEM
    assert kinds.count(PassageKind.LIST_ITEM) >= 6
    tables = [p for p in article.passages if p.kind is PassageKind.TABLE]
    assert len(tables) == 1 and "Trainium/Inferentia" in tables[0].text
    assert tables[0].text.count("\n") == 4  # header, rule and three rows in one passage
    assert "⚡ 30-Second TL;DR" in body(article)
    assert "⏳ Timeline" in body(article)
    assert any(p.text == "Competitor Analysis" for p in article.passages)
    for junk in ("Weekly AI Recap", "curated digest", "Related Updates", "All content rights"):
        assert junk not in body(article)
    timeline = [p.text for p in article.passages if p.text.startswith("2018-11")]
    assert timeline == [
        "2018-11 — AWS announces the first generation Inferentia chip at re:Invent."
    ]


@pytest.mark.parametrize("path", sorted(SEEDS.iterdir()), ids=lambda p: p.name[:3])
def test_no_line_silently_disappears(seeds: Corpus, path) -> None:
    """Every non-blank line (after repair) is in a passage, or listed in `removed`."""
    article = seeds.get(path.stem)
    lines = decode(path.read_bytes()).text.split("\n")
    covered = {n for p in article.passages for n in range(p.lines[0], p.lines[1] + 1)}
    removed = {r.line for r in article.removed}
    for number, line in enumerate(lines, start=1):
        if line.strip():
            assert number in covered or number in removed, f"line {number} lost: {line!r}"
    for passage in article.passages:  # and a passage says only what its lines say
        source = " ".join(lines[passage.lines[0] - 1 : passage.lines[1]])
        assert set(re.findall(r"\w+", passage.text)) <= set(re.findall(r"\w+", source))


def test_passage_indexes_are_stable_and_sequential(seeds: Corpus) -> None:
    for article in seeds.articles:
        assert [p.index for p in article.passages] == list(range(len(article.passages)))
