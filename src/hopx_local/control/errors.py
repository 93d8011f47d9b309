"""The control plane's API errors, built in one place so messages stay consistent."""

from __future__ import annotations

from collections.abc import Sequence

from hopx_local.spec_server import ApiError


def sandbox_not_found(sandbox_id: str) -> ApiError:
    return ApiError(
        404,
        "not_found",
        f"Sandbox '{sandbox_id}' not found (it never existed or was deleted).",
        {"resource": "sandbox", "id": sandbox_id},
    )


def template_not_found(value: str, available: Sequence[str], *, field: str) -> ApiError:
    return ApiError(
        404,
        "not_found",
        f"Template '{value}' not found. Available templates: {', '.join(available)}.",
        {"resource": "template", field: value, "available_templates": list(available)},
    )


def invalid_transition(
    sandbox_id: str, action: str, status: str, allowed_from: Sequence[str], hint: str = ""
) -> ApiError:
    wanted = " or ".join(f"'{s}'" for s in allowed_from)
    message = f"Cannot {action} sandbox '{sandbox_id}' in status '{status}'; it must be {wanted}."
    if hint:
        message = f"{message} {hint}"
    return ApiError(
        409, "conflict", message, {"status": status, "allowed_from": list(allowed_from)}
    )


def validation_error(field: str, message: str, *, location: str = "body") -> ApiError:
    return ApiError(
        400,
        "validation_error",
        message,
        {"field": field, "location": location, "reason": message},
    )


def internal_error(message: str, **details: object) -> ApiError:
    return ApiError(500, "internal_error", message, details)


def service_unavailable(message: str, **details: object) -> ApiError:
    return ApiError(503, "service_unavailable", message, details)
