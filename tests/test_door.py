"""One door (issue 30, items 4-6): on a real newsroom's database (not the demo) every
command that changes something acts as a proven user: --as with the right password,
an admin where the rule says admin, a password changed only by its user or an admin."""
import json

import pytest

from newsdesk.store import Store

PASSWORDS = {"admin": "管理-越溪2026", "wangfang": "初审-越溪2026", "chenlu": "记者-越溪2026"}


@pytest.fixture
def real(tmp_path, cli, monkeypatch):
    """A newsroom made as its admin makes one: init, the first admin, then the others
    added by the admin; channels and a draft of 陈璐's."""
    db = tmp_path / "newsroom.db"
    assert cli("init", "--db", db).code == 0
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", PASSWORDS["admin"])
    assert cli("users", "add", "admin", "--name", "周建国", "--role", "admin",
               "--db", db).code == 0  # the first admin of a new database needs no --as
    monkeypatch.setenv("NEWSDESK_PASSWORD", PASSWORDS["admin"])
    for username, name, role in (("wangfang", "王芳", "reviewer1"),
                                 ("chenlu", "陈璐", "editor")):
        monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", PASSWORDS[username])
        r = cli("users", "add", username, "--name", name, "--role", role, "--as", "admin",
                "--db", db)
        assert r.code == 0, r.err
    for slug, name in (("shehui", "社会"), ("h5", "H5")):
        assert cli("channels", "add", slug, name, "--as", "admin", "--db", db).code == 0
    monkeypatch.delenv("NEWSDESK_NEW_PASSWORD")
    (tmp_path / "draft.md").write_text("---\ntitle: 县图书馆延长开放时间\nreporters: 陈璐\n---\n"
                                       "县图书馆自下月起每天开放至晚上九点。\n", "utf-8")
    as_chenlu(monkeypatch)
    r = cli("import", tmp_path / "draft.md", "--channel", "shehui", "--as", "chenlu",
            "--db", db)
    assert r.code == 0, r.err
    monkeypatch.delenv("NEWSDESK_PASSWORD")
    return db


def as_chenlu(monkeypatch):
    monkeypatch.setenv("NEWSDESK_PASSWORD", PASSWORDS["chenlu"])


def stories(cli, db) -> list[dict]:
    return json.loads(cli("list", "--json", "--db", db).out)


def refused(r, *words):
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1, r.err
    assert "Traceback" not in r.err and all(w in r.err for w in words), r.err


# ---- item 4: nobody takes over an account ---------------------------------------------
def test_nobody_sets_someone_elses_password_without_being_an_admin(real, cli, monkeypatch):
    monkeypatch.setenv("NEWSDESK_PASSWORD", "hijacked")
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", "hijacked")
    refused(cli("users", "passwd", "wangfang", "--db", real), "--as")
    refused(cli("users", "passwd", "admin", "--db", real), "--as")
    as_chenlu(monkeypatch)  # a colleague, proven, is still not an admin
    refused(cli("users", "passwd", "wangfang", "--as", "chenlu", "--db", real),
            "not an admin")
    monkeypatch.setenv("NEWSDESK_PASSWORD", "hijacked")
    for username in ("wangfang", "admin"):  # their passwords are still theirs
        refused(cli("users", "passwd", "chenlu", "--as", username, "--db", real),
                "wrong password")


def test_a_user_changes_their_own_password_with_the_old_one(real, cli, monkeypatch):
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", "新口令-2027")
    monkeypatch.setenv("NEWSDESK_PASSWORD", "not hers")
    refused(cli("users", "passwd", "wangfang", "--as", "wangfang", "--db", real),
            "wrong password")
    monkeypatch.setenv("NEWSDESK_PASSWORD", PASSWORDS["wangfang"])
    assert cli("users", "passwd", "wangfang", "--as", "wangfang", "--db", real).code == 0
    monkeypatch.setenv("NEWSDESK_PASSWORD", "新口令-2027")
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", "")  # a reviewer keeps one
    refused(cli("users", "passwd", "wangfang", "--as", "wangfang", "--db", real),
            "cannot be removed")
    story = stories(cli, real)[0]["id"]
    as_chenlu(monkeypatch)
    assert cli("submit", story, "--as", "chenlu", "--db", real).code == 0
    monkeypatch.setenv("NEWSDESK_PASSWORD", "新口令-2027")
    r = cli("approve", story, "--as", "wangfang", "--db", real)
    assert r.code == 0, r.err
    monkeypatch.setenv("NEWSDESK_PASSWORD", PASSWORDS["admin"])  # an admin resets one
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", "重置-2027")
    assert cli("users", "passwd", "wangfang", "--as", "admin", "--db", real).code == 0


