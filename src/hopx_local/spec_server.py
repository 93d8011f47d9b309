"""A spec-first ASGI app: routes, parameters and request bodies come from an OpenAPI document.

There is no second, hand-written schema of the API: each operation of the YAML becomes a route,
its parameters are coerced and validated against the schemas there, and its JSON body is checked
with the document's own schema before the handler (looked up by ``operationId``) runs. Operations
marked ``x-websocket: true`` become WebSocket routes.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Literal

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket

from hopx_local import json_wire
from hopx_local.multipart_form import parse_multipart_form
from hopx_local.schema_check import SchemaChecker, check_supported

log = logging.getLogger("hopx_local")

_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_ALL_METHODS = [m.upper() for m in _HTTP_METHODS]
ErrorStyle = Literal["nested", "flat"]


class ApiError(Exception):
    """An error answered with the document's error body; raise it from handlers."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = dict(details or {})
        self.headers = dict(headers or {})


class JsonBody(JSONResponse):
    """A JSON response that cannot fail to encode (see ``json_wire.dumps``)."""

    def render(self, content: Any) -> bytes:
        return json_wire.dumps(content).encode("utf-8")


class Call:
    """One validated request: what a handler receives."""

    __slots__ = ("body", "operation_id", "path", "query", "request", "request_id")

    def __init__(
        self,
        request: Request | WebSocket,
        operation_id: str,
        request_id: str,
        path: dict[str, Any],
        query: dict[str, Any],
        body: Any,
    ) -> None:
        self.request = request
        self.operation_id = operation_id
        self.request_id = request_id
        self.path = path
        self.query = query
        self.body = body


Handler = Callable[[Call], Awaitable[Any]]
WsHandler = Callable[[WebSocket, Call], Awaitable[None]]
Authenticator = Callable[[Request | WebSocket, list[str], str], Awaitable[None]]

# Error codes of the two error-body styles, by purpose.
_CODES: dict[ErrorStyle, dict[str, str]] = {
    "nested": {
        "validation": "validation_error",
        "not_found": "not_found",
        "method": "method_not_allowed",
        "too_large": "payload_too_large",
        "not_implemented": "not_implemented",
        "internal": "internal_error",
        "json": "validation_error",
        "unsupported": "validation_error",
    },
    "flat": {
        "validation": "INVALID_REQUEST",
        "not_found": "NOT_FOUND",
        "method": "METHOD_NOT_ALLOWED",
        "too_large": "PAYLOAD_TOO_LARGE",
        "not_implemented": "INTERNAL_ERROR",
        "internal": "INTERNAL_ERROR",
        "json": "INVALID_JSON",
        "unsupported": "INVALID_REQUEST",
    },
}


def new_request_id() -> str:
    return "req_" + secrets.token_hex(8)


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def error_body(style: ErrorStyle, error: ApiError, request_id: str, path: str) -> dict[str, Any]:
    if style == "nested":
        return {
            "error": {
                "message": error.message,
                "code": error.code,
                "request_id": request_id,
                "details": error.details,
            }
        }
    return {
        "error": error.message,
        "code": error.code,
        "details": error.details,
        "path": path,
        "request_id": request_id,
        "timestamp": utc_now_iso(),
    }


def _coerce(raw: str | list[str], schema: Mapping[str, Any]) -> Any:
    """Turn a query/path string into the schema's type; leave it as is when it does not parse."""
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items", {})
        values = raw if isinstance(raw, list) else raw.split(",")
        return [_coerce(v, items) for v in values]
    if isinstance(raw, list):
        raw = raw[-1]
    try:
        if kind == "integer":
            return int(raw)
        if kind == "number":
            return float(raw)
    except ValueError:
        return raw
    if kind == "boolean":
        lowered = raw.lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0"):
            return False
    return raw


