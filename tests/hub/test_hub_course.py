"""End to end on a real JupyterHub: release, fetch, highlight, validate, submit,
collect, grade, feedback; each step runs as its user in that user's own server.

Then the same submissions are graded against a real PostgreSQL server and
must get the scores the SQLite gradebook holds.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import requests
from hubkit import ASSIGNMENT, COURSE_ID, HUB_ENV, LEFTOVERS, ROOT, Hub
from postgres_server import postgres_database

from medialit.exercises.grading import key_spans, score_item

pytestmark = [pytest.mark.hub, pytest.mark.slow]

NOTEBOOK = f"{ASSIGNMENT}.ipynb"


def keys() -> dict[str, list]:
    """The answer keys (hidden tests) of ex01 as ``[start, end, label]`` rows, read from the source notebook."""
    nb = json.loads((ROOT / "solutions" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
    found = {}
    for cell in nb["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id", "")
        source = "".join(cell["source"])
        if cell["cell_type"] != "code" or "KEY = " not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "KEY" for t in node.targets):
                marks = ast.literal_eval(node.value)["marks"]
                found[grade_id.removesuffix("-test")] = [[m["start"], m["end"], m["label"]] for m in marks]
    return found


def highlight(hub: Hub, role: str, item: str, spans: list) -> dict:
    """The student marks spans with the kit's Highlighter in their own kernel; returns the saved sidecar."""
    code = f"""
import json, os
os.chdir(os.path.expanduser("~/{ASSIGNMENT}"))
from medialit.exercises.grading import show
h = show({item!r})
for start, end, label in {spans!r}:
    h.add_span(start, end, label)
print(json.dumps(json.load(open({item + ".highlights.json"!r}, encoding="utf-8"))))
"""
    return json.loads(hub.run(role, code).strip().splitlines()[-1])


def instructor(hub: Hub, *commands: list[str]) -> str:
    """Run commands as the instructor, in the course directory, from the instructor's kernel."""
    code = f"""
import os, subprocess
course = os.path.expanduser("~/course")
for cmd in {[list(c) for c in commands]!r}:
    done = subprocess.run(cmd, cwd=course if os.path.isdir(course) else None, capture_output=True, text=True)
    print("$", " ".join(cmd), "->", done.returncode)
    print(done.stdout[-3000:])
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
"""
    return hub.run("instructor", code)


def action(hub: Hub, role: str, what: str) -> dict:
    """The Assignments tab's own request (nbgrader's server extension) in the student's server."""
    body = {"course_id": COURSE_ID, "assignment_id": ASSIGNMENT}
    return hub.server(role, "POST", f"/assignments/{what}", json=body).json()


PROBE = """
import glob, json, os
results = {{}}
def attempt(name, fn):
    try:
        fn()
        results[name] = "allowed"
    except PermissionError:
        results[name] = "denied"
attempt("own submission copy", lambda: open(os.path.expanduser("~/{a}/{nb}")).read())
attempt("list exchange inbound", lambda: os.listdir("{inbound}"))
attempt("list exchange feedback", lambda: os.listdir("{feedback}"))
attempt("other student's home", lambda: os.listdir("{other_home}"))
attempt("other student's notebook", lambda: open("{other_home}/{a}/{nb}").read())
attempt("collected submission", lambda: open("{course}/submitted/{other}/{a}/{nb}").read())
attempt("source notebook", lambda: open("{course}/source/{a}/{nb}").read())
attempt("gradebook", lambda: open("{course}/gradebook.db", "rb").read(16))
results["inbound matches"] = glob.glob("{inbound}/{other}+*")
print(json.dumps(results))
"""

