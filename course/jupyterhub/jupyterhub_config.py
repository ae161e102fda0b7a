"""JupyterHub for one medialit course on one server (JupyterHub 5/6, run as root).

Every student and instructor is a system user with a home folder of mode 700;
the hub starts each one's Jupyter server as that user (LocalProcessSpawner), so
the operating system keeps them out of each other's files. The kit lives in one
shared environment (MEDIALIT_HUB_ENV) that every user can read and run.

Settings come from environment variables so the same file serves a real course
and the end-to-end test (tests/hub/), which loads it and changes only ports,
paths, the authenticator and the user names:

    MEDIALIT_HUB_ENV          shared Python environment with medialit, nbgrader, jupyterhub
                              (default /opt/medialit-hub/venv)
    MEDIALIT_HUB_JUPYTER_DIR  folder holding the global nbgrader_config.py for every user
                              (default /etc/medialit-hub/jupyter)
    MEDIALIT_HUB_STUDENT_JUPYTER_DIR  config read first by students' servers only: nbgrader's
                              instructor tools switched off (default MEDIALIT_HUB_JUPYTER_DIR/students)
    MEDIALIT_LESSONS          the lessons (a copy of notebooks/), copied into each user's home as
                              ~/lessons: each lesson the user lacks, on every start (default /opt/medialit-hub/lessons)
    MEDIALIT_COURSE_ID        nbgrader course id (default medialit)
    MEDIALIT_INSTRUCTORS      comma-separated instructor user names
    MEDIALIT_STUDENTS         comma-separated student user names
    MEDIALIT_HUB_URL          where the hub listens (default http://127.0.0.1:8000; put a TLS
                              reverse proxy such as nginx or Caddy in front for the class)
    MEDIALIT_FORMGRADER_PORT  loopback port of the course's formgrader service (default 9999)
    MEDIALIT_GRADER_HOME      home of the grader account grader-COURSE (default /home/grader-COURSE)
    MEDIALIT_MEM_LIMIT        memory per user (default 512M: the server about 165 MB plus a kernel
                              that analyses the student's own article, about 215 MB)
    MEDIALIT_IDLE_TIMEOUT     seconds after which the idle culler stops a server nobody uses
                              (default 3600; 0: never)

Install it as /etc/medialit-hub/jupyterhub_config.py (readable by root; it holds no secret).
See course/jupyterhub/README.md for the steps from an empty server.
"""

import os

c = get_config()  # noqa: F821

ENV = os.environ.get("MEDIALIT_HUB_ENV", "/opt/medialit-hub/venv")
JUPYTER_DIR = os.environ.get("MEDIALIT_HUB_JUPYTER_DIR", "/etc/medialit-hub/jupyter")
STUDENT_JUPYTER_DIR = os.environ.get("MEDIALIT_HUB_STUDENT_JUPYTER_DIR", f"{JUPYTER_DIR}/students")
LESSONS = os.environ.get("MEDIALIT_LESSONS", "/opt/medialit-hub/lessons")
COURSE = os.environ.get("MEDIALIT_COURSE_ID", "medialit")
INSTRUCTORS = [u for u in os.environ.get("MEDIALIT_INSTRUCTORS", "").split(",") if u]
STUDENTS = [u for u in os.environ.get("MEDIALIT_STUDENTS", "").split(",") if u]
GRADER = f"grader-{COURSE}"  # shared system account that owns the course directory
GRADER_HOME = os.environ.get("MEDIALIT_GRADER_HOME", f"/home/{GRADER}")

