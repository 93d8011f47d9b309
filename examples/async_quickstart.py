"""The quick start with AsyncSandbox: the same API, awaited; several sandboxes at once.

Needs HOPX_API_KEY (and HOPX_BASE_URL for hopx-local) in the environment.
"""

import asyncio

from hopx_ai import AsyncSandbox


async def square_in_a_sandbox(n: int) -> str:
    async with AsyncSandbox.create(template="code-interpreter") as sandbox:
        result = await sandbox.run_code(f"print({n} * {n})")
        return result.stdout.strip()


async def main() -> None:
    async with AsyncSandbox.create(template="code-interpreter") as sandbox:
        result = await sandbox.run_code("print('Hello, HopX!')")
        print(result.stdout, end="")

        await sandbox.files.write("/workspace/hello.txt", "Hello from a file")
        print(await sandbox.files.read("/workspace/hello.txt"))

        listing = await sandbox.commands.run("ls /workspace")
        print(f"ls -> {listing.stdout.split()}")

        print("streamed:")
        async for event in sandbox.run_code_stream("for i in range(3): print('tick', i)"):
            if event.type == "stdout":
                print(event.data, end="")  # chunks, as the code prints them

    # Sandboxes in parallel: each call waits on the network, not on the CPU.
    squares = await asyncio.gather(*(square_in_a_sandbox(n) for n in (2, 3)))
    print(f"squares: {squares}")


asyncio.run(main())
