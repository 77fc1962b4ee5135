"""Entry point: ``vknz`` with a subcommand runs the CLI, without one it starts the GUI."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from vknz_desktop.hardening import harden_process


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``vknz``; returns the exit code."""
    harden_process()
    from vknz_desktop.cli import build_parser, run_parsed

    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        from vknz_desktop.app import run_gui

        return run_gui(args)
    return run_parsed(args)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # a bundle's executable is also the de-id worker (spawn)
    sys.exit(main())
