"""Import speed: a folder of synthetic saved pages (an old CMS's layout: navigation, a
meta line, 8–16 paragraphs, a related-news box, a footer) into a fresh database, one
transaction per page. Prints pages per second (the issue asks ≥ 50).

    .venv/bin/python bench/import_bench.py [--pages 10000] [--work /dev/shm]
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsdesk.demo import load_demo  # noqa: E402
from newsdesk.importers import import_paths  # noqa: E402
from newsdesk.store import Store  # noqa: E402

WORDS = ("社区 志愿者 村民 镇街 乡村振兴 防控 项目 建设 企业 学校 医院 道路 文化 旅游 农业 "
         "产业 服务 群众 干部 会议 发展 安全 环境 民生 交通 水利 教育").split()
NAV = "".join(f'<li><a href="/{c}/">{c}</a></li>' for c in
              ("要闻", "镇街", "国内", "国际", "社会", "健康", "网评", "专题"))


def sentence(rng: random.Random) -> str:
    return "，".join("".join(rng.choices(WORDS, k=rng.randint(3, 6)))
                    for _ in range(rng.randint(2, 4))) + "。"


def page(n: int, rng: random.Random) -> str:
    title = "".join(rng.choices(WORDS, k=rng.randint(4, 8)))
    paras = "".join(f"<p>　　{''.join(sentence(rng) for _ in range(rng.randint(2, 5)))}</p>"
                    for _ in range(rng.randint(8, 16)))
    related = "".join(f'<li><a href="/a/{rng.randint(1, 99999)}.html">'
                      f'{"".join(rng.choices(WORDS, k=5))}</a></li>' for _ in range(8))
    day = 1 + n % 28
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}——越城新闻网"
            f"</title></head><body><div class='nav'><ul>{NAV}</ul></div>"
            f"<div class='position'>当前位置：<a href='/'>首页</a> &gt; <a href='/gn/'>国内</a></div>"
            f"<h1>{title}</h1><div class='info'>发布时间:2019-03-{day:02d} 09:{n % 60:02d}:00"
            f"&nbsp;来源:越城新闻网&nbsp;编辑:骆依婷&nbsp;审核:杜萌颖</div>"
            f"<div class='content'>{paras}<p>（记者李昌禹）</p></div>"
            f"<div class='related'><h3>相关新闻</h3><ul>{related}</ul></div>"
            f"<div class='footer'>网站简介 | 广告服务 | 联系方式 浙新办[1999]19号 "
            f"越城区融媒体中心版权所有</div></body></html>")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--work", default=tempfile.gettempdir())
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(dir=args.work))
    try:
        folder = work / "old-site"
        folder.mkdir()
        rng = random.Random(7)
        for n in range(args.pages):
            (folder / f"{n:06d}.html").write_text(page(n, rng), "utf-8")
        store = Store.open(work / "bench.db")
        load_demo(store)
        start = time.perf_counter()
        report = import_paths(store, [folder], channel="guonei")
        seconds = time.perf_counter() - start
        store.close()
        print(f"{len(report.imported)} imported, {len(report.skipped)} skipped, "
              f"{len(report.failed)} failed of {args.pages} pages in {seconds:.1f} s: "
              f"{len(report.imported) / seconds:.0f} pages/s")
    finally:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
