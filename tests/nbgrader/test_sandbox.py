"""The sandbox student kernels run in (bubblewrap), measured directly: what it lets through and what not."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from medialit.instructor import sandbox
from medialit.setup.doctor import check_grading_isolation

pytestmark = pytest.mark.nbgrader

PEEK = """
import os, sys
secret, work = sys.argv[1], sys.argv[2]
tries = {"read": lambda: open(secret).read(), "write": lambda: open(work + "/out", "w").write("x"),
         "shadow": lambda: open("/etc/shadow").read(), "up": lambda: open(work + "/../up", "w").write("x")}
for name, act in tries.items():
    try:
        act()
        print(name, "DONE")
    except Exception as error:
        print(name, type(error).__name__)
"""


def test_a_sandboxed_python_writes_its_work_folder_and_nothing_else(tmp_path):
    work, secret = tmp_path / "work", tmp_path / "gradebook.db"
    work.mkdir()
    sandbox.give(work)
    secret.write_text("grades", encoding="utf-8")
    argv = sandbox.command([sys.executable, "-I", "-c", PEEK, str(secret), str(work)], work)
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    seen = dict(line.split() for line in done.stdout.splitlines())
    assert seen["write"] == "DONE" and not (work / "out").exists()  # written in the sandbox's scratch, kept there
    assert seen["read"] != "DONE" and seen["shadow"] != "DONE"
    assert not (tmp_path / "up").exists()  # beside the work folder is the sandbox's own empty root, in memory


def test_the_checkout_is_never_exposed_only_the_package():
    roots = sandbox.readable_roots()
    assert all(not (root / "solutions").exists() and not (root / "course" / "keys").exists() for root in roots)


def test_doctor_says_whether_grading_is_isolated():
    assert sandbox.probe() == "", "bubblewrap must work on the test machine (scripts/test.sh installs it)"
    assert check_grading_isolation().ok
    broken = check_grading_isolation(lambda: "bubblewrap is not installed (apt-get install bubblewrap)")
    assert not broken.ok and "apt-get install -y bubblewrap" in broken.line()


DAEMON = """
import os, sys, time
if os.fork() == 0:  # a grandchild in a new session, as a daemon detaches, writing after the kernel is gone
    os.setsid()
    if os.fork() == 0:
        time.sleep(0.5)
        for i in range(10):
            open(os.path.join(sys.argv[1], f"late-{i}.txt"), "w").write("x")
            time.sleep(0.3)
    os._exit(0)
