"""Reading YAML text with `yaml.safe_load` only, every failure as one `YamlProblem`: PyYAML
raises YAMLError for bad syntax but ValueError for a date such as 2024-02-30 and
RecursionError for deep nesting, and the reader should have one thing to catch."""

from __future__ import annotations

from typing import Any


class YamlProblem(ValueError):
    """YAML that cannot be read: `line` (1-based) where the parser stopped, if it knows."""

    def __init__(self, line: int | None, detail: str = "") -> None:
        super().__init__(detail or "not valid YAML")
        self.line, self.detail = line, detail

    def where(self, first_line: int = 1) -> str:
        """' at line N' (counting from `first_line`), else ' (what went wrong)', for messages."""
        if self.line is not None:
            return f" at line {self.line + first_line - 1}"
        return f" ({self.detail})" if self.detail else ""


def load_yaml(text: str) -> Any:
    import yaml  # on first use: the first screen needs no YAML unless there is a file to read

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise YamlProblem(mark.line + 1 if mark is not None else None) from error
    except (ValueError, TypeError, OverflowError, RecursionError) as error:
        raise YamlProblem(None, str(error).splitlines()[0] if str(error) else "") from error
