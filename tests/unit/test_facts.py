"""Facts: what the extractor reads in real seeds and in sentences built to trip it, how facts
are checked across articles, the cache, and `dossier facts`."""

from __future__ import annotations

import json
import os

import pytest

from search.facts import store as factstore
from search.facts.check import check
from search.facts.extract import extract, figures_in
from search.facts.store import FactStore
from search.reading.corpus import load_corpus
from tests.support import SEEDS, write
from tests.support.labels import FACT_LABELS as FIXTURES
from tests.support.labels import score
from tui.cli import main


def one(text: str):  # type: ignore[no-untyped-def]
    (fact,) = figures_in(text)
    return fact


@pytest.fixture(scope="module")
def checked(seeds):  # type: ignore[no-untyped-def]
    return check({a.id: extract(a) for a in seeds.articles})


def facts_of(checked, prefix: str):  # type: ignore[no-untyped-def]
    return next(facts for aid, facts in checked.items() if aid.startswith(prefix))


# --- reading figures ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "qualifier"),
    [
        ("It will spend $200 billion this year.", "money", 2e11, "USD", None),
        ("Jassy defends the $200B plan.", "money", 2e11, "USD", None),
        ("Spending exceeded 85 billion US dollars.", "money", 8.5e10, "USD", None),
        ("Revenue of over $20 billion a year.", "money", 2e10, "USD", "over"),
        ("The salary is $120000 now.", "money", 120000, "USD", None),
        ("Aid of €3.2 billion was promised.", "money", 3.2e9, "EUR", None),
        ("It fired 14000 employees.", "count", 14000, "employees", None),
        (
            "It hired 250000 seasonal warehouse workers.",
            "count",
            250000,
            "seasonal warehouse workers",
            None,
        ),
        ("The staff reached over 1.6 million at one point.", "count", 1.6e6, None, "over"),
        ("The stock rose nearly 4% today.", "percent", 4, "%", "nearly"),
        ("In a June 2025 memo, he said so.", "date", "2025-06", None, None),
        ("Filed on 2026/03/05 at noon.", "date", "2026-03-05", None, None),
        ("The chip shipped in 2018-11 first.", "date", "2018-11", None, None),
        ("The fastest pace since mid-2022, they said.", "date", "2022", None, "mid"),
        (
            "They plan to spend tens of billions of dollars on chips.",
            "money",
            1e10,
            "USD",
            "tens of billions",
        ),
        (
            "It hired hundreds of thousands of employees.",
            "count",
            1e5,
            "employees",
            "hundreds of thousands",
        ),
    ],
)
def test_figures_are_read_with_value_unit_and_qualifier(text, kind, value, unit, qualifier) -> None:
    fact = one(text)
    assert (fact.kind, fact.value, fact.unit, fact.qualifier) == (kind, value, unit, qualifier)
    assert fact.text in text


@pytest.mark.parametrize(
    "text",
    [
        "This is a huge investment for any Fortune 500 company.",
        "They can buy more H100 GPUs.",
        "The salary for an L5 is high.",
        "⚡ 30-Second TL;DR",
        "It celebrated its 1 millionth robot.",
        "Ticket 01 and order 192845757775 were closed.",
        "The COVID-19 boom is over.",
    ],
)
def test_names_models_ordinals_and_ids_are_not_figures(text: str) -> None:
    assert figures_in(text) == []


def test_late_in_2026_or_2027_is_two_dates_the_first_qualified() -> None:
    first, second = figures_in("Meta may invest late in 2026 or 2027.")
    assert (first.kind, first.value, first.qualifier) == ("date", "2026", "late")
    assert (second.kind, second.value) == ("date", "2027")


def test_entities_are_counted_without_possessives_or_weekdays(seeds) -> None:
    article = next(a for a in seeds.articles if a.id.startswith("000"))
    entities = {f.value: f.mentions for f in extract(article) if f.kind == "entity"}
    assert entities["Amazon"] >= 10 and "Amazon’s" not in entities
    assert {"Anthropic", "Meta", "Trainium", "DeepFleet"} <= set(entities)
    assert "Wednesday" not in entities


def test_names_are_split_at_job_titles_and_possessives_and_confirmed_by_the_prose(
    tmp_path,
) -> None:
    write(
        tmp_path,
        "names.md",
        "# Acme Unveils Robot Plans\n\n"
        "Acme CEO Maria Lopez said Globex's Quantum Unit would ship. If Globex waits, "
        "Acme gains. However, Lopez was careful. Maria Lopez thanked Initech.\n\n"
        "Lopez later repeated it.\n",
    )
    (article,) = load_corpus(tmp_path).articles
    entities = {f.value: f.mentions for f in extract(article) if f.kind == "entity"}
    assert entities["Maria Lopez"] == 4  # twice in full, twice as "Lopez"
    assert entities["Acme"] == 2  # the headline is one run of capitals, not a mention
    assert entities["Globex"] == 2  # "If Globex" is Globex
    assert "Quantum Unit" in entities and "Initech" in entities
    for not_a_name in ("Acme CEO Maria Lopez", "If Globex", "However", "Unveils", "Robot Plans"):
        assert not_a_name not in entities


# --- measured against hand labels -------------------------------------------------------------


def test_precision_and_recall_on_the_hand_labelled_seeds() -> None:
    result = score(SEEDS, FIXTURES / "seed-labels.yaml")
    assert result.labelled >= 100
    assert result.precision >= 0.95 and result.recall >= 0.95, (result.missed, result.wrong)


def test_precision_and_recall_on_articles_the_extractor_was_not_tuned_on() -> None:
    result = score(FIXTURES, FIXTURES / "untuned-labels.yaml")
    assert result.labelled >= 30
    assert result.precision >= 0.90 and result.recall >= 0.90, (result.missed, result.wrong)


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
    real = factstore.extract
    monkeypatch.setattr(factstore, "extract", lambda a: calls.append(a.id) or real(a))
    store = FactStore(corpus, location=tmp_path / "index")
    first = store.checked()
    assert sorted(calls) == ["a", "b"]
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
    assert [c.value for c in hired.conflicts] == [900]


def test_a_damaged_cache_is_rebuilt_silently(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", "Acme Corp\n\nAcme hired 1,200 engineers in 2024.\n")
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / "facts.json").write_text("{not json", encoding="utf-8")
    facts = FactStore(corpus, location=tmp_path / "index").checked()
    assert any(e.fact.value == 1200 for e in facts["a"])
    assert json.loads((tmp_path / "index" / "facts.json").read_text())["articles"]["a"]


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
    assert anthropic["conflicts"][0]["article"].startswith("001")
    assert set(anthropic["conflicts"][0]) == {"article", "passage", "text", "value"}


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
