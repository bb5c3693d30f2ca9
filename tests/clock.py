"""The tests' clock: moments counted from the real now, so that no test depends on the
day it runs (the demo newsroom is dated from the moment it is made)."""
from datetime import datetime, timedelta, timezone

from newsdesk import times


def moment(**delta) -> datetime:
    """Now moved by delta (timedelta's keywords: days=-2, hours=3)."""
    return datetime.now(timezone.utc) + timedelta(**delta)


def stamp(**delta) -> str:
    """The same moment as the store keeps it ('…T01:00:00Z')."""
    return times.to_stored(moment(**delta))
