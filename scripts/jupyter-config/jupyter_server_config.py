# lab.sh's JupyterLab (lab.sh puts this folder on JUPYTER_CONFIG_PATH) serves the kit's folder, so that lesson 0's
# exercises/ is in reach. The answers beside it stay out of the file browser: solutions/ (the source notebooks)
# and every folder named keys (course/keys/, the lessons' questions/keys/), added to JupyterLab's own hidden names.
# A self-learner never needs them (lessons read their keys themselves and reveal after a try); the files are not
# locked, only not listed: a course student who clones the kit should not meet the answers one click from ex01.
#
# course/ is left out too (self23): it held the answers beside the keys, one click from the root: the transfer
# exercise's gold annotation (course/gold/), a blind annotator's answers to ex01 and ex02 (course/blind-annotation/),
# the instructor guide's table of every lesson check's answer, the pre-test's key. What a learner reads there, the
# guidelines and the project's rubrics, tools/sync_lessons.py copies beside the lessons.
#
# tests/ is left out too (leak24): to test the grading, its files write the graded keys out as answers, mark by mark
# with each label (13 files; 47 key marks in tests/unit/test_key_readings.py alone, 13 of the transfer exercise's).
c = get_config()  # noqa: F821
c.ContentsManager.hide_globs.extend(["solutions", "keys", "course", "tests"])
