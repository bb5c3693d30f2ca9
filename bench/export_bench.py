"""Export speed against Hugo, in one run on this machine.

1. The same synthetic 20,000-story archive (bench/make_archive.py) is written as a Hugo
   site (markdown with front matter; templates with the same page anatomy, navigation,
   footer and 20-per-page channel lists; Hugo adds its RSS and sitemap as we do) and
   built with Debian's `hugo`, and exported in full by Newsdesk into an empty folder.
   Medians of --runs runs each, and the ratio (target: Newsdesk ≤ 1/3 of Hugo).
2. On a 10,000- and a 100,000-story archive: a story is corrected (edited,
   re-reviewed), then the incremental export is timed. Median of --edits edits each;
   targets: under 1 s at 100,000 and within 1.2× of 10,000. (--big names an existing
   100,000-story archive, which the corrections then change.)

    python bench/export_bench.py [--work /dev/shm] [--big /tmp/archive100k.db]"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.make_archive import build  # noqa: E402
from newsdesk import times  # noqa: E402
from newsdesk.review import workflow
from newsdesk.site import export_site  # noqa: E402
from newsdesk.store import Store  # noqa: E402

BASEOF = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Site.Title }}{{ end }}</title>
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}"></head>
<body><header class="masthead"><div class="brand"><a href="{{ "" | relURL }}">{{ .Site.Title }}</a></div>
<nav class="channels"><ul><li><a href="{{ "" | relURL }}">首页</a></li>
{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ul></nav></header>
<main class="page">{{ block "main" . }}{{ end }}</main>
<footer class="site-footer"><p><a href="#">网站简介</a> | <a href="#">广告服务</a> | <a href="#">联系方式</a> | <a href="#">网站地图</a></p>
<p>互联网新闻信息服务许可证：{{ .Site.Params.licence }}</p>
<p>违法和不良信息举报电话：{{ .Site.Params.report_phone }}</p>
<p>网站涉未成年人内容投诉、举报电话：{{ .Site.Params.minors_report_phone }}</p>
<p>{{ .Site.Params.copyright }}</p></footer></body></html>
"""
SINGLE = """{{ define "title" }}{{ .Title }}——{{ .Site.Title }}{{ end }}
{{ define "main" }}<nav class="crumbs">当前位置：<a href="{{ "" | relURL }}">首页</a> &gt; <a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></nav>
<article><header class="headline">{{ with .Params.kicker }}<p class="kicker">{{ . }}</p>{{ end }}
<h1>{{ .Title }}</h1>{{ with .Params.subtitle }}<p class="subtitle">{{ . }}</p>{{ end }}
<p class="meta"><span>发布时间:{{ .Date.Format "2006-01-02 15:04:05" }}</span><span>来源:{{ .Params.source }}</span><span>编辑:{{ .Params.editor }}</span><span>审核:{{ .Params.reviewer }}</span></p></header>
<div class="body">{{ .Content }}</div>
<p class="byline">（记者{{ delimit .Params.reporters "、" }}）</p></article>{{ end }}
"""
LIST = """{{ define "title" }}{{ .Title }}——{{ .Site.Title }}{{ end }}
{{ define "main" }}<h1>{{ .Title }}</h1><ul class="story-list">
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}
</ul>{{ template "_internal/pagination.html" . }}{{ end }}
"""
HOME = """{{ define "main" }}<div class="grid">{{ range .Site.Sections }}<section class="channel-block">
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><ul class="story-list">
{{ range first 8 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}
</ul></section>{{ end }}</div>{{ end }}
"""


def hugo_site(store: Store, root: Path) -> None:
    """The archive's live stories as a Hugo site (sections = channels)."""
    site = store.settings()
    channels = {c.id: c for c in store.channels.all()}
    users = {u.id: u.real_name for u in store.users.all()}
    permalinks = "\n".join(f'{c.slug} = "/:section/:year/:month/:slug"'
                           for c in channels.values() if c.kind == "list")
    (root / "hugo.toml").write_text(f"""baseURL = "{site.base_url}"
languageCode = "zh-cn"
title = "{site.name}"
uglyURLs = true
paginate = 20
disableKinds = ["taxonomy", "term"]
[params]
licence = "{site.licence}"
report_phone = "{site.report_phone}"
minors_report_phone = "{site.minors_report_phone}"
copyright = "{site.copyright}"
[permalinks]
{permalinks}
""", "utf-8")
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "baseof.html").write_text(BASEOF, "utf-8")
    (layouts / "single.html").write_text(SINGLE, "utf-8")
    (layouts / "list.html").write_text(LIST, "utf-8")
    (root / "layouts" / "index.html").write_text(HOME, "utf-8")
    (root / "static" / "css").mkdir(parents=True)
    shutil.copy(Path(__file__).resolve().parent.parent / "resources/static/site.css",
                root / "static" / "css" / "site.css")
    content = root / "content"
    for c in channels.values():
        if c.kind == "list":
            (content / c.slug).mkdir(parents=True)
            (content / c.slug / "_index.md").write_text(f"---\ntitle: {c.name}\n---\n", "utf-8")
    ids = store.articles.ids(state="published")
    for chunk in range(0, len(ids), 1000):
        for a in store.articles.many(ids[chunk:chunk + 1000]):
            reviewer = users.get(store.events.final_signoffs([a.id], 3).get(a.id), "")
            front = [f"title: \"{a.title}\"", f"date: {a.first_published_at}",
                     f"slug: \"{a.number}\"", f"source: \"{a.source or site.name}\"",
                     f"editor: \"{users.get(a.editor_id, '')}\"", f"reviewer: \"{reviewer}\"",
                     "reporters: [" + ", ".join(f'"{r}"' for r in a.reporters) + "]"]
            (content / channels[a.channel_id].slug / f"{a.number}.md").write_text(
                "---\n" + "\n".join(front) + "\n---\n" + a.body + "\n", "utf-8")


