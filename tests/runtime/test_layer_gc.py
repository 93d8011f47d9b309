"""Host layers of earlier host states are collected, unless a server holds or a mount shows them."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hopx_local.runtime import Runtime
from tests.runtime.support import CGROUP_ROOT, Sandboxes, host_skip_reason

pytestmark = pytest.mark.anyio

HOLD = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from hopx_local.runtime.layer_leases import lease\n"
    "lease(Path(sys.argv[1]))\n"
    "print('held', flush=True)\n"
    "time.sleep(120)\n"
)
COLLECT = (
    "import sys\n"
    "from pathlib import Path\n"
    "from hopx_local.runtime.layer_leases import collect_unused\n"
    "removed = collect_unused(Path(sys.argv[1]), 'host-', keep=Path('/nonexistent'))\n"
    "print(' '.join(sorted(p.name for p in removed)))\n"
)


def _old_layer(path: Path) -> Path:
    (path / "etc").mkdir(parents=True)
    (path / "etc/hostname").write_text("sandbox\n")
    return path


def _layer_names(layers: Path) -> set[str]:
    return {path.name for path in layers.glob("host-*") if path.is_dir()}


@contextlib.contextmanager
def _held_by_another_process(layer: Path) -> Iterator[None]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(layer)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait(10)


@contextlib.contextmanager
def _bind_mounted(layer: Path, point: Path) -> Iterator[None]:
    """What the stage of a sandbox whose server died still shows of its layer."""
    point.mkdir()
    subprocess.run(["mount", "--bind", "-o", "ro", str(layer), str(point)], check=True)
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


async def test_old_host_layers_go_while_held_and_mounted_ones_stay(tmp_path: Path) -> None:
    reason = host_skip_reason()
    if reason is not None:
        pytest.skip(reason)
    layers = tmp_path / "layers"
    stale = _old_layer(layers / "host-00000000000000a1")
    held = _old_layer(layers / "host-00000000000000b2")
    mounted = _old_layer(layers / "host-00000000000000c3")
    (tmp_path / "sandboxes").mkdir()
    factory = Sandboxes(Runtime(CGROUP_ROOT, layers_dir=layers), tmp_path / "sandboxes")
    with _held_by_another_process(held), _bind_mounted(mounted, tmp_path / "stage"):
        try:
            status, output = await factory.run_shell("cat /etc/hostname")
        finally:
            await factory.destroy_all()
            await factory.runtime.close()
        assert (status, output.strip()) == (0, "sandbox")
        names = _layer_names(layers)
        assert stale.name not in names
        assert {held.name, mounted.name} <= names
        (current,) = names - {held.name, mounted.name}

    # Released and unmounted, the old layers go at the next collection; the layer this
    # process's runtime built stays while the process holds it.
    collected = subprocess.run(
        [sys.executable, "-c", COLLECT, str(layers)], capture_output=True, text=True, check=True
    )
    assert collected.stdout.split() == sorted([held.name, mounted.name])
    assert _layer_names(layers) == {current}