print("parent done")
"""


def test_a_process_the_kernel_leaves_behind_dies_with_the_sandbox(tmp_path):
    """A student's detached process outlived its kernel and wrote into the work folder (copied to `autograded/`)
    after grading: checked by attack16b, found dead with the sandbox (its own PID namespace)."""
    import time

    work, private = tmp_path / "work", tmp_path / "private"  # the kernel's writes reach outside only in private
    for folder in (work, private):
        folder.mkdir()
        sandbox.give(folder)
    argv = sandbox.command([sys.executable, "-I", "-c", DAEMON, str(private)], work, private)
    done = subprocess.run(argv, timeout=60)
    assert done.returncode == 0
    time.sleep(4)
    assert list(private.iterdir()) == []


LIMITS = """
import os, resource
print(resource.getrlimit(resource.RLIMIT_FSIZE)[0], resource.getrlimit(resource.RLIMIT_NPROC)[0])
"""


def test_a_sandboxed_kernel_can_neither_fork_without_end_nor_write_a_file_past_a_gibibyte(tmp_path):
    """attack16b: without caps, a fork bomb or one endless write in a code test took the grading machine down."""
    work = tmp_path / "work"
    work.mkdir()
    sandbox.give(work)
    done = subprocess.run(sandbox.command([sys.executable, "-I", "-c", LIMITS], work), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    fsize, nproc = (int(v) for v in done.stdout.split())
    assert fsize == sandbox.MAX_FILE_BYTES
    if os.geteuid() == 0:
        assert nproc == sandbox.MAX_PROCESSES


THREADS = """
import os, re, numpy
print([os.environ.get(v) for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")])
print(re.search(r"Threads:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
"""


def test_a_kernel_s_math_libraries_start_one_thread_not_one_per_core(tmp_path):
    """Threads count as processes of ``nobody`` against ``MAX_PROCESSES``, for every job at once: numpy's OpenBLAS
    starts one per core (up to 64), so 8 jobs on a 64-core machine passed 512 and OpenBLAS interrupted an honest
    kernel's ``import numpy`` (verify16c; this machine has too few cores to show the crash itself)."""
    work = tmp_path / "work"
    work.mkdir()
    sandbox.give(work)
    done = subprocess.run(sandbox.command([sys.executable, "-I", "-c", THREADS], work), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    caps, threads = done.stdout.splitlines()
    assert caps == "['1', '1', '1']"
    assert int(threads) == 1


HOG = """
import os, sys
where = sys.argv[1]
try:
    hog = bytearray(int(sys.argv[2]))  # written through, as a student's list or array of that size would be
    print("memory DONE")
except MemoryError:
    print("memory MemoryError")
chunk, written = b"x" * (1 << 20), 0
try:
    with open(os.path.join(where, "fill"), "wb") as out:
        while written < int(sys.argv[3]):
            written += out.write(chunk)
    print("tmp DONE")
except OSError as error:
    print("tmp", type(error).__name__)
os.remove(os.path.join(where, "fill"))
"""


def test_a_kernel_can_neither_take_the_machine_s_memory_nor_fill_its_memory_backed_tmp(tmp_path):
    """attack17: neither memory nor the kernel's private /tmp (a tmpfs: memory too, up to half the machine's) was
    capped, so one student cell could take the memory the other jobs and the grader need. Both asked for here are
    a little past their caps, so the test costs seconds, not the machine."""
    work = tmp_path / "work"
    work.mkdir()
    sandbox.give(work)
    past = [str(sandbox.MAX_DATA_BYTES + (256 << 20)), str(sandbox.MAX_TMP_BYTES + (64 << 20))]
    argv = sandbox.command([sys.executable, "-I", "-c", HOG, "/tmp", *past], work)
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["memory MemoryError", "tmp OSError"]


FILLER = """
import os, sys
chunk, written, n = b"x" * (1 << 20), 0, 0
try:
    while written < int(sys.argv[1]):  # files under the 1 GiB cap each, as many as it takes
        with open(f"part-{n}.bin", "wb") as out:
            for _ in range(64):
                written += out.write(chunk)
        n += 1
    print("DONE")
except OSError as error:
    print(type(error).__name__)
with open("submitted.txt", encoding="utf-8") as f:
    print(f.read())
"""


def test_a_kernel_cannot_fill_the_grader_s_disk_through_its_work_folder(tmp_path):
    """attack17: only each file was capped (1 GiB), not how many, so a cell writing file after file filled the
    disk of the grader's work folders, and with it the course's gradebook when they share one. The kernel still
    reads what was submitted there and writes files of its own, which never leave the sandbox (``autograded/``
    takes only the graded notebook from that folder)."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "submitted.txt").write_text("as handed in", encoding="utf-8")
    sandbox.give(work)
    argv = sandbox.command([sys.executable, "-I", "-c", FILLER, str(sandbox.MAX_WORK_BYTES + (128 << 20))], work)
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["OSError", "as", "handed", "in"]
    assert sorted(p.name for p in work.iterdir()) == ["submitted.txt"]


REWRITE = """
import os
with open("notes.txt", "w") as handle:
    handle.write("rewritten")
os.makedirs("plots", exist_ok=True)
open("plots/a.txt", "w").write("new")
print(open("notes.txt").read(), open("words.csv").read(), sorted(os.listdir("plots")))
"""


BIG = """
open("notes.txt", "w").write("rewritten")
print(open("notes.txt").read(), len(open("words.csv").read().splitlines()))
try:
    open("words.csv", "a").write("x")
except OSError as error:
    print(type(error).__name__)
"""


def test_a_kernel_rewrites_a_file_its_student_handed_in_as_their_code_wrote_it(tmp_path):
    """verify17a: the handed-in files were bound read-only into the scratch folder, so an honest student who
    handed in notes.txt (their code wrote it while they worked, and nbgrader collects the whole folder) got an
    OSError when the same code wrote it again under grading: 0 for every test after it. Still in the sandbox."""
    work = tmp_path / "work"
    (work / "plots").mkdir(parents=True)
    (work / "notes.txt").write_text("as handed in", encoding="utf-8")
    (work / "words.csv").write_text("word,n", encoding="utf-8")
    (work / "plots" / "old.txt").write_text("old", encoding="utf-8")
    sandbox.give(work)
    done = subprocess.run(sandbox.command([sys.executable, "-I", "-c", REWRITE], work), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["rewritten", "word,n", "['a.txt',", "'old.txt']"]
    assert (work / "notes.txt").read_text(encoding="utf-8") == "as handed in"  # the grader's copy as it was
    assert sorted(p.name for p in (work / "plots").iterdir()) == ["old.txt"]


def test_a_large_handed_in_file_is_read_in_place_not_copied_into_memory(tmp_path, monkeypatch):
    """The scratch folder is a tmpfs (memory): a data file past what is copied is still there, read-only."""
    monkeypatch.setattr(sandbox, "COPY_BYTES", 1000)
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes.txt").write_text("as handed in", encoding="utf-8")
    (work / "words.csv").write_text("word,n\n" + "said,4\n" * 400, encoding="utf-8")
    sandbox.give(work)
    done = subprocess.run(sandbox.command([sys.executable, "-I", "-c", BIG], work), capture_output=True, text=True)
    assert done.stdout.split() == ["rewritten", "401", "OSError"], done.stderr


SOCKETS = """
import glob, os
private = [d for d in glob.glob('/tmp/medialit-kernel-*') if os.path.isdir(d)]
try:
    open(os.path.join(private[0], 'fill.bin'), 'wb').write(b'x')
    print('private DONE')
except OSError as error:
    print('private', type(error).__name__)
"""


def test_a_kernel_cannot_write_into_its_socket_folder_once_it_is_running(tmp_path):
    """attack17: the folder of the kernel's sockets, bound from the grader's own disk, stayed writable to the kernel
    after it had made its sockets there: the other way to fill that disk file after file."""
    import nbclient
    from nbformat.v4 import new_code_cell, new_notebook

    if os.geteuid() != 0:
        pytest.skip("unprivileged, the kernel is the grader's own user and owns that folder")
    nb = new_notebook(cells=[new_code_cell(SOCKETS), new_code_cell("print(1 + 1)")])
    client = nbclient.NotebookClient(
        nb, timeout=60, kernel_manager_class=sandbox.SandboxedKernelManager, resources={"metadata": {"path": tmp_path}}
    )
    client.execute()
    assert [o["text"] for c in nb.cells for o in c.outputs] == ["private PermissionError\n", "2\n"]


def test_a_notebook_of_endless_cells_runs_out_of_time_alone(tmp_path, monkeypatch):
    """attack17: each cell had a timeout, the notebook none, and the job one for all its students together: a
    student with many endless cells (30 s each) used up the job's time, and the job was stopped with every
    classmate after them in it. Now cells past the notebook's time are not run, and say so: 0 for that student."""
    import time

    from nbformat.v4 import new_code_cell, new_notebook

    from medialit.instructor import nbgrader_output as out

    monkeypatch.setattr(out, "NOTEBOOK_SECONDS", 3)
    test = new_code_cell("assert True", metadata={"nbgrader": {"grade": True, "grade_id": "t", "points": 1}})
    nb = new_notebook(cells=[new_code_cell("while True:\n    pass") for _ in range(8)] + [test])
    started = time.monotonic()
    out.SandboxedExecute(timeout=1).preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    assert time.monotonic() - started < 8
    (error,) = nb.cells[-1].outputs
    assert error.output_type == "error" and error.ename == "NotebookTimeout"
    assert f"{out.notebook_seconds(1)} s" in error.evalue and "Execute.timeout" in error.evalue
    # verify17a: the summary said only 'alice: 0 points'; the instructor is now told why, and what to change
    import nbformat

    from medialit.instructor.batch import OUT_OF_TIME, cut_for_time

    nbformat.write(nb, tmp_path / "endless.ipynb")
    assert cut_for_time(tmp_path) == {"t": OUT_OF_TIME} and "Execute.timeout" in OUT_OF_TIME


def test_autograded_notebooks_keep_no_hidden_test_and_still_say_what_ran_out_of_time(tmp_path):
    """leak22: ``course grade`` takes the hidden tests and what ran after them out of the autograded notebook (the
    feedback's source, whatever the config); a test cut for time there is still named in the summary."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from medialit.instructor import nbgrader_output as out
    from medialit.instructor.batch import OUT_OF_TIME, cut_for_time

    def test(grade_id: str, source: str, outputs: list) -> nbformat.NotebookNode:
        meta = {"nbgrader": {"grade": True, "grade_id": grade_id, "points": 1, "locked": True}}
        return new_code_cell(source, metadata=meta, outputs=outputs)

    hidden = "assert answer\n### BEGIN HIDDEN TESTS\nassert answer == 42  # secret-check\n### END HIDDEN TESTS"
    quoted = ["assert answer == 42  # secret-check"]  # a failing hidden test's traceback quotes it
    traceback = new_output("error", ename="AssertionError", evalue="", traceback=quoted)
    cut = new_output("error", ename=out.TIMED_OUT, evalue="not run", traceback=[])
    said = new_output("stream", name="stdout", text="I wrote this, marker: ### BEGIN HIDDEN TESTS\n")
    mine = new_code_cell("print('I wrote this, marker: ### BEGIN HIDDEN TESTS')", outputs=[said])
    nb = new_notebook(cells=[test("a", hidden, [traceback]), mine, test("b", "assert later", [cut])])
    nb, _ = out.KeysOutOfAutograded().preprocess(nb, {})
    text = nbformat.writes(nb)
    assert "secret-check" not in text and "END HIDDEN TESTS" not in text
    assert nb.cells[0].source == "assert answer" and "BEGIN HIDDEN TESTS" in nb.cells[1].source  # the student's own
    assert [o.text for o in nb.cells[2].outputs] == [out.HIDDEN_OUTPUT]  # as the feedback showed it before
    nbformat.write(nb, tmp_path / "graded.ipynb")
    assert cut_for_time(tmp_path) == {"b": OUT_OF_TIME}


def test_a_slow_honest_notebook_gets_the_time_its_cell_timeouts_allow(tmp_path, monkeypatch):
    """verify17a: under load (2 busy cores) an honest notebook of 7 cells, each under the 30 s cell timeout,
    ran 137 s, past the 120 s a notebook got whatever the cell timeout: one cell more was cut, and a course
    that raised its cell timeout for slow work still had 120 s. The notebook now gets 4 cell timeouts at least."""
    from nbformat.v4 import new_code_cell, new_notebook

    from medialit.instructor import nbgrader_output as out

    monkeypatch.setattr(out, "NOTEBOOK_SECONDS", 3)
    test = new_code_cell("assert True", metadata={"nbgrader": {"grade": True, "grade_id": "t", "points": 1}})
    nb = new_notebook(cells=[new_code_cell("import time\ntime.sleep(1.5)") for _ in range(4)] + [test])
    out.SandboxedExecute(timeout=3).preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    assert [o.get("ename") for c in nb.cells for o in c.outputs] == [], nb.cells[-1].outputs


BOMB = """
import os, time
try:
    while True:
        if os.fork() == 0:
            time.sleep(30)
            os._exit(0)
except OSError:
    print("capped", flush=True)
time.sleep(30)
"""


GRADER = """
import os, sys
sys.path[:0] = {path!r}
from pathlib import Path
from medialit.instructor import sandbox
sandbox.give(Path({work!r}))
cmd = sandbox.command([{python!r}, "-I", "-c", {code!r}], Path({work!r}))
os.execv(cmd[0], cmd)
"""
"""Another grading process (a job of its own) starting a kernel's worth of threads in its sandbox."""


def test_a_fork_bomb_held_in_one_job_leaves_a_classmate_s_kernel_its_threads(tmp_path):
    """attack17: the process cap counted every grading kernel together (all ran as ``nobody``), so a student who
    held the 512 processes made the kernel of a classmate graded meanwhile fail to start a thread. Each grading
    process now runs its kernels as a user of its own (run as root; unprivileged there is no cap to share)."""
    import time

    if os.geteuid() != 0:
        pytest.skip("unprivileged, kernels run as the grader and no process cap is set")
    bomb, other = tmp_path / "bomb", tmp_path / "other"
    for folder in (bomb, other):
        folder.mkdir()
    sandbox.give(bomb)
    held = subprocess.Popen(
        sandbox.command([sys.executable, "-I", "-c", BOMB], bomb), stdout=subprocess.PIPE, text=True
    )
    try:
        assert held.stdout.readline() == "capped\n"
        threads = (
            "import threading\nfor t in [threading.Thread(target=len, args=('',)) for _ in range(8)]:\n    t.start()"
        )
        grader = GRADER.format(path=sys.path, work=str(other), python=sys.executable, code=threads)
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-c", grader], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr[-300:]
        assert time.monotonic() - started < 30
    finally:
        held.kill()


IN_A_CONTAINER = """
import ctypes, os, sys
ready, go = os.pipe(), os.pipe()
pid = os.fork()
if pid == 0:  # root of a user namespace that maps users 0..65535 only, as rootless Podman or Kubernetes give
    assert ctypes.CDLL(None, use_errno=True).unshare(0x10000000) == 0, ctypes.get_errno()  # CLONE_NEWUSER
    os.write(ready[1], b"x"), os.read(go[0], 1)
    os.setgid(0), os.setuid(0)
    from medialit.instructor import sandbox
    print(sandbox.kernel_uid(), repr(sandbox.probe()), flush=True)
    os._exit(0)
os.read(ready[0], 1)
for ids in ("uid", "gid"):
    with open(f"/proc/{pid}/{ids}_map", "w") as handle:
        handle.write("0 0 65536\\n")
os.write(go[1], b"x")
sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
"""


def test_root_of_a_container_that_maps_few_users_still_grades_in_the_sandbox():
    """verify17a: there the per-job user (2e9 + pid) does not exist, chown refused it, and the probe gave up the
    sandbox: every code test ran with the grader's rights. ``nobody`` there, as before."""
    if os.geteuid() != 0:
        pytest.skip("making a user namespace with a 65536-user map needs root")
    assert sandbox.kernel_uid() == sandbox.FIRST_UID + os.getpid()  # the full map here: a user per job
    done = subprocess.run([sys.executable, "-c", IN_A_CONTAINER], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [str(sandbox.NOBODY), "''"], done.stdout