def test_only_a_proven_admin_adds_users(real, cli, monkeypatch):
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", "mallory")
    refused(cli("users", "add", "mallory", "--name", "某人", "--role", "admin", "--db", real),
            "--as")
    as_chenlu(monkeypatch)
    refused(cli("users", "add", "mallory", "--name", "某人", "--role", "admin",
                "--as", "chenlu", "--db", real), "not an admin")
    monkeypatch.setenv("NEWSDESK_PASSWORD", "guessed")
    refused(cli("users", "add", "mallory", "--name", "某人", "--role", "admin",
                "--as", "admin", "--db", real), "wrong password")
    assert "mallory" not in cli("users", "--db", real).out


# ---- item 5: --as is proven, and a change names who acts ------------------------------
@pytest.fixture
def states(real, cli, monkeypatch, tmp_path):
    """陈璐's draft, a submitted story, one in the recycle bin; a story file to import."""
    ids = {"draft": stories(cli, real)[0]["id"]}
    as_chenlu(monkeypatch)
    for name in ("submitted", "binned"):
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\ntitle: 稿件{name}\nreporters: 陈璐\n---\n正文{name}。\n",
                        "utf-8")
        assert cli("import", path, "--channel", "shehui", "--as", "chenlu",
                   "--db", real).code == 0
    by_title = {s["title"]: s["id"] for s in stories(cli, real)}
    ids["submitted"], ids["binned"] = by_title["稿件submitted"], by_title["稿件binned"]
    assert cli("submit", ids["submitted"], "--as", "chenlu", "--db", real).code == 0
    assert cli("delete", ids["binned"], "--as", "chenlu", "--db", real).code == 0
    (tmp_path / "pubimp.md").write_text("---\ntitle: 外来稿件\n---\n正文。\n", "utf-8")
    return ids


