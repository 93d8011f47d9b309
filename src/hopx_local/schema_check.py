"""Checks values against the OpenAPI 3.0 schemas of our documents.

The keywords our YAML uses, with the meaning jsonschema's OAS 3.0 validator gives them, plus
``nullable`` honoured beside ``allOf``/``oneOf``/``anyOf`` (how OpenAPI 3.0 writes "an X or
null", and how generators and testers read it). Formats are annotations, as in jsonschema
without a format checker.

Why not jsonschema itself: importing it (and the format libraries it pulls in) cost every
sandbox's agent 6 MiB of memory for its first request, a quarter of what an idle sandbox may
use, and a check took 20 us where this takes a few. A keyword this module does not know makes
:func:`check_supported` fail when the document is loaded, so the YAML cannot silently outgrow it;
tests/unit/test_schema_check.py compares its verdicts with jsonschema's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sized
from typing import Any

Problem = tuple[str, str]
"""(dotted path of the offending value, message)."""

_ANNOTATIONS = frozenset(
    {
        "default",
        "deprecated",
        "description",
        "discriminator",
        "example",
        "examples",
        "externalDocs",
        "format",
        "readOnly",
        "summary",
        "title",
        "writeOnly",
        "xml",
    }
)
_ASSERTIONS = frozenset(
    {
        "$ref",
        "additionalProperties",
        "allOf",
        "anyOf",
        "enum",
        "exclusiveMaximum",
        "exclusiveMinimum",
        "items",
        "maxItems",
        "maxLength",
        "maxProperties",
        "maximum",
        "minItems",
        "minLength",
        "minProperties",
        "minimum",
        "multipleOf",
        "not",
        "nullable",
        "oneOf",
        "pattern",
        "properties",
        "required",
        "type",
        "uniqueItems",
    }
)
_NULLABLE_KEYWORDS = frozenset({"type", "allOf", "oneOf", "anyOf"})
"""The keywords that ``nullable: true`` lets a null through."""
_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}


def _is_type(value: Any, kind: str) -> bool:
    if isinstance(value, bool):
        return kind == "boolean"
    return isinstance(value, _TYPES.get(kind, ()))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _same(a: Any, b: Any) -> bool:
    """JSON equality: ``True`` is not ``1``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a is b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return bool(a == b)


def check_supported(schema: Any, where: str = "#") -> None:
    """Raise ``ValueError`` naming the first keyword this module cannot check."""
    if isinstance(schema, list):
        for index, item in enumerate(schema):
            check_supported(item, f"{where}/{index}")
        return
    if not isinstance(schema, Mapping):
        return
    for key, value in schema.items():
        if key in _ANNOTATIONS or key.startswith("x-"):
            continue
        if key not in _ASSERTIONS:
            raise ValueError(f"schema keyword '{key}' at {where} is not supported by schema_check")
        if key == "properties":
            for name, sub in value.items():
                check_supported(sub, f"{where}/properties/{name}")
        elif key in ("items", "additionalProperties", "not", "allOf", "oneOf", "anyOf"):
            check_supported(value, f"{where}/{key}")


