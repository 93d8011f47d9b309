"""Example 1 of the Sandbox reference: create a sandbox, run code, clean up.

Run against HopX (HOPX_API_KEY) or hopx-local (`hopx-local serve` prints the HOPX_BASE_URL and
HOPX_API_KEY lines to paste into your shell):

    python examples/01_basic_usage.py
"""

from hopx_ai import Sandbox

# Create sandbox
sandbox = Sandbox.create(template="code-interpreter")

# Execute code
result = sandbox.run_code("print('Hello, HopX!')")
print(result.stdout)

# Cleanup
sandbox.kill()
