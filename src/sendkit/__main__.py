"""``python -m sendkit``: the same as the ``sendkit`` command."""

import sys

from .cli import main

sys.exit(main())