class SchemaChecker:
    """Validates values against schemas of one document (``$ref``s point into it)."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._document = document
        self._patterns: dict[str, re.Pattern[str]] = {}

    def errors(self, schema: Mapping[str, Any], value: Any) -> list[Problem]:
        """Every violation as (field path, message), most specific first."""
        return [(".".join(map(str, path)), message) for path, message in self._iter(schema, value)]

    def is_valid(self, schema: Mapping[str, Any], value: Any) -> bool:
        return next(self._iter(schema, value), None) is None

    def without_unset_optionals(self, schema: Any, value: Any) -> Any:
        """``value`` without the optional properties that are JSON ``null``, or ``""`` where the
        property's schema refuses an empty string.

        The documents' rule, as the public services (Go) decode requests: ``null`` on an optional
        property means "not given", and so does ``""`` where it cannot be a value (Go's zero
        value of a string is indistinguishable from an absent one). It applies to every object
        the schema describes, nested ones included (through ``$ref``, ``allOf``, ``properties``,
        ``items`` and the values of ``additionalProperties`` objects); a required property keeps
        its value (and is then refused unless valid), and so do array items and map values,
        which are not properties. ``oneOf``/``anyOf`` alternatives are not entered: which one
        describes the value is not known before validation. ``value`` itself is not changed.
        """
        schema = self._resolved(schema)
        if isinstance(value, list):
            items = schema.get("items")
            if items is None:
                return value
            return [self.without_unset_optionals(items, item) for item in value]
        if not isinstance(value, dict):
            return value
        properties: dict[str, Any] = {}
        required: set[str] = set()
        self._collect(schema, properties, required)
        extra = schema.get("additionalProperties")
        cleaned: dict[str, Any] = {}
        for name, item in value.items():
            if name in properties:
                if name not in required and self.means_not_given(properties[name], item):
                    continue
                cleaned[name] = self.without_unset_optionals(properties[name], item)
            elif isinstance(extra, Mapping) and item is not None:
                cleaned[name] = self.without_unset_optionals(extra, item)
            else:
                cleaned[name] = item
        return cleaned

    def means_not_given(self, schema: Any, value: Any) -> bool:
        """Whether ``value`` of an optional property (or parameter) stands for "not given":
        ``null``, or ``""`` for a string that cannot be empty (``""`` where a number is
        expected is a wrong type, as for Go)."""
        if value is None:
            return True
        return value == "" and self._is_string(schema) and not self.is_valid(schema, "")

    def _is_string(self, schema: Any) -> bool:
        schema = self._resolved(schema)
        if schema.get("type") == "string":
            return True
        return any(self._is_string(part) for part in schema.get("allOf", []))

    def _resolved(self, schema: Any) -> Mapping[str, Any]:
        for _ in range(16):
            if not isinstance(schema, Mapping) or "$ref" not in schema:
                break
            schema = self._resolve(schema["$ref"])
        return schema if isinstance(schema, Mapping) else {}

    def _collect(
        self, schema: Mapping[str, Any], properties: dict[str, Any], required: set[str]
    ) -> None:
        """The properties and required names of ``schema`` and of its ``allOf`` parts."""
        for name, sub in schema.get("properties", {}).items():
            properties.setdefault(name, sub)
        required.update(schema.get("required", []))
        for part in schema.get("allOf", []):
            self._collect(self._resolved(part), properties, required)

    # ----------------------------------------------------------------- internals
    def _resolve(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported, not {ref!r}")
        node: Any = self._document
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def _pattern(self, pattern: str) -> re.Pattern[str]:
        compiled = self._patterns.get(pattern)
        if compiled is None:
            compiled = self._patterns[pattern] = re.compile(pattern)
        return compiled

    def _iter(
        self, schema: Any, value: Any, path: tuple[Any, ...] = ()
    ) -> Iterator[tuple[tuple[Any, ...], str]]:
        if schema is True or not isinstance(schema, Mapping):
            return
        if value is None and schema.get("nullable") is True:
            # "or null" beside type and the compositions; other keywords still apply (enum).
            schema = {k: v for k, v in schema.items() if k not in _NULLABLE_KEYWORDS}
        for keyword, argument in schema.items():
            check = _KEYWORDS.get(keyword)
            if check is not None:
                yield from check(self, argument, value, path, schema)


Found = Iterator[tuple[tuple[Any, ...], str]]


def _ref(c: SchemaChecker, ref: str, value: Any, path: tuple[Any, ...], _: Any) -> Found:
    yield from c._iter(c._resolve(ref), value, path)


def _type(c: SchemaChecker, kind: str, value: Any, path: tuple[Any, ...], _: Any) -> Found:
    if not _is_type(value, kind):
        yield path, f"{value!r} is not of type {kind!r}"


def _enum(c: SchemaChecker, options: list[Any], value: Any, path: tuple[Any, ...], _: Any) -> Found:
    if not any(_same(value, option) for option in options):
        yield path, f"{value!r} is not one of {options!r}"


def _properties(
    c: SchemaChecker, properties: Mapping[str, Any], value: Any, path: tuple[Any, ...], _: Any
) -> Found:
    if isinstance(value, dict):
        for name, sub in properties.items():
            if name in value:
                yield from c._iter(sub, value[name], (*path, name))


def _required(
    c: SchemaChecker, names: list[str], value: Any, path: tuple[Any, ...], _: Any
) -> Found:
    if isinstance(value, dict):
        for name in names:
            if name not in value:
                yield path, f"{name!r} is a required property"


def _additional(
    c: SchemaChecker, allowed: Any, value: Any, path: tuple[Any, ...], schema: Mapping[str, Any]
) -> Found:
    if not isinstance(value, dict) or allowed is True:
        return
    declared = schema.get("properties", {})
    extras = [name for name in value if name not in declared]
    if not extras:
        return
    if allowed is False:
        listed = ", ".join(repr(name) for name in extras)
        verb = "was" if len(extras) == 1 else "were"
        yield path, f"Additional properties are not allowed ({listed} {verb} unexpected)"
        return
    for name in extras:
        yield from c._iter(allowed, value[name], (*path, name))


def _count(limit_name: str, too: str, compare: Any, kinds: tuple[type[Sized], ...]) -> Any:
    def check(c: SchemaChecker, limit: int, value: Any, path: tuple[Any, ...], _: Any) -> Found:
        if isinstance(value, kinds) and compare(len(value), limit):
            yield path, f"{value!r} {too} ({limit_name} {limit})"

    return check


def _minimum(
    c: SchemaChecker, limit: float, value: Any, path: tuple[Any, ...], schema: Mapping[str, Any]
) -> Found:
    if not _is_number(value):
        return
    if schema.get("exclusiveMinimum") is True:
        if value <= limit:
            yield path, f"{value!r} is less than or equal to the minimum of {limit!r}"
    elif value < limit:
        yield path, f"{value!r} is less than the minimum of {limit!r}"


def _maximum(
    c: SchemaChecker, limit: float, value: Any, path: tuple[Any, ...], schema: Mapping[str, Any]
) -> Found:
    if not _is_number(value):
        return
    if schema.get("exclusiveMaximum") is True:
        if value >= limit:
            yield path, f"{value!r} is greater than or equal to the maximum of {limit!r}"
    elif value > limit:
        yield path, f"{value!r} is greater than the maximum of {limit!r}"


def _multiple_of(c: SchemaChecker, step: float, value: Any, path: tuple[Any, ...], _: Any) -> Found:
    if _is_number(value):
        quotient = value / step
        if quotient != int(quotient):
            yield path, f"{value!r} is not a multiple of {step!r}"


def _pattern(c: SchemaChecker, pattern: str, value: Any, path: tuple[Any, ...], _: Any) -> Found:
    if isinstance(value, str) and c._pattern(pattern).search(value) is None:
        yield path, f"{value!r} does not match {pattern!r}"


def _items(c: SchemaChecker, items: Any, value: Any, path: tuple[Any, ...], _: Any) -> Found:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from c._iter(items, item, (*path, index))


def _unique(c: SchemaChecker, unique: bool, value: Any, path: tuple[Any, ...], _: Any) -> Found:
    if unique and isinstance(value, list):
        for index, item in enumerate(value):
            if any(_same(item, other) for other in value[:index]):
                yield path, f"{value!r} has non-unique elements"
                return


def _all_of(c: SchemaChecker, parts: list[Any], value: Any, path: tuple[Any, ...], _: Any) -> Found:
    for part in parts:
        yield from c._iter(part, value, path)


def _first_failures(
    c: SchemaChecker, parts: list[Any], value: Any, path: tuple[Any, ...]
) -> tuple[int, list[tuple[tuple[Any, ...], str]]]:
    """How many of ``parts`` accept ``value``, and the first problem of each that does not."""
    matched = 0
    failures = []
    for part in parts:
        problem = next(c._iter(part, value, path), None)
        if problem is None:
            matched += 1
        else:
            failures.append(problem)
    return matched, failures


def _any_of(c: SchemaChecker, parts: list[Any], value: Any, path: tuple[Any, ...], _: Any) -> Found:
    matched, failures = _first_failures(c, parts, value, path)
    if not matched:
        # The most specific explanation: the first alternative's first problem.
        yield failures[0] if failures else (path, f"{value!r} is not valid under any schema")


def _one_of(c: SchemaChecker, parts: list[Any], value: Any, path: tuple[Any, ...], _: Any) -> Found:
    matched, failures = _first_failures(c, parts, value, path)
    if not matched:
        yield failures[0] if failures else (path, f"{value!r} is not valid under any schema")
    elif matched > 1:
        yield path, f"{value!r} is valid under more than one of the given schemas"


def _not(c: SchemaChecker, part: Any, value: Any, path: tuple[Any, ...], _: Any) -> Found:
    if next(c._iter(part, value, path), None) is None:
        yield path, f"{value!r} should not be valid under {part!r}"


_KEYWORDS: dict[str, Any] = {
    "$ref": _ref,
    "type": _type,
    "enum": _enum,
    "properties": _properties,
    "required": _required,
    "additionalProperties": _additional,
    "minimum": _minimum,
    "maximum": _maximum,
    "multipleOf": _multiple_of,
    "pattern": _pattern,
    "minLength": _count("minLength", "is too short", lambda n, m: n < m, (str,)),
    "maxLength": _count("maxLength", "is too long", lambda n, m: n > m, (str,)),
    "minItems": _count("minItems", "is too short", lambda n, m: n < m, (list,)),
    "maxItems": _count("maxItems", "is too long", lambda n, m: n > m, (list,)),
    "minProperties": _count("minProperties", "has too few properties", lambda n, m: n < m, (dict,)),
    "maxProperties": _count(
        "maxProperties", "has too many properties", lambda n, m: n > m, (dict,)
    ),
    "items": _items,
    "uniqueItems": _unique,
    "allOf": _all_of,
    "anyOf": _any_of,
    "oneOf": _one_of,
    "not": _not,
}
