"""Handlers of openapi/control-plane.yaml, by operationId (routing and validation: SpecApp)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from importlib import metadata
from typing import Any

from hopx_local.agent.exec_limits import MAX_ARG_STRLEN
from hopx_local.control import errors
from hopx_local.control.builds_api import BuildsApi
from hopx_local.control.catalog import Catalog, TemplateDefinition
from hopx_local.control.config import ControlPlaneConfig
from hopx_local.control.domain_errors import LifecycleError
from hopx_local.control.network_policy import policy_from_request
from hopx_local.control.sandboxes import SandboxManager
from hopx_local.control.store import SandboxRecord
from hopx_local.control.timeutil import now_us, rfc3339
from hopx_local.control.views import decode_cursor, encode_cursor, sandbox_json, token_json
from hopx_local.spec_server import ApiError, Call, Handler

ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
TEMPLATE_BUILDER_OPERATIONS = (
    "buildTemplate",
    "getTemplateBuildStatus",
    "getTemplateBuildLogs",
    "createTemplateUploadLink",
)


def _version() -> str:
    try:
        return metadata.version("hopx-ai")
    except metadata.PackageNotFoundError:
        return "0.0.0"


def _answering_domain_errors(handler: Handler) -> Handler:
    """The handler, with the lifecycle's domain errors answered as documented error bodies."""

    @functools.wraps(handler)
    async def answering(call: Call) -> Any:
        try:
            return await handler(call)
        except LifecycleError as error:
            raise errors.from_domain(error) from None

    return answering


