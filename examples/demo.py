"""make demo: start hopx-local on loopback, run the quick start through the SDK, stop everything."""

from __future__ import annotations

from hopx_ai import Sandbox
from hopx_local.launcher import local_server


def main() -> None:
    with local_server() as server:
        print(f"hopx-local is serving at {server.base_url}")
        with Sandbox.create(
            template="code-interpreter", api_key=server.api_key, base_url=server.base_url
        ) as sandbox:
            info = sandbox.get_info()
            print(f"sandbox {info.sandbox_id} is {info.status}; agent at {info.public_host}")

            result = sandbox.run_code("print('Hello, HopX!')")
            print(result.stdout, end="")

            sandbox.files.write("/workspace/script.py", "print('Hello from a file')")
            print(sandbox.run_code("exec(open('/workspace/script.py').read())").stdout, end="")

            listing = sandbox.commands.run("id -u && ls /workspace")
            print(f"commands.run -> exit {listing.exit_code}:\n{listing.stdout}", end="")

            chart = sandbox.run_code(
                "import matplotlib.pyplot as plt\nplt.plot([1, 3, 2])\nplt.show()"
            )
            print(f"a matplotlib figure came back as {[o.type for o in chart.rich_outputs]}")
        print("sandbox killed; stopping hopx-local")


if __name__ == "__main__":
    main()
