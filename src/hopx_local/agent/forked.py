"""The agent as a fork of its fork server (see ``hopx_local.runtime.forkserver``).

``PRELOAD`` is what the fork server of each agent flavour imports once, so a forked agent
imports (almost) nothing more: its pages are the server's, shared copy-on-write. :func:`main`
is the entry point the fork runs once inside the sandbox.
"""

from __future__ import annotations

from pathlib import Path

_COMMON = (
    "hopx_local.agent.__main__",
    "hopx_local.agent.app",
    "hopx_local.agent.service",
    "hopx_local.agent.http_api",
    "hopx_local.agent.ws_api",
    "hopx_local.agent.watch",
    "hopx_local.agent.callbacks",
    "hopx_local.http_guard",
    "httpx",
    "uvicorn",
    "uvicorn.config",
    "uvicorn.server",
    "uvicorn.main",
    "uvicorn.lifespan.on",
    "uvicorn.loops.asyncio",
    "uvicorn.loops.auto",
    "uvicorn.protocols.http.auto",
    "uvicorn.protocols.http.h11_impl",
    "uvicorn.protocols.http.httptools_impl",
    "uvicorn.protocols.websockets.auto",
    "uvicorn.protocols.websockets.websockets_impl",
    "websockets.legacy.server",
    "encodings.idna",
)
PRELOAD: dict[str, tuple[str, ...]] = {
    "base": _COMMON,
    "code-interpreter": (
        *_COMMON,
        "hopx_local.agent.kernel",
        "jupyter_client.manager",
        "jupyter_client.kernelspec",
        "jupyter_client.session",
    ),
    "desktop": (*_COMMON, "hopx_local.agent.desktop", "hopx_local.agent.desktop.startup"),
}


def warm_up() -> None:
    """In the fork server, once: parse the spec and build the app once (filling the caches a
    fresh agent would fill: compiled route patterns, lazily imported modules)."""
    import tempfile

    from hopx_local.agent.app import build_app, preload_spec
    from hopx_local.agent.config import AgentConfig
    from hopx_local.agent.service import Agent

    preload_spec()
    with tempfile.TemporaryDirectory(prefix="hopx-warm-up-") as scratch:
        folder = Path(scratch)
        config = AgentConfig(
            sandbox_id="warm-up", template="base", workspace=folder, home=folder, cache_dir=folder
        )
        build_app(Agent(config, environ={}))


def main(argv: list[str]) -> None:
    """Serve as ``python -m hopx_local.agent`` would, once moved into the sandbox."""
    from hopx_local import specs

    # Computed at import time in the fork server, from its (host) paths.
    here = Path(specs.__file__)
    specs._PACKAGED = here.parent / "openapi"
    specs._REPOSITORY = here.parents[2] / "openapi"
    from hopx_local.agent.__main__ import main as agent_main

    agent_main(argv)
