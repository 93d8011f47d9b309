"""What sandboxed code can see and do: root of its own machine, never of the host."""

from __future__ import annotations

import json
import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from hopx_local.runtime import SandboxPaths
from hopx_local.runtime.bwrap import SANDBOX_CAPABILITIES
from hopx_local.runtime.rootfs import TOP_LEVEL_LIB_DIRS
from tests.runtime.support import Sandboxes, wait_for

pytestmark = pytest.mark.anyio

CAPABILITY_NUMBERS = {
    "CAP_CHOWN": 0,
    "CAP_DAC_OVERRIDE": 1,
    "CAP_FOWNER": 3,
    "CAP_FSETID": 4,
    "CAP_KILL": 5,
    "CAP_SETGID": 6,
    "CAP_SETUID": 7,
    "CAP_SETPCAP": 8,
    "CAP_SYS_CHROOT": 18,
    "CAP_AUDIT_WRITE": 29,
    "CAP_SETFCAP": 31,
}


def parse_status(output: str) -> dict[str, str]:
    fields = {}
    for line in output.splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.strip()
    return fields


async def test_code_runs_as_root_inside_with_a_container_set_of_capabilities(
    sandboxes: Sandboxes,
) -> None:
    status, output = await sandboxes.run_shell("cat /proc/self/status")
    assert status == 0
    fields = parse_status(output)
    assert fields["Uid"].split() == ["0"] * 4
    assert fields["Gid"].split() == ["0"] * 4
    expected = sum(1 << CAPABILITY_NUMBERS[name] for name in SANDBOX_CAPABILITIES)
    assert int(fields["CapEff"], 16) == int(fields["CapPrm"], 16) == expected
    assert not int(fields["CapEff"], 16) & (1 << 21)  # CAP_SYS_ADMIN
    assert fields["NoNewPrivs"] == "1"  # no exec gains more (the bounding set stays full)


async def test_every_sandbox_process_is_an_unprivileged_uid_on_the_host(
    sandboxes: Sandboxes,
) -> None:
    spec = sandboxes.spec(["/bin/sh", "-c", "sleep 60 & sleep 60 & wait"])
    process = await sandboxes.start(spec)
    own_userns = os.readlink("/proc/self/ns/user")
    inside = []

    def started() -> bool:
        inside[:] = _pids_in_pid_namespace_of(process.netns_pid)
        return len(inside) >= 4  # bwrap's pid 1, sh, two sleeps

    await wait_for(started)
    for pid in [process.pid, *inside]:
        status = parse_status(Path(f"/proc/{pid}/status").read_text())
        assert status["Uid"].split() == [str(spec.uid)] * 4, pid
        assert status["Gid"].split() == [str(spec.uid)] * 4, pid
        # Its capabilities (if any) are in the sandbox's user namespace, never the host's.
        assert os.readlink(f"/proc/{pid}/ns/user") != own_userns, pid
    assert spec.uid != 0


def _pids_in_pid_namespace_of(pid: int) -> list[int]:
    target = os.readlink(f"/proc/{pid}/ns/pid")
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.readlink(f"/proc/{entry}/ns/pid") == target:
                    found.append(int(entry))
            except OSError:
                pass
    return found


async def test_root_is_named_root_and_lives_in_root(sandboxes: Sandboxes) -> None:
    status, output = await sandboxes.run_shell("id -un; id -gn; echo $HOME; ls -ld /root")
    assert status == 0
    lines = output.splitlines()
    assert lines[:3] == ["root", "root", "/root"]
    assert lines[3].startswith("drwx------") and " root root " in lines[3]


