"""Rich outputs: a matplotlib chart comes back as a PNG, a pandas DataFrame as an HTML table.

    python examples/rich_outputs.py [OUTPUT_DIR]     # writes chart.png and table.html there

Needs HOPX_API_KEY (and HOPX_BASE_URL for hopx-local) in the environment.
"""

import base64
import sys
from pathlib import Path

from hopx_ai import Sandbox

out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else ".")

with Sandbox.create(template="code-interpreter") as sandbox:
    chart = sandbox.run_code(
        "import matplotlib.pyplot as plt\nplt.plot([1, 4, 2, 5])\nplt.title('Sales')\nplt.show()\n"
    )
    for output in chart.rich_outputs:
        if output.type == "image/png":
            png = base64.b64decode(output.data["image/png"])
            (out_dir / "chart.png").write_bytes(png)
            print(f"chart.png: {len(png)} bytes of image/png")

    table = sandbox.run_code(
        "import pandas as pd\npd.DataFrame({'product': ['tea', 'coffee'], 'sales': [120, 340]})"
    )
    if table.html:
        (out_dir / "table.html").write_text(table.html)
        print(f"table.html: {table.html.count('<tr')} rows of text/html")
