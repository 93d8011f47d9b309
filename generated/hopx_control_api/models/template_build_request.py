from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.build_step import BuildStep
    from ..models.ready_check import ReadyCheck
    from ..models.registry_credentials import RegistryCredentials


T = TypeVar("T", bound="TemplateBuildRequest")


@_attrs_define(eq=False, repr=False)
class TemplateBuildRequest(WireModel):
    """
    Attributes:
        name (str): Template name; `build` and `files` are reserved.
        from_image (str): Base image, e.g. `python:3.12-slim`.
        cpu (int): vCPUs (upper bound is server policy → 400).
        memory (int): Memory in MiB (lower/upper bounds are server policy → 400).
        disk_gb (int): Disk in GiB.
        steps (list[BuildStep] | Unset):
        start_cmd (None | str | Unset): Command started when a sandbox boots from the template.
        ready_cmd (None | ReadyCheck | Unset): Readiness check for `startCmd`; null = none.
        skip_cache (bool | Unset):  Default: False.
        update (bool | Unset): Rebuild an existing template of this name (else a duplicate name → 409). Default: False.
        agent_version (str | Unset): Agent version to bake in (sent by the published builder when set in metadata).
        registry_credentials (RegistryCredentials | Unset): Credentials for a private base image. The published SDK
            always sends `basic`.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "name",
            "from_image",
            "cpu",
            "memory",
            "diskGB",
            "steps",
            "startCmd",
            "readyCmd",
            "skipCache",
            "update",
            "agent_version",
            "registry_credentials",
        }
    )

    name: str
    from_image: str
    cpu: int
    memory: int
    disk_gb: int
    steps: list[BuildStep] | Unset = UNSET
    start_cmd: None | str | Unset = UNSET
    ready_cmd: None | ReadyCheck | Unset = UNSET
    skip_cache: bool | Unset = False
    update: bool | Unset = False  # type: ignore[assignment]
    agent_version: str | Unset = UNSET
    registry_credentials: RegistryCredentials | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.ready_check import ReadyCheck  # noqa: PLC0415

        name = self.name

        from_image = self.from_image

        cpu = self.cpu

        memory = self.memory

        disk_gb = self.disk_gb

        steps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item = steps_item_data.to_dict()
                steps.append(steps_item)

        start_cmd: None | str | Unset
        if isinstance(self.start_cmd, Unset):
            start_cmd = UNSET
        else:
            start_cmd = self.start_cmd

        ready_cmd: dict[str, Any] | None | Unset
        if isinstance(self.ready_cmd, Unset):
            ready_cmd = UNSET
        elif isinstance(self.ready_cmd, ReadyCheck):
            ready_cmd = self.ready_cmd.to_dict()
        else:
            ready_cmd = self.ready_cmd

        skip_cache = self.skip_cache

        update = self.update

        agent_version = self.agent_version

        registry_credentials: dict[str, Any] | Unset = UNSET
        if not isinstance(self.registry_credentials, Unset):
            registry_credentials = self.registry_credentials.to_dict()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "name": name,
                "from_image": from_image,
                "cpu": cpu,
                "memory": memory,
                "diskGB": disk_gb,
            }
        )
        if steps is not UNSET:
            field_dict["steps"] = steps
        if start_cmd is not UNSET:
            field_dict["startCmd"] = start_cmd
        if ready_cmd is not UNSET:
            field_dict["readyCmd"] = ready_cmd
        if skip_cache is not UNSET:
            field_dict["skipCache"] = skip_cache
        if update is not UNSET:
            field_dict["update"] = update
        if agent_version is not UNSET:
            field_dict["agent_version"] = agent_version
        if registry_credentials is not UNSET:
            field_dict["registry_credentials"] = registry_credentials

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.build_step import BuildStep  # noqa: PLC0415
        from ..models.ready_check import ReadyCheck  # noqa: PLC0415
        from ..models.registry_credentials import RegistryCredentials  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        name = _types.as_str(d.get("name"))

        from_image = _types.as_str(d.get("from_image"))

        cpu = _types.as_int(d.get("cpu"))

        memory = _types.as_int(d.get("memory"))

        disk_gb = _types.as_int(d.get("diskGB"))

        _steps = d.get("steps")
        steps: list[BuildStep] | Unset = UNSET
        if _steps is not UNSET:
            steps = []
            for steps_item_data in _types.as_list(_steps):
                steps_item = BuildStep.from_dict(steps_item_data)

                steps.append(steps_item)

        def _parse_start_cmd(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_cmd = _parse_start_cmd(d.get("startCmd"))

        def _parse_ready_cmd(data: object) -> None | ReadyCheck | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ready_cmd_type_1 = ReadyCheck.from_dict(data)

                return ready_cmd_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReadyCheck | Unset, data)

        ready_cmd = _parse_ready_cmd(d.get("readyCmd"))

        skip_cache = _types.as_bool_or_none(d.get("skipCache"))

        update = _types.as_bool_or_none(d.get("update"))

        agent_version = _types.as_str_or_none(d.get("agent_version"))

        _registry_credentials = d.get("registry_credentials")
        registry_credentials: RegistryCredentials | Unset
        if isinstance(_registry_credentials, Unset):
            registry_credentials = UNSET
        else:
            registry_credentials = RegistryCredentials.from_dict(_registry_credentials)

        _template_build_request_instance = cls(
            name=name,
            from_image=from_image,
            cpu=cpu,
            memory=memory,
            disk_gb=disk_gb,
            steps=steps,
            start_cmd=start_cmd,
            ready_cmd=ready_cmd,
            skip_cache=skip_cache,
            update=update,
            agent_version=agent_version,
            registry_credentials=registry_credentials,
        )
        dict.update(_template_build_request_instance, d)
        return _template_build_request_instance
