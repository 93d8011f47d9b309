"""Where the OpenAPI documents live, and loading them fast.

The YAML files in ``openapi/`` are the single source of truth; hopx-local routes and validates
against them. Loading YAML costs tens of milliseconds, so a JSON copy is cached beside the data
directory (or any cache dir) and reused while the YAML is unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Literal

SpecName = Literal["control-plane", "vm-agent"]

_PACKAGED = Path(__file__).resolve().parent / "openapi"
_REPOSITORY = Path(__file__).resolve().parents[2] / "openapi"


def spec_path(name: SpecName) -> Path:
    """The YAML document ``name``: packaged copy in a wheel, the repository's in a checkout."""
    override = os.environ.get("HOPX_OPENAPI_DIR")
    for folder in ([Path(override)] if override else []) + [_PACKAGED, _REPOSITORY]:
        candidate = folder / f"{name}.yaml"
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"OpenAPI document {name}.yaml not found (looked in {_PACKAGED}, {_REPOSITORY})"
    )


def load_spec(path: Path, cache_dir: Path | None = None) -> dict[str, Any]:
    """Parse the YAML at ``path``; with ``cache_dir``, reuse a JSON copy keyed by content hash."""
    raw = path.read_bytes()
    cached: Path | None = None
    if cache_dir is not None:
        digest = hashlib.sha256(raw).hexdigest()[:16]
        cached = cache_dir / f"{path.stem}-{digest}.json"
        try:
            document: dict[str, Any] = json.loads(cached.read_bytes())
            return document
        except (OSError, ValueError):
            pass
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = yaml.load(raw, Loader=loader)
    if not isinstance(document, dict):
        raise ValueError(f"{path} is not an OpenAPI document")
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_text(json.dumps(document))
            tmp.replace(cached)
        except OSError:
            pass
    return document
