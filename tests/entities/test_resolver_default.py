"""The default organisation resolver: canonical keys, types by wording, lexicon first."""
from pathlib import Path

import pytest

from graphbuilder.entities.keys import make_iri
from graphbuilder.entities.resolve import Resolver, canonical_key, guess_type

NO_LEXICON = Path("/nonexistent/agencies.tsv")


@pytest.mark.parametrize("mention, key", [
    ("三门峡市财政局", "市财政局"), ("市财政局", "市财政局"), ("三门峡 市 民政局", "市民政局"),
    ("三门峡经济开发区管理委员会", "市经济开发区管理委员会"), ("各县(市、区)政府", "各县（市、区）政府"),
    ("各县〔市、区〕政府", "各县（市、区）政府"), ("三门峡市", "三门峡市"), ("市场监管局", "市场监管局"),
])
def test_canonical_key(mention, key):
    assert canonical_key(mention) == key


@pytest.mark.parametrize("key, kind", [
    ("市发展改革委", "GovernmentDepartment"), ("市气象局", "GovernmentDepartment"),
    ("市政府办", "GovernmentDepartment"), ("湖滨区政府", "LocalGovernment"),
    ("市铁建公司", "Enterprise"), ("市投资集团", "Enterprise"), ("市委宣传部", "PartyOrgan"),
    ("市委", "PartyOrgan"), ("各县（市、区）政府", "CollectiveUnit"), ("市政府有关部门", "CollectiveUnit"),
    ("国调队", "OtherOrganization"),
])
def test_guess_type(key, kind):
    assert guess_type(key) == kind


def test_city_prefix_variants_share_a_node():
    resolver = Resolver(NO_LEXICON)
    assert resolver.organization("三门峡市气象局")[0] == resolver.organization("市气象局")[0]
    assert resolver.organization("市气象局") == (make_iri("organization", "市气象局"), "市气象局",
                                                "GovernmentDepartment")


def test_lexicon_is_consulted_first_and_respects_validity(tmp_path):
    lexicon = tmp_path / "agencies.tsv"
    lexicon.write_text(
        "id\tname\ttype\tparent\tvalid_from\tvalid_to\taliases\n"
        "old-ag\t三门峡市农业局\tgovernment_department\t\t\t2019-01-30\t市农业局\n"
        "new-ag\t三门峡市农业农村局\tgovernment_department\t\t2019-01-31\t\t市农业农村局|市农业局\n"
        "nbs\t国家统计局三门峡调查队\tcentral_agency_branch\t\t\t\t国调队\n", encoding="utf-8")
    resolver = Resolver(lexicon)
    iri, name, kind = resolver.organization("国调队", "2020-02-20")
    assert (iri, name, kind) == (make_iri("organization", "lexicon", "nbs"), "国家统计局三门峡调查队",
                                 "GovernmentDepartment")
    assert resolver.organization("市农业局", "2018-12-01")[1] == "三门峡市农业局"
    assert resolver.organization("市农业局", "2019-05-01")[1] == "三门峡市农业农村局"
    assert resolver.organization("市气象局", "2019-05-01")[1] == "市气象局"
