"""Persons: one name in one jurisdiction is one person unless the evidence conflicts (issue 6)."""
from __future__ import annotations

from graphbuilder.entities.judgements import Judgement, Judgements
from graphbuilder.entities.persons import PersonMention, resolve_persons, summary

J = "三门峡市"


def mention(name, doc, date, start=0, **evidence) -> PersonMention:
    return PersonMention(name, J, doc, date, start, **evidence)


def head(name, doc, date, organization, start=0) -> PersonMention:
    return mention(name, doc, date, start, organization=organization, title="局长", holds=True, exclusive=True)


def test_one_name_across_notices_is_one_person_and_keeps_its_clusters():
    result = resolve_persons([mention("裴宗杰", "A", "2019-06-06"), mention("裴宗杰", "B", "2020-01-21"),
                              mention("裴宗杰", "B", "2020-01-21", start=40)])
    [person] = result.persons
    assert person.key == "三门峡市/裴宗杰" and person.rule == "same-name"
    assert person.clusters == ("三门峡市/裴宗杰@A", "三门峡市/裴宗杰@B")
    assert result.conflicts == [] and len(result.merged_across_documents()) == 1


def test_the_same_name_in_two_jurisdictions_is_two_persons():
    a = PersonMention("王伟", "三门峡市", "A", "2019-01-01", 0)
    b = PersonMention("王伟", "郑州市", "B", "2019-01-01", 0)
    assert len(resolve_persons([a, b]).persons) == 2


def test_different_genders_split_and_are_reported():
    result = resolve_persons([mention("李娜", "A", "2019-01-01", gender="female"),
                              mention("李娜", "B", "2020-01-01", gender="male"),
                              mention("李娜", "C", "2021-01-01")])
    assert len(result.persons) == 2
    [conflict] = result.conflicts
    assert (conflict.left, conflict.right, conflict.reason) == ("三门峡市/李娜@A", "三门峡市/李娜@B", "gender")
    first, second = result.persons
    assert first.key == "三门峡市/李娜" and second.key == "三门峡市/李娜#B" and second.rule == "split"
    assert "三门峡市/李娜@C" in first.clusters          # no gender stated: joins the first person


def test_two_exclusive_heads_of_different_bodies_on_one_date_are_two_persons():
    result = resolve_persons([head("张伟", "A", "2019-06-06", "smx-slj"),
                              head("张伟", "B", "2019-06-06", "smx-jyj")])
    assert len(result.persons) == 2 and result.conflicts[0].reason == "exclusive-posts"
    assert "smx-slj" in result.conflicts[0].evidence and "smx-jyj" in result.conflicts[0].evidence


def test_posts_held_on_different_dates_or_not_exclusive_do_not_conflict():
    moved = resolve_persons([head("张伟", "A", "2019-06-06", "smx-slj"),
                             head("张伟", "B", "2020-06-06", "smx-jyj")])
    deputy = resolve_persons([mention("张伟", "A", "2019-06-06", organization="smx-slj", title="副局长",
                                      holds=True), head("张伟", "B", "2019-06-06", "smx-jyj")])
    assert len(moved.persons) == len(deputy.persons) == 1


def test_one_notice_naming_two_namesakes_splits_inside_the_document():
    result = resolve_persons([head("张伟", "A", "2019-06-06", "smx-slj", start=10),
                              head("张伟", "A", "2019-06-06", "smx-jyj", start=90)])
    assert sorted(c for p in result.persons for c in p.clusters) == ["三门峡市/张伟@A", "三门峡市/张伟@A#2"]
    [conflict] = result.conflicts
    assert conflict.right == "三门峡市/张伟@A#2"
    assert result.person(J, "张伟", "A", 90).key != result.person(J, "张伟", "A", 10).key


def test_a_later_notice_never_changes_an_earlier_persons_key():
    earlier = [mention("王强", "A", "2019-01-01"), mention("王强", "B", "2019-05-01")]
    before = resolve_persons(earlier)
    after = resolve_persons([*earlier, mention("王强", "C", "2021-01-01", gender="female"),
                             mention("赵六", "C", "2021-01-01")])
    assert before.persons[0].iri == after.persons[0].iri


def judgements(*rows: tuple[str, str, str]) -> Judgements:
    return Judgements([Judgement("person", left, right, verdict) for left, right, verdict in rows])


def test_a_different_judgement_parts_what_the_name_rule_joined():
    mentions = [mention("刘洋", "A", "2019-01-01"), mention("刘洋", "B", "2020-01-01"),
                mention("钱七", "A", "2019-01-01")]
    parted = resolve_persons(mentions, judgements(("三门峡市/刘洋@A", "三门峡市/刘洋@B", "different")))
    assert len([p for p in parted.persons if p.name == "刘洋"]) == 2
    untouched = resolve_persons(mentions)
    assert {p.iri for p in untouched.persons if p.name == "钱七"} == {p.iri for p in parted.persons if p.name == "钱七"}
    assert parted.person(J, "刘洋", "A", 0).iri == untouched.person(J, "刘洋", "A", 0).iri


def test_a_same_judgement_joins_two_spellings_and_overrides_a_conflict():
    mentions = [mention("张 三", "A", "2019-01-01"), mention("张叁", "B", "2020-01-01", gender="female"),
                mention("张三", "C", "2020-02-01", gender="male")]
    joined = resolve_persons(mentions, judgements(("三门峡市/张 三", "三门峡市/张叁", "same"),
                                                  ("三门峡市/张叁", "三门峡市/张三", "same")))
    [person] = joined.persons
    assert person.rule == "judgement:same" and len(person.clusters) == 3
    assert [c.reason for c in joined.conflicts if c.overridden] == ["gender"]


def test_unsure_changes_nothing():
    mentions = [mention("刘洋", "A", "2019-01-01"), mention("刘洋", "B", "2020-01-01")]
    unsure = resolve_persons(mentions, judgements(("三门峡市/刘洋@A", "三门峡市/刘洋@B", "unsure")))
    assert [p.iri for p in unsure.persons] == [p.iri for p in resolve_persons(mentions).persons]


def test_summary_lists_merges_and_conflicts():
    result = resolve_persons([mention("李娜", "A", "2019-01-01", gender="female"),
                              mention("李娜", "B", "2020-01-01", gender="male"),
                              mention("周八", "A", "2019-01-01"), mention("周八", "B", "2020-01-01")])
    report = summary(result)
    assert report["persons"] == 3 and report["merged_across_documents"] == 1
    assert report["merges"][0]["clusters"] == ["三门峡市/周八@A", "三门峡市/周八@B"]
    assert report["conflicts"][0]["reason"] == "gender"


def test_judgements_file_rows_are_checked(tmp_path):
    path = tmp_path / "judgements.tsv"
    path.write_text("kind\tleft\tright\tjudgement\tauthor\tdate\tnote\n"
                    "person\t三门峡市/刘洋@A\t三门峡市/刘洋@B\tdifferent\tlw\t2026-11-20\ttwo people\n"
                    "person\ta\tb\tmaybe\t\t\t\n"
                    "place\ta\tb\tsame\t\t\t\n"
                    "organization\tx\tx\tsame\t\t\t\n", encoding="utf-8")
    loaded, problems = Judgements.load(path)
    assert [j.verdict for j in loaded.items] == ["different"]
    assert [(p.code, p.line) for p in problems] == [("GB601", 3), ("GB601", 4), ("GB601", 5)]
    assert all(str(path) == p.path for p in problems)