c.JupyterHub.bind_url = os.environ.get("MEDIALIT_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_ip = "127.0.0.1"

# Log-in with the server's own accounts (PAM). Only course members may log in.
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = set(INSTRUCTORS + STUDENTS)
c.Authenticator.admin_users = set(INSTRUCTORS)

# Hub groups named the way nbgrader's JupyterHub integration expects:
# formgrade-COURSE for instructors and graders, nbgrader-COURSE for students.
c.JupyterHub.load_groups = {
    f"formgrade-{COURSE}": {"users": INSTRUCTORS},
    f"nbgrader-{COURSE}": {"users": STUDENTS},
}

# Each user's server runs as that system user, from the shared environment.
# nbgrader runs `alembic` and the kit runs `nbgrader` as subprocesses: the
# environment's bin must come first on PATH. Every server starts through the kit's
# `medialit-singleuser` (medialit/setup/hub_start.py), the same start as the Dockerfile's image
# on Kubernetes: it copies into ~/lessons each lesson the user lacks (the whole folder: the
# lessons read articles/ and questions/ beside them; a lesson already there is never touched,
# and a copy cut short is completed on the next start), puts the students' config first on
# JUPYTER_CONFIG_PATH for a user in MEDIALIT_STUDENTS only, culls idle kernels, then runs
# jupyterhub-singleuser. JupyterLab opens on lesson 0: a student lands in the kit.
c.Spawner.cmd = [f"{ENV}/bin/medialit-singleuser"]
# Only these from the hub's own environment: a PYTHONPATH (JupyterHub passes it on by default)
# would run students' servers from a checkout, keys beside it, instead of the installed wheel.
c.Spawner.env_keep = ["LANG", "LC_ALL"]
c.Spawner.default_url = "/lab/tree/lessons/00-start-here.ipynb"
c.Spawner.environment = {
    "PATH": f"{ENV}/bin:/usr/local/bin:/usr/bin:/bin",
    "JUPYTER_CONFIG_PATH": JUPYTER_DIR,
    "MEDIALIT_HUB_STUDENT_JUPYTER_DIR": STUDENT_JUPYTER_DIR,
    "MEDIALIT_LESSONS": LESSONS,
    "MEDIALIT_STUDENTS": ",".join(STUDENTS),
    "MEDIALIT_INSTRUCTORS": ",".join(INSTRUCTORS),
}
c.Spawner.start_timeout = 120

# Memory per user, measured by benchmarks/bench_memory.py (README.md, "How many students").
# JupyterHub passes it to each server as MEM_LIMIT (`medialit doctor --hub` reports it);
# LocalProcessSpawner does not enforce it: see the README for spawners that do.
c.Spawner.mem_limit = os.environ.get("MEDIALIT_MEM_LIMIT", "512M")
c.Spawner.http_timeout = 120

# The formgrader as a hub service: one Jupyter server run as the course's
# grader account, opened by instructors at /services/COURSE/formgrader. All
# graders then share one course directory and one gradebook.
c.JupyterHub.services = [
    {
        "name": COURSE,
        "url": f"http://127.0.0.1:{os.environ.get('MEDIALIT_FORMGRADER_PORT', '9999')}",
        "command": [f"{ENV}/bin/jupyterhub-singleuser", "--ServerApp.default_url=/formgrader"],
        "user": GRADER,
        "cwd": GRADER_HOME,
        "environment": {
            "PATH": f"{ENV}/bin:/usr/local/bin:/usr/bin:/bin",
            "JUPYTER_CONFIG_PATH": JUPYTER_DIR,
        },
        "oauth_no_confirm": True,
    }
]

# A server nobody has used for an hour (its tab closed or hidden, the laptop shut) is stopped, and its memory
# comes back: jupyterhub-idle-culler (installed beside the hub by scripts/install-hub-deps.sh) as a hub service
# with only the scopes it needs. Nothing saved is lost: highlights are written as they are made, and JupyterLab saves
# notebooks every two minutes. The student's open tab says "Your server has stopped" once, with the button that
# starts it again (medialit-notebook-aids). An open tab in view keeps its server: JupyterLab polls it.
_idle = os.environ.get("MEDIALIT_IDLE_TIMEOUT", "3600").strip()
if not _idle.isdigit():
    raise SystemExit(
        f"MEDIALIT_IDLE_TIMEOUT={_idle!r}: not a whole number of seconds; set it to e.g. 3600 (an hour), or 0 to keep "
        "idle servers running"
    )
IDLE_TIMEOUT = int(_idle)
if IDLE_TIMEOUT > 0:
    c.JupyterHub.services.append(
        {
            "name": "idle-culler",
            "command": [
                f"{ENV}/bin/python",
                "-m",
                "jupyterhub_idle_culler",
                f"--timeout={IDLE_TIMEOUT}",
                f"--cull-every={max(5, min(600, IDLE_TIMEOUT // 6))}",
            ],
        }
    )

# Who may reach what: instructors open the formgrader service; everyone uses
# their own server (the default `user` role).
c.JupyterHub.load_roles = [
    {
        "name": f"formgrade-{COURSE}",
        "groups": [f"formgrade-{COURSE}"],
        "scopes": [f"access:services!service={COURSE}", f"read:services!service={COURSE}", "list:services"],
    },
    {
        "name": f"nbgrader-{COURSE}",
        "groups": [f"nbgrader-{COURSE}"],
        "scopes": ["list:services", f"read:services!service={COURSE}"],
    },
]
if IDLE_TIMEOUT > 0:
    c.JupyterHub.load_roles.append(
        {
            "name": "idle-culler",
            "services": ["idle-culler"],
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        }
    )

# The hub's own state stays with the hub.
c.JupyterHub.db_url = os.environ.get("MEDIALIT_HUB_DB", "sqlite:////srv/medialit-hub/jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.environ.get("MEDIALIT_HUB_COOKIE", "/srv/medialit-hub/jupyterhub_cookie_secret")
