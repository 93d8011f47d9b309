"""Reading the JSON object of an answer."""

from __future__ import annotations

import json
from typing import Any, Protocol

from .errors import APIError


class _HasContent(Protocol):
    @property
    def content(self) -> bytes: ...


def json_object(response: _HasContent, operation: str) -> dict[str, Any]:
    """The JSON object of a successful response (an empty body counts as ``{}``)."""
    if not response.content:
        return {}
    try:
        data = json.loads(response.content)
    except ValueError as error:
        raise APIError(
            f"{operation}: the server answered with something that is not JSON ({error})",
            code="unexpected_response",
        ) from error
    if not isinstance(data, dict):
        raise APIError(
            f"{operation}: expected a JSON object, got {type(data).__name__}",
            code="unexpected_response",
        )
    return data
