"""Example 4 of the Sandbox reference: start a long task in the background, check on it.

Needs HOPX_API_KEY (and HOPX_BASE_URL for hopx-local) in the environment.
"""

from hopx_ai import Sandbox

sandbox = Sandbox.create(template="code-interpreter")

# Start long-running task
proc = sandbox.run_code_background(
    "import time; time.sleep(60); print('Done')",
    name="long-task",
)

# Do other work (the sandbox keeps running the task meanwhile)
sandbox.files.write("/workspace/notes.txt", "meanwhile...")

# Check status
processes = sandbox.list_processes()
for p in processes:
    if p["process_id"] == proc["process_id"]:
        print(f"Status: {p['status']}")

sandbox.kill()
