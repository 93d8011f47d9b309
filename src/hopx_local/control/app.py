"""The control plane as one ASGI app: spec routes + preview proxy, with a lifespan that
recovers state and starts filling the warm pool at start, and stops sandboxes at shutdown."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence

from starlette.types import ASGIApp

from hopx_local.control.api import ControlPlaneApi
from hopx_local.control.auth import ApiKeyAuthenticator
from hopx_local.control.backend import Backend
from hopx_local.control.backends.local import LocalBackend
from hopx_local.control.builds import BuildService
from hopx_local.control.builds_api import BuildsApi
from hopx_local.control.catalog import BUILTIN_TEMPLATES, Catalog
from hopx_local.control.config import ControlPlaneConfig
from hopx_local.control.host_routing import HostRouting
from hopx_local.control.preview import PreviewProxy
from hopx_local.control.sandboxes import POOLED_TEMPLATES, SandboxManager
from hopx_local.control.store import Store
from hopx_local.control.vnc_websocket import VncWebSocket
from hopx_local.runtime import Runtime
from hopx_local.spec_server import SpecApp
from hopx_local.specs import load_spec, spec_path

MAX_JSON_BYTES = 1024 * 1024


class ControlPlane:
    """Owns the store, the backend and the sandbox manager of one server process.

    ``backend`` runs the sandboxes; given a Runtime instead, it is a LocalBackend on it.
    """

    def __init__(
        self,
        config: ControlPlaneConfig,
        store: Store,
        runtime: Runtime | Backend,
        api_keys: Sequence[str],
    ) -> None:
        self.config = config
        self.store = store
        self.backend: Backend = (
            LocalBackend(config, runtime) if isinstance(runtime, Runtime) else runtime
        )
        store.save_builtin_templates(BUILTIN_TEMPLATES)
        self.catalog = Catalog(tuple(store.templates()))
        pooled = (self.catalog.by_name(name) for name in POOLED_TEMPLATES)
        self.manager = SandboxManager(
            config, store, self.backend, [template for template in pooled if template is not None]
        )
        self.authenticator = ApiKeyAuthenticator(api_keys)
        self.preview = PreviewProxy(self.manager, self.authenticator.accepts)
        self.builds = BuildService(config, store, self.catalog, self.manager)
        self.builds_api = BuildsApi(self.builds, self.catalog)
        self.api = ControlPlaneApi(
            config, self.manager, self.catalog, self.builds_api if config.template_builder else None
        )

    def asgi(self) -> ASGIApp:
        document = load_spec(spec_path("control-plane"), self.config.spec_cache_dir)
        # Parsed once here, so every agent starts from the JSON copy instead of the YAML.
        load_spec(spec_path("vm-agent"), self.config.spec_cache_dir)
        spec_app = SpecApp(
            document,
            handlers=self.api.handlers(),
            error_style="nested",
            authenticate=self.authenticator,
            max_json_bytes=MAX_JSON_BYTES,
            extra_routes=[
                *self.preview.routes(),
                *VncWebSocket(self.manager).routes(),
                *(self.builds_api.routes() if self.config.template_builder else []),
            ],
        )
        app = spec_app.asgi(lifespan=self._lifespan)
        if self.config.public_domain:
            return HostRouting(app, self.config.public_domain)
        return app

    @contextlib.asynccontextmanager
    async def _lifespan(self, app: object) -> AsyncIterator[None]:
        self.config.sandboxes_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        await self.manager.recover()
        self.builds.recover()
        self.manager.start_pool()
        try:
            yield
        finally:
            await self.builds.close()
            await self.preview.close()
            await self.manager.close()
