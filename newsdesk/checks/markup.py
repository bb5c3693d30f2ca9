"""Markup in a body that the page leaves out: the sanitizer drops a `<font>`, a
`<script>`, an `onclick=` or a video from a host the outlet has not named, and the
writer should know before a reader sees the page without it."""
from __future__ import annotations

from newsdesk.checks.findings import WARN, Finding
from newsdesk.i18n import both
from newsdesk.text.render import dropped_safely


def dropped(body: str, video_hosts) -> list[Finding]:
    return [Finding("markup.dropped", WARN, "body", start, end, what, *both(
        "“{markup}” is left out of the published page (markup the site does not allow)",
        markup=what)) for what, start, end in dropped_safely(body, video_hosts)]
