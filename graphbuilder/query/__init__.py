"""Querying built graphs: the store, the shipped SPARQL queries."""
