"""PyInstaller entry point of the bundle: the same ``main`` as the ``vknz`` console script."""

import multiprocessing
import sys

from vknz_desktop.__main__ import main

if __name__ == "__main__":
    # The de-identification worker is this executable started again (spawn): let it act as one.
    multiprocessing.freeze_support()
    sys.exit(main())
