"""Run a student's kernel where it cannot touch the grader's files: bubblewrap around ipykernel.

Grading medialit items needs no kernel (see ``grade_data``); an instructor's own
code tests still do. ``nbgrader autograde`` starts that kernel with the
grader's rights, so it could read ``source/`` (the keys), the gradebook and the
other students' folders. Here the kernel starts inside ``bwrap``: a fresh mount
namespace that holds only the system (read only), this Python environment (read
only), the notebook's own work folder (a writable copy of what it holds, with room to write) and a private ``/tmp``; no
network (the kernel talks to the grader over Unix sockets in a private folder),
its own PID namespace, all capabilities dropped, a user of its own (``kernel_uid``), and it
dies with the grader. Run as root, it runs as that user outside the namespace too.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager

BWRAP = "/usr/bin/bwrap"
MAX_FILE_BYTES = 1 << 30  # no file a kernel writes may grow past 1 GiB
MAX_DATA_BYTES = 4 << 30  # a kernel's heap: an honest spaCy kernel's is about 350 MiB
MAX_TMP_BYTES = 512 << 20  # its private /tmp, a tmpfs: memory too, and not counted in the heap
MAX_WORK_BYTES = 256 << 20  # what it may write in its notebook's folder, a tmpfs too
COPY_BYTES = 64 << 20  # handed-in files copied onto that tmpfs, at most (writable); bigger ones are bound read-only
MAX_PROCESSES = 512  # processes and threads of one grading process's kernels, when run as root
FIRST_UID = 2_000_000_000  # kernels run as FIRST_UID + the grading process's pid: a user no one else is
NOBODY = 65534  # their user where that one does not exist (a container that maps 65536 users)
CHANNELS = ("shell", "iopub", "stdin", "control", "hb")  # one Unix socket each in the kernel's private folder
SOCKET_WAIT = 60  # seconds a kernel may take to make them (nbclient's own startup timeout)
ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
"""Math libraries kept to one thread each in a kernel: the jobs run side by side, and their threads count as
processes of the kernel's user; one thread per core each hit ``MAX_PROCESSES`` on a big machine, and OpenBLAS then
interrupts the ``import numpy`` of an honest kernel."""
SYSTEM = ("/usr", "/etc", "/lib", "/lib64", "/bin", "/sbin")
KERNEL_ENV = ("PATH", "LANG", "LANGUAGE", "TZ", "PYTHONPATH", "VIRTUAL_ENV", "MEDIALIT_SPACY_MODEL")
"""The grader's environment variables a student kernel gets (and ``LC_*``): the grader's may hold secrets
(a hub API token, a database password) that a student could print into the feedback."""


def readable_roots() -> list[Path]:
    """Folders the kernel may read besides the system: this Python environment and medialit itself.

    Only ``src/medialit`` of a checkout is exposed, never the checkout (it holds
    ``solutions/`` and ``course/keys``).
    """
    import medialit

    roots = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), Path(medialit.__file__).resolve().parent}
    return sorted(roots)


def command(argv: list[str], work: Path, private: Path | None = None) -> list[str]:
    """``argv`` wrapped so that it can write only a scratch ``work`` (and ``private``, the kernel's socket folder).

    Run as root, bwrap mounts as root and the command then becomes ``kernel_uid()``
    (``setpriv``, all capabilities dropped), so root-only files that the system
    folders hold (``/etc/shadow``) stay unreadable; otherwise bwrap uses a user
    namespace and the command keeps the grader's own, unprivileged, user.
    """
    if os.geteuid() == 0:
        cmd = [shutil.which("bwrap") or BWRAP, "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts"]
        cmd += ["--unshare-cgroup-try"]
        uid = kernel_uid()
        drop = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all"]
        drop += ["--bounding-set=-all"]
    else:
        cmd = [shutil.which("bwrap") or BWRAP, "--unshare-all", "--cap-drop", "ALL"]
        drop = []
    cmd += ["--die-with-parent", "--new-session"]
    for folder in SYSTEM:
        path = Path(folder)
        if path.is_symlink():
            cmd += ["--symlink", os.readlink(path), folder]
        elif path.is_dir():
            cmd += ["--ro-bind", folder, folder]
    # /tmp open to the kernel's user (kernel_uid(), as root): else temporary files fall back to the work folder,
    # and from there into autograded/ and the feedback
    cmd += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--size", str(MAX_TMP_BYTES), "--tmpfs", "/tmp"]
    cmd += ["--size", str(1 << 20), "--tmpfs", "/run"]
    made: set[Path] = set()
    for root in readable_roots():
        if not any(root.is_relative_to(s) for s in SYSTEM):
            cmd += [*_parents(root, made), "--ro-bind", str(root), str(root)]
    if private is not None:
        cmd += [*_parents(private, made), "--bind", str(private), str(private)]
    cmd += [*_parents(work, made), *_scratch(work)]
    cmd += ["--setenv", "HOME", str(work), "--setenv", "TMPDIR", "/tmp", "--unsetenv", "JUPYTER_RUNTIME_DIR"]
    cmd += ["--unsetenv", "JPY_PARENT_PID"]  # its PID namespace hides the grader: --die-with-parent instead
    cmd += ["--setenv", "IPYTHONDIR", "/tmp/ipython"]
    for threads in ONE_THREAD:
        cmd += ["--setenv", threads, "1"]
    return [*cmd, "--chdir", str(work), "--", *drop, *limits(), *_copied(work, argv)]


def limits() -> list[str]:
    """``prlimit`` caps, so that one student cell cannot fork-bomb the grader, fill its disk with one file or take
    the memory the other jobs need (a ``MemoryError`` in that cell instead).

    Processes are capped only as root, where the kernel runs as ``kernel_uid()``: the cap counts every process
    of the user, and an unprivileged grader's own session counts too. Memory is capped by its heap (``--data``),
    not its address space: that grows with the threads (a stack and an allocator arena each) and with what
    libraries reserve without using.
    """
    tool = shutil.which("prlimit")
    if tool is None:
        return []
    caps = [f"--fsize={MAX_FILE_BYTES}", f"--data={MAX_DATA_BYTES}"]
    caps += [f"--nproc={MAX_PROCESSES}"] if os.geteuid() == 0 else []
    return [tool, *caps, "--"]


HANDED_IN = "/run/medialit-handed-in"
"""Where the sandbox sees the notebook's folder as the grader left it (read only), to copy onto the scratch."""


def _scratch(work: Path) -> list[str]:
    """``work`` as the kernel sees it: a sized tmpfs; ``_copied`` puts what is in it now there, as files of its own.

    Only single files were capped (``MAX_FILE_BYTES``), not how many, so a cell writing file after file filled
    the grader's disk. What the kernel writes there stays in the sandbox: ``autograded/`` takes only the
    graded notebook from that folder, which the grader writes itself, outside. Handed-in files past
    ``COPY_BYTES`` in all (a large data file) are bound read-only in their place instead: the tmpfs is memory.
    """
    args = ["--perms", "1777", "--size", str(MAX_WORK_BYTES), "--tmpfs", str(work), "--ro-bind", str(work), HANDED_IN]
    copied = 0
    for size, entry in sorted((_bytes(e), e) for e in work.iterdir() if not e.is_symlink()):  # bwrap follows one
        copied += size
        if copied > COPY_BYTES:
            args += ["--ro-bind", str(entry), str(entry)]
    return args


def _bytes(path: Path) -> int:
    """The bytes of a file, or of every file under a folder (links not followed)."""
    if not path.is_dir():
        return path.lstat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir() or p.is_symlink())


