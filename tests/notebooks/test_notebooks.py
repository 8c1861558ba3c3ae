"""The analyst notebooks run clean from a fresh checkout, on the seeds, in the project's own Python.

Each notebook is executed with nbclient in a kernel started from this interpreter (a
kernelspec written to a temporary JUPYTER_PATH, so no system-wide Jupyter is needed or
used). The seeds are built once and handed to every notebook through GRAPHBUILDER_OUT,
the variable the notebooks read; without it a notebook builds the seeds itself.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient


ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
KERNEL = "graphbuilder-tests"
CELL_TIMEOUT = 300

@pytest.fixture(scope="module")
def kernel_environment(tmp_path_factory, seeds_out):
    """A kernelspec for this interpreter, the seeds built once, and the variables that point to them."""
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "graphbuilder (tests)", "language": "python"}), encoding="utf-8")
    out = tmp_path_factory.mktemp("notebooks") / "out"      # a copy: the notebooks write pages and exports
    shutil.copytree(seeds_out, out)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(root))
        patch.setenv("JUPYTER_RUNTIME_DIR", str(root / "runtime"))
        patch.setenv("GRAPHBUILDER_OUT", str(out))
        patch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        yield out


def test_there_are_the_four_stories():
    names = [path.stem for path in NOTEBOOKS]
    assert len(names) >= 4
    for topic in ("quickstart", "committees", "careers", "responsibilities"):
        assert any(topic in name for name in names), topic


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path, kernel_environment, tmp_path):
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, kernel_name=KERNEL, timeout=CELL_TIMEOUT,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert images, f"{path.name} drew no plot"
    tables = [o for o in outputs if "<table>" in o.get("data", {}).get("text/html", "")]
    assert tables, f"{path.name} showed no table"
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Traceback" not in text
