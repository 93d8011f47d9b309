from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.language import Language
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.execute_request_env import ExecuteRequestEnv


T = TypeVar("T", bound="ExecuteRequest")


@_attrs_define
class ExecuteRequest:
    """
    Attributes:
        code (str): Source code (at most 1 MiB).
        language (Language | Unset): Interpreter. `python`/`python3` → Python 3 (Jupyter kernel in the code-interpreter
            template),
            `javascript`/`js`/`node`/`nodejs` → Node.js, `bash`, `sh`/`shell` → POSIX sh, `go` → `go run`.
             Default: Language.PYTHON.
        timeout (int | Unset): Seconds before the execution is killed (answer 408 `EXECUTION_TIMEOUT`). Default: 60.
        env (ExecuteRequestEnv | Unset): Extra environment variables for this execution only (highest precedence).
        workdir (str | Unset): Working directory (must exist). Default: '/workspace'.
    """

    code: str
    language: Language | Unset = Language.PYTHON
    timeout: int | Unset = 60
    env: ExecuteRequestEnv | Unset = UNSET
    workdir: str | Unset = "/workspace"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        timeout = self.timeout

        env: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env, Unset):
            env = self.env.to_dict()

        workdir = self.workdir

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
        if workdir is not UNSET:
            field_dict["workdir"] = workdir

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.execute_request_env import ExecuteRequestEnv  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        _language = d.pop("language", UNSET)
        language: Language | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = Language(_language)

        timeout = d.pop("timeout", UNSET)

        _env = d.pop("env", UNSET)
        env: ExecuteRequestEnv | Unset
        if isinstance(_env, Unset):
            env = UNSET
        else:
            env = ExecuteRequestEnv.from_dict(_env)

        workdir = d.pop("workdir", UNSET)

        _execute_request_instance = cls(
            code=code,
            language=language,
            timeout=timeout,
            env=env,
            workdir=workdir,
        )

        _execute_request_instance.additional_properties = d
        return _execute_request_instance

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
