"""The analytics tests use two graphs: ``tiny_store``, small enough to solve by hand
(``data/tiny.trig``, its header lists the known answers), and the seeds build
(``seeds_out`` / ``seeds_store``); both fixtures live in tests/conftest.py, shared with
the network exports and the notebooks."""
