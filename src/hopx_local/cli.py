"""``hopx-local``: run the local HopX control plane.

    hopx-local serve [--host 127.0.0.1] [--port 8100] [--data-dir DIR] [--api-key KEY ...]
                     [--ready-file PATH] [--max-sandboxes N] [--warm-pool N] [--log-level info]
                     [--one-port] [--ray ADDRESS|auto [--ray-node-resource NAME]]
                     [--header-timeout SECONDS]
    hopx-local api-key [--data-dir DIR]

With no ``--api-key`` the server uses the key stored in the data directory, creating one on
first start, and prints the two lines to paste into a shell (HOPX_BASE_URL, HOPX_API_KEY). The
key itself is printed only to a terminal: when stdout is a file or a pipe (a server log), the
line says where to get it instead (``hopx-local api-key`` prints the stored key), and every log
line has credentials redacted. One server per data directory: a second ``serve`` on the same
``--data-dir`` exits with status 4, naming the running server's pid and address.
``--ready-file`` receives ``{"base_url", "api_key", "pid", "data_dir"}`` as JSON once the
server answers requests (for scripts; removed again at shutdown). SIGTERM or Ctrl-C stops it:
running sandboxes are stopped, their records and files are kept for the next start.
``--warm-pool N`` (default 2) keeps N sandboxes started ahead per pooled template and
internet_access setting; a matching create takes one (milliseconds instead of ~0.4 s).
``--one-port`` serves every sandbox's agent through the server's own port
(``public_host`` = ``<base url>/agent/<id>``); ``--ray`` places sandboxes on the nodes of a
Ray cluster (one port implied; the README's "Past one machine" says how).
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import json
import logging
import os
import re
import resource
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hopx_local.data_dir_lock import DataDirLock
    from hopx_local.runtime import Runtime

EXIT_USAGE = 2
EXIT_HOST = 3
EXIT_DATA_DIR_IN_USE = 4


def _parser() -> argparse.ArgumentParser:
    from hopx_local.control.config import DATA_DIR_ENV, DEFAULT_PORT, DEFAULT_WARM_POOL
    from hopx_local.http_guard import DEFAULT_HEADER_TIMEOUT, DEFAULT_MAX_CONNECTIONS

    parser = argparse.ArgumentParser(
        prog="hopx-local", description="HopX control plane and sandboxes on this machine."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = commands.add_parser("serve", help="run the control plane (needs root)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (loopback only)")
    serve.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help="port to bind; 0 picks a free one"
    )
    serve.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"state and sandbox files (default ${DATA_DIR_ENV} or ~/.local/share/hopx-local)",
    )
    serve.add_argument(
        "--api-key",
        action="append",
        default=[],
        metavar="KEY",
        help="accept this API key (repeatable); default: the stored key, created on first run",
    )
    serve.add_argument(
        "--ready-file", type=Path, default=None, help="write base URL and key here once ready"
    )
    serve.add_argument(
        "--max-sandboxes",
        type=int,
        default=100,
        help="sandboxes that may exist at once (warm-pool sandboxes are not counted)",
    )
    serve.add_argument(
        "--warm-pool",
        type=int,
        default=DEFAULT_WARM_POOL,
        metavar="N",
        help=(
            "keep N started sandboxes ready per template (base, code-interpreter) and "
            "internet_access setting, so a matching create is served at once; they are extra to "
            f"--max-sandboxes, hold no user data and are destroyed at shutdown; 0 disables "
            f"(default {DEFAULT_WARM_POOL})"
        ),
    )
    serve.add_argument(
        "--disk-mb",
        type=int,
        default=None,
        metavar="MIB",
        help="limit every sandbox's disk to MIB (default: its template's disk size)",
    )
    serve.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a non-loopback --host (sandbox agent ports stay on loopback)",
    )
    serve.add_argument(
        "--one-port",
        action="store_true",
        help="reach sandbox agents through this server's port (public_host <url>/agent/<id>)",
    )
    serve.add_argument(
        "--public-domain",
        metavar="DOMAIN",
        default=None,
        help="serve sandboxes on host names {port}-{id}.DOMAIN (a wildcard DNS name of this "
        "server), as the public service does; public_host becomes 7777-<id>.DOMAIN",
    )
    serve.add_argument(
        "--ray",
        metavar="ADDRESS",
        default=None,
        help="run sandboxes on the nodes of this Ray cluster ('auto': the one on this machine); "
        "implies --one-port (needs the 'ray' extra)",
    )
    serve.add_argument(
        "--ray-node-resource",
        metavar="NAME",
        default=None,
        help="with --ray: only nodes offering this Ray resource run sandboxes (default: all)",
    )
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    serve.add_argument("--access-log", action="store_true", help="log every request")
    serve.add_argument(
        "--header-timeout",
        type=float,
        default=DEFAULT_HEADER_TIMEOUT,
        metavar="SECONDS",
        help="close connections whose request headers are not complete within this time "
        f"(default {DEFAULT_HEADER_TIMEOUT:g})",
    )
    serve.add_argument(
        "--sandbox-memory-mb",
        type=int,
        default=None,
        metavar="MIB",
        help="memory all sandboxes may use together (default: the host's, less "
        "max(1 GiB, 10 %%) for the server and the rest of the machine)",
    )
    serve.add_argument(
        "--sandbox-pids",
        type=int,
        default=None,
        metavar="N",
        help="tasks all sandboxes may run together (default: pid_max less max(2048, 25 %%))",
    )
    serve.add_argument(
        "--cgroup-root",
        default="hopx-local",
        metavar="NAME",
        help="name of the parent cgroup of all sandboxes (default hopx-local)",
    )
    serve.add_argument(
        "--max-connections",
        type=int,
        default=DEFAULT_MAX_CONNECTIONS,
        metavar="N",
        help="open connections at most; beyond, the oldest one still sending its headers is "
        f"closed (default {DEFAULT_MAX_CONNECTIONS})",
    )
    serve.add_argument(
        "--template-builder",
        choices=["on", "off"],
        default="on",
        help="build templates (buildTemplate and its operations); off: answer them 501",
    )
    serve.add_argument(
        "--fork-agents",
        choices=["on", "off"],
        default="on",
        help="start built-in templates' agents as forks of a fork server that imported the "
        "agent once (fast creates, shared memory; default); off: a fresh Python per sandbox",
    )
    serve.add_argument(
        "--registry-mirror",
        default=None,
        metavar="HOST[:PORT]",
        help="registry serving Docker Hub's images to template builds (a mirror, for machines "
        "without Docker Hub)",
    )
    serve.add_argument(
        "--insecure-registry",
        action="append",
        default=[],
        metavar="HOST[:PORT]",
        help="a registry reached over plain HTTP (loopback ones always are); repeatable",
    )
    serve.add_argument(
        "--max-upload-mb",
        type=int,
        default=2048,
        metavar="MIB",
        help="largest COPY archive a template build may upload (default 2048)",
    )
    show_key = commands.add_parser("api-key", help="print the API key stored in the data dir")
    show_key.add_argument("--data-dir", type=Path, default=None)
    show_key.add_argument("--log-level", default="warning", help=argparse.SUPPRESS)
    return parser


def _fail(code: int, message: str) -> int:
    print(f"hopx-local: {message}", file=sys.stderr)
    return code


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP: asyncio enables TCP_NODELAY only on sockets that say they are TCP.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(1024)
    return sock


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", "::"):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def _write_ready_file(path: Path, content: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as file:
        json.dump(content, file)
    temporary.replace(path)


def _raise_descriptor_limit() -> None:
    """Soft RLIMIT_NOFILE up to the hard one: connections, sandboxes and their pipes share it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def _api_key_line(key: str) -> str:
    """The key only on a terminal; a log file gets where to find it instead."""
    if sys.stdout.isatty():
        return f"  export HOPX_API_KEY={key}"
    return (
        "  export HOPX_API_KEY=...  (not printed: stdout is not a terminal; "
        "`hopx-local api-key --data-dir DIR` prints it, or read it from --ready-file)"
    )


