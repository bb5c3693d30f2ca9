"""Every site setting, once: its type, its default and a line of help (Datasette's
SETTINGS is the model). The `site` table keeps what an outlet set; SiteSettings is what
every reader gets, defaults filled in, and `validate` is the one check a value passes
before it is stored, whoever sets it (the app, `newsdesk settings`, the demo loader)."""
from __future__ import annotations

import json
from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from newsdesk import times, urls
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import N_, _
from newsdesk.targets import check_targets

DEFAULT_STAGES = [
    {"name": "初审", "role": "reviewer1"},
    {"name": "复审", "role": "reviewer2"},
    {"name": "终审", "role": "reviewer3"},
]


def _setting(default: Any, help_text: str, pages: bool = True, seat: bool = False):
    """pages=False: a setting no exported page shows (changing it re-renders nothing).
    seat=True: this seat's own (a folder on its disk, where it uploads), never synced
    to the newsroom's other seats."""
    metadata = {"help": help_text, "pages": pages, "seat": seat}
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: json.loads(json.dumps(default)),
                     metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class SiteSettings:
    name: str = _setting("", "the site's name: the header, every <title> and the footer")
    base_url: str = _setting("", "the site's public address (https://…/); feeds, sitemap.xml "
                                 "and verify over the web need it")
    timezone: str = _setting(times.DEFAULT_TZ, "the outlet's time zone (IANA name): times "
                                              "are shown, entered and filed in it")
    licence: str = _setting("", "互联网新闻信息服务许可证 number for the footer, e.g. "
                                "浙新办[2006]27号")
    report_phone: str = _setting("", "违法和不良信息举报电话, in the footer")
    minors_report_phone: str = _setting("", "网站涉未成年人内容投诉、举报电话, in the footer")
    icp_record: str = _setting("", "ICP 备案号 for the footer, linked to beian.miit.gov.cn, "
                                   "e.g. 浙ICP备12345678号-1")
    police_record: str = _setting("", "公安机关备案号 for the footer, linked to "
                                      "beian.mps.gov.cn, e.g. 浙公网安备33010202000001号")
    copyright: str = _setting("", "the footer's copyright line (…版权所有 未经授权禁止复制或"
                                  "建立镜像)")
    footer_links: list = _setting([], "footer links: a list of {title, href}")
    pages: list = _setting([], "fixed pages the footer links to: a list of {path, title, "
                               "body (markdown)}")
    review_stages: list = _setting(DEFAULT_STAGES, "1 to 3 review stages in order: a list of "
                                                   "{name, role (reviewer1..3)}")
    video_hosts: list = _setting([], "hosts whose video players story bodies may embed")
    own_sources: list = _setting([], "names that mean the outlet itself as 来源 (import)", pages=False)
    approved_sources: list = _setting([], "the sources reprints may come from; empty: any "
                                          "(机审)", pages=False)
    house_space: str = _setting("none", "between Chinese and Latin text: 'none' or 'space' "
                                        "(机审)", pages=False)
    error_rate_threshold: float = _setting(3.0, "findings per 10,000 characters a story may "
                                                "have before 机审 warns", pages=False)
    stale_days: int = _setting(14, "网站自查: a channel with no new story in this many days "
                                   "is 长期未更新", pages=False)
    stale_exempt: list = _setting([], "网站自查: channel slugs not held to stale_days (专题, "
                                      "archives)", pages=False)
    page_size: int = _setting(20, "stories on one list page")
    home_items: int = _setting(8, "stories of each channel on the home page")
    rss_items: int = _setting(20, "items in each RSS feed")
    ranking_items: int = _setting(20, "stories on the ranking page (新闻排行榜)")
    template_dir: str = _setting("", "a folder of the outlet's own templates, used before "
                                     "the shipped ones", seat=True)
    static_dir: str = _setting("", "a folder of the outlet's own static files for the site",
                               seat=True)
    publish_targets: list = _setting([], "where 发布 uploads the site: a list of {name, kind "
                                         "(sftp, ftp, ftps or folder), host, port, user, "
                                         "path, key_file, ca_file}; passwords live in the "
                                         "keyring", pages=False, seat=True)
    publish_target: str = _setting("", "the target 发布 uploads to unless told otherwise",
                                   pages=False, seat=True)
    host_keeps: list = _setting([".htaccess", ".user.ini", ".well-known/*"],
                                "files the web host keeps beside the site (glob patterns, "
                                "e.g. baidu_verify_*.html): a publish neither counts them "
                                "as added by someone else nor removes them", pages=False)
    output_dir: str = _setting("", "the folder the app publishes (发布) the site into, "
                                   "chosen once; the CLI's export names its own --out",
                               pages=False, seat=True)
    backups_keep: int = _setting(10, "automatic backups kept (and the newest of as many days)",
                                 pages=False, seat=True)
    demo: bool = _setting(False, "a demo newsroom: reviewers and admins may have no password", pages=False)

    @classmethod
    def from_stored(cls, stored: dict) -> "SiteSettings":
        """The stored values over the defaults (keys this version does not know, from a
        newer one, are left out)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in stored.items() if k in known})

    def as_dict(self) -> dict:
        return asdict(self)

    def on_pages(self) -> dict:
        """The settings exported pages depend on (what their keys are made of)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.metadata["pages"]}


