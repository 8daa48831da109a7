"""Reading and writing files: the one input/output layer.

Domain packages (``sendkit.rules``, ``sendkit.inspections``, ``sendkit.plans``,
``sendkit.ehc``) hold no file code; their readers and writers live here.
"""

from __future__ import annotations

__all__: list[str] = []
