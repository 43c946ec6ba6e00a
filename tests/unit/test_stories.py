"""Same story and copies: one measure (the similarity `compare` reports) decides, the threshold
comes from labelled pairs; and the Workspace calls the UI and the command line use for facts."""

from __future__ import annotations

import pytest

from search import Workspace
from search.compare import compare, similarity_of
from search.facts.stories import SAME_STORY, copy_groups
from tests.support import SEEDS, write


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):  # type: ignore[no-untyped-def]
    return Workspace(SEEDS, index_location=tmp_path_factory.mktemp("index"))


def test_the_same_story_score_is_the_one_compare_reports(workspace) -> None:
    ((partner, score),) = workspace.same_story(
        next(a for a in workspace.partners() if a.startswith("000"))
    )
    assert partner.startswith("001") and score >= SAME_STORY
    result = workspace.compare(partner)
    assert result.similarity == pytest.approx(score, abs=1e-9)  # unrounded: compare prints it
    a, b = workspace.article(result.a), workspace.article(result.b)
    assert similarity_of(a, b) == pytest.approx(score, abs=1e-9)


def test_stories_on_one_broad_subject_are_not_the_same_story(seeds) -> None:
    articles = {a.id[:3]: a for a in seeds.articles}
    for other in ("002", "003", "004"):
        assert compare(articles["000"], articles[other]).similarity < 0.3


def test_template_notices_of_two_companies_are_not_one_story(tmp_path) -> None:
    def notice(name: str, cents: int, day: int) -> str:
        return (
            f"{name} QUARTERLY DIVIDEND\n\nQtly div {cents} cts vs {cents} cts prior, the "
            f"company said in a short statement to shareholders today.\n\nPay April {day}\n\n"
            f"Record March {day + 14}\n"
        )

    write(tmp_path, "a.txt", notice("NORTHWIND TRADERS", 12, 3))
    write(tmp_path, "b.txt", notice("CONTOSO MILLS", 30, 9))
    workspace = Workspace(tmp_path, index_location=tmp_path / "index")
    a, b = workspace.article("a"), workspace.article("b")
    assert similarity_of(a, b) < SAME_STORY
    assert workspace.same_story("a") == []


def test_copies_are_grouped() -> None:
    pairs = {frozenset(("a", "b")), frozenset(("b", "c")), frozenset(("x", "y"))}
    assert copy_groups(pairs) == [["a", "b", "c"], ["x", "y"]]


def test_the_sidebar_rows_name_the_linked_articles(workspace) -> None:
    aid = next(a for a in workspace.partners() if a.startswith("000"))
    rows = workspace.fact_groups(aid)
    assert rows[0].kind != "entity"  # the first row is a figure: the one selected on open
    two_hundred = next(r for r in rows if r.kind == "money" and r.first.fact.value == 2e11)
    assert two_hundred.count >= 3
    linked = two_hundred.linked_articles()
    infos = workspace.linked_articles(linked)
    assert {i[:3] for i in linked} >= {"001", "004"}
    assert all(infos[i].title for i in linked)
    assert all(link.why() for link in two_hundred.links)


def test_facts_of_one_article_is_the_same_as_from_the_whole_corpus(workspace) -> None:
    aid = next(a for a in workspace.partners() if a.startswith("001"))
    alone = [(e.fact.text, e.status) for e in workspace.facts_of(aid[:3])]
    whole = [(e.fact.text, e.status) for e in workspace.facts()[aid]]
    assert alone == whole and alone
