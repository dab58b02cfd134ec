"""``python -m geo_ukraine``: the same command line as ``geo-ukraine``."""

from .cli import main

raise SystemExit(main())
