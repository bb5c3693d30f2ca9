"""The labelled lines of an article page — 发布时间 / 来源 / 编辑 / 审核 / 作者 in their
many forms (信息来源：, 来源于：, 来源：[人民网], 责任编辑：) — and the reporters of a
byline ((记者李昌禹、张远晴), ■融媒体记者 周升蓉, 本报讯（记者 王某）)."""
from __future__ import annotations

import re

from newsdesk.importers import dates

KEYS = {
    "发布时间": "date", "发表时间": "date", "发稿时间": "date", "发布日期": "date",
    "发表日期": "date", "时间": "date", "日期": "date", "更新时间": "modified",
    "信息来源": "source", "文章来源": "source", "新闻来源": "source", "稿件来源": "source",
    "来源于": "source", "来源": "source", "稿源": "source", "出处": "source",
    "消息来源": "source",
    "责任编辑": "editor", "网络编辑": "editor", "编辑": "editor", "责编": "editor",
    "审核人": "reviewer", "审核": "reviewer", "终审": "reviewer", "审校": "reviewer",
    "编审": "reviewer", "作者": "author", "记者": "author",
}
# Labels that end a value without being one we keep.
OTHER = ("字号", "浏览次数", "浏览量", "浏览", "点击数", "点击量", "点击", "阅读数", "阅读",
         "作者单位", "发布机构", "发文机关", "分享到", "分享", "举报", "打印", "收藏", "评论",
         "原标题", "人气", "小字号", "大字号", "访问量", "阅读量", "摄影", "通讯员", "校对", "字体")
_LABEL = re.compile("(" + "|".join(
    r"\s*".join(label) for label in sorted([*KEYS, *OTHER], key=len, reverse=True)
) + r")\s*[:：]")
# A value ends at words that follow it on a meta line without a colon.
_TAIL = re.compile(r"\s*(?:[|｜【\[]|举报|分享|小字号|大字号|字号|原标题|打印|收藏|评论|"
                   r"浏览|点击|阅读|关闭|纠错|\d+\s*人?(?:阅读|浏览)).*$")
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,5}")
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_NOT_NAMES = {"整合", "综合", "编译", "报道", "整理", "发自", "摄影", "摄", "联合", "网络整理",
              "实习生", "通讯员", "见习记者", "特约记者", "报道组"}
_NAME_SEP = re.compile(r"[、，,；;/\s]+")
_BYLINE = re.compile(
    r"^[（(【\[■●◆▲]?\s*(?:采写|撰文|文)?\s*[:：/]?\s*[\u4e00-\u9fff]{0,8}?(?:特约|见习)?记者\s*[:：]?\s*"
    r"(?P<names>[^）)】\]]{2,60}?)\s*[)）】\]]?$")
_LEAD = re.compile(r"^[^（(]{0,12}讯\s*[（(](?:本报|本台|融媒体|全媒体)?\s*(?:见习)?记者\s*"
                   r"(?P<names>[^）)]{2,40})[)）]")
_EDITOR_LINE = re.compile(r"^[（(【\[]?\s*(责任编辑|网络编辑|编辑|责编|审核|审校|终审|编审|校对|"
                          r"监制|值班编辑)\s*[:：]\s*(.{1,30}?)\s*[)）】\]]?$")
_SOURCE_LINE = re.compile(r"^[（(【\[]?\s*(?:信息|文章|新闻|稿件)?(?:来源|稿源)(?:于)?\s*[:：]\s*"
                          r"(.{1,30}?)\s*[)）】\]]?$")


def parse(text: str) -> dict[str, str]:
    """{'date', 'source', 'editor', 'reviewer', 'author', 'modified'} on one line, each
    the value only."""
    text = _SPACES.sub(" ", text).strip()
    labels = list(_LABEL.finditer(text))
    found: dict[str, str] = {}
    for i, m in enumerate(labels):
        key = KEYS.get(re.sub(r"\s", "", m.group(1)))
        if not key or key in found:
            continue
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = _value(key, text[m.end():end])
        if value:
            found[key] = value
    return found


