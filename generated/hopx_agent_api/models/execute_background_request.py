from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.language import Language
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.execute_background_request_env import ExecuteBackgroundRequestEnv


T = TypeVar("T", bound="ExecuteBackgroundRequest")


@_attrs_define(eq=False, repr=False)
class ExecuteBackgroundRequest(WireModel):
    """
    Attributes:
        code (str):
        language (Language | Unset): Interpreter. `python`/`python3` → Python 3 (Jupyter kernel in the code-interpreter
            template),
            `javascript`/`js`/`node`/`nodejs` → Node.js, `bash`, `sh`/`shell` → POSIX sh, `go` → `go run`.
             Default: Language.PYTHON.
        timeout (int | Unset): Seconds before the process is killed (final status `timeout`). Default: 300.
        env (ExecuteBackgroundRequestEnv | Unset):
        name (str | Unset): Free-form label shown in the process list.
        workdir (str | Unset):  Default: '/workspace'.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "code",
            "language",
            "timeout",
            "env",
            "name",
            "workdir",
        }
    )

    code: str
    language: Language | Unset = Language.PYTHON
    timeout: int | Unset = 300
    env: ExecuteBackgroundRequestEnv | Unset = UNSET
    name: str | Unset = UNSET
    workdir: str | Unset = "/workspace"

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        timeout = self.timeout

        env: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env, Unset):
            env = self.env.to_dict()

        name = self.name

        workdir = self.workdir

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "code": code,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if env is not UNSET:
            field_dict["env"] = env
        if name is not UNSET:
            field_dict["name"] = name
        if workdir is not UNSET:
            field_dict["workdir"] = workdir

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.execute_background_request_env import (
            ExecuteBackgroundRequestEnv,  # noqa: PLC0415
        )

        d = _types.as_mapping(src_dict)
        code = _types.as_str(d.get("code"))

        _language = d.get("language")
        language: Language | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = _types.as_enum(Language, _language)

        timeout = _types.as_int_or_none(d.get("timeout"))

        _env = d.get("env")
        env: ExecuteBackgroundRequestEnv | Unset
        if isinstance(_env, Unset):
            env = UNSET
        else:
            env = ExecuteBackgroundRequestEnv.from_dict(_env)

        name = _types.as_str_or_none(d.get("name"))

        workdir = _types.as_str_or_none(d.get("workdir"))

        _execute_background_request_instance = cls(
            code=code,
            language=language,
            timeout=timeout,
            env=env,
            name=name,
            workdir=workdir,
        )
        dict.update(_execute_background_request_instance, d)
        return _execute_background_request_instance