def timed(fn, runs: int, setup) -> list[float]:
    """Wall time of fn over runs, each after an untimed setup (clearing the output)."""
    out = []
    for _ in range(runs):
        setup()
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def compare_with_hugo(runs: int, work: Path) -> None:
    db = work / "archive20k.db"
    build(20_000, db, seed=1)
    store = Store.open(db)
    hugo_root = work / "hugo"
    hugo_root.mkdir()
    hugo_site(store, hugo_root)

    def hugo():
        subprocess.run(["hugo", "--quiet", "--source", str(hugo_root), "--destination",
                        str(work / "hugo-public")], check=True)

    def clear_hugo():
        shutil.rmtree(work / "hugo-public", ignore_errors=True)

    def newsdesk():
        export_site(store, work / "nd-public", full=True)

    def clear_newsdesk():  # an empty folder and no record of it: a full export
        shutil.rmtree(work / "nd-public", ignore_errors=True)
        store.exports.forget(str((work / "nd-public").resolve()))

    hugo_times = timed(hugo, runs, clear_hugo)
    nd_times = timed(newsdesk, runs, clear_newsdesk)
    h, n = statistics.median(hugo_times), statistics.median(nd_times)
    files = lambda d: sum(1 for p in d.rglob("*") if p.is_file())  # noqa: E731
    print(f"20,000 stories, full build, median of {runs}:")
    print(f"  hugo     {h:6.2f} s  ({files(work / 'hugo-public')} files; runs "
          + ", ".join(f"{t:.2f}" for t in hugo_times) + ")")
    print(f"  newsdesk {n:6.2f} s  ({files(work / 'nd-public')} files; runs "
          + ", ".join(f"{t:.2f}" for t in nd_times) + ")")
    print(f"  newsdesk / hugo = {n / h:.2f}  (target ≤ 0.33)")
    store.close()


def incremental(db: Path, edits: int, work: Path) -> float:
    """Median seconds of the incremental export after correcting one story, over
    `edits` corrections (each its own story)."""
    store = Store.open(db)
    out = work / f"{db.stem}-public"
    started = time.perf_counter()
    export_site(store, out)
    print(f"{store.articles.count()} stories: first export {time.perf_counter() - started:.1f} s")
    users = {u.username: u for u in store.users.all()}
    ids = store.articles.ids(state="published", limit=edits, offset=100)
    results = []
    for article_id in ids:
        a = store.articles.get(article_id)
        author = store.users.get(a.author_id)
        workflow.begin_correction(store, a.id, author, "数据更正")
        workflow.edit(store, a.id, {"body": a.body + "\n\n（本文数据已更正）"}, author)
        workflow.submit(store, a.id, author)
        for name in ("wangfang", "liqiang", "zhaomin"):
            workflow.approve(store, a.id, users[name])
        started = time.perf_counter()
        report = export_site(store, out, now=times.now())
        results.append((time.perf_counter() - started, len(report.written)))
    secs = [r[0] for r in results]
    print(f"  incremental export after correcting one story, median of {edits}: "
          f"{statistics.median(secs) * 1000:.0f} ms (runs "
          + ", ".join(f"{s * 1000:.0f}" for s in secs) + "; files written "
          + ", ".join(str(r[1]) for r in results) + ")")
    store.close()
    return statistics.median(secs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--big", help="a 100,000-story archive (built if not given)")
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--skip-incremental", action="store_true")
    parser.add_argument("--work", help="where both sites are written (default: a temporary "
                        "folder; /dev/shm keeps this machine's noisy disk out of it)")
    args = parser.parse_args()
    if not shutil.which("hugo"):
        print("hugo is not installed: apt-get install hugo", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        work = Path(tmp)
        if not args.skip_hugo:
            compare_with_hugo(args.runs, work)
        if not args.skip_incremental:
            small = work / "archive10k.db"
            build(10_000, small, seed=1)
            big = Path(args.big) if args.big else work / "archive100k.db"
            if not args.big:
                build(100_000, big, seed=1)
            at_10k = incremental(small, args.edits, work)
            at_100k = incremental(big, args.edits, work)
            print(f"100,000 / 10,000 = {at_100k / at_10k:.2f}  (targets: ≤ 1.2, and "
                  f"{at_100k * 1000:.0f} ms ≤ 1000 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