_JSON_LIKE = frozenset({"application/json", "", "text/plain", "application/x-www-form-urlencoded"})
"""Content types read as JSON by an operation that takes only JSON, as the public (Go) services
read any body: no header, ``text/plain`` and what ``curl -d`` sends without ``-H``."""


def _reads_as_json(content_type: str, accepted: Mapping[str, Any]) -> bool:
    if content_type == "application/json" or (
        content_type.startswith("application/") and content_type.endswith("+json")
    ):
        return True
    return content_type in _JSON_LIKE and set(accepted) == {"application/json"}


class _Operation:
    def __init__(
        self, method: str, path: str, spec: Mapping[str, Any], document: Mapping[str, Any]
    ):
        self.method = method.upper()
        self.path = path
        self.spec = spec
        self.operation_id: str = spec["operationId"]
        self.websocket = bool(spec.get("x-websocket"))
        security = spec.get("security", document.get("security", []))
        self.security_schemes = [name for requirement in security for name in requirement]
        self.parameters = [self._deref(p, document) for p in spec.get("parameters", [])]
        body = self._deref(spec.get("requestBody") or {}, document)
        self.body_required = bool(body.get("required"))
        self.body_content: dict[str, Any] = body.get("content", {})
        self.body_limit = int(spec.get("x-max-body-bytes", 0)) or None
        self.success_status = next(
            (int(code) for code in spec.get("responses", {}) if str(code).startswith("2")), 200
        )

    def check_schemas_supported(self) -> None:
        """Fail now, at load, on a schema keyword that requests could not be checked against."""
        for parameter in self.parameters:
            where = f"{self.operation_id}: parameter {parameter.get('name')}"
            check_supported(parameter.get("schema", {}), where)
        for content_type, content in self.body_content.items():
            check_supported(content.get("schema", {}), f"{self.operation_id}: {content_type} body")

    @staticmethod
    def _deref(item: Mapping[str, Any], document: Mapping[str, Any]) -> dict[str, Any]:
        seen = 0
        while "$ref" in item and seen < 8:
            node: Any = document
            for part in item["$ref"].lstrip("#/").split("/"):
                node = node[part]
            item = node
            seen += 1
        return dict(item)


def _route_sort_key(path: str) -> tuple[int, list[tuple[int, str]]]:
    # Literal segments win over parameters at the same position
    # (/templates/build before /templates/{name}).
    segments = path.strip("/").split("/")
    return (0, [(1 if s.startswith("{") else 0, s) for s in segments])


