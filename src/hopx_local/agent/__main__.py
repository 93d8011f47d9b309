"""``python -m hopx_local.agent --socket PATH | --socket-fd N ...``: the in-sandbox agent."""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import sys
from dataclasses import replace
from pathlib import Path

from .config import AgentConfig

AGENT_MAX_CONNECTIONS = 512


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m hopx_local.agent",
        description="Serve the HopX VM agent API (openapi/vm-agent.yaml) on a unix socket.",
    )
    unix = parser.add_mutually_exclusive_group(required=True)
    unix.add_argument("--socket", help="unix socket path to listen on")
    unix.add_argument(
        "--socket-fd",
        type=int,
        help="an inherited listening unix socket to serve (bound by the control plane outside "
        "the sandbox's file system, so sandboxed code cannot connect to it)",
    )
    parser.add_argument(
        "--listen-fd",
        type=int,
        default=None,
        help="an inherited listening TCP socket to serve too (the sandbox's loopback port)",
    )
    parser.add_argument(
        "--template", choices=["code-interpreter", "base", "desktop"], default="code-interpreter"
    )
    parser.add_argument("--workspace", default="/workspace", help="default working directory")
    parser.add_argument(
        "--allowed-root",
        action="append",
        default=None,
        help="directory the Files API may touch (repeatable; default /, the whole machine)",
    )
    parser.add_argument("--key-file", default=None, help="HS256 secret of the sandbox's tokens")
    parser.add_argument(
        "--remove-key-file",
        action="store_true",
        help="delete --key-file once read (in a sandbox: user code never finds the secret)",
    )
    parser.add_argument("--sandbox-id", default=os.environ.get("HOPX_SANDBOX_ID", "local"))
    parser.add_argument("--cache-dir", default=None, help="agent caches (default $HOME/.cache)")
    parser.add_argument(
        "--spec-cache",
        default=os.environ.get("HOPX_SPEC_CACHE"),
        help="directory holding (or receiving) the parsed JSON copy of vm-agent.yaml",
    )
    parser.add_argument(
        "--kernel-start",
        choices=["lazy", "background"],
        default="lazy",
        help="start the Jupyter kernel on first use (lazy) or right after startup",
    )
    parser.add_argument("--log-level", default="warning")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    config = AgentConfig(
        sandbox_id=args.sandbox_id,
        template=args.template,
        workspace=Path(args.workspace),
        key_file=Path(args.key_file) if args.key_file else None,
        kernel_start=args.kernel_start,
    )
    if args.allowed_root:
        config = replace(config, allowed_roots=tuple(Path(p) for p in args.allowed_root))
    if args.cache_dir:
        config = replace(config, cache_dir=Path(args.cache_dir))
    if config.key_file is None:
        print("hopx agent: no --key-file, requests are NOT authenticated", file=sys.stderr)

    import uvicorn

    from hopx_local.http_guard import HeaderLimits, guarded_httptools_protocol

    from .app import build_app
    from .service import Agent

    header_limits = HeaderLimits(max_connections=AGENT_MAX_CONNECTIONS)
    agent = Agent(config)
    if args.remove_key_file and config.key_file is not None:
        with contextlib.suppress(OSError):
            config.key_file.unlink()
        # Nor in this process's memory: /proc/<agent>/mem and environ need CAP_SYS_PTRACE,
        # which user code (root of the sandbox) does not hold.
        _not_dumpable()
    app = build_app(
        agent,
        socket_path=args.socket or "",
        spec_cache=Path(args.spec_cache) if args.spec_cache else None,
    )
    if args.socket_fd is not None:
        sockets = [inherited_listener(args.socket_fd)]
    else:
        with_stale_socket_removed(args.socket)
        sockets = [unix_listener(args.socket)]
    if args.listen_fd is not None:
        sockets.append(inherited_listener(args.listen_fd))
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            lifespan="on",
            log_level=args.log_level,
            ws="websockets",
            http=(
                "h11"
                if os.environ.get("HOPX_AGENT_HTTP") == "h11"
                else guarded_httptools_protocol(header_limits)
            ),
            h11_max_incomplete_event_size=header_limits.max_header_bytes,
            access_log=False,
            server_header=False,
            date_header=False,
            ws_max_size=64 * 1024 * 1024,
            timeout_graceful_shutdown=3,
        )
    )
    server.run(sockets=sockets)


def _not_dumpable() -> None:
    import ctypes

    pr_set_dumpable = 4
    ctypes.CDLL(None).prctl(pr_set_dumpable, 0, 0, 0, 0)


def unix_listener(path: str) -> socket.socket:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    os.chmod(path, 0o666)
    listener.listen(2048)
    return listener


def inherited_listener(fd: int) -> socket.socket:
    """A listening socket the control plane bound on the host: the loopback port, in the
    host's network namespace (clients reach the agent without a relay in between), or the
    unix socket only the control plane reaches. Not inherited further: user code must not
    be able to accept this sandbox's connections."""
    listener = socket.socket(fileno=fd)  # family, type and protocol read from the descriptor
    listener.set_inheritable(False)
    return listener


def with_stale_socket_removed(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


if __name__ == "__main__":
    main()
