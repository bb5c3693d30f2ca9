"""The core speaks the user's language: every message is in the Chinese catalogue, and
in zh_CN every error class and every 机审 rule reads Chinese, from the command line and
from the core the app calls (tests/ui/test_same_refusals.py drives the app's dialogs)."""
import ast
import json
import re
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import db.connection
import keyring

from newsdesk import checks, i18n, times
from newsdesk.review import accounts, door, workflow
from newsdesk.publish import hostkeys
from newsdesk.publish.remote import PublishError
from newsdesk.publish.run import PasswordNeeded, PublishBusy, Tampered, publish
from newsdesk.checks.words import ListError, parse_list
from newsdesk.errors import (
    DatabaseBusy, NewsdeskError, NotFound, StaleEdit, StorageFailed,
)
from newsdesk.importers import frontmatter, legacy
from newsdesk.importers.decode import DecodeError, decode
from newsdesk.model import State
from newsdesk.text.render import FALLBACK
from newsdesk.site import ExportCancelled, export_site
from newsdesk.site.writer import UnsafePath, check_path
from newsdesk.store import Store
from newsdesk.sync import records, admission as sync_trust
from newsdesk.sync.gitstore import GitStore, RemoteUnreachable
from newsdesk.sync.login import LoginNeeded
from newsdesk.sync.publisher import NotThePublisher
from tests.chinese import assert_chinese, english_words
from tools.messages import PO, calls, error_classes, extract

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def catalogue():
    with PO.open("rb") as f:
        return {m.id: m for m in read_po(f) if m.id}


def test_every_message_has_its_chinese():
    translated = catalogue()
    for msgid, where in extract().items():
        assert msgid in translated and translated[msgid].string, (msgid, where)
        assert not translated[msgid].fuzzy, msgid
        chinese = translated[msgid].string
        if isinstance(msgid, tuple):  # click's counted messages: Chinese has one form
            msgid, chinese = msgid[0], chinese[0]
        assert set(PLACEHOLDER.findall(chinese)) == set(PLACEHOLDER.findall(msgid)), msgid


def test_the_compiled_catalogue_is_the_po():
    with PO.with_suffix(".mo").open("rb") as f:
        compiled = {str(tuple(m.id) if isinstance(m.id, list) else m.id): str(tuple(m.string))
                    if isinstance(m.string, list) else m.string for m in read_mo(f) if m.id}
    written = {str(k): str(m.string) if isinstance(m.string, tuple) else m.string
               for k, m in catalogue().items()}
    assert compiled == written, \
        "run tools/messages.py to compile the .po"


def test_messages_are_literals_with_named_values():
    """An f-string or a concatenation cannot be looked up in the catalogue."""
    for path, line, name, arg in calls():
        if isinstance(arg, (ast.JoinedStr, ast.BinOp)):
            pytest.fail(f"{path}:{line}: {name}() takes a literal message with named values")


def test_a_message_reads_in_the_language_in_use():
    assert str(NotFound("no user {key!r}", key="x")) == "no user 'x'"
    i18n.use("zh_CN")
    error = NotFound("no user {key!r}", key="x")
    assert str(error) == "没有用户“x”" and error.message_id == "no user {key!r}"
    assert i18n.use("fr") == "en" and str(NotFound("no user {key!r}", key="x")) == "no user 'x'"


