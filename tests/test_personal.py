"""Personal information in a story (身份证号, 手机号, 银行卡号) blocks unless accepted with
a reason; the error rate is judged only on bodies long enough to have one."""
import pytest

from newsdesk import checks
from newsdesk.review import workflow
from newsdesk.checks import personal
from newsdesk.checks import Knowledge
from newsdesk.model import Article
from newsdesk.settings import SiteSettings
from newsdesk.review.workflow import RuleError

VALID_ID = "11010519491231002X"      # the standard's own example
WRONG_CHECK = "110105194912310021"
NOT_A_DATE = "110105194913310028"


def with_luhn(prefix: str) -> str:
    """prefix and the Luhn check digit that makes it a valid card number."""
    for d in "0123456789":
        if personal.luhn_valid(prefix + d):
            return prefix + d
    raise AssertionError


CARD = with_luhn("622202123456789012")  # 19 digits, UnionPay-shaped


def rules(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in personal.check("body", text)]


def test_id_numbers_that_pass_the_checksum():
    assert personal.id_number_valid(VALID_ID)
    assert not personal.id_number_valid(WRONG_CHECK)
    assert not personal.id_number_valid(NOT_A_DATE)
    assert rules(f"当事人身份证号{VALID_ID}，现住址") == [("personal.id-number", VALID_ID)]
    # A near-miss (real birth date, wrong check character) is still someone's, maybe.
    [near] = personal.check("body", f"编号{WRONG_CHECK}。")
    assert (near.rule, near.severity, near.text) == ("personal.id-like", "warn", WRONG_CHECK)
    assert "身份证号" in near.message_en and "check character" in near.message_en
    assert rules(f"编号{NOT_A_DATE}。") == []  # no birth date: not an ID number's shape
    assert rules("身份证号110101********1234，已脱敏。") == []


def test_mobile_numbers_and_bank_cards():
    assert rules("联系电话13812345678。") == [("personal.mobile", "13812345678")]
    assert rules("请拨打 138 1234 5678 咨询") == [("personal.mobile", "138 1234 5678")]
    assert rules("热线0575-86012345、手机138****5678") == []  # a landline, a masked mobile
    assert rules(f"卡号{CARD}") == [("personal.bank-card", CARD)]
    spaced = " ".join(CARD[i:i + 4] for i in range(0, len(CARD), 4))
    assert rules(f"卡号 {spaced} 已冻结") == [("personal.bank-card", spaced)]
    assert rules("订单号1234567812345678") == []  # 16 digits that fail Luhn


def test_personal_information_blocks_until_accepted_with_a_reason(demo_store):
    s = demo_store
    chen = s.users.find("chenlu")
    draft = s.articles.get(s.articles.ids(state="draft", author_id=chen.id)[0])
    workflow.edit(s, draft.id, {"body": draft.body + "\n求助热线：13812345678。"}, chen)
    report = checks.run_checks(s, s.articles.get(draft.id))
    [mobile] = [f for f in report.findings if f.rule == "personal.mobile"]
    assert report.verdict == "block"
    with pytest.raises(RuleError, match="mobile phone number"):
        workflow.submit(s, draft.id, chen)
    checks.accept(s, draft.id, mobile, "求助热线，当事人同意公开", chen.id)
    report = checks.run_checks(s, s.articles.get(draft.id))
    assert [f.note for f in report.findings if f.rule == "personal.mobile"] == [
        "求助热线，当事人同意公开"]
    assert "personal.mobile" not in {f.rule for f in report.blocking}


def rate(body: str) -> checks.Report:
    a = Article(id="", title="标题", body=body, reporters=["张薇"], channel_id="x")
    return checks.finish(checks.check_article(a, Knowledge.of(), SiteSettings()), {})


def test_the_error_rate_needs_a_body_of_500_characters():
    short = rate("志愿者的辛苦,大家都看在眼里。")  # one slip in 15 characters
    assert [f.rule for f in short.findings] == ["typography.halfwidth-punctuation"]
    clean = "社区志愿者每天上门为独居老人测量血压送上热饭" * 25  # 550 characters
    long = rate(clean + "志愿者的辛苦,大家都看在眼里," + "又一次,又一次,")
    # Three slips of one kind are one distinct error (“,” at three places): 1 per 10,000
    # characters of 580 is 17.2, over the threshold of 3.
    assert "rate.over-threshold" in {f.rule for f in long.findings}
    assert round(long.error_rate, 1) == round(10_000 / long.char_count, 1)
