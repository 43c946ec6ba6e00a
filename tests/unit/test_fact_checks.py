"""Cross-checking by subject, measure and period, on small corpora written for this test: what
corroborates, what conflicts, what is never linked, copies, and the sidebar's grouping."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.facts.check import check, same_value
from search.facts.extract import extract
from search.facts.figures import figures_in
from search.facts.sidebar import group_facts
from search.facts.store import FactStore
from search.model import Article, Passage, PassageKind
from tests.support import write


def article(aid: str, title: str, *paragraphs: str) -> Article:
    passages = [Passage(i, PassageKind.PARAGRAPH, p) for i, p in enumerate(paragraphs)]
    return Article(id=aid, path=Path(f"{aid}.txt"), title=title, passages=passages)


def links(*articles: Article, same_story: bool = False):  # type: ignore[no-untyped-def]
    checked = check({a.id: extract(a) for a in articles}, same_story=lambda a, b: same_story)
    return {
        (aid, e.fact.text, link.article, link.text, link.relation)
        for aid, entries in checked.items()
        for e in entries
        for link in e.links
    }


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("about $300 billion", "$300 billion", True),
        ("42 billion rupees", "41.8 billion rupees", True),
        ("4.06 mln tonnes", "4.1 mln tonnes", True),
        ("more than 2 million", "2 million", True),
        ("3%", "3.4%", False),
        ("tens of billions of dollars", "hundreds of billions of dollars", False),
        ("billions of dollars", "tens of billions of dollars", False),
        ("around 900 mln stg", "around 800 mln stg", False),
        ("5,499 dlrs", "5,498 dlrs", False),
        ("up to two mln bpd", "1,870,000 bpd", False),
        ("more than 40 pct", "41 pct", True),
    ],
)
def test_values_agree_within_rounding_and_qualifiers(a: str, b: str, agree: bool) -> None:
    (fa,), (fb,) = figures_in(f"It was {a}."), figures_in(f"It was {b}.")
    assert same_value(fa, fb) is agree


def test_the_same_figure_of_the_same_subject_and_measure_corroborates() -> None:
    a = article(
        "a", "Mining", "Chile's copper output rose to 5.8 mln tonnes in 2004, the ministry said."
    )
    b = article(
        "b", "Copper", "Analysts noted that Chile's copper output reached 5.8 mln tonnes in 2004."
    )
    assert ("a", "5.8 mln tonnes", "b", "5.8 mln tonnes", "corroborates") in links(a, b)


def test_a_different_value_of_the_same_thing_conflicts() -> None:
    a = article(
        "a", "Mining", "Chile's copper output rose to 5.8 mln tonnes in 2004, the ministry said."
    )
    b = article(
        "b", "Copper", "Analysts noted that Chile's copper output reached 5.2 mln tonnes in 2004."
    )
    assert ("a", "5.8 mln tonnes", "b", "5.2 mln tonnes", "conflicts") in links(a, b)


@pytest.mark.parametrize(
    "other",
    [
        "Peru's copper output rose to 5.8 mln tonnes in 2004, the ministry said.",  # subject
        "Chile's copper output rose to 5.8 mln tonnes in 2001, the ministry said.",  # period
        "Chile's wine exports rose to 5.8 mln tonnes in 2004, the ministry said.",  # measure
    ],
)
def test_another_subject_period_or_measure_is_never_linked(other: str) -> None:
    a = article(
        "a", "Mining", "Chile's copper output rose to 5.8 mln tonnes in 2004, the ministry said."
    )
    found = links(a, article("b", "Other", other))
    assert not [row for row in found if row[1] == "5.8 mln tonnes"]


def test_other_values_of_other_subjects_are_no_conflict() -> None:
    a = article("a", "Rates", "Norway's central bank cut its main rate to 2.25 pct in 2003.")
    b = article("b", "Rates", "Sweden's central bank cut its main rate to 2.75 pct in 2003.")
    assert links(a, b) == set()


def test_a_shared_dateline_day_or_word_links_nothing() -> None:
    a = article(
        "a", "OSLO, Feb 26 - Fish", "OSLO, Feb 26 - Salmon exports rose 26 pct, traders said."
    )
    b = article("b", "LIMA, Feb 26 - Ore", "LIMA, Feb 26 - Zinc output fell 26 pct, miners said.")
    assert links(a, b) == set()


def test_a_copy_is_listed_as_a_copy_never_as_a_second_source(tmp_path) -> None:
    story = (
        "Harbour Board raises fees\n\n"
        + "The Harbour Board said on Monday it would raise berth fees by 12 pct from April, "
        "the first rise in four years, citing dredging costs of 40 mln dlrs. "
        "Shipping lines said the rise would add to freight rates across the region, and "
        "several asked the board to phase it in over two years instead of one.\n"
    )
    write(tmp_path / "corpus", "first.txt", story)
    write(tmp_path / "corpus", "reissue.txt", story.replace("on Monday", "on Tuesday"))
    store = FactStore(tmp_path / "corpus", location=tmp_path / "cache")
    checked = store.checked()
    fee = next(e for e in checked["first"] if e.fact.text == "12 pct")
    assert fee.copies == ["reissue"] and fee.corroborated_by == []
    assert store.copies() == [["first", "reissue"]]


def test_a_figure_said_several_times_is_one_sidebar_row_with_its_count() -> None:
    text = (
        "The port will spend $2 billion this year. About $2 billion goes to cranes, "
        "and approximately $2 billion in all was approved. It employs 3,000 dockers."
    )
    entries = check({"a": extract(article("a", "Port", text))})["a"]
    rows = group_facts(entries)
    money = next(r for r in rows if r.kind == "money")
    assert money.count == 3 and money.first.fact.text == "$2 billion"
    assert [(r.first.fact.text, r.count) for r in rows if r.kind != "entity"] == [
        ("$2 billion", 3),
        ("3,000", 1),
    ]


def test_a_month_said_before_a_figure_is_its_period() -> None:
    a = article(
        "a",
        "Reserves",
        "Norway's reserves reached a record 61.20 billion crowns in May (April 60.85 billion).",
    )
    b = article(
        "b",
        "Reserves",
        "Norway said its reserves rose to 61.20 billion crowns in May from 60.85 billion crowns in April.",
    )
    found = links(a, b)
    assert ("a", "60.85 billion", "b", "61.20 billion crowns", "conflicts") not in found
    assert ("a", "61.20 billion crowns", "b", "61.20 billion crowns", "corroborates") in found
