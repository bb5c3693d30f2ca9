"""python main.py [--db PATH] → the GUI; python main.py <command> ... → the CLI."""
import sys


def _wants_gui(args: list[str]) -> bool:
    # Only a database choice (or nothing) means "open the app"; anything else is a command.
    return not args or (args[0] == "--db" and len(args) == 2) or (
        args[0].startswith("--db=") and len(args) == 1
    )


if __name__ == "__main__":
    if _wants_gui(sys.argv[1:]):
        from ui.app import main
    else:
        from newsdesk.cli import main
    sys.exit(main())
