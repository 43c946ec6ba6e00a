"""From a file's bytes to clean Unicode text: refuse binaries, detect the encoding, repair mojibake.

Order matters: byte-order marks and UTF-16 without a BOM are recognised first, strict UTF-8
next (most files), then text that is UTF-8 with a few bad bytes, and only then a legacy code
page chosen by charset-normalizer. The decoded text is repaired by ftfy (keeping typographic
quotes and full-width CJK punctuation) and by the Windows-874 rule in `search.cp874`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import charset_normalizer
import ftfy

from search.reading.cp874 import repair_cp874_mojibake


class NotText(ValueError):
    """The bytes are not a text document (binary, empty...); the message says why, in a line."""


# File signatures of common binary formats, so a picture or an archive gets a precise reason.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"wOFF", "a web font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# A well-formed UTF-8 multi-byte sequence (used to tell "UTF-8 with a few bad bytes" from a
# legacy code page, in which such sequences are rare).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # typographic quotes are the author's, not damage
    fix_character_width=False,  # keep full-width CJK punctuation as written
    explain=False,
)


@dataclass(slots=True)
class Decoded:
    """Text decoded from bytes, the encoding it was read as, and what had to be repaired."""

    text: str
    encoding: str
    repairs: list[str] = field(default_factory=list)


def sniff_binary(head: bytes) -> str | None:
    """A description of the binary format `head` starts with, or None."""
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            return what
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes look like BOM-less UTF-16 of mostly ASCII text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_zero = even.count(0) / len(even)
    odd_zero = odd.count(0) / len(odd)
    if odd_zero > 0.4 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.4 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def _decode_bytes(data: bytes, repairs: list[str]) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16

    nul = data.count(0)
    if nul:
        if nul > 8 and nul > len(data) * 0.1:
            raise NotText(f"binary file ({nul} NUL bytes)")
        data = data.replace(b"\x00", b"")
        repairs.append(f"removed {nul} NUL byte{'s' if nul != 1 else ''}")
    if len(_CONTROL_BYTES.findall(data[:65536])) > min(len(data), 65536) * 0.05:
        raise NotText("binary file (mostly control bytes)")

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if len(_UTF8_MULTIBYTE.findall(data)) >= bad:
        repairs.append(f"replaced {bad} invalid UTF-8 byte sequence{'s' if bad != 1 else ''}")
        return text, "utf-8"
    best = _legacy_code_page(data)
    if best is None:
        repairs.append(f"unknown encoding: replaced {bad} undecodable bytes")
        return text, "utf-8"
    return str(best), best.encoding


def _legacy_code_page(data: bytes) -> charset_normalizer.CharsetMatch | None:
    """charset-normalizer's reading of a legacy-encoded file.

    On short texts several code pages come close; among those, prefer Windows-1252, by far
    the most common legacy encoding of web text (the WHATWG encoding standard reads even
    "latin-1" as it), then the least chaotic reading. Coherence (language fit) only breaks
    ties: on a sentence or two it favours exotic code pages such as hp_roman8.
    """
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best_chaos = min(m.chaos for m in matches)
    close = [m for m in matches if m.chaos <= best_chaos + 0.1]
    return min(close, key=lambda m: (m.encoding != "cp1252", round(m.chaos, 2), -m.coherence))


def repair_text(text: str) -> tuple[str, list[str]]:
    """Repair mojibake, control characters and escape sequences; say what was repaired."""
    repairs: list[str] = []
    fixed = ftfy.fix_text(text, config=_FTFY_CONFIG)
    if fixed != text:
        before, after = text.splitlines(), fixed.splitlines()
        changed = sum(a != b for a, b in zip(before, after, strict=False))
        changed += abs(len(before) - len(after))
        repairs.append(f"ftfy repaired {changed} line{'s' if changed != 1 else ''}")
    fixed, clusters = repair_cp874_mojibake(fixed)
    if clusters:
        repairs.append(f"restored {clusters} symbols garbled as Windows-874 (Thai)")
    return fixed, repairs


def decode(data: bytes) -> Decoded:
    """Decode and repair a document's bytes.

    Raises NotText for an empty or binary file.
    """
    if not data.strip():
        raise NotText("empty file")
    binary = sniff_binary(data[:16])
    if binary:
        raise NotText(f"binary file ({binary})")
    repairs: list[str] = []
    raw, encoding = _decode_bytes(data, repairs)
    text, fixes = repair_text(raw.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise NotText("empty file (no text after decoding)")
    return Decoded(text=text, encoding=encoding, repairs=repairs + fixes)
