"""Decoding bytes to text: encodings, binaries, bad bytes, and mojibake repair."""

from __future__ import annotations

import codecs
import json

import pytest

from search.reading.cp874 import repair_cp874_mojibake
from search.reading.decode import NotText, decode, repair_text
from tests.support import SHARED

FRENCH = "Le café est très bon à côté de l’hôtel, où nous étions déjà allés — « voilà » !\n"
GERMAN = "Über die Straße gingen größere Gruppen, während es schön war.\n"


@pytest.mark.parametrize(
    ("encoded", "expected_encoding"),
    [
        (FRENCH.encode("cp1252"), "cp1252"),
        (GERMAN.encode("latin-1"), None),
        (FRENCH.encode("utf-16"), "utf-16-le"),  # with a BOM
        (FRENCH.encode("utf-16-le"), "utf-16-le"),  # without one
        (FRENCH.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "utf-8"),
        (FRENCH.encode("utf-32"), None),
        (FRENCH.encode("utf-8"), "utf-8"),
    ],
    ids=[
        "cp1252",
        "latin-1",
        "utf-16-bom",
        "utf-16-le",
        "utf-16-be",
        "utf-8-bom",
        "utf-32",
        "utf-8",
    ],
)
def test_encodings_decode_to_the_original_text(
    encoded: bytes, expected_encoding: str | None
) -> None:
    decoded = decode(encoded)
    original = FRENCH if "café" in decoded.text else GERMAN
    assert decoded.text == original
    if expected_encoding:
        assert decoded.encoding == expected_encoding


def test_cyrillic_legacy_code_page() -> None:
    text = "Привет, как дела? Это тестовый текст на русском языке о новостях.\n"
    decoded = decode(text.encode("cp1251"))
    assert decoded.text == text


def test_invalid_utf8_bytes_are_replaced_and_reported() -> None:
    decoded = decode("Naïve café text with one bad byte here: ".encode() + b"\xff and more.\n")
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith("Naïve café text")
    assert "\ufffd" in decoded.text
    assert decoded.repairs == ["replaced 1 invalid UTF-8 byte sequence"]


def test_nul_bytes_in_text_are_removed_and_reported() -> None:
    decoded = decode(b"Hello\x00 world, this is text.\n")
    assert decoded.text == "Hello world, this is text.\n"
    assert decoded.repairs == ["removed 1 NUL byte"]


def test_escape_sequences_and_controls_do_not_survive() -> None:
    decoded = decode(b"\x1b[31mRed alert\x1b[0m and a bell\x07 [bold]not markup[/bold]\n")
    assert decoded.text == "Red alert and a bell [bold]not markup[/bold]\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t ", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        (b"PK\x03\x04" + bytes(range(256)) * 4, "ZIP archive"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
        (bytes(range(256)) * 20, "binary file"),
    ],
    ids=["empty", "blank", "png", "zip", "pdf", "random-bytes"],
)
def test_non_text_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(NotText, match=reason):
        decode(data)


def _negative_cases() -> list[dict]:
    path = SHARED / "data" / "mojibake" / "negative.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


@pytest.mark.skipif(not _negative_cases(), reason="ftfy's test cases not beside the repo")
@pytest.mark.parametrize("case", _negative_cases(), ids=lambda c: c["label"][:40])
def test_ftfy_negative_cases_come_out_unchanged(case: dict) -> None:
    # "fixed-encoding" is the text with quotes left curly, as Dossier keeps them; one case
    # ("Mostly negative") only turns a C1 control into the ellipsis it stood for.
    expected = case.get("fixed-encoding", case["fixed"])
    assert repair_text(case["original"])[0] == expected


def as_cp874_mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-874 by a decoder that drops 0x80-0xA0, as in seed 004."""
    data = bytes(b for b in text.encode("utf-8") if not 0x80 <= b <= 0xA0)
    return data.decode("cp874", errors="ignore")


def test_cp874_rule_restores_symbols_and_drops_emoji() -> None:
    original = (
        "Key takeaways for the week ahead in markets and technology\n"
        "• Chips are getting cheaper across the whole industry\n"
        "⚡ Fast facts about the companies we follow closely\n"
        "Competitor table ▸ Show\n"
        "⏳ Timeline of the announcements made this year\n"
        "🚀 Launch notes for everyone who reads this\n"
        "Read the full story →\n"
    )
    garbled = as_cp874_mojibake(original)
    assert garbled != original
    repaired, count = repair_cp874_mojibake(garbled)
    assert count > 0
    for symbol in "•⚡▸⏳→":
        assert symbol in repaired
    assert " Launch notes" in repaired and "🚀" not in repaired
    assert not any("\u0e00" <= ch <= "\u0e7f" for ch in repaired)


@pytest.mark.parametrize(
    "text",
    [
        "ภาษาไทยเป็นภาษาที่สวยงาม และมีประวัติศาสตร์ยาวนาน",
        "The word โลก means world in Thai. " * 20,
        "Bangkok (กรุงเทพมหานคร) is the capital of Thailand. " * 10,
    ],
    ids=["thai", "one-thai-word-in-english", "thai-name-in-english"],
)
def test_cp874_rule_never_touches_genuine_thai(text: str) -> None:
    assert repair_cp874_mojibake(text) == (text, 0)
    assert repair_text(text)[0] == text


def test_seed_004_is_repaired_by_decoding(seeds) -> None:
    article = seeds.get("004")
    assert article.repairs == ["restored 22 symbols garbled as Windows-874 (Thai)"]
    assert article.text.startswith("GeekWire•Stalecollected in 30m\n")