class ControlPlaneApi:
    """Turns validated calls into manager actions and manager records into JSON."""

    def __init__(
        self,
        config: ControlPlaneConfig,
        manager: SandboxManager,
        catalog: Catalog,
        builds: BuildsApi | None = None,
    ) -> None:
        self.config = config
        self.manager = manager
        self.catalog = catalog
        self.builds = builds
        self.version = _version()

    def handlers(self) -> dict[str, Handler]:
        handlers: dict[str, Handler] = {
            "getHealth": self.get_health,
            "listSandboxes": self.list_sandboxes,
            "createSandbox": self.create_sandbox,
            "getSandbox": self.get_sandbox,
            "deleteSandbox": self.delete_sandbox,
            "pauseSandbox": self.pause_sandbox,
            "resumeSandbox": self.resume_sandbox,
            "startSandbox": self.start_sandbox,
            "stopSandbox": self.stop_sandbox,
            "setSandboxTimeout": self.set_sandbox_timeout,
            "updateSandboxNetwork": self.update_sandbox_network,
            "refreshSandboxToken": self.refresh_sandbox_token,
            "listTemplates": self.list_templates,
            "getTemplate": self.get_template,
            "deleteTemplate": self.delete_template,
        }
        for operation_id in TEMPLATE_BUILDER_OPERATIONS:
            handlers[operation_id] = self.template_builder_not_implemented
        if self.builds is not None:
            handlers.update(self.builds.handlers())
        return {operation_id: _answering_domain_errors(h) for operation_id, h in handlers.items()}

    def _sandbox(
        self, record: SandboxRecord, call: Call, token: tuple[str, int] | None = None
    ) -> dict[str, Any]:
        return sandbox_json(
            record,
            base_url=self.config.base_url,
            relay_host=self.config.relay_host,
            request_id=call.request_id,
            token=token,
            one_port=self.config.one_port,
            public_domain=self.config.public_domain,
        )

    # ------------------------------------------------------------------ health
    async def get_health(self, call: Call) -> dict[str, Any]:
        health: dict[str, Any] = {
            "status": "healthy",
            "version": self.version,
            "time": rfc3339(now_us()),
        }
        nodes = [node for node in await self.manager.backend.capacity() if node.alive]
        if nodes and all(node.memory_mb_limit is not None for node in nodes):
            health["capacity"] = {  # hopx-local extension (HostCapacity)
                "sandboxes": sum(node.sandboxes for node in nodes),
                "memory_mb_limit": sum(node.memory_mb_limit or 0 for node in nodes),
                "memory_mb_used": sum(node.memory_mb_used or 0 for node in nodes),
                "pids_limit": sum(node.pids_limit or 0 for node in nodes),
                "pids_used": sum(node.pids_used or 0 for node in nodes),
            }
        return health

    # --------------------------------------------------------------- sandboxes
    async def list_sandboxes(self, call: Call) -> dict[str, Any]:
        limit: int = call.query["limit"]
        after = None
        cursor = call.query.get("cursor")
        if cursor is not None:
            after = decode_cursor(cursor)
            if after is None:
                raise errors.validation_error(
                    "cursor",
                    "Invalid query parameter 'cursor': not a cursor from this server; pass the "
                    "next_cursor of the previous page unchanged.",
                    location="query",
                )
        records = self.manager.store.sandbox_page(
            limit=limit + 1,
            status=call.query.get("status"),
            region=call.query.get("region"),
            after=after,
        )
        has_more = len(records) > limit
        page = records[:limit]
        return {
            "object": "list",
            "url": "/v1/sandboxes",
            "data": [self._sandbox(record, call) for record in page],
            "has_more": has_more,
            "next_cursor": encode_cursor(page[-1]) if has_more else None,
            "request_id": call.request_id,
        }

    async def create_sandbox(self, call: Call) -> dict[str, Any]:
        body: Mapping[str, Any] = call.body or {}
        template = self._template_for_create(body)
        env_vars: dict[str, str] = dict(body.get("env_vars") or {})
        for name in env_vars:
            if not ENV_NAME.match(name):
                raise errors.validation_error(
                    f"env_vars.{name}",
                    f"Invalid field 'env_vars': '{name}' is not a valid variable name "
                    f"(it must match {ENV_NAME.pattern}).",
                )
            if "\0" in env_vars[name]:
                raise errors.validation_error(
                    f"env_vars.{name}",
                    f"Invalid field 'env_vars': the value of '{name}' contains a NUL character.",
                )
            size = len(f"{name}={env_vars[name]}".encode()) + 1
            if size > MAX_ARG_STRLEN:
                raise errors.validation_error(
                    f"env_vars.{name}",
                    f"Invalid field 'env_vars': '{name}' is {size - 1} bytes with its name; one "
                    f"variable may be {MAX_ARG_STRLEN - 1} (Linux's limit); put large data in "
                    "a file instead.",
                )
        record = await self.manager.create(
            template=template,
            env_vars=env_vars,
            internet_access=bool(body.get("internet_access", True)),
            timeout_seconds=body.get("timeout_seconds"),
            network=policy_from_request(body.get("network"), prefix="network."),
        )
        if self.builds is not None and template.start_cmd:
            try:
                await self.builds.service.start_sandbox(record, template)
            except BaseException:
                await self.manager.delete(record.id)
                raise
        return self._sandbox(record, call, token=self.manager.issue_token(record.id))

    def _template_for_create(self, body: Mapping[str, Any]) -> TemplateDefinition:
        template = self._template_named_for_create(body)
        if template.status != "active":
            raise ApiError(
                409,
                "conflict",
                f"Template '{template.name}' is still being built (status {template.status}); "
                "create sandboxes from it once its build succeeded.",
                {"resource": "template", "name": template.name, "status": template.status},
            )
        return template

    def _template_named_for_create(self, body: Mapping[str, Any]) -> TemplateDefinition:
        template_id = body.get("template_id")
        if template_id is not None:
            found = self.catalog.by_id(str(template_id))
            if found is None:
                raise errors.template_not_found(
                    str(template_id), self.catalog.names(), field="template_id"
                )
            return found
        name = body.get("template_name")
        if name is not None:
            found = self.catalog.by_name(name)
            if found is None:
                raise errors.template_not_found(name, self.catalog.names(), field="template_name")
            return found
        raise errors.validation_error(
            "template_id",
            "Give 'template_name' (e.g. 'code-interpreter') or 'template_id'; available "
            f"templates: {', '.join(self.catalog.names())}.",
        )

    async def get_sandbox(self, call: Call) -> dict[str, Any]:
        return self._sandbox(self.manager.get(call.path["id"]), call)

    async def delete_sandbox(self, call: Call) -> dict[str, Any]:
        return self._sandbox(await self.manager.delete(call.path["id"]), call)

    async def pause_sandbox(self, call: Call) -> dict[str, Any]:
        return self._sandbox(await self.manager.pause(call.path["id"]), call)

    async def resume_sandbox(self, call: Call) -> dict[str, Any]:
        return self._sandbox(await self.manager.resume(call.path["id"]), call)

    async def start_sandbox(self, call: Call) -> dict[str, Any]:
        return self._sandbox(await self.manager.start(call.path["id"]), call)

    async def stop_sandbox(self, call: Call) -> dict[str, Any]:
        return self._sandbox(await self.manager.stop(call.path["id"]), call)

    async def set_sandbox_timeout(self, call: Call) -> dict[str, Any]:
        seconds: int = call.body["timeout_seconds"]
        return self._sandbox(self.manager.set_timeout(call.path["id"], seconds), call)

    async def update_sandbox_network(self, call: Call) -> dict[str, Any]:
        policy = policy_from_request(call.body or {})
        return self._sandbox(await self.manager.update_network(call.path["id"], policy), call)

    async def refresh_sandbox_token(self, call: Call) -> dict[str, Any]:
        token = self.manager.issue_token(call.path["id"])
        return {**token_json(token), "request_id": call.request_id}

    # --------------------------------------------------------------- templates
    async def list_templates(self, call: Call) -> dict[str, Any]:
        found = self.catalog.filter(
            category=call.query.get("category"), language=call.query.get("language")
        )
        return {
            "object": "list",
            "url": "/v1/templates",
            "data": [template.as_json() for template in found],
            "has_more": False,
            "request_id": call.request_id,
        }

    def _named_template(self, value: str) -> TemplateDefinition:
        found = self.catalog.by_name_or_id(value)
        if found is None:
            raise errors.template_not_found(value, self.catalog.names(), field="name")
        return found

    async def get_template(self, call: Call) -> dict[str, Any]:
        template = self._named_template(call.path["name"])
        return {**template.as_json(), "request_id": call.request_id}

    async def delete_template(self, call: Call) -> dict[str, Any]:
        template = self._named_template(call.path["name"])
        if not template.builtin and self.builds is not None:
            return self.builds.delete(template, call)
        raise ApiError(
            403,
            "forbidden",
            f"Template '{template.name}' is a public built-in template and cannot be deleted.",
            {"resource": "template", "id": template.id, "name": template.name},
        )

    async def template_builder_not_implemented(self, call: Call) -> dict[str, Any]:
        raise ApiError(
            501,
            "not_implemented",
            f"Operation '{call.operation_id}' is not implemented by this server: hopx-local "
            "does not build templates yet; use the built-in templates "
            f"({', '.join(self.catalog.names())}).",
            {"operation": call.operation_id},
        )
