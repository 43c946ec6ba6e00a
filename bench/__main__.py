"""`python -m bench`: run every benchmark side by side and write bench/REPORT.md.

BENCH_SIZES picks the synthetic corpus sizes (default "1000,20000"); BENCH_WORK the scratch
folder (default: the system temp folder), which keeps generated corpora between runs.
"""

from __future__ import annotations

import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import app, bookmarks, cleaning, compare, cranfield, facts, profile_build, search
from bench.generate import generate

REPORT = Path(__file__).resolve().parent / "REPORT.md"


def main() -> int:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,20000").split(",") if s.strip()]
    search.WORK.mkdir(parents=True, exist_ok=True)
    for variable in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):  # never the user's
        os.environ[variable] = str(search.WORK / variable.lower())
    header = (
        "# Dossier benchmarks\n\n"
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores. Each table compares side by side, "
        "in one run, on the same data.\n\n"
    )
    sections = [cleaning.run(), cranfield.run(search.WORK), search.run(sizes)]
    sections.append(app.run(max(sizes)))
    sections.append(app.scale(max(sizes)))
    sections.append(facts.run())
    sections.append(compare.run())
    sections.append(bookmarks.run())
    sections.append(profile_build.run(generate(1000, search.WORK / "corpus-1000")))
    REPORT.write_text(header + "\n".join(sections), encoding="utf-8")
    sys.stdout.write(header + "\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
