from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.language import Language
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.execute_async_request_callback_headers import ExecuteAsyncRequestCallbackHeaders
    from ..models.execute_async_request_env import ExecuteAsyncRequestEnv


T = TypeVar("T", bound="ExecuteAsyncRequest")


@_attrs_define(eq=False, repr=False)
class ExecuteAsyncRequest(WireModel):
    """
    Attributes:
        code (str):
        callback_url (str): http(s) URL that receives the `AsyncExecutionCallback` POST: an absolute URI with a
            host name or IPv4 address, an optional port (0..65535) and RFC 3986 characters only
            (percent-encode anything else).
        language (Language | Unset): Interpreter. `python`/`python3` → Python 3 (Jupyter kernel in the code-interpreter
            template),
            `javascript`/`js`/`node`/`nodejs` → Node.js, `bash`, `sh`/`shell` → POSIX sh, `go` → `go run`.
             Default: Language.PYTHON.
        timeout (int | Unset):  Default: 1800.
        env (ExecuteAsyncRequestEnv | Unset):
        workdir (str | Unset):  Default: '/workspace'.
        callback_headers (ExecuteAsyncRequestCallbackHeaders | Unset): Extra headers sent with the callback POST.
        callback_signature_secret (str | Unset): Secret for the `X-HopX-Signature` HMAC-SHA256 header of the callback.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "code",
            "callback_url",
            "language",
            "timeout",
            "env",
            "workdir",
            "callback_headers",
            "callback_signature_secret",
        }
    )

    code: str
    callback_url: str
    language: Language | Unset = Language.PYTHON
    timeout: int | Unset = 1800
    env: ExecuteAsyncRequestEnv | Unset = UNSET
    workdir: str | Unset = "/workspace"
    callback_headers: ExecuteAsyncRequestCallbackHeaders | Unset = UNSET
    callback_signature_secret: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        callback_url = self.callback_url

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        timeout = self.timeout

        env: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env, Unset):
            env = self.env.to_dict()

        workdir = self.workdir

        callback_headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.callback_headers, Unset):
            callback_headers = self.callback_headers.to_dict()

        callback_signature_secret = self.callback_signature_secret

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "code": code,
                "callback_url": callback_url,
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
        if callback_headers is not UNSET:
            field_dict["callback_headers"] = callback_headers
        if callback_signature_secret is not UNSET:
            field_dict["callback_signature_secret"] = callback_signature_secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.execute_async_request_callback_headers import (
            ExecuteAsyncRequestCallbackHeaders,  # noqa: PLC0415
        )
        from ..models.execute_async_request_env import ExecuteAsyncRequestEnv  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        code = _types.as_str(d.get("code"))

        callback_url = _types.as_str(d.get("callback_url"))

        _language = d.get("language")
        language: Language | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = _types.as_enum(Language, _language)

        timeout = _types.as_int_or_none(d.get("timeout"))

        _env = d.get("env")
        env: ExecuteAsyncRequestEnv | Unset
        if isinstance(_env, Unset):
            env = UNSET
        else:
            env = ExecuteAsyncRequestEnv.from_dict(_env)

        workdir = _types.as_str_or_none(d.get("workdir"))

        _callback_headers = d.get("callback_headers")
        callback_headers: ExecuteAsyncRequestCallbackHeaders | Unset
        if isinstance(_callback_headers, Unset):
            callback_headers = UNSET
        else:
            callback_headers = ExecuteAsyncRequestCallbackHeaders.from_dict(_callback_headers)

        callback_signature_secret = _types.as_str_or_none(d.get("callback_signature_secret"))

        _execute_async_request_instance = cls(
            code=code,
            callback_url=callback_url,
            language=language,
            timeout=timeout,
            env=env,
            workdir=workdir,
            callback_headers=callback_headers,
            callback_signature_secret=callback_signature_secret,
        )
        dict.update(_execute_async_request_instance, d)
        return _execute_async_request_instance
