#!/usr/bin/env bash
# Install everything and open JupyterLab on notebooks/ (prints the URL).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/install.sh
install_kit ""
medialit doctor || echo "medialit: see the '!!' lines above (Chromium is only needed for the tests)"

PORT="${PORT:-8888}"
# A port in use (a second lab.sh, another notebook server) stopped Jupyter after the URL below was printed, and that
# URL opened the other server's token page: take the next free port instead, and say so.
if ! FREE="$("$VENV/bin/python" - "$PORT" <<'PY'
import socket
import sys

start = int(sys.argv[1])
for port in range(start, start + 50):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            continue
    print(port)
    break
else:
    sys.exit(1)
PY
)"; then
    echo "medialit: no free port from $PORT on (or PORT is not a number): set PORT=... to a free port" >&2
    exit 2
fi
if [ "$FREE" != "$PORT" ]; then
    echo "medialit: port $PORT is in use (another JupyterLab?), so this one uses port $FREE"
    PORT="$FREE"
fi
TOKEN="${MEDIALIT_TOKEN:-$("$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(16))')}"
echo
# The URL opens the first lesson (00-start-here says where to go next), not an empty launcher.
echo "medialit: JupyterLab will be at  http://127.0.0.1:$PORT/lab/tree/notebooks/00-start-here.ipynb?token=$TOKEN"
echo "medialit: (Ctrl+C twice stops it; set PORT=... for another port)"
echo
# The kit's JupyterLab settings: no "official Jupyter news?" prompt over the first lesson (a classroom has no use
# for it, and a student takes it for part of the kit); solutions/ and the keys/ folders left out of the file browser
# (jupyter_server_config.py there says why).
export JUPYTER_CONFIG_PATH="$PWD/scripts/jupyter-config${JUPYTER_CONFIG_PATH:+:$JUPYTER_CONFIG_PATH}"
# An editable install leaves the kit's JupyterLab extensions (underlined links, notebook aids) in src/: point JupyterLab at them.
# The kit's folder is the root, so that a self-learner reaches exercises/ (lesson 0 sends them there); the file
# browser starts in notebooks/, beside the lessons.
# Its Python kernels load medialit.exercises.setup_hint: a cell run before the set-up cells at the top (after a
# restart) says in one line to run them, instead of a NameError traceback (install_kit also sets this in .venv's own
# server config, for a `jupyter lab` typed by hand; the grader starts its kernels as before).
exec jupyter lab --ServerApp.root_dir="$PWD" --ContentsManager.preferred_dir=notebooks \
    --ServerApp.kernel_spec_manager_class=medialit.setup.kernels.KitKernelSpecManager \
    --ip 127.0.0.1 --port "$PORT" --ServerApp.port_retries=0 \
    --IdentityProvider.token="$TOKEN" --no-browser --allow-root \
    --LabApp.extra_labextensions_path="$PWD/src/medialit/labextensions"
