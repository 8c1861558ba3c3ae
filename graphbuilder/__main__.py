import sys

from graphbuilder.cli import main

sys.exit(main())
