"""``hopx-local``: run the local HopX control plane.

    hopx-local serve [--host 127.0.0.1] [--port 8100] [--data-dir DIR] [--api-key KEY ...]
                     [--ready-file PATH] [--max-sandboxes N] [--warm-pool N] [--log-level info]

With no ``--api-key`` the server uses the key stored in the data directory, creating one on
first start, and prints the two lines to paste into a shell (HOPX_BASE_URL, HOPX_API_KEY).
``--ready-file`` receives ``{"base_url", "api_key", "pid", "data_dir"}`` as JSON once the
server answers requests (for scripts; removed again at shutdown). SIGTERM or Ctrl-C stops it:
running sandboxes are stopped, their records and files are kept for the next start.
``--warm-pool N`` (default 2) keeps N sandboxes started ahead per pooled template and
internet_access setting; a matching create takes one (milliseconds instead of ~0.4 s).
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import json
import logging
import os
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXIT_USAGE = 2
EXIT_HOST = 3


def _parser() -> argparse.ArgumentParser:
    from hopx_local.control.config import DATA_DIR_ENV, DEFAULT_PORT, DEFAULT_WARM_POOL

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
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    serve.add_argument("--access-log", action="store_true", help="log every request")
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


def serve(args: argparse.Namespace) -> int:
    from hopx_local.control.app import ControlPlane
    from hopx_local.control.auth import new_api_key
    from hopx_local.control.config import ControlPlaneConfig, default_data_dir
    from hopx_local.control.server import run as run_server
    from hopx_local.control.store import Store
    from hopx_local.control.timeutil import now_us
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
    if args.disk_mb is not None and args.disk_mb < 16:
        return _fail(EXIT_USAGE, "--disk-mb must be at least 16 (MiB)")

    runtime = Runtime()
    missing = runtime.missing_host_dependencies()
    if missing:
        lines = "\n".join(f"  - {problem}" for problem in missing)
        return _fail(EXIT_HOST, f"this host cannot run sandboxes yet:\n{lines}")

    data_dir: Path = (args.data_dir or default_data_dir()).expanduser().resolve()
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    store = Store(data_dir / "state.sqlite3")
    keys: list[str] = list(args.api_key) or store.api_keys()
    if not keys:
        keys = [new_api_key()]
        store.add_api_key(keys[0], now_us())

    try:
        listener = _bind(args.host, args.port)
    except OSError as exc:
        return _fail(EXIT_USAGE, f"cannot listen on {args.host}:{args.port}: {exc.strerror}")
    port = listener.getsockname()[1]
    base_url = f"http://{_url_host(args.host)}:{port}"
    config = ControlPlaneConfig(
        data_dir=data_dir,
        base_url=base_url,
        max_sandboxes=args.max_sandboxes,
        warm_pool=args.warm_pool,
        disk_mb_limit=args.disk_mb,
    )
    plane = ControlPlane(config, store, runtime, keys)

    def announce() -> None:
        print(f"hopx-local is serving on {base_url} (data in {data_dir})", flush=True)
        print("Paste into a shell to use it:", flush=True)
        print(f"  export HOPX_BASE_URL={base_url}", flush=True)
        print(f"  export HOPX_API_KEY={keys[0]}", flush=True)
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
        )
    finally:
        if args.ready_file is not None:
            with contextlib.suppress(OSError):
                args.ready_file.unlink()
        store.close()
    return 0 if ready else 1


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=getattr(logging, args.log_level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.command == "serve":
        return serve(args)
    return _fail(EXIT_USAGE, f"unknown command {args.command}")


if __name__ == "__main__":
    sys.exit(main())