def _value(key: str, raw: str) -> str:
    raw = raw.strip()
    if key in ("date", "modified"):
        return re.split(r"[|｜【\[]", raw)[0].strip()
    raw = raw.lstrip("[【〔「")
    raw = re.split(r"[]】〕」]", raw)[0]
    raw = _TAIL.sub("", raw).strip()
    if key == "source":
        return raw.split(" ")[0].strip("。，,;；") if raw else ""
    return "、".join(names(raw))


def names(text: str) -> list[str]:
    """'李昌禹、张远晴' → ['李昌禹', '张远晴']: people's names only, up to the first
    word that is not one (通讯员 and whom it names are not reporters)."""
    text = re.split(r"通讯员|摄影|摄像|实习生|制图|编辑|校对", text)[0]
    out = []
    for part in _NAME_SEP.split(text):
        part = part.strip("：:（）()")
        if not part:
            continue
        if not _NAME.fullmatch(part) or part in _NOT_NAMES:
            break
        out.append(part)
    return list(dict.fromkeys(out))


def byline(text: str) -> list[str] | None:
    """The reporters a byline line names, or None when the line is not a byline."""
    m = _BYLINE.match(text)
    if not m or len(text) > 70:
        return None
    found = names(m.group("names"))
    return found or None


def lead_reporters(text: str) -> list[str]:
    """Reporters named in a story's first line: '本报讯（记者 王某 李某）…'."""
    m = _LEAD.match(text)
    return names(m.group("names")) if m else []


def editor_line(text: str) -> tuple[str, str] | None:
    """('editor' or 'reviewer', names) for a line that is only '责任编辑：某某'."""
    m = _EDITOR_LINE.match(text)
    if not m:
        return None
    role = "reviewer" if m.group(1) in ("审核", "审校", "终审", "编审", "监制") else "editor"
    return role, "、".join(names(m.group(2)))


def source_line(text: str) -> str | None:
    """The source a line that is only '（来源：新华社）' names."""
    m = _SOURCE_LINE.match(text)
    return _value("source", m.group(1)) if m else None


_BREADCRUMB = re.compile(r"(?:当前位置|您的位置|所在位置|您现在的位置)\s*(?:是)?\s*[:：]\s*(.*)")


def breadcrumb(text: str) -> list[str]:
    """'当前位置：首页 > 国内' → ['首页', '国内']."""
    m = _BREADCRUMB.search(text)
    return [c for c in re.split(r"\s*[>›»/＞→]\s*", m.group(1)) if c] if m else []


_CREDIT = re.compile(r"^[（(]?\s*(?:本文(?:来自|为|系|转自|来源)|作者[:：]|供稿|摄影[:：/]|图片(?:均)?来自|"
                     r"文章来源|转载请|未经授权|原创文章|[-—]+\s*THE END|[-—]{2,}\s*(?:完|END))|"
                     r"(?:供稿|编辑[/:：]\S{2,4})\s*$")
_BESIDE_DATE = re.compile(r"(?:^|\s)[·|｜]?\s*([\u4e00-\u9fffA-Za-z]{2,12}?"
                          r"(?:网|报|社|台|新闻|消息|日报|晚报|在线|客户端|频道|杂志|时报|周刊))"
                          r"(?:\s|$)")


def credit(text: str) -> bool:
    """A line that closes a story: who supplied or may reprint it, not the story."""
    return len(text) <= 80 and bool(_CREDIT.search(text))


def beside_date(text: str) -> str:
    """The source a meta line names without a label: '2019-09-26 10:56:28 证券时报网'."""
    found = dates.find(text)
    if not found:
        return ""
    rest = text.split(found[0].text, 1)[-1]
    m = _BESIDE_DATE.search(rest)
    return m.group(1) if m else ""
