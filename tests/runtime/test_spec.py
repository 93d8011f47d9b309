"""SandboxSpec validation, uid allocation and the bwrap command line (no sandbox started)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import attrs
import pytest

from hopx_local.runtime import (
    UID_RANGE,
    HostDependencyError,
    InvalidSandboxSpecError,
    Runtime,
    SandboxRuntimeError,
    SandboxSpec,
    allocate_uid,
    prepare_root_dir,
    write_sandbox_file,
)
from hopx_local.runtime.bwrap import Bind, bwrap_options, enter_namespaces_argv
from hopx_local.runtime.paths import prepare_disk_dirs
from hopx_local.runtime.userns import NOBODY, SUBORDINATE_COUNT, host_id, id_map

VALID = SandboxSpec(
    sandbox_id="sbx_0123456789abcdef",
    root_dir=Path("/var/lib/hopx/sbx_0123456789abcdef"),
    uid=UID_RANGE.start,
    memory_mb=512,
    pids_max=256,
    vcpu=1.0,
    internet_access=False,
    env={"PYTHONPATH": "/opt/hopx/src"},
    command=["/usr/bin/python3", "-m", "hopx_local.agent"],
    extra_ro_binds=[(Path("/usr/share"), "/opt/hopx/share")],
)


def test_a_valid_spec_passes() -> None:
    VALID.validate()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sandbox_id", "../escape"),
        ("sandbox_id", ""),
        ("root_dir", Path("relative/dir")),
        ("root_dir", Path("/")),
        ("uid", 0),
        ("uid", 1000),
        ("memory_mb", 0),
        ("pids_max", 1),
        ("vcpu", 0.0),
        ("command", []),
        ("command", ["python3", "-c", "pass"]),
        ("env", {"BAD=NAME": "x"}),
        ("env", {"OK": "nul\0byte"}),
        ("extra_ro_binds", [(Path("/nonexistent/hopx"), "/opt/x")]),
        ("extra_ro_binds", [(Path("/usr/share"), "/workspace/share")]),
        ("extra_ro_binds", [(Path("/usr/share"), "/etc/passwd")]),
        ("extra_ro_binds", [(Path("/usr/share"), "/opt/../usr")]),
        ("extra_ro_binds", [(Path("/usr/share"), "relative")]),
    ],
)
def test_invalid_fields_are_named(field: str, value: Any) -> None:
    spec = attrs.evolve(VALID, **{field: value})
    with pytest.raises(InvalidSandboxSpecError, match=f"^SandboxSpec.{field}: ") as raised:
        spec.validate()
    assert raised.value.field == field


def test_allocate_uid_returns_the_lowest_free_uid_in_range() -> None:
    assert allocate_uid(set()) == UID_RANGE.start
    assert allocate_uid({UID_RANGE.start, UID_RANGE.start + 1}) == UID_RANGE.start + 2
    assert allocate_uid({UID_RANGE.start + 1}) == UID_RANGE.start


def test_allocate_uid_fails_clearly_when_the_range_is_full() -> None:
    with pytest.raises(SandboxRuntimeError, match="uids are in use"):
        allocate_uid(set(UID_RANGE))


def test_bwrap_options_isolate_and_mount_as_documented(tmp_path: Path) -> None:
    binds = [
        Bind(tmp_path / "trees/root", "/"),
        Bind(tmp_path / "trees/usr", "/usr"),
        Bind(tmp_path / "disk/workspace", "/workspace"),
        Bind(tmp_path / "ro/0", "/.hopx/src", read_only=True),
    ]
    options = bwrap_options(VALID, info_fd=5, binds=binds)
    joined = " ".join(options)
    for flag in (
        "--unshare-pid",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
        "--hostname sandbox",
        f"--bind {tmp_path}/trees/root / --proc /proc --dev /dev",
        f"--bind {tmp_path}/trees/usr /usr",
        f"--bind {tmp_path}/disk/workspace /workspace",
        f"--ro-bind {tmp_path}/ro/0 /.hopx/src --remount-ro /.hopx",
        "--chdir /workspace",
        "--cap-drop ALL --cap-add CAP_CHOWN",
        "--setenv HOME /root",
        "--setenv PYTHONPATH /opt/hopx/src",
        "--info-fd 5",
    ):
        assert flag in joined, flag
    # hopx-local's own directory holds its read-only binds only, and is read-only itself.
    assert f"--tmpfs /.hopx --bind {tmp_path}/trees/usr /usr" in joined
    # The network namespace is the host's to configure; the user namespace is made by host
    # root with its id maps before bwrap joins it (through nsenter).
    assert "--unshare-net" not in options
    assert "--unshare-user" not in options
    assert "CAP_SYS_ADMIN" not in joined and "CAP_NET_ADMIN" not in joined
    assert enter_namespaces_argv("/usr/bin/nsenter", 42) == [
        "/usr/bin/nsenter",
        "--net=/proc/42/ns/net",
        "--user=/proc/42/ns/user",
        "--",
    ]


def test_id_map_gives_each_sandbox_root_and_a_block_of_its_own() -> None:
    first, second = UID_RANGE.start, UID_RANGE.start + 1
    assert id_map(first).splitlines()[0] == f"0 {first} 1"
    assert host_id(first, 0) == first
    blocks = [
        set(range(host_id(uid, 1), host_id(uid, SUBORDINATE_COUNT - 1) + 1))
        | {host_id(uid, NOBODY)}
        for uid in (first, second, UID_RANGE.stop - 1)
    ]
    assert not blocks[0] & blocks[1] and not blocks[1] & blocks[2]
    assert all(min(block) > UID_RANGE.stop and max(block) < 2**31 for block in blocks)


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to a sandbox uid needs root")
def test_prepare_root_dir_owns_the_mounted_dirs_by_the_sandbox_uid(tmp_path: Path) -> None:
    uid = UID_RANGE.start
    paths = prepare_root_dir(tmp_path / "root", uid)
    prepare_disk_dirs(paths, uid)
    assert stat.S_IMODE(paths.root.stat().st_mode) == 0o700
    assert paths.root.stat().st_uid == 0
    for directory in (paths.workspace, paths.tmp, paths.home, paths.run):
        assert (directory.stat().st_uid, directory.stat().st_gid) == (uid, uid)
    assert stat.S_IMODE(paths.tmp.stat().st_mode) == 0o1777


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to a sandbox uid needs root")
def test_write_sandbox_file_replaces_a_planted_symlink_instead_of_following_it(
    tmp_path: Path,
) -> None:
    uid = UID_RANGE.start
    paths = prepare_root_dir(tmp_path / "root", uid)
    victim = tmp_path / "host-file"
    victim.write_text("host data\n")
    token = paths.run / "token.key"
    token.symlink_to(victim)  # what sandboxed code could plant in /run/hopx

    write_sandbox_file(token, b"secret", uid=uid, mode=0o400)

    assert victim.read_text() == "host data\n"
    assert victim.stat().st_uid == os.getuid()
    assert not token.is_symlink()
    assert token.read_bytes() == b"secret"
    assert (token.stat().st_uid, stat.S_IMODE(token.stat().st_mode)) == (uid, 0o400)


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_a_host_without_bubblewrap_is_told_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, anyio_backend: str
) -> None:
    monkeypatch.setattr("hopx_local.runtime.runtime.HOST_PATH", str(tmp_path))
    runtime = Runtime()
    missing = runtime.missing_host_dependencies()
    assert "bubblewrap 0.8 or later (apt-get install bubblewrap)" in missing
    assert "nsenter (apt-get install util-linux)" in missing
    with pytest.raises(HostDependencyError, match="apt-get install bubblewrap"):
        await runtime.start(attrs.evolve(VALID, root_dir=tmp_path / "root"))
    assert not (tmp_path / "root").exists()  # nothing was touched