def _copied(work: Path, argv: list[str]) -> list[str]:
    """``argv`` run after the handed-in files are copied onto the scratch ``work``, writable like any other.

    Bound read-only, a file the student's own code wrote while they worked (handed in with the folder, as
    nbgrader collects it) could not be written again when the same code ran under grading.
    """
    copy = 'cp -R -- "$1"/. "$2"/ 2>/dev/null; shift 2; exec "$@"'  # a part that does not fit: the rest still runs
    return ["/bin/sh", "-c", copy, "sh", HANDED_IN, str(work), *argv]


def _parents(path: Path, made: set[Path]) -> list[str]:
    """Empty, traversable folders leading to ``path`` inside the sandbox (bwrap's own would be 0700)."""
    mounted = (*SYSTEM, "/tmp", "/run", "/proc", "/dev")
    args: list[str] = []
    for parent in reversed(path.parents[:-1]):
        if parent not in made and str(parent) not in mounted and not any(parent.is_relative_to(s) for s in SYSTEM):
            args += ["--perms", "0755", "--dir", str(parent)]
        made.add(parent)
    return args


def kernel_env(env: dict[str, str] | os._Environ) -> dict[str, str]:
    """Only the ``KERNEL_ENV`` (and locale) variables of ``env``: what a kernel needs to start and read text."""
    return {k: v for k, v in env.items() if k in KERNEL_ENV or k.startswith("LC_")}


def give(work: Path) -> None:
    """Let the sandboxed user write ``work`` (its own folder): as root, hand the folder to ``kernel_uid()``."""
    if os.geteuid() != 0:
        return
    uid = kernel_uid()
    for folder, _, files in os.walk(work):
        os.chown(folder, uid, uid)
        for name in files:
            os.chown(os.path.join(folder, name), uid, uid, follow_symlinks=False)


def kernel_uid() -> int:
    """The user this grading process's kernels run as (as root): one per process, that is one per job.

    ``MAX_PROCESSES`` counts every process of a user: with one user for all jobs (``nobody``), a student holding
    them all made a classmate's kernel in the other job fail to start a thread. No name is needed for it. Root
    of a container that maps only 65536 users (rootless Podman, Kubernetes user namespaces) cannot hand a
    folder to that user, and grading lost its sandbox there: ``nobody`` then, as before, its cap shared by all jobs.
    """
    uid = FIRST_UID + os.getpid()
    return uid if all(_mapped(uid, f"/proc/self/{ids}_map") for ids in ("uid", "gid")) else NOBODY


