"""The kernels of the kit's own servers: a Python kernel of this environment starts with ``setup_hint`` loaded.

``scripts/lab.sh`` and ``medialit-singleuser`` (every hub server) start Jupyter with
``--ServerApp.kernel_spec_manager_class=medialit.setup.kernels.KitKernelSpecManager``; the kit's install
(``scripts/install.sh``, ``kit_kernels``) also sets it in the environment's own server config
(``.venv/etc/jupyter/jupyter_server_config.py``), so a ``jupyter lab`` a self-learner types there starts the same
kernels. Only Jupyter servers read either: the grader (``medialit course grade``, nbgrader's autograde, the
formgrader's grading, each with a kernel spec manager of its own) never sees it, and the grading kernel starts as
before. A kernel
of another environment (a learner's other ``ipykernel install``) is left alone: medialit may not be there.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

EXTENSION = "--ext=medialit.exercises.setup_hint"
OPTION = f"--ServerApp.kernel_spec_manager_class={__name__}.KitKernelSpecManager"
"""The option a kit server starts with (``lab.sh``, ``hub_start.CULL``'s neighbour ``KERNELS``)."""


def ours(argv: list[str]) -> bool:
    """Whether ``argv`` starts an IPython kernel in this environment (jupyter_client runs "python" as this one)."""
    if len(argv) < 3 or argv[1] != "-m" or argv[2] not in ("ipykernel_launcher", "ipykernel"):
        return False
    return argv[0] in ("python", "python3", f"python3.{sys.version_info[1]}") or Path(argv[0]) == Path(sys.executable)


class KitKernelSpecManager(KernelSpecManager):
    """Jupyter's kernel specs, with ``EXTENSION`` added to this environment's IPython kernels."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        spec = super().get_kernel_spec(kernel_name)
        if ours(spec.argv) and EXTENSION not in spec.argv:
            spec.argv = [*spec.argv, EXTENSION]
        return spec
