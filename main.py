"""python main.py → the app; python main.py <command> ... → the command line."""
import sys

from newsdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
