"""Facts on the seeds and through the fact store: what the issue's "done when" asks (the $200
billion corroborated, the two spending conflicts, no false one from a millionth robot, 000 ≈ 001
and no other pair), the cache, the measured label sets, and `dossier facts`."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

import search.facts.extract as extraction
from search.facts.store import FactStore
from tests.support import SEEDS, write
from tests.support.labels import (
    DATA,
    checked_corpus,
    score,
    score_figures,
    score_pairs,
    score_same_story,
)
from tests.support.labels import FACT_LABELS as FIXTURES
from tui.cli import main

NEEDS_DATA = pytest.mark.skipif(
    not (DATA / "newswire").is_dir(), reason="the shared data is not beside the repo"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):  # type: ignore[no-untyped-def]
    return FactStore(SEEDS, location=tmp_path_factory.mktemp("facts"))


@pytest.fixture(scope="module")
def checked(store):  # type: ignore[no-untyped-def]
    return store.checked()


def facts_of(checked, prefix: str):  # type: ignore[no-untyped-def]
    return next(facts for aid, facts in checked.items() if aid.startswith(prefix))


# --- measured against hand labels -------------------------------------------------------------


def test_precision_and_recall_on_the_hand_labelled_seeds() -> None:
    result = score(SEEDS, FIXTURES / "seed-labels.yaml")
    assert result.labelled >= 100
    assert result.precision >= 0.95 and result.recall >= 0.95, (result.missed, result.wrong)


def test_precision_and_recall_on_articles_the_extractor_was_not_tuned_on() -> None:
    result = score(FIXTURES, FIXTURES / "untuned-labels.yaml")
    assert result.labelled >= 30
    assert result.precision >= 0.90 and result.recall >= 0.90, (result.missed, result.wrong)


@NEEDS_DATA
@pytest.mark.parametrize(
    ("labels", "precision", "recall"),
    [("figures.json", 0.95, 0.90), ("figures_fresh.json", 0.93, 0.90)],
)
def test_figures_drawn_from_real_news_meet_the_targets_on_the_development_sets(
    labels: str, precision: float, recall: float
) -> None:
    """figures.json and figures_fresh.json (labelled before this extractor's rules, by someone
    who never saw its output; rules were since developed looking at their failures): kind,
    value and unit right."""
    result = score_figures(labels=labels)
    assert result.labelled >= 150
    assert result.precision >= precision and result.recall >= recall, (
        result.missed,
        result.wrong,
    )


@NEEDS_DATA
def test_figures_of_the_last_held_out_set_do_not_fall_far() -> None:
    """figures_fresh2.json, never looked at while the rules were made: its numbers are
    reported by `make bench`; here only a large fall fails."""
    result = score_figures(labels="figures_fresh2.json")
    assert result.labelled >= 150
    assert result.precision >= 0.78 and result.recall >= 0.75, (result.missed, result.wrong)


@NEEDS_DATA
def test_links_and_same_story_meet_the_targets_on_the_development_half() -> None:
    """pairs.json and same_story.json, on every document of ../shared/data read the labeller's
    way and checked as the store checks a corpus. Copies must come out as copies."""
    corpus = checked_corpus()
    pairs = score_pairs(lambda aid: corpus.facts[aid], corpus.relation, "dev")
    right, predicted = pairs.precision("corroborates")
    assert predicted >= 10 and right / predicted >= 0.90, pairs.rows
    right, predicted = pairs.precision("conflicts")
    assert predicted >= 1 and right / predicted >= 0.90, pairs.rows
    assert pairs.recall("copy")[0] == pairs.recall("copy")[1]  # every copy listed as a copy
    stories = score_same_story(corpus.related, "dev")
    said = [row for row in stories.rows if row[2] != "different"]
    assert said and sum(row[1] != "different" for row in said) / len(said) >= 0.95


# --- across articles ---------------------------------------------------------------------------


def test_the_200_billion_capex_is_corroborated_by_001_and_004(checked) -> None:
    two_hundred = [
        e for e in facts_of(checked, "000") if e.fact.kind == "money" and e.fact.value == 2e11
    ]
    backers = {a[:3] for e in two_hundred for a in e.corroborated_by}
    assert {"001", "004"} <= backers


def test_anthropic_and_meta_spending_conflict_with_001(checked) -> None:
    conflicts = {
        e.fact.text: [(c.article[:3], c.text) for c in e.conflicts]
        for e in facts_of(checked, "000")
        if e.conflicts
    }
    assert conflicts == {
        "hundreds of billions of dollars": [("001", "tens of billions of dollars")],
        "billions": [("001", "tens of billions of dollars")],
    }


def test_a_millionth_robot_is_no_false_disagreement(checked) -> None:
    for entry in facts_of(checked, "001"):
        assert "millionth" not in entry.fact.text
    robots = [e for e in facts_of(checked, "000") if e.fact.unit == "robots"]
    assert robots and all(e.status == "corroborated" for e in robots)
    for aid, entries in checked.items():
        for entry in entries:
            assert not [
                c for c in entry.conflicts if "million" in c.text and "billion" not in c.text
            ], aid


def test_000_and_001_tell_one_story_and_no_other_pair_does(store) -> None:
    pairs = {frozenset((a[:3], b[:3])) for a, found in store.partners().items() for b, _ in found}
    assert pairs == {frozenset(("000", "001"))}
    assert store.copies() == []


def test_each_link_says_why_and_how_sure(checked) -> None:
    (conflict,) = next(e.conflicts for e in facts_of(checked, "000") if e.fact.text == "billions")
    assert conflict.subject == "Meta" and "spending" in conflict.measure
    assert 0 < conflict.confidence <= 1
    assert conflict.why().startswith("differs: same subject (Meta), measure (")


def test_003_states_its_layoff_and_salary_figures_and_no_ids(checked) -> None:
    values = {(e.fact.kind, e.fact.value) for e in facts_of(checked, "003")}
    for expected in [
        ("count", 14000),
        ("count", 30000),
        ("percent", 78),
        ("money", 120000),
        ("money", 210000),
        ("money", 280000),
    ]:
        assert expected in values
    texts = " ".join(e.fact.text for e in facts_of(checked, "003"))
    assert "192845757775" not in texts and not any(
        e.fact.text == "01" for e in facts_of(checked, "003")
    )


# --- the cache ----------------------------------------------------------------------------------


def test_facts_are_cached_and_only_a_changed_article_is_extracted_again(
    tmp_path, monkeypatch
) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", "Acme Corp\n\nAcme hired 1,200 engineers in 2024 for its plant.\n")
    write(corpus, "b.txt", "Acme news\n\nAcme said it hired 1,200 engineers for the new plant.\n")
    calls: list[str] = []
    real = extraction.extract
    monkeypatch.setattr(extraction, "extract", lambda a: calls.append(a.id) or real(a))
    store = FactStore(corpus, location=tmp_path / "index")
    first = store.checked()
    assert sorted(calls) == ["a", "b"]
    assert [e.fact.value for e in store.checked_for("a") if e.fact.kind == "count"] == [1200]
    hired = next(e for e in first["a"] if e.fact.value == 1200)
    assert hired.corroborated_by == ["b"]
    calls.clear()
    FactStore(corpus, location=tmp_path / "index").checked()
    assert calls == []
    path = write(
        corpus, "b.txt", "Acme news\n\nAcme said it hired 900 engineers for the new plant.\n"
    )
    os.utime(path, ns=(1, 1))
    second = FactStore(corpus, location=tmp_path / "index").checked()
    assert calls == ["b"]
    hired = next(e for e in second["a"] if e.fact.value == 1200)
    assert hired.corroborated_by == []  # 900 engineers: no longer the same figure


def test_a_damaged_cache_is_rebuilt_silently(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", "Acme Corp\n\nAcme hired 1,200 engineers in 2024.\n")
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / "facts.sqlite").write_bytes(b"not a database at all" * 100)
    facts = FactStore(corpus, location=tmp_path / "index").checked()
    assert any(e.fact.value == 1200 for e in facts["a"])
    with sqlite3.connect(tmp_path / "index" / "facts.sqlite") as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (1,)


def test_the_fact_cache_lives_in_the_index_folder(tmp_path) -> None:
    from search.facts.store import FactStore
    from search.index.corpus_index import CorpusIndex

    index = CorpusIndex(SEEDS).location
    assert FactStore(SEEDS).path.parent == index


def test_an_articles_facts_from_a_warm_cache_load_neither_whoosh_nor_the_cleaner(
    tmp_path,
) -> None:
    """`dossier facts ID` with the cache warm reads one row: importing Whoosh and the cleaner
    (ftfy, trafilatura) would cost more than half a second of its 300 ms."""
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = (
        "import sys; from search import Workspace; ws = Workspace(sys.argv[1]); "
        "facts = ws.facts_of('000'); assert facts; "
        "print(' '.join(m for m in ('whoosh', 'ftfy', 'trafilatura') if m in sys.modules))"
    )
    warm = [sys.executable, "-c", code, str(SEEDS)]
    subprocess.run(warm, env=env, check=True, capture_output=True)  # fills the cache
    loaded = subprocess.run(warm, env=env, check=True, capture_output=True, text=True).stdout
    assert loaded.strip() == ""


# --- the command line ---------------------------------------------------------------------------


def test_dossier_facts_json_has_the_documented_keys(capsys) -> None:
    assert main(["facts", "000", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    keys = {
        "kind",
        "text",
        "value",
        "unit",
        "qualifier",
        "article",
        "passage",
        "sentence",
        "corroborated_by",
        "conflicts",
    }
    assert rows and all(keys <= set(row) for row in rows)
    assert {row["article"][:3] for row in rows} == {"000"}
    anthropic = next(r for r in rows if r["text"] == "hundreds of billions of dollars")
    assert anthropic["subject"] == "Anthropic" and anthropic["measure"]
    conflict = anthropic["conflicts"][0]
    assert conflict["article"].startswith("001") and conflict["relation"] == "conflicts"
    assert set(conflict) == {"article", "passage", "text", "value", "relation", "why", "confidence"}
    assert set(conflict["why"]) == {"subject", "measure", "period"}


def test_dossier_facts_without_an_id_covers_the_corpus_and_text_output_marks(capsys) -> None:
    assert main(["facts", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["article"][:3] for row in rows} == {"000", "001", "002", "003", "004"}
    assert main(["facts", "001"]) == 0
    out = capsys.readouterr().out
    assert "≠" in out and "tens of billions of dollars" in out and "✓" in out


def test_dossier_facts_with_an_unknown_id_is_one_line(capsys) -> None:
    assert main(["facts", "999"]) == 2
    err = capsys.readouterr().err
    assert err == "dossier: error: no article with id '999'\n"


def test_an_articles_facts_from_the_store_behave_as_a_list(checked) -> None:
    first, second = facts_of(checked, "000"), facts_of(checked, "001")
    both = first + second
    assert len(both) == len(first) + len(second) and both[0] == first[0]
    assert list(first) == first and [] + first == list(first)
