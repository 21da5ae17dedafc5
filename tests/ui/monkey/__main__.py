"""``python -m tests.ui.monkey``: one seeded run (see :mod:`tests.ui.monkey`)."""

import sys

from tests.ui.monkey import main

sys.exit(main())
