"""graph.ttl and graph.trig are byte-identical across runs and input orders, and parse back."""
import random
import sys
from pathlib import Path

import pyoxigraph
from rdflib import Graph
from rdflib.compare import isomorphic

from graphbuilder.entities.resolve import Resolver
from graphbuilder.query.store import load_store
from graphbuilder.export.rdf_files import trig_text, turtle_text, write_rdf_files
from graphbuilder.rdf.triples import build_dataset
from graphbuilder.rdf.validate import union

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rdf"))
import rdf_samples  # noqa: E402

NO_LEXICON = Resolver(Path("/nonexistent/agencies.tsv"))


def shuffled(seed: int):
    results = rdf_samples.all_results()
    random.Random(seed).shuffle(results)
    for result in results:
        random.Random(seed).shuffle(result.facts)
    return results


def write(tmp_path: Path, name: str, results) -> tuple[bytes, bytes]:
    ttl, trig = write_rdf_files(build_dataset(results, NO_LEXICON), tmp_path / name)
    return ttl.read_bytes(), trig.read_bytes()


def test_bytes_identical_across_runs_and_shuffles(tmp_path):
    first = write(tmp_path, "a", rdf_samples.all_results())
    assert write(tmp_path, "b", rdf_samples.all_results()) == first
    for seed in range(3):
        assert write(tmp_path, f"s{seed}", shuffled(seed)) == first


def test_files_parse_back_to_the_same_graph(tmp_path):
    dataset = build_dataset(rdf_samples.all_results(), NO_LEXICON)
    ttl, trig = write_rdf_files(dataset, tmp_path)
    assert isomorphic(Graph().parse(ttl, format="turtle"), union(dataset))
    parsed = set(pyoxigraph.parse(path=trig, format=pyoxigraph.RdfFormat.TRIG))   # a second parser
    assert parsed == set(load_store(dataset))


def test_literals_are_escaped_on_one_line():
    from rdflib import Literal, URIRef
    triple = (URIRef("https://w3id.org/graphbuilder/id/task/ab12"),
              URIRef("https://w3id.org/graphbuilder/ontology#text"), Literal('一行\n二行 "引号" \\'))
    text = turtle_text([triple])
    assert 'gb:text "一行\\n二行 \\"引号\\" \\\\"' in text
    assert Graph().parse(data=text, format="turtle").value(triple[0], triple[1]) == triple[2]


def test_trig_of_empty_dataset_is_only_prefixes():
    text = trig_text(build_dataset([], NO_LEXICON))
    assert "{" not in text and text.startswith("@prefix")
