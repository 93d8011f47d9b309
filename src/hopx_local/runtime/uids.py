"""Host uids for sandboxes: a private range, no /etc/passwd entry needed."""

from __future__ import annotations

import pwd
from collections.abc import Set

from hopx_local.runtime.errors import SandboxRuntimeError

UID_RANGE = range(200000, 265536)


def allocate_uid(used: Set[int]) -> int:
    """Return the lowest uid of UID_RANGE not in ``used`` and not a named host user.

    The same number is used as the gid. Raises SandboxRuntimeError when the range is full.
    """
    for uid in UID_RANGE:
        if uid in used:
            continue
        try:
            pwd.getpwuid(uid)
        except KeyError:
            return uid
    raise SandboxRuntimeError(
        f"all {len(UID_RANGE)} sandbox uids are in use; delete sandboxes to free some"
    )
