from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.language import Language
from ..models.ws_execute_message_type import WsExecuteMessageType
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.ws_execute_message_env import WsExecuteMessageEnv


T = TypeVar("T", bound="WsExecuteMessage")


@_attrs_define(eq=False, repr=False)
class WsExecuteMessage(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "code",
            "language",
            "timeout",
            "workdir",
            "env",
        }
    )

    type_: WsExecuteMessageType
    code: str
    language: Language | Unset = Language.PYTHON
    timeout: int | Unset = 60
    workdir: str | Unset = "/workspace"
    env: WsExecuteMessageEnv | Unset = UNSET

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

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.ws_execute_message_env import WsExecuteMessageEnv  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsExecuteMessageType, d.get("type"))

        code = _types.as_str(d.get("code"))

        _language = d.get("language")
        language: Language | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = _types.as_enum(Language, _language)

        timeout = _types.as_int_or_none(d.get("timeout"))

        workdir = _types.as_str_or_none(d.get("workdir"))

        _env = d.get("env")
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
        dict.update(_ws_execute_message_instance, d)
        return _ws_execute_message_instance

    @property
    def type(self) -> WsExecuteMessageType:
        """``type_``, by its wire name."""
        return self.type_
