"""Screenshots of an exported site in Debian's chromium, at desktop and phone width:

    .venv/bin/python bench/site_shots.py /tmp/site /tmp/shots [suffix]

Shoots the home page, a channel page and two article pages (an original and a
reprint, found by what the page says) at 1366×768 and 1920×1080 (whole page) and on a
390×844 phone (whole page), and prints, per page and width, whether anything is wider
than the window (scrollWidth > innerWidth)."""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu"]
WIDTHS = {"desktop": (1366, 768), "wide": (1920, 1080), "phone": (390, 844)}


def pages(site: Path) -> dict[str, Path]:
    """home, channel, article and reprint pages of a demo export."""
    articles = sorted(site.glob("*/20*/*/*.html"))
    reprint = next((p for p in articles if "原标题" in p.read_text("utf-8")
                    or "转载" in p.read_text("utf-8")), articles[-1])
    original = next(p for p in articles if p != reprint)
    channel = original.parent.parent.parent / "index.html"
    return {"home": site / "index.html", "channel": channel, "article": original,
            "reprint": reprint}


def shoot(site: Path, out: Path, suffix: str = "") -> list[str]:
    """Writes site-<page>-<width><suffix>.png; returns the overflow lines."""
    out.mkdir(parents=True, exist_ok=True)
    report = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width_name, (w, h) in WIDTHS.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            for name, path in pages(site).items():
                page.goto(path.resolve().as_uri())
                page.wait_for_load_state("load")
                page.screenshot(path=str(out / f"site-{name}-{width_name}{suffix}.png"),
                                full_page=True)
                scroll, inner = page.evaluate(
                    "[document.documentElement.scrollWidth, window.innerWidth]")
                report.append(f"{name:8} {width_name:7} scrollWidth {scroll} "
                              f"innerWidth {inner}{'  OVERFLOW' if scroll > inner else ''}")
            page.close()
        browser.close()
    return report


if __name__ == "__main__":
    site, out = Path(sys.argv[1]), Path(sys.argv[2])
    print("\n".join(shoot(site, out, sys.argv[3] if len(sys.argv) > 3 else "")))
