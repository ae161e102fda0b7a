"""Global nbgrader settings for every server on the course hub.

Install as MEDIALIT_HUB_JUPYTER_DIR/nbgrader_config.py (default
/etc/medialit-hub/jupyter/); the hub sets JUPYTER_CONFIG_PATH to that folder.
The course directory's own nbgrader_config.py (from `medialit course init`)
adds the grading settings for instructors.
"""

import os

c = get_config()  # noqa: F821

# One exchange folder on the server's disk: mode 1777 (anyone may create their
# course folder, nobody may delete another's). nbgrader makes inbound/ 2733 so
# students can hand in but not list other submissions, outbound/ 755 and
# feedback/ 711 (a student finds only feedback whose secret they hold).
c.Exchange.root = os.environ.get("MEDIALIT_EXCHANGE", "/srv/nbgrader/exchange")
c.CourseDirectory.course_id = os.environ.get("MEDIALIT_COURSE_ID", "medialit")

# Feedback must never show answer keys. nbgrader's ClearHiddenTests removes the
# hidden tests from each cell's source, but a test cell that raises (a student
# left a question unanswered) keeps its traceback, and IPython's tracebacks quote
# the cell's lines, KEY included. Minimal tracebacks show only the error's one
# line (the kit's messages say what to do). The history file is nbgrader's default.
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--InteractiveShell.xmode=Minimal"]
