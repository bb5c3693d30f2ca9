from pathlib import Path

import pytest

from newsdesk.importers import frontmatter, import_paths, labels, legacy, page
from newsdesk.importers.decode import declared_charset, decode
from newsdesk.review.meta import meta_line
from tests.conftest import DATA

REFERENCE_HTML = (DATA / "reference_page.html").read_text("utf-8")
REFERENCE_TEXT = (DATA / "reference_page.txt").read_text("utf-8")
BODY_START = "清晨七点，社区门口的测温点已经排起了队。"
NOT_IN_BODY = ["首页", "越视频", "当前位置", "发布时间", "网站简介", "广告服务", "举报电话",
               "版权所有", "浙新办", "分享到", "相关新闻", "记者李昌禹", "统计代码", "字号"]


def check_reference(story, with_image=True):
    assert story.title == "“居民更在乎的，是你的真心”"
    assert story.kicker == "战“疫”一线的社区书记"
    assert story.subtitle == "记北京市朝阳区一位社区党委书记的三十天"
    assert story.published_at == "2020-03-09T01:39:23Z"  # 09:39:23 in Asia/Shanghai
    assert (story.source, story.editor, story.reviewer) == ("人民日报", "骆依婷", "杜萌颖")
    assert story.reporters == ["李昌禹", "张远晴"]
    assert story.breadcrumb[-1] == "国内"
    paragraphs = story.body.split("\n\n")
    assert paragraphs[0].startswith(BODY_START)  # leading full-width spaces dropped
    assert "## “居民更在乎的，是你的真心”" in paragraphs
    assert paragraphs[-1].endswith("王红说。")
    assert ("![志愿者在社区门口为居民测量体温](/upload/2020/03/zhiyuanzhe.jpg)"
            in paragraphs) == with_image
    for junk in NOT_IN_BODY:
        assert junk not in story.body, junk


def test_reference_html_page():
    check_reference(page.read(REFERENCE_HTML))


def test_reference_text_dump():
    check_reference(legacy.parse_text(REFERENCE_TEXT), with_image=False)


@pytest.mark.parametrize("declared", ["gb2312", "gbk", None])
def test_gbk_encoded_page(declared):
    html = REFERENCE_HTML.replace("charset=utf-8", f"charset={declared}" if declared else "")
    data = html.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    check_reference(page.read(decode(data, declared_charset(data))))


def test_page_declaring_utf8_but_saved_as_gbk_still_decodes():
    data = REFERENCE_HTML.encode("gbk")  # still says charset=utf-8
    check_reference(page.read(decode(data, declared_charset(data))))


@pytest.mark.parametrize("line", [
    "发布时间：2020-03-09 09:39:23 来源：人民日报 编辑：骆依婷 审核：杜萌颖",
    "发布时间:2020-03-09 09:39:23　来源:人民日报　编辑:骆依婷　审核:杜萌颖",
    "发 布 时 间 ： 2020/3/9 9:39:23 | 来 源 ： 人民日报 | 编 辑 ： 骆依婷 | 审 核 ： 杜萌颖",
    "发布时间:2020年03月09日 09:39:23 来源:人民日报编辑:骆依婷审核:杜萌颖 浏览次数：12",
])
def test_meta_line_in_any_spacing_and_colon_width(line):
    meta = labels.parse(line)
    assert (meta["source"], meta["editor"], meta["reviewer"]) == ("人民日报", "骆依婷", "杜萌颖")
    from newsdesk import times
    assert times.parse_local(meta["date"]) == "2020-03-09T01:39:23Z"


