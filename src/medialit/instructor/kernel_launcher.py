"""The grading kernel's start: ipykernel's own, with the notebook's folder on ``sys.path`` only after the kernel is in.

``python -m ipykernel_launcher`` puts the working folder, the student's hand-in, first on ``sys.path``: a handed-in
``ipykernel_launcher.py`` then ran instead of the kernel, before any cell, and answered the grader (grade25: a
launcher that set ``answer = 42`` after every cell earned the probe's code test without a line in a cell). The
grading kernel is started as ``python -P -m medialit.instructor.kernel_launcher`` (``kernel_command``): nothing of
the hand-in is imported until ipykernel is, then the folder goes where IPython puts it for any kernel (after the
standard library), so a notebook still imports a module of its own beside it.
"""

from __future__ import annotations

import sys


def main() -> None:
    from ipykernel import kernelapp

    at = next((i for i, p in enumerate(sys.path) if p.rstrip("/").endswith(("site-packages", "dist-packages"))), 0)
    sys.path.insert(at, "")  # IPython's own place for it (``InteractiveShellApp.init_path``), which then adds none
    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
