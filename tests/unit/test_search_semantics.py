"""The query rules a researcher relies on (search/index/query.py), each on the seeds and on a
corpus built here: filters restrict and words rank within them, a title raises but is not a
hit, "did you mean" only for plain words, exclusions, kinds by name."""

from __future__ import annotations

import pytest

from search.index.corpus_index import CorpusIndex
from search.index.query import plain_words
from tests.support import SEEDS, write


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    index = CorpusIndex(SEEDS, location=tmp_path_factory.mktemp("index") / "seeds")
    index.open()
    return index


def _article(title: str, source: str, *paragraphs: str) -> str:
    body = "\n\n".join(paragraphs)
    return f"---\ntitle: {title}\nsource: {source}\n---\n\n{body}\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    """Four articles about budgets and railways from two sources; titles and bodies chosen
    so that each rule changes which passages come back."""
    root = tmp_path_factory.mktemp("built")
    corpus = root / "corpus"
    write(
        corpus,
        "blair.md",
        _article(
            "Blair defends the spending plans",
            "Northern Post",
            "The prime minister said the budget would protect schools and hospitals.",
            "Railway unions welcomed the promise of new trains for the north.",
        ),
    )
    write(
        corpus,
        "brown.md",
        _article(
            "Brown unveils his budget",
            "Daily Ledger",
            "The chancellor's budget raised duty on fuel and cut the basic rate of tax.",
            "The budget also froze council tax for pensioners, the chancellor said.",
        ),
    )
    write(
        corpus,
        "railways.md",
        _article(
            "Budget railways",
            "Northern Post",
            "Passengers waited for hours after signals failed outside the station.",
            "Engineers blamed the cold weather for the broken signals.",
        ),
    )
    write(
        corpus,
        "listing.md",
        "# Spending review\n\nThe review lists what each department will get.\n\n"
        "## Departments\n\n- Health gets more for hospitals\n- Transport gets more for trains\n",
    )
    index = CorpusIndex(corpus, location=root / "index")
    index.open()
    return index


def passages(result) -> set[tuple[str, int]]:
    return {(hit.article, hit.passage) for hit in result.hits}


# --- 1. field filters restrict, the words rank within them -------------------------------


def test_a_title_filter_restricts_and_the_words_rank_within_it(built: CorpusIndex) -> None:
    result = built.search("title:Blair budget")
    assert result.error is None
    assert {hit.article for hit in result.hits} == {"blair"}
    assert [hit.passage for hit in result.hits] == [0]  # the passage about the budget
    assert built.search("title:Brown budget").articles[0].article == "brown"
    assert built.search("title:Blair trains").hits[0].article == "blair"


def test_a_source_filter_restricts_without_and(built: CorpusIndex, seeds: CorpusIndex) -> None:
    assert {h.article for h in built.search("source:Ledger budget").hits} == {"brown"}
    assert {h.article for h in built.search("source:Northern signals").hits} == {"railways"}
    found = seeds.search("source:GeekWire Amazon")
    assert found.hits and {h.article[:3] for h in found.hits} == {"004"}
    # The same with AND: one meaning.
    assert passages(seeds.search("source:GeekWire AND Amazon")) == passages(found)


def test_a_kind_filter_restricts_by_its_name(built: CorpusIndex, seeds: CorpusIndex) -> None:
    headings = seeds.search("kind:heading AI")
    assert headings.hits and {hit.kind for hit in headings.hits} == {"heading"}
    assert all(hit.matches for hit in headings.hits)
    items = built.search("kind:list hospitals")
    assert [(h.article, h.kind) for h in items.hits] == [("listing", "list_item")]
    assert {h.kind for h in built.search("kind:list_item").hits} == {"list_item"}
    unknown = built.search("kind:able budget")
    assert unknown.error is not None and unknown.error.startswith("unknown kind 'able'")


def test_either_of_two_titles_in_one_filter(built: CorpusIndex) -> None:
    result = built.search("title:(Blair OR Brown) budget")
    assert {hit.article for hit in result.hits} == {"blair", "brown"}
    assert built.search("title:Blair title:Brown budget").hits == []  # two filters: both


def test_a_filter_alone_lists_what_it_lets_through(built: CorpusIndex) -> None:
    result = built.search("source:Northern")
    assert {a.article for a in result.articles} == {"blair", "railways"}
    for article in result.articles:  # in reading order
        assert [h.passage for h in article.passages] == sorted(h.passage for h in article.passages)


# --- 2. a title raises an article's passages but is not a hit by itself ------------------


def test_a_title_word_is_not_a_hit_by_itself(built: CorpusIndex, seeds: CorpusIndex) -> None:
    # "railways" has "Budget" in its title only: none of its passages is about a budget.
    assert "railways" not in {hit.article for hit in built.search("budget").hits}
    for hit in seeds.search("chips -Trainium").hits:
        assert hit.matches, (hit.article, hit.passage, hit.snippet)


def test_a_title_word_raises_its_articles_passages(built: CorpusIndex) -> None:
    # Both articles mention the budget in their text; only Brown's has it in the title too.
    ranked = [a.article for a in built.search("budget").articles]
    assert ranked[0] == "brown"
    trains = [a.article for a in built.search("railway signals").articles]
    assert trains[0] == "railways"  # the title and the text agree


# --- 3. exclusions ---------------------------------------------------------------------------


def test_an_excluded_word_drops_every_passage_that_has_it(seeds: CorpusIndex) -> None:
    for query in ("Trainium NOT Graviton", "Trainium -Graviton"):
        result = seeds.search_passages(query, limit=50)
        assert len(result.hits) == 11  # 13 passages name Trainium; 2 of them Graviton too
        assert not any("Graviton" in hit.text for hit in result.hits)


# --- 4. "did you mean" only for plain words ------------------------------------------------


@pytest.mark.parametrize(
    "query", ["kind:table", "kind:list", '"unclosed', "title:Jasy", "-Trainum robots", "Trainu*"]
)
def test_no_suggestion_for_field_values_quotes_operators_or_prefixes(
    seeds: CorpusIndex, query: str
) -> None:
    assert seeds.search(query).suggestion is None


def test_a_misspelt_plain_word_gets_a_suggestion_the_rest_kept(seeds: CorpusIndex) -> None:
    assert seeds.search("Trainum").suggestion == "trainium"
    assert seeds.search('kind:paragraph Trainum "Blue Jay"').suggestion == (
        'kind:paragraph trainium "Blue Jay"'
    )


def test_plain_words_are_found_outside_quotes_fields_and_operators() -> None:
    text = 'budgt AND title:(Blair OR Brwn) "unclosd -excl chps* NOT railwys'
    assert [text[s:e] for s, e in plain_words(text)] == ["budgt"]
    text = "budgt OR kind:tabel railwys -excl"
    assert [text[s:e] for s, e in plain_words(text)] == ["budgt", "railwys"]


def test_a_suggestion_is_a_word_of_the_corpus_not_a_stem(built: CorpusIndex) -> None:
    # The index holds stems ("hospit", "pension"); a suggestion shows the word as written.
    assert built.search("hospitls").suggestion == "hospitals"
    assert built.search("title:Blair pensionrs").suggestion == "title:Blair pensioners"


# --- 5. quoted phrases -----------------------------------------------------------------------


def test_a_quoted_phrase_is_required_and_matches_as_typed(built: CorpusIndex) -> None:
    # "council tax" is in Brown's second passage; "tax" alone in both of its passages.
    result = built.search_passages('"council tax" chancellor')
    assert [(h.article, h.passage) for h in result.hits] == [("brown", 1)]
    assert [h.snippet[s:e] for h in result.hits for s, e in h.matches][:1] == ["council tax"]
    # Stemmed words side by side are not the phrase as typed.
    assert built.search('"councils taxes"').hits == []
    assert built.search('"signal failed"').hits == []
    assert [h.article for h in built.search('"signals failed"').hits] == ["railways"]


def test_articles_with_all_the_words_come_first(built: CorpusIndex) -> None:
    # "budget tax": Brown's passages have both words; Blair's passage only "budget".
    ranked = [a.article for a in built.search("budget tax").articles]
    assert ranked[0] == "brown" and "blair" in ranked
    assert ranked.index("brown") < ranked.index("blair")
    # A passage with both words outranks a title that has one of them.
    ranked = [a.article for a in built.search("signals station").articles]
    assert ranked[0] == "railways"


def test_a_whole_article_counts_beside_its_best_passage(tmp_path) -> None:
    # "one" has the best passage (the shortest that says "harbour"); "many" says it in
    # four passages: the whole article outweighs the single best passage.
    corpus = tmp_path / "corpus"
    write(corpus, "one.txt", "Port news\n\nThe harbour opened.\n\nThe weather was fine.\n")
    write(
        corpus,
        "many.txt",
        "Coast news\n\nThe harbour opened on time today.\n\nThe harbour master spoke.\n\n"
        "Boats left the harbour.\n\nThe harbour closed at night.\n",
    )
    index = CorpusIndex(corpus, location=tmp_path / "index")
    assert [a.article for a in index.search("harbour").articles] == ["many", "one"]
