"""Compare: passages aligned in order on the seeds and on pairs built here from a real seed
(paragraph inserted, split, reordered, figure changed, sentence added), the figures two
versions disagree on, same-story partners, and `dossier compare`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.compare import compare, content, similarity
from search.facts.store import FactStore
from search.reading.corpus import load_corpus
from tests.support import SEEDS, write
from tests.support.cli import run


def seed(seeds, prefix: str):  # type: ignore[no-untyped-def]
    return next(a for a in seeds.articles if a.id.startswith(prefix))


# --- the seeds --------------------------------------------------------------------------------


def test_the_two_translations_pair_every_passage_one_to_one_in_order(seeds) -> None:
    a, b = seed(seeds, "000"), seed(seeds, "001")
    result = compare(a, b)
    assert len(a.passages) == len(b.passages) == 16
    assert [(p[0], p[1]) for p in result.pairs()] == [(i, i) for i in range(16)]
    # Each pair is its passage's closest match: the translation beats every other paragraph.
    ca, cb = [content(p.text) for p in a.passages], [content(p.text) for p in b.passages]
    for i, j, score in result.pairs():
        assert score > max(similarity(ca[i], cb[k]) for k in range(len(cb)) if k != j)
    assert result.similarity > 0.7


def test_the_translations_disagree_on_the_anthropic_and_meta_figures_only(seeds) -> None:
    result = compare(seed(seeds, "000"), seed(seeds, "001"))
    found = {(d.a_text, d.b_text) for d in result.disagreements}
    assert found == {
        ("hundreds of billions of dollars", "tens of billions of dollars"),  # Anthropic's TPUs
        ("billions", "tens of billions of dollars"),  # Meta's
    }
    assert {(d.a_passage, d.b_passage) for d in result.disagreements} == {(5, 5)}
    assert len({d.b_span for d in result.disagreements}) == 2  # 001 says "tens of" twice
    assert not any("million" in d.a_text + d.b_text for d in result.disagreements)


@pytest.mark.parametrize("other", ["002", "003", "004"])
def test_different_stories_are_not_alike(seeds, other: str) -> None:
    result = compare(seed(seeds, "000"), seed(seeds, other))
    assert result.similarity < 0.3
    assert result.disagreements == []


def test_same_story_partners_are_the_two_translations_only(tmp_path: Path) -> None:
    partners = FactStore(SEEDS, location=tmp_path).partners()
    named = {aid[:3]: [other[:3] for other, _ in ranked] for aid, ranked in partners.items()}
    assert named == {"000": ["001"], "001": ["000"], "002": [], "003": [], "004": []}


# --- pairs built from a real seed -------------------------------------------------------------


@pytest.fixture(scope="module")
def paragraphs(seeds) -> list[str]:  # type: ignore[no-untyped-def]
    article = seed(seeds, "003")  # long, many plain paragraphs
    return [p.text for p in article.passages if p.kind == "paragraph" and len(p.text) > 200][:8]


def pair(folder: Path, left: list[str], right: list[str]):  # type: ignore[no-untyped-def]
    write(folder, "a.md", "# Version A\n\n" + "\n\n".join(left) + "\n")
    write(folder, "b.md", "# Version B\n\n" + "\n\n".join(right) + "\n")
    a, b = sorted(load_corpus(folder).articles, key=lambda x: x.id)
    return a, b, compare(a, b)


def test_an_inserted_paragraph_faces_a_gap(tmp_path: Path, paragraphs: list[str]) -> None:
    inserted = (
        "Meanwhile, the weather in the harbour town stayed mild, and fishermen went out early."
    )
    right = paragraphs[:3] + [inserted] + paragraphs[3:]
    _, b, result = pair(tmp_path, paragraphs, right)
    assert result.pairs() == [
        *((i, i, 1.0) for i in range(3)),
        (None, 3, 0.0),
        *((i, i + 1, 1.0) for i in range(3, 8)),
    ]
    assert b.passages[3].text == inserted


def test_a_split_paragraph_pairs_one_with_two(tmp_path: Path, paragraphs: list[str]) -> None:
    long = paragraphs[2]
    cut = long.index(". ", len(long) // 3) + 1
    right = paragraphs[:2] + [long[:cut], long[cut:].strip()] + paragraphs[3:]
    _, _, result = pair(tmp_path, paragraphs, right)
    split = [row for row in result.rows if len(row.b) == 2]
    assert [(row.a, row.b) for row in split] == [((2,), (2, 3))]
    assert [(a, b) for a, b, _ in result.pairs()][:5] == [(0, 0), (1, 1), (2, 2), (2, 3), (3, 4)]


def test_reordered_paragraphs_keep_the_order_and_leave_gaps(
    tmp_path: Path, paragraphs: list[str]
) -> None:
    right = [paragraphs[0], paragraphs[2], paragraphs[1], *paragraphs[3:]]
    _, _, result = pair(tmp_path, paragraphs, right)
    pairs = [(a, b) for a, b, _ in result.pairs()]
    matched = [(a, b) for a, b in pairs if a is not None and b is not None]
    assert matched == sorted(matched) and len(matched) == 7  # one of the swapped two is a gap
    assert sum(a is None for a, _ in pairs) == sum(b is None for _, b in pairs) == 1


def test_a_changed_figure_is_a_disagreement(tmp_path: Path) -> None:
    text = (
        "The company said it would spend $200 billion on data centres next year, "
        "most of it on servers for its cloud customers and new chips of its own design."
    )
    filler = [
        "Analysts at several banks said the plan was larger than any rival had announced so far.",
        "Shares rose in early trading after the announcement on Thursday morning.",
    ]
    _, _, result = pair(
        tmp_path, [filler[0], text, filler[1]], [filler[0], text.replace("$200", "$150"), filler[1]]
    )
    ((d),) = result.disagreements
    assert (d.a_text, d.b_text, d.a_value, d.b_value) == (
        "$200 billion",
        "$150 billion",
        2e11,
        1.5e11,
    )
    assert (d.a_passage, d.b_passage) == (1, 1)


def test_a_sentence_on_one_side_only_is_marked(tmp_path: Path, paragraphs: list[str]) -> None:
    added = "Nobody in the village had ever seen a giraffe wearing a wool scarf before."
    right = paragraphs[:1] + [paragraphs[1] + " " + added] + paragraphs[2:]
    _, b, result = pair(tmp_path, paragraphs, right)
    row = result.rows[1]
    assert row.a == (1,) and row.b == (1,) and row.only_a == ()
    ((passage, start, end),) = row.only_b
    assert b.passages[passage].text[start:end] == added


# --- the command line -------------------------------------------------------------------------


def test_compare_json_has_the_documented_keys_and_the_two_disagreements(capsys) -> None:
    code, out, err = run(capsys, "compare", "000", "001", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) == {"a", "b", "similarity", "pairs", "disagreements"}
    assert data["a"].startswith("000_") and data["b"].startswith("001_")
    assert data["similarity"] > 0.7
    assert [(p["a"], p["b"]) for p in data["pairs"]] == [(i, i) for i in range(16)]
    assert set(data["disagreements"][0]) == {
        "a_passage",
        "b_passage",
        "a_text",
        "b_text",
        "a_value",
        "b_value",
    }
    assert len(data["disagreements"]) == 2


def test_compare_with_one_id_picks_the_closest_story(capsys) -> None:
    code, out, _ = run(capsys, "compare", "000", "--json")
    assert code == 0 and json.loads(out)["b"].startswith("001_")


def test_compare_without_a_partner_or_with_itself_is_one_line(capsys) -> None:
    code, out, err = run(capsys, "compare", "003")
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "name one to compare with" in err
    code, _, err = run(capsys, "compare", "000", "000")
    assert code == 2 and "compare it with another" in err
