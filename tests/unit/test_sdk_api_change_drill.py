"""The API-change drill: an edit of the YAML plus ``make generate`` reaches SDK users.

In a temporary copy of the repository, a response property and a new enum value are added to
``control-plane.yaml``; the generator runs (both steps of ``make generate``); then the SDK's own
result type has the (required) property as a typed attribute (mypy says ``str``), an answer
with the new status parses, and no file but the YAML needed a hand edit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("openapi", "templates", "scripts", "src/hopx_ai", "generated", "pyproject.toml")
YAML = "openapi/control-plane.yaml"

NEW_PROPERTY = """\
        favorite_color:
          type: string
          description: Drill property (exists only in this test's copy of the document).
"""
ANSWER = {
    "id": "sbx_drill",
    "object": "sandbox",
    "status": "hibernating",
    "public_host": "http://127.0.0.1:1",
    "resources": {"vcpu": 1, "memory_mb": 512, "disk_mb": 1024},
    "created_at": "2025-01-01T00:00:00Z",
    "favorite_color": "teal",
}
READ_BACK = f"""
import json
from hopx_ai.models import SandboxInfo
from hopx_control_api.models.sandbox_status import SandboxStatus
info = SandboxInfo.from_dict({ANSWER!r})
print(json.dumps([getattr(info, "favorite_color", None), str(info.status),
                  info.status is getattr(SandboxStatus, "HIBERNATING", None)]))
"""
REVEAL = """
from hopx_ai.models import SandboxInfo
reveal_type(SandboxInfo.from_dict({}).favorite_color)
"""
# Third-party packages mypy need not analyse for this question (keeps the check to seconds).
MYPY_CONFIG = """
[mypy]
[mypy-httpx.*,websockets.*,anyio.*]
follow_imports = skip
"""


def _snapshot(repo: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(repo)): path.read_bytes()
        for path in repo.rglob("*")
        if path.is_file() and not {"__pycache__", ".venv", ".ruff_cache"} & set(path.parts)
    }


def _edit_the_document(repo: Path) -> None:
    path = repo / YAML
    text = path.read_text()
    status = "      enum: [creating, running, paused, stopped, error]\n"
    sandbox = "    Sandbox:\n      type: object\n"
    assert text.count(status) == 1 and text.count(sandbox) == 1, "the drill's anchors moved"
    text = text.replace(status, status.replace("error]", "error, hibernating]"))
    start = text.index(sandbox)
    required = text.index("      required: [id, ", start) + len("      required: [")
    text = text[:required] + "favorite_color, " + text[required:]
    properties = text.index("      properties:\n", start) + len("      properties:\n")
    path.write_text(text[:properties] + NEW_PROPERTY + text[properties:])


def _read_back(repo: Path) -> list[object]:
    env = {**os.environ, "PYTHONPATH": f"{repo / 'src'}{os.pathsep}{repo / 'generated'}"}
    out = subprocess.run(
        [sys.executable, "-c", READ_BACK], env=env, capture_output=True, text=True, check=True
    )
    result: list[object] = json.loads(out.stdout)
    return result


def test_a_yaml_edit_and_make_generate_reach_the_sdk_result(tmp_path: Path) -> None:
    if shutil.which("openapi-python-client", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("openapi-python-client is not installed in this venv")
    repo = tmp_path / "repo"
    for name in COPIED:
        source, target = ROOT / name, repo / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    (repo / ".venv").symlink_to(ROOT / ".venv")  # the pinned ruff the scripts run

    # Before regenerating: a server that already sends the new status does not break the SDK.
    assert _read_back(repo) == [None, "hibernating", False]

    before = _snapshot(repo)
    _edit_the_document(repo)
    for script in ("generate.py", "unasync_sdk.py"):  # = make generate
        subprocess.run([sys.executable, str(repo / "scripts" / script)], check=True, cwd=repo)
    after = _snapshot(repo)

    changed = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    assert YAML in changed
    assert "generated/hopx_control_api/models/sandbox.py" in changed
    assert [p for p in changed if p != YAML and not p.startswith("generated/")] == []

    assert _read_back(repo) == ["teal", "hibernating", True]

    (tmp_path / "reveal.py").write_text(REVEAL)
    (tmp_path / "mypy.ini").write_text(MYPY_CONFIG)
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(tmp_path / "mypy.ini"),
         "--cache-dir", str(tmp_path / "mypy-cache"), str(tmp_path / "reveal.py")],
        env={**os.environ, "MYPYPATH": f"{repo / 'src'}{os.pathsep}{repo / 'generated'}"},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert 'Revealed type is "builtins.str"' in mypy.stdout, mypy.stdout + mypy.stderr
    assert mypy.returncode == 0, mypy.stdout
