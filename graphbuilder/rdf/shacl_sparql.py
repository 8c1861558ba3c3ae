"""SHACL Core shapes as SPARQL queries on Oxigraph: the same results as pySHACL, far faster.

pySHACL walks the data graph in Python, a few microseconds per triple and constraint:
3 s for the seeds, minutes for a decade of gazettes. The shapes in ``shapes.ttl`` use
a small part of SHACL Core (class targets, predicate paths, counts, class, datatype,
node kind, length, range, ``sh:in``, ``sh:lessThan``, ``sh:xone`` of counted paths),
and they become a few SPARQL queries per shape that return only what fails: one
counting every bounded path per focus node, one per property shape flagging its value
constraints, one per ``sh:lessThan`` and ``sh:xone``. :func:`compile_shapes` raises
:class:`Unsupported` for shapes using anything else (other targets or paths, severities,
SPARQL constraints …), and the caller falls back to pySHACL, so adding a shape never
makes validation wrong, at worst slow.

Results follow pySHACL's counting: one per focus node for counts, node kind of the
focus and ``sh:xone``; one per value node for value constraints; one per pair of values
for ``sh:lessThan``. Instances are SHACL instances (``rdf:type/rdfs:subClassOf*``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

NODE_KEYS = frozenset({RDF.type, RDFS.comment, RDFS.label, SH.targetClass, SH.nodeKind, SH.property,
                       SH.xone, SH.name, SH.description})
PROPERTY_KEYS = frozenset({RDF.type, RDFS.comment, RDFS.label, SH.path, SH.minCount, SH.maxCount, SH["class"],
                           SH.datatype, SH.nodeKind, SH.minLength, SH.maxLength, SH.minInclusive,
                           SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.lessThan, SH["in"],
                           SH.name, SH.description, SH.order, SH.group})
NODE_KINDS = {SH.IRI: "isIRI({x})", SH.Literal: "isLiteral({x})", SH.BlankNode: "isBlank({x})",
              SH.BlankNodeOrIRI: "(isBlank({x}) || isIRI({x}))",
              SH.BlankNodeOrLiteral: "(isBlank({x}) || isLiteral({x}))",
              SH.IRIOrLiteral: "(isIRI({x}) || isLiteral({x}))"}
RANGES = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
# Lexical forms a literal of these datatypes must have to be well-typed (pySHACL flags ill-typed ones).
LEXICAL = {XSD.integer: r"^[+-]?[0-9]+$", XSD.boolean: r"^(true|false|1|0)$",
           XSD.date: r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$"}


@dataclass(frozen=True, slots=True)
class Finding:
    """One validation result, as pySHACL would report it."""
    component: str
    shape: str
    path: str
    focus: str
    value: str


class Unsupported(Exception):
    """The shapes use SHACL beyond what this module compiles."""


@dataclass(frozen=True, slots=True)
class Check:
    """One constraint as a query whose rows are validation results (?f, and ?v when a value fails)."""
    component: str        # e.g. MinLengthConstraintComponent
    shape: str            # the shape it belongs to, for the report
    path: str             # the property path's IRI, "" for a node-level constraint
    query: str
    per_value: bool = False   # rows bind ?v, the failing value (else the focus node is the value)
    targets: tuple[str, ...] = ()     # the shape's target classes

    def findings(self, store: ox.Store) -> list[Finding]:
        rows = []
        for solution in store.query(self.query, use_default_graph_as_union=True):
            focus = solution["f"]
            value = solution["v"] if self.per_value else focus
            rows.append(Finding(self.component, self.shape, self.path, focus.value, value_text(value)))
        return sorted(rows, key=self.order)

    @staticmethod
    def order(finding: Finding) -> tuple:
        return finding.focus, finding.value


@dataclass(frozen=True, slots=True)
class ValueCheck:
    """The value constraints of one property shape in one query: a flag per constraint, rows that fail one."""
    components: tuple[str, ...]
    shape: str
    path: str
    query: str
    targets: tuple[str, ...] = ()

    def findings(self, store: ox.Store) -> list[Finding]:
        rows = []
        for solution in store.query(self.query, use_default_graph_as_union=True):
            focus, value = solution["f"].value, value_text(solution["v"])
            rows += [Finding(component, self.shape, self.path, focus, value)
                     for k, component in enumerate(self.components) if solution[f"b{k}"].value == "true"]
        return sorted(rows, key=self.order)

    @staticmethod
    def order(finding: Finding) -> tuple:
        return finding.focus, finding.value, finding.component


@dataclass(frozen=True, slots=True)
class Bound:
    """sh:minCount or sh:maxCount of one property shape."""
    component: str        # MinCountConstraintComponent | MaxCountConstraintComponent
    shape: str
    path: str
    variable: int         # ?c<variable> counts the path's values
    limit: int

    def broken(self, count: int) -> bool:
        return count < self.limit if self.component.startswith("Min") else count > self.limit


@dataclass(frozen=True, slots=True)
class CountCheck:
    """Every count constraint of a node shape in one query: values counted per focus node."""
    bounds: tuple[Bound, ...]
    query: str
    targets: tuple[str, ...] = ()

    def findings(self, store: ox.Store) -> list[Finding]:
        rows = []
        for solution in store.query(self.query, use_default_graph_as_union=True):
            focus = solution["f"]
            for bound in self.bounds:
                if bound.broken(int(solution[f"c{bound.variable}"].value)):
                    rows.append(Finding(bound.component, bound.shape, bound.path, focus.value, value_text(focus)))
        return sorted(rows, key=self.order)

    @staticmethod
    def order(finding: Finding) -> tuple:
        return finding.focus, finding.component, finding.path


def term(node) -> str:
    """A shapes-graph term in SPARQL syntax."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        escaped = str(node).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if node.language:
            return f'"{escaped}"@{node.language}'
        return f'"{escaped}"^^<{node.datatype or XSD.string}>'
    raise Unsupported(f"blank node {node} where a constant is expected")


