"""Build a deterministic synthetic archive of N Chinese stories for the benchmarks:
the demo newsroom's channels and users, stories spread over channels and ten years,
most published with a full 三审 history, the rest in every other state.

    python bench/make_archive.py 100000 --db /tmp/archive.db

Same N and seed → same stories (ids and hashes aside). Prints how long it took."""
from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsdesk import times  # noqa: E402
from newsdesk.demo import load_demo  # noqa: E402
from newsdesk.ids import new_id  # noqa: E402
from newsdesk.model import CONTENT_FIELDS, Article  # noqa: E402
from newsdesk.review.signing import content_hash  # noqa: E402
from newsdesk.text.render import render_body, renderer_version  # noqa: E402
from newsdesk.store import Store  # noqa: E402

BATCH = 2000
PLACES = "城关镇 白塔镇 溪口镇 桃源街道 东岙村 溪东村 南门社区 丰收社区 县城 开发区 高新园区 茶乡".split()
SUBJECTS = {
    "yaowen": "县委 县政府 常务会议 经济工作 重点项目 营商环境 招商引资 政府工作报告 民生实事 人大代表".split(),
    "towns": "老街改造 美丽乡村 民宿 农家乐 村规民约 垃圾分类 河道整治 村级道路 文化礼堂 共富工坊".split(),
    "shehui": "社区 志愿者 独居老人 防汛演练 消防安全 交通安全 反诈宣传 邻里纠纷 便民服务 疫情防控".split(),
    "jiankang": "流感疫苗 家庭医生 夜间门诊 义诊 健康体检 慢性病 中医药 急救培训 医保 食品安全".split(),
    "guonei": "老旧小区 高速铁路 粮食生产 就业形势 消费市场 科技创新 生态保护 教育改革 养老服务 乡村振兴".split(),
    "guoji": "国际贸易 气候变化 博览会 友好城市 跨境电商 国际航线 文化交流 进出口 海外市场 展会".split(),
    "wangping": "网评 时评 便民生活圈 文明城市 营商环境 基层减负 数字政府 青年就业 乡风文明 诚信建设".split(),
    "waixuan": "高山茶 越剧 非遗 文旅推介 特色产业 招商推介 城市形象 山水风光 传统村落 品牌农业".split(),
}
VERBS = "召开 部署 推进 开展 举行 启动 完成 举办 实施 落实 亮相 迎来 建成 助力 守护".split()
TAILS = "取得新进展 再上新台阶 让群众更满意 跑出加速度 见实效 惠及万家 成为新名片 按下快进键".split()
CLAUSES = [
    "{p}{s}工作扎实推进", "记者从{p}了解到", "{s}已覆盖全县各镇街", "群众对{s}的满意度明显提高",
    "今年以来{p}累计投入资金{n}万元", "共有{n}名干部群众参与{s}", "{p}把{s}作为重点任务来抓",
    "下一步将持续深化{s}", "据统计全年完成{s}项目{n}个", "{p}居民纷纷点赞", "相关负责人表示",
    "这是{p}推进{s}的一个缩影", "{s}让老百姓得到了实惠", "现场气氛热烈", "工作人员耐心讲解",
]
STATES = [("published", 90), ("draft", 3), ("submitted", 2), ("in_review", 2),
          ("returned", 1), ("approved", 2)]


def _channel_key(slug: str) -> str:
    return {"chengguan": "towns", "baita": "towns", "xikou": "towns", "taoyuan": "towns",
            "video": "yaowen", "zhuanti": "yaowen", "jiankang": "jiankang"}.get(slug, slug)


