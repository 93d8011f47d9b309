"""A disk of a fixed size per sandbox: a sparse ext4 image, loop-mounted while it runs.

The writable layers, /workspace, /tmp and /home/user are all on it, so together they are
limited to its size (ENOSPC inside at the limit), and to its inodes; the host's free space and
other sandboxes are unaffected. The image is sparse: it takes host space only for what the
sandbox writes (mounted with ``discard``, deleting inside gives the space back), and creating
it costs one mkfs of a few MiB of metadata (inode tables initialised lazily, never zeroed in the
background: ``noinit_itable``). The loop device uses direct I/O (no second copy of the image in
the host's page cache) and detaches itself when the disk is unmounted.
"""

from __future__ import annotations

import errno
import fcntl
import os
import struct
import subprocess
import threading
from pathlib import Path

from hopx_local.runtime.errors import SandboxStartError
from hopx_local.runtime.mounts import mount_filesystem

LOOP_CONTROL = "/dev/loop-control"
LOOP_CTL_GET_FREE = 0x4C82
LOOP_CONFIGURE = 0x4C0A
LO_FLAGS_AUTOCLEAR = 4
LO_FLAGS_DIRECT_IO = 16
# struct loop_config: fd, block_size, struct loop_info64 (5 u64, 4 u32, names, key, init),
# reserved.
_LOOP_CONFIG = "=II5Q4I64s64s32s2Q8Q"
MKFS_OPTIONS = ("-q", "-F", "-m", "0", "-E", "lazy_itable_init=1,lazy_journal_init=1,nodiscard")
MOUNT_OPTIONS = "discard,noinit_itable"
ATTACH_ATTEMPTS = 32
# LOOP_CTL_GET_FREE hands every caller the same free device until one of them binds it: the
# sandboxes this process starts at once (a burst, from threads) take turns, so that only other
# processes can win a device from under us (then we ask again).
_ATTACH_LOCK = threading.Lock()


def create_image(image: Path, size_mb: int, mkfs: str) -> None:
    """A sparse file of size_mb MiB holding a fresh ext4 filesystem (replaced if present)."""
    partial = image.with_name(image.name + ".new")
    with open(partial, "wb") as file:
        file.truncate(size_mb * 1024 * 1024)
    os.chmod(partial, 0o600)
    result = subprocess.run(
        [mkfs, *MKFS_OPTIONS, str(partial)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise SandboxStartError(f"mkfs.ext4 failed: {result.stderr.strip()}")
    os.rename(partial, image)


def new_image(image: Path, size_mb: int, mkfs: str, pristine_dir: Path) -> None:
    """A fresh disk image at ``image``: a sparse copy of a blank one of that size (made once).

    Copying the few MiB of a blank filesystem's metadata takes a few milliseconds, a mkfs
    several tens; the copies share the blank one's UUID, which nothing here looks at.
    """
    pristine_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(pristine_dir, 0o700)
    pristine = pristine_dir / f"ext4-{size_mb}m.img"
    if not pristine.is_file():
        create_image(pristine, size_mb, mkfs)
    partial = image.with_name(image.name + ".new")
    _sparse_copy(pristine, partial)
    os.rename(partial, image)


def _sparse_copy(source: Path, target: Path) -> None:
    """Copy source's data extents only (holes stay holes), in the kernel."""
    src = os.open(source, os.O_RDONLY | os.O_CLOEXEC)
    try:
        dst = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        try:
            size = os.fstat(src).st_size
            os.ftruncate(dst, size)
            offset = 0
            while offset < size:
                try:
                    data = os.lseek(src, offset, os.SEEK_DATA)
                except OSError as error:
                    if error.errno == errno.ENXIO:  # only a hole is left
                        break
                    raise
                hole = os.lseek(src, data, os.SEEK_HOLE)
                position = data
                while position < hole:
                    copied = os.copy_file_range(src, dst, hole - position, position, position)
                    if copied == 0:
                        break
                    position += copied
                offset = hole
        finally:
            os.close(dst)
    finally:
        os.close(src)


def mount_image(image: Path, target: Path) -> None:
    """Attach image to a free loop device and mount its ext4 on target."""
    device, loop = _attach(image)
    try:
        mount_filesystem(Path(device), target, "ext4", MOUNT_OPTIONS)
    finally:
        # The mount holds the device from here on; once it is unmounted and this descriptor
        # is closed, AUTOCLEAR detaches it.
        os.close(loop)


def _attach(image: Path) -> tuple[str, int]:
    """A loop device backed by image (its path and an open descriptor of it)."""
    backing = os.open(image, os.O_RDWR | os.O_CLOEXEC)
    try:
        with _ATTACH_LOCK:
            for _ in range(ATTACH_ATTEMPTS):
                control = os.open(LOOP_CONTROL, os.O_RDWR | os.O_CLOEXEC)
                try:
                    number = fcntl.ioctl(control, LOOP_CTL_GET_FREE)
                finally:
                    os.close(control)
                device = f"/dev/loop{number}"
                try:
                    loop = os.open(device, os.O_RDWR | os.O_CLOEXEC)
                except FileNotFoundError:
                    continue
                try:
                    configured = _configure(loop, backing, LO_FLAGS_AUTOCLEAR | LO_FLAGS_DIRECT_IO)
                except BaseException:
                    os.close(loop)
                    raise
                if configured:
                    return device, loop
                os.close(loop)
    finally:
        os.close(backing)
    raise SandboxStartError(f"no free loop device for {image} after {ATTACH_ATTEMPTS} tries")


def _configure(loop: int, backing: int, flags: int) -> bool:
    """LOOP_CONFIGURE; False when another process took the device first."""
    for attempt_flags in (flags, flags & ~LO_FLAGS_DIRECT_IO):
        config = struct.pack(
            _LOOP_CONFIG, backing, 0, 0, 0, 0, 0, 0, 0, 0, 0, attempt_flags, b"", b"", b"",
            0, 0, *([0] * 8),
        )  # fmt: skip
        try:
            fcntl.ioctl(loop, LOOP_CONFIGURE, config)
            return True
        except OSError as error:
            if error.errno == errno.EBUSY:
                return False
            if error.errno != errno.EINVAL or not attempt_flags & LO_FLAGS_DIRECT_IO:
                raise SandboxStartError(f"could not set up a loop device: {error}") from error
    return False
