"""Sandbox uids already taken on this host by processes this server does not know about.

Another hopx-local (another data directory) allocates from the same uid range; skipping the
uids of running processes keeps two live sandboxes of different servers from sharing a uid.
Best effort: ``/proc/<pid>`` is owned by the process's effective uid.
"""

from __future__ import annotations

import os


def uids_in_use(candidates: range) -> set[int]:
    """The uids of ``candidates`` that own a running process."""
    found: set[int] = set()
    try:
        entries = os.scandir("/proc")
    except OSError:
        return found
    with entries:
        for entry in entries:
            if not entry.name.isdigit():
                continue
            try:
                uid = entry.stat(follow_symlinks=False).st_uid
            except OSError:
                continue  # the process ended meanwhile
            if uid in candidates:
                found.add(uid)
    return found
