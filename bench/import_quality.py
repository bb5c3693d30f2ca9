"""How well saved pages import: Newsdesk against GNE and trafilatura on the saved-page
test set (tests/data/pages, answers read off each page by hand), with the issue's
columns. Needs the bench extra: pip install -e '.[bench]'.

    .venv/bin/python bench/import_quality.py [--worst 5]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsdesk import times  # noqa: E402
from newsdesk.importers import dates, page  # noqa: E402
from tests import pages  # noqa: E402


def newsdesk(html: str) -> pages.Got:
    story = page.read(html)
    body = "\n".join(p for p in story.body.split("\n\n") if not p.startswith("!["))
    when = times.local_text(story.published_at) if story.published_at else None
    return pages.Got(story.title, when, story.source, body)


def gne(html: str) -> pages.Got:
    from gne import GeneralNewsExtractor
    r = GeneralNewsExtractor().extract(html)
    return pages.Got(r.get("title") or "", _when(r.get("publish_time")), None,
                     r.get("content") or "")


def trafilatura(html: str) -> pages.Got:
    import trafilatura as t
    doc = t.bare_extraction(html, with_metadata=True)
    if doc is None:
        return pages.Got(imported=False)
    return pages.Got(doc.title or "", _when(doc.date), None, doc.text or "")


def _when(text) -> str | None:
    """A peer's time as 'YYYY-MM-DD HH:MM' where it gives one (it may give any form)."""
    found = dates.find(str(text or "").replace("T", " "))
    return found[0].value if found else None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--worst", type=int, default=5)
    args = ap.parse_args()
    answers = pages.answers()
    htmls = {a.file: pages.html(a.file) for a in answers}
    rows = {}
    for name, extract in (("Newsdesk", newsdesk), ("GNE", gne), ("trafilatura", trafilatura)):
        scores, worst, start = [], [], time.perf_counter()
        for a in answers:
            try:
                got = extract(htmls[a.file])
            except Exception as e:  # a peer that raises has not imported the page
                print(f"  {name} {a.file}: {type(e).__name__}", file=sys.stderr)
                got = pages.Got(imported=False)
            s = pages.score(a, got)
            scores.append(s)
            worst.append((s.f1 + s.title + (s.date is not False) + (s.minute is not False)
                          - s.boilerplate, a.file, s, got))
        rows[name] = (pages.table(scores), time.perf_counter() - start)
        if name == "Newsdesk":
            worst.sort(key=lambda w: w[0])
            print(f"Newsdesk's {args.worst} worst pages:")
            for _, file, s, got in worst[:args.worst]:
                print(f"  {file}: F1 {s.f1:.3f}, headline {s.title}, date {s.date}, "
                      f"minute {s.minute}, source {s.source}, boilerplate {s.boilerplate}"
                      f" — got {got.title[:24]!r} {got.time}")
    print(f"\n{len(answers)} pages | imported | headline | date | minute | 来源 | body F1 |"
          f" boilerplate | seconds")
    for name, (t, secs) in rows.items():
        src = f"{t['source']:.1%}" if name == "Newsdesk" else "—"
        print(f"{name:12s} | {t['imported']:.1%} | {t['headline']:.1%} | {t['date']:.1%} |"
              f" {t['minute']:.1%} | {src} | {t['body_f1']:.3f} | {t['boilerplate']:.1%} |"
              f" {secs:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
