"""``python -m opensend.statutory``: see opensend/statutory/cli.py."""

from opensend.statutory.cli import main

raise SystemExit(main())
