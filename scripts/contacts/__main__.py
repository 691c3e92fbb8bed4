import sys

from scripts.contacts.cli import main

sys.exit(main())
