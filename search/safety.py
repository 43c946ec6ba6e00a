"""Making article text safe to print on a terminal: control characters become visible symbols.

Decoding already strips escape sequences; this is the last guard before text reaches a
terminal, so that no byte of an article is ever interpreted as a terminal command.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """`text` with C0/C1 control characters (except newline and tab) shown as symbols."""
    return _CONTROL.sub(
        lambda m: (
            chr(0x2400 + ord(m.group())) if ord(m.group()) < 0x20 else "\N{REPLACEMENT CHARACTER}"
        ),
        text,
    )
