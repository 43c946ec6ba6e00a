"""Property-based tests: cleaning never raises and never invents words."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.clean import clean_plain_text
from search.decode import NotText, decode

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
