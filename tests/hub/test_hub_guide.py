"""The hub guide's own commands (course/jupyterhub/README.md), run as written with only the target folder moved.

No hub and no root: step 1's lines that install the servers' configs, run twice (a guide is rerun after a
`git pull`)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.hub

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "course" / "jupyterhub" / "README.md"
STUDENTS = ROOT / "course" / "jupyterhub" / "students"


def guide_block(heading: str) -> str:
    """The first ```bash block after ``heading`` in the guide, continuation lines joined."""
    text = GUIDE.read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text[text.index(heading) :], re.S)
    assert block, heading
    return re.sub(r"\\\n\s*", " ", block.group(1))


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rerunning_step_1_leaves_one_exact_copy_of_the_students_config(tmp_path: Path) -> None:
    """`cp -r course/jupyterhub/students /etc/.../students` nested students/students on a rerun (the folder was
    there), and a copy that differs from the checkout's stays wrong: the step must give the same folder every time."""
    step_1 = guide_block("From an empty server").split("\n# 2.")[0]
    lines = [line for line in step_1.splitlines() if "/etc/medialit-hub/jupyter" in line]
    assert any("jupyter/students" in line for line in lines), "step 1 installs the students' config"
    script = "set -e\n" + "\n".join(lines).replace("/etc/medialit-hub", str(tmp_path / "etc"))
    target = tmp_path / "etc" / "jupyter" / "students"
    for run in range(2):
        done = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, (run, done.stderr)
        assert tree(target) == tree(STUDENTS), (run, sorted(tree(target)))
        (target / "labconfig" / "stale.json").write_text("{}", encoding="utf-8")  # an older version's file
    assert not (target / "students").exists()
