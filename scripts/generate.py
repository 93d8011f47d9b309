"""Compile the OpenAPI documents into the low-level clients under generated/.

    python scripts/generate.py            regenerate generated/ in place
    python scripts/generate.py --check    regenerate into a temporary directory;
                                          fail on any difference

WebSocket operations (``x-websocket: true``) are left out of the HTTP clients: their frames are
built by the SDK from the message schemas in the same documents. Output is formatted by the
pinned ruff in isolated mode, so the result does not depend on any local configuration.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PACKAGES = {"control-plane": "hopx_control_api", "vm-agent": "hopx_agent_api"}
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def http_only(document: dict[str, Any]) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for path, item in document.get("paths", {}).items():
        kept = {
            key: value
            for key, value in item.items()
            if key not in HTTP_METHODS or not value.get("x-websocket")
        }
        if any(key in HTTP_METHODS for key in kept):
            paths[path] = kept
    return {**document, "paths": paths}


def generate(name: str, package: str, destination: Path) -> None:
    document = yaml.safe_load((ROOT / "openapi" / f"{name}.yaml").read_text())
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / f"{name}.json"
        source.write_text(json.dumps(http_only(document), indent=1, sort_keys=False))
        output = destination / package
        result = subprocess.run(
            [
                str(BIN / "openapi-python-client"),
                "generate",
                "--path",
                str(source),
                "--config",
                str(ROOT / "openapi" / f"generator-{name}.yaml"),
                "--custom-template-path",
                str(ROOT / "templates"),
                "--meta",
                "none",
                "--output-path",
                str(output),
                "--overwrite",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        problems = [
            line for line in result.stdout.splitlines() if "Warning" in line or "Error" in line
        ]
        if result.returncode != 0 or problems:
            sys.stderr.write(result.stdout + result.stderr)
            raise SystemExit(f"openapi-python-client failed or warned for {name}.yaml")
    (output / "py.typed").write_text("# Marker file for PEP 561\n")
    ruff = str(BIN / "ruff")
    for args in (
        ["check", "--isolated", "--select", "F401,I", "--fix", "--quiet"],
        ["format", "--isolated", "--quiet"],
    ):
        subprocess.run([ruff, *args, "--line-length", "100", str(output)], check=True)


def differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__"])
    found = [f"only in {left / n}" for n in comparison.left_only]
    found += [f"only in {right / n}" for n in comparison.right_only]
    found += [f"differs: {left / n}" for n in comparison.diff_files]
    for sub in comparison.common_dirs:
        found += differences(left / sub, right / sub)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="fail if generated/ is not current")
    args = parser.parse_args()
    target = ROOT / "generated"
    if not args.check:
        for name, package in PACKAGES.items():
            generate(name, package, target)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch)
        for name, package in PACKAGES.items():
            generate(name, package, fresh)
        stale = []
        for package in PACKAGES.values():
            if not (target / package).is_dir():
                stale.append(f"missing: {target / package}")
                continue
            stale += differences(fresh / package, target / package)
        if stale:
            print(
                "generated/ is out of date with openapi/*.yaml; run `make generate`:",
                file=sys.stderr,
            )
            print("\n".join(f"  {line}" for line in stale), file=sys.stderr)
            return 1
    print("generated/ matches openapi/*.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
