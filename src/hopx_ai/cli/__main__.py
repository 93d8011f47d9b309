import sys

from hopx_ai.cli import main

sys.exit(main())
