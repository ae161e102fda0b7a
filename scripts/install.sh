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
        kit_kernels
        return
    fi
    echo "medialit: installing into $VENV (two to three minutes the first time)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}"
    touch "$stamp"
    kit_kernels
}

# kit_kernels: every Jupyter server of $VENV starts its Python kernels as lab.sh's do (medialit.setup.kernels: a cell
# run before the set-up cells says in one line to run them). lab.sh passes the option on its command line; a
# self-learner who types `jupyter lab` in this environment got NameError tracebacks instead (self23). A server config
# in the environment's own folder ($VENV/etc/jupyter, read by every server of the environment; a
# jupyter_server_config.d/*.json there sets only server extensions) does the same. Only servers read it: nbgrader and
# `medialit course grade` start the grading kernel with their own kernel spec manager, which stays Jupyter's
# (tests/notebooks/test_kernel_restart.py). With medialit uninstalled it sets nothing, so Jupyter still starts.
kit_kernels() {
    mkdir -p "$VENV/etc/jupyter"
    cat > "$VENV/etc/jupyter/jupyter_server_config.py" <<'CONFIG'
# Written by medialit's scripts/install.sh (kit_kernels): this environment's Jupyter servers start their Python
# kernels with medialit's set-up hint, as scripts/lab.sh's do; the grading kernel is not a server's and stays as is.
import importlib.util

if importlib.util.find_spec("medialit") is not None:
    c.ServerApp.kernel_spec_manager_class = "medialit.setup.kernels.KitKernelSpecManager"  # noqa: F821
CONFIG
}

export PATH="$PWD/$VENV/bin:$PATH"  # nbgrader runs `alembic`; tests run `medialit`
export VIRTUAL_ENV="$PWD/$VENV"