def show_api_key(args: argparse.Namespace) -> int:
    from hopx_local.control.config import default_data_dir
    from hopx_local.control.store import Store

    data_dir: Path = (args.data_dir or default_data_dir()).expanduser().resolve()
    if not (data_dir / "state.sqlite3").is_file():
        return _fail(EXIT_USAGE, f"no hopx-local data in {data_dir} (start `hopx-local serve`)")
    store = Store(data_dir / "state.sqlite3")
    try:
        keys = store.api_keys()
    finally:
        store.close()
    if not keys:
        return _fail(EXIT_USAGE, f"no API key stored in {data_dir}")
    print(keys[0])
    return 0


def serve(args: argparse.Namespace) -> int:
    from hopx_local.control.config import default_data_dir
    from hopx_local.data_dir_lock import DataDirInUseError, DataDirLock
    from hopx_local.runtime import Runtime

    if not _is_loopback(args.host) and not args.allow_remote:
        return _fail(
            EXIT_USAGE,
            f"refusing to listen on {args.host}: hopx-local runs code for whoever holds the "
            "API key; use a loopback address, or pass --allow-remote if you mean it.",
        )
    if not 0 <= args.port <= 65535:
        return _fail(EXIT_USAGE, f"--port {args.port} is not a port number (0..65535)")
    if args.max_sandboxes < 1:
        return _fail(EXIT_USAGE, "--max-sandboxes must be at least 1")
    if args.warm_pool < 0:
        return _fail(EXIT_USAGE, "--warm-pool must be 0 (no pool) or more")
    if not 0 < args.header_timeout <= 3600:
        return _fail(EXIT_USAGE, "--header-timeout must be more than 0 and at most 3600 seconds")
    if args.max_connections < 16:
        return _fail(EXIT_USAGE, "--max-connections must be at least 16")
    if args.sandbox_memory_mb is not None and args.sandbox_memory_mb < 256:
        return _fail(EXIT_USAGE, "--sandbox-memory-mb must be at least 256")
    if args.sandbox_pids is not None and args.sandbox_pids < 64:
        return _fail(EXIT_USAGE, "--sandbox-pids must be at least 64")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", args.cgroup_root):
        return _fail(EXIT_USAGE, "--cgroup-root must be a plain name (letters, digits, _.-)")
    if args.disk_mb is not None and args.disk_mb < 16:
        return _fail(EXIT_USAGE, "--disk-mb must be at least 16 (MiB)")

    runtime = Runtime(args.cgroup_root)
    missing = [] if args.ray else runtime.missing_host_dependencies()
    if missing:
        lines = "\n".join(f"  - {problem}" for problem in missing)
        return _fail(EXIT_HOST, f"this host cannot run sandboxes yet:\n{lines}")

    data_dir: Path = (args.data_dir or default_data_dir()).expanduser().resolve()
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = DataDirLock(data_dir)
    try:
        lock.acquire()
    except DataDirInUseError as exc:
        return _fail(EXIT_DATA_DIR_IN_USE, str(exc))
    try:
        return _serve_locked(args, data_dir, lock, runtime)
    finally:
        lock.release()


