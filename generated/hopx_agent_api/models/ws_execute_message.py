from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.language import Language
from ..models.ws_execute_message_type import WsExecuteMessageType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ws_execute_message_env import WsExecuteMessageEnv


T = TypeVar("T", bound="WsExecuteMessage")


@_attrs_define
class WsExecuteMessage:
    """`/execute/stream` client → server: the execution to run (first frame).

    Attributes:
        type_ (WsExecuteMessageType):
        code (str):
        language (Language | Unset): Interpreter. `python`/`python3` → Python 3 (Jupyter kernel in the code-interpreter
            template),
            `javascript`/`js`/`node`/`nodejs` → Node.js, `bash`, `sh`/`shell` → POSIX sh, `go` → `go run`.
             Default: Language.PYTHON.
        timeout (int | Unset):  Default: 60.
        workdir (str | Unset):  Default: '/workspace'.
        env (WsExecuteMessageEnv | Unset):
    """

    type_: WsExecuteMessageType
    code: str
    language: Language | Unset = Language.PYTHON
    timeout: int | Unset = 60
    workdir: str | Unset = "/workspace"
    env: WsExecuteMessageEnv | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        code = self.code

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        timeout = self.timeout

        workdir = self.workdir

        env: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env, Unset):
            env = self.env.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "code": code,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if workdir is not UNSET:
            field_dict["workdir"] = workdir
        if env is not UNSET:
            field_dict["env"] = env

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ws_execute_message_env import WsExecuteMessageEnv  # noqa: PLC0415

        d = dict(src_dict)
        type_ = WsExecuteMessageType(d.pop("type"))

        code = d.pop("code")

        _language = d.pop("language", UNSET)
        language: Language | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = Language(_language)

        timeout = d.pop("timeout", UNSET)

        workdir = d.pop("workdir", UNSET)

        _env = d.pop("env", UNSET)
        env: WsExecuteMessageEnv | Unset
        if isinstance(_env, Unset):
            env = UNSET
        else:
            env = WsExecuteMessageEnv.from_dict(_env)

        _ws_execute_message_instance = cls(
            type_=type_,
            code=code,
            language=language,
            timeout=timeout,
            workdir=workdir,
            env=env,
        )

        _ws_execute_message_instance.additional_properties = d
        return _ws_execute_message_instance

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