def make_story(rnd: random.Random, channel_slug: str) -> tuple[str, str, str]:
    words = SUBJECTS.get(_channel_key(channel_slug), SUBJECTS["yaowen"])
    place, subject = rnd.choice(PLACES), rnd.choice(words)
    title = f"{place}{rnd.choice(VERBS)}{subject}{rnd.choice(TAILS)}"
    paragraphs = []
    for _ in range(rnd.randint(6, 14)):
        clauses = [rnd.choice(CLAUSES).format(p=rnd.choice(PLACES), s=rnd.choice(words),
                                               n=rnd.randint(2, 900))
                   for _ in range(rnd.randint(3, 6))]
        paragraphs.append("，".join(clauses) + "。")
    if rnd.random() < 0.2:
        paragraphs.insert(len(paragraphs) // 2, f"## “{subject}{rnd.choice(TAILS)}”")
    return title, "\n\n".join(paragraphs), subject


def build(n: int, db: Path, seed: int) -> float:
    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = Store.open(db)
    load_demo(store, stories=False)
    rnd = random.Random(seed)
    channels = [c for c in store.channels.all() if c.kind == "list" and c.slug != "towns"]
    users = {u.username: u for u in store.users.all()}
    editors = [users["zhangwei"].id, users["chenlu"].id]
    reviewers = [users["wangfang"].id, users["liqiang"].id, users["zhaomin"].id]
    reporters = "张薇 陈璐 李昌禹 张远晴 骆依婷 王明 刘洋 孙悦 周婷 吴昊 郑凯 冯雪".split()
    start = datetime(2016, 1, 1, tzinfo=timezone.utc)
    span = (datetime(2026, 11, 1, tzinfo=timezone.utc) - start).total_seconds()
    weights = [w for _, w in STATES]
    hosts = store.settings().video_hosts
    with multiprocessing.Pool() as pool:
        for first in range(0, n, BATCH):
            stories, articles, events = [], [], []
            for _ in range(min(BATCH, n - first)):
                channel = rnd.choice(channels)
                stories.append((channel, *make_story(rnd, channel.slug)))
            bodies = pool.starmap(render_body, [(s[2], hosts) for s in stories], chunksize=100)
            for (channel, title, body, subject), html in zip(stories, bodies):
                state = rnd.choices(STATES, weights)[0][0]
                when = start + timedelta(seconds=rnd.random() * span)
                at = times.to_stored(when)
                author = rnd.choice(editors)
                article = Article(
                    id=new_id(), title=title, channel_id=channel.id, body=body,
                    body_html=html, renderer_version=renderer_version(hosts),
                    reporters=rnd.sample(reporters, rnd.randint(1, 2)),
                    editor_id=reviewers[0], author_id=author, last_editor_id=author,
                    tags=[subject],
                    submitted_at=None if state == "draft" else times.to_stored(
                        when - timedelta(hours=4)),
                    state=state, publish_at=at,
                    review_stage={"submitted": 1, "in_review": rnd.randint(2, 3)}.get(state),
                    first_published_at=at if state == "published" else None,
                    created_at=times.to_stored(when - timedelta(hours=6)), updated_at=at,
                    updated_by=author)
                articles.append(article)
                if state == "draft":
                    continue
                ev = lambda kind, hours, actor, **kw: events.append(  # noqa: E731
                    {"article_id": article.id, "kind": kind, "actor_id": actor,
                     "revision": 1, "at": times.to_stored(when - timedelta(hours=hours)),
                     **kw})
                ev("submit", 4, author, stage=1)
                if state == "returned":
                    ev("return", 3, reviewers[0], stage=1, comment="请核实数据后再提交")
                    continue
                signed = (article.review_stage or 4) - 1  # stages already signed
                # Each sign-off vouches for the text it approved (review.clearance).
                vouched = {"content_hash": content_hash(
                    {k: getattr(article, k) for k in CONTENT_FIELDS})}
                for stage in range(1, signed + 1):
                    ev("approve", 4 - stage, reviewers[stage - 1], stage=stage,
                       detail=vouched)
                if state == "published":
                    ev("publish", 0, reviewers[2])
            store.articles.bulk_add(articles, events)
    store.close()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of stories")
    parser.add_argument("--db", required=True, help="database file to create (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    seconds = build(args.n, Path(args.db), args.seed)
    print(f"built {args.n} stories in {args.db} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
