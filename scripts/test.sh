#!/usr/bin/env bash
# Install what the tests need (Debian's Chromium included) and run every test:
# all pytest layers (unit, notebook, nbgrader, browser), then ruff.
# Extra arguments go to pytest (e.g. bash scripts/test.sh tests/unit -x).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/install.sh
install_kit test
if [ ! -x /usr/bin/chromium ]; then apt_install chromium; fi
if ! command -v bwrap >/dev/null; then apt_install bubblewrap; fi  # course grade: sandboxed student kernels
# axe-core checks the widget's accessibility in the browser tests (tests/browser/node_modules, git-ignored)
if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
    if ! command -v npm >/dev/null; then apt_install npm; fi
    npm install --prefix tests/browser --no-save --no-package-lock --no-audit --no-fund axe-core@4.14.1
fi
bash scripts/install-hub-deps.sh  # tests/hub: the proxy, PostgreSQL, a hub environment every user can run

status=0
python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "medialit: pytest collected no tests; that is a failure here" >&2
    status=1
fi
ruff check . || status=1
ruff format --check . || status=1
if [ "$status" -ne 0 ]; then echo "medialit: tests FAILED (status $status)" >&2; fi
exit "$status"
