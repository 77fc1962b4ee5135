"""PyInstaller entry point of the bundle: the same ``main`` as the ``vknz`` console script."""

import sys

from vknz_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