def seat_settings() -> tuple[str, ...]:
    """The settings each seat keeps for itself (sync leaves them out)."""
    return tuple(f.name for f in fields(SiteSettings) if f.metadata["seat"])


def described() -> list[tuple[str, str, Any, str]]:
    """(name, type, default, help) of every setting, in order."""
    out = []
    for f in fields(SiteSettings):
        default = f.default if f.default is not MISSING else f.default_factory()
        out.append((f.name, f.type, default, f.metadata["help"]))
    return out


_TYPES = {"str": str, "int": int, "float": (int, float), "bool": bool, "list": list}
_WORDS = {"str": N_("text"), "int": N_("a whole number"), "float": N_("a number"),
          "bool": N_("true or false"), "list": N_("a list (JSON, e.g. [\"a\", \"b\"])")}
_POSITIVE = ("stale_days", "page_size", "home_items", "rss_items", "ranking_items", "backups_keep")


def validate(values: dict) -> dict:
    """The values, checked; NewsdeskError naming the setting and what is wrong."""
    types = {f.name: f.type for f in fields(SiteSettings)}
    for key, value in values.items():
        if key not in types:
            raise NewsdeskError("there is no setting {key!r}; settings are {keys}", key=key,
                                keys=", ".join(types))
        wanted = _TYPES[types[key]]
        if not isinstance(value, wanted) or (types[key] != "bool" and isinstance(value, bool)):
            raise NewsdeskError("setting {key} takes {kind}, not {given!r}",
                                key=key, kind=_(_WORDS[types[key]]), given=value)
        if key in _POSITIVE and value < 1:
            raise NewsdeskError("setting {key} must be 1 or more", key=key)
    if "timezone" in values:
        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            raise NewsdeskError("{value!r} is not a time zone (e.g. Asia/Shanghai)",
                                value=values["timezone"]) from None
    if "review_stages" in values:
        _check_stages(values["review_stages"])
    if values.get("house_space", "none") not in ("none", "space"):
        raise NewsdeskError("setting house_space is 'none' or 'space'")
    if "publish_targets" in values:
        check_targets(values["publish_targets"])
    urls.check_site_values(values)
    return values


def _check_stages(stages: list) -> None:
    if not 1 <= len(stages) <= 3:
        raise NewsdeskError("the site must configure 1 to 3 review stages")
    for n, stage in enumerate(stages, 1):
        if not isinstance(stage, dict) or not str(stage.get("name", "")).strip():
            raise NewsdeskError("review stage {n} needs a name (初审, 复审, 终审…)", n=n)
        if stage.get("role") not in ("reviewer1", "reviewer2", "reviewer3"):
            raise NewsdeskError("review stage {n} ({name}) needs a role: reviewer1, reviewer2 "
                                "or reviewer3", n=n, name=stage["name"])


def parse(key: str, text: str) -> Any:
    """A value typed on the command line, as the setting's type (lists as JSON)."""
    types = {f.name: f.type for f in fields(SiteSettings)}
    if key not in types:
        raise NewsdeskError("there is no setting {key!r}", key=key)
    kind = types[key]
    try:
        if kind == "str":
            return text
        if kind == "bool":
            if text.lower() not in ("true", "false", "yes", "no", "1", "0"):
                raise ValueError(text)
            return text.lower() in ("true", "yes", "1")
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        return json.loads(text)
    except ValueError:
        raise NewsdeskError("setting {key} takes {kind}, not {given!r}",
                            key=key, kind=_(_WORDS[kind]), given=text) from None
