# Convenience targets; the scripts do the work (and need nothing but bash).
# test: everything CI runs (every layer, then ruff). test-quick: the fast layers for local work
# (no browser, nbgrader, notebook or hub layer, nothing marked slow); it assumes `bash scripts/test.sh`
# (or scripts/lab.sh) has installed the kit once.
PYTHON ?= $(if $(wildcard .venv/bin/python),.venv/bin/python,python)
QUICK = not slow and not browser and not nbgrader and not notebook and not hub and not corpus_gate
.PHONY: lab test test-quick
lab:
	bash scripts/lab.sh
test:
	bash scripts/test.sh
test-quick:
	$(PYTHON) -m pytest -q -m "$(QUICK)"
