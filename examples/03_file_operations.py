"""Example 3 of the Sandbox reference: write a file into the sandbox, then run it.

Needs HOPX_API_KEY (and HOPX_BASE_URL for hopx-local) in the environment.
"""

from hopx_ai import Sandbox

sandbox = Sandbox.create(template="code-interpreter")

# Write a file
sandbox.files.write("/workspace/script.py", "print('Hello')")

# Execute it
result = sandbox.run_code("exec(open('/workspace/script.py').read())")
print(result.stdout)

sandbox.kill()