MD_PUBLISHED = """---
title: 白塔镇老街改造完成
kicker: 城市更新
channel: 白塔镇
date: 2024-05-01 08:30:00
reporters: 陈璐、张薇
editor: 王芳
reviewer: 赵敏
tags: [老街, 城市更新]
topics: xiangcun
---
　　老街的青石板路回来了。

第二段。
"""
MD_DRAFT = """---
title: 草稿一篇
channel: jiankang
draft: true
date: 2026-12-01
---
还没写完。
"""
MD_UNDATED = "---\ntitle: 没有日期\nchannel: yaowen\n---\n正文。\n"
MD_REPRINT = """---
title: 全国老旧小区改造提速
channel: guonei
date: 2024-06-01T07:00:00+08:00
origin: 转载
source: 人民日报
original_title: 全国老旧小区改造按下快进键
original_author: 王明
---
正文。
"""
TOML = '+++\ntitle = "TOML 文章"\nchannel = "shehui"\ndate = 2023-01-02T03:04:05Z\n+++\n正文\n'


def write(folder: Path, name: str, content) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_front_matter_parse():
    story = frontmatter.parse(MD_PUBLISHED)
    assert story.channel == "白塔镇" and not story.draft
    assert story.published_at == "2024-05-01T00:30:00Z"
    assert story.reporters == ["陈璐", "张薇"] and story.tags == ["老街", "城市更新"]
    assert story.topics == ["xiangcun"]
    assert story.body == "老街的青石板路回来了。\n\n第二段。"
    assert frontmatter.parse(MD_DRAFT).draft and frontmatter.parse(MD_UNDATED).draft
    reprint = frontmatter.parse(MD_REPRINT)
    assert (reprint.origin, reprint.published_at) == ("reprint", "2024-05-31T23:00:00Z")
    assert frontmatter.parse(TOML).published_at == "2023-01-02T03:04:05Z"
    assert frontmatter.parse("# 只有标题\n\n正文").title == "只有标题"


def test_import_mixed_folder(newsroom, tmp_path):
    s = newsroom
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    write(folder, "a-published.md", MD_PUBLISHED)
    write(folder, "b-draft.md", MD_DRAFT)
    write(folder, "c-undated.md", MD_UNDATED)
    write(folder / "sub", "d-reprint.markdown", MD_REPRINT)
    write(folder, "e-page.html", REFERENCE_HTML.replace("charset=utf-8", "charset=gb2312")
          .encode("gbk"))
    write(folder, "f-dump.txt", REFERENCE_TEXT.replace("2020-03-09", "2020-03-10"))
    write(folder, "g-toml.md", TOML)
    bad = {
        "x-binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "x-empty.md": b"  \n",
        "x-yaml.md": "---\ntitle: [未闭合\n---\n正文",
        "x-notitle.md": "---\nchannel: yaowen\n---\n只有正文",
        "x-channel.md": "---\ntitle: 栏目不存在\nchannel: nowhere\ndate: 2020-01-01\n---\n正文",
        "x-undecodable.txt": bytes(range(0x80, 0xff)) * 20,
    }
    for name, content in bad.items():
        write(folder, name, content)
    write(folder, ".hidden.md", MD_PUBLISHED)
    write(folder, "notes.pdf", b"%PDF")

    report = import_paths(s, [folder, tmp_path / "missing.md", folder / "notes.pdf"],
                          actor_id=s.users.find("admin").id)
    imported = {Path(f).name: (i, state) for f, i, state in report.imported}
    assert sorted(imported) == ["a-published.md", "b-draft.md", "c-undated.md",
                                "d-reprint.markdown", "e-page.html", "f-dump.txt", "g-toml.md"]
    failed = {Path(f).name: why for f, why in report.failed}
    assert set(failed) == set(bad) | {"missing.md", "notes.pdf"}
    assert "binary" in failed["x-binary.md"]
    assert "empty" in failed["x-empty.md"]
    assert "not valid" in failed["x-yaml.md"]
    assert "no title" in failed["x-notitle.md"]
    assert "unknown channel 'nowhere'" in failed["x-channel.md"]
    assert "cannot read it: it does not exist" in failed["missing.md"]
    assert "unsupported file type '.pdf'" in failed["notes.pdf"]
    assert s.articles.count() == 7  # nothing half-written from the failures

    pub = s.articles.get(imported["a-published.md"][0])
    assert (pub.state, pub.channel_id) == ("published", s.channels.find("baita").id)
    assert pub.public_path == f"baita/2024/05/{pub.number}.html"
    assert pub.editor_id == s.users.find("wangfang").id
    assert meta_line(s, pub)["reviewer"] == "赵敏"  # from the imported record
    assert [e.kind for e in s.events.of(pub.id)] == ["imported"]
    assert imported["b-draft.md"][1] == imported["c-undated.md"][1] == "draft"
    assert s.articles.get(imported["b-draft.md"][0]).public_path is None

    page = s.articles.get(imported["e-page.html"][0])
    assert page.channel_id == s.channels.find("guonei").id  # from 当前位置：首页 > 国内
    assert (page.origin, page.source) == ("reprint", "人民日报")
    assert page.first_published_at == "2020-03-09T01:39:23Z"
    assert meta_line(s, page) == {"published_at": "2020-03-09 09:39:23", "source": "人民日报",
                                  "editor": "骆依婷", "reviewer": "杜萌颖"}
    event = s.events.of(page.id)[0]
    assert event.kind == "imported" and event.detail["file"] == "e-page.html"
    assert s.search.find("真心")[0].article_id in (page.id, imported["f-dump.txt"][0])


