"""Reading a local rule file: the TOML file in, a `RuleBook` out.

The format and its checks belong to the rules (`sendkit.rules.rules_from_toml`,
which takes text); this module only opens the file and says in one line why it
cannot be read.
"""

from __future__ import annotations

import os
import pathlib

from ..errors import InvalidInputError
from ..rules import RULES, RuleBook, rules_from_toml

__all__ = ["load_rules"]


def _read_text(path: pathlib.Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        msg = f"rule file {str(path)!r} not found"
        raise InvalidInputError(msg) from None
    except IsADirectoryError:
        msg = f"rule file {str(path)!r} is a folder; give the path of a .toml file"
        raise InvalidInputError(msg) from None
    except OSError as exc:
        msg = f"rule file {str(path)!r} cannot be read ({exc.strerror or exc})"
        raise InvalidInputError(msg) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        msg = f"rule file {path.name} is not UTF-8 text; save it as UTF-8 TOML"
        raise InvalidInputError(msg) from None


def load_rules(path: str | os.PathLike[str], *, base: RuleBook = RULES) -> RuleBook:
    """Return *base* with the changes and additions of a local rule file.

    The file is UTF-8 TOML, described on the "Deadlines" page and in
    `sendkit.rules.rules_from_toml`, which does the work once the text is
    read. A changed period without a ``confidence`` becomes ``unconfirmed``;
    a new rule without one is ``unconfirmed`` too.

    Args:
        path: The TOML file.
        base: The book to change; the catalogue's `RULES` by default.

    Returns:
        A new `RuleBook`; *base* is unchanged.

    Raises:
        InvalidInputError: The file is missing, a folder, unreadable, not
            UTF-8 or not TOML, or a rule in it is invalid; the message names
            the file (and the line, or the rule and the field).
    """
    file = pathlib.Path(path)
    return rules_from_toml(_read_text(file), name=file.name, base=base)
