"""Text in English and Chinese: the ``lang`` keyword, ``explain_decision``, ``message`` and
the ``messages`` of an error. (The texts themselves are checked by the shared vectors.)"""

import pytest

import huaide

MOTION = {
    "members": 15,
    "present": 11,
    "yes": 6,
    "no": 4,
    "abstain": 1,
    "quorum": {"present_at_least": {"fraction": [1, 2]}},
    "threshold": "simple",
}


def test_lang_chooses_the_explanation_language_and_nothing_else() -> None:
    en = huaide.tally_motion(MOTION)
    zh = huaide.tally_motion(MOTION, lang="zh")
    assert huaide.tally_motion(MOTION, lang="en").to_dict() == en.to_dict()
    assert "赞成 6 票" in zh.explanation and "弃权" in zh.explanation
    assert {k: v for k, v in zh.to_dict().items() if k != "explanation"} == {
        k: v for k, v in en.to_dict().items() if k != "explanation"
    }


@pytest.mark.parametrize("lang", ["fr", "ZH", "", 1])
def test_an_unknown_lang_is_a_document_error(lang: object) -> None:
    with pytest.raises(huaide.DocumentError) as raised:
        huaide.tally_motion(MOTION, lang=lang)  # type: ignore[arg-type]
    assert raised.value.code == "invalid_document"
    assert raised.value.path == "lang"


def test_plan_findings_in_chinese_keep_codes_and_paths() -> None:
    plan = huaide.Plan(
        {"id": "", "community": "c", "year": 2006, "timezone": "Asia/Shanghai"}
    )
    en, zh = plan.validate(), plan.validate(lang="zh")
    assert [(f["code"], f["path"]) for f in en["findings"]] == [
        (f["code"], f["path"]) for f in zh["findings"]
    ]
    assert [f["message"] for f in zh["findings"]] == ["计划编号为空"]


def test_explain_decision_reads_an_allocation_decision() -> None:
    decision = {"program": "pottery", "code": "waitlisted", "position": 2}
    assert huaide.explain_decision(decision) == "pottery: on the waiting list, place 2."
    assert huaide.explain_decision(decision, lang="zh") == "pottery：进入候补名单，候补第 2 位。"
    with pytest.raises(huaide.DocumentError):
        huaide.explain_decision({"program": "pottery"})


def test_message_renders_a_catalogue_entry() -> None:
    args = {"program": "陶艺", "position": 3}
    assert huaide.message("decision.waitlisted", args, lang="zh") == "陶艺：进入候补名单，候补第 3 位。"
    assert huaide.message("decision.waitlisted", args) == "陶艺: on the waiting list, place 3."
    assert huaide.message("no.such.code") is None


def test_every_error_carries_its_message_in_both_languages() -> None:
    with pytest.raises(huaide.MotionError) as raised:
        huaide.tally_motion({**MOTION, "present": 16})
    err = raised.value
    assert err.messages["en"] == str(err)
    assert err.messages["zh"].startswith("present：出席人数超过成员总数")
    with pytest.raises(huaide.DocumentError) as raised_doc:
        huaide.tally_motion({**MOTION, "colour": "red"})
    assert set(raised_doc.value.messages) == {"en", "zh"}
    assert "文档格式不符合要求" in raised_doc.value.messages["zh"]
