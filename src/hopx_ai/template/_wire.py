"""The control plane's template-build messages: the ``buildTemplate`` body, made with the
generated models, and tolerant readers of the answers (unknown fields ignored, ids as text)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .types import BuildOptions, LogsResponse, ReadyCheck, Step, StepType

if TYPE_CHECKING:
    from hopx_control_api.models import ReadyCheck as WireReadyCheck
    from hopx_control_api.models import RegistryCredentials, TemplateBuildRequest

    from .builder import Template


def text(data: Mapping[str, Any], key: str, default: str = "") -> str:
    value = data.get(key)
    return default if value is None else str(value)


def optional_text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return None if value is None else str(value)


def optional_int(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


@attrs.frozen
class BuildStarted:
    build_id: str
    template_id: str
    logs_url: str | None
    request_id: str | None


@attrs.frozen
class BuildState:
    status: str
    progress: int | None
    template_id: str | None
    error_message: str | None
    build_duration_ms: int | None
    request_id: str | None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BuildState:
        return cls(
            status=text(data, "status", "unknown").lower(),
            progress=optional_int(data, "progress"),
            template_id=optional_text(data, "template_id"),
            error_message=optional_text(data, "error_message"),
            build_duration_ms=optional_int(data, "build_duration_ms"),
            request_id=optional_text(data, "request_id"),
        )


def logs_response(data: Mapping[str, Any], offset: int) -> LogsResponse:
    logs = text(data, "logs")
    next_offset = optional_int(data, "offset")
    return LogsResponse(
        logs=logs,
        offset=next_offset if next_offset is not None and next_offset >= 0 else offset + len(logs),
        status=text(data, "status", "unknown"),
        complete=data.get("complete") is True,
        request_id=optional_text(data, "request_id"),
    )


def _wire_ready_check(check: ReadyCheck | None) -> WireReadyCheck | None:
    from hopx_control_api.models import ReadyCheck as WireReadyCheck
    from hopx_control_api.models import ReadyCheckType
    from hopx_control_api.types import UNSET

    if check is None:
        return None

    def given(value: Any) -> Any:
        return UNSET if value is None else value

    return WireReadyCheck(
        type_=ReadyCheckType(str(getattr(check.type, "value", check.type))),
        timeout=check.timeout,
        interval=check.interval,
        port=given(check.port),
        url=given(check.url),
        path=given(check.path),
        process_name=given(check.process_name),
        command=given(check.command),
    )


def _registry_credentials(template: Template) -> RegistryCredentials | None:
    from hopx_control_api.models import RegistryCredentials, RegistryCredentialsType
    from hopx_control_api.types import UNSET

    aws = getattr(template, "aws_auth", None)
    if aws is not None:
        return RegistryCredentials(
            type_=RegistryCredentialsType.ECR,
            username=aws.access_key_id,
            password=aws.secret_access_key,
            token=aws.session_token if aws.session_token else UNSET,
        )
    auth = template.get_registry_auth()
    if auth is None:
        return None
    return RegistryCredentials(
        type_=RegistryCredentialsType.BASIC, username=auth.username, password=auth.password
    )


def build_request(
    template: Template, steps: Sequence[Step], options: BuildOptions
) -> TemplateBuildRequest:
    """The ``buildTemplate`` body (``TemplateBuildRequest`` of the contract)."""
    from hopx_control_api.models import BuildStep, BuildStepType, TemplateBuildRequest
    from hopx_control_api.types import UNSET

    wire_steps = [
        BuildStep(
            type_=BuildStepType(StepType(step.type).value),
            args=[str(arg) for arg in step.args],
            files_hash=step.files_hash if step.files_hash else UNSET,
            skip_cache=True if step.skip_cache else UNSET,
        )
        for step in steps
    ]
    credentials = _registry_credentials(template)
    agent_version = template.get_metadata().get("agent_version")
    return TemplateBuildRequest(
        name=options.name,
        from_image=str(template.get_from_image()),
        cpu=options.cpu,
        memory=options.memory,
        disk_gb=options.disk_gb,
        steps=wire_steps,
        start_cmd=template.get_start_cmd(),
        ready_cmd=_wire_ready_check(template.get_ready_check()),
        skip_cache=bool(options.skip_cache),
        update=bool(options.update),
        agent_version=agent_version if agent_version else UNSET,
        registry_credentials=credentials if credentials is not None else UNSET,
    )
