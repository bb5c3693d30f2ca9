"""Search-spam injection (博彩 SEO): the shapes a hacked county site shows. A gambling
brand (resources/wordlists/gambling.tsv), alone where the name is nothing else, or
followed by the injection's words (官网, 网址, 注册, app下载…) where the bare word is
ordinary Chinese; a gambling-style domain (amxpj0088.com, hg3088.vip); a link hidden
with display:none and the like in pasted HTML. Each blocks. The same rules read a
deployed page's changed text in `verify`."""
from __future__ import annotations

import re
from functools import lru_cache

from newsdesk.checks.findings import BLOCK, Finding
from newsdesk.checks.words import automaton_of, longest
from newsdesk.i18n import both
from newsdesk.paths import resource

_AFTER = re.compile(r"(?:\s*(?:官方网站|官网|首页|主页|网址|备用网址|平台|登录|登陆|注册|下载|app|入口|"
                    r"网页版|手机版|客户端|娱乐场|娱乐城|娱乐|体育|棋牌|真人|彩票|开户|投注|网站))+",
                    re.I)
# 江南体育馆, 银河娱乐中心: a venue, not a brand
_VENUE = re.compile(r"[馆场局中公学课会节部]")
_GAMBLING_LABEL = re.compile(
    r"(?:bet|casino|bocai|duchang|yule|caipiao|qipai|baijiale|pujing|xpj|amxpj|weinisiren|"
    r"jinsha|taiyangcheng|huangguan|kaiyun|jiuyou|leyu|manbetx|bwin|sbobet|macau|suncity|"
    r"(?:pj|vns|wns|js|hg|ky|yl|bc|ag|mgm|hth|xj)\d{3,})", re.I)
_DOMAIN = re.compile(r"(?<![A-Za-z0-9.-])((?:[a-z0-9-]+\.)+(?:com|net|cc|vip|top|xyz|app|bet|me|co|tv|"
                     r"club|live|win|io|info|org|asia|hk|mo))(?![A-Za-z0-9-])", re.I)
_SAFE_DOMAIN = re.compile(r"\.(?:gov|edu|org)\.cn$|\.gov$", re.I)
_HIDDEN = re.compile(
    r"<(\w+)[^>]*style\s*=\s*[\"'][^\"']*(?:display\s*:\s*none|visibility\s*:\s*hidden|"
    r"font-size\s*:\s*0|(?:left|top|text-indent)\s*:\s*-\d{3,})[^\"']*[\"'][^>]*>", re.I)


@lru_cache(maxsize=1)
def brands():
    """The shipped gambling brands: brand → (brand, whether it blocks alone)."""
    lines = resource("wordlists", "gambling.tsv").read_text("utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return automaton_of((brand.lower(), (brand, how == "alone")) for brand, how, _src in rows)


def _brand_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, what matched) of the gambling brands, longest first where they
    overlap; a 'with' brand's span runs over the injection word after it."""
    lowered = text.lower()
    haystack = lowered if len(lowered) == len(text) else text
    hits = []
    for end, (brand, alone) in brands().iter(haystack):
        start, end = end + 1 - len(brand), end + 1
        after = _AFTER.match(text, end)
        if after:
            end = after.end()
        elif not alone:
            continue
        if end < len(text) and _VENUE.match(text, end) and \
                text[start:end].endswith(("体育", "娱乐")):
            continue
        hits.append((start, end, text[start:end]))
    return longest(hits)


def _hidden_links(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _HIDDEN.finditer(text):
        close = text.find(f"</{m.group(1)}", m.end())
        inner = text[m.start():close if close >= 0 else m.end() + 2000]
        if re.search(r"<a\s[^>]*href", inner, re.I):
            out.append((m.start(), close if close >= 0 else m.end()))
    return out


def find(field: str, text: str) -> list[Finding]:
    if not text:
        return []
    found = [Finding("spam.brand", BLOCK, field, s, e, seen, *both(
        "the gambling brand “{brand}”: the shape of search-spam injection (博彩)", brand=seen),
        category="博彩/搜索垃圾") for s, e, seen in _brand_spans(text)]
    for m in _DOMAIN.finditer(text):
        domain = m.group(1)
        if _GAMBLING_LABEL.search(domain) and not _SAFE_DOMAIN.search(domain):
            found.append(Finding("spam.domain", BLOCK, field, m.start(1), m.end(1), domain, *both(
                "“{domain}” looks like a gambling site's address", domain=domain),
                category="博彩/搜索垃圾"))
    for s, e in _hidden_links(text):
        found.append(Finding("spam.hidden-link", BLOCK, field, s, e, text[s:e][:200], *both(
            "a hidden link (styled not to show): the shape of injected spam links"),
            category="博彩/搜索垃圾"))
    return found


def named(text: str) -> list[str]:
    """What `verify` says of changed text: the spam it carries, by name."""
    return list(dict.fromkeys(f.text for f in find("page", text)))
