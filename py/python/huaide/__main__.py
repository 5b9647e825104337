"""``python -m huaide``: the same command line as the ``huaide`` console script."""

import sys

from huaide.cli import main

if __name__ == "__main__":
    sys.exit(main())
