"""``python -m medialit`` is the ``medialit`` command."""

import sys

from medialit.cli import main

sys.exit(main())
