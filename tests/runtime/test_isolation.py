"""What sandboxed code can see and do: its own uid, no capabilities, no host files or processes."""

from __future__ import annotations

import json
import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from hopx_local.runtime.bwrap import TOP_LEVEL_LIB_DIRS
from tests.runtime.support import Sandboxes

pytestmark = pytest.mark.anyio


def parse_status(output: str) -> dict[str, str]:
    fields = {}
    for line in output.splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.strip()
    return fields


async def test_command_runs_as_the_sandbox_uid_with_no_capabilities(sandboxes: Sandboxes) -> None:
    status, output = await sandboxes.run_shell("cat /proc/self/status")
    assert status == 0
    fields = parse_status(output)
    uid = next(iter(sandboxes.specs.values())).uid
    assert fields["Uid"].split() == [str(uid)] * 4
    assert fields["Gid"].split() == [str(uid)] * 4
    assert fields["Groups"] == ""
    for capability_set in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"):
        assert int(fields[capability_set], 16) == 0, capability_set
    assert fields["NoNewPrivs"] == "1"


async def test_the_sandbox_uid_has_a_name(sandboxes: Sandboxes) -> None:
    status, output = await sandboxes.run_shell("id -un; id -gn; echo $HOME")
    assert status == 0
    assert output.split() == ["user", "user", "/home/user"]


async def test_sandboxed_code_cannot_become_root(sandboxes: Sandboxes) -> None:
    code = (
        "import os\n"
        "for attempt in (lambda: os.setuid(0), lambda: os.setgid(0), lambda: os.chroot('/')):\n"
        "    try:\n"
        "        attempt()\n"
        "        print('ALLOWED')\n"
        "    except PermissionError:\n"
        "        print('denied')\n"
    )
    status, output = await sandboxes.run_python(code)
    assert status == 0
    assert output.split() == ["denied", "denied", "denied"]


@pytest.fixture
def host_secret() -> Iterator[Path]:
    directory = Path(tempfile.mkdtemp(prefix="hopx-host-secret-", dir="/var/tmp"))
    secret = directory / "secret.txt"
    secret.write_text("host only\n")
    try:
        yield secret
    finally:
        secret.unlink()
        directory.rmdir()


async def test_host_files_outside_the_mounts_are_invisible(
    sandboxes: Sandboxes, host_secret: Path
) -> None:
    script = (
        f"for path in {host_secret} {host_secret.parent} /root /work /old_root /srv /mnt "
        "/var/lib /sys; do "
        '  if [ -e "$path" ]; then echo "VISIBLE $path"; fi; '
        "done; echo ---; ls -A /; echo ---; ls -A /home"
    )
    status, output = await sandboxes.run_shell(script)
    assert status == 0
    visible, top_level, home = output.split("---\n")
    assert visible == ""
    host_lib_dirs = {name for name in TOP_LEVEL_LIB_DIRS if os.path.lexists(f"/{name}")}
    expected = {"dev", "etc", "home", "proc", "run", "tmp", "usr", "var", "workspace"}
    assert set(top_level.split()) == expected | host_lib_dirs
    assert home.split() == ["user"]


async def test_usr_and_etc_are_read_only_and_private_dirs_writable(sandboxes: Sandboxes) -> None:
    script = (
        "for path in /usr/hopx-probe /etc/hopx-probe /hopx-probe /opt/hopx-probe; do "
        '  if touch "$path" 2>/dev/null; then echo "WROTE $path"; else echo "refused $path"; fi; '
        "done; "
        "for dir in /workspace /tmp /home/user /run/hopx; do "
        '  echo ok > "$dir/probe" && echo "wrote $dir"; '
        "done; pwd"
    )
    status, output = await sandboxes.run_shell(script)
    assert status == 0
    assert "WROTE" not in output
    assert output.count("refused") == 4
    assert output.splitlines()[-1] == "/workspace"
    spec = next(iter(sandboxes.specs.values()))
    for host_dir in ("workspace", "tmp", "home", "run"):
        probe = spec.root_dir / host_dir / "probe"
        assert probe.read_text() == "ok\n"
        assert (probe.stat().st_uid, probe.stat().st_gid) == (spec.uid, spec.uid)
    assert not Path("/usr/hopx-probe").exists()


