"""The ``vknz`` command line (see ``runner``)."""

from vknz_desktop.cli.common import EXIT_BUG, EXIT_KNOWN, EXIT_OK
from vknz_desktop.cli.runner import build_parser, run_command, run_parsed

__all__ = ["EXIT_BUG", "EXIT_KNOWN", "EXIT_OK", "build_parser", "run_command", "run_parsed"]
