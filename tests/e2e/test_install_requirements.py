"""The wheel that `pip install .` builds declares what the pip of Python 3.11 would otherwise
leave out: lxml_html_clean, which jusText (imported by trafilatura) needs for any HTML file.

(Building a venv with that pip and installing everything takes minutes and the network: it was
done by hand, see the report of issue 17; here the wheel's metadata is checked.)"""

from __future__ import annotations

import zipfile
from pathlib import Path


def test_the_wheel_requires_lxml_html_clean(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        requires = [
            line.split(":", 1)[1].strip()
            for line in archive.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist:")
        ]
    assert any(r.replace("-", "_").startswith("lxml_html_clean") for r in requires)
    assert any(r.startswith("trafilatura") for r in requires)
