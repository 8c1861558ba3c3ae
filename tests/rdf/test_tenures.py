"""Appointments, removals and roster observations pair into tenures, keyed by holder, post and
the removal before them, so that evidence added before or after a tenure keeps its IRI."""
import sys
from pathlib import Path

from rdflib import RDF, Literal
from rdflib import namespace as rns   # module import: pytest must not inspect TIME/XSD themselves

from graphbuilder.entities.keys import make_iri
from graphbuilder.entities.resolve import Resolver
from graphbuilder.rdf.ns import GB
from graphbuilder.rdf.tenures import Event, pair_events
from graphbuilder.rdf.triples import build_dataset
from graphbuilder.rdf.validate import union

sys.path.insert(0, str(Path(__file__).resolve().parent))
import rdf_samples  # noqa: E402

NO_LEXICON = Resolver(Path("/nonexistent/agencies.tsv"))


def date(iso: str) -> Literal:
    return Literal(iso, datatype=rns.XSD.date)


def tenure_of(graph, name: str, title: str):
    person = make_iri("person", f"三门峡市/{name}")     # the samples are 三门峡 notices
    return [t for t in graph.subjects(GB.holder, person)
            if str(graph.value(graph.value(t, GB.post), GB.title)) == title]


def dates(graph, tenure):
    interval = graph.value(tenure, GB.during)
    bounds = (rns.TIME.hasBeginning, rns.TIME.hasEnd)
    return tuple(graph.value(graph.value(interval, bound), rns.TIME.inXSDDate) for bound in bounds)


def test_appointment_then_removal_is_one_closed_tenure():
    g = union(build_dataset(rdf_samples.all_results(), NO_LEXICON))
    [tenure] = tenure_of(g, "詹传江", "副调研员")
    assert dates(g, tenure) == (date("2018-11-30"), date("2019-01-31"))
    assert g.value(tenure, GB.openedBy) and g.value(tenure, GB.closedBy)


def test_removal_alone_is_a_tenure_with_an_end_only():
    g = union(build_dataset(rdf_samples.all_results(), NO_LEXICON))
    [tenure] = [t for t in tenure_of(g, "赵国选", "副局长") if g.value(t, GB.closedBy)]
    assert dates(g, tenure) == (None, date("2018-11-30"))
    assert (tenure, RDF.type, GB.Tenure) in g


def test_tenure_iri_survives_adding_the_closing_notice():
    results = rdf_samples.all_results()
    only_2018 = union(build_dataset([results[0]], NO_LEXICON))
    both = union(build_dataset(results[:2], NO_LEXICON))
    assert tenure_of(only_2018, "詹传江", "副调研员") == tenure_of(both, "詹传江", "副调研员")


def test_reappointment_extends_the_open_tenure():
    p, post = make_iri("person", "甲"), make_iri("post", "市民政局", "局长")
    events = [Event(make_iri("appointment", str(i)), p, post, action, date, f"doc{i}", 0)
              for i, (action, date) in enumerate([("appoint", "2019-01-01"), ("appoint", "2019-06-01"),
                                                  ("remove", "2020-01-01"), ("nominate", "2020-02-01")])]
    [tenure] = pair_events(reversed(events))
    assert tenure.opened == events[0] and tenure.confirmed == [events[1]] and tenure.closed == events[2]


PERSON, POST = make_iri("person", "乙"), make_iri("post", "市水利局", "局长")


def make_event(action: str, day: str, doc: str) -> Event:
    return Event(make_iri("appointment", doc, action), PERSON, POST, action, day, doc, 0)


def keys(events) -> list:
    return [tenure.iri for tenure in pair_events(events)]


APPOINT = make_event("appoint", "2019-01-31", "older")
ROSTER_1, ROSTER_2 = make_event("observe", "2019-06-06", "r1"), make_event("observe", "2020-04-09", "r2")
REMOVE = make_event("remove", "2021-03-01", "later")


def test_an_older_appointment_opens_the_tenure_rosters_showed_without_rekeying_it():
    [known] = pair_events([ROSTER_1, ROSTER_2])
    [opened] = pair_events([ROSTER_2, APPOINT, ROSTER_1])
    assert opened.iri == known.iri and opened.opened == APPOINT and opened.observed == [ROSTER_1, ROSTER_2]


def test_an_older_appointment_before_a_lone_removal_keeps_its_iri():
    assert keys([APPOINT, REMOVE]) == keys([REMOVE])


def test_a_later_removal_closes_the_tenure_without_rekeying_it():
    [closed] = pair_events([ROSTER_1, REMOVE])
    assert [closed.iri] == keys([ROSTER_1]) and closed.closed == REMOVE and closed.status == "ended"


def test_holding_a_post_twice_gives_two_tenures_that_keep_their_iris():
    again = make_event("appoint", "2022-01-01", "again")
    first, second = pair_events([APPOINT, REMOVE, again])
    assert first.iri != second.iri and second.opened == again
    assert keys([APPOINT, REMOVE, again, make_event("remove", "2023-01-01", "end")]) == [first.iri, second.iri]
    assert keys([ROSTER_1, REMOVE, again]) == [first.iri, second.iri]      # first one's start unknown
