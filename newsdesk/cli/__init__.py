"""`newsdesk` / `python main.py <command>`: click commands over the core, which holds
every rule (a library first and a thin command line, as sqlite-utils). No command
opens the app. Exit codes: 0 ok, 1 problems found, 2 usage or input errors, always
one line naming what was wrong, never a traceback."""
from __future__ import annotations

import os
import sys

import click

from newsdesk.cli import (admin, data, imports, publish, recycle, review, site, stories,
                          syncing)
from newsdesk.cli.common import DB_HELP, OK, USAGE
from newsdesk import i18n
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import _


@click.group(invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", metavar="PATH", default=None, help=DB_HELP)
@click.pass_context
def newsdesk(ctx, db: str | None):
    """Newsdesk, the newsroom editor. Without a command: the app."""
    if ctx.invoked_subcommand is None:
        from ui.app import main as app  # Qt only when the app is asked for

        return app(db)
    return OK


for _module in (stories, imports, review, recycle, admin, site, publish, data, syncing):
    for _command in _module.COMMANDS:
        newsdesk.add_command(_command)


def main(argv: list[str] | None = None) -> int:
    i18n.lend_to_click(i18n.use(i18n.choose()))  # NEWSDESK_LANG, then the locale
    try:
        code = _run(argv)
        sys.stdout.flush()  # a closed pipe shows here, not at the interpreter's exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except SystemExit as e:
        # click meets a closed pipe inside a command by exiting 1 itself: that alone.
        if e.code == 1:
            return _reader_gone()
        raise


def _run(argv: list[str] | None) -> int:
    try:
        result = newsdesk.main(args=argv, prog_name="newsdesk", standalone_mode=False)
    except click.UsageError as e:
        where = _(" (see '{command} --help')", command=e.ctx.command_path) if e.ctx else ""
        return _fail(e.format_message() + where)
    except click.ClickException as e:
        return _fail(e.format_message())
    except click.Abort:
        return _fail(_("stopped"))
    except NewsdeskError as e:
        return _fail(str(e))
    return result if isinstance(result, int) else OK


def _fail(message: str) -> int:
    print(_("newsdesk: error: {message}", message=message), file=sys.stderr)
    return USAGE


def _reader_gone() -> int:
    """The reader of our output went away (`newsdesk list | head`): stop quietly, as
    Unix tools do (128 + SIGPIPE), with nothing more written to the closed pipe."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a file (under a test's capture): nothing to flush later
    return 141 if os.name == "posix" else OK