async def test_root_cannot_lift_what_confines_it(sandboxes: Sandboxes) -> None:
    script = (
        'try() { if "$@" >/dev/null 2>&1; then echo "ALLOWED $*"; else echo "denied $*"; fi; }\n'
        "try mount -t tmpfs none /mnt\n"
        "try mount -o remount,rw /.hopx/src\n"
        "try umount /run/hopx\n"
        "try mount -t proc proc /mnt\n"
        "try mount -t cgroup -o memory none /mnt\n"
        "try ip link set lo down\n"
        "try ip addr add 10.9.9.9/24 dev lo\n"
        "try ip route add 10.9.0.0/16 dev lo\n"
        "try sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'\n"
        "try sh -c 'echo 0 > /proc/sys/kernel/randomize_va_space'\n"
        "try touch /.hopx/src/planted\n"
        "try touch /.hopx/planted\n"
        "try mknod /tmp/disk b 254 0\n"
        # A nested user namespace gets capabilities over itself only: the sandbox's network
        # namespace (the host's) is not its to change either.
        "try unshare --user --map-root-user ip link set lo down\n"
        "ip -o link show lo\n"
    )
    spec = sandboxes.spec(
        ["/bin/sh", "-c", script], extra_ro_binds=[(Path("/usr/share/doc"), "/.hopx/src")]
    )
    process = await sandboxes.start(spec)
    assert await process.wait() == 0
    output = process.log_path.read_text()
    assert "ALLOWED" not in output, output
    assert output.count("denied") == 14
    assert "state UNKNOWN" in output.splitlines()[-1] or ",UP" in output.splitlines()[-1]


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


async def test_host_files_outside_the_layers_are_invisible(
    sandboxes: Sandboxes, host_secret: Path
) -> None:
    script = (
        f"for path in {host_secret} {host_secret.parent} /root/.bashrc /root/.pyenv /work "
        "/old_root /etc/shadow /etc/gshadow /etc/ssl/private /var/lib/postgresql "
        "/var/log/dpkg.log; do "
        '  if [ -e "$path" ]; then echo "VISIBLE $path"; fi; '
        "done; echo ---; ls -A /; echo ---; ls -A /sys /srv /mnt /home"
    )
    status, output = await sandboxes.run_shell(script)
    assert status == 0
    visible, top_level, empty = output.split("---\n")
    assert visible == ""
    host_lib_dirs = {name for name in TOP_LEVEL_LIB_DIRS if os.path.lexists(f"/{name}")}
    expected = {
        ".hopx",
        "dev",
        "etc",
        "home",
        "media",
        "mnt",
        "opt",
        "proc",
        "root",
        "run",
        "srv",
        "sys",
        "tmp",
        "usr",
        "var",
        "workspace",
    }
    assert set(top_level.split()) == expected | host_lib_dirs
    assert empty.split() == ["/home:", "user", "/mnt:", "/srv:", "/sys:"]


async def test_the_system_is_writable_and_writes_stay_in_the_sandbox(sandboxes: Sandboxes) -> None:
    script = (
        "for path in /usr/local/bin/hopx-probe /etc/hopx-probe /hopx-probe /opt/hopx-probe "
        "/root/hopx-probe /workspace/probe /tmp/probe /home/user/probe /run/hopx/probe; do "
        '  echo ok > "$path" && echo "wrote $path"; '
        "done; echo 1.2.3.4 probe >> /etc/hosts; grep -c probe /etc/hosts; pwd"
    )
    status, output = await sandboxes.run_shell(script)
    assert status == 0, output
    assert output.count("wrote") == 9
    assert output.splitlines()[-2:] == ["1", "/workspace"]
    spec = next(iter(sandboxes.specs.values()))
    paths = SandboxPaths(spec.root_dir)
    for host_dir in (paths.workspace, paths.tmp, paths.home, paths.run):
        probe = host_dir / "probe"
        assert probe.read_text() == "ok\n"
        assert (probe.stat().st_uid, probe.stat().st_gid) == (spec.uid, spec.uid)
    upper = paths.disk / "upper"
    assert (upper / "usr/local/bin/hopx-probe").stat().st_uid == spec.uid
    assert (upper / "root/etc/hopx-probe").read_text() == "ok\n"
    for host_path in ("/usr/local/bin/hopx-probe", "/etc/hopx-probe", "/hopx-probe"):
        assert not Path(host_path).exists()
    assert "probe" not in Path("/etc/hosts").read_text()

    status, output = await sandboxes.run_shell(
        "ls /usr/local/bin/hopx-probe /etc/hopx-probe /opt/hopx-probe 2>&1; "
        "grep -c probe /etc/hosts"
    )
    assert output.count("No such file") == 3, output  # another sandbox: its own layers
    assert output.splitlines()[-1] == "0"


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
        "HOME": "/root",
        "USER": "root",
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
