"""Names an article states: counted without possessives or weekdays, split at job titles,
confirmed by the prose; a longer name does not swallow a shorter one that stands alone."""

from __future__ import annotations

from search.facts.extract import extract
from search.facts.figures import figures_in
from search.reading.corpus import load_corpus
from tests.support import write


def names(tmp_path, text: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    write(tmp_path, "names.md", text)
    (article,) = load_corpus(tmp_path).articles
    return {f.value: f.mentions for f in extract(article) if f.kind == "entity"}


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
    entities = names(
        tmp_path,
        "# Acme Unveils Robot Plans\n\n"
        "Acme CEO Maria Lopez said Globex's Quantum Unit would ship. If Globex waits, "
        "Acme gains. However, Lopez was careful. Maria Lopez thanked Initech.\n\n"
        "Lopez later repeated it.\n",
    )
    assert entities["Maria Lopez"] == 4  # twice in full, twice as "Lopez"
    assert entities["Acme"] == 2  # the headline is one run of capitals, not a mention
    assert entities["Globex"] == 2  # "If Globex" is Globex
    assert "Quantum Unit" in entities and "Initech" in entities
    for not_a_name in ("Acme CEO Maria Lopez", "If Globex", "However", "Unveils", "Robot Plans"):
        assert not_a_name not in entities


def test_a_two_word_name_does_not_swallow_a_shorter_name_that_stands_alone(tmp_path) -> None:
    entities = names(
        tmp_path,
        "# Chips\n\nThe team ships Orbit and Vela. Users of Vela say Orbit Vela is a bundle "
        "that Orbit sells. Later, Vela was updated again by the team.\n",
    )
    assert entities["Vela"] == 3  # its own mentions stay its own
    assert entities.get("Orbit Vela", 0) == 1


def test_a_surname_still_joins_the_full_name(tmp_path) -> None:
    entities = names(
        tmp_path,
        "# Talks\n\nThe minister Hana Okafor met unions. Unions said Okafor listened, and "
        "Okafor promised a reply.\n",
    )
    assert entities["Hana Okafor"] == 3 and "Okafor" not in entities
