# Shared set-up for scripts/lab.sh and scripts/test.sh (sourced, not run).
# Creates .venv and installs medialit into it; a stamp keyed on pyproject.toml's
# hash makes a second run a no-op, so both scripts are quick once installed.

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

apt_install() {
    echo "medialit: apt-get install -y $*"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@"
}

# install_kit EXTRAS: pip install -e ".[EXTRAS]" into $VENV unless already done for this pyproject.toml.
install_kit() {
    local extras="$1" key stamp
    if [ ! -x "$VENV/bin/python" ]; then
        if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then apt_install python3-venv; fi
        "$PYTHON" -m venv "$VENV"
    fi
    key="$(sha256sum pyproject.toml | cut -c1-16)"
    stamp="$VENV/.medialit-installed-${extras:-base}-$key"
    if [ -f "$stamp" ]; then
        echo "medialit: already installed in $VENV (${extras:-base}; pyproject.toml unchanged)"
        return
    fi
    echo "medialit: installing into $VENV (two to three minutes the first time)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}"
    touch "$stamp"
}

export PATH="$PWD/$VENV/bin:$PATH"  # nbgrader runs `alembic`; tests run `medialit`
export VIRTUAL_ENV="$PWD/$VENV"
