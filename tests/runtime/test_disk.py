"""A disk of a fixed size per sandbox: its writable layers, /workspace and /tmp share it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hopx_local.runtime import SandboxPaths
from tests.runtime.support import Sandboxes

pytestmark = pytest.mark.anyio
MIB = 1024 * 1024

FILL = (
    "import errno, json, os\n"
    "def fill(path):\n"
    "    written = 0\n"
    "    try:\n"
    "        with open(path, 'wb') as f:\n"
    "            while True:\n"
    "                f.write(b'x' * (1 << 20)); f.flush(); os.fsync(f.fileno()); written += 1\n"
    "    except OSError as error:\n"
    "        return written, errno.errorcode[error.errno]\n"
    "result = {'workspace': fill('/workspace/fill')}\n"
    "result['usr'] = fill('/usr/local/fill')\n"
    "result['tmp'] = fill('/tmp/fill')\n"
    "os.remove('/workspace/fill')\n"
    "result['after_delete'] = fill('/etc/fill')\n"
    "print(json.dumps(result))\n"
)


def _host_free(path: Path) -> int:
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


async def test_writes_past_the_disk_size_fail_with_enospc_and_the_host_is_unaffected(
    sandboxes: Sandboxes,
) -> None:
    free_before = _host_free(sandboxes.base)
    status, output = await sandboxes.run_python(FILL, disk_mb=64, memory_mb=256)
    assert status == 0, output
    result = json.loads(output)
    # The whole disk, shared: /workspace takes nearly all, then nothing is left anywhere.
    assert 40 <= result["workspace"][0] <= 64 and result["workspace"][1] == "ENOSPC"
    assert result["usr"] == [0, "ENOSPC"] and result["tmp"] == [0, "ENOSPC"]
    assert 40 <= result["after_delete"][0] <= 64  # deleting gave the space back
    assert free_before - _host_free(sandboxes.base) < 100 * MIB

    status, output = await sandboxes.run_shell(
        "head -c 8000000 /dev/zero > /workspace/other && echo ok", disk_mb=64
    )
    assert (status, output) == (0, "ok\n")  # another sandbox has a disk of its own


async def test_inodes_are_bounded_too(sandboxes: Sandboxes) -> None:
    code = (
        "import errno, os\n"
        "os.mkdir('/workspace/many')\n"
        "count = 0\n"
        "try:\n"
        "    while count < 200000:\n"
        "        os.close(os.open(f'/workspace/many/{count}', os.O_CREAT | os.O_WRONLY))\n"
        "        count += 1\n"
        "except OSError as error:\n"
        "    print(count, errno.errorcode[error.errno])\n"
    )
    status, output = await sandboxes.run_python(code, disk_mb=16)
    assert status == 0, output
    count, error = output.split()
    assert error == "ENOSPC" and int(count) < 200000


async def test_the_disk_keeps_its_files_across_stop_and_start(sandboxes: Sandboxes) -> None:
    spec = sandboxes.spec(
        ["/bin/sh", "-c", "cat /usr/local/kept /workspace/kept 2>/dev/null; "
         "echo layer > /usr/local/kept; echo workspace > /workspace/kept"],
        disk_mb=32,
    )  # fmt: skip
    for _ in range(2):
        process = await sandboxes.start(spec)
        assert await process.wait() == 0
        await sandboxes.runtime.stop(spec.sandbox_id)
    assert process.log_path.read_text() == "layer\nworkspace\n"
    image = SandboxPaths(spec.root_dir).disk_image
    assert image.stat().st_size == 32 * MIB
    assert image.stat().st_blocks * 512 < 16 * MIB  # sparse: only what was written


def test_disks_mounted_at_once_each_get_a_loop_device(tmp_path: Path) -> None:
    """A burst of creates attaches many images at the same moment (threads): none of them
    may lose the race for a free loop device and fail the create."""
    import shutil
    import subprocess
    from concurrent.futures import ThreadPoolExecutor

    from hopx_local.runtime.disk import mount_image, new_image

    mkfs = shutil.which("mkfs.ext4") or "/usr/sbin/mkfs.ext4"
    if os.geteuid() != 0 or not Path(mkfs).exists():
        pytest.skip("needs root and mkfs.ext4")
    count = 12
    images = [tmp_path / f"disk{index}.img" for index in range(count)]
    targets = [tmp_path / f"mnt{index}" for index in range(count)]
    for image, target in zip(images, targets, strict=True):
        new_image(image, 16, mkfs, tmp_path / "pristine")
        target.mkdir()
    try:
        with ThreadPoolExecutor(max_workers=count) as pool:
            list(pool.map(mount_image, images, targets))
        assert all(os.path.ismount(target) for target in targets)
    finally:
        for target in targets:
            if os.path.ismount(target):
                subprocess.run(["umount", str(target)], check=False)
