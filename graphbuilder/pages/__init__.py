"""Network pages: interactive HTML built from a built graph, working offline.

``write_site(store, out / "pages")`` reads the graph through the SPARQL in
``queries/`` (:mod:`.corpus`), builds page models and their networks (:mod:`.overview`,
:mod:`.subjects`, :mod:`.network`), lays them out with networkx (:mod:`.layout`) and
writes them with pyvis and our own autoescaped template (:mod:`.render`, :mod:`.site`).
"""
from graphbuilder.pages.site import SiteSummary, write_site

__all__ = ["SiteSummary", "write_site"]