def _mapped(number: int, id_map: str) -> bool:
    """Whether this user namespace has ``number`` among its users (or groups); yes where the map is not there."""
    try:
        rows = Path(id_map).read_text(encoding="ascii").split("\n")
    except OSError:
        return True
    ranges = [[int(n) for n in row.split()] for row in rows if len(row.split()) == 3]
    return any(first <= number < first + count for first, _, count in ranges)


@cache
def isolation() -> str:
    """How student kernels are isolated here: ``"bubblewrap"``, or ``""`` when it cannot run (say why in doctor)."""
    return "bubblewrap" if not probe() else ""


def probe() -> str:
    """Run a tiny sandboxed Python; empty string when the sandbox works, else what went wrong."""
    if not Path(shutil.which("bwrap") or BWRAP).exists():
        return "bubblewrap is not installed (apt-get install bubblewrap)"
    with tempfile.TemporaryDirectory(prefix="medialit-probe-") as tmp:
        work, secret = Path(tmp) / "work", Path(tmp) / "secret"
        work.mkdir()
        try:
            give(work)
        except OSError as error:  # e.g. chown refused in a container without CAP_CHOWN
            return f"cannot hand a folder to the sandbox's user ({error})"
        secret.write_text("grader only", encoding="utf-8")
        code = (
            "import os,sys; open('ok','w').write('ok'); print(open('ok').read()); sys.exit(os.path.exists(sys.argv[1]))"
        )
        try:
            done = subprocess.run(
                command([sys.executable, "-I", "-c", code, str(secret)], work),
                capture_output=True,
                text=True,
                timeout=30,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"bubblewrap failed to start ({error})"
        if done.returncode or done.stdout.strip() != "ok":
            why = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1][:120]
            return f"bubblewrap cannot run here ({why})"
    return ""


def kernel_command(argv: list[str]) -> list[str]:
    """A kernelspec's ``python -m ipykernel_launcher ...`` started by ``kernel_launcher`` instead, with ``-P``: the
    hand-in's folder (the kernel's working folder) is not first on ``sys.path``, where a handed-in
    ``ipykernel_launcher.py`` replaced the kernel (grade25). Any other command is left as it is."""
    if len(argv) >= 3 and argv[1] == "-m" and argv[2] in ("ipykernel_launcher", "ipykernel"):
        return [argv[0], "-P", "-m", "medialit.instructor.kernel_launcher", *argv[3:]]
    return argv


class SafePathKernelManager(AsyncKernelManager):
    """A kernel manager starting the kernel with ``kernel_command`` (a grading kernel without the sandbox too)."""

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        await super()._async_launch_kernel(kernel_command(kernel_cmd), **kw)


class SandboxedKernelManager(SafePathKernelManager):
    """A kernel manager whose kernel runs in ``command``'s sandbox; nbgrader's Execute uses it when configured.

    The kernel gets Unix sockets in a private folder (no network), and the
    notebook's folder (nbclient's ``cwd``, see ``_scratch``) as its only writable place.
    """

    async def _async_pre_start_kernel(self, **kw: Any) -> tuple[list[str], dict[str, Any]]:
        self._private = Path(tempfile.mkdtemp(prefix="medialit-kernel-"))
        give(self._private)
        self.transport = "ipc"
        self.connection_file = str(self._private / "kernel.json")
        self.ip = str(self._private / "ipc")
        self.kernel_spec.interrupt_mode = "message"  # a signal would stop at bwrap, not reach the kernel
        return await super()._async_pre_start_kernel(**kw)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        work = Path(kw.get("cwd") or os.getcwd()).resolve()
        os.chmod(self.connection_file, 0o644)
        give(work)
        kernel_cmd = command(kernel_command(kernel_cmd), work, self._private)  # SafePath's, inside the sandbox
        kw["env"] = kernel_env(kw.get("env") or os.environ)
        await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_post_start_kernel(self, **kw: Any) -> None:
        await super()._async_post_start_kernel(**kw)
        await self._lock_private()

    async def _lock_private(self) -> None:
        """Take the socket folder back from the kernel's user once the kernel has made its sockets there.

        It lies on the grader's disk, and a folder the kernel may write is room for file after file. Before
        any student code runs: nbclient sends the first cell only after this. Unprivileged, the kernel is the
        grader's own user, who owns the folder whatever it does.
        """
        if os.geteuid() != 0:
            return
        sockets = [Path(f"{self.ip}-{getattr(self, f'{channel}_port')}") for channel in CHANNELS]
        for _ in range(SOCKET_WAIT * 20):
            if all(s.exists() for s in sockets) or not await self.is_alive():
                break
            await asyncio.sleep(0.05)
        os.chown(self._private, 0, 0)
        os.chmod(self._private, 0o755)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(getattr(self, "_private", ""), ignore_errors=True)
