"""``medialit doctor``: check Python, spaCy and its model, JupyterLab, nbgrader and Chromium."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``doctor`` command."""
    doctor = subparsers.add_parser(
        "doctor",
        help="check that everything the kit needs is installed; says what to do for each problem",
        description="Check Python, spaCy and the English model, JupyterLab and its widget and nbgrader "
        "extensions, nbgrader and Chromium, and in a course directory (or with --course DIR) its "
        "nbgrader_config.py, course id and key files. Each line is 'OK name: detail' or '!! name: what to do'; "
        "exit status 0 when all are OK, 1 otherwise.",
    )
    from medialit.setup.doctor_hub import add_arguments

    add_arguments(doctor)  # --hub: check a JupyterHub course set-up (course/jupyterhub/)
    doctor.set_defaults(run=run_doctor)


def run_doctor(args: argparse.Namespace) -> int:
    if args.hub:
        from medialit.setup.doctor_hub import run_hub_doctor

        return run_hub_doctor(args)
    from medialit.setup.doctor import run_doctor

    return run_doctor(courses=args.course or ())
