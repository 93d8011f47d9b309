"""Example 2 of the Sandbox reference: the sandbox is killed when the `with` block ends.

Needs HOPX_API_KEY (and HOPX_BASE_URL for hopx-local) in the environment.
"""

from hopx_ai import Sandbox

with Sandbox.create(template="code-interpreter") as sandbox:
    # Work with sandbox
    result = sandbox.run_code("import sys; print(sys.version)")
    print(result.stdout)
# Automatically cleaned up
