"""A render that overran its time limit is a visible, temporary state: marked in the
store, reported by 机审, rendered again by the export before it is published, and
named when it still falls back. Never published as literal markdown by accident."""
import json
from contextlib import contextmanager

from newsdesk import checks
from newsdesk.review import workflow
from newsdesk.text import render
from newsdesk.text.render import FALLBACK
from newsdesk.site import export_site


@contextmanager
def busy_machine(monkeypatch):
    """Every render overruns, as on a machine too busy to render in time."""
    with monkeypatch.context() as busy:
        busy.setattr(render, "BASE_LIMIT_S", 0.0)
        busy.setattr(render, "PER_MILLION_CHARS_S", 0.0)
        yield


def published(store):
    return store.articles.get(store.articles.ids(state="published")[0])


def test_a_busy_save_is_marked_and_the_export_renders_it_again(demo_store, tmp_path,
                                                              monkeypatch):
    story = published(demo_store)
    admin = demo_store.users.find("admin")
    workflow.begin_correction(demo_store, story.id, admin, "补充数据")
    with busy_machine(monkeypatch):  # every save overruns (each tries again)
        workflow.edit(demo_store, story.id, {"body": story.body + "\n\n**加粗的一句。**"},
                      admin)
        saved = demo_store.articles.get(story.id)
        assert saved.renderer_version == FALLBACK and "**加粗的一句。**" in saved.body_html
        report = checks.run_checks(demo_store, saved)
        assert [f.rule for f in report.findings if f.rule == "render.fallback"] == \
            ["render.fallback"]
        workflow.submit(demo_store, story.id, admin)
        for user in ("wangfang", "liqiang", "zhaomin"):
            workflow.approve(demo_store, story.id, demo_store.users.find(user), None)
    assert demo_store.articles.get(story.id).renderer_version == FALLBACK
    # The machine is quiet again at export time.
    out = tmp_path / "site"
    result = export_site(demo_store, out, actor=admin)
    page = (out / story.public_path).read_text("utf-8")
    assert "<strong>加粗的一句。</strong>" in page and "**" not in page
    assert result.plain == []
    assert demo_store.articles.get(story.id).renderer_version != FALLBACK  # the cache is whole
    assert not [f for f in checks.run_checks(demo_store, demo_store.articles.get(story.id))
                .findings if f.rule == "render.fallback"]


def test_an_incremental_export_rewrites_a_page_once_its_body_renders(demo_store, tmp_path,
                                                                    monkeypatch):
    story = published(demo_store)
    demo_store.conn.execute("UPDATE articles SET renderer_version = ?, body_html = ? "
                            "WHERE id = ?", [FALLBACK, "<p>**纯文本**</p>", story.id])
    out = tmp_path / "site"
    with busy_machine(monkeypatch):  # busy at the first export
        first = export_site(demo_store, out)
    assert first.plain == [f"{story.id[:8]} “{story.title}”"]
    assert "**纯文本**" in (out / story.public_path).read_text("utf-8")
    second = export_site(demo_store, out)  # incremental
    channel = story.public_path.split("/")[0]  # its feeds quote its first paragraph
    assert sorted(second.written) == sorted([story.public_path, "rss.xml",
                                             f"{channel}/rss.xml"])
    assert second.plain == []
    assert "**" not in (out / story.public_path).read_text("utf-8")


def test_pathological_markdown_stays_plain_and_is_named(demo_store, tmp_path, cli,
                                                        monkeypatch):
    monkeypatch.setattr(render, "BASE_LIMIT_S", 0.3)  # '[a](' × 10,000 takes seconds
    story = published(demo_store)
    admin = demo_store.users.find("admin")
    workflow.begin_correction(demo_store, story.id, admin, "更正")
    workflow.edit(demo_store, story.id, {"body": "[a](" * 10_000}, admin)
    workflow.submit(demo_store, story.id, admin)
    for user in ("wangfang", "liqiang", "zhaomin"):
        workflow.approve(demo_store, story.id, demo_store.users.find(user), None)
    path = demo_store.path
    r = cli("export", "--db", path, "--out", tmp_path / "site", "--as", "admin")
    assert r.code == 1 and story.id[:8] in r.err and "plain paragraphs" in r.err
    assert "Traceback" not in r.err
    page = (tmp_path / "site" / story.public_path).read_text("utf-8")
    assert "[a](" in page  # shown as text, as the report says
    r = cli("check", story.id, "--db", path, "--json")
    assert "render.fallback" in {f["rule"] for f in json.loads(r.out)["findings"]}
