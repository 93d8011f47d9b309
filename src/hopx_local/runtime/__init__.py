"""Sandbox isolation for hopx-local: whole machines (root filesystem, root inside) on bubblewrap.

Public interface (the control plane codes against this and nothing deeper)::

    from hopx_local.runtime import Runtime, SandboxSpec, allocate_uid

    runtime = Runtime()                       # cgroup_root_name="hopx-local"
    problems = runtime.missing_host_dependencies()   # [] when the host is usable
    await runtime.stop_orphans()              # once at serve start
    uid = allocate_uid(used_uids)             # from UID_RANGE, no /etc/passwd entry needed
    spec = SandboxSpec(sandbox_id="sbx_...", root_dir=data_dir / "sandboxes" / sid, uid=uid,
                       memory_mb=512, pids_max=256, vcpu=1.0, internet_access=False,
                       env={"PYTHONPATH": "/.hopx/src:/.hopx/site-packages"},
                       command=["/usr/bin/python3", "-m", "hopx_local.agent",
                                "--socket-fd", str(agent_listener.fileno())],
                       pass_fds=(agent_listener.fileno(),),
                       extra_ro_binds=[(src_dir, "/.hopx/src"),
                                       (site_packages, "/.hopx/site-packages")])
    paths = prepare_root_dir(spec.root_dir, spec.uid)   # optional: start() does it too
    write_sandbox_file(paths.run / "token.key", secret, uid=spec.uid, mode=0o400)
    process = await runtime.start(spec)       # returns once the sandbox is set up and running
    # agent_listener: bound by the host at paths.agent_socket (root_dir/agent.sock, host only)
    await process.wait()                      # exit status; negative = killed by that signal
    await runtime.pause(sid); await runtime.resume(sid)
    reader, writer = await runtime.open_connection_in_sandbox(sid, 8080)  # preview proxy
    runtime.usage(sid)                        # ResourceUsage(memory_bytes, ..., pids)
    await runtime.set_network_policy(sid, EgressPolicy.parse(allow_out=["example.com"]))
    runtime.network_policy(sid)               # the policy in force (egress_policy.py)
    await runtime.stop(sid)                   # processes gone, files + cgroups kept
    await runtime.destroy(sid, spec.root_dir) # processes, cgroups and files gone
    await runtime.close()                     # at shutdown: stop what this runtime started

With internet_access, a sandbox reaches public addresses only, through an egress namespace of
its own (egress.py: veth, nftables, DNS forwarder, slirp4netns), narrowed by
``SandboxSpec.network_policy``; ``Runtime(dns_upstreams=[...])`` picks the resolvers its DNS
forwarders ask (default: the host's).

Calls for one sandbox must not overlap (the control plane serializes them per sandbox). Use
the Runtime from one long-lived event loop thread: sandboxes die with the thread (and so the
process) that started them (bwrap --die-with-parent).

Layout of ``root_dir`` on the host (root_dir itself is root-owned, mode 0700)::

    disk/       the sandbox's disk: upper/<tree>/ + work/<tree>/ (its writable layers),
                workspace/ -> /workspace    tmp/ -> /tmp    home/ -> /home/user
    run/ -> /run/hopx           token (hopx-local's own; deleted once read)
    agent.sock                  the agent's unix socket (host only; the agent gets its fd)
    sandbox.log                 stdout+stderr of the sandbox command, appended (host only)
    network.log                 output of slirp4netns (host only)
    resolv.conf                 /etc/resolv.conf inside when internet_access (host only)

While it runs, its mounts (layers, overlays, binds) live below /run/hopx-local/<runtime>/<id>
(see ``stage``).

Inside a sandbox: uid = gid = 0 of its own user namespace (the host sees spec.uid, see
``userns``), the capabilities of ``bwrap.SANDBOX_CAPABILITIES``, no_new_privs, the default
seccomp filter (seccomp.py: no new namespaces, bpf, perf, keyring, modules...), own
pid/ipc/uts/mount (and cgroup) namespaces, a network namespace owned by the host, hostname
``sandbox``, a writable root filesystem (``rootfs``), cwd /workspace, a clean environment
(HOME=/root USER=root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LANG=C.UTF-8 + spec.env; bwrap adds PWD). pids_max counts threads, and 2-3 helper tasks of the
runtime (bwrap, its pid 1, slirp4netns) count against it.
"""

from hopx_local.runtime.errors import (
    HostDependencyError,
    InvalidSandboxSpecError,
    SandboxNotFoundError,
    SandboxRuntimeError,
    SandboxStartError,
)
from hopx_local.runtime.paths import SandboxPaths, prepare_root_dir, write_sandbox_file
from hopx_local.runtime.runtime import Runtime, SandboxProcess
from hopx_local.runtime.spec import ResourceUsage, RootfsTree, SandboxSpec
from hopx_local.runtime.uids import UID_RANGE, allocate_uid

__all__ = [
    "UID_RANGE",
    "HostDependencyError",
    "InvalidSandboxSpecError",
    "ResourceUsage",
    "RootfsTree",
    "Runtime",
    "SandboxNotFoundError",
    "SandboxPaths",
    "SandboxProcess",
    "SandboxRuntimeError",
    "SandboxSpec",
    "SandboxStartError",
    "allocate_uid",
    "prepare_root_dir",
    "write_sandbox_file",
]