def _serve_locked(
    args: argparse.Namespace, data_dir: Path, lock: DataDirLock, runtime: Runtime
) -> int:
    from hopx_local import log_hygiene
    from hopx_local.control.app import ControlPlane
    from hopx_local.control.auth import new_api_key
    from hopx_local.control.config import ControlPlaneConfig
    from hopx_local.control.server import run as run_server
    from hopx_local.control.store import Store
    from hopx_local.control.timeutil import now_us
    from hopx_local.http_guard import HeaderLimits

    store = Store(data_dir / "state.sqlite3")
    keys: list[str] = list(args.api_key) or store.api_keys()
    if not keys:
        keys = [new_api_key()]
        store.add_api_key(keys[0], now_us())
    log_hygiene.install(keys)
    _raise_descriptor_limit()

    try:
        listener = _bind(args.host, args.port)
    except OSError as exc:
        store.close()
        return _fail(EXIT_USAGE, f"cannot listen on {args.host}:{args.port}: {exc.strerror}")
    port = listener.getsockname()[1]
    base_url = f"http://{_url_host(args.host)}:{port}"
    lock.describe(base_url=base_url)
    config = ControlPlaneConfig(
        data_dir=data_dir,
        base_url=base_url,
        max_sandboxes=args.max_sandboxes,
        warm_pool=args.warm_pool,
        sandbox_memory_mb=args.sandbox_memory_mb,
        sandbox_pids=args.sandbox_pids,
        one_port=args.one_port or args.ray is not None,
        public_domain=args.public_domain,
        disk_mb_limit=args.disk_mb,
        template_builder=args.template_builder == "on",
        fork_agents=args.fork_agents == "on",
        registry_mirror=args.registry_mirror,
        insecure_registries=tuple(args.insecure_registry),
        max_upload_bytes=args.max_upload_mb * 1024 * 1024,
    )
    backend = runtime if args.ray is None else _ray_backend(args, config)
    if backend is None:
        return _fail(EXIT_USAGE, "--ray needs the 'ray' extra: pip install 'hopx-ai[ray]'")
    plane = ControlPlane(config, store, backend, keys)

    def announce() -> None:
        print(f"hopx-local is serving on {base_url} (data in {data_dir})", flush=True)
        print("Paste into a shell to use it:", flush=True)
        print(f"  export HOPX_BASE_URL={base_url}", flush=True)
        print(_api_key_line(keys[0]), flush=True)
        if args.ready_file is not None:
            _write_ready_file(
                args.ready_file,
                {
                    "base_url": base_url,
                    "api_key": keys[0],
                    "pid": os.getpid(),
                    "data_dir": str(data_dir),
                },
            )

    try:
        ready = run_server(
            plane.asgi(),
            listener,
            on_ready=announce,
            log_level=args.log_level,
            access_log=args.access_log,
            limits=HeaderLimits(
                header_timeout=args.header_timeout, max_connections=args.max_connections
            ),
        )
    finally:
        if args.ready_file is not None:
            with contextlib.suppress(OSError):
                args.ready_file.unlink()
        store.close()
    return 0 if ready else 1


