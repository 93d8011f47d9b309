"""Checking a template and its build options before any request is sent."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .types import BuildOptions, InvalidTemplateError, Step, StepType

if TYPE_CHECKING:
    from .builder import Template

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_RESERVED_NAMES = frozenset({"build", "files"})


def _positive_int(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidTemplateError(
            f"BuildOptions.{field} must be a positive integer (got {value!r})", field=field
        )
    return int(value)


def _positive_seconds(value: Any, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise InvalidTemplateError(
            f"BuildOptions.{field} must be a positive number of seconds (got {value!r})",
            field=field,
        )
    return float(value)


def validate_options(options: BuildOptions) -> None:
    if not isinstance(options, BuildOptions):
        raise InvalidTemplateError("options must be a BuildOptions", field="options")
    name = options.name
    if not isinstance(name, str) or not _NAME.match(name) or len(name) > 128:
        raise InvalidTemplateError(
            f"BuildOptions.name {name!r} is not a valid template name: 1-128 letters, digits, "
            "'.', '_' or '-', starting with a letter or digit",
            field="name",
        )
    if name in _RESERVED_NAMES:
        raise InvalidTemplateError(f"BuildOptions.name {name!r} is reserved", field="name")
    for field in ("cpu", "memory", "disk_gb"):
        _positive_int(getattr(options, field), field)
    _positive_seconds(options.build_timeout, "build_timeout")
    _positive_seconds(options.poll_interval, "poll_interval")
    if options.template_activation_timeout is not None:
        _positive_seconds(options.template_activation_timeout, "template_activation_timeout")
    for field in ("on_log", "on_progress"):
        if getattr(options, field) is not None and not callable(getattr(options, field)):
            raise InvalidTemplateError(f"BuildOptions.{field} must be callable", field=field)


def validate_template(template: Template) -> None:
    if not template.get_from_image():
        raise InvalidTemplateError(
            "Template must specify a base image: Template(from_image='python:3.11-slim'), "
            ".from_ubuntu_image('22.04'), .from_python_image('3.12') or .from_node_image('20')",
            field="from_image",
        )
    steps = template.get_steps()
    for index, step in enumerate(steps):
        if (
            not isinstance(step, Step)
            or not isinstance(step.args, list)
            or step.type not in set(StepType)
        ):
            raise InvalidTemplateError(
                f"steps[{index}] is not a Step with a StepType and a list of args", field="steps"
            )
        if StepType(step.type) is StepType.COPY and len(step.args) != 2:
            raise InvalidTemplateError(
                f"steps[{index}]: a COPY step has two args [sources, destination]",
                field="steps",
            )
    setup_only = {StepType.ENV, StepType.WORKDIR, StepType.USER}
    if all(StepType(step.type) in setup_only for step in steps):
        raise InvalidTemplateError(
            "Template must have at least one build step besides ENV/WORKDIR/USER "
            "(run_cmd, apt_install, pip_install, npm_install, copy...); environment variables "
            "can also be set when creating a sandbox",
            field="steps",
        )
