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


_BREAKS = re.compile(r"[\n\t\r\f\v\u2028\u2029\x85]")


def one_line(text: str) -> str:
    """`text` made safe to print (see `visible`) on one line: each line break or tab becomes
    one space, so character offsets into `text` still point at the same characters."""
    return visible(_BREAKS.sub(" ", text))