def label(shapes: Graph, shape) -> str:
    return shapes.qname(shape) if isinstance(shape, URIRef) else "[" + ", ".join(
        f"{shapes.qname(p)} {o.n3(shapes.namespace_manager)}" for p, o in sorted(shapes.predicate_objects(shape))
        if p != SH["in"]) + "]"


def compile_shapes(shapes: Graph, subclasses: bool = True) -> list:
    """The checks of every node shape with class targets; :class:`Unsupported` otherwise.

    ``subclasses`` False (the data holds no rdfs:subClassOf) types instances by rdf:type alone.
    """
    type_path = "<%s>/<%s>*" % (RDF.type, RDFS.subClassOf) if subclasses else f"<{RDF.type}>"
    checks: list[Check] = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(SH.targetClass, None))):
        if set(shapes.predicates(shape)) - NODE_KEYS or shapes.value(shape, SH.path) is not None:
            raise Unsupported(f"node shape {shape} uses {set(shapes.predicates(shape)) - NODE_KEYS}")
        classes = sorted(shapes.objects(shape, SH.targetClass))
        if not classes:
            continue
        focus = f"VALUES ?target {{ {' '.join(term(c) for c in classes)} }} ?f {type_path} ?target ."
        name = label(shapes, shape)
        first = len(checks)
        for kind in shapes.objects(shape, SH.nodeKind):
            checks.append(Check("NodeKindConstraintComponent", name, "",
                                f"SELECT DISTINCT ?f WHERE {{ {focus} FILTER(!{node_kind(kind, '?f')}) }}"))
        for member_list in shapes.objects(shape, SH.xone):
            checks.append(xone_check(shapes, name, focus, member_list))
        props = sorted(shapes.objects(shape, SH.property))
        for prop in props:
            checks.extend(property_checks(shapes, prop, focus, type_path))
        counted = count_check(shapes, props, focus)
        if counted is not None:
            checks.append(counted)
        checks[first:] = [replace(check, targets=tuple(str(c) for c in classes)) for check in checks[first:]]
    return checks


def count_check(shapes: Graph, props: list, focus: str) -> CountCheck | None:
    """One query counting, per focus node, the values of every path a count constraint bounds."""
    bounds, optionals, conditions = [], [], []
    for k, prop in enumerate(props):
        path = shapes.value(prop, SH.path)
        for key, component in ((SH.minCount, "MinCountConstraintComponent"),
                               (SH.maxCount, "MaxCountConstraintComponent")):
            for limit in shapes.objects(prop, key):
                bounds.append(Bound(component, label(shapes, prop), str(path), k, int(limit)))
                conditions.append(f"COUNT(DISTINCT ?v{k}) {'<' if key == SH.minCount else '>'} {int(limit)}")
        if any(b.variable == k for b in bounds):
            optionals.append(f"OPTIONAL {{ ?f <{path}> ?v{k} }}")
    if not bounds:
        return None
    counted = sorted({b.variable for b in bounds})
    columns = " ".join(f"(COUNT(DISTINCT ?v{k}) AS ?c{k})" for k in counted)
    return CountCheck(tuple(bounds), f"SELECT ?f {columns} WHERE {{ {focus} {' '.join(optionals)} }} "
                                     f"GROUP BY ?f HAVING ({' || '.join(conditions)})")


def node_kind(kind, variable: str) -> str:
    if kind not in NODE_KINDS:
        raise Unsupported(f"node kind {kind}")
    return NODE_KINDS[kind].format(x=variable)


