"""机审's knowledge: protected names, misspellings, traditional characters and the
shapes of search-spam injection, each with real-shaped examples."""
import opencc
import pytest

from newsdesk import checks
from newsdesk.checks import Knowledge, spam
from newsdesk.checks.confusions import shipped
from newsdesk.checks.lists import parse_entries
from newsdesk.checks.words import ListError
from newsdesk.model import Article, ListEntry
from newsdesk.settings import SiteSettings

LEADERS = [ListEntry("林振华", "县委书记"), ListEntry("何文斌", "县委副书记、县长"),
           ListEntry("冯雪梅", "副县长"), ListEntry("陈静", "县委常委、宣传部部长")]


def found(body: str, **lists) -> set[tuple[str, str]]:
    a = Article(id="", title="县领导调研春耕生产", body=body, channel_id="c", reporters=["张薇"])
    know = Knowledge.of(names=lists.get("names", LEADERS), confusions=lists.get("own", []),
                        traditional=lists.get("traditional", []))
    report = checks.check_article(a, know, SiteSettings())
    return {(f.rule, f.text) for f in report.findings if f.field == "body"}


# ---- protected names ------------------------------------------------------------------
def test_a_homophone_of_a_protected_name_blocks_and_suggests_the_name():
    r = found("县委书记林振化到城关镇调研。")
    assert ("names.misspelt", "林振化") in r
    a = Article(id="", title="t", body="何文彬主持会议。", channel_id="c", reporters=["张薇"])
    [f] = [f for f in checks.check_article(a, Knowledge.of(names=LEADERS),
                                           SiteSettings()).findings if f.rule == "names.misspelt"]
    assert (f.severity, f.suggestion) == ("block", "何文斌")  # no title needed: 3 characters


def test_one_character_off_next_to_a_title_blocks():
    assert ("names.misspelt", "林振军") in found("县委书记林振军出席。")  # lin zhen jun
    assert ("names.misspelt", "冯雪海") in found("冯雪海同志讲话。")
    # Away from any title a different name is just a different person.
    assert not any(rule == "names.misspelt" for rule, _ in found("村民林振军种了三亩茶。"))


def test_two_character_names_need_a_title_beside_them():
    assert ("names.misspelt", "陈晶") in found("宣传部部长陈晶出席。")
    assert not any(rule == "names.misspelt" for rule, _ in found("晨静的街道上，陈晶在跑步。"))


def test_a_title_that_is_not_theirs_and_the_order_of_leaders_warn():
    r = found("县长林振华出席。县委书记林振华、县长何文斌出席。")
    assert ("names.title", "县长林振华") in r
    assert not any(text == "县委书记林振华" for _, text in r)
    assert ("names.order", "何文斌、林振华") in found("何文斌、林振华察看了秧苗。")
    assert not any(rule == "names.order" for rule, _ in found("林振华察看秧苗。何文斌讲话。"))


def test_the_right_names_pass():
    assert found("县委书记林振华，县委副书记、县长何文斌，副县长冯雪梅参加。") == set()


def test_name_lists_refuse_bad_lines():
    assert parse_entries("names", "# x\n林振华\t县委书记、县长\t备注\n") == [
        ListEntry("林振华", "县委书记、县长", "备注")]
    with pytest.raises(ListError, match="line 2: “Lin” is not a name"):
        parse_entries("names", "林振华\nLin\t县长\n")
    with pytest.raises(ListError, match="line 2: “林振华” is already on line 1"):
        parse_entries("names", "林振华\n林振华\n")


# ---- 错别字 -----------------------------------------------------------------------------
def test_a_common_misspelling_is_named_with_its_correction():
    assert ("confusion.misspelt", "再接再励") in found("希望大家再接再励。")
    assert ("confusion.misspelt", "按装") in found("工人正在按装路灯。")
    assert found("希望大家再接再厉，安装路灯。") == set()


def test_the_outlet_adds_pairs_and_turns_shipped_ones_off():
    own = [ListEntry("越西", "越溪"), ListEntry("再接再励", "")]
    r = found("越西人民再接再励。", own=own)
    assert ("confusion.misspelt", "越西") in r and ("confusion.misspelt", "再接再励") not in r


def test_the_shipped_list_is_large_sourced_and_never_flags_its_own_corrections():
    pairs = shipped()
    assert len(pairs) >= 1000
    t2s = opencc.OpenCC("t2s")
    rights = {p.value for p in pairs}
    for p in pairs:
        assert len(p.key) == len(p.value) and p.key != p.value, p
        assert p.note, f"{p.key}: no source"
        assert t2s.convert(p.key) == p.key, f"{p.key}: traditional"
        assert not any(p.key in r for r in rights), f"{p.key} is inside a correct form"
    # Every correction, written correctly, passes.
    assert found("，".join(sorted(rights)) + "。", names=[]) & {
        ("confusion.misspelt", p.key) for p in pairs} == set()


# ---- 繁简混用 ---------------------------------------------------------------------------
def test_traditional_characters_in_simplified_copy():
    r = found("全县經濟平稳发展，乾隆年间的古桥得到修缮。")
    assert r == {("traditional.mixed", "經濟")}  # 乾隆 keeps its 乾
    kept = [ListEntry("國泰", "", "香港公司名")]
    assert found("國泰集团向學校捐款。", traditional=kept) == {("traditional.mixed", "學")}


# ---- search-spam injection --------------------------------------------------------------
def test_the_reference_pages_injected_title_blocks_and_names_the_brand():
    a = Article(id="", title="“居民更在乎的，是你的真心”——澳门葡京娱乐场", body="正文。",
                channel_id="c", reporters=["张薇"])
    report = checks.check_article(a, Knowledge.of(), SiteSettings())
    [f] = [f for f in report.findings if f.field == "title"]
    assert (f.rule, f.severity, f.text) == ("spam.brand", "block", "澳门葡京娱乐场")
    assert "gambling brand “澳门葡京娱乐场”" in f.message_en


@pytest.mark.parametrize("text, seen", [
    ("越溪新闻网-金沙官网", ["金沙官网"]),
    ("开云体育app下载", ["开云体育app下载"]),
    ("华体会", ["华体会"]),
    ("访问www.amxpj0088.com注册", ["www.amxpj0088.com"]),
    ("hg3088.vip", ["hg3088.vip"]),
])
def test_spam_shapes(text, seen):
    assert spam.named(text) == seen


@pytest.mark.parametrize("text", [
    "星空下的村庄", "江南体育馆举行比赛", "半岛体育中心开放", "金沙江畔", "见www.gov.cn",
    "越溪县银河小学", "www.yuexi-news.example",
])
def test_ordinary_chinese_is_not_spam(text):
    assert spam.named(text) == []


def test_a_hidden_link_in_pasted_html_blocks():
    r = found('正文。<div style="position:absolute;left:-9999px"><a href="http://x.cc/">博</a></div>')
    assert any(rule == "spam.hidden-link" for rule, _ in r)
    assert not any(rule.startswith("spam") for rule, _ in found('<p style="color:red">提示</p>'))


def test_check_cli_blocks_the_injected_title_and_names_the_brand(demo_store, cli, tmp_path):
    story = tmp_path / "injected.md"
    story.write_text("---\ntitle: “居民更在乎的，是你的真心”——澳门葡京娱乐场\nchannel: 社会\n"
                     "reporters: 张薇\n---\n社区志愿者上门服务。\n", "utf-8")
    r = cli("check", story, "--db", demo_store.path)
    assert r.code == 1
    assert "block  title" in r.out and "the gambling brand “澳门葡京娱乐场”" in r.out