async def test_only_the_sandbox_processes_are_visible(sandboxes: Sandboxes) -> None:
    code = (
        "import json, os\n"
        "processes = {}\n"
        "for pid in (p for p in os.listdir('/proc') if p.isdigit()):\n"
        "    with open(f'/proc/{pid}/cmdline', 'rb') as f:\n"
        "        processes[pid] = f.read().decode().split('\\0')\n"
        "print(json.dumps(processes))\n"
    )
    status, output = await sandboxes.run_python(code)
    assert status == 0
    processes = json.loads(output)
    # pid 1 is bwrap's reaper, pid 2 this python: nothing of the host (pytest, init, ...).
    assert sorted(processes) == ["1", "2"]
    assert processes["2"][:2] == ["/usr/bin/python3", "-c"]
    assert "pytest" not in output


async def test_environment_hostname_and_cwd_are_the_sandbox_own(sandboxes: Sandboxes) -> None:
    code = (
        "import json, os, socket\n"
        "print(json.dumps({'env': dict(os.environ), 'host': socket.gethostname(),"
        " 'cwd': os.getcwd()}))\n"
    )
    status, output = await sandboxes.run_python(
        code, env={"GREETING": "hello", "PATH": "/usr/bin:/bin"}
    )
    assert status == 0
    seen = json.loads(output)
    assert seen["env"] == {
        "HOME": "/home/user",
        "USER": "user",
        "PATH": "/usr/bin:/bin",  # spec.env wins over the defaults
        "LANG": "C.UTF-8",
        "GREETING": "hello",
        "PWD": "/workspace",  # set by bwrap --chdir
    }
    assert seen["host"] == "sandbox"
    assert seen["cwd"] == "/workspace"


async def test_extra_binds_are_visible_and_read_only(sandboxes: Sandboxes, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "module.py").write_text("VALUE = 42\n")
    code = (
        "import sys; sys.path.insert(0, '/opt/hopx/src')\n"
        "import module; print(module.VALUE)\n"
        "try:\n"
        "    open('/opt/hopx/src/new.py', 'w')\n"
        "except OSError as error:\n"
        "    print(type(error).__name__)\n"
    )
    status, output = await sandboxes.run_python(
        code, extra_ro_binds=[(shared, "/opt/hopx/src")], env={"PYTHONDONTWRITEBYTECODE": "1"}
    )
    assert status == 0
    assert output.split() == ["42", "OSError"]
    assert sorted(os.listdir(shared)) == ["module.py"]


async def test_no_network_without_internet_access(sandboxes: Sandboxes) -> None:
    with socket.create_server(("127.0.0.1", 0)) as host_server:
        port = host_server.getsockname()[1]
        code = (
            "import json, socket\n"
            "result = {'interfaces': [name for _, name in socket.if_nameindex()]}\n"
            f"for host in ('127.0.0.1', '10.0.2.2'):\n"
            "    try:\n"
            f"        socket.create_connection((host, {port}), timeout=2).close()\n"
            "        result[host] = 'connected'\n"
            "    except OSError as error:\n"
            "        result[host] = type(error).__name__\n"
            "print(json.dumps(result))\n"
        )
        status, output = await sandboxes.run_python(code, internet_access=False)
    assert status == 0
    result = json.loads(output)
    assert result["interfaces"] == ["lo"]
    assert result["127.0.0.1"] == "ConnectionRefusedError"  # the sandbox's own loopback
    assert result["10.0.2.2"] == "OSError"  # Network is unreachable: no route at all
