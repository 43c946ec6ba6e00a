"""Re-exports that import on first use: a subpackage names its public API in its `__init__`
without loading Whoosh, the cleaner or rapidfuzz before a caller needs them (start-up time)."""

from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` for `package` that imports `name` from the submodule
    `exports[name]` the first time it is asked for."""

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__