READABLE = """
import json, os, sys
base, closed, env, others, machine = {base!r}, {closed!r}, {env!r}, {others!r}, {machine!r}
system = ("/proc", "/sys", "/dev", "/run", "/usr", "/lib", "/lib64", "/bin", "/sbin", "/boot", "/var/lib", "/var/cache")
readable, elsewhere, theirs, checkouts = [], {{}}, [], []
def checkout(path):  # another clone of the kit on this test machine (a CI run's): keys by design, not the hub's
    try:
        with open(os.path.join(path, "pyproject.toml"), encoding="utf-8") as f:
            return os.path.isdir(os.path.join(path, ".git")) and 'name = "medialit"' in f.read()
    except OSError:
        return False
def walk(top, skip, clones=True):
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if os.path.join(folder, d) not in skip]
        if clones:
            checkouts.extend(os.path.join(folder, d) for d in dirs if checkout(os.path.join(folder, d)))
            dirs[:] = [d for d in dirs if os.path.join(folder, d) not in checkouts]
        readable.extend(p for p in (os.path.join(folder, f) for f in files) if os.access(p, os.R_OK))
def owner(p):
    try:
        return os.lstat(p).st_uid
    except OSError:  # gone since the walk (another session's temporary file)
        return -1
walk("/", set(system + machine))
walk(base, set(), clones=False)  # the deployment: a checkout inside it counts
for top in machine:
    before = len(readable)
    walk(top, {{base}})
    elsewhere[top] = len(readable) - before
    theirs.extend(p for p in readable[before:] if owner(p) in others)  # left by the course's others
    del readable[before:]
marks = (  # outside the shared environment (its wheel: tests/unit/test_keys_not_leaked.py)
    "/solutions/", "/course/keys/", "gradebook", ".key.json", "/source/", "/submitted/", "/autograded/")
bad = sorted(p for p in readable if p.startswith(closed) or (not p.startswith(env) and any(m in p for m in marks)))
keyed = []
for p in readable:
    if p.startswith(("/etc/", "/srv/", "/home/", "/root/", base)) and os.path.getsize(p) < 5_000_000:
        with open(p, "rb") as f:
            if any(k in f.read() for k in (b"KEY = ", b"BEGIN HIDDEN TESTS")):
                keyed.append(p)
mine = sum(p.startswith(os.path.expanduser("~/")) for p in readable)
print(json.dumps({{"files": len(readable), "own": mine, "bad": bad, "keyed": keyed, "theirs": theirs,
                  "elsewhere": elsewhere, "checkouts": sorted(c for c in checkouts if not c.startswith(machine))}}))
"""

GRADING_KERNEL = """
import json, os, subprocess, sys, tempfile
from pathlib import Path
from medialit.instructor import sandbox
key = {key!r}
assert open(key).read(1)  # the instructor reads it; the kernel they grade in must not
work = Path(tempfile.mkdtemp())
sandbox.give(work)
peek = "import sys\\ntry:\\n    print(len(open(sys.argv[1]).read()))\\nexcept OSError as e:\\n    print(repr(e))"
argv = sandbox.command([sys.executable, "-I", "-c", peek, key], work)
done = subprocess.run(argv, capture_output=True, text=True)
print(json.dumps({{"isolation": sandbox.isolation(), "kernel read": done.stdout.strip(), "error": done.stderr[-300:]}}))
"""


def machine_folders() -> tuple[str, ...]:
    """Folders of this test machine, not of the deployment: checkouts (this one wherever it sits) and temporary files.

    The hub serves a kit installed in HUB_ENV; the checkout the tests run from holds keys by design, and a CI
    machine may keep it outside /work (a run on /check/work/main counted its keys as the deployment's). Another
    clone of the kit outside these (a CI checkout left at /check/work/main while the test runs from /work) is
    left out of the walk too, and named in its answer ("checkouts")."""
    folders = ["/work", "/tmp"]
    if not any(ROOT.is_relative_to(f) for f in folders):
        folders.append(str(ROOT))
    return tuple(folders)