class SpecApp:
    """Builds the ASGI app for one OpenAPI document."""

    def __init__(
        self,
        document: Mapping[str, Any],
        *,
        handlers: Mapping[str, Handler],
        ws_handlers: Mapping[str, WsHandler] | None = None,
        error_style: ErrorStyle,
        authenticate: Authenticator | None = None,
        max_json_bytes: int = 16 * 1024 * 1024,
        extra_routes: Iterable[BaseRoute] = (),
    ) -> None:
        self.document = document
        self.handlers = dict(handlers)
        self.ws_handlers = dict(ws_handlers or {})
        self.error_style: ErrorStyle = error_style
        self.authenticate = authenticate
        self.max_json_bytes = max_json_bytes
        for name, schema in document.get("components", {}).get("schemas", {}).items():
            check_supported(schema, f"#/components/schemas/{name}")
        self.validator = SchemaChecker(document)
        self.operations: dict[str, _Operation] = {}
        self.extra_routes = list(extra_routes)
        for path, item in document.get("paths", {}).items():
            for method in _HTTP_METHODS:
                if method in item:
                    operation = _Operation(method, path, item[method], document)
                    self.operations[operation.operation_id] = operation
                    operation.check_schemas_supported()

    # ----------------------------------------------------------------- errors
    def code(self, purpose: str) -> str:
        return _CODES[self.error_style][purpose]

    def error_response(self, error: ApiError, request_id: str, path: str) -> JSONResponse:
        headers = {"X-Request-ID": request_id, **error.headers}
        return JsonBody(
            error_body(self.error_style, error, request_id, path), error.status, headers=headers
        )

    # ------------------------------------------------------------- validation
    def _params(
        self, operation: _Operation, request: Request | WebSocket
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        path_values: dict[str, Any] = {}
        query_values: dict[str, Any] = {}
        for param in operation.parameters:
            name, where = param["name"], param["in"]
            schema = _Operation._deref(param.get("schema", {}), self.document)
            if where == "path":
                raw: str | list[str] | None = request.path_params.get(name)
            elif where == "query":
                values = request.query_params.getlist(name)
                raw = values if schema.get("type") == "array" else (values[-1] if values else None)
            elif where == "header":
                raw = request.headers.get(name)
            else:
                continue
            optional_query = where == "query" and not param.get("required")
            if raw == "" and optional_query and not self.validator.is_valid(schema, raw):
                raw = None  # `?limit=`: not given, as the public (Go) services read it
            if raw is None:
                if param.get("required"):
                    raise ApiError(
                        400,
                        self.code("validation")
                        if self.error_style == "nested"
                        else "MISSING_PARAMETER",
                        f"Missing required {where} parameter '{name}'.",
                        {"field": name, "location": where},
                    )
                if "default" in schema:
                    (path_values if where == "path" else query_values)[name] = schema["default"]
                continue
            value = _coerce(raw, schema)
            problems = self.validator.errors(schema, value)
            if problems:
                raise ApiError(
                    400,
                    self.code("validation"),
                    f"Invalid {where} parameter '{name}': {problems[0][1]}.",
                    {"field": name, "location": where, "reason": problems[0][1]},
                )
            (path_values if where == "path" else query_values)[name] = value
        return path_values, query_values

    async def _body(self, operation: _Operation, request: Request) -> Any:
        if not operation.body_content:
            return None
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        length = request.headers.get("content-length")
        has_body = (length is not None and length != "0") or "transfer-encoding" in request.headers
        if not has_body:
            if operation.body_required and "multipart/form-data" not in operation.body_content:
                raise ApiError(
                    400,
                    self.code("validation"),
                    "A request body is required.",
                    {"location": "body"},
                )
            if "application/json" in operation.body_content:
                body_schema = operation.body_content["application/json"].get("schema", {})
                self._check_body(body_schema, {})
                return self._with_defaults(body_schema, {})
            return None
        if content_type == "multipart/form-data" and content_type in operation.body_content:
            return await self._form(operation, request)
        if content_type in ("application/octet-stream",) and content_type in operation.body_content:
            return request
        if "application/json" not in operation.body_content or not _reads_as_json(
            content_type, operation.body_content
        ):
            raise ApiError(
                415,
                self.code("unsupported"),
                f"Unsupported Content-Type '{content_type or 'none'}'; "
                f"send one of: {', '.join(operation.body_content)}.",
                {"location": "body", "expected": list(operation.body_content)},
            )
        limit = operation.body_limit or self.max_json_bytes
        if length is not None and length.isdigit() and int(length) > limit:
            raise self._too_large(limit)
        raw = await self._bounded_body(request, limit)
        try:
            body = json_wire.loads(raw)
        except json_wire.JsonRefused as refused:
            raise ApiError(
                400,
                self.code("json" if refused.syntax else "validation"),
                refused.message,
                {"field": refused.field, "location": "body"},
            ) from None
        schema = operation.body_content["application/json"].get("schema", {})
        body = self.validator.without_unset_optionals(schema, body)
        self._check_body(schema, body)
        return self._with_defaults(schema, body)

    async def _bounded_body(self, request: Request, limit: int) -> bytes:
        """The body as it streams in, 413 as soon as it passes ``limit`` (a chunked body has
        no Content-Length to check first, and must not be buffered whole)."""
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise self._too_large(limit)
            chunks.append(chunk)
        return b"".join(chunks)

    def _with_defaults(self, schema: Mapping[str, Any], body: Any) -> Any:
        """Fill absent top-level properties with the document's defaults (one place for them)."""
        if not isinstance(body, dict):
            return body
        resolved = _Operation._deref(schema, self.document)
        for name, prop in resolved.get("properties", {}).items():
            if name not in body:
                prop = _Operation._deref(prop, self.document)
                if "default" in prop:
                    body[name] = prop["default"]
        return body

    def _check_body(self, schema: Mapping[str, Any], body: Any) -> None:
        problems = self.validator.errors(schema, body)
        if problems:
            field, message = problems[0]
            where = f"field '{field}'" if field else "the request body"
            raise ApiError(
                400,
                self.code("validation"),
                f"Invalid {where}: {message}.",
                {"field": field or None, "location": "body", "reason": message},
            )

    async def _form(self, operation: _Operation, request: Request) -> dict[str, Any]:
        limit = operation.body_limit
        length = request.headers.get("content-length")
        if limit and length is not None and length.isdigit() and int(length) > limit:
            raise self._too_large(limit)
        try:
            form = await parse_multipart_form(
                request, max_files=16, max_fields=64, max_part_size=1024 * 1024
            )
        except Exception as exc:  # multipart parse errors come in several types
            raise ApiError(
                400,
                self.code("validation"),
                f"Malformed multipart body: {exc}.",
                {"location": "body"},
            ) from None
        schema = operation.body_content["multipart/form-data"].get("schema", {})
        schema = _Operation._deref(schema, self.document)
        properties = schema.get("properties", {})
        fields: dict[str, Any] = {}
        for key in form:
            values = form.getlist(key)
            field = _Operation._deref(properties.get(key, {}), self.document)
            if field.get("type") == "array" or (key not in properties and len(values) > 1):
                fields[key] = values  # a declared list, or undeclared (ignored) repeated parts
                continue
            if len(values) > 1:
                # Taking one of them would silently drop the others (two files, one stored).
                raise ApiError(
                    400,
                    self.code("validation"),
                    f"Send the form field '{key}' once; it came {len(values)} times.",
                    {"field": key, "location": "body"},
                )
            value = values[0]
            if isinstance(value, str) and field.get("format") not in ("binary", "byte"):
                problems = self.validator.errors(field, value)
                if problems:
                    raise ApiError(
                        400,
                        self.code("validation"),
                        f"Invalid form field '{key}': {problems[0][1]}.",
                        {"field": key, "location": "body", "reason": problems[0][1]},
                    )
            fields[key] = value
        for name in schema.get("required", []):
            # Present counts, even empty: an empty file part is an empty file.
            if name not in fields:
                raise ApiError(
                    400,
                    self.code("validation")
                    if self.error_style == "nested"
                    else "MISSING_PARAMETER",
                    f"Missing required form field '{name}'.",
                    {"field": name, "location": "body"},
                )
        return fields

    def _too_large(self, limit: int) -> ApiError:
        return ApiError(
            413,
            self.code("too_large"),
            f"The request body is larger than the limit of {limit} bytes.",
            {"limit_bytes": limit, "location": "body"},
        )

    # --------------------------------------------------------------- dispatch
    def _http_endpoint(
        self, by_method: dict[str, _Operation]
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            request_id = request.headers.get("x-request-id") or new_request_id()
            operation = by_method.get(request.method) or (
                by_method.get("GET") if request.method == "HEAD" else None
            )
            try:
                if operation is None:
                    raise ApiError(
                        405,
                        self.code("method"),
                        f"Method {request.method} is not allowed on {request.url.path}; "
                        f"use {', '.join(sorted(by_method))}.",
                        {"allowed": sorted(by_method)},
                        headers={"Allow": ", ".join(sorted(by_method))},
                    )
                if operation.websocket:
                    raise ApiError(
                        400,
                        self.code("validation"),
                        f"{request.url.path} is a WebSocket endpoint; "
                        "connect with a WebSocket client.",
                    )
                if operation.security_schemes and self.authenticate is not None:
                    await self.authenticate(request, operation.security_schemes, request_id)
                path, query = self._params(operation, request)
                body = await self._body(operation, request)
                handler = self.handlers.get(operation.operation_id)
                if handler is None:
                    raise ApiError(
                        501,
                        self.code("not_implemented"),
                        f"{operation.operation_id} is not implemented by this server.",
                    )
                result = await handler(
                    Call(request, operation.operation_id, request_id, path, query, body)
                )
                if isinstance(result, Response):
                    result.headers.setdefault("X-Request-ID", request_id)
                    return result
                return JsonBody(
                    result, operation.success_status, headers={"X-Request-ID": request_id}
                )
            except ApiError as error:
                return self.error_response(error, request_id, request.url.path)
            except Exception:
                log.exception("unhandled error in %s %s", request.method, request.url.path)
                return self.error_response(
                    ApiError(
                        500, self.code("internal"), "Internal server error; see the server log."
                    ),
                    request_id,
                    request.url.path,
                )

        return endpoint

    def _ws_endpoint(self, operation: _Operation) -> Callable[[WebSocket], Awaitable[None]]:
        async def endpoint(websocket: WebSocket) -> None:
            request_id = websocket.headers.get("x-request-id") or new_request_id()
            try:
                if operation.security_schemes and self.authenticate is not None:
                    await self.authenticate(websocket, operation.security_schemes, request_id)
                path, query = self._params(operation, websocket)
                handler = self.ws_handlers.get(operation.operation_id)
                if handler is None:
                    raise ApiError(
                        501,
                        self.code("not_implemented"),
                        f"{operation.operation_id} is not implemented.",
                    )
            except ApiError as error:
                response = self.error_response(error, request_id, websocket.url.path)
                try:
                    await websocket.send_denial_response(response)
                except RuntimeError:
                    await websocket.close(code=1008, reason=error.message[:120])
                return
            await handler(
                websocket, Call(websocket, operation.operation_id, request_id, path, query, None)
            )

        return endpoint

    def routes(self) -> list[BaseRoute]:
        by_path: dict[str, dict[str, _Operation]] = {}
        for operation in self.operations.values():
            by_path.setdefault(operation.path, {})[operation.method] = operation
        routes: list[BaseRoute] = list(self.extra_routes)
        for path in sorted(by_path, key=_route_sort_key):
            methods = by_path[path]
            ws = [op for op in methods.values() if op.websocket]
            if ws:
                routes.append(WebSocketRoute(path, self._ws_endpoint(ws[0])))
            routes.append(Route(path, self._http_endpoint(methods), methods=_ALL_METHODS))
        return routes

    def asgi(self, *, lifespan: Any = None) -> ASGIApp:
        from starlette.applications import Starlette

        app = Starlette(routes=self.routes(), lifespan=lifespan)
        # /v1/sandboxes/ is not /v1/sandboxes: no silent redirects to another operation.
        app.router.redirect_slashes = False
        return _NotFound(app, self)


class _NotFound:
    """Answers unknown paths with the document's error body instead of Starlette's plain text."""

    def __init__(self, app: ASGIApp, spec_app: SpecApp) -> None:
        self.app = app
        self.spec_app = spec_app
        router = getattr(app, "router", None)
        if router is not None:
            router.default = self._default

    async def _default(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            ws = WebSocket(scope, receive, send)
            await ws.close(code=1008)
            return
        if scope["type"] != "http":
            return
        request_id = new_request_id()
        error = ApiError(
            404,
            self.spec_app.code("not_found"),
            f"No such endpoint: {scope['method']} {scope['path']}.",
        )
        await self.spec_app.error_response(error, request_id, scope["path"])(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)
