"""Domain errors across a process boundary (Ray calls, the node tunnel) as plain data.

An exception with its own ``__init__`` does not survive pickling reliably, and a Ray task error
hides the original's attributes; so node agents answer ``(kind, message, details)`` and the
control plane raises the same kind again.
"""

from __future__ import annotations

import errno as errno_codes
from typing import Any

from hopx_local.control import domain_errors
from hopx_local.control.domain_errors import LifecycleError

EncodedError = tuple[str, str, dict[str, Any]]

_KINDS: dict[str, type[LifecycleError]] = {
    name: kind
    for name, kind in vars(domain_errors).items()
    if isinstance(kind, type) and issubclass(kind, LifecycleError)
}


def encode_error(error: LifecycleError | OSError) -> EncodedError:
    if isinstance(error, OSError):
        return ("OSError", str(error), {"errno": error.errno or errno_codes.EIO})
    return (type(error).__name__, error.message, dict(error.details))


def decode_error(encoded: EncodedError) -> LifecycleError | OSError:
    """The error again (an unknown kind becomes a BackendFailure)."""
    kind_name, message, details = encoded
    if kind_name == "OSError":
        return OSError(int(details.get("errno", errno_codes.EIO)), message)
    kind = _KINDS.get(kind_name, domain_errors.BackendFailure)
    error = kind.__new__(kind)
    LifecycleError.__init__(error, message, **details)
    for name in ("sandbox_id", "node_id", "status"):
        if name in details:
            setattr(error, name, details[name])
    return error