def test_course_on_the_hub(hub: Hub, tmp_path: Path) -> None:
    for role in hub.users:
        hub.start(role)
    for role in ("student1", "student2"):  # each lands in the lessons, in a copy of their own
        start_here = hub.home(role) / "lessons" / "00-start-here.ipynb"
        assert start_here.stat().st_uid == _uid(hub.users[role])
        for name in [*LEFTOVERS, "00-answers.json", ".ipynb_checkpoints", "my-article"]:  # none of the instructor's
            assert not os.path.lexists(hub.home(role) / "lessons" / name), (role, name)
    # The kit's start: idle kernels culled; on the next start a lesson the student lacks (deleted, or a first
    # copy cut short) comes back, and one they edited stays theirs.
    server = subprocess.run(["ps", "-ww", "-u", hub.users["student1"], "-o", "args="], capture_output=True, text=True)
    assert "--MappingKernelManager.cull_idle_timeout=1800" in server.stdout, server.stdout
    lessons = hub.home("student1") / "lessons"
    (lessons / "01-meet-the-article.ipynb").unlink()
    (lessons / "00-start-here.ipynb").write_text("{}", encoding="utf-8")  # stands for the student's edits
    hub.stop("student1")
    hub.start("student1")
    assert (lessons / "01-meet-the-article.ipynb").stat().st_uid == _uid(hub.users["student1"])
    assert (lessons / "00-start-here.ipynb").read_text(encoding="utf-8") == "{}"
    for role, status in [("student1", 404), ("instructor", 200)]:  # only instructors get nbgrader's formgrader
        response = requests.get(
            f"{hub.url}/user/{hub.users[role]}/formgrader",
            headers={"Authorization": f"token {hub.tokens[role]}"},
            timeout=60,
        )
        assert response.status_code == status, (role, response.status_code)
    key = keys()
    a, b = hub.users["student1"], hub.users["student2"]

    # Instructor: a course directory, the student version, released to the exchange.
    instructor(
        hub,
        ["medialit", "course", "init", "course", "--solutions", str(hub.home("instructor") / "kit" / "solutions")],
    )
    instructor(
        hub, ["nbgrader", "generate_assignment", ASSIGNMENT, "--force"], ["nbgrader", "release_assignment", ASSIGNMENT]
    )
    assert (hub.exchange / COURSE_ID / "outbound" / ASSIGNMENT / NOTEBOOK).is_file()
    doctor = instructor(
        hub,
        [
            "medialit",
            "doctor",
            "--hub",
            "--instructors-group",
            hub.groups["instructor"],
            "--students-group",
            hub.groups["student"],
            "--python",
            f"{HUB_ENV}/bin/python",
        ],
    )
    lines = [line for line in doctor.splitlines() if line.startswith(("OK ", "!! "))]
    assert len(lines) == 11 and all(line.startswith("OK ") for line in lines), doctor
    assert "OK memory limit: 512 MB per user (MEM_LIMIT, set by the hub for this server)" in doctor
    assert f"none readable by student {hub.users['student1']}" in doctor

    # Students: fetch through the Assignments tab's API, highlight, validate, submit.
    answers = {
        "student1": {"ex01-q1": key["ex01-q1"]},
        "student2": {"ex01-q1": key["ex01-q1"][:5], "ex01-q3": key["ex01-q3"]},
    }
    for role, items in answers.items():
        listed = action(hub, role, "fetch")
        assert listed["success"], listed
        assert any(x["assignment_id"] == ASSIGNMENT and x["status"] == "fetched" for x in listed["value"]), listed
        fetched = hub.home(role) / ASSIGNMENT / NOTEBOOK
        assert fetched.stat().st_uid == _uid(hub.users[role])  # written by the student's own server
        for item, spans in items.items():
            saved = highlight(hub, role, item, spans)
            assert saved["saved_by"] == hub.users[role]
            assert [[s["start"], s["end"], s["label"]] for s in saved["spans"]] == sorted(spans)
        checked = hub.server(role, "POST", "/assignments/validate", json={"path": f"{ASSIGNMENT}/{NOTEBOOK}"}).json()
        assert checked["success"], checked
        submitted = action(hub, role, "submit")
        assert submitted["success"], submitted
    inbound = sorted(p.name.split("+")[0] for p in (hub.exchange / COURSE_ID / "inbound").iterdir())
    assert inbound == sorted([a, b])

    # Instructor: collect, grade with the kit, release feedback.
    instructor(
        hub,
        ["nbgrader", "collect", ASSIGNMENT],
        ["medialit", "course", "grade", ASSIGNMENT, "--jobs", "2"],
        ["nbgrader", "generate_feedback", ASSIGNMENT],
        ["nbgrader", "release_feedback", ASSIGNMENT],
    )
    table = json.loads(
        hub.run(
            "instructor",
            f"from medialit.instructor.course import scores_table; import json, os; "
            f"print(json.dumps(scores_table(os.path.expanduser('~/course'), {ASSIGNMENT!r})))",
        )
        .strip()
        .splitlines()[-1]
    )
    scores = {row["student"]: row for row in table}
    official = json.loads((ROOT / "course" / "keys" / "ex01-q1.json").read_text(encoding="utf-8"))
    partial = score_item("ex01-q1", key_spans(key["ex01-q1"][:5]), key_spans(official)).points  # optional marks too
    assert 0 < partial < 3
    assert scores[a]["ex01-q1-test"] == 3.0 and scores[a]["ex01-q3-test"] == 0.0
    assert scores[b]["ex01-q1-test"] == pytest.approx(partial) and scores[b]["ex01-q3-test"] == 3.0
    assert scores[a]["ex01-q2-test"] == scores[b]["ex01-q2-test"] == 0.0

    # Students: fetch their own feedback, which shows their own score.
    for role, total in [("student1", scores[a]["total"]), ("student2", scores[b]["total"])]:
        assert action(hub, role, "fetch_feedback")["success"]
        pages = list((hub.home(role) / ASSIGNMENT / "feedback").glob(f"*/{ASSIGNMENT}.html"))
        assert len(pages) == 1, pages
        page = pages[0].read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", " ", page)
        q1 = scores[hub.users[role]]["ex01-q1-test"]
        assert f"Score: {round(total, 2)} / 10.0" in text and f"Score: {round(q1, 2)} / 3.0" in text, (total, q1)
        assert "BEGIN HIDDEN TESTS" not in page and "body_sha256" not in page

    # Isolation: student1 reaches only their own work.
    course = hub.home("instructor") / "course"
    probe = PROBE.format(
        a=ASSIGNMENT,
        nb=NOTEBOOK,
        inbound=hub.exchange / COURSE_ID / "inbound",
        feedback=hub.exchange / COURSE_ID / "feedback",
        other_home=hub.home("student2"),
        other=b,
        course=course,
    )
    seen = json.loads(hub.run("student1", probe).strip().splitlines()[-1])
    assert seen.pop("own submission copy") == "allowed"
    assert seen.pop("inbound matches") == []
    assert set(seen.values()) == {"denied"}, seen
    for target in [course / "submitted" / b / ASSIGNMENT / NOTEBOOK, course / "gradebook.db"]:
        assert target.exists()  # what was denied is really there

    # Every file student1 can read, once the course holds everything: no key, no one else's work, no gradebook.
    closed = [f"{hub.home(r)}/" for r in ("instructor", "student2")] + [
        f"{hub.base}/{d}/" for d in ("home/grader-medialit", "hub")
    ]
    others = [_uid(n) for n in (hub.users["instructor"], hub.users["student2"], f"grader-{COURSE_ID}")]
    walk = READABLE.format(
        base=str(hub.base), closed=tuple(closed), env=f"{HUB_ENV}/", others=others, machine=machine_folders()
    )
    readable = json.loads(hub.run("student1", walk).strip().splitlines()[-1])
    print("STUDENT READS", json.dumps(readable))
    assert readable["bad"] == readable["keyed"] == readable["theirs"] == [], readable
    assert readable["own"] > 20  # the walk sees files: the student's lessons and work

    # The kernel the instructor grades in (bubblewrap, as the instructor's own account) cannot read the key.
    graded = hub.run("instructor", GRADING_KERNEL.format(key=str(course / "source" / ASSIGNMENT / NOTEBOOK)))
    seen = json.loads(graded.strip().splitlines()[-1])
    assert seen["isolation"] == "bubblewrap" and seen["kernel read"].startswith(
        ("FileNotFoundError", "PermissionError")
    ), seen

    # The same submissions graded in PostgreSQL get the same scores.
    pg_scores = grade_in_postgres(hub, course, tmp_path)
    for student in (a, b):
        sqlite = {k: v for k, v in scores[student].items() if k.endswith("-test")}
        assert pg_scores[student] == pytest.approx(sqlite), (student, pg_scores[student], sqlite)
    (tmp_path / "scores.json").write_text(json.dumps({"sqlite": scores, "postgresql": pg_scores}))
    print("SCORES", json.dumps({"sqlite": scores, "postgresql": pg_scores}))


