"""Results by article: each article once with its passages best first, copies folded into
one hit that names them, the flat passage list for scripts, and the JSON of both."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from search.index.copies import copy_groups, fingerprint
from search.index.corpus_index import CorpusIndex
from search.reading.corpus import scan_corpus
from search.reading.loader import load_article
from search.workspace import Workspace
from tests.support import SEEDS, SHARED, write

STORY = [
    "The harbour authority approved a new container terminal on Tuesday after two years of"
    " hearings, saying the port would handle twice as many ships by the end of the decade.",
    "Fishermen opposed the plan because dredging the channel would disturb the oyster beds"
    " that supply most of the town's restaurants, and they promised to appeal the decision.",
    "The terminal will cost about 400 million and create 900 jobs, the authority said, most"
    " of them in logistics and maintenance rather than on the quays themselves.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    root = tmp_path_factory.mktemp("copies")
    folder = root / "corpus"
    text = "Harbour terminal approved\n\n" + "\n\n".join(STORY) + "\n"
    write(folder, "a-original.txt", text)
    write(folder, "b-copy.txt", text)  # the same file twice
    write(folder, "c-respaced.md", "# Harbour terminal approved\n\n" + "\n\n".join(STORY))
    near = text.replace("create 900 jobs", "bring some 900 new jobs")
    write(folder, "d-resent.txt", near.replace("on Tuesday", "late on Tuesday"))
    write(
        folder,
        "e-other.txt",
        "Oyster season opens\n\nThe oyster beds of the bay opened for the season, and the"
        " restaurants of the town were full by noon. The terminal plan worried the fishermen."
        "\n\nThe harbour master said dredging would not start before the spring.\n",
    )
    index = CorpusIndex(folder, location=root / "index")
    index.open()
    return index


def test_copies_are_one_hit_that_names_them(corpus: CorpusIndex) -> None:
    result = corpus.search("container terminal jobs")
    names = [article.article for article in result.articles]
    assert len(names) == len(set(names)) == 2  # the story once, and the other article
    story = result.articles[0]
    assert story.article == "a-original"
    assert {(c.article, c.identical) for c in story.copies} == {
        ("b-copy", True),
        ("c-respaced", True),  # the same words, other markup
        ("d-resent", False),  # a few words changed
    }
    assert result.articles[1].article == "e-other" and result.articles[1].copies == []
    reopened = CorpusIndex(corpus.root, location=corpus.location)  # nothing changed since
    assert reopened.open().unchanged == 5
    assert len(reopened.search("container terminal jobs").articles[0].copies) == 3


def test_the_json_names_the_copies(corpus: CorpusIndex) -> None:
    data = json.loads(json.dumps(corpus.search("oyster beds").as_json()))
    story = next(a for a in data["articles"] if a["article"] == "a-original")
    assert {c["article"] for c in story["copies"]} == {"b-copy", "c-respaced", "d-resent"}
    assert {h["article"] for h in data["hits"]} == {a["article"] for a in data["articles"]}


def test_an_article_is_listed_once_with_its_passages_best_first(corpus: CorpusIndex) -> None:
    result = corpus.search("oyster restaurants dredging")
    for article in result.articles:
        scores = [hit.score for hit in article.passages]
        assert scores == sorted(scores, reverse=True)
        assert article.more(1) == len(article.passages) - 1
    # The hits follow the articles: n / N walk them in the order of the list.
    order = [hit.article for hit in result.hits]
    assert order == [a.article for a in result.articles for _ in a.passages]


def test_flat_passages_for_scripts_keep_every_copy(corpus: CorpusIndex) -> None:
    result = corpus.search_passages("container terminal", limit=50)
    assert not result.grouped and result.articles == []
    assert {"a-original", "b-copy", "c-respaced", "d-resent"} <= {h.article for h in result.hits}
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert "articles" not in result.as_json()


def test_the_workspace_gives_both(tmp_path: Path) -> None:
    workspace = Workspace(SEEDS, index_location=tmp_path / "ix", state_path=tmp_path / "s.yaml")
    workspace.open_index()
    grouped = workspace.search("Trainium", limit=2)
    assert len(grouped.articles) == 2 and grouped.grouped
    flat = workspace.search_passages("Trainium", limit=2)
    assert len(flat.hits) == 2 and not flat.grouped
    workspace.close()


@pytest.mark.skipif(not (SHARED / "data" / "newswire").is_dir(), reason="no shared data")
def test_resent_wire_stories_are_copies_and_other_stories_are_not(tmp_path: Path) -> None:
    # Wire items sent twice with a word or a sentence changed, and stories on one subject.
    folder = SHARED / "data" / "newswire"
    names = [f"reuters-{n}.txt" for n in ("0175", "0190", "0252", "0358", "0248", "0352")]
    names += [f"reuters-{n}.txt" for n in ("0236", "0353", "0266", "0362", "0232", "0249")]
    for name in names:
        shutil.copy2(folder / name, tmp_path / name)
    prints = [(s.id, fingerprint(load_article(s))) for s in scan_corpus(tmp_path).files]
    groups = copy_groups(prints)
    pairs = {tuple(sorted((a, b))) for a, others in groups.items() for b, _ in others}
    assert pairs == {("reuters-0175", "reuters-0190"), ("reuters-0252", "reuters-0358")}


def test_copies_follow_the_corpus_as_it_changes(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    text = "Harbour terminal approved\n\n" + "\n\n".join(STORY) + "\n"
    write(folder, "a.txt", text)
    write(folder, "b.txt", "Another story\n\nThe bakery on the square sold out of bread by nine.\n")
    index = CorpusIndex(folder, location=tmp_path / "index")
    index.open()
    assert index.search("terminal").articles[0].copies == []
    write(folder, "c.txt", text)  # a copy arrives
    index = CorpusIndex(folder, location=tmp_path / "index")
    assert index.open().added == 1
    assert [c.article for c in index.search("terminal").articles[0].copies] == ["c"]
    (folder / "a.txt").unlink()  # the original goes
    index = CorpusIndex(folder, location=tmp_path / "index")
    index.open()
    found = index.search("terminal").articles
    assert [(a.article, a.copies) for a in found] == [("c", [])]
