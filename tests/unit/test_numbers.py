"""No number of a file ever changes: each one is in the clean text or in the removed lines, as
written. Hard-wrapped lines that begin with a decimal are the classic trap ("13.5 billion"
read as a list item "5 billion")."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.model import PassageKind
from search.reading.clean import CleanText, clean_plain_text
from tests.support import SEEDS
from tests.support.reading import NEWSWIRE, PAGES, missing_numbers, numbers, read


def lost(text: str, clean: CleanText) -> list[str]:
    kept = numbers(clean.title or "") + numbers("\n".join(p.text for p in clean.passages))
    kept += numbers("\n".join(r.text for r in clean.removed))
    return sorted((numbers(text) - kept).elements())


WRAPPED_STORY = """\
BIG BANK TO FORM FINANCIAL UNIT
CLEVELAND, Feb 26 -
Big Bank Corp said it will form a finance unit with
13.5 billion dlrs in assets and a capital base of about
0.75 cent a share, the company said in a statement on
62.94 billion dlrs of deposits at the end of the year.
    The unit will be based in Cleveland, it said, and it
expects to have 1,200 employees by the end of 1988.
 Reuter
"""


def test_a_wrapped_line_that_begins_with_a_decimal_keeps_its_number() -> None:
    clean = clean_plain_text(WRAPPED_STORY)
    body = " ".join(p.text for p in clean.passages)
    for figure in ("13.5 billion dlrs", "0.75 cent", "62.94 billion", "1,200 employees"):
        assert figure in body
    assert [p.kind for p in clean.passages] == [PassageKind.PARAGRAPH] * 2
    assert not lost(WRAPPED_STORY, clean)


def test_a_numbered_list_keeps_its_numbers() -> None:
    text = "Top picks of the week\n\n1. The first book\n2. The second one\n22) A late entry\n"
    clean = clean_plain_text(text)
    items = [p.text for p in clean.passages if p.kind is PassageKind.LIST_ITEM]
    assert items == ["1. The first book", "2. The second one", "22) A late entry"]


words = st.sampled_from(
    "the bank said its net profit rose in the quarter while sales fell and shares gained".split()
)
figures = st.one_of(
    st.integers(0, 10**7).map(str),
    st.integers(0, 10**6).map(lambda n: f"{n:,}"),
    st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]:02d}"),
    st.sampled_from(["13.5", "0.75", "62.94", "1.", "2)", "3.5%", "$4.2", "-5", "1987."]),
)
tokens = st.lists(st.one_of(words, words, words, figures), min_size=1, max_size=60)
paragraphs = st.lists(tokens.map(" ".join), min_size=1, max_size=6)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paragraphs,
    st.integers(20, 90),
    st.sampled_from(["\n\n", "\n", "\n    "]),
    st.booleans(),
    st.lists(st.sampled_from(["Home", "Share", "12", "© 2024 Example", "- 5", "Reuter"])),
)
def test_cleaning_never_changes_a_number(
    parts: list[str], width: int, joiner: str, double: bool, furniture: list[str]
) -> None:
    wrapped = [textwrap.fill(part, width) for part in parts]
    text = "\n".join(furniture) + "\n" + joiner.join(wrapped) + "\n"
    if double:
        text = "\n\n".join(text.split("\n"))
    clean = clean_plain_text(text)
    assert not lost(text, clean)


def _files(folder, pattern: str) -> list:
    return sorted(folder.glob(pattern)) if folder.is_dir() else []


@pytest.mark.skipif(not NEWSWIRE.is_dir(), reason="the shared data is not beside the repo")
@pytest.mark.parametrize(
    ("folder", "pattern"),
    [(SEEDS, "*.txt"), (NEWSWIRE, "*.txt"), (PAGES / "text", "*.txt")],
    ids=["seeds", "newswire", "pages"],
)
def test_no_number_changes_in_the_development_sets(folder, pattern: str) -> None:
    changed = {}
    for path in _files(folder, pattern):
        missing = missing_numbers(read(folder, path.name))
        if missing:
            changed[path.name] = missing
    assert _files(folder, pattern) and changed == {}
