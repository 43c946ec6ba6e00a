"""Repair of UTF-8 symbols that were read as Windows-874 (Thai) with bytes 0x80-0xA0 lost.

When a UTF-8 page is decoded as Windows-874, each byte of a multi-byte character becomes a
Thai letter or digit, except 0x80-0xA0, which that code page leaves (mostly) undefined and
scrapers drop. ftfy cannot undo this: the dropped bytes are gone. What is left of each
character is a *cluster*: a lead byte (0xE0-0xF4: a Thai vowel or digit) followed by the
continuation bytes that survived (0xA1-0xBF: Thai consonants).

For each cluster we enumerate every UTF-8 character it could have been (filling the missing
bytes with 0x80-0xA0 in every possible place), and keep the candidate that ranks highest in
a frequency-ordered list of symbols common in web text. A cluster whose candidates are all
unlisted (emoji have 15-440 candidates) is dropped: guessing would invent text. A lone lead
byte with both continuations lost is resolved from its neighbours (dash, quote or arrow).

The rule acts only on text that is mostly Latin and in which every run of Thai characters
parses as such clusters, so genuine Thai text is never touched.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

# Symbols in the order we prefer them when a cluster could be several of them: the bullets,
# dashes, quotes and arrows of typography first, then the symbols and emoji-style pictographs
# that sites use as decoration. Only three-byte (BMP) characters can be recovered this way.
PREFERRED_SYMBOLS = (
    "•…–—’‘“”€™→←↑↓▸►▶◀✓✔✗✘✅❌⚡⚠⏳⌛⏰⭐❤✨❗❓▪■□●○◆◇★☆➡⬅⬆⬇↗↘↔⇒⇐‣⁃†‡′″‰№℃℉∞≈≠≤≥±√"
)
_RANK = {symbol: rank for rank, symbol in enumerate(PREFERRED_SYMBOLS)}

_THAI_BLOCK = re.compile(r"[\u0e00-\u0e7f]")
# Characters that Windows-874 produces for bytes 0x80-0xA0 when a decoder keeps them.
_CP874_SPECIALS = "€…‘’“”•–—\u00a0"
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_DROP = ""


def _byte(char: str) -> int | None:
    try:
        encoded = char.encode("cp874")
    except UnicodeEncodeError:
        return None
    return encoded[0] if len(encoded) == 1 else None


def _continuations_needed(lead: int) -> int:
    if 0xE0 <= lead <= 0xEF:
        return 2
    if 0xF0 <= lead <= 0xF4:
        return 3
    return 0


@lru_cache(maxsize=4096)
def candidates(cluster: bytes) -> tuple[str, ...]:
    """Every character whose UTF-8 encoding, with some bytes 0x80-0xA0 removed, is `cluster`."""
    lead, visible = cluster[0], cluster[1:]
    missing = _continuations_needed(lead) - len(visible)
    if missing < 0:
        return ()
    found: set[str] = set()
    width = len(visible) + missing
    for slots in itertools.combinations(range(width), missing):
        for fill in itertools.product(range(0x80, 0xA1), repeat=missing):
            rest, fill_iter, visible_iter = [], iter(fill), iter(visible)
            for position in range(width):
                rest.append(next(fill_iter) if position in slots else next(visible_iter))
            try:
                found.add(bytes([lead, *rest]).decode("utf-8"))
            except UnicodeDecodeError:
                continue
    return tuple(sorted(found))


def _resolve(cluster: bytes) -> str:
    """The most likely symbol for a cluster, or "" when it cannot be told."""
    listed = [c for c in candidates(cluster) if c in _RANK]
    return min(listed, key=_RANK.__getitem__) if listed else _DROP


def _resolve_bare_e2(before: str, after: str) -> str:
    """A lone 0xE2 lead (both continuations lost): punctuation told apart by its neighbours."""
    before_word = bool(before) and not before.isspace()
    after_word = bool(after) and (after.isalnum())
    if before_word and after_word:
        return "—"
    if not before_word and after_word:
        return "“"
    if before_word and not after_word:
        return "”"
    if before and not after:  # after a space, at the end of the line: a "more" arrow
        return "→"
    if before.isspace() and after.isspace():
        return "—"
    return _DROP


def _split_clusters(run: str) -> list[bytes] | None:
    """Split a run of Thai-block characters into clusters, or None if it is not mojibake."""
    clusters: list[bytearray] = []
    for char in run:
        byte = _byte(char)
        if byte is None:
            return None
        # Only three- and four-byte leads (0xE0-0xF4, Thai vowels and digits) start a cluster:
        # two-byte leads are Thai consonants, and accepting them would take Thai words apart.
        if _continuations_needed(byte) >= 2:
            clusters.append(bytearray([byte]))
        elif 0x80 <= byte <= 0xBF and clusters:
            current = clusters[-1]
            if len(current) - 1 >= _continuations_needed(current[0]):
                return None  # more continuation bytes than the lead allows: real Thai
            current.append(byte)
        else:
            return None
    return [bytes(c) for c in clusters]


# A run: Thai-block characters, with the Windows-874 specials allowed after the first one.
_RUN = re.compile(r"[\u0e00-\u0e7f][\u0e00-\u0e7f" + _CP874_SPECIALS + r"]*")


def looks_like_cp874_mojibake(text: str) -> bool:
    """True when every Thai character of a mostly-Latin text belongs to a mojibake cluster."""
    thai = len(_THAI_BLOCK.findall(text))
    if thai == 0 or thai * 20 >= len(_LATIN_LETTER.findall(text)):
        return False
    return all(_split_clusters(m.group()) is not None for m in _RUN.finditer(text))


def repair_cp874_mojibake(text: str) -> tuple[str, int]:
    """Restore what can be restored of UTF-8 read as Windows-874; return (text, clusters fixed).

    Text that does not look like this kind of mojibake is returned unchanged.
    """
    if not looks_like_cp874_mojibake(text):
        return text, 0
    fixed = 0
    out: list[str] = []
    position = 0
    for match in _RUN.finditer(text):
        out.append(text[position : match.start()])
        clusters = _split_clusters(match.group()) or []
        previous_dropped = False
        for index, cluster in enumerate(clusters):
            if cluster == b"\xe2":
                before = text[match.start() - 1] if match.start() > 0 and index == 0 else ""
                if index > 0:
                    before = out[-1][-1:] if out and out[-1] else ""
                last = index == len(clusters) - 1
                after = text[match.end()] if last and match.end() < len(text) else ""
                if after == "\n":
                    after = ""
                replacement = _DROP if previous_dropped else _resolve_bare_e2(before, after)
            else:
                replacement = _resolve(cluster)
            previous_dropped = replacement == _DROP
            out.append(replacement)
            fixed += 1
        position = match.end()
    out.append(text[position:])
    return "".join(out), fixed
