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
from hopx_local.runtime.bwrap import bwrap_options, inner_command

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
    paths = prepare_root_dir(tmp_path / "root", os.getuid())
    options = bwrap_options(VALID, paths, info_fd=5, block_fd=6, resolv_conf=None)
    joined = " ".join(options)
    for flag in (
        "--unshare-pid",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-net",
        "--unshare-cgroup-try",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
        "--hostname sandbox",
        "--ro-bind /usr /usr",
        "--ro-bind /etc /etc",
        "--proc /proc",
        "--dev /dev",
        "--chdir /workspace",
        f"--bind {paths.workspace} /workspace",
        f"--bind {paths.tmp} /tmp",
        f"--bind {paths.home} /home/user",
        f"--bind {paths.run} /run/hopx",
        "--ro-bind /usr/share /opt/hopx/share",
        "--perms 0755 --dir /opt",
        "--setenv PYTHONPATH /opt/hopx/src",
        "--info-fd 5",
        "--block-fd 6",
    ):
        assert flag in joined, flag
    assert "--unshare-user" not in options
    assert inner_command(VALID, "/usr/bin/setpriv") == [
        "/usr/bin/setpriv",
        f"--reuid={VALID.uid}",
        f"--regid={VALID.uid}",
        "--clear-groups",
        "--inh-caps=-all",
        "--ambient-caps=-all",
        "--bounding-set=-all",
        "--no-new-privs",
        "--",
        "/usr/bin/python3",
        "-m",
        "hopx_local.agent",
    ]


def test_resolv_conf_binds_over_the_target_of_a_host_symlink(tmp_path: Path) -> None:
    host = tmp_path / "host"
    (host / "etc").mkdir(parents=True)
    (host / "etc/resolv.conf").symlink_to("../run/systemd/resolve/stub-resolv.conf")
    paths = prepare_root_dir(tmp_path / "root", os.getuid())
    resolv = paths.resolv_conf
    options = bwrap_options(VALID, paths, info_fd=5, block_fd=6, resolv_conf=resolv, host_root=host)
    joined = " ".join(options)
    assert f"--ro-bind {resolv} /run/systemd/resolve/stub-resolv.conf" in joined
    assert "--perms 0755 --dir /run/systemd/resolve" in joined


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to a sandbox uid needs root")
def test_prepare_root_dir_owns_the_mounted_dirs_by_the_sandbox_uid(tmp_path: Path) -> None:
    uid = UID_RANGE.start
    paths = prepare_root_dir(tmp_path / "root", uid)
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
    assert "bubblewrap (apt-get install bubblewrap)" in missing
    assert "setpriv (apt-get install util-linux)" in missing
    with pytest.raises(HostDependencyError, match="apt-get install bubblewrap"):
        await runtime.start(attrs.evolve(VALID, root_dir=tmp_path / "root"))
    assert not (tmp_path / "root").exists()  # nothing was touched
