"""The single place where a Files-API path becomes a filesystem path.

Relative paths resolve against the workspace. A path is allowed only when it stays inside one of
the allowed roots both as written (after ``..`` is folded) and after symlinks are resolved; the
sandbox's mount namespace confines the agent anyway, but the API refuses to leave its roots.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import AgentFault


@dataclass(frozen=True)
class Resolved:
    shown: str
    """The normalised path as the user addresses it (what responses report)."""
    real: Path
    """The path with symlinks resolved (what the agent operates on)."""


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def _identity(path: str) -> str:
    return path


class PathPolicy:
    """``workspace`` and ``roots`` as the API names them; ``to_real`` maps API to host paths."""

    def __init__(
        self,
        workspace: str,
        roots: Sequence[Path | str],
        to_real: Callable[[str], str] = _identity,
        hidden: Sequence[str] = (),
    ) -> None:
        self.workspace = os.path.normpath(workspace)
        self.roots = [os.path.normpath(str(root)) for root in roots]
        self.to_real = to_real
        self.hidden = [os.path.normpath(path) for path in hidden]
        """Paths inside the roots the API never touches (the kernel's, hopx-local's own)."""

    def _real_roots(self) -> list[str]:
        return [os.path.realpath(self.to_real(root)) for root in self.roots]

    def resolve(self, raw: str, *, follow_final: bool = True) -> Resolved:
        """Resolve ``raw``; with ``follow_final=False`` a final symlink is the object itself."""
        # Blank means spaces, tabs and newlines only: str.strip() would also eat \x1c-\x1f
        # and other Unicode spaces, so a file written as /workspace/\x1f could not be read
        # back by its relative name "\x1f".
        if not raw.strip(" \t\r\n"):
            raise AgentFault(400, "INVALID_PATH", "The path is empty.", {"path": raw})
        if "\x00" in raw:
            raise AgentFault(400, "INVALID_PATH", "The path contains a NUL byte.", {"path": raw})
        joined = raw if raw.startswith("/") else os.path.join(self.workspace, raw)
        shown = os.path.normpath(joined)
        if shown.startswith("//"):
            shown = "/" + shown.lstrip("/")
        if not any(_inside(shown, root) for root in self.roots):
            raise self._not_allowed(raw, shown)
        lexical = self.to_real(shown)
        if follow_final:
            real = os.path.realpath(lexical)
        else:
            parent, name = os.path.split(lexical)
            real = os.path.join(os.path.realpath(parent), name) if name else lexical
        if not any(_inside(real, root) for root in self._real_roots()):
            raise self._not_allowed(raw, shown, through_link=True)
        for hidden in self.hidden:
            if _inside(shown, hidden) or _inside(real, hidden):
                raise AgentFault(
                    403,
                    "PATH_NOT_ALLOWED",
                    f"Path '{raw}' is not reachable through the API "
                    f"({', '.join(self.hidden)} and what they hold are not the sandbox's files).",
                    {"path": shown, "not_allowed": list(self.hidden)},
                )
        return Resolved(shown, Path(real))

    def is_hidden_entry(self, directory: str, name: str) -> bool:
        """True for an entry of a listing that the API does not show (e.g. /.hopx in /)."""
        return os.path.join(directory, name) in self.hidden

    def is_root(self, resolved: Resolved) -> bool:
        real = str(resolved.real)
        protected = [*self.roots, self.workspace]
        real_protected = [os.path.realpath(self.to_real(path)) for path in protected]
        return resolved.shown in protected or real in real_protected

    def _not_allowed(self, raw: str, shown: str, *, through_link: bool = False) -> AgentFault:
        why = "resolves through a symlink to a place" if through_link else "is"
        return AgentFault(
            403,
            "PATH_NOT_ALLOWED",
            f"Path '{raw}' {why} outside the allowed directories "
            f"({', '.join(self.roots)}); relative paths are taken from {self.workspace}.",
            {"path": shown, "allowed_roots": list(self.roots)},
        )


def fault_from_os_error(exc: OSError, shown: str) -> AgentFault:
    """Map a filesystem error to the agent's error codes (never a 500 for a user mistake)."""
    code = exc.errno
    reason = exc.strerror or str(exc)
    details = {"path": shown, "reason": reason}
    if code == errno.ENOENT:
        return AgentFault(404, "FILE_NOT_FOUND", f"No such file or directory: {shown}", details)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return AgentFault(403, "PERMISSION_DENIED", f"Permission denied: {shown}", details)
    if code == errno.EISDIR:
        return AgentFault(400, "INVALID_PATH", f"{shown} is a directory, not a file", details)
    if code == errno.ENOTDIR:
        message = f"A component of {shown} is not a directory"
        return AgentFault(400, "INVALID_PATH", message, details)
    if code == errno.EEXIST:
        return AgentFault(409, "FILE_ALREADY_EXISTS", f"{shown} already exists", details)
    if code == errno.ENOTEMPTY:
        return AgentFault(409, "INVALID_PATH", f"Directory {shown} is not empty", details)
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return AgentFault(507, "PAYLOAD_TOO_LARGE", f"No space left to write {shown}", details)
    if code in (errno.ENAMETOOLONG, errno.ELOOP, errno.EINVAL):
        return AgentFault(400, "INVALID_PATH", f"Invalid path {shown}: {reason}", details)
    return AgentFault(500, "INTERNAL_ERROR", f"Filesystem error on {shown}: {reason}", details)
