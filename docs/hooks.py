"""MkDocs hooks for the sendkit site (named in mkdocs.yml under ``hooks``).

* The footer shows the sendkit version the site was built from, and says
  that there is no public repository yet (rather than linking to none).
* Doctest directives (``# doctest: +NORMALIZE_WHITESPACE``) are kept in the
  Markdown, where the tests run the examples, but hidden on the page.
"""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, version
from typing import Any

_DIRECTIVE = re.compile(r"[ \t]*# doctest: \+[A-Z_, +]+")


def _release() -> str:
    try:
        return version("sendkit-england")
    except PackageNotFoundError:  # a bare checkout, not installed
        return "(not installed)"


def on_config(config: Any) -> Any:
    """Put the version in the footer."""
    config["copyright"] = (
        f"sendkit {_release()} &middot; MIT licence &middot; no public "
        "repository yet: install from the source you were given"
    )
    return config


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Hide doctest directives; a line that held only one is dropped."""
    lines = []
    for line in markdown.split("\n"):
        stripped = _DIRECTIVE.sub("", line)
        if stripped != line and stripped.strip() in {"", "...", ">>>"}:
            continue
        lines.append(stripped)
    return "\n".join(lines)