def property_checks(shapes: Graph, prop, focus: str, type_path: str) -> list[Check]:
    keys = set(shapes.predicates(prop))
    path = shapes.value(prop, SH.path)
    if keys - PROPERTY_KEYS or not isinstance(path, URIRef):
        raise Unsupported(f"property shape {prop}: path {path!r}, keys {keys - PROPERTY_KEYS}")
    name, p = label(shapes, prop), f"<{path}>"
    checks: list = []
    conditions: list[tuple[str, str]] = []     # (component, condition a conforming value meets)
    for cls in shapes.objects(prop, SH["class"]):
        conditions.append(("ClassConstraintComponent", f"EXISTS {{ ?v {type_path} {term(cls)} }}"))
    for datatype in shapes.objects(prop, SH.datatype):
        lexical = f' && REGEX(STR(?v), "{LEXICAL[datatype]}")' if datatype in LEXICAL else ""
        conditions.append(("DatatypeConstraintComponent",
                           f"isLiteral(?v) && sameTerm(DATATYPE(?v), {term(datatype)}){lexical}"))
    for kind in shapes.objects(prop, SH.nodeKind):
        conditions.append(("NodeKindConstraintComponent", node_kind(kind, "?v")))
    for key, op in ((SH.minLength, ">="), (SH.maxLength, "<=")):
        for bound in shapes.objects(prop, key):
            conditions.append((f"{key.split('#')[1][:3].capitalize()}LengthConstraintComponent",
                               f"!isBlank(?v) && STRLEN(STR(?v)) {op} {int(bound)}"))
    for key, op in RANGES.items():
        for bound in shapes.objects(prop, key):
            conditions.append((f"{key.split('#')[1][0].upper()}{key.split('#')[1][1:]}ConstraintComponent",
                               f"?v {op} {term(bound)}"))
    for members in shapes.objects(prop, SH["in"]):
        allowed = " || ".join(f"sameTerm(?v, {term(m)})" for m in Collection(shapes, members)) or "false"
        conditions.append(("InConstraintComponent", allowed))
    if conditions:     # a condition that cannot be evaluated (an error) counts as failed
        flags = " ".join(f"BIND(!COALESCE({condition}, false) AS ?b{k})" for k, (_, condition) in enumerate(conditions))
        checks.append(ValueCheck(tuple(c for c, _ in conditions), name, str(path),
                                 f"SELECT DISTINCT ?f ?v {' '.join(f'?b{k}' for k in range(len(conditions)))} "
                                 f"WHERE {{ {focus} ?f {p} ?v . {flags} "
                                 f"FILTER({' || '.join(f'?b{k}' for k in range(len(conditions)))}) }}"))
    for other in shapes.objects(prop, SH.lessThan):
        checks.append(Check("LessThanConstraintComponent", name, str(path),
                            f"SELECT DISTINCT ?f ?v ?o WHERE {{ {focus} ?f {p} ?v . ?f {term(other)} ?o . "
                            f"FILTER(!COALESCE(?v < ?o, false)) }}", True))
    return checks


def xone_check(shapes: Graph, name: str, focus: str, member_list) -> Check:
    """``sh:xone`` of shapes that each count one path: exactly one must hold."""
    parts, conditions = [], []
    for k, member in enumerate(Collection(shapes, member_list)):
        keys = set(shapes.predicates(member)) - {RDF.type, RDFS.comment}
        path = shapes.value(member, SH.path)
        if not isinstance(member, BNode) or not isinstance(path, URIRef) or keys - {SH.path, SH.minCount, SH.maxCount}:
            raise Unsupported(f"sh:xone member {member} beyond counted paths")
        parts.append(f"OPTIONAL {{ ?f <{path}> ?x{k} }}")
        bounds = [f"COUNT(DISTINCT ?x{k}) >= {int(b)}" for b in shapes.objects(member, SH.minCount)]
        bounds += [f"COUNT(DISTINCT ?x{k}) <= {int(b)}" for b in shapes.objects(member, SH.maxCount)]
        conditions.append(f"IF({' && '.join(bounds) or 'true'}, 1, 0)")
    return Check("XoneConstraintComponent", name, "",
                 f"SELECT ?f WHERE {{ {focus} {' '.join(parts)} }} GROUP BY ?f "
                 f"HAVING (({' + '.join(conditions) or '0'}) != 1)")


def run_checks(store: ox.Store, checks: list) -> list[Finding]:
    """Every validation result, check by check."""
    return [finding for check in checks for finding in check.findings(store)]


def value_text(node) -> str:
    """A result value as text: the IRI, or the literal in N-Triples form (type and language kept)."""
    return node.value if isinstance(node, (ox.NamedNode, ox.BlankNode)) else str(node)


def has_subclasses(store: ox.Store) -> bool:
    """Whether the data states rdfs:subClassOf (then instances follow it, as SHACL says)."""
    pattern = store.quads_for_pattern(None, ox.NamedNode(str(RDFS.subClassOf)), None, None)
    return next(iter(pattern), None) is not None
