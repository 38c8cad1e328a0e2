"""Command line for the statutory rules: ``python -m opensend.statutory clock``.

``clock`` reads one JSON document on stdin and writes one JSON document on stdout (the
contract is in docs/statutory-clock.md). Bad input gets a one-line message on stderr and
exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Final, TextIO

from opensend.statutory import order
from opensend.statutory.clock import ClockError, ClockEvent, compute_clock
from opensend.statutory.clock.json_format import request_from_json, result_to_json

__all__ = ["EXIT_BAD_INPUT", "EXIT_OK", "main"]

EXIT_OK: Final = 0
EXIT_BAD_INPUT: Final = 2  # the same code argparse uses for a bad command line
PROGRAM: Final = "python -m opensend.statutory"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROGRAM, description="The SEND statutory rules of OpenSEND."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "clock",
        help="statutory clock of an EHC case: JSON on stdin, JSON on stdout",
        description=(
            "Read {today, child, events} as JSON on stdin; write the steps, week20 and the "
            "child's key dates as JSON on stdout. See docs/statutory-clock.md."
        ),
    )
    return parser


def run_clock(stdin: TextIO, stdout: TextIO) -> None:
    """Compute the clock for the document on ``stdin``; ClockError for bad input."""
    try:
        document = json.loads(stdin.read())
    except json.JSONDecodeError as error:
        raise ClockError(f"the input is not valid JSON: {error}") from None
    except (UnicodeDecodeError, RecursionError) as error:
        raise ClockError(f"the input cannot be read as JSON: {error}") from None
    request = request_from_json(document)
    result = compute_clock(request.events, today=request.today, date_of_birth=request.date_of_birth)
    refuse_unlawful_order(request.events)
    json.dump(result_to_json(result), stdout, indent=2)
    stdout.write("\n")


def refuse_unlawful_order(events: Sequence[ClockEvent]) -> None:
    """ClockError naming the first rule of the order of steps the history breaks (e.g. a
    final plan inside the family's comment period), as for an impossible date."""
    refusals = order.validate_history(events)
    if refusals:
        more = f" (and {len(refusals) - 1} more)" if len(refusals) > 1 else ""
        raise ClockError(f"{refusals[0].message}{more}")


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit code (argparse exits 2 by itself)."""
    build_parser().parse_args(argv)  # "clock" is the only command so far
    err = stderr or sys.stderr
    try:
        run_clock(stdin or sys.stdin, stdout or sys.stdout)
    except ClockError as error:
        err.write(f"{PROGRAM} clock: error: {error}\n")
        return EXIT_BAD_INPUT
    return EXIT_OK
