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


@dataclass(frozen=True)
class Column:
    """One column of a list setting's table: the key of each row (None: the list holds
    plain texts, one a row), its name, and the values it may take, if limited."""
    key: str | None
    label: str
    choices: tuple[tuple[str, str], ...] = ()
    long: bool = False  # several lines of text (a page's body)


def _setting(default: Any, help_text: str, label: str = "", pages: bool = True,
             seat: bool = False, **form):
    """label: the setting as the newsroom calls it. pages=False: a setting no exported
    page shows (changing it re-renders nothing). seat=True: this seat's own (a folder
    on its disk, where it uploads), never synced to the newsroom's other seats.
    form: how a person sets it — columns (a list's table), choices ((value, name)…),
    other (a value besides the choices may be typed), positive (a count: 1 or more),
    widget ("folder": one picked on disk), own_tab (edited on a tab of its own)."""
    metadata = {"help": help_text, "label": label, "pages": pages, "seat": seat, **form}
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: json.loads(json.dumps(default)),
                     metadata=metadata)
    return field(default=default, metadata=metadata)


# China's zones first; any other IANA name may be typed (other=True).
_ZONES = (("Asia/Shanghai", N_("Beijing time (Asia/Shanghai)")),
          ("Asia/Urumqi", N_("Urumqi time (Asia/Urumqi)")),
          ("Asia/Hong_Kong", N_("Hong Kong (Asia/Hong_Kong)")),
          ("Asia/Macau", N_("Macao (Asia/Macau)")))
_ROLES = (("reviewer1", N_("first-level reviewer")), ("reviewer2", N_("second-level reviewer")),
          ("reviewer3", N_("third-level reviewer")))


@dataclass(frozen=True)
class SiteSettings:
    name: str = _setting("", N_("Shown in the header, in every page's title and in the "
                                "footer."), N_("Site name"))
    base_url: str = _setting("", N_("The site's public address (https://…/): feeds, the "
                                    "site map and checking the live site need it."),
                             N_("Public address"))
    timezone: str = _setting(times.DEFAULT_TZ, N_("The outlet's time zone: times are shown, "
                                                  "entered and filed in it."),
                             N_("Time zone"), choices=_ZONES, other=True)
    licence: str = _setting("", N_("The news licence number printed in the footer, e.g. "
                                   "浙新办[2006]27号."), N_("News licence number"))
    report_phone: str = _setting("", N_("The phone number for reporting illegal and "
                                        "harmful content, printed in the footer."),
                                 N_("Report phone"))
    minors_report_phone: str = _setting("", N_("The phone number for complaints about "
                                               "content involving minors, printed in the "
                                               "footer."), N_("Minors report phone"))
    icp_record: str = _setting("", N_("Printed in the footer, linked to beian.miit.gov.cn, "
                                      "e.g. 浙ICP备12345678号-1."), N_("ICP record number"))
    police_record: str = _setting("", N_("Printed in the footer, linked to beian.mps.gov.cn, "
                                         "e.g. 浙公网安备33010202000001号."),
                                  N_("Public security record number"))
    copyright: str = _setting("", N_("The footer's copyright line, e.g. …版权所有 未经授权禁止"
                                     "复制或建立镜像."), N_("Copyright line"))
    footer_links: list = _setting([], N_("Links in the footer: a name and its address on "
                                         "each row."), N_("Footer links"),
                                  columns=(Column("title", N_("Name")),
                                           Column("href", N_("Address"))))
    pages: list = _setting([], N_("Fixed pages the footer links to (about us, contact us): "
                                  "the page's file in the site, its title and its text "
                                  "(markdown)."), N_("Fixed pages"),
                           columns=(Column("path", N_("File (e.g. about.html)")),
                                    Column("title", N_("Title")),
                                    Column("body", N_("Text"), long=True)))
    review_stages: list = _setting(DEFAULT_STAGES, N_("One to three review stages, in "
                                                      "order: each stage's name and who "
                                                      "signs it."), N_("Review stages"),
                                   columns=(Column("name", N_("Stage")),
                                            Column("role", N_("Signed by"), _ROLES)))
    video_hosts: list = _setting([], N_("Sites whose video players a story may embed, one "
                                        "host name a row (e.g. player.youku.com)."),
                                 N_("Video hosts"), columns=(Column(None, N_("Host name")),))
    own_sources: list = _setting([], N_("Names that mean the outlet itself as a story's "
                                        "source when importing."), N_("Own source names"),
                                 pages=False, columns=(Column(None, N_("Source")),))
    approved_sources: list = _setting([], N_("The sources reprints may come from; none "
                                             "listed: any (机审)."),
                                      N_("Approved reprint sources"), pages=False,
                                      columns=(Column(None, N_("Source")),))
    house_space: str = _setting("none", N_("Whether 机审 expects a space between Chinese "
                                           "and Latin letters or numbers."),
                                N_("Space between Chinese and Latin"), pages=False,
                                choices=(("none", N_("No space")), ("space", N_("A space"))))
    error_rate_threshold: float = _setting(3.0, N_("Findings per 10,000 characters a story "
                                                   "may have before 机审 warns."),
                                           N_("Error rate threshold"), pages=False)
    stale_days: int = _setting(14, N_("网站自查: a channel with no new story in this many "
                                      "days is 长期未更新."), N_("Days before a channel is stale"),
                               pages=False, positive=True)
    stale_exempt: list = _setting([], N_("网站自查: channels not held to that (专题, "
                                         "archives), by their short names."),
                                  N_("Channels never stale"), pages=False,
                                  columns=(Column(None, N_("Channel short name")),))
    page_size: int = _setting(20, N_("Stories on one list page."),
                              N_("Stories per list page"), positive=True)
    home_items: int = _setting(8, N_("Stories of each channel on the home page."),
                               N_("Stories per channel on the home page"), positive=True)
    rss_items: int = _setting(20, N_("Items in each RSS feed."), N_("Items per feed"),
                              positive=True)
    ranking_items: int = _setting(20, N_("Stories on the ranking page (新闻排行榜)."),
                                  N_("Stories on the ranking page"), positive=True)
    template_dir: str = _setting("", N_("A folder of the outlet's own page templates, used "
                                        "before the shipped ones."), N_("Template folder"),
                                 seat=True, widget="folder")
    static_dir: str = _setting("", N_("A folder of the outlet's own files for the site "
                                      "(pictures, styles)."), N_("Static files folder"),
                               seat=True, widget="folder")
    publish_targets: list = _setting([], N_("Where 发布 uploads the site (name, kind, host, "
                                            "port, user, folder, key or certificate); "
                                            "passwords live in the keyring."),
                                     N_("Publish targets"), pages=False, seat=True,
                                     own_tab=True)
    publish_target: str = _setting("", N_("The target 发布 uploads to unless told "
                                          "otherwise."), N_("Default publish target"),
                                   pages=False, seat=True, own_tab=True)
    host_keeps: list = _setting([".htaccess", ".user.ini", ".well-known/*"],
                                N_("Files the web host keeps beside the site, one a row "
                                   "(patterns, e.g. baidu_verify_*.html): a publish "
                                   "neither counts them as added by someone else nor "
                                   "removes them."), N_("Host's own files"), pages=False,
                                columns=(Column(None, N_("File or pattern")),))
    output_dir: str = _setting("", N_("The folder the app publishes (发布) the site into; "
                                      "the command line's export names its own --out."),
                               N_("Output folder"), pages=False, seat=True, widget="folder")
    backups_keep: int = _setting(10, N_("Automatic backups kept (and the newest of as "
                                        "many days)."), N_("Backups kept"), pages=False,
                                 seat=True, positive=True)
    demo: bool = _setting(False, N_("A demo newsroom: reviewers and admins may have no "
                                    "password."), N_("Demo newsroom"), pages=False)

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


