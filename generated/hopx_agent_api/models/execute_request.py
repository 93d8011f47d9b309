from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.language import Language
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.execute_request_env import ExecuteRequestEnv


T = TypeVar("T", bound="ExecuteRequest")


@_attrs_define(eq=False, repr=False)
class ExecuteRequest(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "code",
            "language",
            "timeout",
            "env",
            "workdir",
        }
    )

    code: str
    language: Language | Unset = Language.PYTHON
    timeout: int | Unset = 60
    env: ExecuteRequestEnv | Unset = UNSET
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
        if workdir is not UNSET:
            field_dict["workdir"] = workdir

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.execute_request_env import ExecuteRequestEnv  # noqa: PLC0415

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
        env: ExecuteRequestEnv | Unset
        if isinstance(_env, Unset):
            env = UNSET
        else:
            env = ExecuteRequestEnv.from_dict(_env)

        workdir = _types.as_str_or_none(d.get("workdir"))

        _execute_request_instance = cls(
            code=code,
            language=language,
            timeout=timeout,
            env=env,
            workdir=workdir,
        )
        dict.update(_execute_request_instance, d)
        return _execute_request_instance
