"""A collective unit is its own node, linked to the units it stands for (issue 5)."""
import sys
from pathlib import Path

from rdflib import RDF

from graphbuilder.entities.resolve import Resolver
from graphbuilder.rdf.ns import GB
from graphbuilder.rdf.entities import organization_entity

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rdf"))
import rdf_samples  # noqa: E402


def test_counties_collective_stands_for_six_governments():
    names = {member.name for member in Resolver().members("各县〔市、区〕政府", "", "三门峡市")}
    assert names == {"三门峡市湖滨区人民政府", "三门峡市陕州区人民政府", "义马市人民政府",
                     "渑池县人民政府", "灵宝市人民政府", "卢氏县人民政府"}


def test_single_unit_stands_for_nothing():
    assert Resolver().members("市财政局", "", "三门峡市") == []


def test_collective_node_triples():
    entity = organization_entity(Resolver(), "城乡一体化示范区、开发区管委会", rdf_samples.document(
        "issue", "通知\n2020年3月25日", "三政办〔2020〕6 号", "通知", "三门峡市人民政府办公室", "2020-03-25"))
    triples = set(entity.triples)
    assert (entity.iri, RDF.type, GB.CollectiveUnit) in triples
    members = {o for s, p, o in triples if p == GB.standsFor}
    assert len(members) == 2
    member_names = {str(o) for s, p, o in triples if s in members and p == GB.name}
    assert member_names == {"三门峡市城乡一体化示范区管理委员会", "三门峡经济开发区管理委员会"}
