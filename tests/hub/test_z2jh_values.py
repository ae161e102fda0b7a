"""course/jupyterhub/z2jh-values.yaml as the Zero to JupyterHub chart takes it (no cluster, no root needed).

The chart's own schema and defaults (tests/hub/z2jh/, BSD-3-Clause, version in
VERSION, refreshed by update.py) check the values the way helm does before it
installs anything; the extraConfig snippets run against a traitlets config;
and, where helm is installed (scripts/install-hub-deps.sh puts it in
/opt/medialit-hub/tools), ``helm template`` renders the chart with them.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import pytest
import yaml
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[2]
CHART = Path(__file__).resolve().parent / "z2jh"
VALUES = ROOT / "course" / "jupyterhub" / "z2jh-values.yaml"
HELM = os.environ.get("MEDIALIT_HELM", "/opt/medialit-hub/tools/helm")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def merged(defaults: dict, values: dict) -> dict:
    """Values over defaults as helm merges them: maps merge key by key, null deletes, anything else replaces."""
    out = dict(defaults)
    for key, value in values.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def schema_errors(values: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(load(CHART / "values.schema.yaml"))
    full = merged(load(CHART / "values.yaml"), values)
    return sorted(f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(full))


def test_the_values_name_the_chart_version_they_are_checked_against():
    tag = (CHART / "VERSION").read_text(encoding="utf-8").split()[0]
    assert f"Chart: jupyterhub {tag} " in VALUES.read_text(encoding="utf-8")
    assert f"--version {tag}" in VALUES.read_text(encoding="utf-8")
    assert "BSD 3-Clause" in (CHART / "LICENSE").read_text(encoding="utf-8")


def test_the_chart_schema_accepts_the_course_values():
    assert schema_errors(load(VALUES)) == []


def test_the_chart_schema_refuses_what_the_chart_does_not_know():
    """The check that found issue 17: groups belong in hub.config.JupyterHub.load_groups, not hub.loadGroups."""
    values = load(VALUES)
    values["hub"]["loadGroups"] = values["hub"]["config"]["JupyterHub"].pop("load_groups")
    assert schema_errors(values) == ["hub: Additional properties are not allowed ('loadGroups' was unexpected)"]
    values = load(VALUES)
    values["singleuser"]["memory"]["maximum"] = "1G"
    assert any("'maximum' was unexpected" in e for e in schema_errors(values))


def test_the_course_design_is_in_the_values():
    values = load(VALUES)
    hub, single = values["hub"], values["singleuser"]
    groups = hub["config"]["JupyterHub"]["load_groups"]
    assert set(groups) == {"formgrade-medialit", "nbgrader-medialit"}
    assert "grader-medialit" in hub["config"]["Authenticator"]["allowed_users"]
    assert "access:servers!user=grader-medialit" in hub["loadRoles"]["formgrade-medialit"]["scopes"]
    assert single["storage"]["extraVolumeMounts"][0]["mountPath"] == "/srv/nbgrader/exchange"
    assert single["memory"] == {"guarantee": "256M", "limit": "512M"}
    assert single["cmd"] == "medialit-singleuser"  # the image's start: its nbgrader config is the one-server one
    cull = merged(load(CHART / "values.yaml"), values)["cull"]  # the chart's idle culler, kept as it comes
    assert cull["enabled"] and cull["timeout"] == 3600 and not cull["users"]  # the one-server hub's hour


def test_extra_config_snippets_compile_and_give_each_member_their_own_uid():
    snippets = load(VALUES)["hub"]["extraConfig"]
    assert snippets
    for name, code in snippets.items():
        compile(code, name, "exec")
    c = Config()
    exec(snippets["course-uids.py"], {"c": c})  # the hub runs each snippet the same way

    def spawner(name: str) -> SimpleNamespace:
        return SimpleNamespace(user=SimpleNamespace(name=name))

    uids = [c.KubeSpawner.uid(spawner(n)) for n in ("grader-medialit", "instructor1", "student1", "student2")]
    assert len(set(uids)) == 4 and 1000 not in uids  # 1000: the chart's shared default
    assert c.KubeSpawner.gid(spawner("student1")) == c.KubeSpawner.fs_gid(spawner("student1")) == 3001
    with pytest.raises(ValueError, match="mallory has no uid"):
        c.KubeSpawner.uid(spawner("mallory"))


def helm() -> str:
    found = HELM if os.access(HELM, os.X_OK) else shutil.which("helm")
    if not found:
        message = f"helm is not installed ({HELM}): run bash scripts/install-hub-deps.sh"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def chart(tmp_path: Path) -> Path:
    """The chart as released: the packed templates, the defaults, and the schema helm validates against."""
    with tarfile.open(CHART / "chart.tgz") as packed:
        # The safe "data" filter exists from Python 3.11.4; the project supports every 3.11 (Debian ships 3.11.2).
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        packed.extractall(tmp_path, **safe)
    folder = tmp_path / "jupyterhub"
    shutil.copy(CHART / "values.yaml", folder / "values.yaml")
    (folder / "values.schema.json").write_text(json.dumps(load(CHART / "values.schema.yaml")), encoding="utf-8")
    return folder


def template(folder: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [helm(), "template", "medialit", str(folder), "--namespace", "medialit", *extra]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_helm_renders_the_chart_with_the_course_values(tmp_path):
    folder = chart(tmp_path)
    done = template(folder, "--values", str(VALUES))
    assert done.returncode == 0, done.stderr
    docs = [d for d in yaml.safe_load_all(done.stdout) if d]
    kinds = {(d["kind"], d["metadata"]["name"]) for d in docs}
    assert {("Deployment", "hub"), ("Deployment", "proxy"), ("Secret", "hub")} <= kinds
    (secret,) = [d for d in docs if d["kind"] == "Secret" and d["metadata"]["name"] == "hub"]
    seen = yaml.safe_load(base64.b64decode(secret["data"]["values.yaml"]))  # what the hub's config reads
    ours = load(VALUES)
    assert seen["hub"]["config"]["JupyterHub"]["load_groups"] == ours["hub"]["config"]["JupyterHub"]["load_groups"]
    assert seen["hub"]["extraConfig"] == ours["hub"]["extraConfig"]
    assert seen["singleuser"]["memory"] == {"guarantee": "256M", "limit": "512M"}
    assert seen["singleuser"]["storage"]["extraVolumes"] == ours["singleuser"]["storage"]["extraVolumes"]


def test_helm_refuses_values_outside_the_schema(tmp_path):
    """helm itself applies the schema: the old hub.loadGroups is refused before anything is installed."""
    folder = chart(tmp_path)
    values = load(VALUES)
    values["hub"]["loadGroups"] = values["hub"]["config"]["JupyterHub"].pop("load_groups")
    (tmp_path / "old.yaml").write_text(yaml.safe_dump(values), encoding="utf-8")
    done = template(folder, "--values", str(tmp_path / "old.yaml"))
    assert done.returncode != 0
    assert re.search(r"loadGroups", done.stderr), done.stderr
