"""Handlers of the template-build operations (``buildTemplate``, ``getTemplateBuildStatus``,
``getTemplateBuildLogs``, ``createTemplateUploadLink``) and the upload URL they hand out.

The upload URL is a pre-signed ``PUT`` served by hopx-local itself (not an operation of the
API: like the cloud's storage URL, it takes no API key, only its signature)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import tarfile
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from hopx_local.control import errors
from hopx_local.control.builds import BuildService, template_for_build
from hopx_local.control.catalog import Catalog, TemplateDefinition
from hopx_local.control.oci import Credentials, ImageError
from hopx_local.control.timeutil import rfc3339
from hopx_local.spec_server import ApiError, Call, Handler, error_body, new_request_id

RESERVED_NAMES = frozenset({"build", "files"})
STEP_ARGS = {"RUN": 1, "COPY": 2, "ENV": 2, "WORKDIR": 1, "USER": 1, "CMD": 1}
MAX_MEMORY_MB = 65536
MIN_MEMORY_MB = 128
MAX_DISK_GB = 100
_HASH = re.compile(r"^[a-f0-9]{64}$")


def _max_vcpu() -> int:
    return max(2, os.cpu_count() or 1)


class BuildsApi:
    def __init__(self, service: BuildService, catalog: Catalog) -> None:
        self.service = service
        self.catalog = catalog

    def handlers(self) -> dict[str, Handler]:
        return {
            "buildTemplate": self.build_template,
            "getTemplateBuildStatus": self.get_build_status,
            "getTemplateBuildLogs": self.get_build_logs,
            "createTemplateUploadLink": self.create_upload_link,
        }

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/v1/templates/files/upload/{files_hash}", self.receive_upload, methods=["PUT"])
        ]

    # ------------------------------------------------------------ upload
    async def create_upload_link(self, call: Call) -> dict[str, Any]:
        body: Mapping[str, Any] = call.body
        length = int(body["content_length"])
        limit = self.service.config.max_upload_bytes
        if length > limit:
            raise ApiError(
                413,
                "payload_too_large",
                f"The COPY content is {length} bytes; this server takes at most {limit} "
                "(hopx-local serve --max-upload-mb); copy less, or install large files with a "
                "RUN step instead.",
                {"field": "content_length", "limit": limit},
            )
        return {
            **self.service.upload_link(str(body["files_hash"]), length),
            "request_id": call.request_id,
        }

    async def receive_upload(self, request: Request) -> Response:
        request_id = new_request_id()

        def answer(status: int, code: str, message: str, **details: Any) -> Response:
            error = ApiError(status, code, message, details)
            return JSONResponse(
                error_body("nested", error, request_id, request.url.path), status_code=status
            )

        files_hash = request.path_params["files_hash"]
        try:
            expires = int(request.query_params.get("expires", ""))
            length = int(request.query_params.get("length", ""))
        except ValueError:
            return answer(403, "forbidden", "Not an upload URL of this server.")
        signature = request.query_params.get("signature", "")
        if not _HASH.match(files_hash) or not self.service.upload_allowed(
            files_hash, expires, length, signature
        ):
            return answer(
                403,
                "forbidden",
                "This upload URL is not valid or has expired; ask createTemplateUploadLink "
                "for a new one.",
            )
        limit = min(length, self.service.config.max_upload_bytes)
        uploads = self.service.uploads
        fd, partial = tempfile.mkstemp(prefix=".upload-", dir=uploads)
        received = 0
        try:
            with os.fdopen(fd, "wb") as file:
                async for chunk in request.stream():
                    received += len(chunk)
                    if received > limit:
                        return answer(
                            413,
                            "payload_too_large",
                            f"The upload is larger than the {limit} bytes announced "
                            "(content_length) or allowed.",
                            limit=limit,
                        )
                    await asyncio.to_thread(file.write, chunk)
            if received != length:
                return answer(
                    400,
                    "validation_error",
                    f"The upload has {received} bytes, not the {length} of content_length.",
                    field="content_length",
                )
            if not await asyncio.to_thread(_is_tarball, Path(partial)):
                return answer(
                    400,
                    "validation_error",
                    "The upload is not a gzip-compressed tar archive.",
                    field="body",
                )
            os.replace(partial, self.service.upload_path(files_hash))
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(partial)
        return JSONResponse({"files_hash": files_hash, "size": received}, status_code=200)

    # ------------------------------------------------------------ build
    async def build_template(self, call: Call) -> dict[str, Any]:
        body: dict[str, Any] = dict(call.body)
        name = str(body["name"])
        if name in RESERVED_NAMES:
            raise errors.validation_error(
                "name", f"Invalid field 'name': '{name}' is reserved; choose another name."
            )
        self._check_resources(body)
        steps = list(body.get("steps") or [])
        for index, step in enumerate(steps):
            self._check_step(index, step)
        existing = self.catalog.by_name(name)
        update = bool(body.get("update"))
        if existing is not None and existing.builtin:
            raise ApiError(
                403,
                "forbidden",
                f"Template '{name}' is a public built-in template; choose another name.",
                {"resource": "template", "name": name},
            )
        if self.service.is_building(name):
            raise ApiError(
                409,
                "conflict",
                f"Template '{name}' is being built; wait for that build to end.",
                {"resource": "template", "name": name},
            )
        if existing is not None and not update:
            raise ApiError(
                409,
                "conflict",
                f"Template '{name}' already exists; send update: true to rebuild it.",
                {"resource": "template", "name": name},
            )
        if existing is None and update:
            raise errors.template_not_found(name, self.catalog.names(), field="name")
        credentials = _credentials(body.get("registry_credentials"))
        try:
            await self.service.check_image(str(body["from_image"]), credentials)
        except ImageError as error:
            raise errors.validation_error(
                "from_image", f"Invalid field 'from_image': {error.message}"
            ) from None
        builtin_like = self.catalog.by_name("base") or self.catalog.all()[0]
        if existing is not None:
            template = template_for_build(existing.id, name, body, builtin_like)
            template = _keep_identity(template, existing)
        else:
            template = template_for_build(self.service.new_template_id(), name, body, builtin_like)
        record = self.service.start(template, body, credentials, first=existing is None)
        return {
            "build_id": record.id,
            "template_id": record.template_id,
            "status": record.status,
            "logs_url": (
                f"{self.service.config.base_url.rstrip('/')}/v1/templates/build/{record.id}/logs"
            ),
            "request_id": call.request_id,
        }

    def _check_resources(self, body: Mapping[str, Any]) -> None:
        checks = (
            ("cpu", 1, _max_vcpu(), "vCPUs"),
            ("memory", MIN_MEMORY_MB, MAX_MEMORY_MB, "MiB"),
            ("diskGB", 1, MAX_DISK_GB, "GiB"),
        )
        for field, low, high, unit in checks:
            value = int(body[field])
            if not low <= value <= high:
                raise errors.validation_error(
                    field,
                    f"Invalid field '{field}': {value} {unit} is outside this server's range "
                    f"{low}..{high}.",
                )

    def _check_step(self, index: int, step: Mapping[str, Any]) -> None:
        kind, args = step["type"], list(step["args"])
        field = f"steps[{index}]"
        wanted = STEP_ARGS[kind]
        if len(args) != wanted or any(not isinstance(arg, str) or not arg for arg in args):
            raise errors.validation_error(
                f"{field}.args",
                f"Invalid field '{field}.args': {kind} takes {wanted} non-empty argument(s), "
                f"got {args!r}.",
            )
        if kind == "COPY":
            files_hash = step.get("filesHash")
            if not files_hash:
                raise errors.validation_error(
                    f"{field}.filesHash",
                    f"Invalid field '{field}.filesHash': a COPY step needs the hash of its "
                    "uploaded content (createTemplateUploadLink).",
                )
            if not self.service.upload_path(str(files_hash)).is_file():
                raise errors.validation_error(
                    f"{field}.filesHash",
                    f"Invalid field '{field}.filesHash': no content {files_hash} was uploaded; "
                    "ask createTemplateUploadLink and PUT it first.",
                )
            if not args[1].startswith("/") and not args[1].strip():
                raise errors.validation_error(f"{field}.args", "COPY needs a destination.")
        elif step.get("filesHash"):
            raise errors.validation_error(
                f"{field}.filesHash", f"Invalid field '{field}.filesHash': only COPY has content."
            )

    # ------------------------------------------------------------ status, logs
    async def get_build_status(self, call: Call) -> dict[str, Any]:
        record = self.service.record(call.path["buildID"])
        duration = (
            (record.completed_us - record.started_us) // 1000 if record.completed_us else None
        )
        return {
            "build_id": record.id,
            "template_id": record.template_id,
            "status": record.status,
            "progress": record.progress,
            "current_step": record.current_step,
            "started_at": rfc3339(record.started_us),
            "completed_at": rfc3339(record.completed_us) if record.completed_us else None,
            "error_message": record.error,
            "build_duration_ms": duration,
            "request_id": call.request_id,
        }

    async def get_build_logs(self, call: Call) -> dict[str, Any]:
        record = self.service.record(call.path["buildID"])
        offset = int(call.query.get("offset") or 0)
        # Status first: a build that ended before the read has all its text in it.
        done = record.done
        text = self.service.records.logs(record.id, offset)
        return {
            "logs": text,
            "offset": offset + len(text),
            "status": record.status,
            "complete": done,
            "request_id": call.request_id,
        }

    # ------------------------------------------------------------ delete
    def delete(self, template: TemplateDefinition, call: Call) -> dict[str, Any]:
        if self.service.is_building(template.name):
            raise ApiError(
                409,
                "conflict",
                f"Template '{template.name}' is being built; delete it once the build ended.",
                {"resource": "template", "name": template.name},
            )
        self.service.delete(template)
        with contextlib.suppress(Exception):
            self.service.collect_garbage()
        return {
            "id": template.id,
            "name": template.name,
            "object": "template",
            "deleted": True,
            "request_id": call.request_id,
        }


def _credentials(value: Mapping[str, Any] | None) -> Credentials | None:
    if not value:
        return None
    username = str(value.get("username") or "")
    secret = str(value.get("password") or value.get("token") or "")
    if value.get("type") not in ("basic", None) and not username:
        username = "oauth2accesstoken" if value.get("type") == "gcr" else "token"
    if not username or not secret:
        raise errors.validation_error(
            "registry_credentials",
            "Invalid field 'registry_credentials': give username and password (or token).",
        )
    return Credentials(username, secret)


def _keep_identity(
    template: TemplateDefinition, existing: TemplateDefinition
) -> TemplateDefinition:
    import attrs

    return attrs.evolve(template, created_at=existing.created_at)


def _is_tarball(path: Path) -> bool:
    try:
        with tarfile.open(path, mode="r:gz") as tar:
            for _ in tar:
                pass
    except (tarfile.TarError, OSError, EOFError):
        return False
    return True
