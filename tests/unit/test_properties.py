"""Property-based tests (hypothesis): cleaning never raises and never invents words; decoding,
the query parser, front matter, the bookmarks file and re-anchoring take any input."""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.bookmarks.anchors import make_anchor, resolve
from search.bookmarks.store import BookmarkStore
from search.index.corpus_index import CorpusIndex
from search.model import Passage
from search.reading.clean import clean_plain_text
from search.reading.corpus import load_corpus
from search.reading.decode import NotText, decode
from search.reading.frontmatter import split_front_matter
from tests.support import SEEDS

SEED_000 = next(a for a in load_corpus(SEEDS).articles if a.id.startswith("000_"))

WORD = re.compile(r"\w+")

# Lines built from pieces that exercise the classifier: prose, menus, numbers, junk phrases.
pieces = st.sampled_from(
    [
        "The council voted on Tuesday to rebuild the bridge after a long debate.",
        "Home",
        "Subscribe",
        "© 2024 Example",
        "12",
        "2018-11",
        "- a list item",
        "| a | b |",
        "|---|---|",
        "By Jane Doe",
        "March 3, 2025",
        "Disclaimer: none.",
        "{{first_name}}",
        "Share this article",
        "相关阅读",
        "## A heading",
        "> a quote",
        "   ",
        "",
    ]
)
lines = st.lists(st.one_of(pieces, st.text(max_size=120)), max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
def test_cleaning_never_raises_and_never_invents_words(parts: list[str]) -> None:
    text = "\n".join(parts)
    clean = clean_plain_text(text)
    source_words = set(WORD.findall(text))
    produced = " ".join([clean.title or "", *(p.text for p in clean.passages)])
    assert set(WORD.findall(produced)) <= source_words
    for removed in clean.removed:
        assert removed.text in text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_a_reason(data: bytes) -> None:
    try:
        decoded = decode(data)
    except NotText as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(decoded.text, str) and decoded.text.strip()
    clean_plain_text(decoded.text)  # and whatever decodes, cleans


# --- fuzzing the query parser, the YAML loaders and the re-anchoring ------------------------

QUERY_PIECES = st.sampled_from(
    [
        '"',
        "*",
        "AND",
        "OR",
        "NOT",
        "-",
        "title:",
        "source:",
        "kind:",
        "(",
        ")",
        "^",
        "~",
        "[",
        "]",
        "{",
        "}",
        ":",
        "\\",
        "/",
        "?",
        "Trainium",
        "chips",
        " ",
        "\x00",
        "\x1b[31m",
        "’",
        "日本",
    ]
)
queries = st.lists(st.one_of(QUERY_PIECES, st.text(max_size=12)), max_size=12).map("".join)


@pytest.fixture(scope="module")
def seed_index(built_seed_index: Path) -> CorpusIndex:
    return CorpusIndex(SEEDS, location=built_seed_index)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(queries)
def test_any_string_is_a_query_or_a_one_line_explanation(
    seed_index: CorpusIndex, text: str
) -> None:
    result = seed_index.search(text)
    if result.error is not None:
        assert result.error.strip() and "\n" not in result.error and not result.hits
    for hit in result.hits:
        assert all(0 <= start < end <= len(hit.snippet) for start, end in hit.matches)


yaml_like = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "title: A",
                "date: 2024-02-30",
                "tags: [a, b",
                "- x",
                "? k",
                "&a *a",
                "!!python/object:os.system ls",
                "author: {name: X}",
                "'",
                '"',
                ": :",
            ]
        ),
        st.text(max_size=40),
    ),
    max_size=8,
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(yaml_like, st.text(max_size=80))
def test_front_matter_of_any_shape_never_raises(block: str, body: str) -> None:
    text = f"---\n{block}\n---\n{body}"
    front, rest = split_front_matter(text)
    assert text.endswith(rest)
    assert all(isinstance(v, str) for v in front.fields.values())
    assert front.problem is None or "\n" not in front.problem


@settings(max_examples=200, deadline=None)
@given(st.one_of(yaml_like.map(str.encode), st.binary(max_size=300)))
def test_any_bookmarks_file_is_read_or_set_aside_never_lost(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bookmarks.yaml"
        path.write_bytes(raw)
        store = BookmarkStore(path)
        assert isinstance(store.all(), list)  # never raises
        kept = [p.read_bytes() for p in Path(folder).glob("bookmarks.yaml.corrupt-*")]
        if path.exists() and path.read_bytes() == raw:
            assert store.notices == [] or kept == [raw] or store.file.read_only
        else:  # moved aside: the original bytes are kept, and the user is told
            assert kept == [raw] and store.notices


EDITS = st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(0, 40), st.text(max_size=30)), max_size=6
)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 15), st.integers(0, 200), st.integers(1, 120), EDITS)
def test_re_anchoring_after_any_edit_never_raises_and_points_inside_a_passage(
    passage: int, start: int, size: int, edits: list[tuple[int, int, str]]
) -> None:
    article = SEED_000
    text = article.passages[passage].text
    start = min(start, max(0, len(text) - 1))
    anchor = make_anchor(article, passage, start, min(len(text), start + size))
    edited = [p.text for p in article.passages]
    for where, cut, insert in edits:  # replace `cut` characters somewhere with `insert`
        i = where % len(edited)
        body = edited[i]
        at = where % (len(body) + 1)
        edited[i] = body[:at] + insert + body[at + cut :]
    changed = replace(
        article,
        passages=[
            Passage(i, article.passages[i].kind, t) for i, t in enumerate(edited) if t.strip()
        ],
    )
    found = resolve(anchor, changed)
    if found.status == "orphaned":
        return
    body = changed.passages[found.passage].text
    assert 0 <= found.start <= found.end <= len(body)
    if found.status == "anchored":
        assert body[found.start : found.end] == anchor.quote
    else:
        assert 0 < found.confidence <= 1
