"""JSON as both servers read it from clients and write it back: one reader, one writer.

The reader refuses what would otherwise surface as a 500 deep inside a handler: text that is not
Unicode (a lone UTF-16 surrogate such as ``"\\ud800"`` is valid JSON syntax but no character, and
fails later in ``os`` calls, ``execve`` or the response encoder) and nesting deeper than any
request of the two documents needs (Python's parser and every recursive walk after it raise
``RecursionError`` at about a thousand levels). The writer never fails on text the server holds:
file names that are not UTF-8 reach Python as surrogate escapes, and go out as U+FFFD.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

MAX_DEPTH = 64
"""Deepest nesting of arrays and objects accepted in a request body or WebSocket frame."""

_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonRefused(ValueError):
    """A request body or frame that is not acceptable JSON; ``field`` names where (or None)."""

    def __init__(self, message: str, field: str | None = None, *, syntax: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.syntax = syntax
        """True when the text is not JSON at all (INVALID_JSON); False for a value refused."""


def loads(raw: bytes | str) -> Any:
    """Parse a client's JSON; ``JsonRefused`` for bad syntax, excess depth or a lone surrogate."""
    try:
        value = json.loads(raw, parse_constant=_no_constant, parse_float=_finite_float)
    except RecursionError:
        raise _too_deep(None) from None
    except ValueError as exc:  # JSONDecodeError, and UnicodeDecodeError of bytes that are not UTF-8
        raise JsonRefused(
            f"The request body is not valid JSON: {exc}. Send a JSON object.", syntax=True
        ) from None
    check(value)
    return value


def check(value: Any) -> None:
    """Refuse nesting deeper than ``MAX_DEPTH`` and lone surrogates in any key or string.

    Iterative, so that the check itself cannot exhaust the stack.
    """
    stack: list[tuple[Any, tuple[Any, ...]]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str):
            _check_text(node, path)
        elif isinstance(node, dict | list):
            if len(path) >= MAX_DEPTH:
                raise _too_deep(path)
            if isinstance(node, dict):
                for key, item in node.items():
                    _check_text(key, (*path, key))
                    stack.append((item, (*path, key)))
            else:
                stack.extend((item, (*path, index)) for index, item in enumerate(node))


def dumps(value: Any) -> str:
    """Compact JSON text (UTF-8 as is); surrogate escapes of undecodable names become U+FFFD."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _finite_float(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise ValueError(f"the number {text[:40]} is out of range")
    return number


def _field(path: tuple[Any, ...]) -> str | None:
    return ".".join(map(str, path)) or None


def _check_text(text: str, path: tuple[Any, ...]) -> None:
    found = _SURROGATE.search(text)
    if found is None:
        return
    field = _field(path)
    where = f"field '{field}'" if field else "the request body"
    raise JsonRefused(
        f"Invalid {where}: it contains the lone UTF-16 surrogate \\u{ord(found.group()):04x} "
        "at character "
        f"{found.start()}, which is not a Unicode character; send valid Unicode text "
        "(a character outside the Basic Multilingual Plane is a surrogate pair).",
        field,
    )


def _too_deep(path: tuple[Any, ...] | None) -> JsonRefused:
    field = str(path[0]) if path else None  # the top-level field it is under
    return JsonRefused(
        f"The JSON is nested deeper than {MAX_DEPTH} levels"
        + (f" (in field '{field}')" if field else "")
        + "; no request needs that many, flatten it.",
        field,
    )