def doctor_keys(hub: Hub, course: Path, kit: Path, as_root: bool) -> tuple[int, str]:
    """``medialit doctor --hub``'s key-file check, run as root (the kernel answers) or as the instructor (modes)."""
    student = hub.users["student1"]
    args = ["doctor", "--hub", "--course", str(course), "--checkout", str(kit), "--student", student]
    if as_root:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the installed kit, as an admin runs it
        done = subprocess.run([f"{HUB_ENV}/bin/medialit", *args], capture_output=True, text=True, timeout=300, env=env)
        return done.returncode, done.stdout
    code = f"import json, subprocess; d = subprocess.run(['medialit', *{args!r}], capture_output=True, text=True)\n"
    code += "print(json.dumps([d.returncode, d.stdout]))"
    returncode, out = json.loads(hub.run("instructor", code).strip().splitlines()[-1])
    return returncode, out


def test_doctor_fails_while_a_student_can_read_a_key_file(hub: Hub) -> None:
    """A real student account reads the source notebook once the grader's home is opened; doctor --hub says so."""
    for role in ("instructor", "student1"):
        if role not in hub.tokens:
            hub.start(role)
    home = hub.home("instructor")
    course, kit = home / "keycourse", home / "kit"
    instructor(hub, ["medialit", "course", "init", str(course), "--solutions", str(kit / "solutions")])
    source = course / "source" / ASSIGNMENT / NOTEBOOK
    solution = kit / "solutions" / ASSIGNMENT / NOTEBOOK
    reads = f"import json\nout = {{}}\nfor p in {[str(source), str(solution)]!r}:\n"
    reads += "    try:\n        out[p] = 'KEY =' in open(p).read()\n    except PermissionError:\n"
    reads += "        out[p] = 'denied'\nprint(json.dumps(out))"

    def student_reads() -> dict[str, object]:
        return json.loads(hub.run("student1", reads).strip().splitlines()[-1])

    assert student_reads() == {str(source): "denied", str(solution): "denied"}
    for as_root in (True, False):
        returncode, out = doctor_keys(hub, course, kit, as_root)
        assert re.search(r"^OK key files: \d+ in .*none readable by student", out, re.M), out
    # The mistake of the old set-up: `chmod -R a+rX` on the grader's files, in a home others may enter.
    subprocess.run(["chmod", "-R", "a+rX", str(course)], check=True)
    home.chmod(0o711)
    try:
        assert student_reads() == {str(source): True, str(solution): "denied"}  # the key is really exposed
        for as_root in (True, False):
            returncode, out = doctor_keys(hub, course, kit, as_root)
            assert returncode == 1
            line = next(x for x in out.splitlines() if x.startswith("!! key files"))
            assert f"readable by student {hub.users['student1']}" in line and str(source) in out, out
            assert f"chmod -R go-rwx {course}" in line and str(kit) not in line.split("close them:")[1]
    finally:
        home.chmod(0o700)
    assert student_reads() == {str(source): "denied", str(solution): "denied"}
    assert doctor_keys(hub, course, kit, as_root=True)[0] in (0, 1)  # other checks may differ as root
    assert "OK key files" in doctor_keys(hub, course, kit, as_root=True)[1]


