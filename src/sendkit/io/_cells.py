"""Cell text that survives a spreadsheet: the one formula guard, and XML escapes.

A spreadsheet runs text starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula (OWASP, "CSV injection",
https://owasp.org/www-community/attacks/CSV_Injection). Every writer puts an
apostrophe in front of such text, and in front of text that already starts
with an apostrophe, so that removing exactly one leading apostrophe on reading
gives back every text exactly, including ``'=1+1``.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "guard_formula",
    "needs_guard",
    "unguard_formula",
    "xlsx_escape",
    "xlsx_unescape",
]

#: First characters that make a spreadsheet treat text as a formula.
_TRIGGERS: Final = frozenset("=+-@\t\r")


def needs_guard(text: str) -> bool:
    """Return whether *text* would be taken as a formula by a spreadsheet."""
    return bool(text) and text[0] in _TRIGGERS


def guard_formula(text: str) -> str:
    """Guard a CSV text cell: prefix an apostrophe when it could run.

    Text that already starts with an apostrophe is prefixed too, so that
    `unguard_formula` (which removes exactly one) restores it exactly.

    Examples:
        >>> guard_formula("=1+1"), guard_formula("'=1+1"), guard_formula("R1")
        ("'=1+1", "''=1+1", 'R1')
        >>> unguard_formula(guard_formula("'=1+1"))
        "'=1+1"
    """
    if text and (text[0] in _TRIGGERS or text[0] == "'"):
        return "'" + text
    return text


def unguard_formula(text: str) -> str:
    """Undo `guard_formula`: remove one leading apostrophe."""
    return text.removeprefix("'")


# XML 1.0 cannot hold most C0 controls, and XML parsers turn CR into LF, so
# those characters are written with OOXML's own _xHHHH_ escape (which Excel
# also decodes); a literal "_x" is escaped as "_x005F_x" to stay unambiguous.
_XML_UNSAFE: Final = re.compile(r"_x|[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")
_XML_ESCAPED: Final = re.compile(r"_x([0-9A-F]{4})_")


def xlsx_escape(text: str) -> str:
    """Encode characters an xlsx file cannot hold as ``_xHHHH_``."""
    if not _XML_UNSAFE.search(text):
        return text
    return _XML_UNSAFE.sub(
        lambda m: "_x005F_x" if m.group() == "_x" else f"_x{ord(m.group()):04X}_", text
    )


def xlsx_unescape(text: str) -> str:
    """Undo `xlsx_escape`."""
    if "_x" not in text:
        return text
    return _XML_ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)
