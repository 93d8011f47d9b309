"""``hopx``: the command line of hopx-ai (``pip install 'hopx-ai[cli]'``).

    hopx sandbox create|list|info|pause|resume|kill     sandboxes (list shows leaked ones)
    hopx run FILE|-                                     run code, output streamed
    hopx exec ID -- CMD                                 a command, its exit code passed through
    hopx files ls|cat|put|get                           files in a sandbox
    hopx terminal ID                                    an interactive shell in a sandbox
    hopx template list|build                            templates
    hopx local serve                                    the same as ``hopx-local serve``

Credentials: ``--api-key`` / ``--base-url``, then ``HOPX_API_KEY`` / ``HOPX_BASE_URL``, then
the config file (:mod:`hopx_ai.cli.settings`). Built on the SDK's public API only.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

CLI_EXTRA_MODULES = frozenset({"click", "rich", "markdown_it", "mdurl", "pygments"})
"""Top-level modules of the ``cli`` extra (and of what it pulls in)."""

EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """The ``hopx`` console script: the exit status of the command."""
    try:
        from hopx_ai.cli.app import run
    except ModuleNotFoundError as missing:
        if (missing.name or "").partition(".")[0] not in CLI_EXTRA_MODULES:
            raise
        print(
            f"hopx: the command line's dependencies are not installed (no module "
            f"{missing.name!r}): install hopx-ai[cli]:  pip install 'hopx-ai[cli]'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return run(argv)
