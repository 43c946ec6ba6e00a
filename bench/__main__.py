"""`python -m bench`: run every benchmark side by side and write bench/REPORT.md."""

from __future__ import annotations

import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import cleaning

REPORT = Path(__file__).resolve().parent / "REPORT.md"


def main() -> int:
    sections = [cleaning.run()]
    header = (
        "# Dossier benchmarks\n\n"
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{platform.machine()}. Figures are ratios measured side by side in one run.\n\n"
    )
    REPORT.write_text(header + "\n".join(sections), encoding="utf-8")
    sys.stdout.write(header + "\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