COMMANDS = {  # each as the issue tried it, acting as someone else
    "edit": lambda ids, tmp: ["edit", ids["draft"], "--title", "改了", "--as", "wangfang"],
    "import": lambda ids, tmp: ["import", tmp / "pubimp.md", "--channel", "shehui",
                                "--as", "admin"],
    "submit": lambda ids, tmp: ["submit", ids["draft"], "--as", "chenlu"],
    "recall": lambda ids, tmp: ["recall", ids["submitted"], "--as", "chenlu"],
    "correct": lambda ids, tmp: ["correct", ids["draft"], "--note", "更正", "--as", "chenlu"],
    "delete": lambda ids, tmp: ["delete", ids["draft"], "--as", "chenlu"],
    "bin restore": lambda ids, tmp: ["bin", "restore", ids["binned"], "--as", "chenlu"],
    "bin empty": lambda ids, tmp: ["bin", "empty", "--as", "admin"],
    "export": lambda ids, tmp: ["export", "--out", tmp / "site", "--as", "admin"],
    "conflicts settle": lambda ids, tmp: ["conflicts", "settle", "0" * 8, "--as", "admin"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_as_needs_the_users_password(states, real, cli, monkeypatch, tmp_path, command):
    before = [(s["id"], s["title"], s["state"]) for s in stories(cli, real)]
    binned = len(json.loads(cli("bin", "--json", "--db", real).out))
    args = COMMANDS[command](states, tmp_path)
    monkeypatch.setenv("NEWSDESK_PASSWORD", "guessed")
    refused(cli(*args, "--db", real), "wrong password for")
    monkeypatch.delenv("NEWSDESK_PASSWORD")  # and no terminal to ask on
    refused(cli(*args, "--db", real), "has a password: give it")
    assert [(s["id"], s["title"], s["state"]) for s in stories(cli, real)] == before
    assert len(json.loads(cli("bin", "--json", "--db", real).out)) == binned
    assert not (tmp_path / "site").exists()


NAMELESS = {  # the same changes with nobody named
    "import": lambda ids, tmp: ["import", tmp / "pubimp.md", "--channel", "shehui"],
    "export": lambda ids, tmp: ["export", "--out", tmp / "site"],
    "conflicts settle": lambda ids, tmp: ["conflicts", "settle", "0" * 8],
    "imported done": lambda ids, tmp: ["imported", "done", ids["draft"]],
    "users passwd": lambda ids, tmp: ["users", "passwd", "chenlu"],
}


@pytest.mark.parametrize("command", NAMELESS)
def test_a_change_without_as_is_refused(states, real, cli, monkeypatch, tmp_path, command):
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", "x")
    before = stories(cli, real)
    refused(cli(*NAMELESS[command](states, tmp_path), "--db", real), "--as")
    assert stories(cli, real) == before and not (tmp_path / "site").exists()


def test_with_the_right_password_the_change_is_made_and_names_its_user(states, real, cli,
                                                                     monkeypatch):
    as_chenlu(monkeypatch)
    r = cli("edit", states["draft"], "--title", "县图书馆开放至晚上九点", "--as", "chenlu",
            "--db", real)
    assert r.code == 0 and "revision 2" in r.out
    monkeypatch.setenv("NEWSDESK_PASSWORD", PASSWORDS["admin"])
    assert cli("bin", "empty", "--as", "admin", "--db", real).code == 0
    assert json.loads(cli("bin", "--json", "--db", real).out) == []
    store = Store.open(real)
    try:
        draft = store.articles.get(states["draft"])
        assert store.users.get(draft.last_editor_id).username == "chenlu"
    finally:
        store.close()


# ---- item 6: the outlet's lists, channels and topics are an admin's ------------------
ADMIN_ONLY = {
    "words import --replace": ["words", "import", "empty.txt", "--replace"],
    "channels change": ["channels", "change", "h5", "--link", "https://evil.example/"],
    "channels add": ["channels", "add", "evil", "博彩"],
    "channels rename": ["channels", "rename", "h5", "博彩"],
    "channels move": ["channels", "move", "h5", "up"],
    "topics add": ["topics", "add", "evil", "博彩"],
    "lists import": ["lists", "import", "names", "empty.txt"],
    "settings set": ["settings", "set", "page_size", "5"],
}


def _outlet(cli, db) -> list:
    return [cli(*args, "--json", "--db", db).out
            for args in (["words"], ["channels"], ["topics"], ["lists", "show", "names"],
                         ["settings"])]


@pytest.mark.parametrize("command", ADMIN_ONLY)
def test_lists_channels_and_topics_take_an_admin(real, cli, monkeypatch, tmp_path, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_text("", "utf-8")
    before = _outlet(cli, real)
    assert json.loads(before[0])  # the starter word list is there to lose
    refused(cli(*ADMIN_ONLY[command], "--db", real), "--as")
    as_chenlu(monkeypatch)
    refused(cli(*ADMIN_ONLY[command], "--as", "chenlu", "--db", real),
            "陈璐 is not an admin; only admins")
    monkeypatch.setenv("NEWSDESK_PASSWORD", "guessed")
    refused(cli(*ADMIN_ONLY[command], "--as", "admin", "--db", real), "wrong password")
    assert _outlet(cli, real) == before
    monkeypatch.setenv("NEWSDESK_PASSWORD", PASSWORDS["admin"])
    r = cli(*ADMIN_ONLY[command], "--as", "admin", "--db", real)
    assert r.code == 0, r.err


# ---- the demo needs no password, and says so ---------------------------------------
def test_the_demo_needs_no_password_and_says_so(db_path, cli, monkeypatch):
    monkeypatch.delenv("NEWSDESK_PASSWORD", raising=False)
    assert cli("init", "--demo", "--db", db_path).code == 0
    draft = json.loads(cli("list", "--state", "draft", "--json", "--db", db_path).out)[0]
    r = cli("edit", draft["id"], "--title", "试一试", "--as", "chenlu", "--db", db_path)
    assert r.code == 0
    assert r.err.strip() == ("a demo newsroom: nobody needs a password here, so anyone "
                             "can act as anyone")
    r = cli("channels", "add", "tiyu", "体育", "--as", "admin", "--db", db_path)
    assert r.code == 0 and len(r.err.strip().splitlines()) == 1
    assert cli("list", "--db", db_path).err == ""  # a command that changes nothing: quiet