@pytest.mark.parametrize("environ, language", [
    ({"NEWSDESK_LANG": "zh_CN", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"NEWSDESK_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LC_ALL": "zh_TW.UTF-8", "LANG": "C"}, "zh_CN"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
])
def test_the_language_comes_from_newsdesk_lang_then_the_locale(environ, language):
    assert i18n.choose(environ) == language


def test_the_detector_catches_english():
    assert english_words("陈璐 does not hold the 初审 role") == ["does", "not", "hold", "the",
                                                                "role"]
    assert english_words("没有稿件匹配“flood”；见 /tmp/x.db 与 --title、reviewer1、3f2a9c1d") == []


# ---- every error class, in Chinese ---------------------------------------------------
@pytest.fixture
def zh(monkeypatch):
    monkeypatch.setenv("NEWSDESK_LANG", "zh_CN")
    i18n.use("zh_CN")


def story(store, state):
    return store.articles.get(store.articles.ids(state=state)[0])


def newsdesk_error(store):
    store.channels.add("文化", "文化")


def not_found(store):
    store.articles.get("0" * 32)


def rule_error(store):
    workflow.submit(store, story(store, State.DRAFT).id, store.users.find("liqiang"))


def password_required(store):
    store.set_settings({"demo": False})
    accounts.check_signer(store, store.users.find("wangfang"))


def not_proven(store):
    store.set_settings({"demo": False})
    door.refuse_unnamed(store)


def stale_edit(store):
    chen = store.users.find("chenlu")
    draft = story(store, State.DRAFT)
    workflow.edit(store, draft.id, {"body": "对方先保存的正文。"}, chen, expect_edits=draft.edits)
    workflow.edit(store, draft.id, {"body": "旧版本上的正文。"}, chen, expect_edits=draft.edits)


def database_busy(store):
    other = sqlite3.connect(store.path)
    other.execute("BEGIN IMMEDIATE")
    try:
        rule_free_submit(store)
    finally:
        other.rollback()
        other.close()


def rule_free_submit(store):
    draft = story(store, State.DRAFT)
    workflow.submit(store, draft.id, store.users.get(draft.author_id))


def storage_failed(store):
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    store.channels.add("wenhua", "文化" * 2000)


def export_cancelled(store, tmp_path):
    cancel = threading.Event()
    cancel.set()
    export_site(store, tmp_path / "site", cancel=cancel, actor=store.users.find("admin"))


def unsafe_path(store):
    check_path("../etc/passwd")


def not_an_article(store):
    legacy.parse_text("只有一段话。")


def decode_error(store):
    decode(b"\x00\x01\x02\x03" * 100)


def front_matter_error(store):
    frontmatter.parse("---\ntitle: [未闭合\n---\n正文。")


def list_error(store):
    parse_list("澳门葡京\tblock\n新店开业\tmaybe\n")


def _publisher(store, tmp_path, **target):
    store.set_settings({"output_dir": str(tmp_path / "out"), "base_url": "",
                        "publish_targets": [{"name": "主机", **target}]})
    return store.users.find("admin")


def publish_error(store, tmp_path):
    from tests.hosts import Ftpd
    root = tmp_path / "served"
    root.mkdir()
    server = Ftpd(root, user="web1")
    try:
        publish(store, _publisher(store, tmp_path, kind="ftp", host="127.0.0.1",
                                  port=server.port, user="web1", path="/"), password="错")
    finally:
        server.stop()


def publish_busy(store, tmp_path):
    admin = _publisher(store, tmp_path, kind="folder", path=str(tmp_path / "served"))
    store.publishing.take_lock("周建国:1", times.now())
    publish(store, admin)


def password_needed(store, tmp_path):
    from keyring.backends import fail
    kept = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # a machine without a keyring
    try:
        publish(store, _publisher(store, tmp_path, kind="ftp", host="127.0.0.1", port=21,
                                  user="web1", path="/"))
    finally:
        keyring.set_keyring(kept)


def tampered(store, tmp_path):
    admin = _publisher(store, tmp_path, kind="folder", path=str(tmp_path / "served"))
    publish(store, admin)
    home = tmp_path / "served" / "index.html"
    home.write_bytes(home.read_bytes() + "澳门新葡京".encode())
    store.set_settings({"name": "越溪新闻网（新）"})  # every page changes, index.html too
    publish(store, admin)


def host_key_changed(store, tmp_path):
    store.set_local_meta("hostkey:127.0.0.1:22", "ssh-ed25519 AAAAold")
    hostkeys.check_host_key(store, "127.0.0.1", 22, "ssh-ed25519 AAAAnew", "SHA256:新", None)


def host_key_refused(store, tmp_path):
    hostkeys.check_host_key(store, "127.0.0.1", 2222, "ssh-ed25519 AAAA", "SHA256:新", None)


def remote_unreachable(store, tmp_path):
    GitStore.create(tmp_path / "seat.git").remote_tip("git://127.0.0.1:1/newsroom.git")


class _AsksForLogin(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="newsroom"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def login_needed(store, tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AsksForLogin)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        GitStore.create(tmp_path / "seat.git").remote_tip(
            f"http://127.0.0.1:{server.server_address[1]}/newsroom.git")
    finally:
        server.shutdown()
        server.server_close()


def bad_record(store):
    records.story_record("没有头信息的正文".encode(), "stories/2026/11/30/x.md")


def not_the_publisher(store):
    store.syncing.set_marks(remote="/srv/newsroom.git", seat="这台", publisher="那台",
                            publisher_name="总编室电脑")
    workflow.publish(store, store.articles.ids(state="approved")[0], None)


def refused(store):
    # A sign-off arriving from the newsroom's copy, by the one who wrote the story.
    wrote = ([{"number": 1, "updated_by": "w", "content": {"title": "t", "body": "b"}}], None)
    sync_trust._events(lambda: "城关镇社区开展防汛应急演练",
                       {"w": {"real_name": "王芳", "roles": ["reviewer1"], "public_keys": []}},
                       [{"name": "初审", "role": "reviewer1"}], "x", [],
                       [{"id": "1", "kind": "approve", "actor_id": "w", "stage": 1,
                         "revision": 1}], lambda: wrote)


SCENARIOS = {
    "NewsdeskError": (NewsdeskError, newsdesk_error),
    "NotFound": (NotFound, not_found),
    "RuleError": (workflow.RuleError, rule_error),
    "PasswordRequired": (accounts.PasswordRequired, password_required),
    "NotProven": (door.NotProven, not_proven),
    "StaleEdit": (StaleEdit, stale_edit),
    "DatabaseBusy": (DatabaseBusy, database_busy),
    "StorageFailed": (StorageFailed, storage_failed),
    "ExportCancelled": (ExportCancelled, export_cancelled),
    "UnsafePath": (UnsafePath, unsafe_path),
    "NotAnArticle": (legacy.NotAnArticle, not_an_article),
    "DecodeError": (DecodeError, decode_error),
    "FrontMatterError": (frontmatter.FrontMatterError, front_matter_error),
    "ListError": (ListError, list_error),
    "PublishError": (PublishError, publish_error),
    "PublishBusy": (PublishBusy, publish_busy),
    "PasswordNeeded": (PasswordNeeded, password_needed),
    "Tampered": (Tampered, tampered),
    "HostKeyChanged": (hostkeys.HostKeyChanged, host_key_changed),
    "HostKeyRefused": (hostkeys.HostKeyRefused, host_key_refused),
    "RemoteUnreachable": (RemoteUnreachable, remote_unreachable),
    "LoginNeeded": (LoginNeeded, login_needed),
    "BadRecord": (records.BadRecord, bad_record),
    "NotThePublisher": (NotThePublisher, not_the_publisher),
    "Refused": (sync_trust.Refused, refused),
}
WITH_FOLDER = {"ExportCancelled", "PublishError", "PublishBusy", "PasswordNeeded", "Tampered",
               "HostKeyChanged", "HostKeyRefused", "RemoteUnreachable", "LoginNeeded"}


def test_every_error_class_has_a_chinese_scenario():
    # CliError is the command line's own: test_cli_refusals_read_chinese drives it.
    assert set(SCENARIOS) | {"CliError"} == error_classes()


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_error_class_reads_chinese(name, zh, demo_store, tmp_path, monkeypatch):
    monkeypatch.setattr(db.connection, "BUSY_TIMEOUT_S", 0.2)
    path = demo_store.path
    demo_store.close()
    store = Store.open(path)
    cls, scenario = SCENARIOS[name]
    try:
        with pytest.raises(cls) as raised:
            scenario(*((store, tmp_path) if name in WITH_FOLDER else (store,)))
    finally:
        store.close()
    assert type(raised.value).__name__ == name
    assert_chinese(str(raised.value), names=(str(path), str(tmp_path)))


# ---- the command line ----------------------------------------------------------------
@pytest.fixture
def ids(demo_store):
    titles = {"flood": "城关镇社区开展防汛应急演练", "meeting": "越溪县召开经济工作会议 部署明年重点任务"}
    found = {k: next(a.id for a in demo_store.articles.many(demo_store.articles.ids())
                     if a.title == t) for k, t in titles.items()}
    found["draft"] = story(demo_store, State.DRAFT).id
    return found


REFUSALS = [
    ["submit", "{draft}", "--as", "liqiang"],
    ["recall", "{meeting}", "--as", "chenlu"],
    ["approve", "{flood}", "--as", "zhaomin"],
    ["approve", "{draft}", "--as", "wangfang"],
    ["return", "{flood}", "--as", "wangfang", "--reason", " "],
    ["withdraw", "{meeting}", "--as", "zhangwei", "--reason", "来源有误"],
    ["withdraw", "{draft}", "--as", "admin", "--reason", "来源有误"],
    ["correct", "{flood}", "--as", "zhangwei", "--note", "更正"],
    ["correct", "{meeting}", "--as", "liqiang", "--note", "更正"],
    ["edit", "{meeting}", "--as", "chenlu", "--title", "改"],
    ["edit", "{flood}", "--as", "chenlu", "--title", "改"],
    ["edit", "{draft}", "--as", "chenlu"],
    ["delete", "{meeting}", "--as", "zhangwei"],
    ["bin", "restore", "{meeting}", "--as", "admin"],
    ["bin", "empty", "--as", "chenlu"],
    ["show", "zzzz"],
    ["show", "0000ffff"],
    ["channels", "add", "文化", "文化", "--as", "admin"],
    ["channels", "add", "yaowen", "要闻", "--as", "admin"],
    ["channels", "change", "nowhere", "--top", "--as", "admin"],
    ["channels", "add", "tiyu", "体育", "--as", "chenlu"],
    ["topics", "add", "专题", "专题", "--as", "admin"],
    ["users", "change", "admin", "--deactivate", "--as", "admin"],
    ["users", "change", "chenlu", "--role", "boss", "--as", "admin"],
    ["users", "change", "chenlu", "--role", "editor", "--as", "chenlu"],
    ["settings", "set", "timezone", "Mars/Olympus", "--as", "admin"],
    ["settings", "set", "page_size", "x", "--as", "admin"],
    ["settings", "set", "page_size", "0", "--as", "admin"],
    ["settings", "set", "nonsense", "1", "--as", "admin"],
    ["settings", "set", "house_space", "maybe", "--as", "admin"],
    ["export", "--out", "{tmp}/site", "--as", "zhangwei"],
    ["export", "--out", "{tmp}/file.txt", "--as", "admin"],
    ["export", "--out", "{tmp}/site", "--as", "admin", "--bogus"],
    ["approve", "--as", "wangfang"],
    ["settings", "set", "page_size", "10", "--as", "admin", "extra"],
    ["bin", "--nonsense"],
    ["search", "，。"],
]


@pytest.mark.parametrize("args", REFUSALS, ids=[" ".join(a[:2]) for a in REFUSALS])
def test_cli_refusals_read_chinese(args, zh, demo_store, ids, cli, tmp_path):
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "story.docx").write_text("x")
    r = cli(*[a.format(tmp=tmp_path, **ids) for a in args], "--db", demo_store.path)
    assert r.code == 2, (r.out, r.err)
    assert r.err.count("\n") == 1
    assert r.err.startswith("newsdesk：错误：")
    assert_chinese(r.err, names=(str(demo_store.path), str(tmp_path)))


def test_cli_file_errors_read_chinese(zh, demo_store, cli, tmp_path):
    (tmp_path / "story.docx").write_text("x")
    (tmp_path / "bad.md").write_text("---\ntitle: [未闭合\n---\n正文。", "utf-8")
    r = cli("verify", "--manifest", tmp_path / "none.json", tmp_path)
    assert r.code == 2 and r.err.startswith("newsdesk：错误：")
    assert_chinese(r.err, names=(str(tmp_path),))
    r = cli("import", tmp_path / "story.docx", tmp_path / "bad.md", "--db", demo_store.path)
    assert r.code == 1 and len(r.err.splitlines()) == 2
    for line in r.err.splitlines() + r.out.splitlines():
        assert_chinese(line, names=(str(tmp_path),))


def test_cli_reports_read_chinese(zh, demo_store, ids, cli, tmp_path):
    db = demo_store.path
    said = [cli("submit", ids["draft"], "--as", "chenlu", "--db", db),
            cli("approve", ids["draft"], "--as", "wangfang", "--db", db),
            cli("history", ids["draft"], "--db", db),
            cli("show", ids["meeting"], "--db", db),
            cli("list", "--state", "submitted", "--db", db),
            cli("audit", "--db", db),
            cli("export", "--out", tmp_path / "site", "--as", "admin", "--db", db),
            cli("verify", "--manifest", tmp_path / "site" / "manifest.json", tmp_path / "site")]
    for r in said:
        assert r.code == 0, (r.out, r.err)
        for line in r.out.splitlines():
            if re.search(r"[A-Za-z]{3,}", line) and not line.startswith(("wrote ", "id ")):
                assert not english_words(line, names=(str(tmp_path),)), line
    assert "送审" in said[2].out and "签审通过" in said[2].out


# ---- every 机审 rule, in Chinese ------------------------------------------------------
def rules_in_the_code() -> set[str]:
    """Every rule a finding can carry, read from the checks' source."""
    found = {"words.block", "words.warn"}
    for path in (ROOT / "newsdesk" / "checks").glob("*.py"):
        source = path.read_text("utf-8")
        found |= set(re.findall(r'Finding\(\s*"([\w.-]+)"', source))
        # a module's own _finding(rule, …) files its rules under the module's name
        found |= {f"{path.stem}.{r}" for r in re.findall(r'_finding\(\s*"([\w-]+)"', source)}
    return found


REPRINT = """---
title: 老旧小区改造惠及860万户
channel: 国内
origin: reprint
source: 某某网
original_title: 今年全国新开工改造城镇老旧小区超过5万个
---
　　记者从住建部获悉,全国新开工改造城镇老旧小区5.1万个。。新店开业送好礼，澳门葡京。
他说：“好（括号(半角括号)和GDP增长
求助人身份证号11010519491231002X，电话13812345678，卡号6222021234567890128，另一证号110105194912310021。
县长林振华、县委书记林振化出席。何文斌、林振华到场。大家再接再励，發展经济，不赌球。
见www.amxpj0088.com<div style="display:none"><a href="http://x.cc/">x</a></div>
""" + "社区志愿者每天上门为独居老人测量血压送上热饭。" * 25 + "\n"  # long enough to be rated
MISSING = """---
title: 缺项的稿件
origin: reprint
---
正文。
"""


def test_every_rule_reads_chinese_from_the_cli(zh, demo_store, cli, tmp_path):
    demo_store.set_settings({"approved_sources": ["人民日报"], "house_space": "space"})
    seen = set()
    for text in (REPRINT, MISSING):
        path = tmp_path / "story.md"
        path.write_text(text, "utf-8")
        r = cli("check", path, "--json", "--db", demo_store.path)
        for f in json.loads(r.out)["findings"]:
            seen.add(f["rule"])
            assert_chinese(f["message"])
        r = cli("check", path, "--db", demo_store.path)
        for line in r.out.splitlines():
            assert_chinese(line)
    # A story typed in the app keeps what an import tidies away (leading spaces).
    article = story(demo_store, State.DRAFT)
    workflow.edit(demo_store, article.id, {"body": "　　最佳的一天。"}, demo_store.users.get(
        article.author_id))
    r = cli("check", article.id, "--db", demo_store.path)
    for line in r.out.splitlines():
        assert_chinese(line)
    seen |= {f.rule for f in checks.run_checks(demo_store, demo_store.articles.get(article.id)
                                                ).findings}
    # The two rules no story file can raise: a body the renderer gave up on, a bad URL in
    # the site's settings.
    article = demo_store.articles.get(article.id)
    article.renderer_version = FALLBACK
    report = checks.run_checks(demo_store, article)
    # A bad link stored before settings were checked (set now, it is refused).
    with pytest.raises(NewsdeskError, match="javascript:"):
        demo_store.set_settings({"footer_links": [{"title": "坏", "href": "javascript:x()"}]})
    demo_store.conn.execute("UPDATE site SET value = ? WHERE key = 'footer_links'",
                            ['[{"title": "坏链接", "href": "javascript:alert(1)"}]'])
    found = report.findings + checks.site_links(demo_store.settings(), demo_store.channels.all())
    for f in found:
        seen.add(f.rule)
        assert_chinese(i18n.pick(f.message, f.message_en))
    assert seen == rules_in_the_code(), rules_in_the_code() ^ seen
