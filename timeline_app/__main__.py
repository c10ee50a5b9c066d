"""Allow ``python -m timeline_app``."""

import sys

from timeline_app.cli import main

sys.exit(main())