@dataclass(frozen=True)
class Setting:
    """One setting as a person sets it: the settings form is made from these."""
    name: str
    kind: str
    default: Any
    help: str
    label: str
    columns: tuple[Column, ...] = ()
    choices: tuple[tuple[str, str], ...] = ()
    other: bool = False
    positive: bool = False
    widget: str = ""
    own_tab: bool = False


def declared() -> list[Setting]:
    """Every setting, in order."""
    out = []
    for f in fields(SiteSettings):
        default = f.default if f.default is not MISSING else f.default_factory()
        form = {k: v for k, v in f.metadata.items() if k not in ("help", "label", "pages", "seat")}
        out.append(Setting(f.name, f.type, default, f.metadata["help"], f.metadata["label"],
                           **form))
    return out


def described() -> list[tuple[str, str, Any, str]]:
    """(name, type, default, help) of every setting, in order."""
    return [(s.name, s.kind, s.default, s.help) for s in declared()]


_TYPES = {"str": str, "int": int, "float": (int, float), "bool": bool, "list": list}
_WORDS = {"str": N_("text"), "int": N_("a whole number"), "float": N_("a number"),
          "bool": N_("true or false"), "list": N_("a list (JSON, e.g. [\"a\", \"b\"])")}


def validate(values: dict) -> dict:
    """The values, checked; NewsdeskError naming the setting and what is wrong."""
    types = {f.name: f.type for f in fields(SiteSettings)}
    positive = {f.name for f in fields(SiteSettings) if f.metadata.get("positive")}
    for key, value in values.items():
        if key not in types:
            raise NewsdeskError("there is no setting {key!r}; settings are {keys}", key=key,
                                keys=", ".join(types))
        wanted = _TYPES[types[key]]
        if not isinstance(value, wanted) or (types[key] != "bool" and isinstance(value, bool)):
            raise NewsdeskError("setting {key} takes {kind}, not {given!r}",
                                key=key, kind=_(_WORDS[types[key]]), given=value)
        if key in positive and value < 1:
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


def problems(values: dict) -> dict[str, str]:
    """What is wrong with each value, checked alone: a form says it beside the field."""
    found = {}
    for key, value in values.items():
        try:
            validate({key: value})
        except NewsdeskError as e:
            found[key] = str(e)
    return found


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
