"""`python -m bench [GROUP ...]`: run the benchmarks side by side and write bench/REPORT.md.

With no GROUP every benchmark runs and the report is written anew; with groups (`python -m bench
cleaning facts`), only those run and their sections of REPORT.md are replaced, the others kept.
`python -m bench --list` names the groups.

BENCH_SIZES picks the synthetic corpus sizes (default "1000,20000"); BENCH_WORK the scratch
folder (default: the system temp folder), which keeps generated corpora between runs.
"""

from __future__ import annotations

import os
import platform
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bench import (
    app,
    bookmarks,
    cleaning,
    compare,
    copies,
    cranfield,
    facts,
    facts_scale,
    first_screen,
    newswire,
    pages,
    profile_build,
    search,
)
from bench.generate import generate

REPORT = Path(__file__).resolve().parent / "REPORT.md"


def _groups(sizes: list[int]) -> dict[str, Callable[[], str]]:
    """Each group's benchmark: it returns one or more report sections ("## Title ...")."""
    return {
        "cleaning": cleaning.run,
        "pages": pages.run,
        "newswire": newswire.run,
        "cranfield": lambda: cranfield.run(search.WORK),
        "search": lambda: search.run(sizes),
        "app": lambda: app.run(max(sizes)),
        "first_screen": first_screen.run,
        "scale": lambda: app.scale(max(sizes)),
        "facts": facts.run,
        "facts-scale": lambda: facts_scale.run(max(sizes)),
        "compare": compare.run,
        "copies": lambda: copies.run(max(sizes)),
        "bookmarks": bookmarks.run,
        "build": lambda: profile_build.run(generate(1000, search.WORK / "corpus-1000")),
    }


def _sections(markdown: str) -> list[tuple[str, str]]:
    """(heading, text) of each "## " section of a report, in order."""
    parts = re.split(r"(?m)^(?=## )", markdown)
    return [(part.splitlines()[0], part) for part in parts if part.startswith("## ")]


def _merge(old: str, new: list[str]) -> str:
    """The old report's sections with the new ones in place of those of the same heading
    (sections whose heading names a size, "## 20,000 articles", match on the whole line)."""
    fresh = [section for text in new for section in _sections(text)]
    merged, used = [], set()
    for heading, text in _sections(old):
        replacement = next((t for h, t in fresh if h == heading), None)
        if replacement is not None:
            used.add(heading)
        merged.append(replacement if replacement is not None else text)
    merged += [text for heading, text in fresh if heading not in used]
    return "\n".join(part.rstrip("\n") + "\n" for part in merged)


def main(argv: list[str]) -> int:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,20000").split(",") if s.strip()]
    groups = _groups(sizes)
    if argv == ["--list"]:
        sys.stdout.write("\n".join(groups) + "\n")
        return 0
    unknown = [name for name in argv if name not in groups]
    if unknown:
        sys.stderr.write(f"bench: no group {', '.join(unknown)}; groups: {', '.join(groups)}\n")
        return 2
    search.WORK.mkdir(parents=True, exist_ok=True)
    for variable in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):  # never the user's
        os.environ[variable] = str(search.WORK / variable.lower())
    header = (
        "# Dossier benchmarks\n\n"
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores. Each table compares side by side, "
        "in one run, on the same data.\n\n"
    )
    chosen = argv or list(groups)
    sections = [groups[name]() for name in chosen]
    if argv and REPORT.exists():
        old = REPORT.read_text(encoding="utf-8")
        kept_header = old[: old.find("\n## ") + 1] if "\n## " in old else header
        note = f"Updated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {', '.join(argv)}.\n\n"
        report = kept_header.rstrip("\n") + "\n\n" + note + _merge(old, sections)
    else:
        report = header + "\n".join(sections)
    REPORT.write_text(report, encoding="utf-8")
    sys.stdout.write("\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