def _uid(name: str) -> int:
    import pwd

    return pwd.getpwnam(name).pw_uid


def grade_in_postgres(hub: Hub, course: Path, tmp_path: Path) -> dict[str, dict[str, float]]:
    """The collected submissions graded by `medialit course grade` into a throwaway PostgreSQL gradebook."""
    from medialit.instructor import course as courses

    with postgres_database() as url:
        copy = tmp_path / "pg-course"
        copy.mkdir()
        for part in ("nbgrader_config.py", "source", "submitted"):
            src = course / part
            (shutil.copy2 if src.is_file() else shutil.copytree)(src, copy / part)
        with (copy / "nbgrader_config.py").open("a", encoding="utf-8") as config:
            config.write(f"\nc.CourseDirectory.db_url = {url!r}\nc.CourseDirectory.root = {str(copy)!r}\n")
        courses.release(copy, ASSIGNMENT)
        courses.grade(copy, ASSIGNMENT, jobs=2)
        students = (hub.users["student1"], hub.users["student2"])
        return {s: {k: v for k, v in courses.test_scores(copy, ASSIGNMENT, s).items()} for s in students}


def test_formgrader_service_opens_for_instructors_only(hub: Hub) -> None:
    """The course's formgrader runs as a hub service (the grader account) and sees the course."""
    for role in ("instructor", "student1"):
        if role not in hub.tokens:
            hub.start(role)
    url = f"{hub.url}/services/{COURSE_ID}/formgrader/api/assignments"
    seen = requests.get(url, headers={"Authorization": f"token {hub.tokens['instructor']}"}, timeout=120)
    assert seen.status_code == 200, seen.text[:500]
    assert ASSIGNMENT in [a["name"] for a in seen.json()]
    refused = requests.get(url, headers={"Authorization": f"token {hub.tokens['student1']}"}, timeout=120)
    assert refused.status_code == 403, refused.status_code
    service = hub.api("GET", f"/services/{COURSE_ID}").json()
    assert Path(f"/proc/{service['pid']}").stat().st_uid == _uid(f"grader-{COURSE_ID}")  # not root
    # The guide's instructor types `nbgrader` and `medialit course grade` in this service's terminal, and a
    # student may run `medialit self-check` in theirs: a terminal's login shell read /etc/profile, which set
    # PATH without the shared environment ("nbgrader: command not found").
    typed = hub.terminal("instructor", f"/services/{COURSE_ID}", "cd ~/course && command -v nbgrader medialit")
    assert f"{HUB_ENV}/bin/nbgrader\n{HUB_ENV}/bin/medialit\n__EXIT__0" in typed, typed
    typed = hub.terminal("student1", f"/user/{hub.users['student1']}", "command -v medialit")
    assert f"{HUB_ENV}/bin/medialit\n__EXIT__0" in typed, typed
