"""Re-run the notebooks top to bottom in place, so the committed outputs are the shipped
model's (run after training a new model):

    FORM4ML_REPORT_SIZES=25,50,100,200 python notebooks/execute.py

The FORM4ML_REPORT_* variables of ``form4ml.report.Settings`` choose the held-out filings,
the learning curve's pool and sizes.
"""
import sys
from pathlib import Path

import nbclient
import nbformat

HERE = Path(__file__).resolve().parent


def execute(path):
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(HERE)}}).execute()
    nbformat.write(nb, path)


if __name__ == "__main__":
    for name in sys.argv[1:] or sorted(p.name for p in HERE.glob("*.ipynb")):
        print(f"executing {name}")
        execute(HERE / name)