def test_only_an_administrator_imports_published_pages_as_published(db_path, cli, tmp_path,
                                                                    monkeypatch):
    """三审 is never skipped: anyone else's published archive pages become drafts, said
    in the dry run and the import alike (in Chinese too)."""
    assert cli("init", "--db", db_path, "--demo").code == 0
    page = write(tmp_path, "old.md", MD_PUBLISHED)
    for args in (["--dry-run"], []):
        r = cli("import", "--db", db_path, "--as", "zhangwei", *args, page)
        assert r.code == 0 and "imported as a draft for 三审" in r.out
    assert "(draft)" in r.out
    monkeypatch.setenv("NEWSDESK_LANG", "zh_CN")
    r = cli("import", "--db", db_path, "--as", "zhangwei", "--dry-run", page)
    assert "作为草稿导入，须经三审" in r.out
    monkeypatch.setenv("NEWSDESK_LANG", "en")
    r = cli("import", "--db", db_path, "--as", "admin", write(tmp_path, "b.md", MD_PUBLISHED
                                                                .replace("老街改造", "新街")))
    assert r.code == 0 and "三审" not in r.out


def test_reimport_is_skipped(newsroom, tmp_path):
    path = write(tmp_path, "a.md", MD_PUBLISHED)
    admin = newsroom.users.find("admin").id
    assert len(import_paths(newsroom, [path], actor_id=admin).imported) == 1
    again = import_paths(newsroom, [path], actor_id=admin)
    assert again.imported == [] and "already imported" in again.skipped[0][1]
    assert newsroom.articles.count() == 1


def test_default_channel_for_files_without_one(newsroom, tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: 无栏目\ndate: 2020-01-01\n---\n正文")
    admin = newsroom.users.find("admin").id
    assert "--channel on the command line" in import_paths(newsroom, [path],
                                                           actor_id=admin).failed[0][1]
    report = import_paths(newsroom, [path], actor_id=admin, channel="shehui")
    assert newsroom.articles.get(report.imported[0][1]).channel_id == \
        newsroom.channels.find("shehui").id


def test_cli_import_reports_each_file_and_exits_1_on_failure(db_path, cli, tmp_path):
    assert cli("init", "--db", db_path, "--demo").code == 0
    good = write(tmp_path, "good.md", MD_PUBLISHED)
    bad = write(tmp_path, "bad.md", b"\x00\x01binary")
    r = cli("import", "--db", db_path, good, bad)
    assert r.code == 1
    assert "imported" in r.out and "good.md" in r.out
    assert f"failed {bad}: the file is binary, not text" in r.err
    assert "1 imported, 0 skipped, 1 failed" in r.out
    assert "Traceback" not in r.err
    r = cli("import", "--db", db_path, write(tmp_path, "ok.md", MD_DRAFT))
    assert r.code == 0
