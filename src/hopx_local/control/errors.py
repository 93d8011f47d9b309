"""The control plane's API errors, built in one place so messages stay consistent.

``from_domain`` is where the lifecycle's domain errors (domain_errors.py) become HTTP answers.
"""

from __future__ import annotations

from collections.abc import Sequence

from hopx_local.control import domain_errors
from hopx_local.spec_server import ApiError

_DOMAIN_STATUS: tuple[tuple[type[domain_errors.LifecycleError], int, str], ...] = (
    (domain_errors.NotFound, 404, "not_found"),
    (domain_errors.Conflict, 409, "conflict"),
    (domain_errors.LimitReached, 403, "resource_limit"),
    (domain_errors.Unavailable, 503, "service_unavailable"),
    (domain_errors.Failed, 500, "internal_error"),
)


def from_domain(error: domain_errors.LifecycleError) -> ApiError:
    """The documented error body of a domain error (unknown kinds: 500 internal_error)."""
    for kind, status, code in _DOMAIN_STATUS:
        if isinstance(error, kind):
            return ApiError(status, code, error.message, error.details)
    return ApiError(500, "internal_error", error.message, error.details)


def template_not_found(value: str, available: Sequence[str], *, field: str) -> ApiError:
    return ApiError(
        404,
        "not_found",
        f"Template '{value}' not found. Available templates: {', '.join(available)}.",
        {"resource": "template", field: value, "available_templates": list(available)},
    )


def validation_error(field: str, message: str, *, location: str = "body") -> ApiError:
    return ApiError(
        400,
        "validation_error",
        message,
        {"field": field, "location": location, "reason": message},
    )