def _ray_backend(args: argparse.Namespace, config: Any) -> Any:
    """The Ray cluster's backend (connected), or None when ray is not installed."""
    import importlib.util

    if importlib.util.find_spec("ray") is None:
        return None
    from hopx_local.control.backends import ray as ray_backend

    ray_backend.connect(args.ray)
    return ray_backend.RayBackend(config, node_resource=args.ray_node_resource)


LOCAL_EXTRA_MODULES = frozenset(
    {"starlette", "uvicorn", "httptools", "multipart", "python_multipart", "yaml"}
    | {"jupyter_client", "ipykernel", "matplotlib", "pandas"}
)
"""Top-level modules of the ``local`` extra: without them hopx-local cannot run."""


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except ModuleNotFoundError as missing:
        if (missing.name or "").partition(".")[0] not in LOCAL_EXTRA_MODULES:
            raise
        return _fail(
            EXIT_USAGE,
            f"the server's dependencies are not installed (no module {missing.name!r}): "
            "install hopx-ai[local]:  pip install 'hopx-ai[local]'",
        )


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=getattr(logging, args.log_level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.command == "serve":
        return serve(args)
    if args.command == "api-key":
        return show_api_key(args)
    return _fail(EXIT_USAGE, f"unknown command {args.command}")


if __name__ == "__main__":
    sys.exit(main())
